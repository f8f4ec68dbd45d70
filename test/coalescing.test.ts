// Read coalescing across concurrent requests, as a fleet of clients opening the same screen
// causes it: identical upstream GETs in flight with the same token share one call; other
// tokens never share; a write detaches the reads that started before it; a failing shared call
// fails only those who joined it. Upstream calls are counted in the emulator's call log, and
// coalescing is observed through the client's onCoalesce events (what /metrics counts).
import { print } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USER_IDS, OTHER_TOKEN, type CallRecord } from '../src/emulator/index.js';
import type { CoalesceKind } from '../src/leaf/coalesce.js';
import { graphql } from './__generated__/index.js';
import { CREATE_NAMED_MACHINE as CREATE } from './support/documents.js';
import { useStack, type GraphQLResponse, type Stack } from './support/stack.js';
import { until } from './support/wait.js';
import { deliver, leafEvent, WEBHOOK_SECRET } from './support/webhooks.js';

const USER = DEMO_USER_IDS.riverBend;
/** A second token for the same Leaf user, added to the emulator's token table below. */
const SECOND_TOKEN = 'second-demo-token';
const LIST_PATH = /\/users\/[^/]+\/machines$/;

const FLEET = graphql(/* GraphQL */ `
  query CoalescingFleet($user: LeafId!) {
    leafUser(id: $user) {
      machines(first: 3) { nodes { leafId name files(first: 2) { nodes { leafFileId startTime } } } }
      implements(first: 2) { nodes { leafId name } }
    }
  }
`);

const USER_CREATED_MACHINES = graphql(/* GraphQL */ `
  query CoalescingUserCreatedMachines($user: LeafId!) {
    leafUser(id: $user) { machines(first: 100, filter: { originType: USER_CREATED }) { nodes { leafId name } } }
  }
`);
/** The same document as text, for the caller that sends its own request body. */
const LIST = print(USER_CREATED_MACHINES);

const MACHINE_IDS = graphql(/* GraphQL */ `
  query CoalescingMachineIds($user: LeafId!, $first: Int!) {
    leafUser(id: $user) { machines(first: $first) { nodes { leafId } } }
  }
`);

/** Method, path and query: one distinct upstream resource. */
function resourceOf(call: CallRecord): string {
  return `${call.method} ${call.path}?${new URLSearchParams(Object.entries(call.query).flatMap(([k, vs]) => vs.map((v) => [k, v]))).toString()}`;
}

function countBy<T>(items: readonly T[], key: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
}

function listensTo(stack: Stack): Record<CoalesceKind, number> {
  const counts: Record<CoalesceKind, number> = { started: 0, joined: 0 };
  stack.gateway.client.observe({ onCoalesce: (kind) => (counts[kind] += 1) });
  return counts;
}


