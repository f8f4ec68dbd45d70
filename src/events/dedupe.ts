// "Acted on once": Leaf redelivers an event it did not see acknowledged (and the catch-up at start
// reads failed deliveries again), so each body's digest is claimed once. With REDIS_URL the
// claim is shared, so a redelivery reaching another replica is recognised too; a Redis that
// fails the claim falls back to this process's memory (the event acts, at worst, once per replica).
import { createHash } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import type { Redis } from 'ioredis';
import type { Logger } from '../server/observability/logger.js';

/** A delivered body's identity: its SHA-256 over the exact bytes Leaf signed. */
export function digestOf(body: Uint8Array): string {
  return createHash('sha256').update(body).digest('hex');
}

export interface SeenEvents {
  /** True the first time `digest` is claimed within the window; false for a redelivery. */
  claim(digest: string): Promise<boolean>;
}

const REMEMBERED = 100_000;

export function seenEvents(options: { windowMs: number; redis: Redis | null; logger: Logger }): SeenEvents {
  const local = new LRUCache<string, true>({ max: REMEMBERED, ttl: options.windowMs });
  const claimLocally = (digest: string): boolean => {
    if (local.has(digest)) return false;
    local.set(digest, true);
    return true;
  };
  return {
    async claim(digest) {
      if (!options.redis) return claimLocally(digest);
      try {
        const answer = await options.redis.set(`event:${digest}`, '1', 'PX', options.windowMs, 'NX');
        claimLocally(digest);
        return answer === 'OK';
      } catch (error) {
        options.logger.log('warn', 'could not claim a Leaf event in Redis; deduplicating in this process only', { error });
        return claimLocally(digest);
      }
    },
  };
}
