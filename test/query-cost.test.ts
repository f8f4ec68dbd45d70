// The query cost (pure): what a document would cost Leaf, counted from the schema before it runs;
// test/hostile.test.ts sees the refusal it leads to over HTTP. The documents here are parsed,
// never sent, so they stay plain strings.
import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { DEMO_USER_IDS } from '../src/emulator/index.js';
import { schema } from '../src/schema/index.js';
import { queryCost } from '../src/server/security/cost.js';

const USER = DEMO_USER_IDS.prairieFarms;

describe('queryCost', () => {
  const cost = (source: string, variables: Record<string, unknown> = {}) => queryCost(schema, parse(source), undefined, variables);

  it('counts each object once per item of the lists above it', () => {
    expect(cost('{ __typename }')).toBe(0);
    expect(cost(`{ leafUser(id: "${USER}") { leafUserId } }`)).toBe(1);
    // leafUser 1 × (1 + machines 10 × (1 + nodes 1 × (1 + 0)))
    expect(cost(`{ leafUser(id: "${USER}") { machines(first: 10) { nodes { name } } } }`)).toBe(21);
    expect(cost(`{ leafUser(id: "${USER}") { machines(last: 7) { edges { node { name } } } } }`)).toBe(1 + 7 * 3);
  });

  it('reads sizes from variables and their defaults, and takes 100 when none is given', () => {
    const query = `query SizedMachines($n: Int = 4) { leafUser(id: "${USER}") { machines(first: $n) { nodes { name } } } }`;
    expect(cost(query)).toBe(1 + 4 * 2);
    expect(cost(query, { n: 50 })).toBe(1 + 50 * 2);
    expect(cost(`{ leafUser(id: "${USER}") { machines { nodes { name } } } }`)).toBe(1 + 100 * 2);
    // Over 100 the connection refuses the window itself (BAD_USER_INPUT), so it counts as 100.
    expect(cost(query, { n: 5_000 })).toBe(1 + 100 * 2);
    // Both given: the window is the smaller.
    expect(cost(`{ leafUser(id: "${USER}") { machines(first: 30, last: 5) { nodes { name } } } }`)).toBe(1 + 5 * 2);
  });

  it('follows fragments and inline fragments, and prices a spread fragment each time', () => {
    const withFragments = `
      query { leafUser(id: "${USER}") { a: machines(first: 2) { ...M } b: machines(first: 3) { ...M } } }
      fragment M on MachineConnection { nodes { ... on Machine { files(first: 4) { nodes { leafFileId } } } } }
    `;
    // a: 2 × (1 + nodes (1 + files 4 × (1 + nodes 1))) = 2 × 10; b: 3 × 10.
    expect(cost(withFragments)).toBe(1 + 20 + 30);
    expect(cost('query NodesByIds($ids: [ID!]!) { nodes(ids: $ids) { id ... on Machine { name } } }', { ids: ['a', 'b', 'c'] })).toBe(3);
  });

  it('leaves variables that do not fit to execution', () => {
    expect(cost(`query UnsizedMachines($n: Int) { leafUser(id: "${USER}") { machines(first: $n) { totalCount } } }`, { n: 'x' })).toBeNull();
  });
});
