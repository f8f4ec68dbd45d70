// Subscription.leafEvents as a frontend holds it, over SSE (graphql-sse) and WebSocket
// (graphql-ws): a subscriber gets its Leaf user's events with their records read fresh with
// its own token, never another user's, only the types asked for; a token that may not read the
// user is refused before the first event and, once refused later, ends the stream; the gateway's
// bounds and its drain end streams with a clear code.
import { describe, expect, it } from 'vitest';
import { DEMO_TOKEN, DEMO_USER_IDS, OTHER_TOKEN } from '../src/emulator/index.js';
import { useStack, useStacks } from './support/stack.js';
import { subscribeSse, subscribeWs, type Subscriber } from './support/subscriptions.js';
import { until } from './support/wait.js';
import { deliver, leafEvent, WEBHOOK_SECRET } from './support/webhooks.js';

const USER = DEMO_USER_IDS.prairieFarms;
const OTHER_USER = DEMO_USER_IDS.otherFarm;

const EVENTS = /* GraphQL */ `
  subscription Events($user: LeafId!, $types: [LeafEventType!]) {
    leafEvents(leafUserId: $user, types: $types) {
      __typename type leafUserId timestamp
      ... on MachineEvent { machineId machine { leafId name } }
      ... on FileEvent { fileId message file { leafId } }
    }
  }
`;

const env = { RESPONSE_CACHE: 'true', LEAF_WEBHOOK_SECRET: WEBHOOK_SECRET, SUBSCRIPTION_RECHECK_MS: '200' };
const stack = useStack({ env });

const transports = { sse: subscribeSse, websocket: subscribeWs } as const;

/** Open once the gateway counts it (the token check done, the stream registered). */
async function opened(count: number): Promise<void> {
  await until(() => stack.gateway.live.subscriptions === count, { describe: () => `${count} open subscriptions (${stack.gateway.live.subscriptions})` });
}

/** A test starts once the streams earlier tests closed are gone. */
async function noneOpen(): Promise<void> {
  await opened(0);
}

function renameAtLeaf(machineId: string, name: string): void {
  const machine = stack.emulator.store.machines.get(machineId)!;
  stack.emulator.store.putMachine({ ...machine, name });
}

describe.each(Object.entries(transports))('leafEvents over %s', (_transport, subscribe) => {
  it("delivers the user's events, the machine read as it is now, and nothing of another user", async () => {
    const machine = stack.emulator.store.machinesOf(USER)[0]!;
    // Cached before the event, with the old name.
    await stack.query(`{ leafUser(id: "${USER}") { machine(id: "${machine.id}") { name } } }`);
    await noneOpen();
    const mine = subscribe(stack.gateway.url, DEMO_TOKEN, EVENTS, { user: USER });
    const theirs = subscribe(stack.gateway.url, OTHER_TOKEN, EVENTS, { user: OTHER_USER });
    await opened(2);
    try {
      renameAtLeaf(machine.id, `Renamed for ${_transport}`);
      expect((await deliver(stack.gateway.url, leafEvent('machineUpdated', { leafUserId: USER, machineId: machine.id }))).status).toBe(202);
      await mine.waitFor(1);
      expect(mine.received[0]).toEqual({
        data: {
          leafEvents: {
            __typename: 'MachineEvent',
            type: 'MACHINE_UPDATED',
            leafUserId: USER,
            timestamp: '2026-12-07T14:30:00.000000Z',
            machineId: machine.id,
            machine: { leafId: machine.id, name: `Renamed for ${_transport}` },
          },
        },
      });
      // The other user's subscriber got nothing of it; its own user's event reaches it alone.
      const otherMachine = stack.emulator.store.machinesOf(OTHER_USER)[0]!;
      await deliver(stack.gateway.url, leafEvent('machineDeleted', { leafUserId: OTHER_USER, machineId: otherMachine.id }));
      await theirs.waitFor(1);
      expect(theirs.received).toHaveLength(1);
      expect(theirs.received[0]?.data?.leafEvents).toMatchObject({ type: 'MACHINE_DELETED', leafUserId: OTHER_USER, machine: null });
      expect(mine.received).toHaveLength(1);
    } finally {
      mine.close();
      theirs.close();
    }
  });

  it('sends only the types asked for', async () => {
    const machine = stack.emulator.store.machinesOf(USER)[0]!;
    await noneOpen();
    const files = subscribe(stack.gateway.url, DEMO_TOKEN, EVENTS, { user: USER, types: ['PROVIDER_FILE_PROCESSING_FAILED'] });
    await opened(1);
    try {
      await deliver(stack.gateway.url, leafEvent('machineUpdated', { leafUserId: USER, machineId: machine.id }));
      const file = stack.emulator.store.filesOf(USER)[0]!;
      await deliver(stack.gateway.url, leafEvent('providerFileProcessingFailed', { leafUserId: USER, fileId: file.id, message: 'corrupt upload' }));
      await files.waitFor(1);
      expect(files.received).toEqual([
        { data: { leafEvents: expect.objectContaining({ __typename: 'FileEvent', type: 'PROVIDER_FILE_PROCESSING_FAILED', fileId: file.id, message: 'corrupt upload', file: { leafId: file.id } }) } },
      ]);
    } finally {
      files.close();
    }
  });

  it('refuses a token that cannot read the user before any event', async () => {
    const refused = subscribe(stack.gateway.url, OTHER_TOKEN, EVENTS, { user: USER });
    await until(() => refused.done || refused.received.length > 0);
    const outcome = refused.received[0] ?? (await refused.ended);
    expect(JSON.stringify(outcome)).toContain('FORBIDDEN');
    refused.close();
  });
});