describe('identical reads in flight share one upstream call', () => {
  let baseline: GraphQLResponse<unknown>;
  let distinct: string[];
  const stack = useStack();
  const uncoalesced = useStack({ env: { LEAF_COALESCE_READS: 'false' } });

  beforeAll(async () => {
    for (const each of [stack, uncoalesced]) {
      each.emulator.tokens.push({ token: SECOND_TOKEN, leafUserIds: [USER] });
    }
    // Alone, the query costs one call per distinct resource (DataLoader already dedupes inside it).
    stack.resetCalls();
    baseline = await stack.query(FLEET, { user: USER });
    expect(baseline.errors).toBeUndefined();
    distinct = [...new Set(stack.calls().map(resourceOf))];
    expect(distinct.length).toBe(stack.calls().length);
    expect(distinct.length).toBeGreaterThanOrEqual(5);
    // Slow enough that every request below is in flight before the first answer returns, even
    // when the gateway takes a few milliseconds to parse and plan each of them on a busy machine.
    stack.emulator.setLatency(1_500);
    uncoalesced.emulator.setLatency(300);
  });

  it('50 concurrent identical queries with one token cost one upstream call per distinct resource', async () => {
    const events = listensTo(stack);
    stack.resetCalls();
    const results = await Promise.all(Array.from({ length: 50 }, () => stack.query(FLEET, { user: USER })));
    for (const result of results) expect(result).toEqual(baseline);
    const calls = stack.calls();
    expect(calls).toHaveLength(distinct.length);
    expect(new Set(calls.map(resourceOf))).toEqual(new Set(distinct));
    expect(events).toEqual({ started: distinct.length, joined: 49 * distinct.length });
  });

  it('with coalescing off, the same 50 queries cost 50 calls per resource', async () => {
    const events = listensTo(uncoalesced);
    uncoalesced.resetCalls();
    const results = await Promise.all(Array.from({ length: 50 }, () => uncoalesced.query(FLEET, { user: USER })));
    for (const result of results) expect(result).toEqual(baseline);
    expect(uncoalesced.calls()).toHaveLength(50 * distinct.length);
    expect(events).toEqual({ started: 0, joined: 0 });
  });

  it('two tokens cost exactly twice, and no response crosses tokens', async () => {
    stack.resetCalls();
    const tokens = [stack.emulator.demoToken, SECOND_TOKEN, OTHER_TOKEN];
    const requests = Array.from({ length: 75 }, (_, index) => {
      const token = tokens[index % 3]!;
      return stack.query(FLEET, { user: USER }, { token }).then((result) => ({ token, result }));
    });
    for (const { token, result } of await Promise.all(requests)) {
      if (token === OTHER_TOKEN) {
        // other-token does not own this user: had it joined an owner's read, it would see data.
        // Each refused list is null on its own (contract section 6), so no page of it arrives.
        expect(JSON.stringify(result.data)).not.toContain('nodes');
        expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      } else expect(result).toEqual(baseline);
    }
    const byToken = countBy(stack.calls(), (call) => call.token ?? 'none');
    expect(byToken.get(stack.emulator.demoToken)).toBe(distinct.length);
    expect(byToken.get(SECOND_TOKEN)).toBe(distinct.length);
    // The forbidden user's lists (machines, implements) each fail once, shared by other-token's callers only.
    expect(byToken.get(OTHER_TOKEN)).toBe(2);
    for (const token of [stack.emulator.demoToken, SECOND_TOKEN]) {
      const own = stack.calls().filter((call) => call.token === token);
      expect(new Set(own.map(resourceOf))).toEqual(new Set(distinct));
    }
  });

  it('keeps requests that are not identical apart', async () => {
    stack.resetCalls();
    const [three, four] = await Promise.all([
      stack.query(MACHINE_IDS, { user: USER, first: 3 }),
      stack.query(MACHINE_IDS, { user: USER, first: 4 }),
    ]);
    expect(three.data!.leafUser!.machines!.nodes).toHaveLength(3);
    expect(four.data!.leafUser!.machines!.nodes).toHaveLength(4);
    expect(stack.calls()).toHaveLength(2);
  });
});

