// What passes between a client and the emulator: a Leaf request as the routes see it, their
// answer, and the record of each call kept for tests. Apart from the routes and the server, so
// neither imports the other for its types.
import type { QueryParams } from './query.js';

export interface LeafRequest {
  method: string;
  /** Raw (still percent-encoded) pathname. */
  pathname: string;
  query: QueryParams;
  token: string | null;
  body: string;
}

export interface LeafResponse {
  status: number;
  /** Omitted for 204. */
  body?: unknown;
  /** The body as JSON text, sent as it is (Leaf's documented examples, verbatim); wins over `body`. */
  text?: string;
  headers?: Record<string, string>;
}

export interface CallRecord {
  method: string;
  /** Pathname only, e.g. /services/beta/api/users/<u>/machines. */
  path: string;
  /** Every query parameter, repeated ones kept in order. */
  query: Record<string, string[]>;
  token: string | null;
  requestId: string | null;
  /** W3C trace context sent with the call, when the caller traces. */
  traceparent: string | null;
  /** The vendors' entries that travel with it (W3C `tracestate`), when sent. */
  tracestate: string | null;
  /** Status answered; 0 while pending or if the connection was dropped. */
  status: number;
  /** Date.now() when received. */
  at: number;
}
