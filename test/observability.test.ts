// What an operator sees: /metrics counters that move with traffic (requests per operation,
// upstream calls per endpoint, cache hits, errors by code, coalescing), spans of each operation
// and its upstream calls at an OTLP collector, and JSON log lines carrying the request id that
// is also forwarded upstream and echoed to the caller.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { print } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USER_IDS, type CallRecord } from '../src/emulator/index.js';
import { graphql } from './__generated__/index.js';
import { useStack, useStacks, withStack, type Stack } from './support/stack.js';

const USER = DEMO_USER_IDS.prairieFarms;
const OTHER_USER = DEMO_USER_IDS.otherFarm;
const MACHINES_ENDPOINT = '/services/beta/api/users/{id}/machines';

// Text: these tests send their own bodies and headers and read the answer's.
const MACHINES = print(graphql(/* GraphQL */ `
  query ObservedMachines($user: LeafId!, $first: Int) {
    leafUser(id: $user) { machines(first: $first) { nodes { id name } } }
  }
`));

const FILE_POINTS = print(graphql(/* GraphQL */ `
  query ObservedFilePoints($id: LeafId!) {
    file(id: $id) { points(first: 3) { nodes { timestamp } } }
  }
`));
/** How metrics and spans name a points stream (src/leaf/points.ts): Leaf chooses its URL. */
const POINTS_ENDPOINT = '{file.downloadStandardGeojson}';

function isPointsCall(call: CallRecord): boolean {
  return call.path.endsWith('/standardGeojson');
}

type Labels = Record<string, string>;

/** Prometheus text format → samples. */
function parseMetrics(text: string): { name: string; labels: Labels; value: number }[] {
  const samples = [];
  for (const line of text.split('\n')) {
    const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})?\s+(\S+)$/.exec(line);
    if (!match) continue;
    const labels: Labels = {};
    for (const [, key, value] of (match[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)) labels[key!] = value!;
    samples.push({ name: match[1]!, labels, value: Number(match[3]) });
  }
  return samples;
}

async function scrape(stack: Stack) {
  const response = await stack.request('/metrics');
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toContain('text/plain');
  const samples = parseMetrics(response.text);
  /** Sum of the samples of `name` whose labels include `labels`. */
  return (name: string, labels: Labels = {}) =>
    samples
      .filter((sample) => sample.name === name && Object.entries(labels).every(([key, value]) => sample.labels[key] === value))
      .reduce((sum, sample) => sum + sample.value, 0);
}

