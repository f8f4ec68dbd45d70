// No single request can take the gateway down: a `unit` is a short unit name (a 900 KB one
// is refused before any resolver runs, without being echoed, while /health keeps answering),
// nodes(ids:) takes at most 100 IDs, documents at most 100,000 characters, and the automatic
// persisted-query store is bounded in bytes, whatever its entry count allows.
import { createHash } from 'node:crypto';
import { print } from 'graphql';
import { describe, expect, it } from 'vitest';
import { DEMO_TOKEN, DEMO_USER_IDS } from '../src/emulator/index.js';
import { MAX_NODE_IDS, MAX_UNIT_LENGTH } from '../src/server/security/arguments.js';
import { graphql } from './__generated__/index.js';
import { useStack, withStack } from './support/stack.js';

const USER = DEMO_USER_IDS.prairieFarms;

const stack = useStack({ env: { NODE_ENV: 'production', LEAF_API_TOKEN: DEMO_TOKEN } });

// The GraphQL-over-HTTP media type: a refused request is a 4xx (application/json gets 200).
const post = (body: unknown) => stack.post(body, { token: null, headers: { accept: 'application/graphql-response+json' } });

function codeOf(text: string): unknown {
  return (JSON.parse(text) as { errors?: { extensions?: { code?: unknown } }[] }).errors?.[0]?.extensions?.code;
}

// Text: the tests below send it as their own bodies, some with a unit spliced in.
const DISTANCES = print(graphql(/* GraphQL */ `
  query BoundedDistances($user: LeafId!, $unit: String) {
    leafUser(id: $user) { machines(first: 100) { nodes { files(first: 12) { nodes { distance(unit: $unit) { value unit } } } } } }
  }
`));

describe('a unit is a short name', () => {
  it('refuses a 900 KB unit, as a variable or in the document, before any upstream call, and /health answers throughout', async () => {
    const unit = 'x'.repeat(900_000);
    stack.resetCalls();
    let answered = false;
    const big = Promise.all([
      post({ query: DISTANCES, variables: { user: USER, unit } }),
      post({ query: DISTANCES.replace('distance(unit: $unit)', `distance(unit: "${unit}")`), variables: { user: USER } }),
    ]).finally(() => {
      answered = true;
    });
    const health: number[] = [];
    do {
      health.push((await stack.request('/health', { token: null })).status);
    } while (!answered);
    const [asVariable, inDocument] = await big;
    expect(health.every((status) => status === 200)).toBe(true);

    expect(asVariable.status).toBe(400);
    expect(codeOf(asVariable.text)).toBe('BAD_USER_INPUT');
    expect(asVariable.text).toContain(`at most ${MAX_UNIT_LENGTH} characters`);
    // Said once, not echoed: the answer is a few hundred bytes.
    expect(asVariable.text.length).toBeLessThan(1_000);
    expect(inDocument.status).toBe(413);
    expect(codeOf(inDocument.text)).toBe('BAD_REQUEST');
    expect(inDocument.text.length).toBeLessThan(1_000);
    expect(stack.calls()).toEqual([]);
  });

  it('refuses a unit one character over the limit and converts a real one', async () => {
    const long = await post({ query: DISTANCES, variables: { user: USER, unit: 'm'.repeat(MAX_UNIT_LENGTH + 1) } });
    expect(codeOf(long.text)).toBe('BAD_USER_INPUT');
    const km = await post({
      query: `query($user: LeafId!) { leafUser(id: $user) { machines(first: 2) { nodes { files(first: 2) { nodes { distance(unit: "km") { unit } } } } } } }`,
      variables: { user: USER },
    });
    expect(km.status).toBe(200);
    expect(JSON.parse(km.text)).not.toHaveProperty('errors');
  });
});

