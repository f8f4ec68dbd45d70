// Malformed requests as a hostile caller sends them, over HTTP to a production gateway: every
// parameter as every JSON type, every content type, batches, huge and deep bodies, broken query
// strings, malformed global IDs of every kind. Each gets an answer below 500 with a GraphQL
// error body whose every error has a code, with no stack trace, file path or internal name,
// and the gateway keeps answering throughout.
import { describe, expect, it } from 'vitest';
import { DEMO_TOKEN, DEMO_USER_IDS } from '../src/emulator/index.js';
import { graphql } from './__generated__/index.js';
import { useStack } from './support/stack.js';

const USER = DEMO_USER_IDS.prairieFarms;
const UUID = '22222222-2222-4222-8222-222222222222';
const OTHER_UUID = '0dff32ce-26c2-4c47-b68c-a5fb40c6eb69';
const TYPENAME = '{ __typename }';

interface Attempt {
  name: string;
  method?: string;
  /** Query string of /graphql, without the '?'. */
  search?: string;
  headers?: Record<string, string>;
  body?: string | Blob;
}

const JSON_VALUES: unknown[] = [null, true, false, 0, -1.5, 1e308, '', 'x', '{', [], ['a'], [1, [2]], {}, { a: 1 }, { query: TYPENAME }];

function b64(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64url');
}

function nested(levels: number): string {
  return '{"a":'.repeat(levels) + '1' + '}'.repeat(levels);
}

const MALFORMED_IDS: unknown[] = [
  '',
  ' ',
  '!!!',
  'a',
  '=',
  b64('Machine'),
  b64('Machine:'),
  b64(':' + UUID),
  b64('Machine:x'),
  b64(`Machine:${UUID}`),
  b64(`Machine:${UUID}:${OTHER_UUID}:${UUID}`),
  b64(`machine:${UUID}:${OTHER_UUID}`),
  b64(`Foo:${UUID}`),
  b64(`PageInfo:${UUID}`),
  b64(`Query:${UUID}`),
  b64(`Node:${UUID}`),
  b64(`LeafUser:${UUID}:${UUID}`),
  b64(`MachineFile:${UUID}`),
  b64(`LeafFile:${UUID}:${UUID}`),
  b64(`FieldOperation:${UUID}:${UUID}`),
  b64(`Operator:${UUID}:${OTHER_UUID}`.replace(/-/g, '')),
  `${b64(`Machine:${UUID}:${OTHER_UUID}`)}==`,
  'x'.repeat(10_000),
  '\u{1F600}',
  b64('\u0000\u0001'),
  1,
  true,
  {},
  [],
  [b64(`Machine:${UUID}:${OTHER_UUID}`)],
];

function post(name: string, body: unknown, headers: Record<string, string> = {}): Attempt {
  return { name, method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) };
}

