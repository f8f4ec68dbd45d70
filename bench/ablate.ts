// `npm run bench -- --ablate`: the cost ledger. One gateway per variant (every layer on, then
// each optional layer off alone, then Yoga bare over the same schema), all over one emulator,
// beside Tailcall when it runs; the flat page and the nested query through each, in turns, so
// a busy neighbour on the machine slows every variant alike. CPU per request comes from /proc;
// every answer under load must equal the reference answer, or the bench fails.
import { writeFileSync, mkdirSync } from 'node:fs';
import { BENCH_TOKEN } from '../src/emulator/seed-tables.js';
import { CallLog } from './call-log.js';
import type { Options } from './options.js';
import { findTailcall, startTailcall, tailcallQuery } from './peers/tailcall.js';
import { BUILD_DIR, buildGateway, cpuMs, forkWorker, freePort, startEmulatorProcess, startGatewayProcess, type Server, type Worker } from './processes.js';
import { benchQueries, DEEP_CURSOR_OFFSET, type BenchQuery } from './queries.js';
import { directInputOf, discoverSetup, post, tailcallMismatch } from './reference.js';
import { median } from './report.js';

/** One gateway of the ledger: what it leaves out (or adds), and the settings that do it. */
interface Variant {
  /** What `--layers` calls it. */
  key: string;
  layer: string;
  /** `off`: the row's cost is what turning the layer off saves; `on`: what turning it on adds. */
  turned: 'off' | 'on';
  env: Record<string, string>;
  /** Another build than the ledger's (--compare). */
  entry?: string;
}

/** The baseline is the gateway as deployed, logging each request at info level (to a pipe). */
const BASELINE: Variant = { key: 'all', layer: 'all layers on (as deployed)', turned: 'off', env: {} };

const VARIANTS: Variant[] = [
  BASELINE,
  { key: 'fast-path', layer: 'fast path for repeated queries (ABLATE=fast-path)', turned: 'off', env: { ABLATE: 'fast-path' } },
  { key: 'metrics', layer: 'metrics (METRICS=false)', turned: 'off', env: { METRICS: 'false' } },
  { key: 'request-log', layer: 'request log (the plugin)', turned: 'off', env: { ABLATE: 'request-log' } },
  { key: 'log-lines', layer: 'request log lines (LOG_LEVEL=silent)', turned: 'off', env: { LOG_LEVEL: 'silent' } },
  { key: 'response-cache', layer: 'response cache, on and missing every time', turned: 'on', env: { RESPONSE_CACHE: 'true', RESPONSE_CACHE_TTL_MS: '1' } },
  { key: 'http-caching', layer: 'HTTP caching headers and ETags', turned: 'off', env: { ABLATE: 'http-caching' } },
  { key: 'http-params', layer: 'HTTP parameter, operation-type and media-type checks', turned: 'off', env: { ABLATE: 'http-params' } },
  { key: 'armor', layer: 'GraphQL Armor (depth, aliases, directives, tokens)', turned: 'off', env: { ABLATE: 'armor' } },
  { key: 'cost', layer: 'cost limit', turned: 'off', env: { ABLATE: 'cost' } },
  { key: 'persisted', layer: 'persisted documents (trusted + APQ)', turned: 'off', env: { ABLATE: 'persisted' } },
  { key: 'defer-stream', layer: '@defer/@stream', turned: 'off', env: { ABLATE: 'defer-stream' } },
  { key: 'error-masking', layer: 'error masking', turned: 'off', env: { ABLATE: 'error-masking' } },
  { key: 'jit', layer: 'compiled execution (GRAPHQL_JIT=false)', turned: 'off', env: { GRAPHQL_JIT: 'false' } },
  { key: 'coalescing', layer: 'read coalescing (LEAF_COALESCE_READS=false)', turned: 'off', env: { LEAF_COALESCE_READS: 'false' } },
  { key: 'bare', layer: 'every edge layer: bare Yoga over the schema, no metrics, silent', turned: 'off', env: { ABLATE: 'bare', METRICS: 'false', LOG_LEVEL: 'silent' } },
];

interface Phase {
  rps: number;
  cpuMsPerRequest: number;
  callsPerRequest: number;
  failures: number;
}

interface Row {
  layer: string;
  turned: Variant['turned'];
  /** Per query: every run's figures. */
  runs: Record<string, Phase[]>;
}

