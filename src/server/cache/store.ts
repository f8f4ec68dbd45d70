// The response store as the cache plugin sees it, over memory or Redis: responses are tagged
// by Leaf-user scope instead of by every object, a store failure is a miss (never a failed
// request), and keys the gateway could not build safely are neither read nor written.
import type { Cache } from '@graphql-yoga/plugin-response-cache';
import type { CacheEvents } from '../observability/metrics.js';
import type { Logger } from '../observability/logger.js';
import { scopeRecords, scopesOf, type CacheEntityRecord } from './scopes.js';

type CachedResult = Awaited<ReturnType<Cache['get']>>;

/** What a backing store offers: the envelop Cache interface (in-memory or Redis). */
export interface BackingStore {
  set(key: string, result: NonNullable<CachedResult>, entities: Iterable<CacheEntityRecord>, ttl: number): unknown;
  get(key: string): unknown;
  invalidate(entities: Iterable<CacheEntityRecord>): unknown;
}

/** Prefix of keys built without a document text: never cached (see cache/index.ts). */
export const UNCACHEABLE_KEY = 'uncacheable:';

export interface ScopedStore extends Cache {
  /** Drops every cached response that shows one of these Leaf users, for every token. */
  invalidateScopes(leafUserIds: Iterable<string>, reason: 'write' | 'mutation' | 'remote-write'): Promise<void>;
}

export function createScopedStore(backing: BackingStore, logger: Logger, events?: CacheEvents): ScopedStore {
  function failed(operation: 'get' | 'set' | 'invalidate', error: unknown): void {
    events?.storeError(operation);
    logger.log('warn', 'response cache store failed; answering without it', { operation, error });
  }

  async function invalidateScopes(leafUserIds: Iterable<string>, reason: 'write' | 'mutation' | 'remote-write') {
    const records = scopeRecords(new Set(leafUserIds));
    if (records.length === 0) return;
    try {
      await backing.invalidate(records);
      events?.invalidated(reason, records.length);
    } catch (error) {
      failed('invalidate', error);
    }
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
    async set(key, result, entities, ttl) {
      if (key.startsWith(UNCACHEABLE_KEY)) return;
      try {
        await backing.set(key, result as NonNullable<CachedResult>, scopeRecords(scopesOf(entities)), ttl);
      } catch (error) {
        failed('set', error);
      }
    },
    // The plugin calls this with the objects a mutation returned: their users' scopes go.
    invalidate(entities) {
      return invalidateScopes(scopesOf(entities), 'mutation');
    },
    invalidateScopes,
  };
}
