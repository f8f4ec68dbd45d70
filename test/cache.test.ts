// The response cache as callers see it: a repeated query costs no upstream call, answers never
// cross tokens, errors are not kept, and no answer outlives a write made through a mutation —
// for every token that can see that Leaf user, including a read that was in flight during it.
import { readFileSync } from 'node:fs';
import { print } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_TOKEN, DEMO_USER_IDS, OTHER_TOKEN } from '../src/emulator/index.js';
import { graphql } from './__generated__/index.js';
import type { CachedMachineNodeQuery } from './__generated__/graphql.js';
import { CREATE_NAMED_MACHINE as CREATE } from './support/documents.js';
import { useStack, withStack, type Stack } from './support/stack.js';
import { until } from './support/wait.js';

const USER = DEMO_USER_IDS.prairieFarms;
/** A second token that owns the same Leaf user as DEMO_TOKEN (added to the emulator below). */
const TEAMMATE_TOKEN = 'teammate-token';

const MACHINES = graphql(/* GraphQL */ `
  query CachedMachines($user: LeafId!) {
    leafUser(id: $user) { machines(first: 100) { totalCount nodes { id leafId name } } }
  }
`);
const MACHINE_NODE = graphql(/* GraphQL */ `
  query CachedMachineNode($id: ID!) { node(id: $id) { id ... on Machine { leafId name } } }
`);
const MACHINES_AND_IMPLEMENTS = graphql(/* GraphQL */ `
  query CachedMachinesAndImplements($user: LeafId!) {
    leafUser(id: $user) {
      machines(first: 100) { nodes { id name } }
      implements(first: 5) { nodes { id name } }
    }
  }
`);
const UPDATE = graphql(/* GraphQL */ `
  mutation CacheRenameMachine($id: ID!, $name: String!) {
    updateMachine(id: $id, input: { name: $name }) {
      __typename
      ... on UpdateMachineSuccess { machine { id name } }
      ... on Error { message }
    }
  }
`);
const DELETE = graphql(/* GraphQL */ `
  mutation CacheDeleteMachine($id: ID!) {
    deleteMachine(id: $id) { __typename ... on DeleteMachineSuccess { deletedId } ... on Error { message } }
  }
`);

const stack = useStack({ env: { RESPONSE_CACHE: 'true', LEAF_API_TOKEN: DEMO_TOKEN } });

beforeAll(() => {
  stack.emulator.store.tokens.push({ token: TEAMMATE_TOKEN, leafUserIds: [USER] });
});

/** Upstream calls made while `action` ran. */
async function upstreamCalls<T>(action: () => Promise<T>): Promise<{ result: T; calls: ReturnType<Stack['calls']> }> {
  stack.resetCalls();
  const result = await action();
  return { result, calls: [...stack.calls()] };
}

async function createMachine(name: string): Promise<{ id: string; leafId: string }> {
  const created = await stack.query(CREATE, { user: USER, name });
  expect(created.errors).toBeUndefined();
  const result = created.data!.createMachine;
  expect(result.__typename).toBe('CreateMachineSuccess');
  if (result.__typename !== 'CreateMachineSuccess') throw new Error(`create failed: ${JSON.stringify(result)}`);
  return result.machine;
}

describe('cache hits', () => {
  it('answers a repeated query from the cache: the second one costs no upstream call', async () => {
    const first = await upstreamCalls(() => stack.query(MACHINES, { user: DEMO_USER_IDS.riverBend }));
    expect(first.result.errors).toBeUndefined();
    expect(first.calls.length).toBeGreaterThan(0);

    const second = await upstreamCalls(() => stack.query(MACHINES, { user: DEMO_USER_IDS.riverBend }));
    expect(second.calls).toEqual([]);
    expect(second.result.data).toEqual(first.result.data);
  });

  it('keys on the variables: another Leaf user is a miss', async () => {
    await stack.query(MACHINES, { user: USER });
    const other = await upstreamCalls(() => stack.query(MACHINES, { user: DEMO_USER_IDS.riverBend }, { token: DEMO_TOKEN }));
    const prairie = await upstreamCalls(() => stack.query(MACHINES, { user: USER }));
    expect(prairie.calls).toEqual([]);
    expect(other.result.data!.leafUser!.machines!.nodes.map((m) => m?.leafId)).not.toEqual(
      prairie.result.data!.leafUser!.machines!.nodes.map((m) => m?.leafId),
    );
  });
});

