// HTTP caching as a browser and a shared cache see it: every answer says it is the caller's
// own (private, or no-store for errors and mutations) and varies on the headers that choose it;
// an ETag confirms with 304 only the same caller's same operation and variables while the
// answer is current; a mutation is always performed, whatever If-None-Match it carries.
import fc from 'fast-check';
import { print, type DocumentNode } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_TOKEN, DEMO_USER_IDS } from '../src/emulator/index.js';
import { graphql } from './__generated__/index.js';
import { CREATE_NAMED_MACHINE as CREATE, TYPENAME as TypenameDocument } from './support/documents.js';
import { EntityTags, entityTagOf } from '../src/server/http/caching.js';
import { useStack, type HttpAnswer } from './support/stack.js';

const USER = DEMO_USER_IDS.prairieFarms;
/** Owns the same Leaf user as DEMO_TOKEN (added below): same data, another caller. */
const TEAMMATE_TOKEN = 'teammate-token';

// Text where a test builds its own GET query string; send() takes the documents as they are.
const MACHINES = graphql(/* GraphQL */ `query HttpCachingMachines($user: LeafId!) { leafUser(id: $user) { machines(first: 5) { totalCount nodes { id name } } } }`);
const NAMES = graphql(/* GraphQL */ `query HttpCachingNames($user: LeafId!) { leafUser(id: $user) { machines(first: 5) { nodes { name } } } }`);
const TYPENAME = print(TypenameDocument);

const stack = useStack({ env: { RESPONSE_CACHE: 'true', LEAF_API_TOKEN: DEMO_TOKEN } });

beforeAll(() => {
  stack.emulator.store.tokens.push({ token: TEAMMATE_TOKEN, leafUserIds: [USER] });
});

function send(
  query: string | DocumentNode,
  variables: Record<string, unknown> = { user: USER },
  options: { token?: string | null; headers?: Record<string, string>; method?: 'GET' | 'POST' } = {},
): Promise<HttpAnswer> {
  const { method, ...sent } = options;
  const source = typeof query === 'string' ? query : print(query);
  if (method === 'GET') return stack.request(`/graphql?${new URLSearchParams({ query: source, variables: JSON.stringify(variables) })}`, sent);
  return stack.post({ query: source, variables }, sent);
}

async function etagOf(response: HttpAnswer): Promise<string> {
  expect(response.status).toBe(200);
  const etag = response.headers.get('etag');
  expect(etag).toMatch(/^"[0-9a-f]{64}"$/);
  return etag!;
}

function varies(response: HttpAnswer): string[] {
  return (response.headers.get('vary') ?? '').split(',').map((name) => name.trim().toLowerCase());
}

describe('what every answer says about caching', () => {
  it('marks a query answer private, to revalidate, varying on Authorization and Accept, with no Last-Modified', async () => {
    for (const method of ['POST', 'GET'] as const) {
      const response = await send(MACHINES, { user: USER }, { method });
      await etagOf(response);
      expect(response.headers.get('cache-control')).toBe('private, no-cache');
      expect(varies(response)).toEqual(expect.arrayContaining(['authorization', 'accept']));
      expect(response.headers.get('last-modified')).toBeNull();
    }
  });

  it('marks errors, refusals and mutations no-store, with no ETag', async () => {
    const refused = await send(MACHINES, { user: USER }, { token: 'not-a-token' });
    const invalid = await send('{ nope }', {});
    const mutation = await send(CREATE, { user: USER, name: 'No store' });
    for (const response of [refused, invalid, mutation]) {
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect(response.headers.get('etag')).toBeNull();
      expect(response.headers.get('last-modified')).toBeNull();
      expect(varies(response)).toEqual(expect.arrayContaining(['authorization', 'accept']));
    }
  });
});

