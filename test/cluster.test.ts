// WORKERS=2: the real process (`node --import tsx src/main.ts`) as a cluster primary with two
// workers on one port, over an emulator this test drives. An undici Client is one connection,
// so it keeps reaching the worker its first answer named (`x-gateway-worker`): `on(worker)`
// opens connections until one reaches that worker, and is used at once (before keep-alive ends).
import { readdirSync, readFileSync } from 'node:fs';
import { Client } from 'undici';
import { print } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../src/emulator/index.js';
import { graphql } from './__generated__/index.js';
import { connectionTo, startClusterGateway, type ClusterGateway } from './support/cluster.js';
import { until } from './support/wait.js';

const MACHINE_ID = 'TWFjaGluZToyMjIyMjIyMi0yMjIyLTQyMjItODIyMi0yMjIyMjIyMjIyMjI6MTViOGU3NGQtNjUyZC00MzE2LTg4NGQtZDVmMTkwMjBlYTdh';
const MACHINE_LEAF_ID = '15b8e74d-652d-4316-884d-d5f19020ea7a';
const USER = '22222222-2222-4222-8222-222222222222';
// Text, sent over the raw HTTP/1.1 connections that pick a worker.
const NAME_OF = print(graphql(/* GraphQL */ `query ClusterNameOf($id: ID!) { node(id: $id) { ... on Machine { name } } }`));
const NAME_AND_LEAF_ID_OF = print(graphql(/* GraphQL */ `query ClusterNameAndLeafIdOf($id: ID!) { node(id: $id) { ... on Machine { name leafId } } }`));
const RENAME = print(graphql(/* GraphQL */ `mutation ClusterRename($id: ID!, $name: String!) {
  updateMachine(id: $id, input: { name: $name }) { __typename ... on UpdateMachineSuccess { machine { name } } ... on Error { message } }
}`));

let emulator: Emulator;
let cluster: ClusterGateway;

interface Answer {
  worker: string;
  body: { data?: Record<string, unknown> | null; errors?: unknown[] };
}

async function post(client: Client, query: string, variables: Record<string, unknown> = {}): Promise<Answer> {
  const response = await client.request({
    method: 'POST',
    path: '/graphql',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${emulator.demoToken}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.body.json()) as Answer['body'];
  return { worker: String(response.headers['x-gateway-worker']), body };
}

/** A new connection that reaches `worker` ('1' or '2'). */
const on = (worker: string): Promise<Client> => connectionTo(cluster, worker, emulator.demoToken);

async function nameThrough(client: Client, worker: string, query = NAME_OF): Promise<string> {
  const { body, worker: answered } = await post(client, query, { id: MACHINE_ID });
  expect(answered).toBe(worker);
  expect(body.errors).toBeUndefined();
  return (body.data?.node as { name: string }).name;
}

async function rename(client: Client, name: string): Promise<void> {
  const { body } = await post(client, RENAME, { id: MACHINE_ID, name });
  expect(body.data?.updateMachine).toEqual({ __typename: 'UpdateMachineSuccess', machine: { name } });
}

async function metricsThrough(client: Client): Promise<string> {
  const response = await client.request({ method: 'GET', path: '/metrics' });
  expect(response.statusCode).toBe(200);
  return response.body.text();
}

/** Sum of every series of a counter in Prometheus text. */
function total(metrics: string, name: string): number {
  return metrics
    .split('\n')
    .filter((line) => line.startsWith(`${name}{`) || line.startsWith(`${name} `))
    .reduce((sum, line) => sum + Number(line.slice(line.lastIndexOf(' ') + 1)), 0);
}

/** The worker processes: the primary's children that run the gateway, read from /proc. */
function workerPids(): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // pid (comm) state ppid …: comm may hold spaces, so read after its closing parenthesis.
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) !== cluster.child.pid) continue;
      // tsx's esbuild service is a child too; a worker runs the primary's entry point.
      if (readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes('src/main.ts')) pids.push(Number(entry));
    } catch {
      // gone while we looked
    }
  }
  return pids;
}

/** Waits for a worker that is not one of `known`, and returns its pid. */
async function newWorker(known: Set<number>): Promise<number> {
  let fresh: number | undefined;
  await until(() => (fresh = workerPids().find((pid) => !known.has(pid))) !== undefined, { timeoutMs: 30_000, intervalMs: 20 });
  return fresh!;
}


beforeAll(async () => {
  emulator = await startEmulator({ port: 0 });
  cluster = await startClusterGateway({ WORKERS: '2', LEAF_API_URL: emulator.url, RESPONSE_CACHE: 'true' });
}, 90_000);

afterAll(async () => {
  await cluster?.stop();
  await emulator?.close();
});

