// The circuit breaker as a client sees it: a steady trickle of upstream failures never opens
// it; a group of endpoints that mostly fails opens its own circuit (and only its own), fails
// fast without reaching Leaf, and closes again after a probe once Leaf is back; 4xx answers and
// one token's 429s never count. Upstream calls are counted in the emulator's call log (or, for a
// closed port, by the client's observer). Against a Leaf that accepts connections and never
// answers (test/support/hanging-upstream.ts), calls left unanswered open it at any volume, counted
// once per upstream call however many requests shared it. The breaker alone, on simulated time:
// test/leaf-breaker.test.ts.
import { describe, expect, it, vi } from 'vitest';
import { freePort } from '../bench/processes.js';
import { DEMO_USER_IDS, OTHER_TOKEN } from '../src/emulator/index.js';
import { startGateway } from '../src/server/index.js';
import { graphql } from './__generated__/index.js';
import { CREATE_NAMED_MACHINE } from './support/documents.js';
import { useHangingStack } from './support/hanging-upstream.js';
import { firstError, machines, MachinesUnderFaults, MACHINES_USER, type MachinesData } from './support/machine-reads.js';
import { gatewayClient, stackConfig, useStack, type GraphQLResponse, type Stack } from './support/stack.js';

const USER = MACHINES_USER;
const LIST_PATH = /\/users\/[^/]+\/machines$/;
const OPERATORS_PATH = /\/users\/[^/]+\/operators$/;

const OPERATORS = graphql(/* GraphQL */ `
  query BreakerOperators($user: LeafId!) {
    leafUser(id: $user) { operators(first: 3) { nodes { leafId name } } }
  }
`);

const MACHINE = graphql(/* GraphQL */ `
  query BreakerMachine($user: LeafId!, $id: LeafId!) {
    leafUser(id: $user) { machine(id: $id) { leafId name } }
  }
`);

const CREATE_REFUSED = graphql(/* GraphQL */ `
  mutation BreakerCreateMachine($user: LeafId!) {
    createMachine(leafUserId: $user, input: { name: "Refused" }) {
      __typename
      ... on UpstreamWriteError { mayHaveApplied }
    }
  }
`);

const FILE_POINTS = graphql(/* GraphQL */ `
  query BreakerFilePoints($id: LeafId!) {
    file(id: $id) { leafId points(first: 3) { nodes { timestamp } } }
  }
`);

function isCircuitOpen(result: GraphQLResponse<unknown>): boolean {
  return result.errors?.some((error) => /circuit open/.test(error.message)) ?? false;
}

function machinesState(stack: Stack): string {
  return stack.gateway.client.breakerStates.machines ?? 'closed';
}

/** `total` requests, `concurrency` at a time, each answer handed to `check` as it arrives. */
async function load(total: number, concurrency: number, send: () => Promise<GraphQLResponse<unknown>>, check: (result: GraphQLResponse<unknown>) => void): Promise<void> {
  let started = 0;
  const lane = async (): Promise<void> => {
    while (started < total) {
      started += 1;
      check(await send());
    }
  };
  await Promise.all(Array.from({ length: concurrency }, lane));
}

