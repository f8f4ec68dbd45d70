// Who is asking, settled once per request as it arrives: the bearer token read from the
// Authorization header (or the server's default), its hash, and the request id. Every later
// reader (CSRF, the response cache's session, ETags, the context, the coalescer's keys, the
// request log) takes them from here instead of parsing or hashing again.
import { randomUUID } from 'node:crypto';
import type { Plugin } from 'graphql-yoga';
import { hashToken } from '../leaf/token.js';

export interface RequestIdentity {
  /** Bearer token of this request, or the configured default; null when neither exists. */
  readonly token: string | null;
  /** sha256 of `token` (keys, sessions and ETags tell tokens apart by it), or null. */
  readonly tokenHash: string | null;
  /** True when the request sent an Authorization header of its own, false when it acts with the server's token. */
  readonly ownCredentials: boolean;
  /** What keeps the Authorization header from being read as `Bearer <token>`, or null. */
  readonly authorizationProblem: string | null;
  /** The caller's x-request-id when it is safe to log and forward, else a fresh one. */
  readonly requestId: string;
}

const BEARER = /^Bearer\s+(\S+)\s*$/i;

/** The caller's bearer token, the default when none is sent, or null. */
function tokenOf(authorization: string | null, defaultToken: string | null): string | null {
  if (authorization === null || authorization.trim() === '') return defaultToken;
  return BEARER.exec(authorization)?.[1] ?? null;
}

/**
 * What keeps an Authorization header from being read as `Bearer <token>`, or null when it can
 * be (or none was sent). Names the part that is wrong, never echoes the header.
 */
function authorizationProblem(authorization: string | null): string | null {
  if (authorization === null || authorization.trim() === '' || BEARER.test(authorization)) return null;
  const [scheme = '', ...rest] = authorization.trim().split(/\s+/);
  const bearer = /^bearer$/i.test(scheme);
  if (rest.length === 0) return bearer ? 'the token after "Bearer" is missing' : 'the "Bearer" scheme is missing before the token';
  return bearer ? 'the token holds spaces' : 'its scheme is not "Bearer"';
}

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** The caller's x-request-id when it is safe to log and forward, else null. */
function acceptedRequestId(sent: string | null): string | null {
  return sent && REQUEST_ID.test(sent) ? sent : null;
}

const identities = new WeakMap<Request, RequestIdentity>();

/**
 * Settles each request's identity as it arrives; first in src/server/plugins.ts, so every
 * plugin after it can read identityOf(request). The default token's hash is worked out once
 * per gateway, a request's own token's once per request.
 */
export function useRequestIdentity(defaultToken: string | null): Plugin {
  const identify = identifier(defaultToken);
  return {
    onRequest({ request }) {
      identify(request);
    },
  };
}

/**
 * Settles a request's identity (useRequestIdentity's work), for requests that reach the schema
 * without Yoga's request hooks: a WebSocket subscription's, built from its connection_init.
 */
export function identifier(defaultToken: string | null): (request: Request) => RequestIdentity {
  const identify = headerIdentifier(defaultToken);
  return (request) => {
    const identity = identify(request.headers.get('authorization'), request.headers.get('x-request-id'));
    identities.set(request, identity);
    return identity;
  };
}

/**
 * The identity of a request from its Authorization and x-request-id headers (null when not
 * sent): what identifier() settles for a Fetch Request, for the /graphql fast path
 * (src/server/http/fast-path.ts), which reads node's headers without building one.
 */
export function headerIdentifier(defaultToken: string | null): (authorization: string | null, requestIdHeader: string | null) => RequestIdentity {
  const defaultTokenHash = defaultToken === null ? null : hashToken(defaultToken);
  return (authorization, requestIdHeader) => {
    const ownCredentials = authorization !== null && authorization.trim() !== '';
    const token = tokenOf(authorization, defaultToken);
    return {
      token,
      tokenHash: !ownCredentials ? defaultTokenHash : token === null ? null : hashToken(token),
      ownCredentials,
      authorizationProblem: authorizationProblem(authorization),
      requestId: acceptedRequestId(requestIdHeader) ?? randomUUID(),
    };
  };
}

/** The identity useRequestIdentity settled for this request. */
export function identityOf(request: Request): RequestIdentity {
  const identity = identities.get(request);
  if (!identity) throw new Error('No identity for this request: useRequestIdentity must come first in the plugin list.');
  return identity;
}
