// When and how long to wait before repeating an upstream read: pure policy, plugged into
// undici's own retry interceptor. undici 7's default honours Retry-After but caps it at
// maxTimeout and waits it out inside the request, and its backoff has no jitter, so
// synchronized clients retry in lockstep; this policy fixes both.
import type { Dispatcher, RetryHandler } from 'undici';

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

interface UndiciFailure {
  statusCode?: unknown;
  code?: unknown;
  headers?: unknown;
}

function headerOf(headers: unknown, name: string): string | string[] | undefined {
  if (typeof headers !== 'object' || headers === null) return undefined;
  const value = (headers as Record<string, unknown>)[name];
  return typeof value === 'string' || Array.isArray(value) ? (value as string | string[]) : undefined;
}

/** The `retry` callback for `interceptors.retry`, applying the policy above. */
export function undiciRetry(policy: RetryPolicy): RetryHandler.RetryCallback {
  return (error, { state, opts }, callback) => {
    const failure = error as Error & UndiciFailure;
    // undici marks an answer with a retryable status as UND_ERR_REQ_RETRY and keeps its status.
    const statusCode = typeof failure.statusCode === 'number' ? failure.statusCode : undefined;
    const delay = retryDelayMs(
      {
        method: opts.method,
        statusCode,
        code: statusCode === undefined && typeof failure.code === 'string' ? failure.code : undefined,
        retryAfter: headerOf(failure.headers, 'retry-after'),
      },
      state.counter,
      policy,
    );
    if (delay === null) {
      callback(error);
      return;
    }
    setTimeout(() => callback(null), delay);
  };
}
