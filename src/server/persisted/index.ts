// Persisted documents for mobile apps, on @graphql-yoga/plugin-persisted-operations: a request
// names a document by hash instead of sending it. The trusted store (codegen's JSON) answers
// first, then, unless PERSISTED_ONLY, the automatic store; with PERSISTED_ONLY a request that
// sends query text is refused, so only the operations shipped in the apps run.
import { usePersistedOperations } from '@graphql-yoga/plugin-persisted-operations';
import type { GraphQLParams, Plugin } from 'graphql-yoga';
import type { PersistedConfig } from '../../config.js';
import type { ErrorCode } from '../../errors/codes.js';
import { apolloHash, createAutomaticStore, findAutomatic, useAutomaticRegistration, type SharedDocuments } from './automatic.js';
import { documentHash, loadTrustedDocuments } from './documents.js';

/** The GraphQL-over-HTTP appendix's top-level id ("sha256:<hex>"); Yoga must be told to accept it. */
export const DOCUMENT_ID_PARAM = 'documentId';

function requestedId(params: GraphQLParams): string | null {
  const documentId: unknown = (params as Record<string, unknown>)[DOCUMENT_ID_PARAM];
  return typeof documentId === 'string' ? documentId : apolloHash(params);
}

/** Clients may register queries: APQ is on, and PERSISTED_ONLY is not. */
export function acceptsAutomaticQueries(config: PersistedConfig): boolean {
  return config.automatic && !config.only;
}

export interface PersistedDocuments {
  /** Stores a query sent with its hash (APQ); null when clients may not register queries. */
  registration: Plugin | null;
  /** Replaces a request's document id by the document it names, or refuses it. */
  lookup: Plugin;
}

/** `shared`: the replicas' common store of automatic persisted queries, when there is one. */
export function persistedDocuments(config: PersistedConfig, shared: SharedDocuments | null = null): PersistedDocuments {
  const trusted = loadTrustedDocuments(config.documentsPath);
  const automatic = acceptsAutomaticQueries(config) ? createAutomaticStore(config.automaticStoreSize) : null;
  return {
    registration: automatic ? useAutomaticRegistration(automatic, shared) : null,
    lookup: usePersistedOperations({
      allowArbitraryOperations: !config.only,
      extractPersistedOperationId: requestedId,
      getPersistedOperation: (id) => {
        const hash = documentHash(id);
        return trusted.get(hash) ?? (automatic ? findAutomatic(hash, automatic, shared) : null);
      },
      customErrors: {
        // Apollo's clients register a query on exactly this message (or code).
        notFound: {
          message: 'PersistedQueryNotFound',
          extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' satisfies ErrorCode, http: { status: 404 } },
        },
        persistedQueryOnly: {
          message: `This server runs persisted documents only: send extensions.persistedQuery.sha256Hash (or ${DOCUMENT_ID_PARAM}) of a trusted document instead of query text.`,
          extensions: { code: 'PERSISTED_QUERY_ONLY' satisfies ErrorCode, http: { status: 400 } },
        },
        keyNotFound: {
          message: `Send a query, or extensions.persistedQuery.sha256Hash (or ${DOCUMENT_ID_PARAM}) of a persisted document.`,
          extensions: { code: 'BAD_REQUEST' satisfies ErrorCode, http: { status: 400 } },
        },
      },
    }),
  };
}
