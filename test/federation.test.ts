// The gateway as a federation subgraph, asked the way a federation gateway asks it: `_service`
// for its SDL, `_entities` with representations by each key. The references go through the same
// loaders as `nodes(ids:)`, so they cost the same upstream calls; a bad or refused one fails
// alone. (test/federation-gateway.test.ts puts a real Hive Gateway in front.) The documents are
// plain strings: `_entities` is not in the client schema that codegen checks documents against.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USER_IDS, OTHER_TOKEN } from '../src/emulator/index.js';
import { SUBGRAPH_FILE } from '../src/schema/print.js';
import { useStack, withStack, type Stack } from './support/stack.js';

const USER = DEMO_USER_IDS.prairieFarms;
const OTHER_USER = DEMO_USER_IDS.otherFarm;

const ENTITIES = `
  query Entities($representations: [_Any!]!) {
    _entities(representations: $representations) {
      __typename
      ... on Machine { id leafId name leafUser { leafUserId } }
      ... on LeafFile { id leafId }
      ... on LeafUser { id leafUserId }
      ... on FieldOperation { id leafId type }
    }
  }
`;

interface Entity {
  __typename: string;
  id: string;
  leafId?: string;
  name?: string | null;
  leafUserId?: string;
}

interface MachinesAnswer {
  leafUser: { machines: { nodes: { id: string; leafId: string; name: string | null; files: { nodes: { file: { id: string; leafId: string } | null }[] } }[] } };
}

const stack = useStack();
let machines: MachinesAnswer['leafUser']['machines']['nodes'];
let otherMachineId: string;

/** Upstream reads of single machines (`/users/{u}/machines/{id}`) since the last reset. */
const machineCalls = (s: Stack) => s.calls().filter((call) => /\/users\/[^/]+\/machines\/[^/]+$/.test(call.path));

const entities = (representations: unknown[], token?: string) =>
  stack.query<{ _entities: (Entity | null)[] }>(ENTITIES, { representations }, token ? { token } : {});

beforeAll(async () => {
  const mine = await stack.query<MachinesAnswer>(
    `query Mine($user: LeafId!) { leafUser(id: $user) { machines(first: 5) { nodes { id leafId name files(first: 1) { nodes { file { id leafId } } } } } } }`,
    { user: USER },
  );
  machines = mine.data!.leafUser.machines.nodes;
  const theirs = await stack.query<MachinesAnswer>(`query Theirs($user: LeafId!) { leafUser(id: $user) { machines(first: 1) { nodes { leafId } } } }`, { user: OTHER_USER }, { token: OTHER_TOKEN });
  otherMachineId = theirs.data!.leafUser.machines.nodes[0]!.leafId;
});

describe('_service', () => {
  it('answers the SDL committed in schema/subgraph.graphql', async () => {
    const result = await stack.query<{ _service: { sdl: string } }>('{ _service { sdl } }');
    expect(result.errors).toBeUndefined();
    expect(result.data!._service.sdl).toBe(readFileSync(SUBGRAPH_FILE, 'utf8'));
    expect(result.data!._service.sdl).toContain('type Machine implements Node @key(fields: "id") @key(fields: "leafId leafUser { leafUserId }")');
  });
});

