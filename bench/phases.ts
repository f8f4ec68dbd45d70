// The bench's phases, in the order `npm run bench` runs them: reference answers and exact call
// counts (each client alone, its records checked against the gateway's), a warm-up, then the
// measured runs: every query through every client at 1 and N connections, and the coalescing
// figure. Each load phase starts and ends with a quiet upstream.
import { BENCH_TOKEN } from '../src/emulator/seed-tables.js';
import { CallLog } from './call-log.js';
import { DirectClient, type DirectInput } from './direct.js';
import type { Options } from './options.js';
import { tailcallQuery, type TailcallQuery } from './peers/tailcall.js';
import { cpuMs, peakRssMb, resetPeakRss, type Server } from './processes.js';
import { directInputOf, directMismatch, post, tailcallMismatch } from './reference.js';
import type { Client, CoalesceFigures, PhaseFigures, QueryFigures } from './report.js';
import { benchQueries, DEEP_CURSOR_OFFSET, optimumCalls, type BenchQuery, type QueryName, type Setup } from './queries.js';
import type { BenchProcesses } from './start.js';
import type { LoadResult } from './worker.js';

/** What every phase shares: the settings, the processes, and the answers every load phase must give. */
export interface Bench {
  options: Options;
  processes: BenchProcesses;
  log: (line: string) => void;
  input: DirectInput;
  /** The queries --queries chose, and `flat`, which the coalescing figure runs whatever was chosen. */
  queries: BenchQuery[];
  flat: BenchQuery;
  calls: CallLog;
  /** The gateway's answer to each query, as text: every answer under load must equal it. */
  expected: Map<QueryName, string>;
  /** Tailcall's own queries and answers: its schema spells the same data differently. */
  tailcallQueries: Map<QueryName, { query: TailcallQuery; expected: string }>;
}

export function benchOf(options: Options, processes: BenchProcesses, setup: Setup, log: (line: string) => void): Bench {
  const all = benchQueries(setup);
  return {
    options,
    processes,
    log,
    input: directInputOf(setup, DEEP_CURSOR_OFFSET),
    queries: all.filter((query) => options.queries.includes(query.name)),
    flat: all[0] as BenchQuery,
    calls: new CallLog(processes.emulator),
    expected: new Map(),
    tailcallQueries: new Map(),
  };
}

function bodyOf(query: BenchQuery): string {
  return JSON.stringify({ query: query.document, variables: query.variables });
}

function tailcallBody(bench: Bench, name: QueryName): string {
  const entry = bench.tailcallQueries.get(name);
  return JSON.stringify({ query: entry?.query.document, variables: entry?.query.variables });
}

interface Target {
  client: Client;
  pid: number;
  run(query: BenchQuery, connections: number, seconds: number): Promise<LoadResult>;
}

/** A GraphQL server under autocannon: each query's body and expected answer as `answer` gives them. */
function graphqlTarget(bench: Bench, server: Server, client: Client, answer: (query: BenchQuery) => { body: string; expected: string }): Target {
  return {
    client,
    pid: server.pid,
    run: (query, connections, seconds) => {
      const { body, expected } = answer(query);
      const url = `${server.url}/graphql`;
      return bench.processes.loadWorker.run({ kind: 'autocannon', url, token: BENCH_TOKEN, bodies: [body], expectBody: expected, connections, seconds });
    },
  };
}

function gatewayTarget(bench: Bench, server: Server, client: Client): Target {
  return graphqlTarget(bench, server, client, (query) => ({ body: bodyOf(query), expected: bench.expected.get(query.name) ?? '' }));
}

function directTarget(bench: Bench): Target {
  const { directWorker, emulator } = bench.processes;
  return {
    client: 'direct',
    pid: directWorker.pid,
    run: (query, connections, seconds) =>
      directWorker.run({ kind: 'direct', origin: emulator.url, token: BENCH_TOKEN, pool: bench.options.pool, query: query.name, input: bench.input, connections, seconds }),
  };
}

function targetsOf(bench: Bench): Target[] {
  const { gateway, tailcall, cached } = bench.processes;
  const tailcallAnswer = (query: BenchQuery) => ({ body: tailcallBody(bench, query.name), expected: bench.tailcallQueries.get(query.name)?.expected ?? '' });
  return [
    gatewayTarget(bench, gateway, 'gateway'),
    directTarget(bench),
    ...(tailcall ? [graphqlTarget(bench, tailcall.server, 'tailcall', tailcallAnswer)] : []),
    ...(cached ? [gatewayTarget(bench, cached, 'cached')] : []),
  ];
}