describe('WORKERS=2', () => {
  it('serves one port from two worker processes', async () => {
    // Each resolves only once a connection reached that worker.
    await on('1');
    await on('2');
  });

  it("drops the other worker's cached answer when one worker writes", async () => {
    await rename(await on('1'), 'Yard tractor A');
    // Both workers cache the answer; the second read through worker 2 costs no upstream call.
    expect(await nameThrough(await on('1'), '1')).toBe('Yard tractor A');
    expect(await nameThrough(await on('2'), '2')).toBe('Yard tractor A');
    emulator.resetCalls();
    expect(await nameThrough(await on('2'), '2')).toBe('Yard tractor A');
    expect(emulator.calls.filter((call) => call.path.endsWith(MACHINE_LEAF_ID))).toHaveLength(0);

    await rename(await on('1'), 'Yard tractor B');
    expect(await nameThrough(await on('2'), '2')).toBe('Yard tractor B');
    expect(await nameThrough(await on('1'), '1')).toBe('Yard tractor B');
  });

  it("keeps a read started on the other worker after a write from being joined with one from before it", async () => {
    const [a, b1, b2] = [await on('1'), await on('2'), await on('2')];
    // Not cached anywhere yet: this read goes to Leaf, where it is held for 1.5 s.
    const query = NAME_AND_LEAF_ID_OF;
    emulator.addFault({ method: 'GET', path: `/machines/${MACHINE_LEAF_ID}`, delayMs: 1_500, times: 1 });
    emulator.resetCalls();
    const before = nameThrough(b1, '2', query);
    for (let wait = 0; wait < 100 && !emulator.calls.some((call) => call.path.endsWith(MACHINE_LEAF_ID)); wait++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(emulator.calls.some((call) => call.path === `/services/beta/api/users/${USER}/machines/${MACHINE_LEAF_ID}` && call.status === 0)).toBe(true);

    await rename(a, 'Yard tractor C');
    emulator.resetCalls();
    // Identical to the read still held on worker 2, same token: only the write's broadcast keeps it
    // from joining that read, which may have reached Leaf before the write.
    expect(await nameThrough(b2, '2', query)).toBe('Yard tractor C');
    expect(emulator.calls.filter((call) => call.method === 'GET' && call.path.endsWith(MACHINE_LEAF_ID))).toHaveLength(1);
    // The held read answers whatever Leaf holds when its delay ends; only that it ends matters here.
    await before;
  });

  it('answers /metrics for both workers together', async () => {
    const start = total(await metricsThrough(await on('1')), 'leaf_upstream_requests_total');
    emulator.resetCalls();
    // Three distinct one-call queries through worker 1, two through worker 2: nothing cached or shared.
    const page = (first: number) => `query { leafUser(id: "${USER}") { machines(first: ${first}) { nodes { id } } } }`;
    const one = await on('1');
    for (const first of [1, 2, 3]) expect((await post(one, page(first))).worker).toBe('1');
    const two = await on('2');
    for (const first of [4, 5]) expect((await post(two, page(first))).worker).toBe('2');
    expect(emulator.calls).toHaveLength(5);
    const throughA = await metricsThrough(await on('1'));
    const throughB = await metricsThrough(await on('2'));
    expect(total(throughA, 'leaf_upstream_requests_total') - start).toBe(5);
    expect(total(throughB, 'leaf_upstream_requests_total') - start).toBe(5);
  });

  it('replaces a worker that dies, waiting twice as long each time a new one dies straight away', async () => {
    const known = new Set(workerPids());
    expect(known.size).toBe(2);
    const restarts = (): string[] => cluster.output().split('\n').filter((line) => /^Worker \d+ exited \(SIGKILL\)/.test(line));
    // Three deaths in a row, each of the worker forked to replace the one before.
    let victim = [...known][0]!;
    for (let death = 1; death <= 3; death++) {
      process.kill(victim, 'SIGKILL');
      await until(() => restarts().length === death, { timeoutMs: 30_000, intervalMs: 20 });
      victim = await newWorker(known);
      known.add(victim);
    }
    const delays = restarts().map((line) => /starting another in (\d+(?:\.\d+)?) s\.$/.exec(line)?.[1]);
    // The first victim may have lived past the stable time; the two forked just before they
    // were killed had not, so each waited twice as long as the death before it.
    expect(delays[1]).toBeDefined();
    expect(Number(delays[2])).toBe(Number(delays[1]) * 2);
    // Back to two workers, both serving, once the last one (forked when its pause ran out) listens.
    const answering = new Set<string>();
    while (answering.size < 2) {
      const client = new Client(cluster.origin);
      cluster.opened.push(client);
      const answer = await post(client, '{ __typename }');
      expect(answer.body).toEqual({ data: { __typename: 'Query' } });
      answering.add(answer.worker);
      await client.close();
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(workerPids()).toHaveLength(2);
  }, 60_000);

  it('stops on SIGTERM: the primary stops its workers and exits 0', async () => {
    cluster.child.kill('SIGTERM');
    expect(await cluster.exited).toBe(0);
  }, 30_000);
});

