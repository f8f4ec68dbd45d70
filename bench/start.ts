// The bench's processes, started at once: the emulator (large data set, fixed latency), the
// gateways (coalescing on, off, and with the response cache), Tailcall when it can run, and
// the two load-generating workers.
import { findTailcall, startTailcall } from './peers/tailcall.js';
import { BUILD_DIR, buildGateway, forkWorker, freePort, startEmulatorProcess, startGatewayProcess, type Server, type Worker } from './processes.js';
import type { Options } from './options.js';

export interface BenchProcesses {
  emulator: Server;
  gateway: Server;
  /** The same gateway with LEAF_COALESCE_READS=false, for the coalescing figure. */
  uncoalesced: Server;
  /** With RESPONSE_CACHE=true; null with --no-cache. */
  cached: Server | null;
  tailcall: { server: Server; version: string } | null;
  /** Drives the GraphQL servers with autocannon. */
  loadWorker: Worker;
  /** Runs the direct REST client under load. */
  directWorker: Worker;
  stop(): Promise<void>;
}

/** The gateway's response cache, off for the gateway rows and on for the cached ones. */
const RESPONSE_CACHE = { on: { RESPONSE_CACHE: 'true' }, off: { RESPONSE_CACHE: 'false' } };

export async function startProcesses(options: Options, log: (line: string) => void): Promise<BenchProcesses> {
  const started = performance.now();
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
  const stop = async () => {
    await Promise.all(workers.map((worker) => worker.stop()));
    await Promise.all(servers.map((server) => server.stop()));
  };
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
    let tailcall: BenchProcesses['tailcall'] = null;
    if (tailcallStarted instanceof Error) log(`Tailcall does not run in this bench: it did not start (${tailcallStarted.message.split('\n')[0]}).`);
    else if (tailcallStarted && 'version' in tailcallFound) {
      servers.push(tailcallStarted);
      tailcall = { server: tailcallStarted, version: tailcallFound.version };
    }
    log(
      `Started in ${((performance.now() - started) / 1000).toFixed(1)} s; emulator ${emulator.url}, gateway ${gateway.url}` +
        (tailcall ? `, Tailcall ${tailcall.version} ${tailcall.server.url}` : ''),
    );
    const loadWorker = forkWorker();
    const directWorker = forkWorker();
    workers.push(loadWorker, directWorker);
    return { emulator, gateway, uncoalesced, cached, tailcall, loadWorker, directWorker, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