describe('_entities', () => {
  it('resolves each key of each entity, in order', async () => {
    const [first, second] = machines;
    const file = first!.files.nodes[0]!.file!;
    const result = await entities([
      { __typename: 'Machine', leafId: first!.leafId, leafUser: { leafUserId: USER } },
      { __typename: 'Machine', id: second!.id },
      { __typename: 'LeafFile', leafId: file.leafId },
      { __typename: 'LeafFile', id: file.id },
      { __typename: 'LeafUser', leafUserId: USER },
    ]);
    expect(result.errors).toBeUndefined();
    expect(result.data!._entities).toEqual([
      { __typename: 'Machine', id: first!.id, leafId: first!.leafId, name: first!.name, leafUser: { leafUserId: USER } },
      { __typename: 'Machine', id: second!.id, leafId: second!.leafId, name: second!.name, leafUser: { leafUserId: USER } },
      { __typename: 'LeafFile', id: file.id, leafId: file.leafId },
      { __typename: 'LeafFile', id: file.id, leafId: file.leafId },
      { __typename: 'LeafUser', id: expect.any(String), leafUserId: USER },
    ]);
  });

  it('costs no more upstream calls than the same references through nodes(ids:)', async () => {
    // Five machines, each referenced twice (once by each key): one call per distinct machine.
    const representations = machines.flatMap((machine) => [
      { __typename: 'Machine', leafId: machine.leafId, leafUser: { leafUserId: USER } },
      { __typename: 'Machine', id: machine.id },
    ]);
    stack.resetCalls();
    const viaEntities = await entities(representations);
    expect(viaEntities.errors).toBeUndefined();
    expect(viaEntities.data!._entities.map((entity) => entity!.leafId)).toEqual(machines.flatMap((machine) => [machine.leafId, machine.leafId]));
    const entityCalls = machineCalls(stack).map((call) => call.path).sort();

    stack.resetCalls();
    const viaNodes = await stack.query('query Nodes($ids: [ID!]!) { nodes(ids: $ids) { id ... on Machine { name } } }', {
      ids: machines.flatMap((machine) => [machine.id, machine.id]),
    });
    expect(viaNodes.errors).toBeUndefined();
    const nodeCalls = machineCalls(stack).map((call) => call.path).sort();

    expect(entityCalls).toHaveLength(machines.length);
    expect(entityCalls).toEqual(nodeCalls);
    expect(stack.calls()).toHaveLength(machines.length);
  });

  it('refuses another user\'s record with FORBIDDEN on that entity only', async () => {
    const result = await entities([
      { __typename: 'Machine', leafId: machines[0]!.leafId, leafUser: { leafUserId: USER } },
      { __typename: 'Machine', leafId: otherMachineId, leafUser: { leafUserId: OTHER_USER } },
      { __typename: 'LeafUser', leafUserId: USER },
    ]);
    expect(result.data!._entities[0]).toMatchObject({ leafId: machines[0]!.leafId });
    expect(result.data!._entities[1]).toBeNull();
    expect(result.data!._entities[2]).toMatchObject({ leafUserId: USER });
    expect(result.errors).toEqual([expect.objectContaining({ path: ['_entities', 1], extensions: expect.objectContaining({ code: 'FORBIDDEN' }) })]);
  });

  it('serves the other user\'s record to that user\'s own token', async () => {
    const result = await entities([{ __typename: 'Machine', leafId: otherMachineId, leafUser: { leafUserId: OTHER_USER } }], OTHER_TOKEN);
    expect(result.errors).toBeUndefined();
    expect(result.data!._entities[0]).toMatchObject({ __typename: 'Machine', leafId: otherMachineId });
  });

  it('answers null for a record Leaf does not have', async () => {
    const result = await entities([{ __typename: 'FieldOperation', leafId: '00000000-0000-4000-8000-000000000000' }]);
    expect(result.errors).toBeUndefined();
    expect(result.data!._entities).toEqual([null]);
  });

  it('refuses a representation it cannot read with BAD_USER_INPUT on that entity only, without calling Leaf for it', async () => {
    const bad = [
      'not an object',
      { leafId: machines[0]!.leafId },
      { __typename: 'Tractor', id: machines[0]!.id },
      { __typename: 'MachineConnection', id: machines[0]!.id },
      { __typename: 'Machine', leafId: machines[0]!.leafId },
      { __typename: 'Machine', leafId: 'a/b', leafUser: { leafUserId: USER } },
      { __typename: 'LeafFile', id: machines[0]!.id },
      { __typename: 'Machine', id: 'not-a-global-id' },
      { __typename: 'LeafUser', leafUserId: 42 },
    ];
    stack.resetCalls();
    const result = await entities([...bad, { __typename: 'Machine', id: machines[1]!.id }]);
    expect(result.data!._entities).toEqual([...bad.map(() => null), expect.objectContaining({ leafId: machines[1]!.leafId })]);
    expect(result.errors).toHaveLength(bad.length);
    for (const [index, error] of (result.errors ?? []).entries()) {
      expect(error.path).toEqual(['_entities', index]);
      expect(error.extensions?.code).toBe('BAD_USER_INPUT');
      expect(error.message).not.toMatch(/at \w+ \(|node_modules/);
    }
    expect(result.errors!.map((error) => error.message)).toEqual([
      'A representation is an object: the `__typename` of an entity and the fields of one of its keys.',
      '"undefined" is not an entity of this subgraph: see the @key types of its `_service { sdl }`.',
      '"Tractor" is not an entity of this subgraph: see the @key types of its `_service { sdl }`.',
      '"MachineConnection" is not an entity of this subgraph: see the @key types of its `_service { sdl }`.',
      'A Machine representation\'s `leafUser.leafUserId` is a Leaf id (a string).',
      'The `leafId` of that Machine representation is not a Leaf id: it holds `/`, `?`, `#`, `%`, whitespace or a control character.',
      'That `id` is a Machine ID, not a LeafFile one.',
      expect.stringContaining('is not a global ID of this API'),
      'A LeafUser representation\'s `leafUserId` is a Leaf id (a string).',
    ]);
    expect(machineCalls(stack)).toHaveLength(1);
  });

  it('counts its representations against the query cost, as nodes(ids:) counts its IDs', async () => {
    const representations = Array.from({ length: 6_000 }, () => ({ __typename: 'LeafUser', leafUserId: USER }));
    stack.resetCalls();
    const result = await stack.query('query Many($r: [_Any!]!) { _entities(representations: $r) { __typename ... on LeafUser { leafUserId } } }', { r: representations });
    expect(result.errors?.map((error) => error.extensions?.code)).toEqual(['QUERY_TOO_COMPLEX']);
    expect(stack.calls()).toEqual([]);
  });
});

describe('_entities with the response cache on', () => {
  it('answers the same references again from the cache, for the same token only', async () => {
    await withStack({ env: { RESPONSE_CACHE: 'true' } }, async (cached) => {
      const mine = await cached.query<MachinesAnswer>('query Two($user: LeafId!) { leafUser(id: $user) { machines(first: 2) { nodes { id leafId name } } } }', { user: USER });
      const representations = mine.data!.leafUser.machines.nodes.map((machine) => ({ __typename: 'Machine', id: machine.id }));
      cached.resetCalls();
      const first = await cached.query(ENTITIES, { representations });
      expect(first.errors).toBeUndefined();
      expect(machineCalls(cached)).toHaveLength(2);
      cached.resetCalls();
      const again = await cached.query(ENTITIES, { representations });
      expect(again.data).toEqual(first.data);
      expect(cached.calls()).toEqual([]);
      const other = await cached.query(ENTITIES, { representations }, { token: OTHER_TOKEN });
      expect(other.errors?.map((error) => error.extensions?.code)).toEqual(['FORBIDDEN', 'FORBIDDEN']);
    });
  });
});

describe('_entities across concurrent requests', () => {
  it("shares one Leaf call per machine among a router's concurrent requests with one token, and none with another", async () => {
    await withStack({}, async (slow) => {
      const mine = await slow.query<MachinesAnswer>('query Three($user: LeafId!) { leafUser(id: $user) { machines(first: 3) { nodes { id leafId name } } } }', { user: USER });
      const representations = mine.data!.leafUser.machines.nodes.map((machine) => ({ __typename: 'Machine', leafId: machine.leafId, leafUser: { leafUserId: USER } }));
      // Slow enough that all the requests below are in flight before the first answer returns.
      slow.emulator.setLatency(1_000);
      slow.resetCalls();
      const answers = await Promise.all([
        ...Array.from({ length: 10 }, () => slow.query(ENTITIES, { representations })),
        slow.query(ENTITIES, { representations }, { token: OTHER_TOKEN }),
      ]);
      for (const answer of answers.slice(0, 10)) expect(answer).toEqual(answers[0]);
      expect(answers[0]!.errors).toBeUndefined();
      expect(answers[10]!.errors?.map((error) => error.extensions?.code)).toEqual(['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN']);
      const tokens = machineCalls(slow).map((call) => call.token);
      expect(tokens.filter((token) => token === slow.emulator.demoToken)).toHaveLength(3);
      expect(tokens.filter((token) => token === OTHER_TOKEN)).toHaveLength(3);
    });
  });
});