async function measure(worker: Worker, calls: CallLog, server: Server, body: string, expectBody: string, connections: number, seconds: number): Promise<Phase> {
  await calls.reset();
  const before = cpuMs(server.pid);
  const load = await worker.run({ kind: 'autocannon', url: `${server.url}/graphql`, token: BENCH_TOKEN, bodies: [body], expectBody, connections, seconds });
  await calls.settle(100);
  const sent = Math.max(load.sent, 1);
  return {
    rps: load.completed / load.seconds,
    cpuMsPerRequest: (cpuMs(server.pid) - before) / sent,
    callsPerRequest: (await calls.count()) / sent,
    failures: load.failures,
  };
}

const fixed = (value: number, digits = 2) => value.toFixed(digits);

function ledgerMarkdown(rows: Row[], queries: BenchQuery[], tailcall: Row | null, options: Options, connections: number): string {
  const base = rows[0] as Row;
  const lines = [
    `Emulator latency ${options.latencyMs} ms; ${connections} connections; medians of ${options.runs} runs of ${options.seconds} s per variant and query, variants taken in turns.`,
    '',
    `| Layer | ${queries.map((query) => `${query.name}: CPU ms/req | ${query.name}: share | ${query.name}: req/s`).join(' | ')} |`,
    `| --- | ${queries.map(() => '---: | ---: | ---:').join(' | ')} |`,
  ];
  for (const row of rows) {
    const cells = queries.map((query) => {
      const cpu = median((row.runs[query.name] ?? []).map((phase) => phase.cpuMsPerRequest));
      const rps = median((row.runs[query.name] ?? []).map((phase) => phase.rps));
      const all = median((base.runs[query.name] ?? []).map((phase) => phase.cpuMsPerRequest));
      if (row === base) return `${fixed(cpu)} | 100 % | ${fixed(rps, 0)}`;
      const cost = row.turned === 'off' ? all - cpu : cpu - all;
      return `${fixed(cpu)} | ${cost >= 0 ? '' : '−'}${fixed(Math.abs((100 * cost) / all), 1)} % | ${fixed(rps, 0)}`;
    });
    lines.push(`| ${row.turned === 'on' && row !== base ? '+ ' : row === base ? '' : '− '}${row.layer} | ${cells.join(' | ')} |`);
  }
  if (tailcall) {
    const cells = queries.map((query) => {
      const cpu = median((tailcall.runs[query.name] ?? []).map((phase) => phase.cpuMsPerRequest));
      const rps = median((tailcall.runs[query.name] ?? []).map((phase) => phase.rps));
      const all = median((base.runs[query.name] ?? []).map((phase) => phase.cpuMsPerRequest));
      return `${fixed(cpu)} | gateway ${fixed(all / cpu, 1)}× | ${fixed(rps, 0)}`;
    });
    lines.push(`| Tailcall ${tailcall.layer} | ${cells.join(' | ')} |`);
  }
  lines.push(
    '',
    'Share: the CPU per request the layer costs, as a part of the whole gateway\'s (all layers on): for a `−` row, what turning it off saves; for a `+` row, what turning it on adds. A negative share is a layer that saves CPU.',
  );
  return lines.join('\n');
}

