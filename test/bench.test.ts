// The benchmark's own premises, checked fast: its queries are valid against the schema, and
// its direct REST baseline fetches the same data as the gateway with the same upstream calls,
// each at the optimum. No timings here: `npm run bench` measures those.
import { parse, validate } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idsOfGateway } from '../bench/compare.js';
import { DirectClient } from '../bench/direct.js';
import { findTailcall, recordsOfGateway, startTailcall, tailcallQuery } from '../bench/peers/tailcall.js';
import { freePort, type Server } from '../bench/processes.js';
import { benchQueries, NODE_IDS, optimumCalls, WALK, type Setup } from '../bench/queries.js';
import { directInputOf, directMismatch, discoverSetup, tailcallMismatch } from '../bench/reference.js';
import { Changes, LIVE_MACHINE, measureLatency, poller, readMostly, referenceReads, subscriber } from '../bench/live-events.js';
import { judgeReads, liveName, readAnswer, runLiveReads, type Change, type ReadRecord, type Shown, type TrackedMachine } from '../bench/live-reads.js';
import { BENCH_TOKEN, DEMO_TOKEN, DEMO_USER_IDS } from '../src/emulator/index.js';
import { schema } from '../src/schema/index.js';
import { startGateway } from '../src/server/index.js';
import { gatewayClient, stackConfig, useStack, withStack } from './support/stack.js';
import { until } from './support/wait.js';

// The response cache (off by the stack's default) would answer repeats without calling Leaf;
// the call counts are about the gateway itself.
const stack = useStack({ emulator: { scale: 'large' } });
let setup: Setup;
const DEEP_OFFSET = 99;

beforeAll(async () => {
  // The deep page starts after the item at offset 99: the end of a first page of 100.
  setup = await discoverSetup(stack.gateway, DEEP_OFFSET);
});

describe('benchmark queries', () => {
  it('are valid documents of the schema, the machine-data leg included', () => {
    const documents = [...benchQueries(setup).map((query) => query.document), WALK, NODE_IDS];
    for (const document of documents) expect(validate(schema, parse(document))).toEqual([]);
  });
});

describe('direct REST baseline', () => {
  it.each(['flat', 'nested', 'nodes', 'deep'] as const)(
    'fetches the same records as the gateway for query %s, with the same optimal number of upstream calls',
    async (name) => {
      const query = benchQueries(setup).find((candidate) => candidate.name === name)!;
      stack.resetCalls();
      const answer = await stack.query(query.document, query.variables, { token: BENCH_TOKEN });
      expect(answer.errors).toBeUndefined();
      const gatewayCalls = stack.calls().length;

      const input = directInputOf(setup, DEEP_OFFSET);
      const direct = new DirectClient(stack.emulator.url, 32, BENCH_TOKEN);
      stack.resetCalls();
      const result = await direct.run(name, input);
      const directCalls = stack.calls().length;
      await direct.close();

      const ids = idsOfGateway(name, answer.data);
      expect(ids.length).toBeGreaterThan(0);
      expect(directMismatch(name, answer.data, result)).toBeNull();
      const optimum = optimumCalls(query, answer.data);
      expect(gatewayCalls).toBe(optimum);
      expect(directCalls).toBe(optimum);
    },
  );
});

const tailcall = findTailcall();

describe.skipIf('reason' in tailcall)(`Tailcall peer${'reason' in tailcall ? ` (skipped: ${tailcall.reason})` : ''}`, () => {
  let server: Server;

  beforeAll(async () => {
    if (!('binary' in tailcall)) return;
    server = await startTailcall(tailcall.binary, stack.emulator.url, await freePort(), 'bench/results/tmp/test');
  });

  afterAll(async () => {
    await server?.stop();
  });

  it.each(['flat', 'nested', 'nodes', 'deep'] as const)(
    'answers query %s with the same records as the gateway, with as many upstream calls',
    async (name) => {
      const query = benchQueries(setup).find((candidate) => candidate.name === name)!;
      const answer = await stack.query(query.document, query.variables, { token: BENCH_TOKEN });
      expect(answer.errors).toBeUndefined();

      const input = directInputOf(setup, DEEP_OFFSET);
      const { document, variables } = tailcallQuery(name, input);
      stack.resetCalls();
      const theirs = await gatewayClient(server.url, BENCH_TOKEN).query<Record<string, unknown>>(document, variables);
      expect(theirs.errors).toBeUndefined();
      expect(stack.calls().length).toBe(optimumCalls(query, answer.data));
      const ours = recordsOfGateway(name, answer.data!);
      // Records that carry the data, not two empty readings that agree.
      expect(JSON.stringify(ours)).toContain(idsOfGateway(name, answer.data).at(-1));
      expect(tailcallMismatch(name, answer.data!, theirs.data!, input)).toBeNull();
    },
  );
});

