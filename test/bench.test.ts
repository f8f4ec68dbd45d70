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
import { BENCH_TOKEN } from '../src/emulator/index.js';
import { schema } from '../src/schema/index.js';
import { gatewayClient, useStack } from './support/stack.js';

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
