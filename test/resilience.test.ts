// Upstream resilience as a client sees it: a transient failure on a read is retried and the
// answer arrives whole; a write is sent once; Retry-After is honoured when short and handed to
// the client when long; a dead upstream fails fast behind the circuit breaker and is probed
// again after a cooldown; Leaf's 4xx answers never trip the breaker. Upstream calls are counted
// in the emulator's call log (or, for a closed port, by the client's observer).
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadConfig } from '../src/config.js';
import { DEMO_USER_IDS, OTHER_TOKEN } from '../src/emulator/index.js';
import { UpstreamBreaker } from '../src/leaf/breaker.js';
import { LeafError } from '../src/leaf/errors.js';
import { backoffDelayMs, retryAfterMs, retryDelayMs, type RetryPolicy } from '../src/leaf/retry.js';
import { startGateway } from '../src/server.js';
import { CREATE_NAMED_MACHINE as CREATE } from './support/documents.js';
import { startStack, type GraphQLResponse, type Stack } from './support/stack.js';

const USER = DEMO_USER_IDS.prairieFarms;
// The response cache would answer repeated queries itself; these tests are about the calls
// that do reach Leaf.
const NO_CACHE = { RESPONSE_CACHE: 'false' };
const LIST_PATH = /\/users\/[^/]+\/machines$/;

const MACHINES = /* GraphQL */ `
  query Machines($user: LeafId!, $first: Int!) {
    leafUser(id: $user) { machines(first: $first) { nodes { leafId name serialNumber modelYear } } }
  }
`;

const MACHINE = /* GraphQL */ `
  query Machine($user: LeafId!, $id: LeafId!) {
    leafUser(id: $user) { machine(id: $id) { leafId name } }
  }
`;


interface MachinesData {
  leafUser: { machines: { nodes: { leafId: string; name: string }[] } };
}

function machines(stack: Stack, first = 5, token?: string): Promise<GraphQLResponse<MachinesData>> {
  return stack.query<MachinesData>(MACHINES, { user: USER, first }, token === undefined ? {} : { token });
}