describe('circuit breaker under steady load', () => {
  // No retries and no shared reads, so every request is one upstream call and every injected
  // failure reaches the breaker; the default rate rule otherwise. A cooldown long enough that a
  // loaded machine does not reach half-open between the fast failures and the refused write.
  const stack = useStack({ env: { LEAF_RETRIES: '0', LEAF_COALESCE_READS: 'false', LEAF_BREAKER_COOLDOWN_MS: '2000' } });

  it('never opens while 2 % of calls fail', async () => {
    const faulty = stack.emulator.addFault({ method: 'GET', path: LIST_PATH, status: 503, chance: 0.02 });
    let failed = 0;
    let fastFailed = 0;
    try {
      stack.resetCalls();
      await load(300, 8, () => machines(stack), (result) => {
        if (result.errors) failed += 1;
        if (isCircuitOpen(result)) fastFailed += 1;
        expect(machinesState(stack)).toBe('closed');
      });
    } finally {
      faulty();
    }
    expect(stack.calls().filter((call) => call.status === 503).length).toBe(failed);
    expect(fastFailed).toBe(0);
    expect(failed).toBeLessThan(30);
    // Every request reached Leaf: nothing was refused by the breaker.
    expect(stack.calls()).toHaveLength(300);
  });

  it('opens once a group fails outright, keeps serving the others, and closes when Leaf is back', async () => {
    // The last second's healthy calls leave the 1 s window first, so the count below starts from zero.
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    const dead = stack.emulator.addFault({ method: 'GET', path: LIST_PATH, status: 503 });
    let reachedLeaf = 0;
    try {
      stack.resetCalls();
      await vi.waitFor(
        async () => {
          const result = await machines(stack);
          expect(isCircuitOpen(result)).toBe(true);
        },
        { timeout: 10_000, interval: 0 },
      );
      // Opened on the rate rule's minimum volume (10 calls in the window), not after hundreds.
      reachedLeaf = stack.calls().length;
      expect(reachedLeaf).toBeGreaterThanOrEqual(10);
      expect(reachedLeaf).toBeLessThanOrEqual(12);
      expect(machinesState(stack)).toBe('open');

      // Open: machine reads fail fast with a retry hint and never reach Leaf...
      stack.resetCalls();
      const fast = await Promise.all(Array.from({ length: 10 }, () => machines(stack)));
      for (const result of fast) {
        expect(result.status).toBe(200);
        const error = firstError(result);
        expect(error.extensions?.code).toBe('UPSTREAM_ERROR');
        expect(error.message).toMatch(/machines endpoints failed.*circuit open/);
        expect([1, 2]).toContain(error.extensions?.retryAfterSeconds);
        expect(JSON.stringify(result)).not.toMatch(/EOPENBREAKER|stack|opossum/i);
      }
      // ...while another group of endpoints is served as usual.
      const operators = await stack.query(OPERATORS, { user: USER });
      expect(operators.errors).toBeUndefined();
      expect(stack.calls().map((call) => call.path)).toEqual([expect.stringMatching(OPERATORS_PATH)]);
      expect(stack.gateway.client.breakerStates.operators).toBe('closed');

      // A write the open circuit refuses was never sent, so it is reported as not applied.
      const write = await stack.query(CREATE_REFUSED, { user: USER });
      expect(write.data?.createMachine).toEqual({ __typename: 'UpstreamWriteError', mayHaveApplied: false });

      // Still dead after the cooldown: the single probe fails and the circuit opens again.
      await vi.waitFor(() => expect(machinesState(stack)).toBe('halfOpen'), { timeout: 5_000, interval: 10 });
      expect(firstError(await machines(stack)).message).toBe('The Leaf API failed to answer. (HTTP 503)');
      expect(machinesState(stack)).toBe('open');
    } finally {
      dead();
    }

    // Leaf is back: after the cooldown one probe goes through and closes the circuit.
    await vi.waitFor(() => expect(machinesState(stack)).toBe('halfOpen'), { timeout: 5_000, interval: 10 });
    stack.resetCalls();
    const probe = await machines(stack);
    expect(probe.errors).toBeUndefined();
    expect(probe.data!.leafUser!.machines!.nodes).toHaveLength(5);
    expect(stack.calls()).toHaveLength(1);
    expect(machinesState(stack)).toBe('closed');
    const after = await Promise.all(Array.from({ length: 5 }, () => machines(stack)));
    for (const result of after) expect(result.errors).toBeUndefined();
  });
});

describe('circuit breaker and Leaf’s 4xx answers', () => {
  const stack = useStack({ env: { LEAF_BREAKER_MIN_CALLS: '3', LEAF_BREAKER_WINDOW_MS: '60000' } });

  it('never opens on 401, 403, 404, 400 or 429 answers', async () => {
    for (let round = 0; round < 4; round += 1) {
      expect(firstError(await machines(stack, 5, 'no-such-token')).extensions?.code).toBe('UNAUTHENTICATED');
      const foreign = await stack.query(MachinesUnderFaults, { user: DEMO_USER_IDS.otherFarm, first: 1 });
      expect(firstError(foreign).extensions?.code).toBe('FORBIDDEN');
      const missing = await stack.query(MACHINE, {
        user: USER,
        id: '00000000-0000-4000-8000-000000000000',
      });
      expect(missing.data?.leafUser?.machine).toBeNull();
      const rejected = stack.emulator.addFault({ method: 'GET', path: LIST_PATH, status: 400, times: 1 });
      expect(firstError(await machines(stack)).extensions?.code).toBe('UPSTREAM_ERROR');
      rejected();
    }
    expect(machinesState(stack)).toBe('closed');
  });

  it('keeps serving everyone while one token is rate limited on every call', async () => {
    // Leaf limits per token: only the other token's reads are answered 429.
    const limited = stack.emulator.addFault({ method: 'GET', path: `/users/${DEMO_USER_IDS.otherFarm}/machines`, status: 429, retryAfter: 60 });
    try {
      const results = await Promise.all(
        Array.from({ length: 20 }, () => stack.query(MachinesUnderFaults, { user: DEMO_USER_IDS.otherFarm, first: 2 }, { token: OTHER_TOKEN })),
      );
      for (const result of results) expect(firstError(result).extensions?.code).toBe('RATE_LIMITED');
      expect(machinesState(stack)).toBe('closed');
      stack.resetCalls();
      expect((await machines(stack)).errors).toBeUndefined();
      expect(stack.calls()).toHaveLength(1);
    } finally {
      limited();
    }
  });
});

