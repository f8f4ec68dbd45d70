// Automatic persisted queries (Apollo's protocol): a client sends only
// `extensions.persistedQuery.sha256Hash`; on PERSISTED_QUERY_NOT_FOUND it sends the query with
// the hash once, which registers it here. @graphql-yoga/plugin-persisted-operations looks
// documents up but never registers them, so this small hook does. (@graphql-yoga/plugin-apq
// would, but its published release for Yoga 5, 3.6.2, wants @graphql-tools/utils 10, and names
// a mismatch PERSISTED_QUERY_MISMATCH with no way to keep our code.) Each replica keeps
// them in memory; with REDIS_URL, cache on or off, they are also shared, so a query registered
// on one replica is found on the others.
import { createHash } from 'node:crypto';
import { createGraphQLError, type GraphQLParams, type Plugin } from 'graphql-yoga';
import type { Redis } from 'ioredis';
import { LRUCache } from 'lru-cache';
import { documentHash } from './documents.js';
import type { ErrorCode } from '../../errors/codes.js';

export type AutomaticStore = LRUCache<string, string>;

/** Query texts by SHA-256 shared by the replicas; a failure is a miss. */
export interface SharedDocuments {
  get(hash: string): Promise<string | null>;
  set(hash: string, query: string, ttlMs: number): void;
}

const DOCUMENTS_PREFIX = 'apq:';

/**
 * The replicas' documents in the gateway's Redis (src/server/redis.ts), each under its hash with its
 * own expiry. Written fire-and-forget: a Redis that is away costs a registration, never an answer.
 */
export function sharedDocuments(redis: Redis): SharedDocuments {
  return {
    get: (hash) => redis.get(`${DOCUMENTS_PREFIX}${hash}`).catch(() => null),
    set(hash, query, ttlMs) {
      redis.set(`${DOCUMENTS_PREFIX}${hash}`, query, 'PX', ttlMs).catch(() => {});
    },
  };
}

/** A registered query is a client's, not ours: kept a day at most, then registered again. */
const REGISTERED_TTL_MS = 86_400_000;

/** Query text the store holds at most, whatever APQ_STORE_SIZE says (UTF-16: 2 bytes a character). */
export const AUTOMATIC_STORE_MAX_BYTES = 16 * 1024 * 1024;

export function createAutomaticStore(size: number): AutomaticStore {
  return new LRUCache<string, string>({
    max: size,
    maxSize: AUTOMATIC_STORE_MAX_BYTES,
    sizeCalculation: (query, hash) => Math.max(1, (query.length + hash.length) * 2),
    ttl: REGISTERED_TTL_MS,
  });
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/**
 * The query registered under `hash`: this replica's first, then the shared store's (checked
 * against its hash, and remembered here).
 */
export function findAutomatic(hash: string, store: AutomaticStore, shared: SharedDocuments | null): string | null | Promise<string | null> {
  const local = store.get(hash);
  if (local !== undefined) return local;
  if (!shared) return null;
  return shared.get(hash).then((query) => {
    if (query === null || sha256Hex(query) !== hash) return null;
    store.set(hash, query);
    return query;
  });
}

/** The `sha256Hash` of Apollo's persistedQuery extension, when well formed. */
export function apolloHash(params: GraphQLParams): string | null {
  const extension: unknown = params.extensions?.persistedQuery;
  if (extension === null || typeof extension !== 'object') return null;
  const { version, sha256Hash } = extension as { version?: unknown; sha256Hash?: unknown };
  return version === 1 && typeof sha256Hash === 'string' ? sha256Hash : null;
}

export function useAutomaticRegistration(store: AutomaticStore, shared: SharedDocuments | null): Plugin {
  return {
    onParams({ params }) {
      const claimed = apolloHash(params);
      if (claimed === null || typeof params.query !== 'string') return;
      const hash = sha256Hex(params.query);
      if (documentHash(claimed) !== hash) {
        throw createGraphQLError('PersistedQueryMismatch: sha256Hash is not the SHA-256 of the query sent with it.', {
          extensions: { code: 'PERSISTED_QUERY_HASH_MISMATCH' satisfies ErrorCode, http: { status: 400 } },
        });
      }
      store.set(hash, params.query);
      shared?.set(hash, params.query, REGISTERED_TTL_MS);
    },
  };
}
