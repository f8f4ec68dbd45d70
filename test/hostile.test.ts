// Hostile queries as an attacker sends them — nested too deep, aliased, multiplied by first ×
// first, flooded with directives or tokens — are refused with QUERY_TOO_COMPLEX before any
// upstream call, and the gateway keeps answering; every query a client of ours sends still
// passes. Also: introspection off, field suggestions hidden, CSRF prevention, masked errors.
// The cost arithmetic and the error mask alone: test/query-cost.test.ts, test/error-masking.test.ts.
import { readFileSync, readdirSync } from 'node:fs';
import { getIntrospectionQuery, print } from 'graphql';
import { Agent } from 'undici';
import { describe, expect, it } from 'vitest';
import { DEMO_TOKEN, DEMO_USER_IDS } from '../src/emulator/index.js';
import { exampleOperations, exampleQuery } from '../src/server/example.js';
import { graphql } from './__generated__/index.js';
import { TYPENAME } from './support/documents.js';
import { useStack, withStack, type GraphQLResponse, type Stack } from './support/stack.js';

const USER = DEMO_USER_IDS.prairieFarms;
const REFUSALS = ['QUERY_TOO_COMPLEX', 'INTROSPECTION_DISABLED', 'CSRF_HEADER_REQUIRED'];

// The hostile documents below stay text: they are built to be refused, many of them by size.
const NORMAL = graphql(/* GraphQL */ `
  query HostileNormalMachines($user: LeafId!) { leafUser(id: $user) { machines(first: 3) { nodes { leafId name } } } }
`);
/** NORMAL as text, for the requests that spell out their own GET or form body. */
const NORMAL_TEXT = print(NORMAL);
const MACHINE_IDS = graphql(/* GraphQL */ `
  query HostileMachineIds($user: LeafId!) { leafUser(id: $user) { machines(first: 3) { nodes { id } } } }
`);

const stack = useStack();

function codes(result: GraphQLResponse<unknown>): unknown[] {
  return (result.errors ?? []).map((error) => error.extensions?.code);
}

/** The refusal of `result` by `limit`, after checking nothing ran and nothing leaked. */
function refusal(result: GraphQLResponse<unknown>, limit: string) {
  const error = result.errors?.find((candidate) => candidate?.extensions?.limit === limit);
  expect(error, JSON.stringify(result.errors)).toBeDefined();
  expect(error!.extensions?.code).toBe('QUERY_TOO_COMPLEX');
  expect(result.data ?? null).toBeNull();
  expect(JSON.stringify(result)).not.toMatch(/stack|at .*\.js/i);
  return error!;
}

async function stillAnswers(target: Stack): Promise<void> {
  const result = await target.query(NORMAL, { user: USER });
  expect(result.errors).toBeUndefined();
  expect(result.data!.leafUser!.machines!.nodes).toHaveLength(3);
}

function depthBomb(levels: number): string {
  let selection = 'leafUserId';
  for (let level = 0; level < levels; level++) selection = `machines(first: 1) { nodes { leafUser { ${selection} } } }`;
  return `{ leafUser(id: "${USER}") { ${selection} } }`;
}

describe('every query our clients send passes the default limits', () => {
  // The subscription example is a stream, not an answer: test/examples.test.ts runs it over SSE
  // on a gateway with the default limits, and expects its event without an error.
  const examples = exampleOperations()
    .map(({ source }) => source)
    .filter((source) => !/^subscription /m.test(source));
  const operationsDir = new URL('../operations/', import.meta.url);
  const operations = readdirSync(operationsDir)
    .filter((name) => name.endsWith('.graphql'))
    .map((name) => readFileSync(new URL(name, operationsDir), 'utf8'));

  it('runs the start-up example, the client operations and the example operations without a refusal', async () => {
    expect(operations.length).toBeGreaterThanOrEqual(3);
    expect(examples.length).toBeGreaterThan(0);
    const listed = await stack.query(MACHINE_IDS, { user: USER });
    const variables = { leafUserId: USER, user: USER, id: listed.data!.leafUser!.machines!.nodes[0]!.id };

    const example = await stack.query(exampleQuery(USER));
    expect(example.errors).toBeUndefined();
    for (const operation of operations) {
      const result = await stack.query(operation, variables);
      expect(result.errors, operation).toBeUndefined();
    }
    // Examples may hold placeholders, and some write: they run on a gateway of their own, and
    // whatever else they meet there, it is not a limit.
    await withStack({}, async (gateway) => {
      for (const example of examples) {
        const result = await gateway.query(example, variables);
        expect(codes(result).filter((code) => REFUSALS.includes(String(code))), example).toEqual([]);
      }
    });
  });

  it('lets a nested machines → files → file → summary page of 30 × 5 through', async () => {
    const result = await stack.query(readFileSync(new URL('../operations/machine-files-with-summary.graphql', import.meta.url), 'utf8'), {
      leafUserId: USER,
      machines: 30,
      files: 5,
    });
    expect(result.errors).toBeUndefined();
  });

  it("lets the deepest path the operator's guide names (11 levels, through edges and a fragment) through", async () => {
    const result = await stack.query(`query Deep($user: LeafId!) { leafUser(id: $user) { machines(first: 2) { edges { node {
      files(first: 2) { edges { node { file { summary { ... on OperationSummary { totalArea { value } } } } } } } } } } } }`, { user: USER });
    expect(result.errors).toBeUndefined();
  });
});

