// Leaf's events with WORKERS=2, the real process (test/support/cluster.ts): an event one worker
// receives refreshes the other worker's cached answer and reaches the other worker's subscribers,
// and Leaf's redelivery of it to the other worker acts no more. In demo mode (no LEAF_API_URL)
// the primary makes the webhook secret of the run and every worker verifies deliveries with it.
import { fetch as undiciFetch, type Client } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_TOKEN, DEMO_USER_IDS, signatureOf, startEmulator, type AlertDelivery, type Emulator } from '../src/emulator/index.js';
import { SIGNATURE_HEADER, WEBHOOK_PATH } from '../src/events/receiver.js';
import { connectionTo, startClusterGateway, type ClusterGateway } from './support/cluster.js';
import { subscribeSse } from './support/subscriptions.js';
import { leafEvent, WEBHOOK_SECRET } from './support/webhooks.js';

const USER = DEMO_USER_IDS.prairieFarms;
const NAME_OF = `query ClusterEventsName($user: LeafId!, $id: LeafId!) { leafUser(id: $user) { machine(id: $id) { name } } }`;
const EVENTS = `subscription ClusterEvents($user: LeafId!) { leafEvents(leafUserId: $user) { type ... on MachineEvent { machine { name } } } }`;

async function send(client: Client, path: string, body: string, headers: Record<string, string>): Promise<{ status: number; worker: string; json: unknown }> {
  const response = await client.request({ method: 'POST', path, headers: { 'content-type': 'application/json', ...headers }, body });
  const text = await response.body.text();
  return { status: response.statusCode, worker: String(response.headers['x-gateway-worker']), json: text ? JSON.parse(text) : undefined };
}

/** A signed delivery as Leaf makes it, over `client`'s connection. */
const deliverOver = (client: Client, body: string, signature = signatureOf(WEBHOOK_SECRET, body)) => send(client, WEBHOOK_PATH, body, { [SIGNATURE_HEADER]: signature });

async function nameOver(client: Client, machineId: string): Promise<{ name: string; worker: string }> {
  const answer = await send(client, '/graphql', JSON.stringify({ query: NAME_OF, variables: { user: USER, id: machineId } }), { authorization: `Bearer ${DEMO_TOKEN}` });
  const { data, errors } = answer.json as { data?: { leafUser: { machine: { name: string } } }; errors?: unknown };
  expect(errors).toBeUndefined();
  return { name: data!.leafUser.machine.name, worker: answer.worker };
}

async function metricsOver(client: Client): Promise<string> {
  const response = await client.request({ method: 'GET', path: '/metrics' });
  return response.body.text();
}