function firstError(result: GraphQLResponse<unknown>): { message: string; extensions?: Record<string, unknown> } {
  expect(result.errors?.length).toBeGreaterThan(0);
  return result.errors![0]!;
}

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
  let stack: Stack;
  let baseline: MachinesData;

  beforeAll(async () => {
    stack = await startStack({ env: NO_CACHE });
    const result = await machines(stack);
    expect(result.errors).toBeUndefined();
    baseline = result.data!;
  });

  afterAll(async () => {
    await stack.close();
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
  let stack: Stack;

  beforeAll(async () => {
    stack = await startStack({ env: { ...NO_CACHE, LEAF_TIMEOUT_MS: '300' } });
  });

  afterAll(async () => {
    await stack.close();
  });

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

describe('circuit breaker', () => {
  let stack: Stack;

  beforeAll(async () => {
    // A cooldown long enough that a burst of requests on a busy machine all meet the open circuit.
    stack = await startStack({ env: { ...NO_CACHE, LEAF_BREAKER_FAILURES: '3', LEAF_BREAKER_COOLDOWN_MS: '2000' } });
  });

  afterAll(async () => {
    await stack.close();
  });

  it('never opens on Leaf’s 4xx answers (401, 403, 404, 400, 429)', async () => {
    const client = stack.gateway.client;
    for (let round = 0; round < 4; round += 1) {
      expect(firstError(await machines(stack, 5, 'no-such-token')).extensions?.code).toBe('UNAUTHENTICATED');
      const foreign = await stack.query(MACHINES, { user: DEMO_USER_IDS.otherFarm, first: 1 });
      expect(firstError(foreign).extensions?.code).toBe('FORBIDDEN');
      const missing = await stack.query<{ leafUser: { machine: unknown } }>(MACHINE, {
        user: USER,
        id: '00000000-0000-4000-8000-000000000000',
      });
      expect(missing.data?.leafUser.machine).toBeNull();
      const rejected = stack.emulator.addFault({ method: 'GET', path: LIST_PATH, status: 400, times: 1 });
      expect(firstError(await machines(stack)).extensions?.code).toBe('UPSTREAM_ERROR');
      rejected();
      const limited = stack.emulator.addFault({ method: 'GET', path: LIST_PATH, status: 429, retryAfter: 60, times: 1 });
      expect(firstError(await machines(stack)).extensions?.code).toBe('RATE_LIMITED');
      limited();
    }
    expect(client.breakerState).toBe('closed');
    stack.resetCalls();
    expect((await machines(stack)).errors).toBeUndefined();
    expect(stack.calls()).toHaveLength(1);
  });

  it('fails fast once a dead upstream failed 3 calls in a row, then probes it again after the cooldown', async () => {
    const client = stack.gateway.client;
    // Every connection is dropped: Leaf accepts and dies, as a crashing upstream does.
    const dead = stack.emulator.addFault({ drop: true });
    try {
      stack.resetCalls();
      for (let call = 0; call < 3; call += 1) {
        const error = firstError(await machines(stack));
        expect(error.extensions?.code).toBe('UPSTREAM_ERROR');
        expect(error.message).toBe('The Leaf API could not be reached.');
      }
      // Three reads, each tried three times (two retries).
      expect(stack.calls()).toHaveLength(9);
      expect(client.breakerState).toBe('open');

      stack.resetCalls();
      const fast = await Promise.all(Array.from({ length: 10 }, () => machines(stack)));
      for (const result of fast) {
        const error = firstError(result);
        expect(error.extensions?.code).toBe('UPSTREAM_ERROR');
        expect(error.message).toMatch(/circuit open/);
        expect(error.extensions?.retryAfterSeconds).toBeGreaterThanOrEqual(1);
        expect(error.extensions?.retryAfterSeconds).toBeLessThanOrEqual(2);
        expect(JSON.stringify(result)).not.toMatch(/EOPENBREAKER|stack|opossum/i);
      }
      expect(stack.calls()).toHaveLength(0);

      // A write the open circuit refuses was never sent, so it is reported as not applied.
      const write = await stack.query<{ createMachine: { __typename: string; mayHaveApplied?: boolean } }>(
        `mutation { createMachine(leafUserId: "${USER}", input: { name: "Refused" }) {
          __typename ... on UpstreamWriteError { mayHaveApplied } } }`,
      );
      expect(write.data?.createMachine).toEqual({ __typename: 'UpstreamWriteError', mayHaveApplied: false });
      expect(stack.calls()).toHaveLength(0);

      // Still dead after the cooldown: the single probe fails and the circuit opens again.
      await vi.waitFor(() => expect(client.breakerState).toBe('halfOpen'), { timeout: 5_000, interval: 20 });
      expect(firstError(await machines(stack)).message).toBe('The Leaf API could not be reached.');
      expect(client.breakerState).toBe('open');
      stack.resetCalls();
      expect(firstError(await machines(stack)).message).toMatch(/circuit open/);
      expect(stack.calls()).toHaveLength(0);
    } finally {
      dead();
    }

    // Leaf is back: after the cooldown one probe goes through and closes the circuit.
    await vi.waitFor(() => expect(client.breakerState).toBe('halfOpen'), { timeout: 5_000, interval: 20 });
    stack.resetCalls();
    const probe = await machines(stack);
    expect(probe.errors).toBeUndefined();
    expect(probe.data!.leafUser.machines.nodes).toHaveLength(5);
    expect(stack.calls()).toHaveLength(1);
    expect(client.breakerState).toBe('closed');
    const after = await Promise.all(Array.from({ length: 5 }, () => machines(stack)));
    for (const result of after) expect(result.errors).toBeUndefined();
  });

  it('lets a success in between reset the count: only failures in a row open it', async () => {
    const client = stack.gateway.client;
    for (let round = 0; round < 3; round += 1) {
      const failing = stack.emulator.addFault({ method: 'GET', path: LIST_PATH, status: 500, times: 6 });
      expect(firstError(await machines(stack)).extensions?.code).toBe('UPSTREAM_ERROR');
      expect(firstError(await machines(stack)).extensions?.code).toBe('UPSTREAM_ERROR');
      failing();
      expect((await machines(stack)).errors).toBeUndefined();
    }
    expect(client.breakerState).toBe('closed');
  });
});

describe('a closed port', () => {
  it('fails fast through the breaker once connections were refused twice in a row', async () => {
    const port = await new Promise<number>((resolve, reject) => {
      const probe = createServer();
      probe.once('error', reject);
      probe.listen(0, '127.0.0.1', () => {
        const address = probe.address();
        const free = typeof address === 'object' && address !== null ? address.port : 0;
        probe.close(() => resolve(free));
      });
    });
    const config = loadConfig({
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'silent',
      ...NO_CACHE,
      LEAF_RETRY_BASE_MS: '5',
      LEAF_BREAKER_FAILURES: '2',
      LEAF_BREAKER_COOLDOWN_MS: '60000',
    });
    const gateway = await startGateway({ config, upstreamUrl: `http://127.0.0.1:${port}` });
    let exchanges = 0;
    gateway.client.observe({ onUpstreamCall: () => (exchanges += 1) });
    const send = async (): Promise<GraphQLResponse<MachinesData>> => {
      const response = await fetch(`${gateway.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: 'Bearer demo-token' },
        body: JSON.stringify({ query: MACHINES, variables: { user: USER, first: 5 } }),
      });
      return { ...((await response.json()) as GraphQLResponse<MachinesData>), status: response.status };
    };
    try {
      for (let call = 0; call < 2; call += 1) {
        const result = await send();
        expect(result.status).toBe(200);
        expect(firstError(result)).toMatchObject({
          message: 'The Leaf API could not be reached.',
          extensions: { code: 'UPSTREAM_ERROR' },
        });
      }
      expect(exchanges).toBe(2);
      expect(gateway.client.breakerState).toBe('open');
      const results = await Promise.all(Array.from({ length: 20 }, () => send()));
      for (const result of results) {
        expect(firstError(result).message).toMatch(/circuit open/);
        expect(firstError(result).extensions).toMatchObject({ code: 'UPSTREAM_ERROR', retryAfterSeconds: 60 });
      }
      // Nothing more was sent: the open circuit answered on its own.
      expect(exchanges).toBe(2);
    } finally {
      await gateway.close();
    }
  });
});

describe('isolation under failure', () => {
  let stack: Stack;

  beforeAll(async () => {
    stack = await startStack({ env: NO_CACHE });
  });

  afterAll(async () => {
    await stack.close();
  });

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

describe('the breaker alone', () => {
  it('stays open when its half-open probe is abandoned by the caller, and closes on a real answer', async () => {
    const breaker = new UpstreamBreaker({ failures: 1, cooldownMs: 50 });
    try {
      const dead = () => Promise.reject(new LeafError('UPSTREAM_ERROR', 'The Leaf API could not be reached.'));
      await expect(breaker.run(dead)).rejects.toThrow('could not be reached');
      expect(breaker.state).toBe('open');

      await vi.waitFor(() => expect(breaker.state).toBe('halfOpen'), { timeout: 2_000, interval: 10 });
      const abandoned = () => Promise.reject(new LeafError('UPSTREAM_ERROR', 'cancelled', { aborted: true }));
      await expect(breaker.run(abandoned)).rejects.toThrow('cancelled');
      expect(breaker.state).toBe('open');

      await vi.waitFor(() => expect(breaker.state).toBe('halfOpen'), { timeout: 2_000, interval: 10 });
      await expect(breaker.run(() => Promise.resolve('answer'))).resolves.toBe('answer');
      expect(breaker.state).toBe('closed');
    } finally {
      breaker.close();
    }
  });
});
