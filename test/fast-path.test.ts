// The /graphql fast path (src/server/http/fast-path.ts): a query whose document this gateway has
// validated before is answered straight from node:http, with the same status, headers and body
// as Yoga gave the same request, the same log line and the same metrics; whatever it does not
// cover is answered by Yoga as before. graphql_fast_path_total says which path a request took.
import { describe, expect, it } from 'vitest';
import { DEMO_USER_IDS } from '../src/emulator/index.js';
import { useStack, withStack, type HttpAnswer, type Stack } from './support/stack.js';

const USER = DEMO_USER_IDS.prairieFarms;
/** A Leaf user the demo token may not read: Leaf answers 403. */
const STRANGER = DEMO_USER_IDS.otherFarm;
const MACHINES = 'query FastMachines($user: LeafId!, $first: Int) { leafUser(id: $user) { machines(first: $first) { totalCount nodes { id name } } } }';
const COSTLY = 'query FastCostly($user: LeafId!, $first: Int) { leafUser(id: $user) { machines(first: $first) { nodes { files(first: $first) { nodes { file { id } } } } } } }';
const STRANGERS = 'query FastStranger($user: LeafId!) { leafUser(id: $user) { machines(first: 2) { nodes { id } } } }';

/** A metric's value for the series whose labels include `labels` (0 when absent). */
async function metric(stack: Stack, name: string, labels: Record<string, string> = {}): Promise<number> {
  const text = (await stack.request<string>('/metrics')).text;
  let sum = 0;
  for (const line of text.split('\n')) {
    const match = /^(\w+)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const has = Object.entries(labels).every(([label, value]) => (match[2] ?? '').includes(`${label}="${value}"`));
    if (has) sum += Number(match[3]);
  }
  return sum;
}

const outcomes = async (stack: Stack) => ({
  served: await metric(stack, 'graphql_fast_path_total', { outcome: 'served' }),
  document: await metric(stack, 'graphql_fast_path_total', { outcome: 'document' }),
  request: await metric(stack, 'graphql_fast_path_total', { outcome: 'request' }),
});

/** The codes of an answer's errors. */
const codesOf = (answer: HttpAnswer) => ((answer.body as { errors?: { extensions?: { code?: string } }[] }).errors ?? []).map((error) => error.extensions?.code);

/** What a client can tell of an answer, but for the headers that differ per request. */
function seen(answer: HttpAnswer) {
  const headers = Object.fromEntries([...answer.headers].filter(([name]) => !['date', 'x-request-id'].includes(name)));
  return { status: answer.status, headers, text: answer.text };
}