describe('nodes(ids:)', () => {
  const NODES = 'query($ids: [ID!]!) { nodes(ids: $ids) { id } }';
  const machineIds = async (): Promise<string[]> => {
    const listed = await post({ query: 'query($user: LeafId!) { leafUser(id: $user) { machines(first: 100) { nodes { id } } } }', variables: { user: USER } });
    return (JSON.parse(listed.text) as { data: { leafUser: { machines: { nodes: { id: string }[] } } } }).data.leafUser.machines.nodes.map((node) => node.id);
  };

  it(`takes at most ${MAX_NODE_IDS} IDs, refusing more before any upstream call`, async () => {
    const ids = await machineIds();
    const many = Array.from({ length: MAX_NODE_IDS + 1 }, (_, index) => ids[index % ids.length]!);
    stack.resetCalls();
    const refused = await post({ query: NODES, variables: { ids: many } });
    expect(refused.status).toBe(400);
    expect(codeOf(refused.text)).toBe('BAD_USER_INPUT');
    expect(refused.text).toContain(`at most ${MAX_NODE_IDS} IDs`);
    expect(stack.calls()).toEqual([]);

    const page = many.slice(0, MAX_NODE_IDS);
    const answered = await post({ query: NODES, variables: { ids: page } });
    expect(answered.status).toBe(200);
    expect((JSON.parse(answered.text) as { data: { nodes: unknown[] } }).data.nodes).toHaveLength(MAX_NODE_IDS);
    // One call per distinct machine, however often it is repeated.
    expect(stack.calls()).toHaveLength(new Set(page).size);
  });
});

describe('stores bounded in bytes', () => {
  it('keeps at most 16 MB of automatic persisted queries, however many entries APQ_STORE_SIZE allows', async () => {
    // 100 distinct queries of ~95,000 characters (padded with a comment): ~19 MB as stored.
    const queries = Array.from({ length: 100 }, (_, index) => `query Padded${index} { __typename }\n#${'p'.repeat(95_000)}\n`);
    const hashOf = (query: string) => createHash('sha256').update(query).digest('hex');
    const apq = (query: string) => ({ persistedQuery: { version: 1, sha256Hash: hashOf(query) } });
    for (const query of queries) {
      const registered = await post({ query, extensions: apq(query) });
      expect(registered.status).toBe(200);
    }
    const first = await post({ extensions: apq(queries[0]!) });
    expect(codeOf(first.text)).toBe('PERSISTED_QUERY_NOT_FOUND');
    const last = await post({ extensions: apq(queries.at(-1)!) });
    expect(JSON.parse(last.text)).toEqual({ data: { __typename: 'Query' } });
  });
});

const MACHINES_WITH_A_FILE = graphql(/* GraphQL */ `
  query CappedMachinesWithAFile($user: LeafId!) {
    leafUser(id: $user) { machines(first: 5) { nodes { name files(first: 1) { nodes { leafFileId } } } } }
  }
`);
const FIRST_MACHINE = graphql(/* GraphQL */ `
  query CappedFirstMachine($user: LeafId!) {
    leafUser(id: $user) { machines(first: 1) { nodes { name } } }
  }
`);

describe('upstream calls per request', () => {
  it('stops at MAX_UPSTREAM_CALLS: the calls past it are not made, and their fields say why', async () => {
    await withStack({ env: { MAX_UPSTREAM_CALLS: '3', LEAF_API_TOKEN: DEMO_TOKEN } }, async (capped) => {
      capped.resetCalls();
      const result = await capped.query(MACHINES_WITH_A_FILE, { user: USER });
      expect(capped.calls()).toHaveLength(3);
      const refusals = (result.errors ?? []).filter((error) => error.extensions?.limit === 'upstreamCalls');
      expect(refusals).toHaveLength(3);
      expect(refusals.every((error) => error.extensions?.code === 'QUERY_TOO_COMPLEX')).toBe(true);
      expect(refusals[0]!.message).toMatch(/limit of 3 upstream calls/);
      // The machines themselves arrived; two of them with their files.
      expect(result.data!.leafUser!.machines!.nodes).toHaveLength(5);
      // A new request has a new allowance.
      capped.resetCalls();
      const next = await capped.query(FIRST_MACHINE, { user: USER });
      expect(next.errors).toBeUndefined();
      expect(capped.calls()).toHaveLength(1);
    });
  });
});