describe('/metrics', () => {
  const stack = useStack({ env: { RESPONSE_CACHE: 'true' } });

  it('counts requests per operation, upstream calls per endpoint, cache hits and errors by code', async () => {
    const before = await scrape(stack);
    stack.resetCalls();
    await stack.query(MACHINES, { user: USER, first: 5 }); // executed: a miss
    const upstreamForFirst = stack.calls().filter((call) => call.path.endsWith('/machines')).length;
    expect(upstreamForFirst).toBeGreaterThan(0);
    await stack.query(MACHINES, { user: USER, first: 5 }); // answered from the cache
    const forbidden = await stack.query(MACHINES, { user: OTHER_USER, first: 5 }); // Leaf answers 403
    expect(forbidden.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const badInput = await stack.query(MACHINES, { user: USER, first: 500 });
    expect(badInput.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const after = await scrape(stack);
    const delta = (name: string, labels: Labels = {}) => after(name, labels) - before(name, labels);

    const operation = { operationName: 'ObservedMachines' };
    // Envelop's stock metrics count by operation type; per-operation figures come from the
    // HTTP histogram, whose client-chosen names are capped.
    expect(delta('graphql_envelop_request', { operationType: 'query' })).toBe(3);
    expect(delta('graphql_envelop_request_duration_count')).toBe(3);
    expect(delta('graphql_yoga_http_duration_count', { ...operation, method: 'POST', statusCode: '200' })).toBe(3);
    expect(delta('graphql_response_cache_total', { ...operation, result: 'miss' })).toBe(3);
    expect(delta('graphql_response_cache_total', { ...operation, result: 'hit' })).toBe(1);
    expect(delta('graphql_errors_total', { ...operation, code: 'FORBIDDEN' })).toBe(1);
    expect(delta('graphql_errors_total', { ...operation, code: 'BAD_USER_INPUT' })).toBe(1);

    const endpoint = { method: 'GET', endpoint: MACHINES_ENDPOINT };
    expect(delta('leaf_upstream_requests_total', { ...endpoint, status: '200', code: 'OK' })).toBe(upstreamForFirst);
    expect(delta('leaf_upstream_requests_total', { ...endpoint, status: '403', code: 'FORBIDDEN' })).toBe(1);
    expect(delta('leaf_upstream_request_duration_seconds_count', endpoint)).toBe(upstreamForFirst + 1);
    // Process metrics come along for free.
    expect(after('process_cpu_user_seconds_total')).toBeGreaterThan(0);
  });

  it('counts a points stream as one upstream call of its own endpoint', async () => {
    const file = stack.emulator.store.filesOf(USER).find((candidate) => candidate.summary !== null)!;
    const before = await scrape(stack);
    stack.resetCalls();
    const answer = await stack.query(FILE_POINTS, { id: file.id });
    expect(answer.errors).toBeUndefined();
    expect(answer.data).toMatchObject({ file: { points: { nodes: [{}, {}, {}] } } });
    expect(stack.calls().filter(isPointsCall)).toHaveLength(1);
    const after = await scrape(stack);
    const endpoint = { method: 'GET', endpoint: POINTS_ENDPOINT };
    expect(after('leaf_upstream_requests_total', { ...endpoint, status: '200', code: 'OK' }) - before('leaf_upstream_requests_total', { ...endpoint, status: '200', code: 'OK' })).toBe(1);
    expect(after('leaf_upstream_request_duration_seconds_count', endpoint) - before('leaf_upstream_request_duration_seconds_count', endpoint)).toBe(1);
  });

  it('counts coalesced reads: identical concurrent queries start one upstream read and join it', async () => {
    stack.emulator.setLatency(150);
    try {
      const before = await scrape(stack);
      stack.resetCalls();
      // All ten miss the response cache together; each needs one page of machines.
      const answers = await Promise.all(
        Array.from({ length: 10 }, () => stack.query(MACHINES, { user: DEMO_USER_IDS.riverBend, first: 7 })),
      );
      expect(answers.every((answer) => answer.errors === undefined)).toBe(true);
      const after = await scrape(stack);
      const started = after('leaf_upstream_coalesced_reads_total', { kind: 'started' }) - before('leaf_upstream_coalesced_reads_total', { kind: 'started' });
      const joined = after('leaf_upstream_coalesced_reads_total', { kind: 'joined' }) - before('leaf_upstream_coalesced_reads_total', { kind: 'joined' });
      expect(started).toBe(stack.calls().length);
      expect(joined).toBeGreaterThan(0);
      expect(started + joined).toBe(10);
    } finally {
      stack.emulator.setLatency(0);
    }
  });
});

describe('operation-name labels', () => {
  const startForTest = useStacks();
  const labelsAt = async (stack: Stack) => {
    const { text } = await stack.request('/metrics');
    return new Set([...text.matchAll(/operationName="([^"]*)"/g)].map((match) => match[1]));
  };

  it('keep at most 200 client-invented names and fold the rest into Other', async () => {
    await withStack({}, async (stack) => {
      for (let index = 0; index < 230; index++) {
        const { errors } = await stack.query(`query Invented${index} { __typename }`, {});
        expect(errors).toBeUndefined();
      }
      const names = await labelsAt(stack);
      expect(names.has('Other')).toBe(true);
      expect([...names].filter((name) => name?.startsWith('Invented')).length).toBe(200);
    });
  });

  it('are capped per gateway: a gateway whose cap is full leaves another one’s untouched', async () => {
    const full = await startForTest();
    const fresh = await startForTest();
    for (let index = 0; index < 201; index++) await full.query(`query Crowding${index} { __typename }`, {});
    expect((await full.query('query Late { __typename }', {})).errors).toBeUndefined();
    expect((await fresh.query('query Late { __typename }', {})).errors).toBeUndefined();
    const fullNames = await labelsAt(full);
    expect(fullNames.has('Other')).toBe(true);
    expect(fullNames.has('Late')).toBe(false);
    const freshNames = await labelsAt(fresh);
    expect(freshNames.has('Late')).toBe(true);
    expect(freshNames.has('Other')).toBe(false);
  });
});

describe('operation-name labels on errors', () => {
  it('fold client-invented names past 200 into Other on graphql_errors_total too', async () => {
    await withStack({}, async (stack) => {
      for (let index = 0; index < 230; index++) {
        // A named operation whose answer carries an error: an unknown Leaf user is FORBIDDEN.
        const { errors } = await stack.query(`query Failing${index} { leafUser(id: "99999999-9999-4999-8999-999999999999") { machines(first: 1) { nodes { id } } } }`, {});
        expect(errors?.length).toBeGreaterThan(0);
      }
      const { text } = await stack.request('/metrics');
      const lines = text.split('\n').filter((line) => line.startsWith('graphql_errors_total{'));
      const names = new Set(lines.map((line) => /operationName="([^"]*)"/.exec(line)?.[1]));
      expect(names.has('Other')).toBe(true);
      // This gateway's own cap, filled by this test alone: 200 names kept, the last 30 folded.
      expect([...names].filter((name) => name?.startsWith('Failing')).length).toBe(200);
    });
  });
});

describe('METRICS=false', () => {
  it('answers 404 at /metrics and still serves queries', async () => {
    await withStack({ env: { METRICS: 'false' } }, async (stack) => {
      expect((await stack.request('/metrics')).status).toBe(404);
      expect((await stack.query(MACHINES, { user: USER, first: 1 })).errors).toBeUndefined();
    });
  });
});

describe('request ids and structured logs', () => {
  const lines: string[] = [];
  const logged = () => lines.map((line) => JSON.parse(line) as Record<string, unknown>);
  const stack = useStack({
    env: { LOG_LEVEL: 'debug', LOG_FORMAT: 'json', RESPONSE_CACHE: 'true' },
    observability: { logWrite: (line) => lines.push(line) },
  });

  it('forwards the caller’s x-request-id upstream, echoes it, and logs it on every line of that request', async () => {
    stack.resetCalls();
    lines.length = 0;
    const answer = await stack.query(MACHINES, { user: USER, first: 3 }, { headers: { 'x-request-id': 'mobile-7f3a.42' } });
    expect(answer.errors).toBeUndefined();
    expect(answer.headers.get('x-request-id')).toBe('mobile-7f3a.42');
    expect(stack.calls().length).toBeGreaterThan(0);
    expect(stack.calls().every((call) => call.requestId === 'mobile-7f3a.42')).toBe(true);

    const entries = logged();
    const request = entries.find((entry) => entry.msg === 'request' && entry.path === '/graphql');
    expect(request).toMatchObject({
      level: 'info',
      requestId: 'mobile-7f3a.42',
      method: 'POST',
      status: 200,
      operationName: 'ObservedMachines',
      operationType: 'query',
    });
    expect(typeof request!.durationMs).toBe('number');
    expect(typeof request!.time).toBe('string');
    const upstream = entries.filter((entry) => entry.msg === 'upstream call');
    expect(upstream).toHaveLength(stack.calls().length);
    expect(upstream.every((entry) => entry.requestId === 'mobile-7f3a.42' && entry.endpoint === MACHINES_ENDPOINT)).toBe(true);
    // Nothing about the caller's token reaches the logs.
    expect(lines.join('\n')).not.toContain(stack.emulator.demoToken);
  });

  it('logs a points stream as an upstream call of the request that opened it', async () => {
    const file = stack.emulator.store.filesOf(USER).find((candidate) => candidate.summary !== null)!;
    stack.resetCalls();
    lines.length = 0;
    const answer = await stack.query(FILE_POINTS, { id: file.id }, { headers: { 'x-request-id': 'map-points.1' } });
    expect(answer.errors).toBeUndefined();
    const points = stack.calls().filter(isPointsCall);
    expect(points).toHaveLength(1);
    expect(points[0]!.requestId).toBe('map-points.1');
    const upstream = logged().filter((entry) => entry.msg === 'upstream call');
    expect(upstream).toHaveLength(stack.calls().length);
    expect(upstream.filter((entry) => entry.endpoint === POINTS_ENDPOINT)).toEqual([
      expect.objectContaining({ requestId: 'map-points.1', method: 'GET', status: 200 }),
    ]);
  });

  it('makes up an id when none (or an unsafe one) is sent, and uses it upstream and in the log', async () => {
    for (const [index, sent] of [undefined, 'bad id with spaces', 'x'.repeat(200)].entries()) {
      stack.resetCalls();
      lines.length = 0;
      const headers: Record<string, string> = sent ? { 'x-request-id': sent } : {};
      const answer = await stack.query(MACHINES, { user: DEMO_USER_IDS.riverBend, first: 2 + index }, { headers });
      const requestId = answer.headers.get('x-request-id');
      expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
      expect(stack.calls().length).toBeGreaterThan(0);
      expect(stack.calls().every((call) => call.requestId === requestId)).toBe(true);
      expect(logged().find((entry) => entry.msg === 'request')?.requestId).toBe(requestId);
    }
  });

  it('logs a cache hit with its request id and no upstream call', async () => {
    await stack.query(MACHINES, { user: USER, first: 9 });
    stack.resetCalls();
    lines.length = 0;
    const answer = await stack.query(MACHINES, { user: USER, first: 9 }, { headers: { 'x-request-id': 'cached-1' } });
    expect(answer.headers.get('x-request-id')).toBe('cached-1');
    expect(stack.calls()).toEqual([]);
    expect(logged().find((entry) => entry.msg === 'request')).toMatchObject({ requestId: 'cached-1', cache: 'hit', status: 200 });
  });

  it('LOG_FORMAT=text writes readable lines with the same fields', async () => {
    const textLines: string[] = [];
    await withStack({ env: { LOG_LEVEL: 'info', LOG_FORMAT: 'text' }, observability: { logWrite: (line) => textLines.push(line) } }, async (text) => {
      await text.query(MACHINES, { user: USER, first: 1 }, { headers: { 'x-request-id': 'plain-1' } });
      // A client-chosen operation name cannot forge a second log line.
      await text.post(
        { query: '{ __typename }', operationName: 'x\n2026-01-01T00:00:00.000Z INFO forged' },
        { token: null, headers: { 'x-request-id': 'plain-2' } },
      );
    });
    const line = textLines.find((entry) => entry.includes(' INFO request '));
    expect(line).toContain('requestId=plain-1');
    expect(line).toContain('operationName=ObservedMachines');
    expect(() => JSON.parse(line!)).toThrow();
    expect(textLines.some((entry) => entry.includes('requestId=plain-2'))).toBe(true);
    const physical = textLines.flatMap((entry) => entry.split('\n'));
    expect(physical.every((entry) => /^\d{4}-\d\d-\d\dT[\d:.]+Z (DEBUG|INFO|WARN|ERROR) /.test(entry))).toBe(true);
    expect(physical.some((entry) => entry.startsWith('2026-01-01T00:00:00.000Z'))).toBe(false);
  });
});

describe('tracing to an OTLP collector', () => {
  interface OtlpSpan {
    traceId: string;
    spanId: string;
    parentSpanId?: string;
    name: string;
    attributes: { key: string; value: { stringValue?: string; intValue?: number | string } }[];
  }
  let collector: Server;
  let endpoint: string;
  const exports: { path: string; spans: OtlpSpan[] }[] = [];

  beforeAll(async () => {
    collector = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
          resourceSpans: { scopeSpans: { spans: OtlpSpan[] }[] }[];
        };
        const spans = body.resourceSpans.flatMap((resource) => resource.scopeSpans.flatMap((scope) => scope.spans));
        exports.push({ path: request.url ?? '', spans });
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end('{}');
      });
    });
    await new Promise<void>((resolve) => collector.listen(0, '127.0.0.1', resolve));
    endpoint = `http://127.0.0.1:${(collector.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => collector.close(() => resolve()));
  });

  const attribute = (span: OtlpSpan, key: string) => {
    const value = span.attributes.find((entry) => entry.key === key)?.value;
    return value?.stringValue ?? (value?.intValue !== undefined ? Number(value.intValue) : undefined);
  };

  it('exports a span per operation with a child span per upstream call, tagged with the request id', async () => {
    exports.length = 0;
    let upstreamCalls = 0;
    let traceparents: string[] = [];
    // Closing the stack flushes the batch to the collector.
    await withStack({ env: { OTEL_EXPORTER_OTLP_ENDPOINT: endpoint } }, async (stack) => {
      const answer = await stack.query(MACHINES, { user: USER, first: 4 }, { headers: { 'x-request-id': 'traced-1' } });
      expect(answer.errors).toBeUndefined();
      upstreamCalls = stack.calls().length;
      traceparents = stack.calls().map((call) => call.traceparent ?? 'none');
    });
    expect(exports.length).toBeGreaterThan(0);
    expect(exports.every((batch) => batch.path === '/v1/traces')).toBe(true);
    const spans = exports.flatMap((batch) => batch.spans);
    const operation = spans.find((span) => span.name === 'graphql.query ObservedMachines');
    expect(operation).toBeDefined();
    expect(attribute(operation!, 'request.id')).toBe('traced-1');
    const children = spans.filter((span) => span.parentSpanId === operation!.spanId);
    expect(children).toHaveLength(upstreamCalls);
    for (const child of children) {
      expect(child.name).toBe(`GET ${MACHINES_ENDPOINT}`);
      expect(child.traceId).toBe(operation!.traceId);
      expect(attribute(child, 'http.response.status_code')).toBe(200);
      expect(attribute(child, 'request.id')).toBe('traced-1');
    }
    // Leaf is told which span each call is, so its own spans join the trace.
    expect(traceparents.sort()).toEqual(children.map((child) => `00-${child.traceId}-${child.spanId}-01`).sort());
  });

  it('keeps two requests apart that send the same request id: each call under its own operation', async () => {
    exports.length = 0;
    let calls: CallRecord[] = [];
    await withStack({ env: { OTEL_EXPORTER_OTLP_ENDPOINT: endpoint } }, async (stack) => {
      const headers = { 'x-request-id': 'reused-id' };
      const answers = await Promise.all([
        stack.query(MACHINES, { user: USER, first: 3 }, { headers }),
        stack.query(MACHINES, { user: USER, first: 5 }, { headers }),
      ]);
      for (const answer of answers) expect(answer.errors).toBeUndefined();
      calls = stack.calls();
    });
    const spans = exports.flatMap((batch) => batch.spans);
    const operations = spans.filter((span) => span.name === 'graphql.query ObservedMachines');
    expect(operations).toHaveLength(2);
    expect(calls).toHaveLength(2);
    const sizes = new Set<string>();
    for (const operation of operations) {
      const children = spans.filter((span) => span.parentSpanId === operation.spanId);
      expect(children).toHaveLength(1);
      const child = children[0]!;
      expect(child.traceId).toBe(operation.traceId);
      const call = calls.find((entry) => entry.traceparent === `00-${child.traceId}-${child.spanId}-01`);
      expect(call).toBeDefined();
      sizes.add(call!.query.size?.[0] ?? '');
    }
    expect(sizes).toEqual(new Set(['3', '5']));
  });

  const callerTrace = '4bf92f3577b34da6a3ce929d0e0e4736';
  const callerSpan = '00f067aa0ba902b7';

  /** On a stack of its own, `send` as part of the caller's trace with `tracestate`: what Leaf was sent, and the spans exported. */
  async function underCallerTrace(
    tracestate: string,
    send: (stack: Stack, headers: Record<string, string>) => Promise<{ errors?: unknown }>,
  ): Promise<{ calls: CallRecord[]; spans: OtlpSpan[] }> {
    exports.length = 0;
    let calls: CallRecord[] = [];
    await withStack({ env: { OTEL_EXPORTER_OTLP_ENDPOINT: endpoint } }, async (stack) => {
      const answer = await send(stack, { traceparent: `00-${callerTrace}-${callerSpan}-01`, tracestate });
      expect(answer.errors).toBeUndefined();
      calls = stack.calls();
    });
    return { calls, spans: exports.flatMap((batch) => batch.spans) };
  }

  it('continues the caller’s trace and passes its tracestate on to Leaf', async () => {
    const { calls, spans } = await underCallerTrace('farmapp=ios,rojo=00f067aa0ba902b7', (stack, headers) =>
      stack.query(MACHINES, { user: USER, first: 2 }, { headers }),
    );
    const operation = spans.find((span) => span.name === 'graphql.query ObservedMachines');
    expect(operation).toMatchObject({ traceId: callerTrace, parentSpanId: callerSpan });
    const children = spans.filter((span) => span.parentSpanId === operation!.spanId);
    expect(calls.length).toBeGreaterThan(0);
    expect(children).toHaveLength(calls.length);
    for (const call of calls) {
      expect(call.tracestate).toBe('farmapp=ios,rojo=00f067aa0ba902b7');
      expect(children.map((child) => `00-${callerTrace}-${child.spanId}-01`)).toContain(call.traceparent);
    }
  });

  it('gives a points stream its own span under the operation, and tells Leaf with traceparent and tracestate', async () => {
    const traced = await underCallerTrace('farmapp=android', (stack, headers) => {
      const file = stack.emulator.store.filesOf(USER).find((candidate) => candidate.summary !== null)!;
      return stack.query(FILE_POINTS, { id: file.id }, { headers });
    });
    const { spans } = traced;
    const calls = traced.calls.filter(isPointsCall);
    expect(calls).toHaveLength(1);
    const operation = spans.find((span) => span.name === 'graphql.query ObservedFilePoints');
    expect(operation).toMatchObject({ traceId: callerTrace, parentSpanId: callerSpan });
    const pointsSpan = spans.find((span) => span.parentSpanId === operation!.spanId && span.name === `GET ${POINTS_ENDPOINT}`);
    expect(pointsSpan).toBeDefined();
    expect(attribute(pointsSpan!, 'http.response.status_code')).toBe(200);
    expect(calls[0]!.traceparent).toBe(`00-${callerTrace}-${pointsSpan!.spanId}-01`);
    expect(calls[0]!.tracestate).toBe('farmapp=android');
  });

  it('sends no tracestate upstream when the caller sent none', async () => {
    await withStack({ env: { OTEL_EXPORTER_OTLP_ENDPOINT: endpoint } }, async (stack) => {
      expect((await stack.query(MACHINES, { user: USER, first: 1 })).errors).toBeUndefined();
      expect(stack.calls().length).toBeGreaterThan(0);
      expect(stack.calls().every((call) => call.traceparent !== null && call.tracestate === null)).toBe(true);
    });
  });

  it('TRACING=false sends nothing even with a collector configured', async () => {
    exports.length = 0;
    await withStack({ env: { OTEL_EXPORTER_OTLP_ENDPOINT: endpoint, TRACING: 'false' } }, async (stack) => {
      await stack.query(MACHINES, { user: USER, first: 4 });
    });
    expect(exports).toEqual([]);
  });
});

