import type { ErrorCode } from '../../errors/codes.js';

/**
 * A connection argument the client must change: a `first`/`last` out of range or a cursor
 * this list did not issue. Mapped once to GraphQL (`extensions.code`) in `schema/error-masking.ts`.
 */
export class ConnectionArgumentError extends Error {
  readonly code = 'BAD_USER_INPUT' satisfies ErrorCode;

  constructor(message: string) {
    super(message);
    this.name = 'ConnectionArgumentError';
  }
}
