// Workers share their reads: the same burst of identical nested queries costs Leaf as many calls
// with WORKERS=2 as with one process. The real process (`node --import tsx src/main.ts`) over an
// emulator this test drives, with a latency long enough that every request of the burst is in
// flight at once; each request on a connection of its own, so the primary spreads them over
// both workers (the answers' x-gateway-worker header shows it did).
import { Client } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USER_IDS, startEmulator, type Emulator } from '../src/emulator/index.js';
import { connectionTo, startClusterGateway, type ClusterGateway } from './support/cluster.js';
import { until } from './support/wait.js';

const BURST = 20;
const NESTED = `query ClusterReadsNested($user: LeafId!) {
  leafUser(id: $user) { machines(first: 5) { nodes { id files(first: 2) { nodes { id file { id fileName } } } } } }
}`;

let emulator: Emulator;
const started: ClusterGateway[] = [];

async function startGateway(workers: number, env: Record<string, string> = {}): Promise<ClusterGateway> {
  const gateway = await startClusterGateway({
    WORKERS: String(workers),
    LEAF_API_URL: emulator.url,
    RESPONSE_CACHE: 'false',
    // A long timeout makes the coalescer's join window (a tenth of it) 3 s: a slow start on
    // a busy machine still joins the reads in flight.
    LEAF_TIMEOUT_MS: '30000',
    ...env,
  });
  started.push(gateway);
  return gateway;
}

/** One GraphQL query over `client` (one connection, so one worker), as the demo token. */
async function queryOver(client: Client, query: string, variables: Record<string, unknown>): Promise<string> {
  const response = await client.request({
    method: 'POST',
    path: '/graphql',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${emulator.demoToken}` },
    body: JSON.stringify({ query, variables }),
  });
  return response.body.text();
}

/** BURST identical queries at once, each on its own connection; the upstream calls they cost and the workers that answered. */
async function burst(origin: string): Promise<{ calls: number; workers: Set<string>; answers: Set<string> }> {
  const clients = Array.from({ length: BURST }, () => new Client(origin));
  try {
    // Connections first, so the burst is not spread out by their handshakes.
    await Promise.all(clients.map((client) => client.request({ method: 'GET', path: '/health' }).then((response) => response.body.dump())));
    emulator.calls.length = 0;
    const answers = await Promise.all(
      clients.map(async (client) => {
        const response = await client.request({
          method: 'POST',
          path: '/graphql',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${emulator.demoToken}` },
          body: JSON.stringify({ query: NESTED, variables: { user: DEMO_USER_IDS.prairieFarms } }),
        });
        return { worker: String(response.headers['x-gateway-worker'] ?? 'none'), text: await response.body.text() };
      }),
    );
    return { calls: emulator.calls.length, workers: new Set(answers.map((answer) => answer.worker)), answers: new Set(answers.map((answer) => answer.text)) };
  } finally {
    await Promise.all(clients.map((client) => client.close()));
  }
}

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, latencyMs: 600 });
}, 30_000);

afterAll(async () => {
  await Promise.all(started.map((gateway) => gateway.stop()));
  await emulator?.close();
});

