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

