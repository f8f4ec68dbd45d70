// The Assets graph as a frontend uses it: nested machines → files → machine in one round
// trip, Relay paging, filters and sorts, node lookups, errors, and token isolation, each
// with the upstream calls it cost (counted in the emulator's call log).
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USER_IDS, OTHER_TOKEN } from '../src/emulator/index.js';
import { graphql } from './__generated__/index.js';
import { httpJson } from './support/http.js';
import { useStack } from './support/stack.js';

const USER = DEMO_USER_IDS.prairieFarms;
const OTHER_USER = DEMO_USER_IDS.otherFarm;

const NestedMachines = graphql(`
  query NestedMachines($user: LeafId!, $machines: Int!, $files: Int!) {
    leafUser(id: $user) {
      machines(first: $machines) {
        nodes {
          id
          leafId
          name
          files(first: $files) {
            nodes {
              id
              leafFileId
              machine { id leafId name }
            }
          }
        }
      }
    }
  }
`);

const MachinePage = graphql(`
  query MachinePage($user: LeafId!, $first: Int, $after: String, $last: Int, $before: String, $orderBy: [MachineOrder!]) {
    leafUser(id: $user) {
      machines(first: $first, after: $after, last: $last, before: $before, orderBy: $orderBy) {
        edges { cursor node { leafId } }
        pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      }
    }
  }
`);

const MachineCount = graphql(`
  query MachineCount($user: LeafId!, $filter: MachineFilter) {
    leafUser(id: $user) { machines(filter: $filter) { totalCount } }
  }
`);

const FilteredMachines = graphql(`
  query FilteredMachines($user: LeafId!, $filter: MachineFilter, $orderBy: [MachineOrder!]) {
    leafUser(id: $user) {
      machines(first: 100, filter: $filter, orderBy: $orderBy) {
        nodes { leafId name provider originType createdTime updatedTime modelYear }
      }
    }
  }
`);

const NodeLookup = graphql(`
  query NodeLookup($ids: [ID!]!) {
    nodes(ids: $ids) { id ... on Machine { leafId name } }
  }
`);

const MachineById = graphql(`
  query MachineById($user: LeafId!, $id: LeafId!) {
    leafUser(id: $user) { machine(id: $id) { leafId name } }
  }
`);

/** A LeafId written as a literal, as Leaf could have sent it. */
const LeafUserByLiteral = graphql(`
  query LeafUserByLiteral {
    leafUser(id: "uuid-1") { leafUserId }
  }
`);

const stack = useStack();

/** The list exactly as a client walking Leaf's pages one by one would see it. */
async function walkUpstream(path: string, token: string, sort: string[] = []): Promise<string[]> {
  const ids: string[] = [];
  for (let page = 0; ; page += 1) {
    const params = new URLSearchParams({ page: String(page), size: '20' });
    for (const key of sort) params.append('sort', key);
    const { body: items } = await httpJson<{ id: string }[]>(`${stack.emulator.url}${path}?${params}`, { token });
    ids.push(...items.map((item) => item.id));
    if (items.length < 20) return ids;
  }
}

describe('nested machines → files → machine', () => {
  it('costs one call for the list and one per machine for its files, and no more', async () => {
    stack.resetCalls();
    const result = await stack.query(NestedMachines, { user: USER, machines: 30, files: 5 });
    expect(result.errors).toBeUndefined();
    const machines = result.data!.leafUser.machines!.nodes.map((machine) => machine!);
    expect(machines).toHaveLength(30);
    const withFiles = machines.filter((machine) => machine.files!.nodes.length > 0);
    expect(withFiles.length).toBeGreaterThan(10);
    for (const machine of machines) {
      for (const file of machine.files!.nodes) {
        // MachineFile.machine is served from the list's primed loader.
        expect(file!.machine).toEqual({ id: machine.id, leafId: machine.leafId, name: machine.name });
      }
    }
    const calls = stack.calls();
    expect(calls.filter((call) => call.path.endsWith('/machines'))).toHaveLength(1);
    expect(calls.filter((call) => call.path.endsWith('/files'))).toHaveLength(30);
    expect(calls).toHaveLength(31);
    // Only what was selected: 30 machines, 5 files each; nothing extra for hasNextPage.
    expect(calls[0]!.query).toMatchObject({ page: ['0'], size: ['30'] });
    expect(calls.slice(1).every((call) => call.query.size?.[0] === '5' && call.query.page?.[0] === '0')).toBe(true);
  });

  it('forwards the caller token on every upstream call', async () => {
    stack.resetCalls();
    await stack.query(NestedMachines, { user: USER, machines: 3, files: 1 });
    expect(stack.calls().length).toBe(4);
    expect(stack.calls().every((call) => call.token === stack.emulator.demoToken)).toBe(true);
  });
});

