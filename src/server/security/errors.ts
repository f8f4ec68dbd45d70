// The refusals of the security layer: each carries a stable `extensions.code` and says what to
// change, and none reaches a resolver (so none costs an upstream call).
import { GraphQLError } from 'graphql';
import type { ErrorCode } from '../../errors/codes.js';

/** Which limit refused the query (`extensions.limit`). */
export type QueryLimit = 'depth' | 'aliases' | 'directives' | 'tokens' | 'cost' | 'upstreamCalls';

export type SecurityErrorCode = Extract<ErrorCode, 'QUERY_TOO_COMPLEX' | 'INTROSPECTION_DISABLED' | 'CSRF_HEADER_REQUIRED'>;

/** A query over one of the limits; answered like any invalid document (400, or 200 to application/json). */
export function queryTooComplex(limit: QueryLimit, message: string): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code: 'QUERY_TOO_COMPLEX' satisfies SecurityErrorCode, limit, http: { spec: true, status: 400 } },
  });
}