describe('circuit breaker and points reads', () => {
  const stack = useStack({ env: { LEAF_RETRIES: '0', LEAF_BREAKER_MIN_CALLS: '3', LEAF_BREAKER_WINDOW_MS: '60000' } });
  const POINTS_PATH = /\/standardGeojson$/;

  it('opens the points group on sustained failures, answers like any open circuit without reaching Leaf, and leaves files served', async () => {
    const file = stack.emulator.store.filesOf(USER).find((candidate) => candidate.summary !== null)!;
    const dead = stack.emulator.addFault({ method: 'GET', path: POINTS_PATH, status: 503 });
    try {
      await vi.waitFor(
        async () => expect(isCircuitOpen(await stack.query(FILE_POINTS, { id: file.id }))).toBe(true),
        { timeout: 10_000, interval: 0 },
      );
      expect(stack.gateway.client.breakerStates.points).toBe('open');

      stack.resetCalls();
      const result = await stack.query(FILE_POINTS, { id: file.id });
      // The file record is read as usual (its own group); only its points fail fast.
      expect(result.data?.file).toEqual({ leafId: file.id, points: null });
      const error = firstError(result);
      expect(result.errors?.[0]).toMatchObject({ path: ['file', 'points'] });
      expect(error.extensions?.code).toBe('UPSTREAM_ERROR');
      expect(error.message).toMatch(/points endpoints failed.*circuit open/);
      expect(error.extensions?.retryAfterSeconds).toBeGreaterThanOrEqual(1);
      expect(stack.calls().filter((call) => POINTS_PATH.test(call.path))).toEqual([]);
      expect(stack.gateway.client.breakerStates.files ?? 'closed').toBe('closed');
    } finally {
      dead();
    }
  });
});

