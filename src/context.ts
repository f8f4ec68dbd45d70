// Per-request context: who is calling (their token, forwarded unchanged), the shared Leaf
// client, and this request's id. Loaders hang off this object (Pothos keys them by context),
// so they live exactly as long as one request and never see another token.
import { randomUUID } from 'node:crypto';
import type { CallOptions, LeafClient } from './leaf/client.js';
import { LeafApi } from './leaf/endpoints.js';

export interface Context {
  /** Bearer token of this request, or the configured default; null when neither exists. */
  token: string | null;
  requestId: string;
  client: LeafClient;
  /** What every upstream call of this request carries. */
  call: CallOptions;
  /** Leaf's endpoints, called with this request's token and id. */
  leaf: LeafApi;
}

const BEARER = /^Bearer\s+(\S+)\s*$/i;

/** The caller's bearer token, the default when none is sent, or null. */
export function tokenOf(authorization: string | null, defaultToken: string | null): string | null {
  if (authorization === null || authorization.trim() === '') return defaultToken;
  return BEARER.exec(authorization)?.[1] ?? null;
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
  const token = tokenOf(request.headers.get('authorization'), defaultToken);
  const sent = request.headers.get('x-request-id');
  const requestId = acceptedRequestId(sent) ?? randomUUID();
  // A caller who hangs up stops this request's reads (shared ones go on for their other callers).
  const call: CallOptions = { token, requestId, signal: request.signal, budget };
  return { token, requestId, client, call, leaf: new LeafApi(client, call) };
}
