// Response caching for reads: whole query answers per caller token, in memory or in Redis,
// each stored under the tags of what its request read from Leaf (src/leaf/read-tags.ts), and
// dropped when a write or a Leaf event makes one of them stale (here, or on another replica
// sharing the Redis).
//
// Rules, each enforced here:
// - The session is a hash of the caller's token (the default token when none is sent), so an
//   answer is only ever served to the token that fetched it.
// - Mutations and answers with errors are never stored.
// - Writes win: a Leaf write drops every cached answer showing that Leaf user, for every token,
//   when it is announced and again when it completes; a Leaf event drops the answers showing
//   what it names; and an answer whose execution overlapped an invalidation of something it
//   read is not stored at all (its upstream reads may predate the change).
import { createHash, randomUUID } from 'node:crypto';
import type { Plugin } from 'graphql-yoga';
import {
  createInMemoryCache,
  useResponseCache,
  type BuildResponseCacheKeyFunction,
} from '@graphql-yoga/plugin-response-cache';
import type { Config } from '../../config.js';
import { identityOf } from '../identity.js';
import type { LeafClientObserver } from '../../leaf/observer.js';
import type { CacheEvents, Logger } from '../observability/index.js';
import type { InvalidationReason } from '../observability/metrics.js';
import { executedOperation, requestOperation, servedFromResponseCache } from '../observability/operation.js';
import type { SharedRedis } from '../redis.js';
import { createRedisStore, type RedisStore } from './redis.js';
import { createTaggedStore, UNCACHEABLE_KEY, type BackingStore } from './store.js';
import { readTags, type ReadTag, type ReadTagSet } from '../../leaf/read-tags.js';
import { StaleLog } from './stale-log.js';

export interface ResponseCache {
  /** Hit/miss accounting, and where the write-overlap guard starts counting. */
  accounting: Plugin;
  /** @graphql-yoga/plugin-response-cache over the scoped store, without its onRequest. */
  plugin: Omit<ReturnType<typeof useResponseCache>, 'onRequest'>;
  /**
   * After the cache, so only for requests it did not answer: a mutation's answer waits for the
   * invalidations its writes started; with Redis, a query learns how many invalidations Redis
   * has numbered before it reads (its store is refused if one of its tags changed since).
   */
  awaitInvalidations: Plugin;
  /** Give to the Leaf client: its write announcements drive invalidation. */
  observer: LeafClientObserver;
  /** A write another process of this gateway announced (a cluster sibling): drop what shows that user. */
  invalidateLeafUser(leafUserId: string): Promise<void>;
  /** Drops the answers stored under these tags (a Leaf event), and keeps answers reading them now from being stored. */
  invalidate(tags: Iterable<ReadTag>, reason: InvalidationReason): Promise<void>;
}

/** The tags the request read: its context's (src/context.ts). */
function readsOf(context: unknown): ReadTagSet | undefined {
  return (context as { reads?: ReadTagSet }).reads;
}

/** JSON text of variables, or null for what JSON cannot write (src/server/http bounds their depth first). */
function stringifyOrNull(value: unknown): string | null {
  try {
    return JSON.stringify(value);
  } catch {
    return null;
  }
}

function keyOf(parts: string[]): string {
  return createHash('sha256').update(parts.join('\u0000')).digest('hex');
}

