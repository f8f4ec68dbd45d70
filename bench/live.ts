// `npm run bench -- --live`: live data, measured with real processes. The emulator (large data
// set, fixed latency) renames tracked machines at its "provider" and delivers each signed event
// to the gateway's receiver (`POST /webhooks/leaf`, registered by the gateway itself at start).
// 1. One gateway (response cache in memory): event → fresh answer (a poller querying the machine
//    back to back) and event → subscriber (SSE and WebSocket), p50/p99; then the read-mostly run.
// 2. Two replicas sharing a redis-server the bench starts (response cache in Redis, events
//    relayed by publish/subscribe); Leaf delivers to replica A: the same figures on A and on B.
// 3. Tailcall with @cache(maxAge: 60000) over the same read mix and event rate; it hears no
//    events, and its stale answers are counted the same way (the renames' deliveries are still
//    acknowledged by a gateway).
// Definitions are in bench/live-reads.ts and bench/live-events.ts; the tables go to live.md.
import { mkdirSync, writeFileSync } from 'node:fs';
import { BENCH_TOKEN, DEMO_USER_IDS } from '../src/emulator/seed-tables.js';
import { WEBHOOK_PATH } from '../src/events/receiver.js';
import { CallLog } from './call-log.js';
import { Changes, measureLatency, poller, readMostly, referenceReads, subscriber, LIVE_MACHINE, type Observer, type ReadMostlyOutcome } from './live-events.js';
import { percentile, type TrackedMachine } from './live-reads.js';
import type { Options } from './options.js';
import { findTailcall, startTailcall, tailcallQuery, TAILCALL_MACHINE } from './peers/tailcall.js';
import { BUILD_DIR, buildGateway, forkWorker, freePort, startEmulatorProcess, startGatewayProcess, startRedis, type Server, type Worker } from './processes.js';
import { FLAT } from './queries.js';
import { post, tailcallMismatch } from './reference.js';
import { machineInfo, type Machine } from './report.js';

/** Machines the events rename, from the first page the readers read. */
const TRACKED = 5;
/** Tailcall's cache, as the issue sets it. */
const TAILCALL_CACHE_MS = 60_000;
const WEBHOOK_SECRET = 'bench-live-webhook-secret-0123456789';
/** Renames before the timed ones: they warm every path and prove each subscriber listens. */
const WARM_UP_EVENTS = 3;
const SEEN_TIMEOUT_MS = 10_000;

interface LatencyRow {
  setup: string;
  observer: string;
  samples: number[];
  p50: number;
  p99: number;
}

interface ReadRow {
  target: string;
  connections: number;
  seconds: number;
  reads: number;
  readsPerSecond: number;
  p50: number;
  p99: number;
  /** The gateway's own counter (graphql_response_cache_total); null for Tailcall, which has none. */
  hitRatio: number | null;
  /** Reads answered without an upstream call, derived alike for every target: 1 − upstream calls ÷ reads (an uncached read costs one call). */
  noCallRatio: number;
  upstreamCalls: number;
  events: number;
  unacknowledged: number;
  stale: number;
  wrong: number;
  problems: string[];
}

interface LiveResults {
  date: string;
  machine: Machine;
  settings: { latencyMs: number; connections: number; seconds: number; eventRate: number; events: number; gatewayEntry: string; tailcall: string | null; redis: string | null };
  latency: LatencyRow[];
  reads: ReadRow[];
  failures: string[];
  totalSeconds: number;
}

/** The emulator lists exactly one webhook, with `url`: the gateway registered itself (and removed any other of its own). */
async function registered(emulator: Server, url: string): Promise<void> {
  const deadline = performance.now() + 30_000;
  while (performance.now() < deadline) {
    const { webhooks } = (await (await fetch(`${emulator.url}/__emulator/alerts`)).json()) as { webhooks: { url: string }[] };
    if (webhooks.length === 1 && webhooks[0]?.url === url) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`No gateway registered ${url} with the emulator's Alerts API within 30 s`);
}

const metricsOf = async (server: Server): Promise<string> => (await fetch(`${server.url}/metrics`)).text();

