// Catch-up from Leaf's failed calls: while the gateway's receiver is unreachable (the replica
// behind its URL down), Leaf's deliveries fail every retry and become failed calls. The replica
// that starts behind the URL reads them (GET /webhooks/failed-calls) and acts on each as if it had
// just arrived: a cached answer on every replica is refreshed, and a subscriber connected to any
// replica gets the event. A later start reads the same failed calls again and acts no more.
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '../bench/processes.js';
import { DEMO_TOKEN, DEMO_USER_IDS, startEmulator } from '../src/emulator/index.js';
import { startGateway, type Gateway } from '../src/server/index.js';
import { graphql } from './__generated__/index.js';
import { localRedis } from './support/redis.js';
import { gatewayClient, stackConfig } from './support/stack.js';
import { subscribeSse } from './support/subscriptions.js';
import { until } from './support/wait.js';
import { deliver, WEBHOOK_SECRET } from './support/webhooks.js';

const USER = DEMO_USER_IDS.prairieFarms;
const { redisUrl, skipReason, stop: stopRedis } = await localRedis();
afterAll(() => stopRedis());

const MACHINE = graphql(/* GraphQL */ `
  query CaughtUpMachine($user: LeafId!, $id: LeafId!) { leafUser(id: $user) { machine(id: $id) { name } } }
`);
const EVENTS = /* GraphQL */ `subscription CaughtUpEvents($user: LeafId!) { leafEvents(leafUserId: $user) { type ... on MachineEvent { machineId machine { name } } } }`;

describe.skipIf(skipReason !== null)(`catch-up from failed calls${skipReason ? ` (${skipReason})` : ''}`, () => {
  it('acts at start on the deliveries that failed while the receiver was unreachable: answers refreshed, subscribers told, once', async () => {
    // Leaf's retries (1, 30, 60, 240 minutes) in milliseconds.
    const emulator = await startEmulator({ port: 0, alertsRetryScale: 1 / 60_000 });
    // The URL Leaf delivers to; nothing listens there until replica A starts on its port.
    const port = await freePort();
    const receiver = `http://127.0.0.1:${port}/webhooks/leaf`;
    const env = { RESPONSE_CACHE: 'true', REDIS_URL: redisUrl ?? '', LEAF_WEBHOOK_SECRET: WEBHOOK_SECRET, LEAF_API_TOKEN: DEMO_TOKEN, LEAF_WEBHOOK_URL: receiver };
    const started: Gateway[] = [];
    const start = async (extra: Record<string, string> = {}): Promise<Gateway> => {
      const gateway = await startGateway({ config: stackConfig({ ...env, ...extra }), upstreamUrl: emulator.url });
      started.push(gateway);
      return gateway;
    };
    try {
      // Replica B serves clients (on a port of its own); it registers the webhook for the shared URL.
      const replicaB = await start();
      expect(await replicaB.registration).toMatchObject({ created: true });
      const client = gatewayClient(replicaB.url, DEMO_TOKEN);
      const machine = emulator.store.machinesOf(USER)[0]!;
      const name = async () => (await client.query(MACHINE, { user: USER, id: machine.id })).data?.leafUser.machine?.name;
      const before = await name();
      const subscriber = subscribeSse(replicaB.url, DEMO_TOKEN, EVENTS, { user: USER });
      await until(() => replicaB.live.subscriptions === 1);
      try {
        // Renamed at the provider: every delivery to the unreachable receiver fails, and Leaf records a failed call.
        const renamed = emulator.activity.renameMachine({ leafUserId: USER, machineId: machine.id, name: 'Renamed while nobody listened' });
        await emulator.alerts.settled();
        const attempts = emulator.alerts.deliveries.filter((delivery) => delivery.type === 'machineUpdated');
        expect(attempts.map((delivery) => delivery.status)).toEqual([0, 0, 0, 0, 0]);
        const failed = await fetch(`${emulator.url}/services/alerts/api/alerts/webhooks/failed-calls`, { headers: { authorization: `Bearer ${DEMO_TOKEN}` } });
        expect(((await failed.json()) as { items: { requestBody: string }[] }).items.map((call) => call.requestBody)).toEqual([renamed.events[0]!.text]);
        // Nothing told B: it still answers from the shared cache, and its subscriber got nothing.
        expect(await name()).toBe(before);
        expect(subscriber.received).toEqual([]);

        // Replica A starts behind the URL: it keeps the webhook and catches up.
        const replicaA = await start({ PORT: String(port) });
        expect(await replicaA.registration).toMatchObject({ created: false, deleted: 0 });
        // A dropped the answer from the cache all replicas share, and told B, whose subscriber gets the event.
        expect(await name()).toBe('Renamed while nobody listened');
        await subscriber.waitFor(1);
        expect(subscriber.received).toEqual([
          { data: { leafEvents: { type: 'MACHINE_UPDATED', machineId: machine.id, machine: { name: 'Renamed while nobody listened' } } } },
        ]);
        // Leaf's redelivery of the same body, or its failed call read again at the next start, acts no more.
        expect((await deliver(replicaA.url, renamed.events[0]!.text)).body).toEqual({ received: 'duplicate' });
        await replicaA.close();
        const restarted = await start({ PORT: String(port) });
        expect(await restarted.registration).toMatchObject({ created: false });
        const metrics = await gatewayClient(restarted.url, null).request<string>('/metrics');
        expect(metrics.text).toMatch(/leaf_events_total\{outcome="duplicate",origin="catch-up"\} 1/);
        // An event after the catch-up reaches the subscriber: the one before it came once.
        emulator.activity.renameMachine({ leafUserId: USER, machineId: machine.id, name: 'Renamed with the receiver back' });
        await subscriber.waitFor(2);
        expect(subscriber.received.map((item) => (item.data?.leafEvents as { machine: { name: string } }).machine.name)).toEqual([
          'Renamed while nobody listened',
          'Renamed with the receiver back',
        ]);
      } finally {
        subscriber.close();
      }
    } finally {
      await Promise.all(started.map((gateway) => gateway.close()));
      await emulator.close();
    }
  }, 30_000);
});