describe('Relay paging is exact', () => {
  let all: string[];
  const sort = ['name,desc'];
  const orderBy = [{ field: 'NAME' as const, direction: 'DESC' as const }];

  beforeAll(async () => {
    all = await walkUpstream(`/services/beta/api/users/${USER}/machines`, stack.emulator.demoToken, sort);
    expect(all.length).toBeGreaterThan(40);
  });

  async function page(vars: { first?: number; after?: string; last?: number; before?: string }) {
    const result = await stack.query(MachinePage, { user: USER, orderBy, ...vars });
    expect(result.errors).toBeUndefined();
    return result.data!.leafUser.machines!;
  }

  it('walks forward with first/after through the whole list in the upstream order', async () => {
    for (const size of [1, 7, 20, 44, 100]) {
      const seen: string[] = [];
      let after: string | undefined;
      for (;;) {
        const connection = await page({ first: size, ...(after ? { after } : {}) });
        seen.push(...connection.edges.map((edge) => edge!.node.leafId));
        expect(connection.pageInfo.hasPreviousPage).toBe(after !== undefined);
        if (!connection.pageInfo.hasNextPage) break;
        after = connection.pageInfo.endCursor!;
      }
      expect(seen).toEqual(all);
    }
  });

  it('walks backward with last/before, and last alone finds the end of the list', async () => {
    for (const size of [1, 6, 20, 45]) {
      const seen: string[] = [];
      let before: string | undefined;
      for (;;) {
        const connection = await page({ last: size, ...(before ? { before } : {}) });
        seen.unshift(...connection.edges.map((edge) => edge!.node.leafId));
        expect(connection.pageInfo.hasNextPage).toBe(before !== undefined);
        if (!connection.pageInfo.hasPreviousPage) break;
        before = connection.pageInfo.startCursor!;
      }
      expect(seen).toEqual(all);
    }
  });

  it('answers every window of first/after equal to the plain slice', async () => {
    const first = await page({ first: all.length });
    const cursors = first.edges.map((edge) => edge!.cursor);
    for (const [offset, size] of [[0, 3], [4, 17], [18, 3], [19, 2], [20, 25], [38, 10], [all.length - 1, 5]] as const) {
      const connection = await page({ first: size, after: cursors[offset]! });
      expect(connection.edges.map((edge) => edge!.node.leafId)).toEqual(all.slice(offset + 1, offset + 1 + size));
      expect(connection.pageInfo.hasNextPage).toBe(offset + 1 + size < all.length);
    }
  });

  it('fetches one page for a window inside one, and never more than two', async () => {
    const cursors = (await page({ first: all.length })).edges.map((edge) => edge!.cursor);
    for (const [offset, size] of [[4, 5], [18, 3], [9, 30], [30, 14]] as const) {
      stack.resetCalls();
      await page({ first: size, after: cursors[offset]! });
      expect(stack.calls().length).toBeLessThanOrEqual(2);
      if (offset === 4) expect(stack.calls()).toHaveLength(1);
    }
  });

  it('counts the whole list only when totalCount is selected', async () => {
    stack.resetCalls();
    const result = await stack.query(MachineCount, { user: USER });
    expect(result.data!.leafUser.machines!.totalCount).toBe(all.length);
    expect(stack.calls().length).toBe(1);
    stack.resetCalls();
    await stack.query(NestedMachines, { user: USER, machines: 5, files: 0 });
    expect(stack.calls().map((call) => call.query.size)).toEqual([['5']]);
  });

  it('fetches one extra item only when hasNextPage is selected', async () => {
    stack.resetCalls();
    await page({ first: 5 });
    expect(stack.calls().map((call) => call.query.size)).toEqual([['6']]);
  });
});

