// Every `extensions.code` a client of the gateway can receive, in one list: the Errors section
// of docs/client-guide.md documents each one (test/error-codes.test.ts checks it), and every
// module that emits a code types it with `ErrorCode`, so a new code starts here.

export const ERROR_CODES = [
  // Resolvers and the schema (src/schema/error-masking.ts maps Leaf failures to these).
  'BAD_USER_INPUT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'RATE_LIMITED',
  'UPSTREAM_ERROR',
  'INTERNAL_SERVER_ERROR',
  // The HTTP layer (src/server/http, src/context.ts), and Yoga's own body-size limit.
  'BAD_REQUEST',
  'UNSUPPORTED_MEDIA_TYPE',
  'NOT_ACCEPTABLE',
  'GRAPHQL_VALIDATION_FAILED',
  'REQUEST_ENTITY_TOO_LARGE',
  'REQUEST_HEADERS_TOO_LARGE',
  'REQUEST_TIMEOUT',
  // The security layer (src/server/security).
  'QUERY_TOO_COMPLEX',
  'INTROSPECTION_DISABLED',
  'CSRF_HEADER_REQUIRED',
  // Persisted documents (src/server/persisted).
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_ONLY',
  'PERSISTED_QUERY_HASH_MISMATCH',
  // Subscriptions (src/events).
  'TOO_MANY_SUBSCRIPTIONS',
  'SHUTTING_DOWN',
] as const;

/** Stable codes clients can switch on (`extensions.code`). */
export type ErrorCode = (typeof ERROR_CODES)[number];
