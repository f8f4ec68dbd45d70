// Figures → medians across runs → the Markdown table printed and written to bench/results.
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import type { QueryName } from './queries.js';

/** One load phase: one client, one query, one concurrency, one run. */
export interface PhaseFigures {
  rps: number;
  p50: number;
  p99: number;
  /** Upstream calls logged by the emulator during the phase, per completed request. */
  callsPerRequest: number;
  /** CPU time (user + system) of the process serving the phase, per completed request. */
  cpuMsPerRequest: number;
  /** Peak resident memory of that process during the phase (concurrent phases only). */
  peakRssMb: number | null;
  failures: number;
}

export type Client = 'gateway' | 'direct' | 'tailcall' | 'cached';

export interface QueryFigures {
  name: QueryName;
  title: string;
  depth: number;
  floorMs: number;
  optimumCalls: number;
  /** Upstream calls of one request sent alone, per client. */
  exactCalls: Partial<Record<Client, number>>;
  /** Length of this query's concurrent phases (longer when its requests queue on the upstream pool). */
  concurrentSeconds: number;
  /** Per client, per concurrency: one entry per run. */
  runs: Partial<Record<Client, { c1: PhaseFigures[]; cN: PhaseFigures[] }>>;
}

export interface CoalesceFigures {
  connections: number;
  on: PhaseFigures[];
  off: PhaseFigures[];
}

export interface Machine {
  cpu: string;
  cores: number;
  memoryGb: number;
  node: string;
  os: string;
}

/** The machine the bench runs on, as every table's first line names it. */
export function machineInfo(): Machine {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model.trim() ?? 'unknown CPU',
    cores: cpus.length,
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    os: `${os.type()} ${os.release()}`,
  };
}

export interface Settings {
  latencyMs: number;
  runs: number;
  seconds: number;
  connections: number;
  pool: number;
  gatewayEntry: string;
  /** Whether the gateway has a response cache (RESPONSE_CACHE), measured in the cached rows. */
  responseCache: boolean;
  /** Tailcall's version when it ran beside the gateway (bench/peers), else null. */
  tailcall?: string | null;
}

export interface Results {
  date: string;
  machine: Machine;
  settings: Settings;
  queries: QueryFigures[];
  coalescing: CoalesceFigures;
  totalSeconds: number;
}