describe('hostile queries are refused before any upstream call, and the gateway stays up', () => {
  it('refuses a depth bomb', async () => {
    stack.resetCalls();
    const error = refusal(await stack.query(depthBomb(30)), 'depth');
    expect(error.message).toMatch(/depth limit of 12 exceeded/);
    expect(stack.calls()).toHaveLength(0);
    await stillAnswers(stack);
  });

  it('refuses an alias bomb', async () => {
    const aliases = Array.from({ length: 40 }, (_, index) => `m${index}: machines(first: 100) { totalCount }`).join(' ');
    stack.resetCalls();
    const error = refusal(await stack.query(`{ leafUser(id: "${USER}") { ${aliases} } }`), 'aliases');
    expect(error.message).toMatch(/Aliases limit of 15 exceeded, found 40/);
    expect(stack.calls()).toHaveLength(0);
    await stillAnswers(stack);
  });

  it('counts first × first, whether written in the query or passed as variables', async () => {
    const literal = `{ leafUser(id: "${USER}") { machines(first: 100) { nodes { files(first: 100) { nodes { file { fileName } } } } } } }`;
    const withVariables = `query Bomb($user: LeafId!, $machines: Int, $files: Int) {
      leafUser(id: $user) { machines(first: $machines) { nodes { files(first: $files) { nodes { file { fileName } } } } } }
    }`;
    stack.resetCalls();
    const error = refusal(await stack.query(literal), 'cost');
    expect(error.message).toMatch(/cost limit of 5000 exceeded, found 30201/);
    refusal(await stack.query(withVariables, { user: USER, machines: 100, files: 100 }), 'cost');
    // The same document asking for little is fine: the cost follows the variables.
    expect(stack.calls()).toHaveLength(0);
    const small = await stack.query(withVariables, { user: USER, machines: 2, files: 2 });
    expect(small.errors).toBeUndefined();
    await stillAnswers(stack);
  });

  it('counts the IDs of nodes(ids:)', async () => {
    const ids = Array.from({ length: 6_000 }, () => 'TWFjaGluZTp4');
    stack.resetCalls();
    refusal(await stack.query('query Many($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids }), 'cost');
    expect(stack.calls()).toHaveLength(0);
  });

  it('refuses a directive flood and a token flood', async () => {
    const directives = Array.from({ length: 60 }, (_, index) => `f${index % 10}: leafUserId @include(if: true)`).join(' ');
    stack.resetCalls();
    refusal(await stack.query(`{ leafUser(id: "${USER}") { ${directives} } }`), 'directives');
    const tokens = `{ ${'__typename '.repeat(5_000)}}`;
    const error = refusal(await stack.query(tokens), 'tokens');
    expect(error.message).toMatch(/Token limit of 1000 exceeded/);
    expect(stack.calls()).toHaveLength(0);
    await stillAnswers(stack);
  });

  it('refuses a body over MAX_REQUEST_BYTES (1 MB) before reading it whole', async () => {
    const huge = await stack.query(`{ ${'__typename '.repeat(200_000)}}`);
    expect(huge.status).toBe(413);
    expect(codes(huge)).toEqual(['REQUEST_ENTITY_TOO_LARGE']);
    await stillAnswers(stack);
  });

  it('counts a body sent without Content-Length (chunked) as it arrives: refused past 1 MB, answered below it', async () => {
    // A pool of its own: the refused request's connection is cut while its body is still being
    // sent, and must not be handed to the tests that follow.
    const own = new Agent();
    const chunked = (text: string) => {
      const bytes = new TextEncoder().encode(text);
      // In 64 KB chunks, as a streaming client sends them: fetch then uses Transfer-Encoding: chunked.
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          for (let offset = 0; offset < bytes.length; offset += 65_536) controller.enqueue(bytes.subarray(offset, offset + 65_536));
          controller.close();
        },
      });
      return fetch(`${stack.gateway.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${DEMO_TOKEN}` },
        body,
        duplex: 'half',
        dispatcher: own,
      } as RequestInit);
    };
    const huge = await chunked(JSON.stringify({ query: `{ ${'__typename '.repeat(200_000)}}` }));
    expect(huge.status).toBe(413);
    expect(((await huge.json()) as { errors: { extensions: { code: string } }[] }).errors.map((error) => error.extensions.code)).toEqual(['REQUEST_ENTITY_TOO_LARGE']);
    const normal = await chunked(JSON.stringify({ query: NORMAL_TEXT, variables: { user: USER } }));
    expect(normal.status).toBe(200);
    expect(((await normal.json()) as { data: { leafUser: { machines: { nodes: unknown[] } } } }).data.leafUser.machines.nodes).toHaveLength(3);
    await own.close();
  });

  it('answers a normal query while a hundred bombs arrive at once', async () => {
    const bombs = Array.from({ length: 100 }, (_, index) => stack.query(index % 2 ? depthBomb(40) : `{ ${'__typename '.repeat(5_000)}}`));
    const normal = stack.query(NORMAL, { user: USER });
    const results = await Promise.all(bombs);
    expect(results.every((result) => codes(result).includes('QUERY_TOO_COMPLEX'))).toBe(true);
    expect((await normal).data!.leafUser!.machines!.nodes).toHaveLength(3);
    expect((await stack.request('/health', { token: null })).status).toBe(200);
  });

  it('answers 400 to a client that accepts application/graphql-response+json', async () => {
    const response = await stack.post({ query: depthBomb(20) }, { token: null, headers: { accept: 'application/graphql-response+json' } });
    expect(response.status).toBe(400);
    expect(response.body.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
  });
});

