// The response cache shared through a real Redis (Debian's redis-server): two gateway replicas
// in front of one emulator share hits and invalidations, answers never cross tokens, no token
// is stored, and a Redis that goes away costs cache hits, never answers.
// Redis: TEST_REDIS_URL (started by .ci/run), else a redis-server this file starts on a free
// port; skipped only when neither exists, and the skipped test says so.
import { createHash } from 'node:crypto';
import { Redis } from 'ioredis';
import { freePort } from '../bench/processes.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readTags } from '../src/leaf/read-tags.js';
import { DEMO_TOKEN, DEMO_USER_IDS, OTHER_TOKEN } from '../src/emulator/index.js';
import { createRedisStore } from '../src/server/cache/redis.js';
import { startGateway, type Gateway } from '../src/server/index.js';
import { connectRedis } from '../src/server/redis.js';
import { graphql } from './__generated__/index.js';
import { CREATE_NAMED_MACHINE as CREATE } from './support/documents.js';
import { hasRedisBinary, localRedis, startRedis } from './support/redis.js';
import { gatewayClient, stackConfig, startStack, useStack, withStack, type GatewayClient, type Stack } from './support/stack.js';

const USER = DEMO_USER_IDS.prairieFarms;
const { redisUrl, skipReason, stop: stopRedis } = await localRedis();

const MACHINES = graphql(/* GraphQL */ `
  query RedisMachines($user: LeafId!) {
    leafUser(id: $user) { machines(first: 100) { totalCount nodes { id leafId name } } }
  }
`);
const MACHINES_AND_IMPLEMENTS = graphql(/* GraphQL */ `
  query RedisMachinesAndImplements($user: LeafId!) {
    leafUser(id: $user) { machines(first: 100) { nodes { id name } } implements(first: 5) { nodes { id } } }
  }
`);
const UPDATE = graphql(/* GraphQL */ `
  mutation RedisRenameMachine($id: ID!, $name: String!) {
    updateMachine(id: $id, input: { name: $name }) { __typename ... on UpdateMachineSuccess { machine { id name } } }
  }
`);

/** Creates a machine through `replica` and answers it; any other answer fails the test. */
async function createdOn(replica: GatewayClient, name: string) {
  const created = (await replica.query(CREATE, { user: USER, name })).data!.createMachine;
  if (created.__typename !== 'CreateMachineSuccess') throw new Error(`create failed: ${JSON.stringify(created)}`);
  return created.machine;
}

/** A second replica: its own gateway process state, the same emulator and Redis. */
async function startReplica(stack: Stack, env: Record<string, string>): Promise<GatewayClient & { gateway: Gateway }> {
  const gateway = await startGateway({ config: stackConfig(env), upstreamUrl: stack.emulator.url });
  return { ...gatewayClient(gateway.url, stack.emulator.demoToken), gateway };
}