/** `shared`: the gateway's Redis (with REDIS_URL), where the replicas keep one store; else memory. */
export async function createResponseCache(
  config: Pick<Config, 'cache' | 'upstream'>,
  logger: Logger,
  events?: CacheEvents,
  shared: SharedRedis | null = null,
): Promise<ResponseCache> {
  const { ttlMs, maxEntries } = config.cache;
  // Invalidations while a query executes: one that names something it read keeps it out of the store.
  const staleLog = new StaleLog();
  const sequenceAtStart = new WeakMap<object, number>();
  // With Redis, the same across replicas: the invalidations Redis had numbered when a query started.
  const sharedSequenceAtStart = new WeakMap<object, number>();

  let redis: RedisStore | null = null;
  let backing: BackingStore;
  if (shared) {
    redis = await createRedisStore(shared, (leafUserId) => {
      // Re-invalidated through this replica's own connection, so anything it stored before
      // hearing of the write is gone too.
      void invalidate([readTags.user(leafUserId)], 'remote-write');
    });
    backing = redis.backing;
  } else {
    backing = createInMemoryCache({ max: maxEntries });
  }
  const tagged = createTaggedStore(backing, logger, events);
  // Invalidations still running; a mutation's answer waits for them, so once a client has it
  // no cache holds the old state.
  const pending = new Set<Promise<void>>();
  function invalidate(tags: Iterable<ReadTag>, reason: InvalidationReason): Promise<void> {
    const stale = [...tags];
    staleLog.note(stale);
    const invalidation = tagged.invalidate(stale, reason);
    pending.add(invalidation);
    void invalidation.finally(() => pending.delete(invalidation));
    return invalidation;
  }

  // The client announces a write before sending it and again once it settles (leaf/observer.ts):
  // the first drops what is cached, the second what a racing read stored in between.
  const observer: LeafClientObserver = {
    onWrite(leafUserId) {
      void invalidate([readTags.user(leafUserId)], 'write');
      redis?.announceWrite(leafUserId.toLowerCase());
    },
  };

  let readsForSet: ReadTagSet | undefined;
  let sinceForSet: number | undefined;
  const buildResponseCacheKey: BuildResponseCacheKeyFunction = ({ documentString, operationName, variableValues, sessionId }) => {
    // Without the document text (e.g. a plugin resolving persisted documents ran too late)
    // two different operations could share a key: such a request is simply not cached.
    const variables = documentString ? stringifyOrNull(variableValues ?? {}) : null;
    return documentString && variables !== null
      ? keyOf([documentString, String(operationName ?? ''), variables, sessionId ?? ''])
      : `${UNCACHEABLE_KEY}${randomUUID()}`;
  };

  // Without its onRequest hook, which answered 304 to any request naming a cached ETag, whatever
  // its token, document or method (mutations included); src/server/http/caching.ts decides 304s.
  const { onRequest: _conditionalByEtagAlone, ...responseCache } = useResponseCache({
    // An answer is stored under what its resolvers read (handed over by onTtl, below), not under
    // the IDs it shows. A mutation's result invalidates nothing here: the client's write
    // announcements (above) already dropped everything of that user.
    cache: {
      get: (key) => tagged.get(key),
      set(key, result, _entities, ttl) {
        const reads = readsForSet;
        const since = sinceForSet;
        readsForSet = undefined;
        sinceForSet = undefined;
        if (reads) return tagged.set(key, result, reads, ttl, since);
      },
      invalidate: () => undefined,
    },
    ttl: ttlMs,
    // Never the token itself: the session only has to tell tokens apart.
    session: (request) => identityOf(request).tokenHash,
    buildResponseCacheKey,
    includeExtensionMetadata: false,
    // Results with errors are left out by the plugin's default; this keeps overlapping writes out.
    // The plugin calls set() right after this, synchronously, for the same request: that is how
    // the request's reads reach the store (set() itself is not given the context).
    onTtl: ({ ttl, context }) => {
      const start = sequenceAtStart.get(context);
      const reads = readsOf(context);
      readsForSet = undefined;
      if (start === undefined || !reads || staleLog.changedSince(start, reads)) return 0;
      readsForSet = reads;
      sinceForSet = sharedSequenceAtStart.get(context);
      return ttl;
    },
  });

  // Hit/miss accounting (the request's operation as src/server/observability records it) and the
  // overlap guard's starting point.
  const accounting: Plugin = {
    onExecute({ args }) {
      sequenceAtStart.set(args.contextValue, staleLog.sequence);
    },
    onResultProcess({ request, result }) {
      if (!events || Array.isArray(result)) return;
      const operation = requestOperation(request);
      if (servedFromResponseCache(result)) events.lookup('hit', operation?.name);
      else if (operation?.executed && operation.type === 'query') events.lookup('miss', operation.name);
    },
  };

  const awaitInvalidations: Plugin = {
    async onExecute({ args }) {
      const type = executedOperation(args).type;
      // A query the cache did not answer (hits end before this plugin) asks Redis before it reads
      // anything, so an event Redis numbers later keeps its answer out of the store.
      if (redis && type === 'query') {
        const since = await redis.invalidations().catch(() => undefined);
        if (since !== undefined) sharedSequenceAtStart.set(args.contextValue, since);
        return;
      }
      if (type !== 'mutation') return;
      return {
        async onExecuteDone() {
          await Promise.all([...pending]);
        },
      };
    },
  };

  return {
    accounting,
    plugin: responseCache,
    awaitInvalidations,
    observer,
    invalidateLeafUser: (leafUserId) => invalidate([readTags.user(leafUserId)], 'remote-write'),
    invalidate,
  };
}