/** Polls an asynchronous condition (another process's state) until it holds, for up to 10 s. */
async function eventually(condition: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('the condition did not hold within 10 s');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Sum of every series of a metric in Prometheus text. */
function total(metrics: string, name: string): number {
  return metrics
    .split('\n')
    .filter((line) => line.startsWith(`${name}{`) || line.startsWith(`${name} `))
    .reduce((sum, line) => sum + Number(line.slice(line.lastIndexOf(' ') + 1)), 0);
}

describe('WORKERS=2 with Leaf events', () => {
  let emulator: Emulator;
  let gateway: ClusterGateway;

  beforeAll(async () => {
    emulator = await startEmulator({ port: 0 });
    gateway = await startClusterGateway({ WORKERS: '2', LEAF_API_URL: emulator.url, RESPONSE_CACHE: 'true', LEAF_WEBHOOK_SECRET: WEBHOOK_SECRET });
  }, 90_000);

  afterAll(async () => {
    await gateway?.stop();
    await emulator?.close();
  });

  it("an event one worker receives refreshes the other worker's cached answer and reaches its subscriber", async () => {
    const machine = emulator.store.machinesOf(USER)[0]!;
    const [one, two, twoStream] = [await connectionTo(gateway, '1'), await connectionTo(gateway, '2'), await connectionTo(gateway, '2')];
    // Worker 2 caches the answer: the second read costs Leaf nothing.
    const before = await nameOver(two, machine.id);
    expect(before.worker).toBe('2');
    emulator.resetCalls();
    expect((await nameOver(two, machine.id)).name).toBe(before.name);
    expect(emulator.calls).toEqual([]);
    // A subscriber on worker 2 (its stream over a connection that reaches worker 2).
    const subscriber = subscribeSse(gateway.origin, DEMO_TOKEN, EVENTS, { user: USER }, {
      fetchFn: ((input: string, init: RequestInit) => undiciFetch(input, { ...(init as object), dispatcher: twoStream })) as unknown as typeof fetch,
    });
    try {
      // Open once the workers count it (its token checked, the stream registered).
      await eventually(async () => total(await metricsOver(one), 'graphql_subscriptions_open') === 1);

      emulator.store.putMachine({ ...machine, name: 'Renamed, heard by worker 1' });
      const body = leafEvent('machineUpdated', { leafUserId: USER, machineId: machine.id });
      const received = await deliverOver(one, body);
      expect(received).toMatchObject({ status: 202, worker: '1' });
      expect(await nameOver(two, machine.id)).toEqual({ name: 'Renamed, heard by worker 1', worker: '2' });
      await subscriber.waitFor(1);
      expect(subscriber.received).toEqual([{ data: { leafEvents: { type: 'MACHINE_UPDATED', machine: { name: 'Renamed, heard by worker 1' } } } }]);

      // Leaf delivers it again and the primary hands the connection to worker 2: it acts no more.
      expect(await deliverOver(two, body)).toMatchObject({ status: 200, worker: '2', json: { received: 'duplicate' } });
      emulator.resetCalls();
      expect((await nameOver(two, machine.id)).name).toBe('Renamed, heard by worker 1');
      expect(emulator.calls).toEqual([]);
      expect(subscriber.received).toHaveLength(1);
    } finally {
      subscriber.close();
    }
  });
});

describe('WORKERS=2 in demo mode', () => {
  let gateway: ClusterGateway;
  let emulatorUrl: string;

  beforeAll(async () => {
    // Demo mode: no LEAF_API_URL, so the primary starts the emulator and makes the run's webhook secret.
    gateway = await startClusterGateway({ WORKERS: '2', LEAF_API_URL: undefined, LEAF_WEBHOOK_SECRET: undefined, LEAF_WEBHOOK_URL: undefined, LEAF_API_TOKEN: undefined });
    emulatorUrl = /embedded Leaf emulator at (http:\/\/\S+)/.exec(gateway.output())![1]!;
  }, 90_000);

  afterAll(() => gateway?.stop());

  const control = async <T>(path: string, body?: unknown): Promise<T> => {
    const response = await fetch(`${emulatorUrl}${path}`, body === undefined ? {} : { method: 'POST', body: JSON.stringify(body) });
    expect(response.status).toBe(200);
    return (await response.json()) as T;
  };

  it('registers one webhook for the workers, and every worker verifies its signed deliveries', async () => {
    const receiver = `${gateway.origin}${WEBHOOK_PATH}`;
    await eventually(async () => (await control<{ webhooks: { url: string }[] }>('/__emulator/alerts')).webhooks.length > 0);
    expect((await control<{ webhooks: { url: string }[] }>('/__emulator/alerts')).webhooks.map((webhook) => webhook.url)).toEqual([receiver]);

    // Two machines renamed at the provider: the emulator signs and delivers each, and a worker acknowledges it.
    await control('/__emulator/activity/machine-renamed', {});
    await control('/__emulator/activity/machine-renamed', {});
    const events = async () => (await control<AlertDelivery[]>('/__emulator/alerts/deliveries')).filter((delivery) => delivery.type === 'machineUpdated');
    await eventually(async () => (await events()).length === 2);
    const delivered = await events();
    expect(delivered.map((delivery) => delivery.status)).toEqual([202, 202]);

    // The same signed bytes, handed by the primary to either worker, verify there (a worker
    // without the run's secret would answer 404 or 401): both are redeliveries by now.
    for (const worker of ['1', '2']) {
      const client = await connectionTo(gateway, worker);
      for (const delivery of delivered) {
        expect(await deliverOver(client, delivery.body, delivery.signature)).toMatchObject({ status: 200, worker, json: { received: 'duplicate' } });
      }
      expect(await deliverOver(client, delivered[0]!.body, signatureOf('not-the-secret-of-this-run', delivered[0]!.body))).toMatchObject({ status: 401, worker });
    }
  });
});