describe('If-None-Match', () => {
  it('answers 304 to the same caller asking the same operation and variables, with no upstream call', async () => {
    const etag = await etagOf(await send(MACHINES));
    stack.resetCalls();
    const again = await send(MACHINES, { user: USER }, { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
    expect(again.text).toBe('');
    expect(again.headers.get('etag')).toBe(etag);
    expect(again.headers.get('cache-control')).toBe('private, no-cache');
    expect(stack.calls()).toEqual([]);
    // Weak comparison and lists, as browsers and proxies send them.
    expect((await send(MACHINES, { user: USER }, { headers: { 'if-none-match': `"other", W/${etag}` } })).status).toBe(304);
    expect((await send(MACHINES, { user: USER }, { headers: { 'if-none-match': '*' } })).status).toBe(200);
  });

  it('never answers 304 to another token, even one that sees the same data', async () => {
    const etag = await etagOf(await send(MACHINES));
    const teammate = await send(MACHINES, { user: USER }, { token: TEAMMATE_TOKEN, headers: { 'if-none-match': etag } });
    expect(teammate.status).toBe(200);
    expect(teammate.body).toMatchObject({ data: { leafUser: { machines: { nodes: expect.any(Array) } } } });
    // An answer that does not depend on the data at all is still per caller.
    const typename = await etagOf(await send(TYPENAME, {}));
    expect((await send(TYPENAME, {}, { token: TEAMMATE_TOKEN, headers: { 'if-none-match': typename } })).status).toBe(200);
  });

  it('never answers 304 to an invalid token: it gets its own error', async () => {
    const etag = await etagOf(await send(MACHINES));
    const invalid = await send(MACHINES, { user: USER }, { token: 'not-a-token', headers: { 'if-none-match': etag } });
    expect(invalid.status).toBe(200);
    const body = invalid.body as { errors?: { extensions?: { code?: string } }[] };
    expect(body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('never answers 304 to another query or other variables', async () => {
    const etag = await etagOf(await send(MACHINES));
    const names = await send(NAMES, { user: USER }, { headers: { 'if-none-match': etag } });
    expect(names.status).toBe(200);
    expect(names.body).toMatchObject({ data: { leafUser: { machines: { nodes: expect.any(Array) } } } });
    const other = await send(MACHINES, { user: DEMO_USER_IDS.riverBend }, { headers: { 'if-none-match': etag } });
    expect(other.status).toBe(200);
  });

  it('never answers 304 to a GET the CSRF check refuses', async () => {
    const etag = await etagOf(await send(TYPENAME, {}, { token: null }));
    const search = new URLSearchParams({ query: TYPENAME });
    const refused = await stack.request(`/graphql?${search}`, { token: null, headers: { 'if-none-match': etag } });
    expect(refused.status).toBe(403);
  });

  it('performs a mutation that carries a live ETag', async () => {
    const etag = await etagOf(await send(MACHINES));
    stack.resetCalls();
    const created = await send(CREATE, { user: USER, name: 'Sent with an ETag' }, { headers: { 'if-none-match': etag } });
    expect(created.status).toBe(200);
    expect(created.body).toEqual({
      data: {
        createMachine: { __typename: 'CreateMachineSuccess', machine: { id: expect.any(String), leafId: expect.any(String), name: 'Sent with an ETag' } },
      },
    });
    expect(stack.calls().filter((call) => call.method === 'POST')).toHaveLength(1);
    // And the list it changed is no longer confirmed by the old tag.
    const after = await send(MACHINES, { user: USER }, { headers: { 'if-none-match': etag } });
    expect(after.status).toBe(200);
    expect(after.headers.get('etag')).not.toBe(etag);
  });
});

describe('the ETags the /graphql fast path remembers (EntityTags)', () => {
  it('gives every answer the tag its text hashes to, whatever it remembered or dropped', () => {
    const answer = fc.record({ tokenHash: fc.constantFrom(null, 'a', 'b'), fingerprint: fc.constantFrom('q1', 'q2', 'q3'), body: fc.constantFrom('', '{"data":1}', '{"data":2}', 'x'.repeat(40)) });
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 400 }), fc.array(answer, { maxLength: 40 }), (maxKept, answers) => {
        const tags = new EntityTags(maxKept);
        for (const { tokenHash, fingerprint, body } of answers) {
          expect(tags.tagOf(tokenHash, fingerprint, 'application/json', body)).toBe(entityTagOf(tokenHash, fingerprint, 'application/json', body));
        }
      }),
    );
  });
});
