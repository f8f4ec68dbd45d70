// The benchmark's processes: the emulator and each gateway run as their own Node process
// (`node --import tsx`, so the pid measured is the server itself, not a tsx wrapper), and
// the load workers are forked with an IPC channel, and a redis-server when replicas share one.
// CPU and peak memory come from /proc.
import { fork, spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Redis } from 'ioredis';
import type { WorkerRequest, WorkerResult } from './worker.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const TSX = ['--import', 'tsx'];

export interface Server {
  url: string;
  pid: number;
  /** Settles with the exit code (null when killed by a signal) whenever the process ends. */
  exited: Promise<number | null>;
  stop(): Promise<void>;
}

function stopper(child: ChildProcess): () => Promise<void> {
  return () =>
    new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
}

/**
 * Starts `command <args>` (node by default) and resolves once its output matches `ready`;
 * `urlOf` turns the match into the server's URL (by default its group 1 is the URL).
 */
export function startServer(
  args: string[],
  env: NodeJS.ProcessEnv,
  ready: RegExp,
  name: string,
  { command = process.execPath, urlOf = (match: RegExpExecArray) => match[1] }: { command?: string; urlOf?: (match: RegExpExecArray) => string | undefined } = {},
): Promise<Server> {
  const child = spawn(command, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => fail(new Error(`${name} did not start within 60 s`)), 60_000);
    function fail(error: Error): void {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(new Error(`${error.message}\n${output.slice(-2000)}`));
    }
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      const match = ready.exec(output);
      const url = match ? urlOf(match) : undefined;
      if (url && child.pid !== undefined) {
        clearTimeout(timer);
        // Keep draining so a chatty server never blocks on a full pipe.
        for (const stream of [child.stdout, child.stderr]) {
          stream.removeAllListeners('data');
          stream.resume();
        }
        resolve({ url, pid: child.pid, exited, stop: stopper(child) });
      }
    };
    child.stderr.on('data', onData);
    child.stdout.on('data', onData);
    child.once('exit', (code) => fail(new Error(`${name} exited with code ${code}`)));
    child.once('error', (error) => fail(new Error(`${name} could not start: ${error.message}`)));
  });
}

/**
 * A port free right now, below the kernel's ephemeral range so the gateways starting alongside
 * (on port 0) cannot take it first; the emulator's URL is then known before it starts.
 */
export async function freePort(): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const port = 20_000 + Math.floor(Math.random() * 10_000);
    const free = await new Promise<boolean>((resolve) => {
      const probe = createServer();
      probe.once('error', () => resolve(false));
      probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
    });
    if (free) return port;
  }
  throw new Error('No free port between 20000 and 30000');
}

export function startEmulatorProcess(latencyMs: number, port: number): Promise<Server> {
  return startServer(
    [...TSX, 'src/emulator/main.ts', '--port', String(port), '--scale', 'large', '--latency', String(latencyMs)],
    { ...process.env },
    /listening on (http:\/\/\S+)/,
    'The emulator',
  );
}

/** Where Debian's redis-server may be (.ci/run installs it); the live bench and the Redis tests start their own. */
export const REDIS_BINARIES = ['/usr/bin/redis-server', '/usr/sbin/redis-server', '/usr/local/bin/redis-server'];

export interface LocalRedis {
  url: string;
  stop(): Promise<void>;
}

/** Starts Debian's redis-server on a free port, or says why it could not. */
export async function startRedis(): Promise<LocalRedis | string> {
  const binary = REDIS_BINARIES.find((path) => existsSync(path));
  if (!binary) return `no redis-server binary (looked in ${REDIS_BINARIES.join(', ')}; .ci/run installs Debian's redis-server)`;
  const port = await freePort();
  const child: ChildProcess = spawn(binary, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
    stdio: 'ignore',
  });
  const url = `redis://127.0.0.1:${port}`;
  const probe = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  probe.on('error', () => {});
  for (let attempt = 0; attempt < 50; attempt += 1) {
    try {
      await probe.connect();
      await probe.ping();
      probe.disconnect();
      return {
        url,
        stop: () =>
          new Promise<void>((resolve) => {
            if (child.exitCode !== null) return resolve();
            child.once('exit', () => resolve());
            child.kill('SIGTERM');
          }),
      };
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  child.kill('SIGKILL');
  return `${binary} did not accept connections on port ${port}`;
}

/** Where `buildGateway` writes (git-ignored). */
export const BUILD_DIR = 'bench/results/tmp/dist';

/**
 * Compiles src/ the way the container does (tsc, tsconfig.build.json, no type check: the tests
 * do that), so the gateways run as plain `node main.js`, without tsx's loader in their CPU and
 * memory. Resolves to the entry file.
 */
export function buildGateway(): Promise<string> {
  const tsc = 'node_modules/typescript/bin/tsc';
  const child = spawn(process.execPath, [tsc, '-p', 'tsconfig.build.json', '--noCheck', '--outDir', BUILD_DIR], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => {
      if (code !== 0) return reject(new Error(`Compiling the gateway failed (tsc exit ${code}):\n${output.slice(-2000)}`));
      // Beside dist/, as the container has them: the examples (read at start) and the trusted documents.
      for (const folder of ['examples', 'operations/__generated__']) {
        cpSync(join(ROOT, folder), join(ROOT, BUILD_DIR, '..', folder), { recursive: true });
      }
      resolve(`${BUILD_DIR}/main.js`);
    });
  });
}

