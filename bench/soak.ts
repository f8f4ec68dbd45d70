// `npm run soak`: the emulator (large data set) and the gateway, each in its own process, under
// mixed reads and writes of three tokens for a bounded time, while the emulator injects faults
// (503, a malformed body, 429, an answer slower than the gateway's upstream timeout) into a
// share of upstream calls. Every answer is judged against a reference taken before the faults;
// the gateway's resident memory is sampled each second. Exits 1 on a crash, a 5xx, a request
// left unanswered, a wrong or cross-token answer, or a leak. `npm run soak -- --help` for knobs.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { buildGateway, freePort, startEmulatorProcess, startGatewayProcess, type Server } from './processes.js';
import { emptyTally, SoakLoad, type Tally } from './soak-load.js';
import { percentile, slopePerMinute } from './soak-stats.js';

const USAGE = `Usage: npm run soak -- [options]
  --duration <s>      how long the load runs (default 60; 300 for the figures in docs/operations.md)
  --faults <percent>  share of upstream calls given a fault, split evenly over 503, malformed
                      body, 429 and slower than the upstream timeout (default 5)
  --connections <n>   concurrent clients (default 32)
  --latency <ms>      emulator latency per upstream call (default 5)
  --timeout <ms>      the gateway's LEAF_TIMEOUT_MS; the slow fault takes 1.5 s longer (default 3000:
                      on a loaded machine a 1 s timeout also cuts calls that were only queued)
  --entry <file>      gateway entry: build (default: compile src/ with tsc and run node main.js),
                      or src/main.ts (via tsx)
  --gateway-env K=V   extra environment for the gateway, repeatable (e.g. LEAF_COALESCE_READS=false)
  --out <dir>         where soak-latest.json and soak-latest.md go (default bench/results)`;

interface Options {
  durationS: number;
  faultPercent: number;
  connections: number;
  latencyMs: number;
  timeoutMs: number;
  entry: string;
  gatewayEnv: Record<string, string>;
  out: string;
}

function fail(message: string): never {
  process.stderr.write(`${message}\n${USAGE}\n`);
  process.exit(2);
}

function number(values: Record<string, unknown>, name: string, fallback: number, min: number, max: number): number {
  const raw = values[name];
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < min || value > max) fail(`--${name} must be a number from ${min} to ${max}, got '${String(raw)}'`);
  return value;
}

function parseOptions(argv: string[]): Options {
  let values: Record<string, string | boolean | string[] | undefined>;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      options: {
        duration: { type: 'string' },
        faults: { type: 'string' },
        connections: { type: 'string' },
        latency: { type: 'string' },
        timeout: { type: 'string' },
        entry: { type: 'string' },
        'gateway-env': { type: 'string', multiple: true },
        out: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    process.exit(0);
  }
  return {
    durationS: number(values, 'duration', 60, 1, 3_600),
    faultPercent: number(values, 'faults', 5, 0, 100),
    connections: Math.round(number(values, 'connections', 32, 1, 1_024)),
    latencyMs: number(values, 'latency', 5, 0, 10_000),
    timeoutMs: Math.round(number(values, 'timeout', 3_000, 100, 60_000)),
    entry: (values.entry as string | undefined) ?? 'build',
    gatewayEnv: Object.fromEntries(
      ((values['gateway-env'] as string[] | undefined) ?? []).map((pair) => {
        const at = pair.indexOf('=');
        if (at <= 0) fail(`--gateway-env takes KEY=VALUE, got '${pair}'`);
        return [pair.slice(0, at), pair.slice(at + 1)];
      }),
    ),
    out: (values.out as string | undefined) ?? 'bench/results',
  };
}

/** The four faults, each on an equal share of all upstream calls (rules are tried in order). The slow one is
 * 1.5 s past the timeout, beyond undici's timer resolution (it fires up to ~0.5 s late), so it always times out. */
