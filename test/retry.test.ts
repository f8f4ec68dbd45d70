// The retry policy (pure): which failed calls are retried, after how long, and how Retry-After
// is read. test/resilience.test.ts sees the same policy from a client, over HTTP.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { backoffDelayMs, retryAfterMs, retryDelayMs, type RetryPolicy } from '../src/leaf/retry.js';

describe('retry policy', () => {
  const policy: RetryPolicy = { retries: 3, baseDelayMs: 100, maxDelayMs: 1_000, retryAfterMaxMs: 2_000 };

  it('backs off exponentially with jitter, between half and all of the capped delay', () => {
    for (let attempt = 1; attempt <= 12; attempt += 1) {
      const ceiling = Math.min(1_000, 100 * 2 ** (attempt - 1));
      for (const random of [0, 0.13, 0.5, 0.77, 0.999]) {
        const delay = backoffDelayMs(attempt, policy, () => random);
        expect(delay).toBeGreaterThanOrEqual(Math.floor(ceiling / 2));
        expect(delay).toBeLessThanOrEqual(ceiling);
      }
      // Two clients drawing different random numbers wait different times.
      expect(backoffDelayMs(attempt, policy, () => 0)).not.toBe(backoffDelayMs(attempt, policy, () => 0.999));
    }
  });

  it('keeps every delay within bounds for any policy', () => {
    const cases = fc.record({
      base: fc.integer({ min: 1, max: 1_000 }),
      spread: fc.integer({ min: 0, max: 9_999 }),
      attempt: fc.integer({ min: 1, max: 10 }),
      random: fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
    });
    fc.assert(
      fc.property(cases, ({ base, spread, attempt, random }) => {
        const any: RetryPolicy = { retries: 10, baseDelayMs: base, maxDelayMs: base + spread, retryAfterMaxMs: 0 };
        const delay = backoffDelayMs(attempt, any, () => random);
        const ceiling = Math.min(any.maxDelayMs, base * 2 ** (attempt - 1));
        expect(delay).toBeGreaterThanOrEqual(Math.floor(ceiling / 2));
        expect(delay).toBeLessThanOrEqual(any.maxDelayMs);
      }),
      { numRuns: 2_000 },
    );
  });

  it('retries reads only, and only transient failures', () => {
    for (const method of ['POST', 'PATCH', 'DELETE', 'PUT']) {
      expect(retryDelayMs({ method, statusCode: 503 }, 1, policy)).toBeNull();
      expect(retryDelayMs({ method, code: 'ECONNRESET' }, 1, policy)).toBeNull();
    }
    for (const statusCode of [400, 401, 403, 404, 409, 422]) expect(retryDelayMs({ method: 'GET', statusCode }, 1, policy)).toBeNull();
    for (const statusCode of [429, 500, 502, 503, 504]) expect(retryDelayMs({ method: 'GET', statusCode }, 1, policy)).not.toBeNull();
    expect(retryDelayMs({ method: 'GET', code: 'UND_ERR_SOCKET' }, 1, policy)).not.toBeNull();
    expect(retryDelayMs({ method: 'GET', code: 'UND_ERR_HEADERS_TIMEOUT' }, 1, policy)).toBeNull();
    expect(retryDelayMs({ method: 'GET', statusCode: 503 }, 3, policy)).not.toBeNull();
    expect(retryDelayMs({ method: 'GET', statusCode: 503 }, 4, policy)).toBeNull();
  });

  it('waits at least a short Retry-After, and gives a long one back instead of waiting', () => {
    for (const seconds of [1, 2]) {
      const delay = retryDelayMs({ method: 'GET', statusCode: 429, retryAfter: String(seconds) }, 1, policy);
      expect(delay).toBeGreaterThanOrEqual(seconds * 1000);
      expect(delay).toBeLessThanOrEqual(seconds * 1000 + policy.baseDelayMs);
    }
    expect(retryDelayMs({ method: 'GET', statusCode: 429, retryAfter: '3' }, 1, policy)).toBeNull();
    expect(retryDelayMs({ method: 'GET', statusCode: 503, retryAfter: '120' }, 1, policy)).toBeNull();
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(retryAfterMs('7', now)).toBe(7_000);
    expect(retryAfterMs('0', now)).toBe(0);
    expect(retryAfterMs(new Date(now + 30_000).toUTCString(), now)).toBe(30_000);
    expect(retryAfterMs(new Date(now - 30_000).toUTCString(), now)).toBe(0);
    expect(retryAfterMs(undefined, now)).toBeUndefined();
    expect(retryAfterMs('soon', now)).toBeUndefined();
    expect(retryAfterMs('-5', now)).toBeUndefined();
  });
});