function attempts(): Attempt[] {
  const list: Attempt[] = [];
  // Every top-level parameter as every JSON type.
  for (const param of ['query', 'operationName', 'variables', 'extensions', 'documentId']) {
    for (const value of JSON_VALUES) {
      list.push(post(`${param}: ${JSON.stringify(value)}`, { query: TYPENAME, [param]: value }));
    }
  }
  list.push(post('an unknown parameter', { query: TYPENAME, foo: 1 }), post('no parameter', {}));
  // Whole bodies that are no request object.
  for (const body of ['', 'null', 'true', '1', '"x"', '[]', '[1]', `[{"query":"${TYPENAME}"}]`, '{', '{"query":', '\u0000', 'x'.repeat(5_000), `{"query":"${TYPENAME}"}garbage`, '\uFEFF{}']) {
    list.push({ name: `body ${JSON.stringify(body.slice(0, 40))}`, method: 'POST', headers: { 'content-type': 'application/json' }, body });
  }
  list.push({ name: 'invalid UTF-8', method: 'POST', headers: { 'content-type': 'application/json' }, body: new Blob([new Uint8Array([0x7b, 0xff, 0xfe, 0x7d])]) });
  // Every content type, with and without the caller's own token.
  const query = JSON.stringify({ query: TYPENAME });
  const bodies: [string, string][] = [
    ['application/json', query],
    ['application/graphql+json', query],
    ['application/graphql', TYPENAME],
    ['application/graphql', ''],
    ['text/plain', query],
    ['application/x-www-form-urlencoded', `query=${encodeURIComponent(TYPENAME)}`],
    ['application/x-www-form-urlencoded', 'query=%7B&variables=x'],
    ['application/x-www-form-urlencoded', 'variables=%5B1%5D'],
    ['multipart/form-data; boundary=x', 'garbage'],
    ['multipart/form-data', 'garbage'],
    ['multipart/form-data; boundary=b', '--b\r\nContent-Disposition: form-data; name="operations"\r\n\r\n{\r\n--b--\r\n'],
    ['multipart/form-data; boundary=b', '--b\r\nContent-Disposition: form-data; name="operations"\r\n\r\n{"query":"{ __typename }"}\r\n--b\r\nContent-Disposition: form-data; name="map"\r\n\r\nnope\r\n--b--\r\n'],
    ['image/png', query],
    ['application/json, text/plain', query],
    ['application/json; charset=utf-16', query],
    ['APPLICATION/JSON', query],
    ['', query],
  ];
  for (const [type, body] of bodies) {
    for (const authorization of [undefined, `Bearer ${DEMO_TOKEN}`, 'Bearer', 'Basic x', 'Bearer a b']) {
      const headers: Record<string, string> = type ? { 'content-type': type } : {};
      if (authorization) headers.authorization = authorization;
      list.push({ name: `${type || 'no content-type'} as ${authorization ?? 'nobody'}`, method: 'POST', headers, body });
    }
  }
  // Accept headers.
  for (const accept of ['application/xml', 'text/html', '*/*', 'application/graphql-response+json', 'multipart/mixed', 'text/event-stream', ';;;', 'application/json;q=0']) {
    list.push(post(`accept ${accept}`, { query: TYPENAME }, { accept }));
  }
  // Query strings: parameters that are not JSON, of the wrong JSON type, or too deep.
  const searches = [
    'query={__typename}&variables=x',
    'query={__typename}&extensions=x',
    'query={__typename}&variables=[1]',
    'query={__typename}&variables=1',
    'query={__typename}&variables=null',
    `query={__typename}&variables=${nested(2_000)}`,
    'query={__typename}&extensions={"persistedQuery":1}',
    'query={__typename}&extensions={"persistedQuery":{"version":1,"sha256Hash":1}}',
    'extensions={"persistedQuery":{"version":1,"sha256Hash":"00"}}',
    'query={__typename}&operationName=A&operationName=B',
    'operationName=A',
    '',
    'query=',
    'query=mutation{__typename}',
    'query=subscription{__typename}',
    'documentId=sha256:zzz',
    'documentId=',
    `query={__typename}&variables=${'x'.repeat(6_000)}`,
    'query=%',
    'query={__typename}&variables=%7B%22a%22%3A%5B',
  ];
  for (const search of searches) {
    const headerSets: Record<string, string>[] = [{}, { 'x-graphql-yoga-csrf': '1' }, { authorization: `Bearer ${DEMO_TOKEN}` }];
    for (const headers of headerSets) {
      list.push({ name: `GET ?${search.slice(0, 60)} ${Object.keys(headers).join(',')}`, method: 'GET', search, headers });
    }
  }
  // Huge and deep bodies.
  list.push(
    { name: 'variables nested 100,000 levels (text)', method: 'POST', headers: { 'content-type': 'application/json' }, body: `{"query":"{ __typename }","variables":${nested(100_000)}}` },
    { name: 'extensions nested 100,000 levels', method: 'POST', headers: { 'content-type': 'application/json' }, body: `{"query":"{ __typename }","extensions":${nested(100_000)}}` },
    { name: 'a document nested 50,000 levels', method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{'.repeat(50_000) + '}'.repeat(50_000) }) },
    post('a 100,000-token document', { query: `{ ${'__typename '.repeat(100_000)}}` }),
    post('a 2 MB body', { query: TYPENAME, variables: { big: 'x'.repeat(2_000_000) } }),
    post('an array of 10,000 operations', Array.from({ length: 10_000 }, () => ({ query: TYPENAME }))),
  );
  // Global IDs of every malformed kind, where every argument takes one, and as variables of every type.
  for (const id of MALFORMED_IDS) {
    list.push(
      post(`node(id: ${JSON.stringify(id).slice(0, 50)})`, { query: 'query($id: ID!) { node(id: $id) { id } }', variables: { id } }),
      post(`nodes(ids: [${JSON.stringify(id).slice(0, 50)}])`, { query: 'query($ids: [ID!]!) { nodes(ids: $ids) { id } }', variables: { ids: [id, id] } }),
      post(`deleteMachine(id: ${JSON.stringify(id).slice(0, 50)})`, { query: 'mutation($id: ID!) { deleteMachine(id: $id) { __typename } }', variables: { id } }),
    );
    if (typeof id === 'string' && id.length < 200) {
      list.push(post(`node(id: "${id}") literal`, { query: `{ node(id: ${JSON.stringify(id)}) { __typename } }` }));
    }
  }
  list.push(
    post('leafUser(id:) not a LeafId', { query: 'query($id: LeafId!) { leafUser(id: $id) { leafUserId } }', variables: { id: 'no/pe' } }),
    post('a variable of an unknown type', { query: 'query($v: Nope) { __typename }', variables: { v: 1 } }),
    post('two operations, none chosen', { query: 'query A { __typename } query B { __typename }' }),
    post('an unknown operation chosen', { query: TYPENAME, operationName: 'Nope' }),
    { name: 'PUT', method: 'PUT', headers: { 'content-type': 'application/json' }, body: query },
    { name: 'DELETE', method: 'DELETE' },
    { name: 'PATCH', method: 'PATCH', headers: { 'content-type': 'application/json' }, body: query },
  );
  return list;
}

// Every attempt above is text on purpose; this is the well-formed query sent after them all.
const NORMAL = graphql(/* GraphQL */ `
  query FuzzSurvivorMachines($user: LeafId!) { leafUser(id: $user) { machines(first: 2) { nodes { name } } } }
`);

const LEAKS = /\bat [\w.<>]+ \(|node_modules|\/src\/|\.ts:\d|\bstack\b|(?<!Syntax )Error: |TypeError|RangeError|SyntaxError|prom-client|labelset/;

const stack = useStack({ env: { NODE_ENV: 'production', LEAF_API_TOKEN: DEMO_TOKEN, RESPONSE_CACHE: 'true' } });

/** The streaming answers a client may ask for; a test of their own reads them. */
const STREAMED = /^(multipart\/mixed|text\/event-stream)/;

/** Sends the attempt byte for byte (no content-type when it has none, Blobs as they are), so not through the stack's post. */
async function send(attempt: Attempt): Promise<{ status: number; text: string; type: string }> {
  const url = `${stack.gateway.url}/graphql${attempt.search === undefined ? '' : `?${attempt.search}`}`;
  const response = await fetch(url, { method: attempt.method ?? 'GET', headers: attempt.headers, body: attempt.body });
  return { status: response.status, text: await response.text(), type: response.headers.get('content-type') ?? '' };
}

function problems(attempt: Attempt, status: number, text: string, type: string): string[] {
  const found: string[] = [];
  if (status >= 500) found.push(`status ${status}`);
  if (LEAKS.test(text)) found.push(`leaks ${LEAKS.exec(text)?.[0]}`);
  let body: { data?: unknown; errors?: { message?: unknown; extensions?: { code?: unknown } }[] } | null = null;
  try {
    body = STREAMED.test(type) && status === 200 ? {} : (JSON.parse(text) as typeof body);
  } catch {
    found.push(`a body that is not JSON: ${text.slice(0, 80)}`);
  }
  if (body) {
    const errors = body.errors ?? [];
    if (status >= 400 && errors.length === 0) found.push(`status ${status} without errors`);
    for (const error of errors) {
      if (typeof error.extensions?.code !== 'string') found.push(`an error without a code: ${String(error.message)}`);
    }
    if (errors.length === 0 && attempt.name.includes('(id')) found.push('a malformed ID accepted');
  }
  return found;
}

describe('any malformed request gets a coded 4xx, never a 5xx or a leak', () => {
  it('answers a few hundred of them, each with coded errors, and keeps answering throughout', async () => {
    const list = attempts();
    expect(list.length).toBeGreaterThan(300);
    const failures: string[] = [];
    let sent = 0;
    for (const attempt of list) {
      const { status, text, type } = await send(attempt);
      const found = problems(attempt, status, text, type);
      if (found.length > 0) failures.push(`${attempt.name}: ${found.join('; ')}`);
      if (++sent % 50 === 0) {
        const health = await stack.request('/health', { token: null });
        expect(health.status).toBe(200);
      }
    }
    expect(failures).toEqual([]);
    const normal = await stack.query(NORMAL, { user: USER });
    expect(normal.errors).toBeUndefined();
    expect(normal.data!.leafUser!.machines!.nodes).toHaveLength(2);
  });

  it('answers a request-level refusal with 4xx to a client that accepts application/graphql-response+json', async () => {
    const accept = 'application/graphql-response+json';
    for (const attempt of attempts().filter((candidate) => candidate.method === 'POST' && !candidate.name.includes('(id'))) {
      const { status, text } = await send({ ...attempt, headers: { ...attempt.headers, accept } });
      if (status === 200) {
        const body = JSON.parse(text) as { data?: unknown; errors?: unknown[] };
        // 200 only for an answer: data, and errors only beside it.
        expect(body.data, `${attempt.name}: ${text.slice(0, 200)}`).toBeDefined();
      } else {
        expect(status, `${attempt.name}: ${text.slice(0, 200)}`).toBeGreaterThanOrEqual(400);
        expect(status, `${attempt.name}: ${text.slice(0, 200)}`).toBeLessThan(500);
      }
    }
  });
});

describe('the inputs that used to fail', () => {
  async function errorOf(attempt: Attempt): Promise<{ status: number; code: unknown; message: unknown }> {
    const { status, text } = await send(attempt);
    const body = JSON.parse(text) as { errors: { message: string; extensions?: { code?: unknown } }[] };
    return { status, code: body.errors[0]?.extensions?.code, message: body.errors[0]?.message };
  }

  it('refuses an operationName that is not a string with 400, and /metrics still answers', async () => {
    expect(await errorOf(post('array name', { query: TYPENAME, operationName: ['a'] }))).toMatchObject({ status: 400, code: 'BAD_REQUEST' });
    expect((await stack.request('/metrics', { token: null })).status).toBe(200);
  });

  it('refuses GET variables or extensions that are not JSON with 400', async () => {
    for (const search of ['query={__typename}&variables=x', 'query={__typename}&extensions=x']) {
      const refusal = await errorOf({ name: search, search, headers: { authorization: `Bearer ${DEMO_TOKEN}` } });
      expect(refusal).toMatchObject({ status: 400, code: 'BAD_REQUEST' });
      expect(refusal.message).toMatch(/parameter must be JSON text of an object/);
    }
  });

  it('refuses variables nested 100,000 levels with 400', async () => {
    const body = `{"query":"{ __typename }","variables":${nested(100_000)}}`;
    const refusal = await errorOf({ name: 'deep', method: 'POST', headers: { 'content-type': 'application/json' }, body });
    expect(refusal).toMatchObject({ status: 400, code: 'BAD_REQUEST' });
    expect(refusal.message).toMatch(/nests deeper than 32 levels/);
  });

  it('answers malformed and non-node global IDs with BAD_USER_INPUT', async () => {
    for (const id of [b64(`Machine:${UUID}`), b64(`Foo:${UUID}`), b64(`PageInfo:${UUID}`)]) {
      const refusal = await errorOf(post(id, { query: 'query($id: ID!) { node(id: $id) { id } }', variables: { id } }));
      expect(refusal, id).toMatchObject({ status: 200, code: 'BAD_USER_INPUT' });
    }
  });

  it('gives a subscription, a malformed multipart body and an unacceptable Accept a code', async () => {
    expect(await errorOf(post('subscription', { query: 'subscription { __typename }' }))).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED' });
    const multipart = await errorOf({
      name: 'multipart',
      method: 'POST',
      headers: { 'content-type': 'multipart/form-data; boundary=b', authorization: `Bearer ${DEMO_TOKEN}` },
      body: '--b\r\nContent-Disposition: form-data; name="operations"\r\n\r\n{\r\n--b--\r\n',
    });
    expect(multipart).toMatchObject({ status: 400, code: 'BAD_REQUEST' });
    expect(await errorOf(post('xml', { query: TYPENAME }, { accept: 'application/xml' }))).toMatchObject({ status: 406, code: 'NOT_ACCEPTABLE' });
  });

  it('does not echo the JSON parser in production', async () => {
    const { status, text } = await send({ name: 'json', method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":' });
    expect(status).toBe(400);
    expect(JSON.parse(text)).toEqual({ errors: [{ message: 'POST body sent invalid JSON.', extensions: { code: 'BAD_REQUEST' } }] });
  });

  it('answers a URL over 16 KB with 431 and a GraphQL error body', async () => {
    const { status, text } = await send({ name: 'long', search: `query={__typename}&variables=${'x'.repeat(20_000)}` });
    expect(status).toBe(431);
    expect(JSON.parse(text)).toMatchObject({ errors: [{ extensions: { code: 'REQUEST_HEADERS_TOO_LARGE' } }] });
  });
});
