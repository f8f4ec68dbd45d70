// The response store as the cache plugin sees it, over memory or Redis: each answer is stored
// under the tags its request read (src/leaf/read-tags.ts), a store failure is a miss (never a failed
// request), and keys the gateway could not build safely are neither read nor written.
import type { Cache } from '@graphql-yoga/plugin-response-cache';
import type { CacheEvents, InvalidationReason } from '../observability/metrics.js';
import type { Logger } from '../observability/logger.js';
import type { ReadTag } from '../../leaf/read-tags.js';

type CachedResult = Awaited<ReturnType<Cache['get']>>;

/** `{ typename, id? }`: what the envelop stores index responses by. */
export type CacheEntityRecord = Parameters<Cache['invalidate']>[0] extends Iterable<infer R> ? R : never;

/** Typename of the tag records; the stores key them `LeafRead:<tag>`. */
export const TAG_TYPENAME = 'LeafRead';

export function tagRecords(tags: Iterable<ReadTag>): CacheEntityRecord[] {
  return [...new Set(tags)].map((id) => ({ typename: TAG_TYPENAME, id }));
}

/** What a backing store offers: the envelop Cache interface (in-memory or Redis). */
export interface BackingStore {
  /** `since`: the shared store's count of invalidations when the answer's execution started (Redis only). */
  set(key: string, result: NonNullable<CachedResult>, entities: Iterable<CacheEntityRecord>, ttl: number, since?: number): unknown;
  get(key: string): unknown;
  invalidate(entities: Iterable<CacheEntityRecord>): unknown;
}

/** Prefix of keys built without a document text: never cached (see cache/index.ts). */
export const UNCACHEABLE_KEY = 'uncacheable:';

export interface TaggedStore {
  get(key: string): Promise<CachedResult>;
  set(key: string, result: NonNullable<CachedResult>, tags: Iterable<ReadTag>, ttl: number, since?: number): Promise<void>;
  /** Drops every cached response stored under one of these tags, for every token. */
  invalidate(tags: Iterable<ReadTag>, reason: InvalidationReason): Promise<void>;
}

export function createTaggedStore(backing: BackingStore, logger: Logger, events?: CacheEvents): TaggedStore {
  function failed(operation: 'get' | 'set' | 'invalidate', error: unknown): void {
    events?.storeError(operation);
    logger.log('warn', 'response cache store failed; answering without it', { operation, error });
  }

  return {
    async get(key) {
      if (key.startsWith(UNCACHEABLE_KEY)) return undefined;
      try {
        return ((await backing.get(key)) ?? undefined) as CachedResult;
      } catch (error) {
        failed('get', error);
        return undefined;
      }
    },
    async set(key, result, tags, ttl, since) {
      if (key.startsWith(UNCACHEABLE_KEY)) return;
      try {
        await backing.set(key, result, tagRecords(tags), ttl, since);
      } catch (error) {
        failed('set', error);
      }
    },
    async invalidate(tags, reason) {
      const records = tagRecords(tags);
      if (records.length === 0) return;
      try {
        await backing.invalidate(records);
        events?.invalidated(reason, records.length);
      } catch (error) {
        failed('invalidate', error);
      }
    },
  };
}