// Runs wherever a Redis can be had (.ci/run starts one); without one the suite is skipped and
// its name says why, instead of passing vacuously.
// After every suite here: each of them uses this Redis.
afterAll(() => stopRedis());
const SUITE = `response cache in Redis, shared by two replicas${skipReason ? ` (${skipReason})` : ''}`;
describe.skipIf(skipReason !== null)(SUITE, () => {
  const env = { RESPONSE_CACHE: 'true', REDIS_URL: redisUrl ?? '' };
  let redis: Redis;
  let replicaB: GatewayClient & { gateway: Gateway };

  beforeAll(async () => {
    redis = new Redis(redisUrl!);
    await redis.flushdb();
  });
  // Registered before the stack's, so it runs after the gateways are closed.
  afterAll(async () => {
    redis?.disconnect();
  });
  const stack = useStack({ env });
  const replicaA: GatewayClient = stack;
  beforeAll(async () => {
    replicaB = await startReplica(stack, env);
  });
  afterAll(async () => {
    await replicaB?.gateway.close();
  });

  async function calls<T>(action: () => Promise<T>) {
    stack.resetCalls();
    const result = await action();
    return { result, calls: [...stack.calls()] };
  }

  it('a hit stored by one replica is served by the other: zero upstream calls', async () => {
    const first = await calls(() => replicaA.query(MACHINES, { user: USER }));
    expect(first.result.errors).toBeUndefined();
    expect(first.calls.length).toBeGreaterThan(0);

    const second = await calls(() => replicaB.query(MACHINES, { user: USER }));
    expect(second.calls).toEqual([]);
    expect(second.result.data).toEqual(first.result.data);
  });

  it('never serves one token’s answer to another, and stores no token', async () => {
    await replicaA.query(MACHINES, { user: USER });
    const other = await calls(() => replicaB.query(MACHINES, { user: USER }, { token: OTHER_TOKEN }));
    expect(other.calls.length).toBeGreaterThan(0);
    expect(other.calls.every((call) => call.token === OTHER_TOKEN)).toBe(true);
    expect(other.result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    const keys = await redis.keys('*');
    expect(keys.length).toBeGreaterThan(0);
    for (const key of keys) {
      expect(key.startsWith('leaf-gateway:')).toBe(true);
      expect(key).not.toContain(DEMO_TOKEN);
      const value = (await redis.type(key)) === 'string' ? await redis.get(key) : (await redis.smembers(key)).join(' ');
      expect(value).not.toContain(DEMO_TOKEN);
      expect(value).not.toContain(OTHER_TOKEN);
    }
  });

  it('entries and their tag sets expire with the TTL', async () => {
    await replicaA.query(MACHINES, { user: USER });
    const scopeKey = `leaf-gateway:LeafRead:${readTags.user(USER)}`;
    expect(await redis.scard(scopeKey)).toBeGreaterThan(0);
    expect(await redis.pttl(scopeKey)).toBeGreaterThan(0);
    for (const key of await redis.keys('leaf-gateway:operations:*')) expect(await redis.pttl(key)).toBeGreaterThan(0);
  });

  it('a write through one replica drops the other replica’s cached answers', async () => {
    const machine = await createdOn(replicaA, 'Shared-cache baler');
    await replicaA.query(MACHINES, { user: USER });
    expect((await calls(() => replicaB.query(MACHINES, { user: USER }))).calls).toEqual([]);

    const updated = await replicaB.query(UPDATE, { id: machine.id, name: 'Renamed via B' });
    expect(updated.data!.updateMachine.__typename).toBe('UpdateMachineSuccess');

    for (const replica of [replicaA, replicaB]) {
      const after = await calls(() => replica.query(MACHINES, { user: USER }));
      expect(after.result.data!.leafUser!.machines!.nodes.find((m) => m?.leafId === machine.leafId)?.name).toBe('Renamed via B');
    }
  });

  it('a read in flight on one replica while the other writes is not stored', async () => {
    const machine = await createdOn(replicaA, 'Race A');
    const remove = stack.emulator.addFault({ method: 'GET', path: `/services/beta/api/users/${USER}/implements`, times: 1, delayMs: 400 });
    try {
      stack.resetCalls();
      const racing = replicaA.query(MACHINES_AND_IMPLEMENTS, {
        user: USER,
      });
      for (let i = 0; i < 200 && !stack.calls().some((c) => c.path.endsWith('/machines') && c.status === 200); i += 1) {
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      await replicaB.query(UPDATE, { id: machine.id, name: 'Race B' });
      const raced = await racing;
      expect(raced.data!.leafUser!.machines!.nodes.find((m) => m?.id === machine.id)?.name).toBe('Race A');
    } finally {
      remove();
    }
    for (const replica of [replicaA, replicaB]) {
      const next = await replica.query(MACHINES_AND_IMPLEMENTS, {
        user: USER,
      });
      expect(next.data!.leafUser!.machines!.nodes.find((m) => m?.id === machine.id)?.name).toBe('Race B');
    }
  });

  it('an automatic persisted query registered on one replica is found by hash on the other', async () => {
    const query = `query SharedApq($user: LeafId!) { leafUser(id: $user) { machines(first: 2) { nodes { id } } } }`;
    const hash = createHash('sha256').update(query).digest('hex');
    const byHash = (replica: GatewayClient, withQuery: boolean) =>
      replica.post({
        ...(withQuery ? { query } : {}),
        variables: { user: USER },
        extensions: { persistedQuery: { version: 1, sha256Hash: hash } },
      });

    const unknown = await byHash(replicaB, false);
    expect(unknown.body.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    expect((await byHash(replicaA, true)).body.errors).toBeUndefined();
    const shared = await byHash(replicaB, false);
    expect(shared.body.errors).toBeUndefined();
    expect(shared.body.data).toEqual((await replicaA.query(query, { user: USER })).data);
    // Stored with the same day-long expiry as each replica's own copy.
    const ttl = await redis.pttl(`leaf-gateway:apq:${hash}`);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(86_400_000);
  });

  it('a query stored under a hash it does not match is not served', async () => {
    const hash = createHash('sha256').update('query Real { __typename }').digest('hex');
    await redis.set(`leaf-gateway:apq:${hash}`, 'query Forged { __schema { types { name } } }');
    const { body } = await replicaB.post({ extensions: { persistedQuery: { version: 1, sha256Hash: hash } } });
    expect(body.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');
  });
});

describe.skipIf(skipReason !== null)(`automatic persisted queries in Redis without the response cache${skipReason ? ` (${skipReason})` : ''}`, () => {
  it('are registered on one replica and found by hash on the other, with RESPONSE_CACHE=false', async () => {
    const env = { RESPONSE_CACHE: 'false', REDIS_URL: redisUrl! };
    const stack = await startStack({ env });
    const replicaB = await startReplica(stack, env);
    const redis = new Redis(redisUrl!);
    await redis.flushdb();
    try {
      const query = `query ApqWithoutCache($user: LeafId!) { leafUser(id: $user) { machines(first: 1) { nodes { id } } } }`;
      const hash = createHash('sha256').update(query).digest('hex');
      const send = (replica: GatewayClient, body: Record<string, unknown>) =>
        replica.post({ ...body, variables: { user: USER }, extensions: { persistedQuery: { version: 1, sha256Hash: hash } } });

      const unknown = await send(replicaB, {});
      expect(unknown.status).toBe(404);
      expect(unknown.body.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');
      const registered = await send(stack, { query });
      expect(registered.body.errors).toBeUndefined();
      expect(await redis.get(`leaf-gateway:apq:${hash}`)).toBe(query);
      const shared = await send(replicaB, {});
      expect(shared.status).toBe(200);
      expect(shared.body.data).toEqual(registered.body.data);
      // The response cache stays off: nothing but the query text is kept in Redis.
      expect(await redis.keys('*')).toEqual([`leaf-gateway:apq:${hash}`]);
    } finally {
      redis.disconnect();
      await replicaB.gateway.close();
      await stack.close();
    }
  });
});

describe('when Redis is unreachable', () => {
  it('refuses to start with a message naming REDIS_URL, without its password', async () => {
    const port = await freePort();
    const stack = startStack({ env: { RESPONSE_CACHE: 'true', REDIS_URL: `redis://:hunter2@127.0.0.1:${port}` } });
    await expect(stack).rejects.toThrow(/^REDIS_URL: could not connect to Redis at redis:\/\/127\.0\.0\.1:\d+/);
    await expect(stack).rejects.not.toThrow(/hunter2/);
  });

  // Needs a redis-server binary of its own to stop; CI's package provides one.
  it.skipIf(!hasRedisBinary())(
    'answers every query without the cache once Redis goes away (skipped only without a redis-server binary)',
    async () => {
      const own = await startRedis();
      if (typeof own === 'string') throw new Error(own);
      try {
        await withStack({ env: { RESPONSE_CACHE: 'true', REDIS_URL: own.url } }, async (stack) => {
          expect((await stack.query(MACHINES, { user: USER })).errors).toBeUndefined();
          await own.stop();
          for (let i = 0; i < 2; i += 1) {
            stack.resetCalls();
            const answer = await stack.query(MACHINES, { user: USER });
            expect(answer.errors).toBeUndefined();
            expect(answer.data!.leafUser!.machines!.nodes.length).toBeGreaterThan(0);
            expect(stack.calls().length).toBeGreaterThan(0);
          }
        });
      } finally {
        await own.stop();
      }
    },
  );
});

describe.skipIf(skipReason !== null)(`Redis store, between replicas${skipReason ? ` (${skipReason})` : ''}`, () => {
  it('refuses an answer whose execution started before Redis numbered an invalidation of what it read, and keeps one that started after', async () => {
    const shared = await connectRedis(redisUrl ?? '');
    try {
      const { backing, invalidations } = await createRedisStore(shared, () => undefined);
      const tag = [{ typename: 'LeafRead', id: 'machine:replica-window-test' }];
      const answer = { data: { name: 'read before the event' } };
      const before = await invalidations();
      // Another replica applies an event while this one still executes: its answer may show the old record.
      await backing.invalidate(tag);
      await backing.set('replica-window-late', answer, tag, 60_000, before);
      expect(await backing.get('replica-window-late')).toBeUndefined();
      // A query that started after the event stores as usual, and the next event drops it.
      await backing.set('replica-window-fresh', answer, tag, 60_000, await invalidations());
      expect(await backing.get('replica-window-fresh')).toEqual(answer);
      await backing.invalidate(tag);
      expect(await backing.get('replica-window-fresh')).toBeUndefined();
    } finally {
      await shared.close();
    }
  });
});