describe('filters and sorts reach Leaf as its documented parameters', () => {
  it('sends every machine filter and repeated sort keys', async () => {
    stack.resetCalls();
    const result = await stack.query(FilteredMachines, {
      user: USER,
      filter: {
        name: 'Combine 1',
        provider: 'JOHN_DEERE',
        providerOrganizationId: 'org-1',
        providerMachineId: 'pm-1',
        serialNumber: 'SN1',
        vin: 'VIN1',
        originType: 'PROVIDER_POOLED',
        createdTime: { equals: '2022-01-01T00:00:00.000Z', before: '2023-01-01T00:00:00Z', after: '2021-01-01T00:00:00Z' },
        updatedTime: { equals: '2022-02-01T00:00:00Z', before: '2023-02-01T00:00:00Z', after: '2021-02-01T00:00:00Z' },
      },
      orderBy: [
        { field: 'MAKE', direction: 'ASC' },
        { field: 'MODEL_YEAR', direction: 'DESC' },
      ],
    });
    expect(result.errors).toBeUndefined();
    expect(stack.calls()[0]!.query).toEqual({
      name: ['Combine 1'],
      provider: ['JohnDeere'],
      providerOrganizationId: ['org-1'],
      providerMachineId: ['pm-1'],
      serialNumber: ['SN1'],
      vin: ['VIN1'],
      originType: ['PROVIDER_POOLED'],
      createdTime: ['2022-01-01T00:00:00.000Z'],
      beforeCreatedTime: ['2023-01-01T00:00:00.000Z'],
      afterCreatedTime: ['2021-01-01T00:00:00.000Z'],
      updatedAt: ['2022-02-01T00:00:00.000Z'],
      beforeUpdatedAt: ['2023-02-01T00:00:00.000Z'],
      afterUpdatedAt: ['2021-02-01T00:00:00.000Z'],
      sort: ['make,asc', 'modelYear,desc'],
      page: ['0'],
      size: ['100'],
    });
  });

  it('returns what the upstream filter and order select', async () => {
    const result = await stack.query(FilteredMachines, {
      user: USER,
      filter: { originType: 'USER_CREATED', createdTime: { after: '2019-01-01T00:00:00Z' } },
      orderBy: [{ field: 'MODEL_YEAR', direction: 'DESC' }],
    });
    const machines = result.data!.leafUser.machines!.nodes.map((machine) => machine!);
    expect(machines.length).toBeGreaterThan(0);
    expect(machines.every((machine) => machine.originType === 'USER_CREATED')).toBe(true);
    const years = machines.map((machine) => machine.modelYear).filter((year): year is number => year !== null);
    expect(years).toEqual([...years].sort((a, b) => b - a));
  });

  it('refuses a cursor made for another filter or order', async () => {
    const first = await stack.query(MachinePage, { user: USER, first: 2 });
    const cursor = first.data!.leafUser.machines!.pageInfo.endCursor!;
    const result = await stack.query(MachinePage, {
      user: USER,
      first: 2,
      after: cursor,
      orderBy: [{ field: 'NAME', direction: 'ASC' }],
    });
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.message).toMatch(/different/i);
  });

  it('names a field given twice in orderBy', async () => {
    const result = await stack.query(MachinePage, {
      user: USER,
      first: 1,
      orderBy: [{ field: 'NAME' }, { field: 'NAME', direction: 'DESC' }],
    });
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.message).toContain('NAME');
  });
});