export function startGatewayProcess(upstream: string, env: Record<string, string>, entry: string, nodeArgs: string[] = []): Promise<Server> {
  const args = [...nodeArgs, ...(entry.endsWith('.ts') ? [...TSX, entry] : [entry])];
  return startServer(
    args,
    {
      ...process.env,
      NODE_ENV: 'production',
      // As the container runs it (Dockerfile): a larger young generation, fewer scavenges.
      NODE_OPTIONS: '--max-semi-space-size=64',
      PORT: '0',
      HOST: '127.0.0.1',
      LEAF_API_URL: upstream,
      LOG_LEVEL: 'silent',
      ...env,
    },
    /gateway on (http:\/\/\S+?)\/graphql/,
    'The gateway',
  );
}

/** A process and its descendants (a gateway run with WORKERS > 1 is a primary and its workers). */
function processTree(pid: number): number[] {
  const pids = [pid];
  for (let index = 0; index < pids.length; index++) {
    const parent = pids[index] as number;
    try {
      for (const task of readdirSync(`/proc/${parent}/task`)) {
        const children = readFileSync(`/proc/${parent}/task/${task}/children`, 'utf8').trim();
        if (children) pids.push(...children.split(' ').map(Number));
      }
    } catch {
      // Gone meanwhile: nothing more below it.
    }
  }
  return pids;
}

function processCpuMs(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the parenthesised command name; utime and stime are fields 14 and 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]);
    return (ticks * 1000) / 100; // USER_HZ is 100 on Linux
  } catch {
    return 0;
  }
}

/** User plus system CPU time of a process and its descendants, in milliseconds. */
export function cpuMs(pid: number): number {
  return processTree(pid).reduce((sum, each) => sum + processCpuMs(each), 0);
}

/** Peak resident memory since the last reset, in MB, summed over the process and its descendants. */
export function peakRssMb(pid: number): number {
  let total = 0;
  for (const each of processTree(pid)) {
    try {
      const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${each}/status`, 'utf8'));
      if (match?.[1]) total += Number(match[1]) / 1024;
    } catch {
      // Gone meanwhile.
    }
  }
  return total || NaN;
}

/** Resets the peak to the current resident size (Linux clear_refs 5). */
export function resetPeakRss(pid: number): void {
  for (const each of processTree(pid)) {
    try {
      writeFileSync(`/proc/${each}/clear_refs`, '5');
    } catch {
      // Without it the peak covers the process's whole life so far, still an upper bound.
    }
  }
}

export interface Worker {
  pid: number;
  run<R extends WorkerRequest>(request: R): Promise<WorkerResult<R>>;
  stop(): Promise<void>;
}

export function forkWorker(): Worker {
  const child = fork(fileURLToPath(new URL('./worker.ts', import.meta.url)), [], { cwd: ROOT, execArgv: TSX });
  let next = 0;
  const pending = new Map<number, { resolve: (result: never) => void; reject: (error: Error) => void }>();
  child.on('message', (message: { id: number; result?: never; error?: string }) => {
    const waiter = pending.get(message.id);
    pending.delete(message.id);
    if (message.result) waiter?.resolve(message.result);
    else waiter?.reject(new Error(message.error ?? 'worker failed'));
  });
  child.once('exit', (code) => {
    for (const waiter of pending.values()) waiter.reject(new Error(`load worker exited with code ${code}`));
    pending.clear();
  });
  return {
    pid: child.pid ?? -1,
    run<R extends WorkerRequest>(request: R) {
      const id = next++;
      return new Promise<WorkerResult<R>>((resolve, reject) => {
        pending.set(id, { resolve, reject });
        child.send({ id, request });
      });
    },
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.disconnect();
      }),
  };
}
