// `npm run bench`: the emulator (large data set, fixed latency), the gateway in front of it,
// and the load generators, each in its own process; the four canonical queries through the
// gateway, through Tailcall (bench/peers) and through a plain REST client, medians of several
// runs, written to bench/results.
// `npm run bench -- --help` lists the knobs.
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { isDeepStrictEqual, parseArgs } from 'node:util';
import { loadConfig } from '../src/config.js';
import { DEMO_USER_IDS } from '../src/emulator/seed-tables.js';
import { idsOfDirect, idsOfGateway } from './compare.js';
import { DirectClient, nodeRefOf, type DirectInput } from './direct.js';
import { findTailcall, recordsOfGateway, recordsOfTailcall, startTailcall, tailcallQuery, type TailcallQuery } from './peers/tailcall.js';
import {
  cpuMs,
  BUILD_DIR,
  buildGateway,
  forkWorker,
  freePort,
  peakRssMb,
  resetPeakRss,
  startEmulatorProcess,
  startGatewayProcess,
  type Server,
  type Worker,
} from './processes.js';
import {
  benchQueries,
  DEEP_CURSOR_OFFSET,
  NODE_IDS,
  NODE_REPEATS,
  optimumCalls,
  QUERY_NAMES,
  WALK,
  type BenchQuery,
  type QueryName,
  type Setup,
} from './queries.js';
import { markdown, type Client, type CoalesceFigures, type PhaseFigures, type QueryFigures, type Results } from './report.js';

const TOKEN = 'bench-token';
const USAGE = `Usage: npm run bench -- [options]
  --latency <ms>        emulator latency per upstream call (default 20)
  --runs <n>            runs per figure; the table quotes medians (default 3)
  --seconds <s>         length of each load phase; concurrent phases of slow queries run longer (default 1)
  --connections <n>     concurrency of the loaded phases (default 50)
  --coalesce-connections <n>  concurrency of the coalescing figure (default 20)
  --pool <n>            upstream keep-alive connections, gateway and direct client (default: the gateway's LEAF_POOL_CONNECTIONS default)
  --entry <file>        gateway entry: build (default: compile src/ with tsc into bench/results/tmp and
                        run node main.js, as the container does), src/main.ts (via tsx), or a .js file
  --no-cache            skip the response-cache rows (RESPONSE_CACHE=true)
  --no-tailcall         skip the Tailcall rows (it also skips them, saying why, when its binary cannot run)
  --workers <n|auto>    WORKERS of the gateways (default 1); CPU and memory then cover all their processes
  --queries a,b         only these of flat,nested,nodes,deep
  --out <dir>           where latest.json and latest.md go (default bench/results)`;

interface Options {
  latencyMs: number;
  runs: number;
  seconds: number;
  connections: number;
  coalesceConnections: number;
  pool: number;
  entry: string;
  cache: boolean;
  tailcall: boolean;
  workers: string;
  queries: QueryName[];
  out: string;
}

function fail(message: string): never {
  process.stderr.write(`${message}\n${USAGE}\n`);
  process.exit(2);
}

function positive(values: Record<string, unknown>, name: string, fallback: number, integer = true): number {
  const raw = values[name];
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0 || (integer && !Number.isInteger(value))) {
    fail(`--${name} must be a positive ${integer ? 'integer' : 'number'}, got '${String(raw)}'`);
  }
  return value;
}

function parseOptions(argv: string[]): Options {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      latency: { type: 'string' },
      runs: { type: 'string' },
      seconds: { type: 'string' },
      connections: { type: 'string' },
      'coalesce-connections': { type: 'string' },
      pool: { type: 'string' },
      entry: { type: 'string' },
      'no-cache': { type: 'boolean' },
      'no-tailcall': { type: 'boolean' },
      workers: { type: 'string' },
      queries: { type: 'string' },
      out: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    process.exit(0);
  }
  const latencyRaw = values.latency ?? '20';
  const latencyMs = Number(latencyRaw);
  if (!Number.isFinite(latencyMs) || latencyMs < 0) fail(`--latency must be a number of milliseconds >= 0, got '${latencyRaw}'`);
  const queries = (values.queries ?? QUERY_NAMES.join(',')).split(',').map((name) => name.trim());
  for (const name of queries) if (!(QUERY_NAMES as readonly string[]).includes(name)) fail(`--queries: unknown query '${name}'`);
  return {
    latencyMs,
    runs: positive(values, 'runs', 3),
    seconds: positive(values, 'seconds', 1, false),
    connections: positive(values, 'connections', 50),
    coalesceConnections: positive(values, 'coalesce-connections', 20),
    pool: positive(values, 'pool', loadConfig({}).upstream.connections),
    entry: values.entry ?? 'build',
    cache: !values['no-cache'],
    tailcall: !values['no-tailcall'],
    workers: values.workers === 'auto' ? 'auto' : String(positive(values, 'workers', 1)),
    queries: queries as QueryName[],
    out: values.out ?? 'bench/results',
  };
}

