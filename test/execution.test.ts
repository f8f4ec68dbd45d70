// Compiled execution (GRAPHQL_JIT, src/execution.ts) answers exactly what graphql-js answers:
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

async function both(query: string | DocumentNode, variables: Record<string, unknown> = {}, token?: string) {
  const [a, b] = await Promise.all([compiled.query(query, variables, { token }), interpreted.query(query, variables, { token })]);
  return { compiled: a, interpreted: b };
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
    expect(answers.compiled.data).toEqual(answers.interpreted.data);
    expect(JSON.stringify(answers.compiled)).not.toContain('upstream-internals');
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
