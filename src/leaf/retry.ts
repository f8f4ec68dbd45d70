// When and how long to wait before repeating an upstream read: pure policy, applied by the
// client's retry loop (LeafClient.exchange). A long Retry-After is handed to the caller rather
// than waited out inside the request, and the backoff is jittered, so synchronized clients do
// not retry in lockstep.
import type { Dispatcher } from 'undici';

export interface RetryPolicy {
  /** Extra attempts after the first; 0 never retries. */
  retries: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** Longest Retry-After worth waiting for inside a request. */
  retryAfterMaxMs: number;
}

/** Reads only: a write is never repeated behind the caller's back (contract section 7). */
export const RETRY_METHODS: Dispatcher.HttpMethod[] = ['GET', 'HEAD'];
export const RETRY_STATUSES = [429, 500, 502, 503, 504];
/** Connection-level failures where the request may never have reached Leaf. Timeouts are not
 * here: a read that already took the whole timeout is not worth starting again. */
export const RETRY_ERROR_CODES = ['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'UND_ERR_SOCKET'];

/** Retry-After (delta-seconds or an HTTP date) in milliseconds, or undefined when absent or unreadable. */
export function retryAfterMs(header: string | string[] | undefined, now: number = Date.now()): number | undefined {
  const raw = Array.isArray(header) ? header[0] : header;
  if (raw === undefined || raw.trim() === '') return undefined;
  const seconds = Number(raw);
  if (Number.isFinite(seconds)) return seconds >= 0 ? seconds * 1000 : undefined;
  const date = Date.parse(raw);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/**
 * "Equal jitter" exponential backoff for attempt n (1-based): half of the capped exponential
 * delay is kept, so retries never hammer, and the other half is random, so clients spread out.
 */
export function backoffDelayMs(attempt: number, policy: RetryPolicy, random: () => number = Math.random): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

export interface RetryableFailure {
  method: string;
  /** HTTP status when an answer arrived. */
  statusCode?: number;
  /** undici/Node error code when none did. */
  code?: string;
  retryAfter?: string | string[];
}

/** Milliseconds to wait before attempt `attempt + 1`, or null to give up and hand the failure on. */
export function retryDelayMs(
  failure: RetryableFailure,
  attempt: number,
  policy: RetryPolicy,
  random: () => number = Math.random,
): number | null {
  if (attempt > policy.retries) return null;
  if (!RETRY_METHODS.includes(failure.method.toUpperCase() as Dispatcher.HttpMethod)) return null;
  if (failure.statusCode !== undefined) {
    if (!RETRY_STATUSES.includes(failure.statusCode)) return null;
  } else if (failure.code === undefined || !RETRY_ERROR_CODES.includes(failure.code)) return null;
  const hinted = retryAfterMs(failure.retryAfter);
  if (hinted === undefined || hinted === 0) return backoffDelayMs(attempt, policy, random);
  // A long hint is the client's to honour: waiting it out would hold the request open.
  if (hinted > policy.retryAfterMaxMs) return null;
  // Retry-After is a minimum; a little jitter on top keeps waiting clients from arriving together.
  return Math.round(hinted + random() * policy.baseDelayMs);
}