describe('writes win', () => {
  const stack = useStack();

  const listCalls = (): CallRecord[] => stack.calls().filter((call) => call.method === 'GET' && LIST_PATH.test(call.path));

  it('a read started after a write was answered never joins a slow read that started before it', async () => {
    const events = listensTo(stack);
    stack.resetCalls();
    const slow = stack.emulator.addFault({ method: 'GET', path: LIST_PATH, delayMs: 3_000, times: 1 });
    try {
      const before = stack.query(USER_CREATED_MACHINES, { user: USER });
      await until(() => listCalls().length === 1);
      // Started before the write: joins the slow read (nothing new upstream).
      const alongside = stack.query(USER_CREATED_MACHINES, { user: USER });
      await until(() => events.joined === 1);

      const created = await stack.query(CREATE, {
        user: USER,
        name: 'Written while a read was in flight',
      });
      const success = created.data!.createMachine;
      expect(success.__typename).toBe('CreateMachineSuccess');
      const newId = success.__typename === 'CreateMachineSuccess' ? success.machine.leafId : 'none';

      const after = await stack.query(USER_CREATED_MACHINES, { user: USER });
      expect(after.data!.leafUser!.machines!.nodes.map((node) => node?.leafId)).toContain(newId);
      // Its own upstream read, sent after the POST, although the slow one was still in flight.
      const reads = listCalls();
      expect(reads).toHaveLength(2);
      const post = stack.calls().find((call) => call.method === 'POST')!;
      expect(reads[1]!.at).toBeGreaterThanOrEqual(post.at);
      expect(reads[0]!.status).toBe(0);
      expect(events).toEqual({ started: 2, joined: 1 });

      for (const result of await Promise.all([before, alongside])) expect(result.errors).toBeUndefined();
    } finally {
      slow();
    }
  });

  it('a read started while a write is in flight never joins a read from before it, nor one from after it once answered', async () => {
    const events = listensTo(stack);
    stack.resetCalls();
    const slowReads = stack.emulator.addFault({ method: 'GET', path: LIST_PATH, delayMs: 2_000, times: 2 });
    const slowWrite = stack.emulator.addFault({ method: 'POST', path: '/machines', delayMs: 700, times: 1 });
    try {
      const before = stack.query(USER_CREATED_MACHINES, { user: USER });
      await until(() => listCalls().length === 1);

      const write = stack.query(CREATE, { user: USER, name: 'Slow write' });
      await until(() => stack.calls().some((call) => call.method === 'POST'));
      // The write has been sent, not answered: this read may not join the one from before it.
      const during = stack.query(USER_CREATED_MACHINES, { user: USER });
      await until(() => listCalls().length === 2);
      expect(events.joined).toBe(0);

      expect(((await write) as GraphQLResponse<{ createMachine: { __typename: string } }>).data?.createMachine.__typename).toBe(
        'CreateMachineSuccess',
      );
      // Answered now: a new read may not join the one sent while the write was in flight either.
      const after = await stack.query(USER_CREATED_MACHINES, { user: USER });
      expect(after.errors).toBeUndefined();
      expect(listCalls()).toHaveLength(3);
      expect(events).toEqual({ started: 3, joined: 0 });

      for (const result of await Promise.all([before, during])) expect(result.errors).toBeUndefined();
    } finally {
      slowReads();
      slowWrite();
    }
  });

  it('a write by another token for the same user detaches that user’s reads too', async () => {
    stack.emulator.tokens.push({ token: SECOND_TOKEN, leafUserIds: [USER] });
    const events = listensTo(stack);
    stack.resetCalls();
    const slow = stack.emulator.addFault({ method: 'GET', path: LIST_PATH, delayMs: 1_500, times: 1 });
    try {
      const before = stack.query(USER_CREATED_MACHINES, { user: USER });
      await until(() => listCalls().length === 1);
      const created = await stack.query(
        CREATE,
        { user: USER, name: 'Written with another token' },
        { token: SECOND_TOKEN },
      );
      expect(created.data?.createMachine.__typename).toBe('CreateMachineSuccess');
      await stack.query(USER_CREATED_MACHINES, { user: USER });
      expect(listCalls()).toHaveLength(2);
      expect(events.joined).toBe(0);
      expect((await before).errors).toBeUndefined();
    } finally {
      slow();
    }
  });
});

describe('a failing shared call', () => {
  const stack = useStack();

  it('fails every caller that joined it, and a later caller starts afresh', async () => {
    const events = listensTo(stack);
    stack.resetCalls();
    // Three attempts (LEAF_RETRIES=2) of one shared read, all failing slowly.
    const failing = stack.emulator.addFault({ method: 'GET', path: LIST_PATH, status: 500, delayMs: 300, times: 3 });
    try {
      const results = await Promise.all(Array.from({ length: 10 }, () => stack.query(USER_CREATED_MACHINES, { user: USER })));
      for (const result of results) {
        expect(result.data).toEqual({ leafUser: { machines: null } });
        expect(result.errors).toHaveLength(1);
        expect(result.errors![0]!.extensions).toMatchObject({ code: 'UPSTREAM_ERROR', upstreamStatus: 500 });
      }
      expect(stack.calls().map((call) => call.status)).toEqual([500, 500, 500]);
      expect(events).toEqual({ started: 1, joined: 9 });

      const later = await stack.query(USER_CREATED_MACHINES, { user: USER });
      expect(later.errors).toBeUndefined();
      expect(stack.calls().map((call) => call.status)).toEqual([500, 500, 500, 200]);
      expect(events).toEqual({ started: 2, joined: 9 });
    } finally {
      failing();
    }
  });

  it('lets a caller that hangs up leave without cancelling the shared call for the others', async () => {
    stack.resetCalls();
    const slow = stack.emulator.addFault({ method: 'GET', path: LIST_PATH, delayMs: 800, times: 1 });
    try {
      const staying = stack.query(USER_CREATED_MACHINES, { user: USER });
      await until(() => stack.calls().length === 1);
      const leaving = new AbortController();
      const left = stack.post({ query: LIST, variables: { user: USER } }, { signal: leaving.signal });
      leaving.abort();
      await expect(left).rejects.toThrow();
      const result = await staying;
      expect(result.errors).toBeUndefined();
      expect(result.data!.leafUser!.machines!.nodes.length).toBeGreaterThan(0);
      expect(stack.calls()).toHaveLength(1);
      expect(stack.calls()[0]!.status).toBe(200);
    } finally {
      slow();
    }
  });
});