export function median(values: number[]): number {
  const sorted = values.filter((value) => Number.isFinite(value)).sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/** The median of each figure across runs. */
export function medianFigures(runs: PhaseFigures[]): PhaseFigures {
  const of = (pick: (figures: PhaseFigures) => number | null): number => median(runs.map((run) => pick(run) ?? NaN));
  return {
    rps: of((run) => run.rps),
    p50: of((run) => run.p50),
    p99: of((run) => run.p99),
    callsPerRequest: of((run) => run.callsPerRequest),
    cpuMsPerRequest: of((run) => run.cpuMsPerRequest),
    peakRssMb: of((run) => run.peakRssMb),
    failures: runs.reduce((sum, run) => sum + run.failures, 0),
  };
}

function fixed(value: number | null | undefined, digits: number): string {
  return value === null || value === undefined || !Number.isFinite(value) ? '–' : value.toFixed(digits);
}

function ratio(a: number | null | undefined, b: number | null | undefined): string {
  if (a === null || a === undefined || b === null || b === undefined || !Number.isFinite(a) || !Number.isFinite(b) || b === 0) return '–';
  return `${(a / b).toFixed(2)}×`;
}

const CLIENT_LABEL: Record<Client, string> = { gateway: 'gateway', direct: 'direct REST', tailcall: 'Tailcall', cached: 'gateway, response cache' };
const CLIENTS = ['gateway', 'direct', 'tailcall', 'cached'] as const;
const RATIO_LABEL: Partial<Record<Client, string>> = { direct: '*gateway / direct*', tailcall: '*gateway / Tailcall*' };

export function markdown(results: Results): string {
  const { machine, settings } = results;
  const c = settings.connections;
  const lines: string[] = [
    `Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGb} GB, Node ${machine.node}, ${machine.os}.`,
    `Emulator latency ${settings.latencyMs} ms per call; upstream pool ${settings.pool} connections (gateway and direct client); ` +
      `medians of ${settings.runs} runs of about ${settings.seconds} s per phase; gateway run as \`${settings.gatewayEntry}\`; ` +
      (settings.tailcall ? `Tailcall ${settings.tailcall} with bench/peers/tailcall.graphql.` : 'Tailcall did not run.'),
    '',
    `| Query | Client | Upstream calls / request (optimum) | p50 @1 (ms) | p99 @1 (ms) | Floor (ms) | req/s @${c} | p99 @${c} (ms) | Upstream calls / request @${c} | CPU ms / request @${c} | Peak RSS @${c} (MB) |`,
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  let failures = 0;
  for (const query of results.queries) {
    const medians: Partial<Record<Client, { c1: PhaseFigures; cN: PhaseFigures }>> = {};
    for (const client of CLIENTS) {
      const runs = query.runs[client];
      if (runs) medians[client] = { c1: medianFigures(runs.c1), cN: medianFigures(runs.cN) };
    }
    for (const client of CLIENTS) {
      const figures = medians[client];
      if (!figures) continue;
      failures += figures.c1.failures + figures.cN.failures;
      const calls = query.exactCalls[client];
      lines.push(
        `| ${query.title} | ${CLIENT_LABEL[client]} | ${fixed(calls, 0)} (${query.optimumCalls}) | ${fixed(figures.c1.p50, 0)} | ${fixed(figures.c1.p99, 0)} | ` +
          `${query.floorMs} | ${fixed(figures.cN.rps, 0)} | ${fixed(figures.cN.p99, 0)} | ${fixed(figures.cN.callsPerRequest, 2)} | ${fixed(figures.cN.cpuMsPerRequest, 2)} | ${fixed(figures.cN.peakRssMb, 0)} |`,
      );
      const ratioLabel = RATIO_LABEL[client];
      if (ratioLabel && medians.gateway) {
        const g = medians.gateway;
        const d = figures;
        lines.push(
          `| ${query.title} | ${ratioLabel} | ${ratio(query.exactCalls.gateway, query.exactCalls[client])} | ${ratio(g.c1.p50, d.c1.p50)} | ` +
            `${ratio(g.c1.p99, d.c1.p99)} | | ${ratio(g.cN.rps, d.cN.rps)} | ${ratio(g.cN.p99, d.cN.p99)} | ${ratio(g.cN.callsPerRequest, d.cN.callsPerRequest)} | ` +
            `${ratio(g.cN.cpuMsPerRequest, d.cN.cpuMsPerRequest)} | ` +
            `${ratio(g.cN.peakRssMb, d.cN.peakRssMb)} |`,
        );
      }
    }
  }
  const co = results.coalescing;
  const on = medianFigures(co.on);
  const off = medianFigures(co.off);
  failures += on.failures + off.failures;
  lines.push(
    '',
    `Read coalescing (issue 8): query (a) at ${co.connections} connections, \`LEAF_COALESCE_READS\` on and off.`,
    '',
    '| Coalescing | req/s | p50 (ms) | p99 (ms) | Upstream calls / request | CPU ms / request |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
    `| on | ${fixed(on.rps, 0)} | ${fixed(on.p50, 0)} | ${fixed(on.p99, 0)} | ${fixed(on.callsPerRequest, 3)} | ${fixed(on.cpuMsPerRequest, 2)} |`,
    `| off | ${fixed(off.rps, 0)} | ${fixed(off.p50, 0)} | ${fixed(off.p99, 0)} | ${fixed(off.callsPerRequest, 3)} | ${fixed(off.cpuMsPerRequest, 2)} |`,
    `| *on / off* | ${ratio(on.rps, off.rps)} | ${ratio(on.p50, off.p50)} | ${ratio(on.p99, off.p99)} | ${ratio(on.callsPerRequest, off.callsPerRequest)} | ${ratio(on.cpuMsPerRequest, off.cpuMsPerRequest)} |`,
  );
  lines.push(
    '',
    `Floor: the query's depth (upstream round trips that must follow one another) × the emulator latency. ` +
      `Upstream calls: one request sent alone, counted in the emulator's call log; optimum: one call per distinct resource. ` +
      `CPU and peak RSS: the gateway process, or for the direct rows the process running the direct client, or Tailcall's (all its threads); ` +
      `peak RSS includes heap a process kept from earlier phases (the queries run in table order). ` +
      `Ran in ${results.totalSeconds.toFixed(0)} s.` +
      (failures > 0 ? ` **${failures} requests failed or answered differently from the reference; see latest.json.**` : ''),
  );
  return `${lines.join('\n')}\n`;
}

/** Writes latest.json and latest.md to `out`; returns the table. */
export function writeResults(results: Results, out: string): string {
  const table = markdown(results);
  mkdirSync(out, { recursive: true });
  writeFileSync(`${out}/latest.json`, `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(`${out}/latest.md`, table);
  return table;
}

/** Requests that failed or answered other than the reference answer, over every phase. */
export function failedRequests(results: Results): number {
  const phases = [
    ...results.queries.flatMap((query) => Object.values(query.runs).flatMap((runs) => [...runs.c1, ...runs.cN])),
    ...results.coalescing.on,
    ...results.coalescing.off,
  ];
  return phases.reduce((sum, phase) => sum + phase.failures, 0);
}