/** Response-cache hits and misses counted by a gateway so far. */
async function cacheCounts(server: Server): Promise<{ hit: number; miss: number }> {
  const counts = { hit: 0, miss: 0 };
  for (const match of (await metricsOf(server)).matchAll(/^graphql_response_cache_total\{[^}]*result="(hit|miss)"[^}]*\} (\d+(?:\.\d+)?)$/gm)) {
    counts[match[1] as 'hit' | 'miss'] += Number(match[2]);
  }
  return counts;
}

/** Waits until each gateway serves `count` subscriptions (its token checked, listening), so no rename goes unheard. */
async function subscribed(gateways: readonly Server[], count: number): Promise<void> {
  const deadline = performance.now() + SEEN_TIMEOUT_MS;
  const open = async (server: Server) => Number(/^graphql_subscriptions_open (\d+)$/m.exec(await metricsOf(server))?.[1] ?? 0);
  while ((await Promise.all(gateways.map(open))).some((each) => each < count)) {
    if (performance.now() > deadline) throw new Error(`The subscribers were not all listening after ${SEEN_TIMEOUT_MS} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The first TRACKED machines of the bench user's first page, as they are before any rename. */
async function trackedMachines(gateway: Server, user: string): Promise<TrackedMachine[]> {
  type Page = { leafUser: { machines: { nodes: { leafId: string; name: string; updatedTime: string }[] } } };
  const { data } = await post<Page>(gateway, FLAT, { user });
  return data.leafUser.machines.nodes.slice(0, TRACKED).map(({ leafId, name, updatedTime }) => ({ leafId, name, updatedTime }));
}

/** The read mix: the first page and one tracked machine by id, in turns. */
function mixOf(tracked: readonly TrackedMachine[], page: string, machine: (leafId: string) => string): string[] {
  return tracked.flatMap((each) => [page, machine(each.leafId)]);
}

function latencyRows(setup: string, samples: Map<string, number[]>): LatencyRow[] {
  return [...samples].map(([observer, values]) => ({ setup, observer, samples: values, p50: percentile(values, 50), p99: percentile(values, 99) }));
}

export async function runLive(options: Options, log: (line: string) => void): Promise<number> {
  const started = performance.now();
  const user = DEMO_USER_IDS.bench;
  const servers: Server[] = [];
  const stoppers: (() => Promise<void>)[] = [];
  const failures: string[] = [];
  const latency: LatencyRow[] = [];
  const reads: ReadRow[] = [];
  let worker: Worker | null = null;
  const tailcallFound = options.tailcall ? findTailcall() : { reason: 'turned off with --no-tailcall' };
  let redisNote: string | null = null;
  try {
    log(`Starting the emulator (large, ${options.latencyMs} ms), compiling the gateway, starting redis-server…`);
    const emulatorPort = await freePort();
    const upstream = `http://127.0.0.1:${emulatorPort}`;
    const [emulator, entry, redis] = await Promise.all([
      startEmulatorProcess(options.latencyMs, emulatorPort),
      options.entry === 'build' ? buildGateway() : Promise.resolve(options.entry),
      startRedis(),
    ]);
    servers.push(emulator);
    if (typeof redis === 'string') redisNote = redis;
    else stoppers.push(() => redis.stop());
    worker = forkWorker();
    const load = worker;
    const calls = new CallLog(emulator);

    /** A gateway with the response cache on, registering `receiver` (its own, or replica A's) with Leaf at start. */
    const startLiveGateway = async (port: number, receiver: string, env: Record<string, string> = {}): Promise<Server> => {
      const gateway = await startGatewayProcess(
        upstream,
        {
          PORT: String(port),
          RESPONSE_CACHE: 'true',
          LEAF_POOL_CONNECTIONS: String(options.pool),
          LEAF_WEBHOOK_SECRET: WEBHOOK_SECRET,
          LEAF_WEBHOOK_URL: receiver,
          LEAF_API_TOKEN: BENCH_TOKEN,
          ...env,
        },
        entry,
      );
      servers.push(gateway);
      return gateway;
    };

    /** Times renames as `observers` see them; each of `gateways` holds two of the subscribers (SSE and WebSocket). */
    const timeLatency = async (setup: string, gateways: Server[], observers: Observer[]): Promise<void> => {
      log(`${setup}: ${options.events} timed renames (after ${WARM_UP_EVENTS} to warm up)…`);
      try {
        await subscribed(gateways, 2);
        const measured = await measureLatency(changes(), observers, { events: options.events, warmUp: WARM_UP_EVENTS, timeoutMs: SEEN_TIMEOUT_MS });
        for (const failure of measured.failures) {
          failures.push(`${setup}: ${failure}`);
          log(`  FAILED: ${failure}`);
        }
        for (const row of latencyRows(setup, measured.samples)) {
          latency.push(row);
          log(`  ${row.observer}: p50 ${row.p50.toFixed(1)} ms, p99 ${row.p99.toFixed(1)} ms (${row.samples.length} renames)`);
        }
      } finally {
        await Promise.all(observers.map((observer) => observer.close()));
      }
    };

    const readRow = async (target: string, urls: string[], bodies: string[], gateways: Server[]): Promise<void> => {
      const tracked = changes().tracked;
      const mix = await referenceReads(urls, BENCH_TOKEN, bodies, tracked);
      const request = { kind: 'live-reads' as const, urls, token: BENCH_TOKEN, reads: mix, tracked: [...tracked], connections: options.connections, seconds: options.seconds };
      // JIT and connections first, without events; its answers are not judged.
      await load.run({ ...request, seconds: 1 });
      await calls.settle(2 * options.latencyMs + 60);
      await calls.reset();
      const before = await Promise.all(gateways.map(cacheCounts));
      log(`${target}: reads at ${options.connections} connections for ${options.seconds} s, ${options.eventRate} renames/s…`);
      const outcome: ReadMostlyOutcome = await readMostly(changes(), (each) => load.run(each), request, options.eventRate);
      const upstreamCalls = await calls.count();
      const after = await Promise.all(gateways.map(cacheCounts));
      const hits = after.reduce((sum, each, at) => sum + each.hit - (before[at]?.hit ?? 0), 0);
      const misses = after.reduce((sum, each, at) => sum + each.miss - (before[at]?.miss ?? 0), 0);
      const { result, verdict } = outcome;
      const row: ReadRow = {
        target,
        connections: options.connections,
        seconds: result.seconds,
        reads: verdict.reads,
        readsPerSecond: verdict.reads / result.seconds,
        p50: result.p50,
        p99: result.p99,
        hitRatio: gateways.length > 0 && hits + misses > 0 ? hits / (hits + misses) : null,
        noCallRatio: verdict.reads > 0 ? Math.max(0, 1 - upstreamCalls / verdict.reads) : NaN,
        upstreamCalls,
        events: outcome.events,
        unacknowledged: outcome.unacknowledged,
        stale: verdict.stale,
        wrong: verdict.wrong + result.wrong,
        problems: [...result.problems, ...verdict.problems],
      };
      reads.push(row);
      log(
        `  ${row.readsPerSecond.toFixed(0)} reads/s, p99 ${row.p99.toFixed(1)} ms, hit ratio ${row.hitRatio?.toFixed(4) ?? '–'}, ` +
          `${row.upstreamCalls} upstream calls, ${row.events} renames (${row.unacknowledged} unacknowledged), ${row.stale} stale, ${row.wrong} wrong`,
      );
      for (const problem of row.problems) log(`  ${problem}`);
      const isGateway = gateways.length > 0;
      if (row.wrong > 0) failures.push(`${target}: ${row.wrong} wrong answers (${row.problems.slice(0, 2).join('; ')})`);
      if (isGateway && row.stale > 0) failures.push(`${target}: ${row.stale} stale answers (${row.problems.slice(0, 2).join('; ')})`);
      if (row.unacknowledged > 0) failures.push(`${target}: ${row.unacknowledged} renames no receiver acknowledged`);
    };

    let changeLog: Changes | null = null;
    const changes = (): Changes => {
      if (!changeLog) throw new Error('the tracked machines are read from the first gateway');
      return changeLog;
    };

    // 1. One gateway.
    const onePort = await freePort();
    const oneReceiver = `http://127.0.0.1:${onePort}${WEBHOOK_PATH}`;
    const one = await startLiveGateway(onePort, oneReceiver);
    await registered(emulator, oneReceiver);
    const tracked = await trackedMachines(one, user);
    changeLog = new Changes(emulator.url, user, tracked);
    log(`Gateway ${one.url} registered its receiver; tracking machines ${tracked.map((machine) => machine.leafId.slice(0, 8)).join(', ')}.`);
    const machineBody = (leafId: string) => JSON.stringify({ query: LIVE_MACHINE, variables: { user, id: leafId } });
    const gatewayMix = mixOf(tracked, JSON.stringify({ query: FLAT, variables: { user } }), machineBody);
    await timeLatency('one gateway', [one], [
      poller('fresh answer', one.url, BENCH_TOKEN, user),
      subscriber('SSE subscriber', 'sse', one.url, BENCH_TOKEN, user),
      subscriber('WebSocket subscriber', 'ws', one.url, BENCH_TOKEN, user),
    ]);
    await readRow('gateway, one process (response cache in memory)', [`${one.url}/graphql`], gatewayMix, [one]);
    // The one that acknowledges Tailcall's renames unless replicas take over.
    let acknowledging: Server = one;

    // 2. Two replicas over Redis; Leaf delivers to A.
    if (typeof redis === 'string') {
      log(`Two replicas do not run: ${redis}.`);
    } else {
      const [aPort, bPort] = [await freePort(), await freePort()];
      const receiver = `http://127.0.0.1:${aPort}${WEBHOOK_PATH}`;
      const env = { REDIS_URL: redis.url };
      const [a, b] = await Promise.all([startLiveGateway(aPort, receiver, env), startLiveGateway(bPort, receiver, env)]);
      await registered(emulator, receiver);
      log(`Replicas A ${a.url} (receives the webhook) and B ${b.url}, Redis ${redis.url}.`);
      await timeLatency('two replicas', [a, b], [
        poller('A: fresh answer', a.url, BENCH_TOKEN, user),
        poller('B: fresh answer', b.url, BENCH_TOKEN, user),
        subscriber('A: SSE subscriber', 'sse', a.url, BENCH_TOKEN, user),
        subscriber('B: SSE subscriber', 'sse', b.url, BENCH_TOKEN, user),
        subscriber('A: WebSocket subscriber', 'ws', a.url, BENCH_TOKEN, user),
        subscriber('B: WebSocket subscriber', 'ws', b.url, BENCH_TOKEN, user),
      ]);
      await readRow('gateway, two replicas (response cache in Redis)', [`${a.url}/graphql`, `${b.url}/graphql`], gatewayMix, [a, b]);
      acknowledging = a;
    }

    // 3. Tailcall with @cache over the same mix and event rate.
    if ('reason' in tailcallFound) {
      log(`Tailcall does not run: ${tailcallFound.reason}.`);
    } else {
      const tailcall = await startTailcall(tailcallFound.binary, upstream, await freePort(), `${BUILD_DIR}/..`, { cacheMaxAgeMs: TAILCALL_CACHE_MS });
      servers.push(tailcall);
      const input = { user, deepCursorOffset: 0, nodes: [] };
      const page = tailcallQuery('flat', input);
      // Same records as the gateway, field by field, before anything is measured.
      const theirs = await post(tailcall, page.document, page.variables, 'Tailcall');
      const ours = await post(acknowledging, FLAT, { user });
      const mismatch = tailcallMismatch('flat', ours.data, theirs.data, input);
      if (mismatch) failures.push(mismatch);
      else {
        const tailcallMix = mixOf(tracked, JSON.stringify({ query: page.document, variables: page.variables }), (leafId) => JSON.stringify({ query: TAILCALL_MACHINE, variables: { user, id: leafId } }));
        await readRow(`Tailcall ${tailcallFound.version}, @cache(maxAge: ${TAILCALL_CACHE_MS})`, [`${tailcall.url}/graphql`], tailcallMix, []);
      }
    }
  } finally {
    await worker?.stop();
    await Promise.all(servers.map((server) => server.stop()));
    await Promise.all(stoppers.map((stop) => stop()));
  }

  const results: LiveResults = {
    date: new Date().toISOString(),
    machine: machineInfo(),
    settings: {
      latencyMs: options.latencyMs,
      connections: options.connections,
      seconds: options.seconds,
      eventRate: options.eventRate,
      events: options.events,
      gatewayEntry: options.entry === 'build' ? `node ${BUILD_DIR}/main.js (src/ compiled by tsc)` : options.entry,
      tailcall: 'version' in tailcallFound ? tailcallFound.version : null,
      redis: redisNote === null ? 'redis-server, started by the bench' : null,
    },
    latency,
    reads,
    failures,
    totalSeconds: (performance.now() - started) / 1000,
  };
  mkdirSync(options.out, { recursive: true });
  writeFileSync(`${options.out}/live.json`, `${JSON.stringify(results, null, 2)}\n`);
  const table = liveMarkdown(results);
  writeFileSync(`${options.out}/live.md`, table);
  process.stdout.write(table);
  for (const failure of failures) log(`FAILED: ${failure}`);
  return failures.length;
}

const fixed = (value: number | null, digits: number): string => (value === null || !Number.isFinite(value) ? '–' : value.toFixed(digits));

export function liveMarkdown(results: LiveResults): string {
  const { machine, settings } = results;
  const lines = [
    `Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGb} GB, Node ${machine.node}, ${machine.os}.`,
    `Emulator latency ${settings.latencyMs} ms per call; gateway run as \`${settings.gatewayEntry}\`, response cache on; ` +
      `${settings.events} timed renames per setup; read-mostly runs of ${settings.seconds} s at ${settings.connections} connections with ${settings.eventRate} renames/s.`,
    '',
    '| Setup | Observed at | p50 (ms) | p99 (ms) | Renames timed |',
    '| --- | --- | ---: | ---: | ---: |',
    ...results.latency.map((row) => `| ${row.setup} | ${row.observer} | ${fixed(row.p50, 1)} | ${fixed(row.p99, 1)} | ${row.samples.length} |`),
    '',
    '| Read-mostly run | reads/s | p50 (ms) | p99 (ms) | Cache hit ratio | Reads without an upstream call | Upstream calls | Renames (unacknowledged) | Stale answers | Wrong answers |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...results.reads.map(
      (row) =>
        `| ${row.target} | ${fixed(row.readsPerSecond, 0)} | ${fixed(row.p50, 1)} | ${fixed(row.p99, 1)} | ${row.hitRatio === null ? '–' : `${(100 * row.hitRatio).toFixed(2)} %`} | ` +
        `${fixed(100 * row.noCallRatio, 2)} % | ${row.upstreamCalls} | ${row.events} (${row.unacknowledged}) | ${row.stale} of ${row.reads} (${fixed((100 * row.stale) / Math.max(row.reads, 1), 1)} %) | ${row.wrong} |`,
    ),
    '',
    'Event → fresh answer: from just before the bench asks the emulator to rename a machine (the record changes and its signed ' +
      'delivery leaves in that request) until a query of that machine, sent back to back, first answers the new name. Event → ' +
      'subscriber: until a `leafEvents` subscriber gets the event with `machine { name }` showing the new name. A stale answer shows a ' +
      'tracked machine older than the last rename acknowledged (a 2xx to its delivery, as the emulator timed it) before the request ' +
      'started. Cache hit ratio: the gateway\'s `graphql_response_cache_total`; Tailcall counts none, so the next column derives the ' +
      'same thing alike for every target (1 − upstream calls ÷ reads; an uncached read costs one call).' +
      ` Ran in ${results.totalSeconds.toFixed(0)} s.` +
      (results.failures.length > 0 ? ` **Failed: ${results.failures.join('; ')}.**` : ''),
  ];
  return `${lines.join('\n')}\n`;
}