const MACHINES_FILES = graphql(/* GraphQL */ `
  query CoalescingMachinesFiles($user: LeafId!) {
    leafUser(id: $user) { machines(first: 3) { nodes { leafId files(first: 2) { nodes { leafFileId } } } } }
  }
`);

const MACHINE_FILES = graphql(/* GraphQL */ `
  query CoalescingMachineFiles($user: LeafId!, $id: LeafId!) {
    leafUser(id: $user) { machine(id: $id) { leafId name files(first: 2) { nodes { leafFileId } } } }
  }
`);

describe('a read answered while a request was under way', () => {
  /** How long Leaf holds the machines page of the request under way: the other requests run meanwhile. */
  const HOLD_MS = 3_000;
  // The join window (a tenth of LEAF_TIMEOUT_MS, 6 s) outlasts the hold: the answer is still kept when the request reaches it.
  const stack = useStack({ env: { LEAF_TIMEOUT_MS: '60000' } });
  let baseline: GraphQLResponse<unknown>;
  let first: string;

  const filesCalls = (machineId: string): CallRecord[] =>
    stack.calls().filter((call) => call.method === 'GET' && call.path.endsWith(`/machines/${machineId}/files`));

  /** Starts the three machines' files query with its machines page held at Leaf; resolves once that read is held. */
  async function underWay(): Promise<{ answer: Promise<GraphQLResponse<unknown>> }> {
    stack.emulator.addFault({ method: 'GET', path: LIST_PATH, delayMs: HOLD_MS, times: 1 });
    const answer = stack.query(MACHINES_FILES, { user: USER });
    await until(() => stack.calls().some((call) => LIST_PATH.test(call.path) && call.status === 0), { describe: () => 'the held machines page' });
    return { answer };
  }

  beforeAll(async () => {
    stack.emulator.tokens.push({ token: SECOND_TOKEN, leafUserIds: [USER] });
    baseline = await stack.query(MACHINES_FILES, { user: USER });
    expect(baseline.errors).toBeUndefined();
    first = (baseline.data as { leafUser: { machines: { nodes: { leafId: string }[] } } }).leafUser.machines.nodes[0]!.leafId;
  });

  it('is handed to a request that arrived before the answer did, as if it had joined it in flight', async () => {
    stack.resetCalls();
    const { answer: early } = await underWay();
    // Arrives after the early request, reads the first machine's files while the early one waits.
    const later = await stack.query(MACHINE_FILES, { user: USER, id: first });
    expect(later.errors).toBeUndefined();
    expect(filesCalls(first)).toHaveLength(1);
    // The early request arrived before that answer: it takes it instead of asking Leaf again.
    expect(await early).toEqual(baseline);
    expect(filesCalls(first)).toHaveLength(1);
  });

  it('is not handed to a request that arrives after the answer: that one reads Leaf, and sees what changed', async () => {
    stack.resetCalls();
    const before = await stack.query(MACHINE_FILES, { user: USER, id: first });
    const machine = stack.emulator.store.machines.get(first)!;
    stack.emulator.store.putMachine({ ...machine, name: 'Renamed between two reads' });
    try {
      const after = await stack.query(MACHINE_FILES, { user: USER, id: first });
      expect(after.data?.leafUser?.machine?.name).toBe('Renamed between two reads');
      expect(before.data?.leafUser?.machine?.name).toBe(machine.name);
      expect(filesCalls(first)).toHaveLength(2);
    } finally {
      stack.emulator.store.putMachine(machine);
    }
  });

  it('is dropped by a write of its user: the request under way reads Leaf again', async () => {
    stack.resetCalls();
    const { answer: early } = await underWay();
    await stack.query(MACHINE_FILES, { user: USER, id: first });
    const created = await stack.query(CREATE, { user: USER, name: 'Written after a read was answered' });
    expect(created.data?.createMachine.__typename).toBe('CreateMachineSuccess');
    expect((await early).errors).toBeUndefined();
    expect(filesCalls(first)).toHaveLength(2);
    expect(filesCalls(first)[1]!.at).toBeGreaterThanOrEqual(stack.calls().find((call) => call.method === 'POST')!.at);
  });

  it('is never handed to another token, even one for the same user', async () => {
    stack.resetCalls();
    const { answer: early } = await underWay();
    await stack.query(MACHINE_FILES, { user: USER, id: first }, { token: SECOND_TOKEN });
    expect(await early).toEqual(baseline);
    expect(filesCalls(first).map((call) => call.token)).toEqual([SECOND_TOKEN, stack.emulator.demoToken]);
  });

  it('is not handed on once it failed: the request under way reads Leaf itself', async () => {
    stack.resetCalls();
    const { answer: early } = await underWay();
    // All three attempts of the later request's read fail (LEAF_RETRIES=2).
    const failing = stack.emulator.addFault({ method: 'GET', path: `/machines/${first}/files`, status: 500, times: 3 });
    try {
      const later = await stack.query(MACHINE_FILES, { user: USER, id: first });
      expect(later.errors?.[0]?.extensions).toMatchObject({ code: 'UPSTREAM_ERROR', upstreamStatus: 500 });
    } finally {
      failing();
    }
    expect(await early).toEqual(baseline);
    expect(filesCalls(first).map((call) => call.status)).toEqual([500, 500, 500, 200]);
  });
});

