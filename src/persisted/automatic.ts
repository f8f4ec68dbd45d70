// Automatic persisted queries (Apollo's protocol): a client sends only
// `extensions.persistedQuery.sha256Hash`; on PERSISTED_QUERY_NOT_FOUND it sends the query with
// the hash once, which registers it here. @graphql-yoga/plugin-persisted-operations looks
// documents up but never registers them, so this small hook does (as @graphql-yoga/plugin-apq
// would). Per replica and in memory: a replica that has not seen a hash answers NOT_FOUND, and
// the client registers it there too.
import { createHash } from 'node:crypto';
import { createGraphQLError, createLRUCache, type GraphQLParams, type Plugin } from 'graphql-yoga';
import { documentHash } from './documents.js';

export type AutomaticStore = ReturnType<typeof createLRUCache<string>>;

export function createAutomaticStore(size: number): AutomaticStore {
  // A registered query is a client's, not ours: kept a day at most, then registered again.
  return createLRUCache<string>({ max: size, ttl: 86_400_000 });
}

/** The `sha256Hash` of Apollo's persistedQuery extension, when well formed. */
export function apolloHash(params: GraphQLParams): string | null {
  const extension: unknown = params.extensions?.persistedQuery;
  if (extension === null || typeof extension !== 'object') return null;
  const { version, sha256Hash } = extension as { version?: unknown; sha256Hash?: unknown };
  return version === 1 && typeof sha256Hash === 'string' ? sha256Hash : null;
}

export function useAutomaticRegistration(store: AutomaticStore): Plugin {
  return {
    onParams({ params }) {
      const claimed = apolloHash(params);
      if (claimed === null || typeof params.query !== 'string') return;
      const hash = createHash('sha256').update(params.query).digest('hex');
      if (documentHash(claimed) !== hash) {
        throw createGraphQLError('PersistedQueryMismatch: sha256Hash is not the SHA-256 of the query sent with it.', {
          extensions: { code: 'PERSISTED_QUERY_HASH_MISMATCH', http: { status: 400 } },
        });
      }
      store.set(hash, params.query);
    },
  };
}