describe('token isolation', () => {
  it('never serves one token’s cached answer to another token', async () => {
    const demo = await stack.query(MACHINES, { user: USER }, { token: DEMO_TOKEN });
    expect(demo.data!.leafUser!.machines!.nodes.length).toBeGreaterThan(0);

    // Same document, same variables, another token: it goes upstream with its own token and
    // gets Leaf's refusal, not the cached machines.
    const other = await upstreamCalls(() => stack.query(MACHINES, { user: USER }, { token: OTHER_TOKEN }));
    expect(other.calls.length).toBeGreaterThan(0);
    expect(other.calls.every((call) => call.token === OTHER_TOKEN)).toBe(true);
    expect(other.result.data).toEqual({ leafUser: { machines: null } });
    expect(other.result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    // A second token that may see the same user gets the same data, fetched with its own token.
    const teammate = await upstreamCalls(() => stack.query(MACHINES, { user: USER }, { token: TEAMMATE_TOKEN }));
    expect(teammate.calls.length).toBeGreaterThan(0);
    expect(teammate.calls.every((call) => call.token === TEAMMATE_TOKEN)).toBe(true);
    expect(teammate.result.data).toEqual(demo.data);
  });

  it('requests without a token share the default token’s entries and no one else’s', async () => {
    const explicit = await stack.query(MACHINES, { user: DEMO_USER_IDS.riverBend }, { token: DEMO_TOKEN });
    const anonymous = await upstreamCalls(() => stack.query(MACHINES, { user: DEMO_USER_IDS.riverBend }, { token: null }));
    expect(anonymous.calls).toEqual([]);
    expect(anonymous.result.data).toEqual(explicit.data);

    const other = await upstreamCalls(() => stack.query(MACHINES, { user: DEMO_USER_IDS.riverBend }, { token: OTHER_TOKEN }));
    expect(other.calls.length).toBeGreaterThan(0);
    expect(other.result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('what is never cached', () => {
  it('does not keep an answer with errors: the next request goes upstream and succeeds', async () => {
    const query = graphql(/* GraphQL */ `query CachedImplements($user: LeafId!) { leafUser(id: $user) { implements(first: 3) { nodes { id name } } } }`);
    const remove = stack.emulator.addFault({ method: 'GET', path: `/services/beta/api/users/${USER}/implements`, times: 10, status: 503 });
    let failed;
    try {
      failed = await stack.query(query, { user: USER });
    } finally {
      remove();
    }
    expect(failed.errors?.[0]?.extensions?.code).toBe('UPSTREAM_ERROR');

    const retried = await upstreamCalls(() => stack.query(query, { user: USER }));
    expect(retried.calls.length).toBeGreaterThan(0);
    expect(retried.result.errors).toBeUndefined();
  });

  it('sends every mutation upstream, even an identical one', async () => {
    const machine = await createMachine('Twice-renamed sprayer');
    const first = await upstreamCalls(() => stack.query(UPDATE, { id: machine.id, name: 'Same name' }));
    const second = await upstreamCalls(() => stack.query(UPDATE, { id: machine.id, name: 'Same name' }));
    expect(first.result.data!.updateMachine.__typename).toBe('UpdateMachineSuccess');
    expect(second.result.data!.updateMachine.__typename).toBe('UpdateMachineSuccess');
    expect(first.calls.filter((call) => call.method === 'PATCH')).toHaveLength(1);
    expect(second.calls.filter((call) => call.method === 'PATCH')).toHaveLength(1);
  });
});

describe('invalidation by writes', () => {
  it('createMachine drops cached lists of that Leaf user, for every token that sees it', async () => {
    const before = await stack.query(MACHINES, { user: USER }, { token: DEMO_TOKEN });
    const teammateBefore = await stack.query(MACHINES, { user: USER }, { token: TEAMMATE_TOKEN });
    expect((await upstreamCalls(() => stack.query(MACHINES, { user: USER }, { token: TEAMMATE_TOKEN }))).calls).toEqual([]);

    const created = await createMachine('Cache-test tractor');

    for (const token of [DEMO_TOKEN, TEAMMATE_TOKEN]) {
      const after = await upstreamCalls(() => stack.query(MACHINES, { user: USER }, { token }));
      expect(after.calls.length).toBeGreaterThan(0);
      const machines = after.result.data!.leafUser!.machines!;
      expect(machines.totalCount).toBe(before.data!.leafUser!.machines!.totalCount + 1);
      expect(machines.nodes.map((machine) => machine?.leafId)).toContain(created.leafId);
    }
    expect(teammateBefore.data).toEqual(before.data);
  });

  it('updateMachine drops cached lists and node lookups: no later read shows the old name', async () => {
    const machine = await createMachine('Old name');
    await stack.query(MACHINES, { user: USER });
    await stack.query(MACHINE_NODE, { id: machine.id });
    // Both are cached now.
    expect((await upstreamCalls(() => stack.query(MACHINE_NODE, { id: machine.id }))).calls).toEqual([]);
    expect((await upstreamCalls(() => stack.query(MACHINES, { user: USER }))).calls).toEqual([]);

    const updated = await stack.query(UPDATE, { id: machine.id, name: 'New name' });
    expect(updated.data!.updateMachine.__typename).toBe('UpdateMachineSuccess');

    const node = await upstreamCalls(() => stack.query(MACHINE_NODE, { id: machine.id }));
    expect(node.calls.length).toBeGreaterThan(0);
    expect(node.result.data!.node).toMatchObject({ name: 'New name' });
    const list = await stack.query(MACHINES, { user: USER });
    expect(list.data!.leafUser!.machines!.nodes.find((m) => m?.leafId === machine.leafId)?.name).toBe('New name');
  });

  it('deleteMachine drops cached lookups of the machine and lists of its user', async () => {
    const machine = await createMachine('Soon gone');
    expect((await stack.query(MACHINE_NODE, { id: machine.id })).data!.node).toMatchObject({ name: 'Soon gone' });
    await stack.query(MACHINES, { user: USER });

    const deleted = await stack.query(DELETE, { id: machine.id });
    expect(deleted.data!.deleteMachine.__typename).toBe('DeleteMachineSuccess');

    expect((await stack.query(MACHINE_NODE, { id: machine.id })).data!.node).toBeNull();
    const list = await stack.query(MACHINES, { user: USER });
    expect(list.data!.leafUser!.machines!.nodes.map((m) => m?.leafId)).not.toContain(machine.leafId);
  });

  it('does not store a read that was in flight while a write went through', async () => {
    const machine = await createMachine('Before the race');
    // The machines list answers at once; the implements list of the same query is held back,
    // so the whole answer is assembled after the write with the machine's old name in it.
    const remove = stack.emulator.addFault({
      method: 'GET',
      path: `/services/beta/api/users/${USER}/implements`,
      times: 1,
      delayMs: 400,
    });
    try {
      stack.resetCalls();
      const racing = stack.query(
        MACHINES_AND_IMPLEMENTS,
        { user: USER },
      );
      await until(() => stack.calls().some((call) => call.path.endsWith('/machines') && call.status === 200), { timeoutMs: 2_000 });
      const updated = await stack.query(UPDATE, { id: machine.id, name: 'After the race' });
      expect(updated.data!.updateMachine.__typename).toBe('UpdateMachineSuccess');
      const raced = await racing;
      // The racing read shows what Leaf said before the write...
      expect(raced.data!.leafUser!.machines!.nodes.find((m) => m?.id === machine.id)?.name).toBe('Before the race');
    } finally {
      remove();
    }
    // ...and was not kept: the next identical read goes upstream and sees the write.
    const next = await upstreamCalls(() =>
      stack.query(MACHINES_AND_IMPLEMENTS, { user: USER }),
    );
    expect(next.calls.length).toBeGreaterThan(0);
    expect(next.result.data!.leafUser!.machines!.nodes.find((m) => m?.id === machine.id)?.name).toBe('After the race');
  });
});

describe('persisted documents', () => {
  it('caches each trusted document under its own key: same variables, different documents never share', async () => {
    const store = JSON.parse(readFileSync(new URL('../operations/__generated__/persisted-documents.json', import.meta.url), 'utf8')) as Record<
      string,
      string
    >;
    const idOf = (name: string) => Object.entries(store).find(([, text]) => text.startsWith(`query ${name}(`))![0];
    const send = async (name: string) => {
      stack.resetCalls();
      const { body } = await stack.post<{ data?: { leafUser: { machines: Record<string, unknown> } }; errors?: unknown }>({
        documentId: idOf(name),
        variables: { leafUserId: DEMO_USER_IDS.riverBend },
      });
      return { body, calls: [...stack.calls()] };
    };
    const list = await send('MachinesWithFiles');
    expect(list.body.errors).toBeUndefined();
    expect(list.body.data!.leafUser!.machines!.totalCount).toBeGreaterThan(0);

    const nested = await send('MachineFilesWithSummary');
    expect(nested.body.errors).toBeUndefined();
    expect(nested.calls.length).toBeGreaterThan(0);
    expect(nested.body.data!.leafUser!.machines).not.toHaveProperty('totalCount');

    const again = await send('MachinesWithFiles');
    expect(again.calls).toEqual([]);
    expect(again.body).toEqual(list.body);
  });
});

describe('conditional requests', () => {
  it('answers 304 to If-None-Match while the answer is cached, and the new answer after a write', async () => {
    const machine = await createMachine('Conditional');
    const send = (headers: Record<string, string> = {}) =>
      stack.post<{ data: CachedMachineNodeQuery }>({ query: print(MACHINE_NODE), variables: { id: machine.id } }, { headers });
    const first = await send();
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^"[0-9a-f]{64}"$/);

    stack.resetCalls();
    const unchanged = await send({ 'if-none-match': etag! });
    expect(unchanged.status).toBe(304);
    expect(unchanged.text).toBe('');
    expect(stack.calls()).toEqual([]);

    await stack.query(UPDATE, { id: machine.id, name: 'Conditional, renamed' });
    const changed = await send({ 'if-none-match': etag! });
    expect(changed.status).toBe(200);
    expect(changed.body.data.node).toMatchObject({ name: 'Conditional, renamed' });
  });
});

describe('switched off', () => {
  it('RESPONSE_CACHE=false sends every repeated query upstream', async () => {
    await withStack({ env: { RESPONSE_CACHE: 'false' } }, async (plain) => {
      await plain.query(MACHINES, { user: USER });
      plain.resetCalls();
      await plain.query(MACHINES, { user: USER });
      expect(plain.calls().length).toBeGreaterThan(0);
    });
  });
});

