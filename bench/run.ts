// `npm run bench`: the emulator (large data set, fixed latency), the gateway in front of it,
// and the load generators, each in its own process; the four canonical queries through the
// gateway, through Tailcall (bench/peers) and through a plain REST client, medians of several
// runs, written to bench/results.
// `npm run bench -- --help` lists the knobs (bench/options.ts); the phases are in bench/phases.ts.
import { parseOptions, type Options } from './options.js';
import { benchOf, measuredRuns, referencePhase, warmUp } from './phases.js';
import { BUILD_DIR } from './processes.js';
import { DEEP_CURSOR_OFFSET } from './queries.js';
import { discoverSetup } from './reference.js';
import { failedRequests, machineInfo, writeResults, type CoalesceFigures, type QueryFigures, type Results } from './report.js';
import { startProcesses, type BenchProcesses } from './start.js';
import { runLedger } from './ablate.js';
import { runLive } from './live.js';

function settingsOf(options: Options, processes: BenchProcesses): Results['settings'] {
  return {
    latencyMs: options.latencyMs,
    runs: options.runs,
    seconds: options.seconds,
    connections: options.connections,
    pool: options.pool,
    gatewayEntry:
      (options.entry === 'build' ? `node ${BUILD_DIR}/main.js (src/ compiled by tsc)` : options.entry) +
      (options.workers === '1' ? '' : `, WORKERS=${options.workers}`),
    responseCache: options.cache,
    tailcall: processes.tailcall?.version ?? null,
  };
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const started = performance.now();
  const log = (line: string): void => void process.stderr.write(`[${((performance.now() - started) / 1000).toFixed(1).padStart(5)} s] ${line}\n`);
  if (options.ablate) {
    const failures = await runLedger(options, log);
    if (failures > 0) {
      log(`${failures} requests failed or answered differently from the reference answer.`);
      process.exitCode = 1;
    }
    return;
  }
  if (options.live) {
    const failures = await runLive(options, log);
    if (failures > 0) process.exitCode = 1;
    return;
  }
  const processes = await startProcesses(options, log);
  try {
    const setup = await discoverSetup(processes.gateway, DEEP_CURSOR_OFFSET);
    log('Reference answers and exact call counts…');
    const bench = benchOf(options, processes, setup, log);
    const queries: QueryFigures[] = await referencePhase(bench);
    log('Warming up…');
    await warmUp(bench);
    const coalescing: CoalesceFigures = await measuredRuns(bench, queries);
    const results: Results = {
      date: new Date().toISOString(),
      machine: machineInfo(),
      settings: settingsOf(options, processes),
      queries,
      coalescing,
      totalSeconds: (performance.now() - started) / 1000,
    };
    process.stdout.write(writeResults(results, options.out));
    const failures = failedRequests(results);
    if (failures > 0) {
      log(`${failures} requests failed or answered differently from the reference answer.`);
      process.exitCode = 1;
    }
  } finally {
    await processes.stop();
  }
}

await main();