describe('the /graphql fast path in a worker', () => {
  it('answers a query a worker has validated before on its fast path, naming the worker as Yoga does', async () => {
    const gateway = await startGateway(2);
    const client = await connectionTo(gateway, '2', emulator.demoToken);
    const ask = async () => {
      const response = await client.request({
        method: 'POST',
        path: '/graphql',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${emulator.demoToken}` },
        body: JSON.stringify({ query: NESTED, variables: { user: DEMO_USER_IDS.prairieFarms } }),
      });
      return { worker: response.headers['x-gateway-worker'], etag: response.headers.etag, text: await response.body.text() };
    };
    const served = async () => {
      const metrics = await (await client.request({ method: 'GET', path: '/metrics' })).body.text();
      const line = metrics.split('\n').find((text) => text.startsWith('graphql_fast_path_total{') && text.includes('outcome="served"'));
      return line ? Number(line.slice(line.lastIndexOf(' ') + 1)) : 0;
    };
    const before = await served();
    const first = await ask(); // parsed and validated by Yoga
    const second = await ask(); // the fast path
    expect(await served()).toBe(before + 1);
    expect(second.worker).toBe('2');
    expect(second.worker).toBe(first.worker);
    expect(second.etag).toBe(first.etag);
    expect(JSON.parse(second.text)).toEqual(JSON.parse(first.text));
    expect(JSON.parse(second.text)).not.toHaveProperty('errors');
  }, 120_000);
});

describe('workers share their reads', () => {
  it('a burst of identical nested queries costs Leaf the same calls with WORKERS=2 as with one process', async () => {
    const one = await burst((await startGateway(1)).origin);
    const two = await burst((await startGateway(2)).origin);
    // Same answer everywhere, and both workers served part of the burst.
    expect(one.answers.size).toBe(1);
    expect([...two.answers]).toEqual([...one.answers]);
    expect(JSON.parse([...one.answers][0]!)).not.toHaveProperty('errors');
    expect(two.workers).toEqual(new Set(['1', '2']));
    // One call per distinct resource: the machines page, each machine's files, each file.
    const answer = JSON.parse([...one.answers][0]!) as { data: { leafUser: { machines: { nodes: { files: { nodes: { file: { id: string } }[] } }[] } } } };
    const machines = answer.data.leafUser.machines.nodes;
    const files = new Set(machines.flatMap((machine) => machine.files.nodes.map((link) => link.file.id)));
    expect(one.calls).toBe(1 + machines.length + files.size);
    expect(two.calls).toBe(one.calls);
  }, 120_000);
});

describe('workers share answered reads with requests under way', () => {
  it('a read one worker answered is handed to a request that arrived at the other worker before that answer', async () => {
    // The join window (a tenth of the timeout, 6 s) outlasts the hold below.
    const gateway = await startGateway(2, { LEAF_TIMEOUT_MS: '60000' });
    const [early, later] = await Promise.all([connectionTo(gateway, '1', emulator.demoToken), connectionTo(gateway, '2', emulator.demoToken)]);
    const user = DEMO_USER_IDS.riverBend;
    const [first] = emulator.store.machinesOf(user);
    const filesOfFirst = () => emulator.calls.filter((call) => call.path.endsWith(`/machines/${first!.id}/files`));
    const list = /\/users\/[^/]+\/machines$/;
    emulator.calls.length = 0;
    // Worker 1's request waits on its machines page while worker 2 reads the first machine's files.
    emulator.addFault({ method: 'GET', path: list, delayMs: 3_000, times: 1 });
    const underWay = queryOver(early, `query Early($user: LeafId!) { leafUser(id: $user) { machines(first: 3) { nodes { leafId files(first: 2) { nodes { leafFileId } } } } } }`, { user });
    await until(() => emulator.calls.some((call) => list.test(call.path) && call.status === 0), { describe: () => 'the held machines page' });
    const answered = await queryOver(later, `query Later($user: LeafId!, $id: LeafId!) { leafUser(id: $user) { machine(id: $id) { files(first: 2) { nodes { leafFileId } } } } }`, { user, id: first!.id });
    expect(JSON.parse(answered)).not.toHaveProperty('errors');
    expect(filesOfFirst()).toHaveLength(1);
    const answer = JSON.parse(await underWay) as { data: { leafUser: { machines: { nodes: { leafId: string }[] } } } };
    expect(answer).not.toHaveProperty('errors');
    expect(answer.data.leafUser.machines.nodes[0]!.leafId).toBe(first!.id);
    // Worker 1's request took worker 2's answer (through the key's owner) instead of reading Leaf again.
    expect(filesOfFirst()).toHaveLength(1);
  }, 120_000);
});
