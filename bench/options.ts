// `npm run bench` options: the command line → validated settings (`--help` prints USAGE).
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/config.js';
import { QUERY_NAMES, type QueryName } from './queries.js';

export const USAGE = `Usage: npm run bench -- [options]
  --latency <ms>        emulator latency per upstream call (default 20)
  --runs <n>            runs per figure; the table quotes medians (default 3)
  --seconds <s>         length of each load phase; concurrent phases of slow queries run longer (default 1;
                        with --live, the read-mostly runs: default 10)
  --connections <n>     concurrency of the loaded phases (default 50)
  --coalesce-connections <n>  concurrency of the coalescing figure (default 20)
  --pool <n>            upstream keep-alive connections, gateway and direct client (default: the gateway's LEAF_POOL_CONNECTIONS default)
  --entry <file>        gateway entry: build (default: compile src/ with tsc into bench/results/tmp and
                        run node main.js, as the container does), src/main.ts (via tsx), or a .js file
  --no-cache            skip the response-cache rows (RESPONSE_CACHE=true)
  --no-tailcall         skip the Tailcall rows (it also skips them, saying why, when its binary cannot run)
  --workers <n|auto>    WORKERS of the gateways (default 1); CPU and memory then cover all their processes
  --queries a,b         only these of flat,nested,nodes,deep
  --out <dir>           where latest.json and latest.md go (default bench/results)
  --ablate              the cost ledger instead: CPU per request of the flat and nested queries with
                        each optional layer off in turn (bench/ablate.ts; ablate.md and ablate.json)
  --layers a,b          with --ablate: only these rows beside every layer on (an A/B): fast-path, metrics,
                        request-log, log-lines, response-cache, http-caching, http-params, armor, cost,
                        persisted, defer-stream, error-masking, jit, coalescing, bare, compare
  --compare <file>      with --ablate: another build's entry (a compiled main.js), every layer on, as one
                        more row taken in the same turns: the A/B of a change without a switch
  --live                live data instead (bench/live.ts; live.md and live.json): event → fresh answer and
                        event → subscriber latency on one gateway and across two replicas over Redis, and a
                        read-mostly run with events flowing, stale answers counted, beside Tailcall with
                        @cache(maxAge: 60000); of the options above, --latency, --seconds, --connections,
                        --pool, --entry, --no-tailcall and --out apply
  --events <n>          with --live: timed renames per setup (default 100)
  --event-rate <n>      with --live: renames per second during the read-mostly runs (default 5)`;

export interface Options {
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
  ablate: boolean;
  /** With --ablate: only these rows (VARIANTS' keys) beside every layer on; null: all. */
  layers: string[] | null;
  /** With --ablate: another build's entry, measured in the same turns as a row of its own (key `compare`). */
  compare: string | null;
  live: boolean;
  events: number;
  eventRate: number;
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

/** The settings `argv` asks for; exits 0 after printing USAGE for --help, 2 with a message for a bad value. */
export function parseOptions(argv: string[]): Options {
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
      ablate: { type: 'boolean' },
      layers: { type: 'string' },
      compare: { type: 'string' },
      live: { type: 'boolean' },
      events: { type: 'string' },
      'event-rate': { type: 'string' },
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
    seconds: positive(values, 'seconds', values.live ? 10 : 1, false),
    connections: positive(values, 'connections', 50),
    coalesceConnections: positive(values, 'coalesce-connections', 20),
    pool: positive(values, 'pool', loadConfig({}).upstream.connections),
    entry: values.entry ?? 'build',
    cache: !values['no-cache'],
    tailcall: !values['no-tailcall'],
    workers: values.workers === 'auto' ? 'auto' : String(positive(values, 'workers', 1)),
    queries: queries as QueryName[],
    out: values.out ?? 'bench/results',
    ablate: values.ablate ?? false,
    layers: values.layers ? values.layers.split(',').map((name) => name.trim()).filter(Boolean) : null,
    compare: values.compare ?? null,
    live: values.live ?? false,
    events: positive(values, 'events', 100),
    eventRate: positive(values, 'event-rate', 5, false),
  };
}