describe('each family of events', () => {
  const ASSETS = /* GraphQL */ `
    subscription AssetEvents($user: LeafId!) {
      leafEvents(leafUserId: $user) {
        __typename type
        ... on ImplementEvent { implementId implement { leafId } }
        ... on OperatorEvent { operatorId operator { leafId } }
        ... on OperationEvent { operationId operation { leafId } }
      }
    }
  `;

  it('names its record by its Leaf id and reads it as it is now', async () => {
    const implement = stack.emulator.store.implementsOf(USER)[0]!;
    const operator = stack.emulator.store.operatorsOf(USER)[0]!;
    const operation = stack.emulator.store.operationsOf(USER)[0]!;
    await noneOpen();
    const subscriber = subscribeSse(stack.gateway.url, DEMO_TOKEN, ASSETS, { user: USER });
    await opened(1);
    try {
      await deliver(stack.gateway.url, leafEvent('implementUpdated', { leafUserId: USER, implementId: implement.id }));
      await deliver(stack.gateway.url, leafEvent('operatorCreated', { leafUserId: USER, operatorId: operator.id }));
      await deliver(stack.gateway.url, leafEvent('operationProcessingFinished', { leafUserId: USER, operationId: operation.id }));
      await subscriber.waitFor(3);
      expect(subscriber.received.map((result) => result.data?.leafEvents)).toEqual([
        { __typename: 'ImplementEvent', type: 'IMPLEMENT_UPDATED', implementId: implement.id, implement: { leafId: implement.id } },
        { __typename: 'OperatorEvent', type: 'OPERATOR_CREATED', operatorId: operator.id, operator: { leafId: operator.id } },
        { __typename: 'OperationEvent', type: 'OPERATION_PROCESSING_FINISHED', operationId: operation.id, operation: { leafId: operation.id } },
      ]);
    } finally {
      subscriber.close();
    }
  });
});

describe('a token refused mid-stream', () => {
  it.each(Object.entries(transports))('ends the %s stream with FORBIDDEN', async (_transport, subscribe) => {
    const token = `revocable-${_transport}`;
    stack.emulator.store.tokens.push({ token, leafUserIds: [USER] });
    await noneOpen();
    const subscriber: Subscriber = subscribe(stack.gateway.url, token, EVENTS, { user: USER });
    await opened(1);
    // Leaf takes the user away from the token: the next check (every 200 ms here) is refused.
    stack.emulator.store.tokens.find((entry) => entry.token === token)!.leafUserIds = [];
    await until(() => subscriber.done, { describe: () => `the stream to end (got ${JSON.stringify(subscriber.received)})` });
    expect(subscriber.received.at(-1)?.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    subscriber.close();
  });
});

describe('bounds and shutdown', () => {
  const start = useStacks();

  it('refuses a subscription past SUBSCRIPTIONS_PER_TOKEN with TOO_MANY_SUBSCRIPTIONS', async () => {
    const bounded = await start({ env: { ...env, SUBSCRIPTIONS_PER_TOKEN: '1' } });
    const first = subscribeSse(bounded.gateway.url, DEMO_TOKEN, EVENTS, { user: USER });
    await until(() => bounded.gateway.live.subscriptions === 1);
    const second = subscribeWs(bounded.gateway.url, DEMO_TOKEN, EVENTS, { user: USER });
    await until(() => second.done || second.received.length > 0);
    expect(JSON.stringify(second.received[0] ?? (await second.ended))).toContain('TOO_MANY_SUBSCRIPTIONS');
    const metrics = await bounded.request<string>('/metrics');
    expect(metrics.text).toMatch(/graphql_subscriptions_open 1/);
    first.close();
    second.close();
  });

  it('ends every stream cleanly on drain', async () => {
    const draining = await start({ env });
    const sse = subscribeSse(draining.gateway.url, DEMO_TOKEN, EVENTS, { user: USER });
    const ws = subscribeWs(draining.gateway.url, DEMO_TOKEN, EVENTS, { user: USER });
    await until(() => draining.gateway.live.subscriptions === 2);
    const cut = await draining.gateway.drain(5_000);
    expect(cut).toBe(0);
    await until(() => sse.done && ws.done);
    expect(await sse.ended).toBeUndefined();
    expect(sse.timeline).toEqual(['complete']);
    // Over WebSocket: the subscription's `complete` first, then a clean close (the server's 1001
    // going away, or the client's own 1000 once its last subscription completed), never a close
    // that overtook the `complete` (the client would see the stream fail).
    await until(() => ws.timeline.length >= 2, { describe: () => `complete and close (${ws.timeline.join(', ')})` });
    expect(await ws.ended).toBeUndefined();
    expect(ws.timeline).toEqual(['complete', expect.stringMatching(/^closed 100[01]$/)]);
  });
});
