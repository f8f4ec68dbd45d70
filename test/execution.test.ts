// Compiled execution (GRAPHQL_JIT, src/server/execution.ts) answers exactly what graphql-js answers:
// the same queries through two gateways, one compiled and one not, over emulators holding the
// same data, in production mode (masked errors), compared byte for byte.
import type { DocumentNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { BENCH_TOKEN, DEMO_USER_IDS } from '../src/emulator/index.js';
import { NESTED } from '../bench/queries.js';
import { graphql } from './__generated__/index.js';
import { useStack } from './support/stack.js';

const USER = '22222222-2222-4222-8222-222222222222';
const compiled = useStack({ emulator: { scale: 'large' }, env: { NODE_ENV: 'production', GRAPHQL_JIT: 'true' } });
const interpreted = useStack({ emulator: { scale: 'large' }, env: { NODE_ENV: 'production', GRAPHQL_JIT: 'false' } });

const MachineNames = graphql(/* GraphQL */ `
  query ExecutionMachineNames($user: LeafId!) { leafUser(id: $user) { machines(first: 100) { nodes { leafId name } } } }
`);

// Each failing field selected more than one way: directly, aliased, through a fragment and an
// inline fragment, in list items, nested under lists.
const ErrorLocations = graphql(/* GraphQL */ `
  query ExecutionErrorLocations($user: LeafId!) {
    leafUser(id: $user) {
      refused: machines(first: -1) { totalCount }
      machines(first: 100) {
        nodes {
          leafId
          name
          label: name
          ...ExecutionMachineName
          ... on Machine { name }
          files(first: 2) {
            nodes {
              leafFileId
              ...ExecutionMachineFile
              detail: file { fileName }
            }
          }
        }
      }
    }
  }
  fragment ExecutionMachineName on Machine { name }
  fragment ExecutionMachineFile on MachineFile { file { id } ... on MachineFile { file { provider } } }
`);

async function both(query: string | DocumentNode, variables: Record<string, unknown> = {}, token?: string) {
  const [a, b] = await Promise.all([compiled.query(query, variables, { token }), interpreted.query(query, variables, { token })]);
  return { compiled: a, interpreted: b };
}

function byPath<E extends { path?: readonly (string | number)[] }>(errors: readonly E[]): E[] {
  return errors.toSorted((a, b) => JSON.stringify(a.path).localeCompare(JSON.stringify(b.path)));
}

describe('GRAPHQL_JIT', () => {
  it('answers the nested machines → files → file → summary page as graphql-js does', async () => {
    const answers = await both(NESTED, { user: DEMO_USER_IDS.bench }, BENCH_TOKEN);
    expect(answers.compiled.errors).toBeUndefined();
    expect(JSON.stringify(answers.compiled.data).length).toBeGreaterThan(10_000);
    expect(answers.compiled).toEqual(answers.interpreted);
  });

  it('answers bad variables with graphql-js words, BAD_USER_INPUT and HTTP 400', async () => {
    // Text, as the variables below are deliberately of the wrong type for it.
    const query = `query ExecutionOrderedCount($user: LeafId!, $order: [MachineOrder!]) { leafUser(id: $user) { machines(first: 1, orderBy: $order) { totalCount } } }`;
    for (const variables of [{ user: 'no/pe' }, { user: USER, order: [{ field: 'NAM' }] }, { user: USER, order: 'x' }]) {
      const answers = await both(query, variables);
      expect(answers.compiled.status).toBe(400);
      expect(answers.compiled.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(answers.compiled).toEqual(answers.interpreted);
    }
  });

  it('answers a value Leaf sent that its field cannot hold with UPSTREAM_ERROR at its path, as graphql-js does', async () => {
    for (const stack of [compiled, interpreted]) {
      const record = [...stack.emulator.store.machines.values()].find((machine) => machine.leafUserId === USER)!;
      stack.emulator.store.putMachine({ ...record, name: { secret: 'upstream-internals' } } as unknown as typeof record);
    }
    const answers = await both(MachineNames, { user: USER });
    expect(answers.compiled.errors?.[0]).toMatchObject({ message: 'The Leaf API sent a machine name that is not a string.', extensions: { code: 'UPSTREAM_ERROR' } });
    expect(answers.compiled.errors?.[0]?.path).toEqual(answers.interpreted.errors?.[0]?.path);
    expect(answers.compiled.errors?.[0]?.locations).toEqual(answers.interpreted.errors?.[0]?.locations);
    expect(answers.compiled.data).toEqual(answers.interpreted.data);
    expect(JSON.stringify(answers.compiled)).not.toContain('upstream-internals');
  });

  it('locates every field error as graphql-js does: nested, merged through fragments, aliased, list items, masked upstream, bad arguments', async () => {
    for (const stack of [compiled, interpreted]) {
      const record = [...stack.emulator.store.machines.values()].find((machine) => machine.leafUserId === USER)!;
      stack.emulator.store.putMachine({ ...record, name: { secret: 'upstream-internals' } } as unknown as typeof record);
    }
    const faults = [compiled, interpreted].map((stack) => stack.emulator.addFault({ path: /\/files\/[^/]+$/, status: 500 }));
    try {
      const answers = await both(ErrorLocations, { user: USER });
      const codes = new Set(answers.compiled.errors?.map((error) => error.extensions?.code));
      expect(codes).toEqual(new Set(['UPSTREAM_ERROR', 'BAD_USER_INPUT']));
      const paths = answers.compiled.errors!.map((error) => error.path!.filter((key) => typeof key === 'string').join('.'));
      for (const path of ['leafUser.refused', 'leafUser.machines.nodes.name', 'leafUser.machines.nodes.label', 'leafUser.machines.nodes.files.nodes.file', 'leafUser.machines.nodes.files.nodes.detail']) {
        expect(paths).toContain(path);
      }
      // The merged `name` (direct, fragment, inline fragment) and `file` (fragment and the inline fragment inside it): all their nodes.
      expect(answers.compiled.errors!.find((error) => error.path!.at(-1) === 'name')?.locations).toHaveLength(3);
      expect(answers.compiled.errors!.find((error) => error.path!.at(-1) === 'file')?.locations).toHaveLength(2);
      expect(answers.compiled.errors!.every((error) => error.locations?.length)).toBe(true);
      // Errors come in the order their fields failed, which concurrent upstream calls make vary.
      expect(byPath(answers.compiled.errors!)).toEqual(byPath(answers.interpreted.errors!));
      expect({ ...answers.compiled, errors: undefined }).toEqual({ ...answers.interpreted, errors: undefined });
    } finally {
      for (const remove of faults) remove();
    }
  });

  it('runs the operation a document names when it holds several', async () => {
    // Text: one document holding two operations, sent as a client sends it, with operationName.
    const document = `query ExecutionCount { leafUser(id: "${USER}") { machines(first: 1) { totalCount } } }
      query ExecutionNames { leafUser(id: "${USER}") { machines(first: 2) { nodes { name } } } }`;
    for (const operationName of ['ExecutionCount', 'ExecutionNames', 'ExecutionCount']) {
      const [a, b] = await Promise.all(
        [compiled, interpreted].map(async (stack) => (await stack.post({ query: document, operationName })).body),
      );
      expect(a).toEqual(b);
      expect(JSON.stringify(a)).toContain(operationName === 'ExecutionCount' ? 'totalCount' : 'nodes');
    }
  });
});