describe('bad arguments', () => {
  it('rejects first: 500 with a message that says what to change, calling nothing', async () => {
    stack.resetCalls();
    const result = await stack.query(MachinePage, { user: USER, first: 500 });
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.message).toMatch(/first.*100/);
    expect(stack.calls()).toHaveLength(0);
  });

  it('rejects a malformed cursor and a value that could not be a Leaf id', async () => {
    const cursor = await stack.query(MachinePage, { user: USER, first: 1, after: 'not-a-cursor' });
    expect(cursor.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    stack.resetCalls();
    for (const user of ['', 'a/b', 'a b', 'x'.repeat(129), '50%', 'a?b', 'a#b']) {
      const refused = await stack.query(MachinePage, { user, first: 1 });
      expect(refused.errors?.[0]?.message).toMatch(/not a Leaf id/);
      expect(refused.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    }
    expect(stack.calls()).toEqual([]);
    // A literal, not a variable, and an invalid one: it stays text, refused while validating.
    const literal = await stack.query('{ leafUser(id: "not/an/id") { leafUserId } }');
    expect(literal.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    // Anything Leaf could have sent is accepted as it is (contract section 4).
    const opaque = await stack.query(LeafUserByLiteral);
    expect(opaque.data).toEqual({ leafUser: { leafUserId: 'uuid-1' } });
  });
});

describe('node lookups', () => {
  it('costs one call per distinct ID, in order, with repeats', async () => {
    const listed = await stack.query(NestedMachines, { user: USER, machines: 3, files: 0 });
    const ids = listed.data!.leafUser.machines!.nodes.map((machine) => machine!.id);
    stack.resetCalls();
    const result = await stack.query(NodeLookup, { ids: [ids[0]!, ids[1]!, ids[0]!, ids[2]!, ids[1]!] });
    expect(result.errors).toBeUndefined();
    expect(result.data!.nodes.map((node) => node?.id)).toEqual([ids[0], ids[1], ids[0], ids[2], ids[1]]);
    expect(stack.calls()).toHaveLength(3);
  });

  it('resolves a machine Leaf does not have to null without an error', async () => {
    const result = await stack.query(MachineById, { user: USER, id: '00000000-0000-4000-8000-000000000000' });
    expect(result.errors).toBeUndefined();
    expect(result.data!.leafUser.machine).toBeNull();
  });

  it('rejects an ID that is not one of ours', async () => {
    const result = await stack.query(NodeLookup, { ids: ['bm9wZQ'] });
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('upstream errors', () => {
  it('maps 401 to UNAUTHENTICATED and 403 to FORBIDDEN', async () => {
    const unknown = await stack.query(MachinePage, { user: USER, first: 1 }, { token: 'no-such-token' });
    expect(unknown.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const none = await stack.query(MachinePage, { user: USER, first: 1 }, { token: null });
    expect(none.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const foreign = await stack.query(MachinePage, { user: OTHER_USER, first: 1 });
    expect(foreign.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(JSON.stringify(foreign)).not.toMatch(/jhipster|problem|stack/i);
  });

  it('maps 429 to RATE_LIMITED with the retry hint', async () => {
    const remove = stack.emulator.addFault({ path: '/machines', status: 429, retryAfter: 7, times: 1 });
    try {
      const result = await stack.query(MachinePage, { user: USER, first: 1 });
      expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: 7 });
    } finally {
      remove();
    }
  });

  it('retries a transient 503 on a read, and the answer is whole', async () => {
    const remove = stack.emulator.addFault({ path: '/machines', status: 503, times: 1 });
    try {
      stack.resetCalls();
      const result = await stack.query(MachinePage, { user: USER, first: 2 });
      expect(result.errors).toBeUndefined();
      expect(result.data!.leafUser.machines!.edges).toHaveLength(2);
      expect(stack.calls().map((call) => call.status)).toEqual([503, 200]);
    } finally {
      remove();
    }
  });

  it('maps lasting 5xx and unreadable answers to UPSTREAM_ERROR on that field only', async () => {
    const listed = await stack.query(NestedMachines, { user: USER, machines: 2, files: 1 });
    const [broken, healthy] = listed.data!.leafUser.machines!.nodes;
    const malformed = stack.emulator.addFault({ path: `/machines/${broken!.leafId}/files`, malformed: true });
    try {
      const result = await stack.query(NestedMachines, { user: USER, machines: 2, files: 1 });
      expect(result.errors).toHaveLength(1);
      expect(result.errors![0]!.extensions?.code).toBe('UPSTREAM_ERROR');
      expect(result.errors![0]!.path).toEqual(['leafUser', 'machines', 'nodes', 0, 'files']);
      expect(JSON.stringify(result.errors)).not.toContain('3f2a9c1e');
      // Only that machine's files are lost; the machine, its sibling and the sibling's files still arrive.
      expect(result.data?.leafUser.machines!.nodes[0]).toEqual({ ...broken, files: null });
      expect(result.data?.leafUser.machines!.nodes[1]?.leafId).toBe(healthy!.leafId);
      expect(result.data?.leafUser.machines!.nodes[1]?.files!.nodes).toHaveLength(healthy!.files!.nodes.length);
    } finally {
      malformed();
    }
    const failing = stack.emulator.addFault({ path: `/machines/${broken!.leafId}/files`, status: 500 });
    try {
      stack.resetCalls();
      const result = await stack.query(NestedMachines, { user: USER, machines: 2, files: 1 });
      expect(result.errors?.[0]?.extensions?.code).toBe('UPSTREAM_ERROR');
      expect(result.data?.leafUser.machines!.nodes[1]?.leafId).toBe(healthy!.leafId);
      // 1 list + 1 healthy files + 3 attempts (2 retries) at the failing files.
      expect(stack.calls()).toHaveLength(5);
    } finally {
      failing();
    }
  });
});

describe('token isolation', () => {
  it('never lets concurrent requests of two tokens see each other’s data', async () => {
    const ownUsers: string[] = [USER, DEMO_USER_IDS.riverBend];
    const requests = Array.from({ length: 40 }, (_, index) => {
      const other = index % 2 === 1;
      return stack
        .query(NestedMachines, { user: other ? OTHER_USER : ownUsers[index % 4 === 0 ? 0 : 1]!, machines: 5, files: 2 }, {
          token: other ? OTHER_TOKEN : stack.emulator.demoToken,
        })
        .then((result) => ({ other, result }));
    });
    for (const { other, result } of await Promise.all(requests)) {
      expect(result.errors).toBeUndefined();
      const machines = result.data!.leafUser.machines!.nodes.map((machine) => machine!);
      const owner = (leafId: string) => stack.emulator.store.machines.get(leafId)?.leafUserId;
      for (const machine of machines) {
        expect(other ? owner(machine.leafId) === OTHER_USER : ownUsers.includes(owner(machine.leafId)!)).toBe(true);
      }
    }
  });
});