async function measure(bench: Bench, target: Target, query: BenchQuery, connections: number, seconds: number, quietMs: number): Promise<PhaseFigures> {
  // The previous phase (or the warm-up) ended with a settle: the upstream is quiet.
  await bench.calls.reset();
  const concurrent = connections > 1;
  if (concurrent) resetPeakRss(target.pid);
  const cpuBefore = cpuMs(target.pid);
  const load = await target.run(query, connections, seconds);
  // Requests the load generator abandoned at the deadline still run to the end in the gateway:
  // their calls and CPU count, divided by every request sent.
  await bench.calls.settle(quietMs);
  const cpu = cpuMs(target.pid) - cpuBefore;
  const calls = await bench.calls.count();
  const sent = Math.max(load.sent, 1);
  return {
    rps: load.completed / load.seconds,
    p50: load.p50,
    p99: load.p99,
    callsPerRequest: calls / sent,
    cpuMsPerRequest: cpu / sent,
    peakRssMb: concurrent ? peakRssMb(target.pid) : null,
    failures: load.failures,
  };
}

/**
 * How long a concurrent phase must last for requests to complete in it: at least `seconds`, and
 * a quarter longer than one request takes when every connection's upstream calls queue on the pool.
 */
function concurrentSeconds(exactCalls: QueryFigures['exactCalls'], options: Options): number {
  const calls = Math.max(exactCalls.gateway ?? 1, exactCalls.direct ?? 1, exactCalls.tailcall ?? 1);
  const queued = (Math.ceil((options.connections * calls) / options.pool) * options.latencyMs) / 1000;
  return Math.max(options.seconds, Math.round(1.25 * queued * 10) / 10);
}

/** Upstream calls `action` costs, counted from a reset log. */
async function callsOf(bench: Bench, action: () => Promise<unknown>): Promise<number> {
  await bench.calls.reset();
  await action();
  return bench.calls.count();
}

/**
 * Reference answers, exact call counts of one request alone, and a check that every client
 * fetches the same data as the gateway: the bench refuses to compare clients that do not.
 */
export async function referencePhase(bench: Bench): Promise<QueryFigures[]> {
  const { gateway, tailcall, cached, emulator } = bench.processes;
  const { options, input } = bench;
  const direct = new DirectClient(emulator.url, options.pool, BENCH_TOKEN);
  const figures: QueryFigures[] = [];
  try {
    for (const query of bench.queries) {
      const reference = await post(gateway, query.document, query.variables);
      bench.expected.set(query.name, reference.text);
      const exactCalls: QueryFigures['exactCalls'] = {};
      exactCalls.gateway = await callsOf(bench, () => post(gateway, query.document, query.variables));
      await bench.calls.reset();
      const directAnswer = await direct.run(query.name, input);
      exactCalls.direct = await bench.calls.count();
      const directProblem = directMismatch(query.name, reference.body.data, directAnswer);
      if (directProblem) throw new Error(directProblem);
      if (tailcall) {
        // Same records, field by field, or the comparison would not be fair.
        const theirs = tailcallQuery(query.name, input);
        const answer = await post(tailcall.server, theirs.document, theirs.variables, 'Tailcall');
        const tailcallProblem = tailcallMismatch(query.name, reference.body.data ?? {}, answer.body.data ?? {}, input);
        if (tailcallProblem) throw new Error(tailcallProblem);
        await bench.calls.reset();
        const again = await post(tailcall.server, theirs.document, theirs.variables, 'Tailcall');
        exactCalls.tailcall = await bench.calls.count();
        if (again.text !== answer.text) throw new Error(`Tailcall answered query ${query.name} differently the second time`);
        bench.tailcallQueries.set(query.name, { query: theirs, expected: answer.text });
      }
      if (cached) {
        const primed = await post(cached, query.document, query.variables);
        if (primed.text !== reference.text) throw new Error(`The cached gateway answered query ${query.name} differently`);
        exactCalls.cached = await callsOf(bench, () => post(cached, query.document, query.variables));
      }
      figures.push({
        name: query.name,
        title: query.title,
        depth: query.depth,
        floorMs: query.depth * options.latencyMs,
        optimumCalls: optimumCalls(query, reference.body.data),
        exactCalls,
        concurrentSeconds: concurrentSeconds(exactCalls, options),
        runs: {},
      });
    }
  } finally {
    await direct.close();
  }
  return figures;
}