describe('the limits are configuration', () => {
  it('refuses with the configured limits', async () => {
    await withStack({ env: { MAX_QUERY_DEPTH: '3', MAX_QUERY_COST: '10' } }, async (strict) => {
      refusal(await strict.query(exampleQuery(USER)), 'depth');
      const cost = refusal(await strict.query(`{ leafUser(id: "${USER}") { machines(first: 20) { totalCount } } }`), 'cost');
      expect(cost.message).toMatch(/limit of 10 exceeded, found 21/);
      expect(strict.calls()).toHaveLength(0);
    });
  });
});

describe('introspection', () => {
  it('answers the full introspection query GraphiQL sends, and suggests field names, while on', async () => {
    const options = { descriptions: true, specifiedByUrl: true, directiveIsRepeatable: true, schemaDescription: true, inputValueDeprecation: true };
    const result = await stack.query<{ __schema: { queryType: { name: string } } }>(getIntrospectionQuery(options));
    expect(result.errors).toBeUndefined();
    expect(result.data!.__schema.queryType.name).toBe('Query');
    const typo = await stack.query(`{ leafUser(id: "${USER}") { machinez { totalCount } } }`);
    expect(typo.errors?.[0]?.message).toMatch(/Did you mean "machine" or "machines"\?/);
  });

  it('with INTROSPECTION=false refuses __schema and __type, keeps __typename, hides suggestions', async () => {
    await withStack({ env: { INTROSPECTION: 'false' } }, async (closed) => {
      for (const query of ['{ __schema { types { name } } }', '{ __type(name: "Machine") { fields { name } } }']) {
        const result = await closed.query(query);
        expect(result.data ?? null).toBeNull();
        expect(codes(result)).toContain('INTROSPECTION_DISABLED');
        expect(result.errors?.[0]?.message).toMatch(/Introspection is disabled/);
      }
      const typename = await closed.query(TYPENAME);
      expect(typename.data!.__typename).toBe('Query');
      const typo = await closed.query(`{ leafUser(id: "${USER}") { machinez { totalCount } } }`);
      expect(typo.errors?.[0]?.message).toBe('Cannot query field "machinez" on type "LeafUser".');
      expect(JSON.stringify(typo)).not.toContain('"machines"');
      // Enum values and input fields are suggested too, at validation and in variables.
      const orderBy = `query HostileMisspelledOrder($user: LeafId!, $order: [MachineOrder!], $filter: MachineFilter) {
        leafUser(id: $user) { a: machines(first: 1, orderBy: $order, filter: $filter) { totalCount } } }`;
      const guesses = [
        await closed.query(`{ leafUser(id: "${USER}") { machines(first: 1, orderBy: [{ field: NAM }]) { totalCount } } }`),
        await closed.query(orderBy, { user: USER, order: [{ field: 'NAM' }] }),
        await closed.query(orderBy, { user: USER, filter: { nme: 'x' } }),
      ];
      // Each names the value it could not read: the enum value twice, the input field once.
      for (const [index, guess] of guesses.entries()) {
        expect(guess.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
        expect(guess.errors?.[0]?.message).toContain(index < 2 ? '"NAM"' : '"nme"');
        expect(JSON.stringify(guess)).not.toMatch(/Did you mean|"NAME"|"name"/);
      }
      await stillAnswers(closed);
    });
  });
});

describe('CSRF prevention, where the credential is ambient', () => {
  // Requests without an Authorization header act with the server's own token here.
  const ambient = useStack({ env: { LEAF_API_TOKEN: DEMO_TOKEN } });

  const get = (target: Stack, headers: Record<string, string> = {}) =>
    target.request<GraphQLResponse<unknown>>(`/graphql?query=${encodeURIComponent('{ __typename }')}`, { token: null, headers });

  it('refuses a GET or a form POST that would act with the server token and carries no client header, and runs none of it', async () => {
    ambient.resetCalls();
    const plainGet = await get(ambient);
    expect(plainGet.status).toBe(403);
    const body = plainGet.body;
    expect(body.errors?.[0]?.extensions?.code).toBe('CSRF_HEADER_REQUIRED');
    expect(body.errors?.[0]?.message).toMatch(/apollo-require-preflight/);
    const form = await ambient.post(`query=${encodeURIComponent(NORMAL_TEXT)}&variables=${encodeURIComponent(JSON.stringify({ user: USER }))}`, {
      token: null,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(form.status).toBe(403);
    expect(ambient.calls()).toHaveLength(0);
  });

  it('lets a GET with a client header and a JSON POST through', async () => {
    for (const header of ['x-graphql-yoga-csrf', 'apollo-require-preflight', 'x-apollo-operation-name']) {
      const response = await get(ambient, { [header]: '1' });
      expect(response.status).toBe(200);
      expect(response.body).toEqual({ data: { __typename: 'Query' } });
    }
    await stillAnswers(ambient);
  });

  it('asks nothing more of a request that carries its own Authorization header', async () => {
    const response = await ambient.request<GraphQLResponse<{ leafUser: { machines: { nodes: unknown[] } } }>>(
      `/graphql?query=${encodeURIComponent(NORMAL_TEXT)}&variables=${encodeURIComponent(JSON.stringify({ user: USER }))}`,
      { token: DEMO_TOKEN },
    );
    expect(response.status).toBe(200);
    const body = response.body;
    expect(body.data!.leafUser.machines.nodes).toHaveLength(3);
  });

  it('asks nothing of a GET when the server has no token of its own to act with', async () => {
    // `stack` has no LEAF_API_TOKEN: a request without Authorization acts as nobody.
    const response = await get(stack);
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ data: { __typename: 'Query' } });
  });

  it('is off with CSRF_PREVENTION=false', async () => {
    await withStack({ env: { CSRF_PREVENTION: 'false', LEAF_API_TOKEN: DEMO_TOKEN } }, async (open) => {
      expect((await get(open)).status).toBe(200);
    });
  });
});

describe('error masking in production', () => {
  it('answers a value Leaf sent of the wrong type as UPSTREAM_ERROR on that field: no upstream value, no stack, siblings still answered', async () => {
    await withStack({ env: { NODE_ENV: 'production' } }, async (production) => {
      const listed = await production.query(NORMAL, { user: USER });
      const broken = listed.data!.leafUser!.machines!.nodes[1]!.leafId;
      const record = production.emulator.store.machines.get(broken)!;
      // Leaf answering an object where it documents a string: nothing a resolver expects.
      production.emulator.store.putMachine({ ...record, name: { secret: 'upstream-internals-3f2a' } } as unknown as typeof record);
      const result = await production.query(NORMAL, { user: USER });
      expect(result.errors).toHaveLength(1);
      // Contract section 10: never a masked internal error for a Leaf value, and the record survives.
      expect(result.errors![0]).toMatchObject({
        message: 'The Leaf API sent a machine name that is not a string.',
        path: ['leafUser', 'machines', 'nodes', 1, 'name'],
        extensions: { code: 'UPSTREAM_ERROR' },
      });
      expect(result.data!.leafUser!.machines!.nodes[1]).toEqual({ leafId: broken, name: null });
      expect(JSON.stringify(result)).not.toMatch(/upstream-internals|secret|stack|originalError/);
      expect(result.data!.leafUser!.machines!.nodes[0]?.name).toEqual(expect.any(String));
      expect(result.data!.leafUser!.machines!.nodes[2]?.name).toEqual(expect.any(String));
    });
  });

});
