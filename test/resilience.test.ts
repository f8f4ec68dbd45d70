// Upstream resilience as a client sees it: a transient failure on a read is retried and the
// answer arrives whole; a write is sent once; Retry-After is honoured when short and handed to
// the client when long; no error shows an upstream body. Upstream calls are counted in the
// emulator's call log. The circuit breaker has its own file, test/breaker.test.ts.
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USER_IDS, OTHER_TOKEN } from '../src/emulator/index.js';
import { backoffDelayMs, retryAfterMs, retryDelayMs, type RetryPolicy } from '../src/leaf/retry.js';
import { CREATE_NAMED_MACHINE as CREATE } from './support/documents.js';
import { firstError, machines, MACHINES, MACHINES_USER, type MachinesData } from './support/machine-reads.js';
import { useStack, type GraphQLResponse } from './support/stack.js';

const USER = MACHINES_USER;
const LIST_PATH = /\/users\/[^/]+\/machines$/;

describe('retry policy (pure)', () => {
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

  it('keeps every delay within bounds for any policy (property-style, seeded)', () => {
    let seed = 42;
    const next = (): number => {
      // A small LCG: reproducible inputs without a dependency.
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    for (let run = 0; run < 2_000; run += 1) {
      const base = 1 + Math.floor(next() * 1_000);
      const any: RetryPolicy = { retries: 10, baseDelayMs: base, maxDelayMs: base + Math.floor(next() * 10_000), retryAfterMaxMs: 0 };
      const attempt = 1 + Math.floor(next() * 10);
      const delay = backoffDelayMs(attempt, any, next);
      const ceiling = Math.min(any.maxDelayMs, base * 2 ** (attempt - 1));
      expect(delay).toBeGreaterThanOrEqual(Math.floor(ceiling / 2));
      expect(delay).toBeLessThanOrEqual(any.maxDelayMs);
    }
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

describe('retries and rate limits', () => {
  let baseline: MachinesData;
  const stack = useStack();

  beforeAll(async () => {
    const result = await machines(stack);
    expect(result.errors).toBeUndefined();
    baseline = result.data!;
  });

  it('retries a transient 503 on a read, and the answer is whole', async () => {
    const remove = stack.emulator.addFault({ method: 'GET', path: LIST_PATH, status: 503, times: 2 });
    try {
      stack.resetCalls();
      const result = await machines(stack);
      expect(result.errors).toBeUndefined();
      expect(result.data).toEqual(baseline);
      expect(stack.calls().map((call) => call.status)).toEqual([503, 503, 200]);
    } finally {
      remove();
    }
  });

  it('retries a read whose connection was dropped, and the answer is whole', async () => {
    const remove = stack.emulator.addFault({ method: 'GET', path: LIST_PATH, drop: true, times: 1 });
    try {
      stack.resetCalls();
      const result = await machines(stack);
      expect(result.errors).toBeUndefined();
      expect(result.data).toEqual(baseline);
      expect(stack.calls().map((call) => call.status)).toEqual([0, 200]);
    } finally {
      remove();
    }
  });

  it('gives up after the configured retries with UPSTREAM_ERROR and the status', async () => {
    const remove = stack.emulator.addFault({ method: 'GET', path: LIST_PATH, status: 502 });
    try {
      stack.resetCalls();
      const result = await machines(stack);
      expect(firstError(result).extensions).toMatchObject({ code: 'UPSTREAM_ERROR', upstreamStatus: 502 });
      expect(result.errors![0]!.message).toContain('HTTP 502');
      // LEAF_RETRIES defaults to 2: three attempts in all.
      expect(stack.calls()).toHaveLength(3);
    } finally {
      remove();
    }
  });

  it('sends a failing POST once, never retrying it', async () => {
    const remove = stack.emulator.addFault({ method: 'POST', path: '/machines', status: 503 });
    try {
      stack.resetCalls();
      const before = stack.emulator.store.machinesOf(USER).length;
      const result = await stack.query<{ createMachine: { __typename: string; message?: string } }>(CREATE, {
        user: USER,
        name: 'Sent once',
      });
      expect(result.data?.createMachine.__typename ?? 'error').not.toBe('CreateMachineSuccess');
      expect(stack.calls().filter((call) => call.method === 'POST')).toHaveLength(1);
      expect(stack.emulator.store.machinesOf(USER)).toHaveLength(before);
    } finally {
      remove();
    }
  });

  it('sends a POST whose connection dropped once, never retrying it', async () => {
    const remove = stack.emulator.addFault({ method: 'POST', path: '/machines', drop: true });
    try {
      stack.resetCalls();
      await stack.query(CREATE, { user: USER, name: 'Dropped once' });
      expect(stack.calls().filter((call) => call.method === 'POST')).toHaveLength(1);
    } finally {
      remove();
    }
  });

  it('answers 429 with a long Retry-After as RATE_LIMITED with the hint, without waiting or retrying', async () => {
    const remove = stack.emulator.addFault({ method: 'GET', path: LIST_PATH, status: 429, retryAfter: 120 });
    try {
      stack.resetCalls();
      const result = await machines(stack);
      expect(firstError(result).extensions).toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: 120 });
      expect(result.data).toEqual({ leafUser: { machines: null } });
      expect(stack.calls()).toHaveLength(1);
    } finally {
      remove();
    }
  });

  it('hands a long Retry-After on a 503 to the client too', async () => {
    const remove = stack.emulator.addFault({ method: 'GET', path: LIST_PATH, status: 503, retryAfter: 30 });
    try {
      stack.resetCalls();
      const result = await machines(stack);
      expect(firstError(result).extensions).toMatchObject({ code: 'UPSTREAM_ERROR', retryAfterSeconds: 30, upstreamStatus: 503 });
      expect(stack.calls()).toHaveLength(1);
    } finally {
      remove();
    }
  });

  it('waits out a short Retry-After on a read and answers whole', async () => {
    // 1 s is within LEAF_RETRY_AFTER_MAX_MS (default 1000).
    const remove = stack.emulator.addFault({ method: 'GET', path: LIST_PATH, status: 429, retryAfter: 1, times: 1 });
    try {
      stack.resetCalls();
      const result = await machines(stack);
      expect(result.errors).toBeUndefined();
      expect(result.data).toEqual(baseline);
      const [limited, answered] = stack.calls();
      expect([limited?.status, answered?.status]).toEqual([429, 200]);
      // A lower bound only (the hint was honoured), with room for timer granularity.
      expect(answered!.at - limited!.at).toBeGreaterThanOrEqual(950);
    } finally {
      remove();
    }
  });
});

describe('per-call timeout', () => {
  const stack = useStack({ env: { LEAF_TIMEOUT_MS: '300' } });

  it('answers UPSTREAM_ERROR when Leaf does not answer in time, and does not repeat the read', async () => {
    const remove = stack.emulator.addFault({ method: 'GET', path: LIST_PATH, delayMs: 5_000, times: 1 });
    try {
      stack.resetCalls();
      const result = await machines(stack);
      expect(firstError(result).extensions?.code).toBe('UPSTREAM_ERROR');
      expect(result.errors![0]!.message).toBe('The Leaf API did not answer in time.');
      expect(stack.calls()).toHaveLength(1);
    } finally {
      remove();
    }
  });
});

describe('isolation under failure', () => {
  const stack = useStack();

  it('never shows an upstream body or another token’s data in an error', async () => {
    const remove = stack.emulator.addFault({ method: 'GET', path: LIST_PATH, status: 500 });
    try {
      const [mine, theirs] = await Promise.all([
        machines(stack),
        stack.query(MACHINES, { user: DEMO_USER_IDS.otherFarm, first: 5 }, { token: OTHER_TOKEN }),
      ]);
      for (const result of [mine, theirs]) {
        expect(firstError(result).extensions?.code).toBe('UPSTREAM_ERROR');
        expect(JSON.stringify(result)).not.toMatch(/Injected fault|problem|stack|demo-token|other-token/i);
      }
    } finally {
      remove();
    }
  });
});