describe('LEAF_COALESCE_WINDOW_MS', () => {
  // A window longer than any pause between two requests of this test, on a busy machine too;
  // the join window (a tenth of LEAF_TIMEOUT_MS) bounds how long an answer is kept at all.
  const stack = useStack({ env: { LEAF_COALESCE_WINDOW_MS: '5000', LEAF_TIMEOUT_MS: '60000', LEAF_WEBHOOK_SECRET: WEBHOOK_SECRET } });
  const readsOf = (): CallRecord[] => stack.calls().filter((call) => call.method === 'GET');

  it('hands a read to requests arriving within the window after its answer, never to another token', async () => {
    stack.emulator.tokens.push({ token: SECOND_TOKEN, leafUserIds: [USER] });
    stack.resetCalls();
    const first = await stack.query(USER_CREATED_MACHINES, { user: USER });
    expect(first.errors).toBeUndefined();
    expect(readsOf()).toHaveLength(1);
    expect(await stack.query(USER_CREATED_MACHINES, { user: USER })).toEqual(first);
    expect(readsOf()).toHaveLength(1);
    expect(await stack.query(USER_CREATED_MACHINES, { user: USER }, { token: SECOND_TOKEN })).toEqual(first);
    expect(readsOf().map((call) => call.token)).toEqual([stack.emulator.demoToken, SECOND_TOKEN]);
  });

  it('drops it on a write of its user, as it drops a read in flight', async () => {
    await stack.query(USER_CREATED_MACHINES, { user: USER });
    stack.resetCalls();
    const created = await stack.query(CREATE, { user: USER, name: 'Written inside the window' });
    expect(created.data?.createMachine.__typename).toBe('CreateMachineSuccess');
    const newId = created.data?.createMachine.__typename === 'CreateMachineSuccess' ? created.data.createMachine.machine.leafId : 'none';
    const after = await stack.query(USER_CREATED_MACHINES, { user: USER });
    expect(after.data!.leafUser!.machines!.nodes.map((node) => node?.leafId)).toContain(newId);
    // Read again after the write although the window had not passed.
    const post = stack.calls().find((call) => call.method === 'POST')!;
    expect(readsOf().filter((call) => LIST_PATH.test(call.path) && call.at >= post.at)).toHaveLength(1);
  });

  it('drops it on an event that names what it shows', async () => {
    const [machine] = stack.emulator.store.machinesOf(USER);
    stack.resetCalls();
    const before = await stack.query(MACHINE_FILES, { user: USER, id: machine!.id });
    expect(before.errors).toBeUndefined();
    stack.emulator.store.putMachine({ ...stack.emulator.store.machines.get(machine!.id)!, name: 'Renamed inside the window' });
    expect((await deliver(stack.gateway.url, leafEvent('machineUpdated', { leafUserId: USER, machineId: machine!.id }))).status).toBe(202);
    const after = await stack.query(MACHINE_FILES, { user: USER, id: machine!.id });
    expect(after.data?.leafUser?.machine?.name).toBe('Renamed inside the window');
    // The machine and its files read again; nothing else was read.
    const reads = readsOf().map((call) => call.path);
    expect(reads.filter((path) => path.endsWith(`/machines/${machine!.id}`))).toHaveLength(2);
    expect(reads.filter((path) => path.endsWith(`/machines/${machine!.id}/files`))).toHaveLength(2);
  });
});
