// What can go wrong talking to Leaf, as values with stable codes. The schema maps these to
// GraphQL errors once (src/schema/error-masking.ts); nothing here carries an upstream body.

export type LeafErrorCode =
  | 'UNAUTHENTICATED' // 401, or no token at all
  | 'FORBIDDEN' // 403: the token does not own that Leaf user or resource
  | 'NOT_FOUND' // 404 on a single resource
  | 'RATE_LIMITED' // 429
  | 'UPSTREAM_REJECTED' // another 4xx: Leaf refused the request as sent
  | 'UPSTREAM_ERROR'; // 5xx, timeouts, dropped connections, unreadable answers

export class LeafError extends Error {
  override readonly name = 'LeafError';

  constructor(
    readonly code: LeafErrorCode,
    message: string,
    readonly details: {
      status?: number;
      retryAfterSeconds?: number;
      method?: string;
      path?: string;
      /** The caller gave up (aborted or timed out on its side) before Leaf answered. */
      aborted?: boolean;
      /** Failed fast by the circuit breaker: nothing was sent. */
      circuitOpen?: boolean;
    } = {},
  ) {
    super(message);
  }
}

const MESSAGES: Record<LeafErrorCode, string> = {
  UNAUTHENTICATED: 'The Leaf API did not accept the credentials: send a valid Authorization: Bearer <token> header.',
  FORBIDDEN: 'The Leaf API refused access: this token does not own that Leaf user or resource.',
  NOT_FOUND: 'The Leaf API has no such resource.',
  RATE_LIMITED: 'The Leaf API is rate limiting this token; retry later.',
  UPSTREAM_REJECTED: 'The Leaf API rejected the request.',
  UPSTREAM_ERROR: 'The Leaf API failed to answer.',
};

/** The typed error for an upstream HTTP status that is not a success. */
export function leafErrorForStatus(status: number, retryAfterSeconds?: number): LeafError {
  const code: LeafErrorCode =
    status === 401
      ? 'UNAUTHENTICATED'
      : status === 403
        ? 'FORBIDDEN'
        : status === 404
          ? 'NOT_FOUND'
          : status === 429
            ? 'RATE_LIMITED'
            : status >= 400 && status < 500
              ? 'UPSTREAM_REJECTED'
              : 'UPSTREAM_ERROR';
  const message = code === 'UPSTREAM_ERROR' ? `${MESSAGES[code]} (HTTP ${status})` : MESSAGES[code];
  return new LeafError(code, message, { status, ...(retryAfterSeconds !== undefined ? { retryAfterSeconds } : {}) });
}

export function leafError(code: LeafErrorCode, message: string = MESSAGES[code]): LeafError {
  return new LeafError(code, message);
}

/** The call's token; a call without one is refused before anything is sent. */
export function requireToken(options: { readonly token: string | null }): string {
  if (!options.token) throw leafError('UNAUTHENTICATED', 'No credentials: send an Authorization: Bearer <token> header.');
  return options.token;
}