describe('the /graphql fast path', () => {
  const lines: string[] = [];
  const stack = useStack({ env: { LOG_LEVEL: 'info', LOG_FORMAT: 'json' }, observability: { logWrite: (line) => lines.push(line) } });
  const requestLines = () =>
    lines.map((line) => JSON.parse(line) as Record<string, unknown>).filter((entry) => entry.msg === 'request' && entry.path === '/graphql');

  it('answers a query it has seen before exactly as Yoga answered it, with the same log line and metrics', async () => {
    for (const [index, accept] of [undefined, 'application/graphql-response+json', 'application/json, */*;q=0.5'].entries()) {
      const variables = { user: USER, first: 2 + index };
      const headers: Record<string, string> = accept ? { accept } : {};
      const before = await outcomes(stack);
      const requestsBefore = await metric(stack, 'graphql_yoga_http_duration_count', { operationName: 'FastMachines', statusCode: '200' });
      lines.length = 0;
      const first = await stack.post({ query: MACHINES, variables }, { headers });
      const second = await stack.post({ query: MACHINES, variables }, { headers });
      expect(first.status).toBe(200);
      expect((first.body as unknown as { data: { leafUser: { machines: { nodes: unknown[] } } } }).data.leafUser.machines.nodes).toHaveLength(2 + index);
      // Same body, status and headers: content type, caching headers, the same ETag.
      expect(seen(second)).toEqual(seen(first));
      expect(second.headers.get('etag')).toMatch(/^"[0-9a-f]{64}"$/);
      expect(second.headers.get('x-request-id')).toMatch(/\S/);
      expect(second.headers.get('x-request-id')).not.toBe(first.headers.get('x-request-id'));
      const after = await outcomes(stack);
      // The first request of the first round taught the path its document; every later one took it.
      expect(after.served - before.served).toBe(index === 0 ? 1 : 2);
      expect(after.document - before.document).toBe(index === 0 ? 1 : 0);
      expect(await metric(stack, 'graphql_yoga_http_duration_count', { operationName: 'FastMachines', statusCode: '200' })).toBe(requestsBefore + 2);
      // The log lines say the same but for the request id and the time taken.
      const [yoga, fast] = requestLines().map(({ requestId: _id, durationMs: _ms, time: _time, ...rest }) => rest);
      expect(fast).toEqual(yoga);
      expect(fast).toMatchObject({ level: 'info', method: 'POST', status: 200, operationName: 'FastMachines', operationType: 'query' });
    }
    // The phase metrics count every request, whichever path it took.
    const executed = await metric(stack, 'graphql_envelop_request', { operationType: 'query' });
    expect(await metric(stack, 'graphql_envelop_phase_execute_count', { operationType: 'query' })).toBe(executed);
    expect(await metric(stack, 'graphql_envelop_phase_parse_count', { operationType: 'query' })).toBe(executed);
  });

  it('confirms the current answer with 304 to the same caller, and answers a stale ETag in full', async () => {
    const variables = { user: USER, first: 4 };
    const answer = await stack.post({ query: MACHINES, variables });
    const etag = answer.headers.get('etag')!;
    const before = await outcomes(stack);
    const confirmed = await stack.post({ query: MACHINES, variables }, { headers: { 'if-none-match': etag } });
    expect(confirmed.status).toBe(304);
    expect(confirmed.text).toBe('');
    expect(confirmed.headers.get('etag')).toBe(etag);
    expect(confirmed.headers.get('cache-control')).toBe('private, no-cache');
    const stale = await stack.post({ query: MACHINES, variables }, { headers: { 'if-none-match': '"0000"' } });
    expect(stale.status).toBe(200);
    expect(stale.text).toBe(answer.text);
    expect((await outcomes(stack)).served - before.served).toBe(2);
  });

  it('gives a changed answer to the same request a new ETag, and the unchanged answer its own again, in UTF-8 or ASCII', async () => {
    const variables = { user: USER, first: 3 };
    type Names = { data: { leafUser: { machines: { nodes: { name: string }[] } } } };
    const first = await stack.post({ query: MACHINES, variables });
    const again = await stack.post({ query: MACHINES, variables });
    expect(again.headers.get('etag')).toBe(first.headers.get('etag'));
    const { name } = (first.body as unknown as Names).data.leafUser.machines.nodes[0]!;
    const record = stack.emulator.store.machinesOf(USER).find((candidate) => candidate.name === name)!;
    stack.emulator.activity.renameMachine({ leafUserId: USER, machineId: record.id, name: `${name} (renamed: Mähdrescher 🚜)` });
    const renamed = await stack.post({ query: MACHINES, variables }, { headers: { 'if-none-match': first.headers.get('etag')! } });
    expect(renamed.status).toBe(200);
    expect((renamed.body as unknown as Names).data.leafUser.machines.nodes[0]!.name).toBe(`${name} (renamed: Mähdrescher 🚜)`);
    expect(renamed.headers.get('etag')).toMatch(/^"[0-9a-f]{64}"$/);
    expect(renamed.headers.get('etag')).not.toBe(first.headers.get('etag'));
    // Renamed back: the same text as at first, so the same tag as at first.
    stack.emulator.activity.renameMachine({ leafUserId: USER, machineId: record.id, name });
    const back = await stack.post({ query: MACHINES, variables }, { headers: { 'if-none-match': renamed.headers.get('etag')! } });
    expect(back.status).toBe(200);
    expect(back.text).toBe(first.text);
    expect(back.headers.get('etag')).toBe(first.headers.get('etag'));
  });

  it('masks and codes errors as Yoga does, and counts them by code', async () => {
    lines.length = 0;
    const first = await stack.post({ query: STRANGERS, variables: { user: STRANGER } });
    const before = await outcomes(stack);
    const second = await stack.post({ query: STRANGERS, variables: { user: STRANGER } });
    expect((await outcomes(stack)).served - before.served).toBe(1);
    expect(seen(second)).toEqual(seen(first));
    expect(second.headers.get('cache-control')).toBe('no-store');
    expect(second.headers.get('etag')).toBeNull();
    expect(codesOf(second)).toEqual(['FORBIDDEN']);
    expect(second.text).not.toMatch(/stack|node_modules/);
    expect(await metric(stack, 'graphql_errors_total', { operationName: 'FastStranger', code: 'FORBIDDEN' })).toBe(2);
    const [yoga, fast] = requestLines().map(({ requestId: _id, durationMs: _ms, time: _time, ...rest }) => rest);
    expect(fast).toEqual(yoga);
    expect(fast).toMatchObject({ errors: ['FORBIDDEN'] });
  });

  it('hands Yoga every request it does not cover, which Yoga answers as before', async () => {
    await stack.post({ query: MACHINES, variables: { user: USER, first: 1 } });
    await stack.post({ query: COSTLY, variables: { user: USER, first: 1 } });
    const before = await outcomes(stack);
    // Variables that do not fit: graphql-js's message, BAD_USER_INPUT.
    const badVariables = await stack.post({ query: MACHINES, variables: { user: USER, first: 'many' } });
    expect(badVariables.status).toBe(400);
    expect(codesOf(badVariables)).toEqual(['BAD_USER_INPUT']);
    // A parameter it does not read (an APQ hash that does not match the query): Yoga refuses it.
    const mismatch = await stack.post({ query: MACHINES, variables: { user: USER }, extensions: { persistedQuery: { version: 1, sha256Hash: '0'.repeat(64) } } });
    expect(mismatch.status).toBe(400);
    expect(codesOf(mismatch)).toEqual(['PERSISTED_QUERY_HASH_MISMATCH']);
    // A cost over the limit, refused before any upstream call.
    stack.resetCalls();
    const costly = await stack.post({ query: COSTLY, variables: { user: USER, first: 100 } });
    expect(codesOf(costly)).toEqual(['QUERY_TOO_COMPLEX']);
    expect(stack.calls()).toHaveLength(0);
    const after = await outcomes(stack);
    expect(after.served).toBe(before.served);
    expect(after.request - before.request).toBe(3);
    // Decided from the headers alone, before the body is read: a browser's request (CORS headers) and a stream.
    const browser = await stack.post({ query: MACHINES, variables: { user: USER, first: 1 } }, { headers: { origin: 'http://localhost:5173' } });
    expect(browser.status).toBe(200);
    expect(browser.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    const stream = await stack.post({ query: MACHINES, variables: { user: USER, first: 1 } }, { headers: { accept: 'text/event-stream' } });
    expect(stream.headers.get('content-type')).toMatch(/^text\/event-stream/);
    expect(await outcomes(stack)).toEqual(after);
  });
});

describe('without the fast path (ABLATE=fast-path)', () => {
  it('answers every request through Yoga', async () => {
    await withStack({ env: { ABLATE: 'fast-path' } }, async (stack) => {
      for (let round = 0; round < 2; round++) expect((await stack.post({ query: MACHINES, variables: { user: USER, first: 2 } })).status).toBe(200);
      expect(await outcomes(stack)).toEqual({ served: 0, document: 0, request: 0 });
    });
  });
});
