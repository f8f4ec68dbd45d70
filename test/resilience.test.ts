// Upstream resilience as a client sees it: a transient failure on a read is retried and the
// answer arrives whole; a write is sent once; Retry-After is honoured when short and handed to
// the client when long; no error shows an upstream body. Upstream calls are counted in the
// emulator's call log. The circuit breaker has its own file, test/breaker.test.ts; the retry
// policy's pure arithmetic, test/retry.test.ts.
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USER_IDS, OTHER_TOKEN } from '../src/emulator/index.js';
import { CREATE_NAMED_MACHINE as CREATE } from './support/documents.js';
import { firstError, machines, MachinesUnderFaults, MACHINES_USER, type MachinesData } from './support/machine-reads.js';
import { useStack } from './support/stack.js';

const USER = MACHINES_USER;
const LIST_PATH = /\/users\/[^/]+\/machines$/;

/** What a user reads of a create sent once whose outcome Leaf left unknown. */
function createNotRetried(what: string, upstreamStatus: number | null) {
  return {
    __typename: 'UpstreamWriteError',
    message: `The Leaf API ${what} when asked to create the machine. It was not retried: check whether the change took effect before repeating it.`,
    upstreamStatus,
    mayHaveApplied: true,
  };
}

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
      const result = await stack.query(CREATE, { user: USER, name: 'Sent once' });
      expect(result.errors).toBeUndefined();
      // A 5xx may have applied the write upstream, so the user is told to read before retrying.
      expect(result.data?.createMachine).toEqual(createNotRetried('failed with HTTP 503', 503));
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
      const result = await stack.query(CREATE, { user: USER, name: 'Dropped once' });
      expect(result.errors).toBeUndefined();
      // No answer arrived, so no status, and the write may have reached Leaf.
      expect(result.data?.createMachine).toEqual(createNotRetried('sent no readable answer', null));
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
  // A request deadline well past the call's timeout, which undici's clock may fire a little late.
  const stack = useStack({ env: { LEAF_TIMEOUT_MS: '300', REQUEST_DEADLINE_MS: '5000' } });

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
        stack.query(MachinesUnderFaults, { user: DEMO_USER_IDS.otherFarm, first: 5 }, { token: OTHER_TOKEN }),
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
