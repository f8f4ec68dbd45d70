// The gateway's webhook at Leaf (the emulator's Alerts API): made sure of at start, one and only
// one across restarts and concurrent starts, replaced when its URL changes; and the deliveries
// that failed while the gateway was away acted on at its next start.
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_TOKEN, DEMO_USER_IDS, startEmulator } from '../src/emulator/index.js';
import { startGateway } from '../src/server/index.js';
import { graphql } from './__generated__/index.js';
import { localRedis } from './support/redis.js';
import { gatewayClient, stackConfig, useStacks } from './support/stack.js';
import { WEBHOOK_SECRET } from './support/webhooks.js';

const USER = DEMO_USER_IDS.prairieFarms;
const MACHINE = graphql(/* GraphQL */ `
  query RegisteredMachine($user: LeafId!, $id: LeafId!) { leafUser(id: $user) { machine(id: $id) { name } } }
`);

interface AlertsInfo {
  webhooks: { owner: string; id: string; url: string; events: string[] }[];
}

async function webhooksAt(emulatorUrl: string): Promise<AlertsInfo['webhooks']> {
  const answer = await fetch(`${emulatorUrl}/__emulator/alerts`);
  return ((await answer.json()) as AlertsInfo).webhooks;
}

const { redisUrl, skipReason, stop: stopRedis } = await localRedis();
afterAll(() => stopRedis());

const env = (url: string) => ({ RESPONSE_CACHE: 'true', LEAF_WEBHOOK_SECRET: WEBHOOK_SECRET, LEAF_API_TOKEN: DEMO_TOKEN, LEAF_WEBHOOK_URL: url });

describe('registration', () => {
  const start = useStacks();

  it('registers one webhook, keeps it across a restart, and replaces it when the URL changes', async () => {
    const url = 'http://127.0.0.1:9/webhooks/leaf';
    const stack = await start({ env: env(url) });
    const first = await stack.gateway.registration;
    expect(first?.created).toBe(true);
    expect(await webhooksAt(stack.emulator.url)).toEqual([expect.objectContaining({ url, id: first?.id })]);

    const again = await startGateway({ config: stackConfig(env(url)), upstreamUrl: stack.emulator.url });
    try {
      expect(await again.registration).toEqual({ id: first?.id, created: false, deleted: 0 });
    } finally {
      await again.close();
    }
    const moved = await startGateway({ config: stackConfig(env('http://127.0.0.1:9/moved/webhooks/leaf')), upstreamUrl: stack.emulator.url });
    try {
      expect(await moved.registration).toMatchObject({ created: true, deleted: 1 });
      expect((await webhooksAt(stack.emulator.url)).map((webhook) => webhook.url)).toEqual(['http://127.0.0.1:9/moved/webhooks/leaf']);
    } finally {
      await moved.close();
    }
  });

  it('ends with one webhook when several replicas start at once', async () => {
    const emulator = await startEmulator({ port: 0 });
    const url = 'http://127.0.0.1:9/webhooks/leaf';
    const gateways = await Promise.all([1, 2, 3].map(() => startGateway({ config: stackConfig(env(url)), upstreamUrl: emulator.url })));
    try {
      await Promise.all(gateways.map((gateway) => gateway.registration));
      const webhooks = await webhooksAt(emulator.url);
      expect(webhooks).toHaveLength(1);
    } finally {
      await Promise.all(gateways.map((gateway) => gateway.close()));
      await emulator.close();
    }
  });

  it.skipIf(skipReason !== null)(`replicas sharing a Redis register under its lock: one creates, the others find it${skipReason ? ` (${skipReason})` : ''}`, async () => {
    const emulator = await startEmulator({ port: 0 });
    const url = 'http://127.0.0.1:9/webhooks/leaf';
    const shared = { ...env(url), REDIS_URL: redisUrl ?? '' };
    const start = () => startGateway({ config: stackConfig(shared), upstreamUrl: emulator.url });
    const gateways = await Promise.all([1, 2, 3, 4].map(start));
    try {
      const registrations = await Promise.all(gateways.map((gateway) => gateway.registration));
      // Under the lock each lists after the one before it created: one creation, no webhook created
      // and deleted again (without the lock each would create one and all but the oldest delete theirs).
      expect(registrations.filter((registration) => registration?.created)).toHaveLength(1);
      expect(new Set(registrations.map((registration) => registration?.id)).size).toBe(1);
      const writes = (): string[] => emulator.calls.filter((call) => call.method !== 'GET' && call.path.includes('/webhooks')).map((call) => call.method);
      expect(writes()).toEqual(['POST']);
      expect(await webhooksAt(emulator.url)).toEqual([expect.objectContaining({ url, id: registrations[0]?.id })]);
      // A restart of every replica at once changes nothing at Leaf.
      await Promise.all(gateways.splice(0).map((gateway) => gateway.close()));
      gateways.push(...(await Promise.all([1, 2, 3, 4].map(start))));
      expect(await Promise.all(gateways.map((gateway) => gateway.registration))).toEqual(registrations.map((registration) => ({ id: registration?.id, created: false, deleted: 0 })));
      expect(writes()).toEqual(['POST']);
    } finally {
      await Promise.all(gateways.map((gateway) => gateway.close()));
      await emulator.close();
    }
  });

  it('registers its own receiver in demo mode: a machine renamed at the provider refreshes the cached answer', async () => {
    const stack = await start({ env: { RESPONSE_CACHE: 'true', LEAF_WEBHOOK_SECRET: WEBHOOK_SECRET, LEAF_API_TOKEN: DEMO_TOKEN }, gateway: { registerOwnReceiver: true } });
    await stack.gateway.registration;
    const renamed = stack.emulator.activity.renameMachine({ leafUserId: USER });
    const machineId = renamed.machine.id;
    const client = gatewayClient(stack.gateway.url, DEMO_TOKEN);
    const name = async () => (await client.query(MACHINE, { user: USER, id: machineId })).data?.leafUser.machine?.name;
    expect(await name()).toBe(renamed.machine.name);
    const again = stack.emulator.activity.renameMachine({ leafUserId: USER, machineId, name: 'Renamed twice at the provider' });
    expect(again.machine.name).toBe('Renamed twice at the provider');
    await stack.emulator.alerts.settled();
    expect(await name()).toBe('Renamed twice at the provider');
  });
});
