// A Redis for the tests that need one (replicas sharing a cache, events, locks): TEST_REDIS_URL
// when CI provides one, else Debian's redis-server started on a free port for this test file.
// Without either, suites skip and say why instead of passing vacuously.
import { existsSync } from 'node:fs';
import { REDIS_BINARIES, startRedis } from '../../bench/processes.js';

export { startRedis };

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
