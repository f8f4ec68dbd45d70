// Incremental delivery as a mobile client on a slow link uses it: @defer the machines' files so
// the machines list arrives first, @stream a list, over multipart/mixed and event streams; and
// what the response cache, cost limit and metrics make of such answers.
import { createHash } from 'node:crypto';
import { meros } from 'meros/browser';
import { print } from 'graphql';
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_USER_IDS } from '../src/emulator/index.js';
import { graphql } from './__generated__/index.js';
import { useStack, type Stack } from './support/stack.js';

type Json = Record<string, unknown>;

const USER = DEMO_USER_IDS.riverBend;

const MachinesThenFilesDocument = graphql(/* GraphQL */ `
  query MachinesThenFiles($user: LeafId!) {
    leafUser(id: $user) {
      machines(first: 10) {
        nodes {
          name
          ... @defer(label: "files") {
            files(first: 5) { nodes { leafFileId file { summary { operationType } } } }
          }
        }
      }
    }
  }
`);
/** The same document as text, for the requests that ask for parts and for its APQ hash. */
const MachinesThenFiles = print(MachinesThenFilesDocument);

const DeferredFilesOfAll = graphql(/* GraphQL */ `
  query DeferredFilesOfAll($user: LeafId!) {
    leafUser(id: $user) { machines(first: 100) { nodes { name ... @defer { files(first: 100) { nodes { leafFileId } } } } } }
  }
`);

interface Part {
  data?: Json | null;
  incremental?: { data?: Json; items?: unknown[]; path: (string | number)[]; label?: string; errors?: Json[] }[];
  errors?: Json[];
  hasNext?: boolean;
}