describe('live bench (npm run bench -- --live), at tiny scale', () => {
  const machine = (leafId: string, name = `seeded ${leafId}`): TrackedMachine => ({ leafId, name, updatedTime: `time of ${leafId}` });
  const tracked = [machine('m-0'), machine('m-1')];
  const change = (at: number, version: number, sentMs: number, ackMs: number | null): Change => ({ machine: at, version, sentMs, ackMs, updatedTime: `t${at}v${version}` });

  it('counts an answer stale only when it shows less than what was acknowledged strictly before its request started', () => {
    const changes = [change(0, 1, 900, 1000), change(0, 2, 1100, 1200), change(1, 1, 1150, null)];
    const read = (startMs: number, shown: Shown[], endMs = startMs + 5): ReadRecord => ({ startMs, endMs, shown });
    const verdict = judgeReads(
      [
        read(999, [[0, 0, 'time of m-0']]), // before the acknowledgement: the old name is allowed
        read(1000, [[0, 0, 'time of m-0']]), // the same millisecond: allowed
        read(1001, [[0, 0, 'time of m-0']]), // after: stale
        read(1001, [[0, 1, 't0v1']]),
        read(1300, [[0, 1, 't0v1'], [1, 0, 'time of m-1']]), // v2 acknowledged at 1200: stale, once for the answer
        read(1300, [[1, 0, 'time of m-1']]), // m-1's rename was never acknowledged: not stale
        read(1300, [[0, 3, 't0v3']]), // a version no rename made: wrong
        read(800, [[0, 1, 't0v1']], 850), // answered before its rename was asked for: wrong
        read(1300, [[0, 2, 't0v1']]), // a name with another version's updatedTime: wrong
      ],
      changes,
      tracked,
    );
    expect(verdict).toMatchObject({ reads: 9, stale: 2, wrong: 3 });
  });

  it('reads an answer by the tracked machines it shows, whatever else it holds, and refuses a name no rename gave', () => {
    const page = (first: string) =>
      JSON.stringify({ data: { leafUser: { machines: { nodes: [{ leafId: 'm-0', name: first, updatedTime: 't0v4' }, { leafId: 'other', name: 'x', updatedTime: 'y' }] } } } });
    const fresh = readAnswer(page(liveName(4)), tracked);
    const seeded = readAnswer(page('seeded m-0'), tracked);
    expect(fresh).toMatchObject({ shown: [[0, 4, 't0v4']] });
    expect(seeded).toMatchObject({ shown: [[0, 0, 't0v4']] });
    expect('normalized' in fresh && 'normalized' in seeded && fresh.normalized === seeded.normalized).toBe(true);
    expect(readAnswer(page('someone else'), tracked)).toEqual({ problem: expect.stringContaining('no change gave it') });
    expect(readAnswer(JSON.stringify({ errors: [{ message: 'no' }] }), tracked)).toEqual({ problem: expect.stringContaining('not a clean answer') });
  });

  it('times renames on a gateway and its subscribers, and counts no stale answer from it but many from a cache that hears no events', async () => {
    const env = { RESPONSE_CACHE: 'true', LEAF_WEBHOOK_SECRET: 'bench-test-webhook-secret-0123', LEAF_API_TOKEN: DEMO_TOKEN };
    await withStack({ env, gateway: { registerOwnReceiver: true } }, async (live) => {
      await live.gateway.registration;
      const deaf = await startGateway({ config: stackConfig({ RESPONSE_CACHE: 'true' }), upstreamUrl: live.emulator.url });
      try {
        const user = DEMO_USER_IDS.prairieFarms;
        const machines = live.emulator.store.machinesOf(user).slice(0, 2);
        const changes = new Changes(live.emulator.url, user, machines.map(({ id, name, updatedTime }) => ({ leafId: id, name: name ?? '', updatedTime: updatedTime ?? '' })));
        const observers = [
          poller('fresh answer', live.gateway.url, DEMO_TOKEN, user),
          subscriber('SSE', 'sse', live.gateway.url, DEMO_TOKEN, user),
          subscriber('WebSocket', 'ws', live.gateway.url, DEMO_TOKEN, user),
        ];
        await until(() => live.gateway.live.subscriptions === 2);
        const timed = await measureLatency(changes, observers, { events: 3, warmUp: 1, timeoutMs: 5_000 }).finally(() => Promise.all(observers.map((observer) => observer.close())));
        expect(timed.failures).toEqual([]);
        expect([...timed.samples.values()].map((samples) => samples.length)).toEqual([3, 3, 3]);

        const bodies = changes.tracked.map((each) => JSON.stringify({ query: LIVE_MACHINE, variables: { user, id: each.leafId } }));
        const run = async (url: string) => {
          const reads = await referenceReads([`${url}/graphql`], DEMO_TOKEN, bodies, changes.tracked);
          const request = { kind: 'live-reads' as const, urls: [`${url}/graphql`], token: DEMO_TOKEN, reads, tracked: [...changes.tracked], connections: 4, seconds: 0.6 };
          return readMostly(changes, runLiveReads, request, 10);
        };
        const fresh = await run(live.gateway.url);
        expect(fresh.events).toBeGreaterThanOrEqual(3);
        expect(fresh).toMatchObject({ unacknowledged: 0, verdict: { stale: 0, wrong: 0 }, result: { wrong: 0 } });
        expect(fresh.verdict.reads).toBeGreaterThan(10);
        const stale = await run(deaf.url);
        expect(stale).toMatchObject({ unacknowledged: 0, verdict: { wrong: 0 }, result: { wrong: 0 } });
        expect(stale.verdict.stale).toBeGreaterThan(0);
      } finally {
        await deaf.close();
      }
    });
  });
});
