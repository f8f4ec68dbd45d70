// A Redis for the tests that need one (replicas sharing a cache, events, locks): TEST_REDIS_URL
// when CI provides one, else Debian's redis-server started on a free port for this test file.
// Without either, suites skip and say why instead of passing vacuously.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { Redis } from 'ioredis';
import { freePort } from '../../bench/processes.js';

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



export interface TestRedis {
  /** null when no Redis could be had (then skipReason says why). */
  redisUrl: string | null;
  skipReason: string | null;
  /** Stops the redis-server this file started (none when CI gave one). */
  stop(): Promise<void>;
}

export async function localRedis(): Promise<TestRedis> {
  const fromCi = process.env.TEST_REDIS_URL;
  const started = fromCi ? null : await startRedis();
  const redisUrl = fromCi ?? (typeof started === 'object' && started ? started.url : null);
  const skipReason = redisUrl ? null : `Redis tests skipped: ${String(started)}`;
  if (skipReason) console.warn(skipReason);
  return {
    redisUrl,
    skipReason,
    stop: async () => {
      if (typeof started === 'object' && started) await started.stop();
    },
  };
}

/** True where a redis-server binary exists (a test may start and stop its own). */
export function hasRedisBinary(): boolean {
  return REDIS_BINARIES.some((path) => existsSync(path));
}