function bodyOf(query: BenchQuery): string {
  return JSON.stringify({ query: query.document, variables: query.variables });
}

interface GraphQLAnswer {
  data?: Record<string, unknown> | null;
  errors?: { message: string }[];
}

async function post(gateway: Server, document: string, variables: Record<string, unknown>, name = 'The gateway'): Promise<{ text: string; body: GraphQLAnswer }> {
  const response = await fetch(`${gateway.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
    body: JSON.stringify({ query: document, variables }),
  });
  const text = await response.text();
  const body = JSON.parse(text) as GraphQLAnswer;
  if (response.status !== 200 || body.errors?.length || !body.data) {
    throw new Error(`${name} answered ${response.status}: ${text.slice(0, 500)}`);
  }
  return { text, body };
}

/** The emulator's call log, through its control API. */
class CallLog {
  constructor(private readonly emulator: Server) {}

  async reset(): Promise<void> {
    await fetch(`${this.emulator.url}/__emulator/calls`, { method: 'DELETE' });
  }

  /**
   * Waits until the upstream is quiet (nothing pending, nothing new for a few latencies), so
   * work a gateway finishes after its client left never lands in the next phase.
   */
  async settle(quietMs: number): Promise<void> {
    let last = -1;
    let quietSince = performance.now();
    for (const deadline = performance.now() + 30_000; performance.now() < deadline; ) {
      const response = await fetch(`${this.emulator.url}/__emulator/calls`);
      const calls = (await response.json()) as { status: number }[];
      const pending = calls.some((call) => call.status === 0);
      if (pending || calls.length !== last) quietSince = performance.now();
      else if (performance.now() - quietSince >= quietMs) return;
      last = calls.length;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  /** Calls made with the benchmark token since the last reset. */
  async count(): Promise<number> {
    const response = await fetch(`${this.emulator.url}/__emulator/calls`);
    const calls = (await response.json()) as { token: string | null }[];
    return calls.filter((call) => call.token === TOKEN).length;
  }
}

async function discoverSetup(gateway: Server): Promise<Setup> {
  const user = DEMO_USER_IDS.bench;
  // The cursor of the item at offset 900, walked to the way a client pages.
  let after: string | null = null;
  let remaining = DEEP_CURSOR_OFFSET + 1;
  while (remaining > 0) {
    const first = Math.min(100, remaining);
    const { body } = await post(gateway, WALK, { user, first, after });
    const machines = (body.data?.leafUser as { machines: { pageInfo: { endCursor: string | null } } }).machines;
    after = machines.pageInfo.endCursor;
    if (after === null) throw new Error(`The bench user has fewer than ${DEEP_CURSOR_OFFSET + 1} machines`);
    remaining -= first;
  }

  const { body } = await post(gateway, NODE_IDS, { user });
  const lists = body.data?.leafUser as Record<'machines' | 'implements' | 'operators', { nodes: { id: string }[] }>;
  const distinct = [...lists.machines.nodes, ...lists.implements.nodes, ...lists.operators.nodes].map((node) => node.id);
  // Repeats spread through the list, as a client merging several screens' ids would send them.
  const nodeIds = [...distinct];
  for (let index = 0; index < NODE_REPEATS; index++) nodeIds.splice(index * 3 + 1, 0, distinct[(index * 7) % distinct.length] as string);
  return { user, deepCursor: after as string, nodeIds };
}

interface Target {
  client: Client;
  pid: number;
  run(query: BenchQuery, connections: number, seconds: number): ReturnType<Worker['run']>;
}

async function measure(
  target: Target,
  log: CallLog,
  query: BenchQuery,
  connections: number,
  seconds: number,
  quietMs: number,
): Promise<PhaseFigures> {
  // The previous phase (or the warm-up) ended with a settle: the upstream is quiet.
  await log.reset();
  const concurrent = connections > 1;
  if (concurrent) resetPeakRss(target.pid);
  const cpuBefore = cpuMs(target.pid);
  const load = await target.run(query, connections, seconds);
  // Requests the load generator abandoned at the deadline still run to the end in the gateway:
  // their calls and CPU count, divided by every request sent.
  await log.settle(quietMs);
  const cpu = cpuMs(target.pid) - cpuBefore;
  const calls = await log.count();
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

/** The gateway's response cache, off for the gateway rows and on for the cached ones. */
const RESPONSE_CACHE = { on: { RESPONSE_CACHE: 'true' }, off: { RESPONSE_CACHE: 'false' } };

function machineInfo(): Results['machine'] {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model.trim() ?? 'unknown CPU',
    cores: cpus.length,
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    os: `${os.type()} ${os.release()}`,
  };
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const started = performance.now();
  const log = (line: string): void => void process.stderr.write(`[${((performance.now() - started) / 1000).toFixed(1).padStart(5)} s] ${line}\n`);
  const baseEnv = { LEAF_POOL_CONNECTIONS: String(options.pool), WORKERS: options.workers, ...RESPONSE_CACHE.off };

  log(`Starting the emulator (large, ${options.latencyMs} ms), compiling and starting the gateways…`);
  const port = await freePort();
  const upstream = `http://127.0.0.1:${port}`;
  const tailcallFound = options.tailcall ? findTailcall() : { reason: 'turned off with --no-tailcall' };
  if ('reason' in tailcallFound) log(`Tailcall does not run in this bench: ${tailcallFound.reason}.`);
  let tailcallPort = port;
  while (tailcallPort === port) tailcallPort = await freePort();
  const servers: Server[] = [];
  const workers: Worker[] = [];
  try {
    // All at once (the gateways as soon as they are compiled): they connect to the emulator
    // lazily, on their first request.
    const entry = options.entry === 'build' ? buildGateway() : Promise.resolve(options.entry);
    const gatewayEnvs = [
      { ...baseEnv, LEAF_COALESCE_READS: 'true' },
      { ...baseEnv, LEAF_COALESCE_READS: 'false' },
      ...(options.cache ? [{ ...baseEnv, ...RESPONSE_CACHE.on }] : []),
    ];
    const starting = [
      startEmulatorProcess(options.latencyMs, port),
      ...gatewayEnvs.map((env) => entry.then((file) => startGatewayProcess(upstream, env, file))),
    ];
    const tailcallStarting =
      'binary' in tailcallFound ? startTailcall(tailcallFound.binary, upstream, tailcallPort, `${BUILD_DIR}/..`).catch((error: unknown) => error as Error) : null;
    const settled = await Promise.allSettled(starting);
    for (const result of settled) if (result.status === 'fulfilled') servers.push(result.value);
    const failed = settled.find((result) => result.status === 'rejected');
    if (failed) throw failed.reason;
    const [emulator, gateway, uncoalesced, cached = null] = servers as [Server, Server, Server, Server?];
    const tailcallStarted = await tailcallStarting;
    let tailcall: Server | null = null;
    if (tailcallStarted instanceof Error) log(`Tailcall does not run in this bench: it did not start (${tailcallStarted.message.split('\n')[0]}).`);
    else if (tailcallStarted) servers.push((tailcall = tailcallStarted));
    log(
      `Started in ${((performance.now() - started) / 1000).toFixed(1)} s; emulator ${emulator.url}, gateway ${gateway.url}` +
        (tailcall && 'version' in tailcallFound ? `, Tailcall ${tailcallFound.version} ${tailcall.url}` : ''),
    );
    const loadWorker = forkWorker();
    const directWorker = forkWorker();
    workers.push(loadWorker, directWorker);

    const setup = await discoverSetup(gateway);
    log('Reference answers and exact call counts…');
    const input: DirectInput = { user: setup.user, deepCursorOffset: DEEP_CURSOR_OFFSET, nodes: setup.nodeIds.map(nodeRefOf) };
    const queries = benchQueries(setup).filter((query) => options.queries.includes(query.name));
    const calls = new CallLog(emulator);
    const direct = new DirectClient(emulator.url, options.pool, TOKEN);

    const expected = new Map<QueryName, string>();
    /** A GraphQL server under autocannon: each query's body and expected answer as `answer` gives them. */
    const graphqlTarget = (server: Server, client: Client, answer: (query: BenchQuery) => { body: string; expected: string }): Target => ({
      client,
      pid: server.pid,
      run: (query, connections, seconds) => {
        const { body, expected } = answer(query);
        return loadWorker.run({ kind: 'autocannon', url: `${server.url}/graphql`, token: TOKEN, bodies: [body], expectBody: expected, connections, seconds });
      },
    });
    const gatewayTarget = (server: Server, client: Client): Target =>
      graphqlTarget(server, client, (query) => ({ body: bodyOf(query), expected: expected.get(query.name) ?? '' }));
    // Few connections: enough for the JIT, and little left in flight to drain afterwards.
    const warmGateway = (server: Server, warmQueries: BenchQuery[]) =>
      loadWorker.run({ kind: 'autocannon', url: `${server.url}/graphql`, token: TOKEN, bodies: warmQueries.map(bodyOf), connections: 8, seconds: 1.5 });
    const directTarget: Target = {
      client: 'direct',
      pid: directWorker.pid,
      run: (query, connections, seconds) =>
        directWorker.run({ kind: 'direct', origin: emulator.url, token: TOKEN, pool: options.pool, query: query.name, input, connections, seconds }),
    };
    // Tailcall's own queries and answers: its schema spells the same data differently.
    const tailcallQueries = new Map<QueryName, { query: TailcallQuery; expected: string }>();
    const tailcallBody = (name: QueryName): string => {
      const entry = tailcallQueries.get(name);
      return JSON.stringify({ query: entry?.query.document, variables: entry?.query.variables });
    };
    const tailcallTarget = (server: Server): Target =>
      graphqlTarget(server, 'tailcall', (query) => ({ body: tailcallBody(query.name), expected: tailcallQueries.get(query.name)?.expected ?? '' }));
    const targets: Target[] = [
      gatewayTarget(gateway, 'gateway'),
      directTarget,
      ...(tailcall ? [tailcallTarget(tailcall)] : []),
      ...(cached ? [gatewayTarget(cached, 'cached')] : []),
    ];

    // Reference answers, exact call counts of one request alone, and a check that both clients fetch the same data.
    const figures: QueryFigures[] = [];
    for (const query of queries) {
      const reference = await post(gateway, query.document, query.variables);
      expected.set(query.name, reference.text);
      const exactCalls: QueryFigures['exactCalls'] = {};
      await calls.reset();
      await post(gateway, query.document, query.variables);
      exactCalls.gateway = await calls.count();
      await calls.reset();
      const directAnswer = await direct.run(query.name, input);
      exactCalls.direct = await calls.count();
      if (JSON.stringify(idsOfGateway(query.name, reference.body.data)) !== JSON.stringify(idsOfDirect(directAnswer))) {
        throw new Error(`The direct client fetched different data from the gateway for query ${query.name}`);
      }
      if (tailcall) {
        // Same records, field by field, or the comparison would not be fair.
        const tailcallQueryOf = tailcallQuery(query.name, input);
        const answer = await post(tailcall, tailcallQueryOf.document, tailcallQueryOf.variables, 'Tailcall');
        const theirs = recordsOfTailcall(query.name, answer.body.data ?? {}, input);
        if (!isDeepStrictEqual(theirs, recordsOfGateway(query.name, reference.body.data ?? {}))) {
          throw new Error(`Tailcall fetched different data from the gateway for query ${query.name}: ${JSON.stringify(theirs).slice(0, 500)}`);
        }
        await calls.reset();
        const again = await post(tailcall, tailcallQueryOf.document, tailcallQueryOf.variables, 'Tailcall');
        exactCalls.tailcall = await calls.count();
        if (again.text !== answer.text) throw new Error(`Tailcall answered query ${query.name} differently the second time`);
        tailcallQueries.set(query.name, { query: tailcallQueryOf, expected: answer.text });
      }
      if (cached) {
        const primed = await post(cached, query.document, query.variables);
        if (primed.text !== reference.text) throw new Error(`The cached gateway answered query ${query.name} differently`);
        await calls.reset();
        await post(cached, query.document, query.variables);
        exactCalls.cached = await calls.count();
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
    await direct.close();

    log('Warming up…');
    const flat = benchQueries(setup)[0] as BenchQuery;
    if (!expected.has('flat')) expected.set('flat', (await post(gateway, flat.document, flat.variables)).text);
    // JIT and connections: every gateway on the mix of queries it will serve, the direct client on each.
    // All at once (their figures are thrown away): startup already took long enough.
    await Promise.all([
      warmGateway(gateway, queries),
      warmGateway(uncoalesced, [flat]),
      ...(cached ? [warmGateway(cached, queries)] : []),
      ...(tailcall
        ? [loadWorker.run({ kind: 'autocannon', url: `${tailcall.url}/graphql`, token: TOKEN, bodies: queries.map((query) => tailcallBody(query.name)), connections: 8, seconds: 1.5 })]
        : []),
      (async () => {
        for (const query of queries) await directTarget.run(query, 8, 0.4);
      })(),
    ]);
    const coalesceTargets = { on: gatewayTarget(gateway, 'gateway'), off: gatewayTarget(uncoalesced, 'gateway') };

    // Long enough that a gateway between two levels of a query, or a call between two
    // polls, counts as busy.
    const quietMs = 2 * options.latencyMs + 60;
    await calls.settle(quietMs);
    const coalescing: CoalesceFigures = { connections: options.coalesceConnections, on: [], off: [] };
    for (let run = 1; run <= options.runs; run++) {
      log(`Run ${run} of ${options.runs}`);
      for (const [index, query] of queries.entries()) {
        const entry = figures[index] as QueryFigures;
        for (const target of targets) {
          // Cached answers take a millisecond or two and never queue on the upstream pool: shorter phases suffice.
          const cachedPath = target.client === 'cached';
          const c1 = await measure(target, calls, query, 1, cachedPath ? options.seconds / 2 : options.seconds, quietMs);
          const seconds = cachedPath ? options.seconds : entry.concurrentSeconds;
          const cN = await measure(target, calls, query, options.connections, seconds, quietMs);
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
        const figures = await measure(coalesceTargets[side], calls, flat, options.coalesceConnections, options.seconds, quietMs);
        coalescing[side].push(figures);
        log(`  coalescing ${side}: ${figures.rps.toFixed(0)} req/s, p99 ${figures.p99} ms, ${figures.callsPerRequest.toFixed(3)} calls/req`);
      }
    }

    const results: Results = {
      date: new Date().toISOString(),
      machine: machineInfo(),
      settings: {
        latencyMs: options.latencyMs,
        runs: options.runs,
        seconds: options.seconds,
        connections: options.connections,
        pool: options.pool,
        gatewayEntry:
          (options.entry === 'build' ? `node ${BUILD_DIR}/main.js (src/ compiled by tsc)` : options.entry) +
          (options.workers === '1' ? '' : `, WORKERS=${options.workers}`),
        responseCache: options.cache,
        tailcall: tailcall && 'version' in tailcallFound ? tailcallFound.version : null,
      },
      queries: figures,
      coalescing,
      totalSeconds: (performance.now() - started) / 1000,
    };
    const table = markdown(results);
    mkdirSync(options.out, { recursive: true });
    writeFileSync(`${options.out}/latest.json`, `${JSON.stringify(results, null, 2)}\n`);
    writeFileSync(`${options.out}/latest.md`, table);
    process.stdout.write(table);
    const phases = [...figures.flatMap((query) => Object.values(query.runs).flatMap((runs) => [...runs.c1, ...runs.cN])), ...coalescing.on, ...coalescing.off];
    const failures = phases.reduce((sum, phase) => sum + phase.failures, 0);
    if (failures > 0) {
      log(`${failures} requests failed or answered differently from the reference answer.`);
      process.exitCode = 1;
    }
  } finally {
    await Promise.all(workers.map((worker) => worker.stop()));
    await Promise.all(servers.map((server) => server.stop()));
  }
}

await main();
