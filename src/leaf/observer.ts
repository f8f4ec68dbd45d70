// What the Leaf client tells the rest of the gateway about its traffic: metrics, tracing and
// caches subscribe here instead of reaching into the client.

/** One finished upstream exchange (after retries), as metrics and logs see it. */
export interface UpstreamCallEvent {
  method: string;
  /** Path with ids replaced by placeholders, e.g. `/services/beta/api/users/{id}/machines`. */
  endpoint: string;
  /** HTTP status, or null when no answer arrived (timeout, refused, dropped). */
  status: number | null;
  /** Code of the LeafError it ended in, or null on success. */
  errorCode: string | null;
  durationMs: number;
  requestId: string | undefined;
}

/** What a call is, as it starts. */
export interface UpstreamCallStart {
  method: string;
  endpoint: string;
  requestId: string | undefined;
}

/** An observer's hold on one call in progress: headers to send with it, and its end. */
export interface UpstreamCallWatch {
  /** Sent with the call (and its retries), e.g. W3C `traceparent`. */
  headers?: Record<string, string>;
  end(event: UpstreamCallEvent): void;
}

export interface LeafClientObserver {
  onUpstreamCall?(event: UpstreamCallEvent): void;
  /** For observers that must act before a call is sent (tracing propagates its span). */
  startUpstreamCall?(start: UpstreamCallStart): UpstreamCallWatch;
  /** An endpoint group's circuit opened (src/leaf/breaker.ts): `unanswered` when calls in a row got no answer. */
  onCircuitOpen?(group: string, cause: 'unanswered' | 'failureRate'): void;
  /** A read joined an identical in-flight read (`joined`) or went upstream itself (`started`). */
  onCoalesce?(kind: 'started' | 'joined'): void;
  /**
   * A write for this Leaf user is about to be sent: anything holding that user's reads must let
   * go. Announced again once the write is answered (or fails), so a read that raced the write
   * and landed in between is dropped too. `leafUserId` as scopeUser spells it (folded once, by
   * the client); `tokenHash`: the writing token's (see ReadScope).
   */
  onWrite?(leafUserId: string, tokenHash: string | null): void;
}
