import type { ErrorCode } from '../../errors/codes.js';

/**
 * A Relay argument the client must change, with its stable code. Mapped once to GraphQL
 * (`extensions.code`) in `schema/error-masking.ts`.
 */
export abstract class RelayArgumentError extends Error {
  readonly code = 'BAD_USER_INPUT' satisfies ErrorCode;
}

/** A `first`/`last` out of range or a cursor this list did not issue. */
export class ConnectionArgumentError extends RelayArgumentError {
  constructor(message: string) {
    super(message);
    this.name = 'ConnectionArgumentError';
  }
}

/** An ID this API did not issue, or one that names another type or has the wrong parts. */
export class GlobalIdError extends RelayArgumentError {
  constructor(message: string) {
    super(message);
    this.name = 'GlobalIdError';
  }
}
