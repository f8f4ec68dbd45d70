// Per-request context: who is calling (their token, forwarded unchanged), the shared Leaf
// client, and this request's id. Loaders hang off this object (Pothos keys them by context),
// so they live exactly as long as one request and never see another token.
import { randomUUID } from 'node:crypto';
import { GraphQLError } from 'graphql';
import { RequestDeadline } from './leaf/cancel.js';
import type { CallOptions, LeafClient } from './leaf/client.js';
import { LeafApi } from './leaf/endpoints.js';
import type { ErrorCode } from './errors/codes.js';

export interface Context {
  /** Bearer token of this request, or the configured default; null when neither exists. */
  token: string | null;
  requestId: string;
  client: LeafClient;
  /** What every upstream call of this request carries. */
  call: CallOptions;
  /** Leaf's endpoints, called with this request's token and id. */
  leaf: LeafApi;
  /** What stops this request's reads: the caller hanging up, or its deadline (src/deadline.ts) passing. */
  deadline: RequestDeadline;
}

const BEARER = /^Bearer\s+(\S+)\s*$/i;

/** The caller's bearer token, the default when none is sent, or null. */
export function tokenOf(authorization: string | null, defaultToken: string | null): string | null {
  if (authorization === null || authorization.trim() === '') return defaultToken;
  return BEARER.exec(authorization)?.[1] ?? null;
}

/**
 * What keeps an Authorization header from being read as `Bearer <token>`, or null when it can
 * be (or none was sent). Names the part that is wrong, never echoes the header.
 */
export function authorizationProblem(authorization: string | null): string | null {
  if (authorization === null || authorization.trim() === '' || BEARER.test(authorization)) return null;
  const [scheme = '', ...rest] = authorization.trim().split(/\s+/);
  const bearer = /^bearer$/i.test(scheme);
  if (rest.length === 0) return bearer ? 'the token after "Bearer" is missing' : 'the "Bearer" scheme is missing before the token';
  return bearer ? 'the token holds spaces' : 'its scheme is not "Bearer"';
}

/** A request whose Authorization header cannot be read: refused before any upstream call. */
function malformedAuthorization(problem: string): GraphQLError {
  return new GraphQLError(`Authorization header not understood: ${problem}. Send "Authorization: Bearer <token>".`, {
    extensions: { code: 'BAD_REQUEST' satisfies ErrorCode, http: { status: 400 } },
  });
}

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** The caller's x-request-id when it is safe to log and forward, else null. */
export function acceptedRequestId(sent: string | null): string | null {
  return sent && REQUEST_ID.test(sent) ? sent : null;
}

export function createContext(
  request: Request,
  client: LeafClient,
  defaultToken: string | null,
  budget?: CallOptions['budget'],
): Context {
  const authorization = request.headers.get('authorization');
  const problem = authorizationProblem(authorization);
  if (problem) throw malformedAuthorization(problem);
  const token = tokenOf(authorization, defaultToken);
  const sent = request.headers.get('x-request-id');
  const requestId = acceptedRequestId(sent) ?? randomUUID();
  // A caller who hangs up, or the deadline passing, stops this request's reads (shared ones go on
  // for their other callers).
  const deadline = new RequestDeadline(request.signal);
  const call: CallOptions = { token, requestId, cancel: deadline, budget };
  return { token, requestId, client, call, leaf: new LeafApi(client, call), deadline };
}