describe('a closed port', () => {
  it('fails fast through the breaker once every call in the window was refused', async () => {
    const port = await freePort();
    const config = stackConfig({ LEAF_BREAKER_MIN_CALLS: '2', LEAF_BREAKER_WINDOW_MS: '60000', LEAF_BREAKER_COOLDOWN_MS: '60000' });
    const gateway = await startGateway({ config, upstreamUrl: `http://127.0.0.1:${port}` });
    let exchanges = 0;
    gateway.client.observe({ onUpstreamCall: () => (exchanges += 1) });
    const client = gatewayClient(gateway.url, 'demo-token');
    const send = (): Promise<GraphQLResponse<MachinesData>> => client.query(MachinesUnderFaults, { user: USER, first: 5 });
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
      expect(gateway.client.breakerStates.machines).toBe('open');
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


/** How long `send` took to answer, in ms, and its answer. */
async function timed<T>(send: () => Promise<T>): Promise<{ ms: number; answer: T }> {
  const started = performance.now();
  const answer = await send();
  return { ms: performance.now() - started, answer };
}

describe('a Leaf that accepts connections and never answers', () => {
  // Timeouts shortened so the test runs in seconds; the ratios are the production defaults' (5 in a row).
  const TIMEOUT_MS = 1_500;
  const hanging = useHangingStack({ LEAF_TIMEOUT_MS: String(TIMEOUT_MS), LEAF_BREAKER_COOLDOWN_MS: '2000' }, 'hang');

  const send = () => hanging.client.query(MachinesUnderFaults, { user: USER, first: 5 });
  // undici's clock fires up to a second late; the request's deadline (1.5 × the timeout) may come first.
  const UNANSWERED = /^The Leaf API did not answer (in time|within the request's deadline of 2250 ms)\.$/;
  const machineCalls = () => hanging.leaf.calls().filter((call) => LIST_PATH.test(call.line.split('?')[0]!));

  it('lets only the first few requests wait for the timeout; later ones fail fast without reaching Leaf, and it closes once Leaf is back', async () => {
    // As the issue measured: three requests one by one, twenty at once, then more.
    for (let request = 0; request < 3; request += 1) {
      const { ms, answer } = await timed(send);
      expect(firstError(answer)).toMatchObject({ message: expect.stringMatching(UNANSWERED), extensions: { code: 'UPSTREAM_ERROR' } });
      expect(ms).toBeGreaterThanOrEqual(TIMEOUT_MS - 50);
    }
    expect(hanging.gateway.client.breakerStates.machines).toBe('closed');
    // Twenty identical reads at once share one upstream call (two or three when a loaded machine
    // spreads their arrival past the join window): one failure each, not twenty.
    const parallel = await Promise.all(Array.from({ length: 20 }, send));
    for (const answer of parallel) expect(firstError(answer).message).toMatch(UNANSWERED);
    const shared = machineCalls().length - 3;
    expect(shared).toBeGreaterThanOrEqual(1);
    expect(shared).toBeLessThanOrEqual(3);
    // The fifth upstream call left unanswered opens the circuit: one more request, if any, waits.
    expect(hanging.gateway.client.breakerStates.machines).toBe(3 + shared >= 5 ? 'open' : 'closed');
    while (machineCalls().length < 5) expect(firstError(await send()).message).toMatch(UNANSWERED);
    expect(hanging.gateway.client.breakerStates.machines).toBe('open');
    const opened = machineCalls().length;

    // Open: every later read answers at once, and none reaches Leaf.
    const later = await Promise.all(Array.from({ length: 10 }, () => timed(send)));
    for (const { ms, answer } of later) {
      expect(firstError(answer)).toMatchObject({
        message: expect.stringMatching(/its machines endpoints left 5 calls in a row unanswered.*circuit open/),
        extensions: { code: 'UPSTREAM_ERROR', retryAfterSeconds: expect.any(Number) },
      });
      // The bound ("within a second"); a timeout would take TIMEOUT_MS.
      expect(ms).toBeLessThan(1_000);
    }
    expect(machineCalls()).toHaveLength(opened);

    // A write while it is open is refused at once, never sent: it is reported as not applied.
    const write = await timed(() => hanging.client.query(CREATE_NAMED_MACHINE, { user: USER, name: 'While open' }));
    expect(write.answer.data?.createMachine).toMatchObject({ __typename: 'UpstreamWriteError', mayHaveApplied: false });
    expect(write.ms).toBeLessThan(1_000);
    expect(hanging.leaf.calls().filter((call) => call.line.startsWith('POST'))).toEqual([]);

    // Leaf comes back: after the cooldown one probe goes through, its answer closes the circuit.
    hanging.leaf.pass();
    await vi.waitFor(() => expect(hanging.gateway.client.breakerStates.machines).toBe('halfOpen'), { timeout: 10_000, interval: 20 });
    const probe = await send();
    expect(probe.errors).toBeUndefined();
    expect(probe.data?.leafUser?.machines?.nodes).toHaveLength(5);
    expect(hanging.gateway.client.breakerStates.machines).toBe('closed');
    expect(machineCalls()).toHaveLength(opened + 1);
    for (const answer of await Promise.all(Array.from({ length: 5 }, send))) expect(answer.errors).toBeUndefined();
  });

  it('sends a write that gets no answer once, and says it may have applied', async () => {
    hanging.leaf.hang();
    const before = hanging.leaf.calls().length;
    const { answer } = await timed(() => hanging.client.query(CREATE_NAMED_MACHINE, { user: USER, name: 'Unanswered' }));
    expect(answer.data?.createMachine).toMatchObject({ __typename: 'UpstreamWriteError', mayHaveApplied: true });
    expect(hanging.leaf.calls().slice(before).map((call) => call.line)).toEqual([`POST /services/beta/api/users/${USER}/machines`]);
    hanging.leaf.pass();
  });
});

describe('one endpoint group that hangs', () => {
  const stack = useStack({ env: { LEAF_TIMEOUT_MS: '1000', LEAF_BREAKER_COOLDOWN_MS: '60000' } });

  it('opens its own circuit and leaves another group’s closed and served, whatever the order of their calls', async () => {
    const hung = stack.emulator.addFault({ method: 'GET', path: LIST_PATH, delayMs: 60_000 });
    try {
      // Machines left unanswered and operators answered, in turn: each group keeps its own run.
      for (let round = 0; round < 5; round += 1) {
        expect(firstError(await machines(stack)).message).toMatch(/^The Leaf API did not answer (in time|within the request's deadline of 1500 ms)\.$/);
        const operators = await stack.query(OPERATORS, { user: USER });
        expect(operators.errors).toBeUndefined();
      }
      expect(stack.gateway.client.breakerStates).toMatchObject({ machines: 'open', operators: 'closed' });
      stack.resetCalls();
      expect(firstError(await machines(stack)).message).toMatch(/circuit open/);
      expect((await stack.query(OPERATORS, { user: USER })).errors).toBeUndefined();
      expect(stack.calls().map((call) => call.path)).toEqual([expect.stringMatching(OPERATORS_PATH)]);
    } finally {
      hung();
    }
  });
});