export async function runLedger(options: Options, log: (line: string) => void): Promise<number> {
  const connections = options.connections;
  const all = options.compare ? [...VARIANTS, { key: 'compare', layer: `every layer on, build ${options.compare}`, turned: 'off' as const, env: {}, entry: options.compare }] : VARIANTS;
  const unknown = (options.layers ?? []).filter((key) => !all.some((variant) => variant.key === key));
  if (unknown.length > 0) throw new Error(`--layers: no row ${unknown.join(', ')} (${all.map((variant) => variant.key).join(', ')})`);
  const variants = all.filter((variant) => variant === BASELINE || !options.layers || options.layers.includes(variant.key));
  const port = await freePort();
  const upstream = `http://127.0.0.1:${port}`;
  const servers: Server[] = [];
  const worker = forkWorker();
  try {
    log(`Starting the emulator (large, ${options.latencyMs} ms), compiling and starting ${variants.length} gateways…`);
    const emulator = await startEmulatorProcess(options.latencyMs, port);
    servers.push(emulator);
    const entry = options.entry === 'build' ? await buildGateway() : options.entry;
    const baseEnv = { LEAF_POOL_CONNECTIONS: String(options.pool), WORKERS: options.workers, RESPONSE_CACHE: 'false', LOG_LEVEL: 'info' };
    // A few at a time: two cores starting fifteen processes at once time out.
    const gateways: Server[] = [];
    for (let index = 0; index < variants.length; index += 4) {
      const batch = variants.slice(index, index + 4).map((variant) => startGatewayProcess(upstream, { ...baseEnv, ...variant.env }, variant.entry ?? entry));
      for (const started of await Promise.allSettled(batch)) {
        if (started.status === 'rejected') throw started.reason;
        gateways.push(started.value);
        servers.push(started.value);
      }
    }
    const found = options.tailcall ? findTailcall() : { reason: 'turned off with --no-tailcall' };
    let tailcall: Server | null = null;
    if ('binary' in found) {
      let tailcallPort = port;
      while (tailcallPort === port) tailcallPort = await freePort();
      tailcall = await startTailcall(found.binary, upstream, tailcallPort, `${BUILD_DIR}/..`);
      servers.push(tailcall);
    } else log(`Tailcall does not run in this ledger: ${found.reason}.`);

    const calls = new CallLog(emulator);
    const setup = await discoverSetup(gateways[0] as Server, DEEP_CURSOR_OFFSET);
    const queries = benchQueries(setup).filter((query) => (query.name === 'flat' || query.name === 'nested') && options.queries.includes(query.name));
    const input = directInputOf(setup, DEEP_CURSOR_OFFSET);
    // Every variant must answer exactly as the gateway with every layer on.
    const expected = new Map<string, string>();
    const tailcallExpected = new Map<string, { body: string; text: string }>();
    for (const query of queries) {
      const reference = await post(gateways[0] as Server, query.document, query.variables);
      expected.set(query.name, reference.text);
      for (const [index, gateway] of gateways.entries()) {
        const answer = await post(gateway, query.document, query.variables);
        if (answer.text !== reference.text) throw new Error(`The gateway without ${variants[index]?.layer} answered ${query.name} differently`);
      }
      if (tailcall) {
        const theirs = tailcallQuery(query.name, input);
        const answer = await post(tailcall, theirs.document, theirs.variables, 'Tailcall');
        const problem = tailcallMismatch(query.name, reference.body.data ?? {}, answer.body.data ?? {}, input);
        if (problem) throw new Error(problem);
        tailcallExpected.set(query.name, { body: JSON.stringify({ query: theirs.document, variables: theirs.variables }), text: answer.text });
      }
    }

    const rows: Row[] = variants.map((variant) => ({ layer: variant.layer, turned: variant.turned, runs: {} }));
    const tailcallRow: Row | null = tailcall ? { layer: `${'version' in found ? found.version : ''}`, turned: 'off', runs: {} } : null;
    let failures = 0;
    for (let run = 1; run <= options.runs; run++) {
      log(`Run ${run} of ${options.runs}`);
      for (const query of queries) {
        const body = JSON.stringify({ query: query.document, variables: query.variables });
        const targets: [Row, Server, string, string][] = gateways.map((gateway, index) => [rows[index] as Row, gateway, body, expected.get(query.name) ?? '']);
        if (tailcall && tailcallRow) {
          const theirs = tailcallExpected.get(query.name);
          targets.push([tailcallRow, tailcall, theirs?.body ?? '', theirs?.text ?? '']);
        }
        for (const [row, server, sent, answer] of targets) {
          // Warm (JIT, connections) on the first run; every later run starts from the same state.
          if (run === 1) await worker.run({ kind: 'autocannon', url: `${server.url}/graphql`, token: BENCH_TOKEN, bodies: [sent], connections: 8, seconds: 1 });
          await calls.settle(100);
          const phase = await measure(worker, calls, server, sent, answer, connections, options.seconds);
          failures += phase.failures;
          (row.runs[query.name] ??= []).push(phase);
          log(`  ${query.name} ${row === tailcallRow ? 'Tailcall' : row.layer}: ${fixed(phase.cpuMsPerRequest)} CPU ms/req, ${fixed(phase.rps, 0)} req/s, ${fixed(phase.callsPerRequest)} calls/req`);
        }
      }
    }
    const table = ledgerMarkdown(rows, queries, tailcallRow, options, connections);
    mkdirSync(options.out, { recursive: true });
    writeFileSync(`${options.out}/ablate.json`, `${JSON.stringify({ date: new Date().toISOString(), settings: { ...options, connections }, rows, tailcall: tailcallRow }, null, 2)}\n`);
    writeFileSync(`${options.out}/ablate.md`, `${table}\n`);
    process.stdout.write(`${table}\n`);
    return failures;
  } finally {
    await worker.stop();
    await Promise.all(servers.map((server) => server.stop()));
  }
}
