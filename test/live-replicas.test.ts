// Two replicas sharing a Redis, as a deployment runs them: an event one receives refreshes what
// the other answers, a redelivery reaching the other acts no more, and (below) the other's
// subscribers get it too.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DEMO_USER_IDS } from '../src/emulator/index.js';
import { startGateway, type Gateway } from '../src/server/index.js';
import { Redis } from 'ioredis';
import { EVENTS_CHANNEL, REFRESHED_CHANNEL } from '../src/events/relay.js';
import { graphql } from './__generated__/index.js';
import { localRedis } from './support/redis.js';
import { gatewayClient, stackConfig, useStack, type GatewayClient } from './support/stack.js';
import { subscribeSse, subscribeWs } from './support/subscriptions.js';
import { until } from './support/wait.js';
import { deliver, leafEvent, WEBHOOK_SECRET } from './support/webhooks.js';

const USER = DEMO_USER_IDS.prairieFarms;
const { redisUrl, skipReason, stop: stopRedis } = await localRedis();
afterAll(() => stopRedis());

const MACHINE = graphql(/* GraphQL */ `
  query ReplicaMachine($user: LeafId!, $id: LeafId!) { leafUser(id: $user) { machine(id: $id) { leafId name } } }
`);

describe.skipIf(skipReason !== null)(`Leaf events across two replicas over Redis${skipReason ? ` (${skipReason})` : ''}`, () => {
  const env = { RESPONSE_CACHE: 'true', REDIS_URL: redisUrl ?? '', LEAF_WEBHOOK_SECRET: WEBHOOK_SECRET };
  const stack = useStack({ env });
  let replicaB: GatewayClient & { gateway: Gateway };

  beforeAll(async () => {
    const gateway = await startGateway({ config: stackConfig(env), upstreamUrl: stack.emulator.url });
    replicaB = { ...gatewayClient(gateway.url, stack.emulator.demoToken), gateway };
  });
  afterAll(() => replicaB?.gateway.close());

  it('an event received by one replica refreshes the other, and its redelivery to the other acts no more', async () => {
    const machine = stack.emulator.store.machinesOf(USER)[0]!;
    const onB = () => replicaB.query(MACHINE, { user: USER, id: machine.id });
    await onB();
    stack.resetCalls();
    await onB();
    expect(stack.calls()).toEqual([]);

    stack.emulator.store.putMachine({ ...machine, name: 'Renamed, seen by replica A' });
    const body = leafEvent('machineUpdated', { leafUserId: USER, machineId: machine.id });
    expect((await deliver(stack.gateway.url, body)).status).toBe(202);
    expect((await onB()).data?.leafUser.machine?.name).toBe('Renamed, seen by replica A');
    // B drops what it holds once it hears of the event through Redis, which may come after that
    // answer (an extra Leaf call, never an old name); the redelivery below is Leaf's, after that.
    await vi.waitFor(async () => expect((await replicaB.request<string>('/metrics')).text).toMatch(/leaf_events_total\{outcome="placed",origin="relay"\} 1/), { timeout: 10_000, interval: 20 });

    const again = await deliver(replicaB.gateway.url, body);
    expect(again.body).toEqual({ received: 'duplicate' });
    stack.resetCalls();
    await onB();
    expect(stack.calls()).toEqual([]);
  });

  it('acknowledges Leaf once every replica that heard the event has refreshed, and a replica that never says so holds it up only so long', async () => {
    // A third replica as the relay's channels see it: it hears events and says it refreshed when the test lets it.
    const listener = new Redis(redisUrl!);
    const publisher = new Redis(redisUrl!);
    const machine = stack.emulator.store.machinesOf(USER)[2]!;
    const heard: string[] = [];
    let answering = true;
    let release = (): void => undefined;
    const released = new Promise<void>((resolve) => (release = resolve));
    listener.on('message', (_channel: string, message: string) => {
      const id = message.slice(0, message.indexOf(' '));
      // Events of other tests sharing this Redis are answered at once.
      if (!message.includes(machine.id)) return void publisher.publish(REFRESHED_CHANNEL, id);
      heard.push(id);
      if (answering) void released.then(() => publisher.publish(REFRESHED_CHANNEL, id));
    });
    await listener.subscribe(EVENTS_CHANNEL);
    try {
      const order: string[] = [];
      stack.emulator.store.putMachine({ ...machine, name: 'Renamed, every replica told' });
      const acknowledged = deliver(stack.gateway.url, leafEvent('machineUpdated', { leafUserId: USER, machineId: machine.id })).then((answer) => {
        order.push('acknowledged');
        return answer;
      });
      await until(() => heard.length === 1);
      await new Promise((resolve) => setTimeout(resolve, 100));
      order.push('third replica refreshed');
      release();
      expect((await acknowledged).status).toBe(202);
      expect(order).toEqual(['third replica refreshed', 'acknowledged']);
      // Replica B, a real one, had refreshed before Leaf's acknowledgement too.
      expect((await replicaB.request<string>('/metrics')).text).toMatch(/leaf_events_total\{outcome="placed",origin="relay"\} 2/);

      // A replica that hears the next event and never says it refreshed: Leaf is acknowledged all the same.
      answering = false;
      stack.emulator.store.putMachine({ ...machine, name: 'Renamed, one replica silent' });
      expect((await deliver(stack.gateway.url, leafEvent('machineUpdated', { leafUserId: USER, machineId: machine.id }))).status).toBe(202);
      expect(heard).toHaveLength(2);
      expect((await replicaB.query(MACHINE, { user: USER, id: machine.id })).data?.leafUser.machine?.name).toBe('Renamed, one replica silent');
    } finally {
      listener.disconnect();
      publisher.disconnect();
    }
  });

  it("an event received by one replica reaches the other replica's subscribers, its record read there", async () => {
    const machine = stack.emulator.store.machinesOf(USER)[1]!;
    const query = /* GraphQL */ `subscription ($user: LeafId!) { leafEvents(leafUserId: $user) { type ... on MachineEvent { machine { name } } } }`;
    const sse = subscribeSse(replicaB.gateway.url, stack.emulator.demoToken, query, { user: USER });
    const ws = subscribeWs(replicaB.gateway.url, stack.emulator.demoToken, query, { user: USER });
    await until(() => replicaB.gateway.live.subscriptions === 2);
    try {
      stack.emulator.store.putMachine({ ...machine, name: 'Renamed, heard on replica B' });
      expect((await deliver(stack.gateway.url, leafEvent('machineUpdated', { leafUserId: USER, machineId: machine.id }))).status).toBe(202);
      await sse.waitFor(1);
      await ws.waitFor(1);
      for (const subscriber of [sse, ws]) {
        expect(subscriber.received).toEqual([{ data: { leafEvents: { type: 'MACHINE_UPDATED', machine: { name: 'Renamed, heard on replica B' } } } }]);
      }
    } finally {
      sse.close();
      ws.close();
    }
  });
});
