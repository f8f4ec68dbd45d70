// Response caching for reads: whole query answers per caller token, in memory or in Redis,
// dropped whenever a write for a Leaf user they show goes through this gateway (or another
// replica sharing the Redis).
//
// Rules, each enforced here:
// - The session is a hash of the caller's token (the default token when none is sent), so an
//   answer is only ever served to the token that fetched it.
// - Mutations and answers with errors are never stored.
// - Writes win: a Leaf write drops every cached answer showing that Leaf user, for every token,
//   when it is announced and again when it completes; and an answer whose execution overlapped
//   any write is not stored at all (its upstream reads may predate the write).
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
import { executedOperation, requestOperation, servedFromResponseCache } from '../observability/operation.js';
import type { SharedRedis } from '../redis.js';
import { createRedisStore, type RedisStore } from './redis.js';
import { createScopedStore, UNCACHEABLE_KEY, type BackingStore, type ScopedStore } from './store.js';

export interface ResponseCache {
  /** Hit/miss accounting, and where the write-overlap guard starts counting. */
  accounting: Plugin;
  /** @graphql-yoga/plugin-response-cache over the scoped store, without its onRequest. */
  plugin: Omit<ReturnType<typeof useResponseCache>, 'onRequest'>;
  /** A mutation's answer waits for the invalidations its writes started. */
  awaitInvalidations: Plugin;
  /** Give to the Leaf client: its write announcements drive invalidation. */
  observer: LeafClientObserver;
  /** A write another process of this gateway announced (a cluster sibling): drop what shows that user. */
  invalidateLeafUser(leafUserId: string): Promise<void>;
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
  // Bumped by every write seen (local or remote); an execution that saw it move is not stored.
  let writeEpoch = 0;
  const epochAtStart = new WeakMap<object, number>();

  let store: ScopedStore | undefined;
  let redis: RedisStore | null = null;
  let backing: BackingStore;
  if (shared) {
    redis = await createRedisStore(shared, (leafUserId) => {
      writeEpoch += 1;
      // Re-invalidated through this replica's own connection, so anything it stored before
      // hearing of the write is gone too.
      void store?.invalidateScopes([leafUserId], 'remote-write');
    });
    backing = redis.backing;
  } else {
    backing = createInMemoryCache({ max: maxEntries });
  }
  store = createScopedStore(backing, logger, events);
  const scoped = store;
  // Invalidations still running; a mutation's answer waits for them, so once a client has it
  // no cache holds the old state.
  const pending = new Set<Promise<void>>();
  function track(invalidation: Promise<void>): Promise<void> {
    pending.add(invalidation);
    void invalidation.finally(() => pending.delete(invalidation));
    return invalidation;
  }

  // The client announces a write before sending it and again once it settles (leaf/observer.ts):
  // the first drops what is cached, the second what a racing read stored in between.
  const observer: LeafClientObserver = {
    onWrite(leafUserId) {
      writeEpoch += 1;
      void track(scoped.invalidateScopes([leafUserId], 'write'));
      redis?.announceWrite(leafUserId);
    },
  };

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
    cache: { ...scoped, invalidate: (entities) => track(Promise.resolve(scoped.invalidate(entities))) },
    ttl: ttlMs,
    // Never the token itself: the session only has to tell tokens apart.
    session: (request) => identityOf(request).tokenHash,
    buildResponseCacheKey,
    includeExtensionMetadata: false,
    // Results with errors are left out by the plugin's default; this keeps overlapping writes out.
    onTtl: ({ ttl, context }) => (epochAtStart.get(context) === writeEpoch ? ttl : 0),
  });

  // Hit/miss accounting (the request's operation as src/server/observability records it) and the
  // write-overlap guard's starting point.
  const accounting: Plugin = {
    onExecute({ args }) {
      epochAtStart.set(args.contextValue, writeEpoch);
    },
    onResultProcess({ request, result }) {
      if (!events || Array.isArray(result)) return;
      const operation = requestOperation(request);
      if (servedFromResponseCache(result)) events.lookup('hit', operation?.name);
      else if (operation?.executed && operation.type === 'query') events.lookup('miss', operation.name);
    },
  };

  const awaitInvalidations: Plugin = {
    onExecute({ args }) {
      if (executedOperation(args).type !== 'mutation') return;
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
    invalidateLeafUser(leafUserId) {
      writeEpoch += 1;
      return track(scoped.invalidateScopes([leafUserId], 'remote-write'));
    },
  };
}
