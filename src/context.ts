// Per-request context: who is calling (their token, forwarded unchanged, settled once by
// src/server/identity.ts), the shared Leaf client, and this request's id. Loaders hang off this
// object (Pothos keys them by context), so they live exactly as long as one request and never
// see another token.
import { GraphQLError } from 'graphql';
import { RequestDeadline } from './leaf/cancel.js';
import type { CallOptions, LeafClient } from './leaf/client.js';
import { LeafApi } from './leaf/api.js';
import type { ErrorCode } from './errors/codes.js';
import { identityOf, type RequestIdentity } from './server/identity.js';
import { ReadTagSet } from './leaf/read-tags.js';
import type { LiveEvents } from './events/hub.js';

export interface Context {
  /** Bearer token of this request, or the configured default; null when neither exists. */
  token: string | null;
  requestId: string;
  /** Who is asking, as the request's first plugin settled it. */
  identity: RequestIdentity;
  client: LeafClient;
  /** What every upstream call of this request carries. */
  call: CallOptions;
  /** Leaf's resources (src/leaf/resources/), called with this request's token and id. */
  leaf: LeafApi;
  /** What stops this request's reads: the caller hanging up, or its deadline (src/server/deadline.ts) passing. */
  deadline: RequestDeadline;
  /** What this request read from Leaf: its cached answer is stored under these tags (src/server/cache). */
  reads: ReadTagSet;
  /** Leaf's events, for subscriptions (set by the server; null where none are served). */
  live?: LiveEvents | null;
  /** How often a subscriber's token is checked again (SUBSCRIPTION_RECHECK_MS). */
  recheckMs?: number;
  /**
   * A context for one more execution by the same caller (a subscription's next event, its token
   * check): same token and request id, fresh loaders, reads and call budget.
   */
  renew?: () => Context;
}

/** A request whose Authorization header cannot be read: refused before any upstream call. */
function malformedAuthorization(problem: string): GraphQLError {
  return new GraphQLError(`Authorization header not understood: ${problem}. Send "Authorization: Bearer <token>".`, {
    extensions: { code: 'BAD_REQUEST' satisfies ErrorCode, http: { status: 400 } },
  });
}

export function createContext(request: Request, client: LeafClient, budget?: CallOptions['budget']): Context {
  const identity = identityOf(request);
  if (identity.authorizationProblem) throw malformedAuthorization(identity.authorizationProblem);
  const { token, tokenHash, requestId } = identity;
  // A caller who hangs up, or the deadline passing, stops this request's reads (shared ones go on
  // for their other callers).
  const deadline = new RequestDeadline(request.signal);
  const call: CallOptions = { token, tokenHash, requestId, arrivedAt: performance.now(), cancel: deadline, budget };
  const reads = new ReadTagSet();
  return { token, requestId, identity, client, call, leaf: new LeafApi(client, call, reads), reads, deadline };
}