async function injectFaults(emulatorUrl: string, percent: number, timeoutMs: number): Promise<void> {
  const share = percent / 100 / 4;
  const faults = [{ status: 503 }, { malformed: true }, { status: 429, retryAfter: 1 }, { delayMs: timeoutMs + 1_500 }];
  for (const [index, fault] of faults.entries()) {
    if (share === 0) break;
    // Rule i only sees the calls the rules before it left alone.
    const chance = Math.min(1, share / (1 - index * share));
    const response = await fetch(`${emulatorUrl}/__emulator/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...fault, chance }),
    });
    if (response.status !== 201) throw new Error(`The emulator refused a fault rule: ${await response.text()}`);
  }
}

function rssMb(pid: number): number | null {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match?.[1] ? Number(match[1]) / 1024 : null;
  } catch {
    return null;
  }
}

/** The tally's counts (its latencies become p50/p99) and what the run measured beside them. */
interface Figures extends Omit<Tally, 'latenciesMs' | 'unhungLatenciesMs'> {
  date: string;
  machine: string;
  options: Options;
  perSecond: number;
  crashes: number;
  affectedPercent: number;
  p50Ms: number;
  p99Ms: number;
  /** Answers that waited on a hung upstream call: their count, and the p99 of all the others. */
  hungAnswers: number;
  p99WithoutHungMs: number;
  rssStartMb: number;
  rssEndMb: number;
  rssSlopeMbPerMin: number;
  /** Every tenth second's RSS sample, to see the curve behind the slope. */
  rssEveryTenSeconds: number[];
  drainExitCode: number | null;
}

function markdown(figures: Figures): string {
  const o = figures.options;
  return [
    `Soak of ${figures.date} on ${figures.machine}: ${o.durationS} s, ${o.connections} connections, ${o.faultPercent} % of upstream calls faulted ` +
      `(503, malformed, 429, slower than the ${o.timeoutMs} ms timeout), emulator latency ${o.latencyMs} ms.`,
    '',
    '| Figure | Value |',
    '| --- | --- |',
    `| Requests (answers judged) | ${figures.requests} (${figures.perSecond.toFixed(0)}/s) |`,
    `| Crashes | ${figures.crashes} |`,
    `| 5xx answers | ${figures.serverErrors} |`,
    `| Requests without an answer | ${figures.noAnswer} |`,
    `| Wrong answers | ${figures.wrong} |`,
    `| Cross-token answers | ${figures.crossToken} |`,
    `| Leaks (upstream body, stack) | ${figures.leaks} |`,
    `| Circuit-open answers | ${figures.circuitOpen} |`,
    `| Answers affected by faults (an error, circuit-open ones included) | ${figures.affected + figures.circuitOpen} (${figures.affectedPercent.toFixed(2)} %) |`,
    `| Latency p50 / p99 | ${figures.p50Ms.toFixed(1)} ms / ${figures.p99Ms.toFixed(1)} ms |`,
    `| Answers that waited on a hung call (a timeout, the request deadline, a write left unanswered) | ${figures.hungAnswers} |`,
    `| Latency p99 without those | ${figures.p99WithoutHungMs.toFixed(1)} ms |`,
    `| Gateway RSS start → end, slope after warm-up | ${figures.rssStartMb.toFixed(0)} → ${figures.rssEndMb.toFixed(0)} MB, ${figures.rssSlopeMbPerMin.toFixed(2)} MB/min |`,
    `| Exit code after SIGTERM (drain) | ${figures.drainExitCode} |`,
    '',
    'Affected answers by their first error:',
    '',
    ...Object.entries(figures.affectedBy)
      .sort(([, a], [, b]) => b - a)
      .map(([kind, count]) => `- ${count} × ${kind}`),
    '',
  ].join('\n');
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const entry = options.entry === 'build' ? await buildGateway() : options.entry;
  const emulator = await startEmulatorProcess(options.latencyMs, await freePort());
  let gateway: Server | null = null;
  let load: SoakLoad | null = null;
  try {
    gateway = await startGatewayProcess(
      emulator.url,
      {
        LEAF_API_TOKEN: '',
        LEAF_TIMEOUT_MS: String(options.timeoutMs),
        // Upstream calls are what the faults hit; a cached answer would hide them.
        RESPONSE_CACHE: 'false',
        LOG_LEVEL: 'silent',
        ...options.gatewayEnv,
      },
      entry,
    );
    let crashed = false;
    void gateway.exited.then(() => (crashed = true));
    load = new SoakLoad(gateway.url, options.connections, Math.max(30_000, options.timeoutMs * 10));
    await load.takeReference();
    await injectFaults(emulator.url, options.faultPercent, options.timeoutMs);

    const tally: Tally = emptyTally();
    const started = performance.now();
    const deadline = started + options.durationS * 1000;
    const rss: { atS: number; mb: number }[] = [];
    const sampler = setInterval(() => {
      const mb = rssMb(gateway!.pid);
      if (mb !== null) rss.push({ atS: (performance.now() - started) / 1000, mb });
    }, 1_000);
    const progress = setInterval(() => {
      const seconds = Math.round((performance.now() - started) / 1000);
      process.stdout.write(`  ${seconds} s: ${tally.requests} answers, ${tally.affected} affected, ${tally.circuitOpen} circuit open\n`);
    }, 30_000);
    await Promise.all(Array.from({ length: options.connections }, (_, lane) => load!.lane(tally, lane, deadline)));
    clearInterval(sampler);
    clearInterval(progress);
    const elapsedS = (performance.now() - started) / 1000;

    // The drain is part of the soak: with the load stopped, SIGTERM must end the gateway with 0.
    const gatewayCrashed = crashed;
    await gateway.stop();
    const drainExitCode = gatewayCrashed ? null : await gateway.exited;

    // The first third (at least 10 s) is warm-up: JIT, pools, and V8's young generation
    // (--max-semi-space-size=64, as in the container) filling, which takes about 90 s here.
    const warm = rss.filter((sample) => sample.atS >= Math.min(Math.max(10, options.durationS / 3), options.durationS / 2));
    const { latenciesMs, unhungLatenciesMs, ...counts } = tally;
    const sorted = [...latenciesMs].sort((a, b) => a - b);
    const figures: Figures = {
      date: new Date().toISOString(),
      machine: `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.versions.node}`,
      options,
      ...counts,
      perSecond: tally.requests / elapsedS,
      crashes: gatewayCrashed ? 1 : 0,
      affectedPercent: tally.requests === 0 ? 0 : ((tally.affected + tally.circuitOpen) / tally.requests) * 100,
      p50Ms: percentile(sorted, 0.5),
      p99Ms: percentile(sorted, 0.99),
      hungAnswers: latenciesMs.length - unhungLatenciesMs.length,
      p99WithoutHungMs: percentile([...unhungLatenciesMs].sort((a, b) => a - b), 0.99),
      rssStartMb: rss[0]?.mb ?? NaN,
      rssEndMb: rss.at(-1)?.mb ?? NaN,
      rssSlopeMbPerMin: slopePerMinute(warm.map((sample) => [sample.atS, sample.mb])),
      rssEveryTenSeconds: rss.filter((_, index) => index % 10 === 0).map((sample) => Math.round(sample.mb)),
      drainExitCode,
    };
    mkdirSync(options.out, { recursive: true });
    writeFileSync(`${options.out}/soak-latest.json`, `${JSON.stringify(figures, null, 2)}\n`);
    writeFileSync(`${options.out}/soak-latest.md`, markdown(figures));
    process.stdout.write(`\n${markdown(figures)}`);
    for (const sample of figures.samples.slice(0, 5)) process.stdout.write(`  e.g. ${sample}\n`);

    const failures = [
      figures.crashes > 0 && 'the gateway crashed',
      figures.serverErrors > 0 && `${figures.serverErrors} answers were 5xx`,
      figures.noAnswer > 0 && `${figures.noAnswer} requests got no answer`,
      figures.wrong > 0 && `${figures.wrong} answers were wrong`,
      figures.crossToken > 0 && `${figures.crossToken} answers showed another token's data`,
      figures.leaks > 0 && `${figures.leaks} answers leaked an upstream body or a stack`,
      !gatewayCrashed && drainExitCode !== 0 && `the gateway exited ${drainExitCode} on SIGTERM`,
    ].filter((failure): failure is string => typeof failure === 'string');
    if (figures.affectedPercent >= 10) process.stdout.write(`Note: ${figures.affectedPercent.toFixed(1)} % of answers affected (target < 10 %).\n`);
    if (failures.length > 0) {
      process.stderr.write(`Soak failed: ${failures.join('; ')}\n`);
      process.exitCode = 1;
    } else process.stdout.write('Soak passed: no crash, no 5xx, no wrong, cross-token or leaking answer.\n');
  } finally {
    await load?.close();
    await gateway?.stop();
    await emulator.stop();
  }
}

await main();