/** Sends a query asking for multipart/mixed, and reads each part as it arrives (so from fetch's stream, not the stack's whole-body answer). */
async function multipart(stack: Stack, query: string, variables: Json, onPart?: (part: Part, index: number) => void): Promise<{ contentType: string; parts: Part[] }> {
  const response = await fetch(`${stack.gateway.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'multipart/mixed', authorization: `Bearer ${stack.emulator.demoToken}` },
    body: JSON.stringify({ query, variables }),
  });
  const contentType = response.headers.get('content-type') ?? '';
  const parts: Part[] = [];
  const read = await meros<Part>(response);
  if (Symbol.asyncIterator in read) {
    for await (const part of read) {
      expect(part.json).toBe(true);
      onPart?.(part.body as Part, parts.length);
      parts.push(part.body as Part);
    }
  } else parts.push((await read.json()) as Part);
  return { contentType, parts };
}

function filesCalls(stack: Stack) {
  return stack.calls().filter((call) => call.path.endsWith('/files') && call.path.includes('/machines/'));
}

describe('@defer and @stream', () => {
  const stack = useStack();

  afterEach(() => stack.emulator.clearFaults());

  it('delivers the machines first, and each machine\'s files after their slow upstream calls', async () => {
    stack.emulator.addFault({ path: /\/machines\/[^/]+\/files$/, delayMs: 300 });
    stack.resetCalls();
    let answeredAtFirstPart = -1;
    const { contentType, parts } = await multipart(stack, MachinesThenFiles, { user: USER }, (_part, index) => {
      // When the first part is read, no files call has been answered yet (status 0: pending).
      if (index === 0) answeredAtFirstPart = filesCalls(stack).filter((call) => call.status !== 0).length;
    });
    expect(contentType).toContain('multipart/mixed');
    const [first, ...rest] = parts;
    const machines = (first?.data?.leafUser as { machines: { nodes: Json[] } }).machines.nodes;
    expect(machines).toHaveLength(10);
    expect(machines.every((machine) => typeof machine.name === 'string' && !('files' in machine))).toBe(true);
    expect(first?.hasNext).toBe(true);
    expect(answeredAtFirstPart).toBe(0);

    const deferred = rest.flatMap((part) => part.incremental ?? []);
    expect(deferred).toHaveLength(10);
    expect(deferred.every((patch) => patch.label === 'files' && patch.data && 'files' in patch.data)).toBe(true);
    expect(new Set(deferred.map((patch) => patch.path.join('.')))).toEqual(
      new Set(machines.map((_, index) => `leafUser.machines.nodes.${index}`)),
    );
    expect(parts.at(-1)?.hasNext).toBe(false);
    expect(filesCalls(stack)).toHaveLength(10);
  });

  it('streams a list item by item with @stream', async () => {
    const { parts } = await multipart(
      stack,
      `query($user: LeafId!) { leafUser(id: $user) { machines(first: 5) { nodes @stream(initialCount: 2) { name } } } }`,
      { user: USER },
    );
    const first = (parts[0]?.data?.leafUser as { machines: { nodes: Json[] } }).machines.nodes;
    expect(first).toHaveLength(2);
    const streamed = parts.slice(1).flatMap((part) => part.incremental ?? []).flatMap((patch) => patch.items ?? []);
    expect(first.length + streamed.length).toBe(5);
  });

  it('answers the same query over an event stream (text/event-stream)', async () => {
    const response = await stack.post({ query: MachinesThenFiles, variables: { user: USER } }, { headers: { accept: 'text/event-stream' } });
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    const events = response.text
      .split('\n\n')
      .filter((block) => block.startsWith('event: next'))
      .map((block) => JSON.parse(block.split('\ndata: ')[1] ?? '{}') as Part);
    expect(events[0]?.data?.leafUser).toBeDefined();
    expect(events.slice(1).flatMap((part) => part.incremental ?? [])).toHaveLength(10);
  });

  it('answers a deferred automatic persisted query by GET in parts', async () => {
    const hash = createHash('sha256').update(MachinesThenFiles).digest('hex');
    const extensions = { persistedQuery: { version: 1, sha256Hash: hash } };
    const register = await stack.post({ query: MachinesThenFiles, variables: { user: USER }, extensions }, { headers: { accept: 'application/json' } });
    expect(register.status).toBe(200);
    const search = new URLSearchParams({ variables: JSON.stringify({ user: USER }), extensions: JSON.stringify(extensions) });
    const response = await fetch(`${stack.gateway.url}/graphql?${search}`, {
      headers: { accept: 'multipart/mixed', authorization: `Bearer ${stack.emulator.demoToken}`, 'x-graphql-yoga-csrf': '1' },
    });
    expect(response.headers.get('content-type')).toContain('multipart/mixed');
    const parts: Part[] = [];
    const read = await meros<Part>(response);
    if (Symbol.asyncIterator in read) for await (const part of read) parts.push(part.body as Part);
    expect(parts.length).toBeGreaterThan(1);
    expect(parts[0]?.data?.leafUser).toBeDefined();
    expect(parts.slice(1).flatMap((part) => part.incremental ?? [])).toHaveLength(10);
  });

  it('counts a deferred fragment in the query cost', async () => {
    const answer = await stack.query(DeferredFilesOfAll, { user: USER });
    expect(answer.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
  });

  for (const accept of ['application/graphql-response+json, application/json', '*/*']) {
    it(`answers a client that does not ask for parts (Accept: ${accept}) with one whole answer`, async () => {
      const answer = await stack.query(MachinesThenFilesDocument, { user: USER }, { headers: { accept } });
      expect(answer.status).toBe(200);
      expect(answer.errors).toBeUndefined();
      expect(answer.data?.leafUser?.machines?.nodes.every((machine) => Array.isArray(machine?.files?.nodes))).toBe(true);
    });
  }
});

describe('@defer with the response cache', () => {
  const stack = useStack({ env: { RESPONSE_CACHE: 'true' } });

  it('caches the whole answer, and serves it whole from the cache without upstream calls', async () => {
    const first = await multipart(stack, MachinesThenFiles, { user: USER });
    expect(first.parts.length).toBeGreaterThan(1);
    stack.resetCalls();
    const again = await multipart(stack, MachinesThenFiles, { user: USER });
    expect(stack.calls()).toHaveLength(0);
    // One part with everything: the machines and each machine's files merged in.
    const whole = again.parts.find((part) => part.data)!;
    const machines = (whole.data?.leafUser as { machines: { nodes: Json[] } }).machines.nodes;
    expect(machines).toHaveLength(10);
    expect(machines.every((machine) => 'files' in machine)).toBe(true);
  });
});

describe('@defer in the request log and metrics', () => {
  const lines: string[] = [];
  const stack = useStack({ env: { LOG_LEVEL: 'info', LOG_FORMAT: 'json' }, observability: { logWrite: (line) => lines.push(line) } });

  it('logs a deferred answer once its last part is sent, with the errors of its later parts, and counts them', async () => {
    stack.emulator.addFault({ path: /\/machines\/[^/]+\/files$/, status: 500, times: 100 });
    lines.length = 0;
    const { parts } = await multipart(stack, MachinesThenFiles, { user: USER });
    stack.emulator.clearFaults();
    expect(parts[0]?.errors).toBeUndefined();
    const lateErrors = parts.slice(1).flatMap((part) => part.incremental ?? []).flatMap((patch) => patch.errors ?? []);
    expect(lateErrors.length).toBeGreaterThan(0);
    expect(lateErrors.every((error) => (error.extensions as Json).code === 'UPSTREAM_ERROR')).toBe(true);

    const requests = lines.map((line) => JSON.parse(line) as Json).filter((entry) => entry.msg === 'request' && entry.path === '/graphql');
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({ operationName: 'MachinesThenFiles', incremental: true, status: 200 });
    expect((requests[0]!.errors as string[]).length).toBe(lateErrors.length);

    const { text: metrics } = await stack.request('/metrics');
    const counted = /graphql_errors_total\{operationName="MachinesThenFiles",code="UPSTREAM_ERROR"\} (\d+)/.exec(metrics);
    expect(Number(counted?.[1])).toBe(lateErrors.length);
  });
});