/**
 * JIT and connections: every gateway on the mix of queries it will serve, the direct client on
 * each. All at once (their figures are thrown away): startup already took long enough.
 */
export async function warmUp(bench: Bench): Promise<void> {
  const { gateway, uncoalesced, cached, tailcall, loadWorker } = bench.processes;
  const { queries, flat } = bench;
  if (!bench.expected.has('flat')) bench.expected.set('flat', (await post(gateway, flat.document, flat.variables)).text);
  // Few connections: enough for the JIT, and little left in flight to drain afterwards.
  const warm = (server: Server, bodies: string[]) =>
    loadWorker.run({ kind: 'autocannon', url: `${server.url}/graphql`, token: BENCH_TOKEN, bodies, connections: 8, seconds: 1.5 });
  const direct = directTarget(bench);
  await Promise.all([
    warm(gateway, queries.map(bodyOf)),
    warm(uncoalesced, [bodyOf(flat)]),
    ...(cached ? [warm(cached, queries.map(bodyOf))] : []),
    ...(tailcall ? [warm(tailcall.server, queries.map((query) => tailcallBody(bench, query.name)))] : []),
    (async () => {
      for (const query of queries) await direct.run(query, 8, 0.4);
    })(),
  ]);
}

/** The measured runs: each query through each client at 1 and N connections, then coalescing on and off. */
export async function measuredRuns(bench: Bench, figures: QueryFigures[]): Promise<CoalesceFigures> {
  const { options, calls, flat, log } = bench;
  const targets = targetsOf(bench);
  const coalesceTargets = { on: gatewayTarget(bench, bench.processes.gateway, 'gateway'), off: gatewayTarget(bench, bench.processes.uncoalesced, 'gateway') };
  // Long enough that a gateway between two levels of a query, or a call between two
  // polls, counts as busy.
  const quietMs = 2 * options.latencyMs + 60;
  await calls.settle(quietMs);
  const coalescing: CoalesceFigures = { connections: options.coalesceConnections, on: [], off: [] };
  for (let run = 1; run <= options.runs; run++) {
    log(`Run ${run} of ${options.runs}`);
    for (const [index, query] of bench.queries.entries()) {
      const entry = figures[index] as QueryFigures;
      for (const target of targets) {
        // Cached answers take a millisecond or two and never queue on the upstream pool: shorter phases suffice.
        const cachedPath = target.client === 'cached';
        const c1 = await measure(bench, target, query, 1, cachedPath ? options.seconds / 2 : options.seconds, quietMs);
        const seconds = cachedPath ? options.seconds : entry.concurrentSeconds;
        const cN = await measure(bench, target, query, options.connections, seconds, quietMs);
        const slot = (entry.runs[target.client] ??= { c1: [], cN: [] });
        slot.c1.push(c1);
        slot.cN.push(cN);
        log(
          `  ${query.name} ${target.client}: p50@1 ${c1.p50} ms; @${options.connections} ${cN.rps.toFixed(0)} req/s, p99 ${cN.p99} ms, ` +
            `${cN.cpuMsPerRequest.toFixed(2)} CPU ms/req, ${cN.callsPerRequest.toFixed(2)} calls/req`,
        );
      }
    }
    for (const side of ['on', 'off'] as const) {
      // Each side is otherwise idle between runs: half a second first brings its upstream
      // connections and JIT back to the state the other phases find them in.
      await coalesceTargets[side].run(flat, options.coalesceConnections, 0.5);
      await calls.settle(quietMs);
      const phase = await measure(bench, coalesceTargets[side], flat, options.coalesceConnections, options.seconds, quietMs);
      coalescing[side].push(phase);
      log(`  coalescing ${side}: ${phase.rps.toFixed(0)} req/s, p99 ${phase.p99} ms, ${phase.callsPerRequest.toFixed(3)} calls/req`);
    }
  }
  return coalescing;
}
