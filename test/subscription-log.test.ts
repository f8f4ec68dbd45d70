// Subscriptions in the request log and /metrics, as an operator reads them: over SSE and
// WebSocket alike, a line when a stream opens and one when it ends, with its request id, how long
// it lasted, the events it delivered and why it ended (its client closed it, its token was
// refused, the gateway drained, a bound refused it); and the same ends counted in /metrics.
import { describe, expect, it } from 'vitest';
import { DEMO_TOKEN, DEMO_USER_IDS } from '../src/emulator/index.js';
import { useStacks, type Stack } from './support/stack.js';
import { subscribeSse, subscribeWs, type Subscriber } from './support/subscriptions.js';
import { until } from './support/wait.js';
import { deliver, leafEvent, WEBHOOK_SECRET } from './support/webhooks.js';

const USER = DEMO_USER_IDS.prairieFarms;
const EVENTS = /* GraphQL */ `subscription LoggedEvents($user: LeafId!) { leafEvents(leafUserId: $user) { type } }`;
const transports = { sse: subscribeSse, websocket: subscribeWs } as const;

interface Line {
  msg: string;
  level: string;
  requestId?: string;
  transport?: string;
  operationName?: string;
  durationMs?: number;
  events?: number;
  reason?: string;
  errors?: string[];
}

describe.each(Object.entries(transports))('a subscription over %s in the log and /metrics', (transport, subscribe) => {
  const start = useStacks();
  let lines: Line[];

  async function logged(env: Record<string, string> = {}): Promise<Stack> {
    lines = [];
    return start({
      env: { LOG_LEVEL: 'info', LOG_FORMAT: 'json', LEAF_WEBHOOK_SECRET: WEBHOOK_SECRET, SUBSCRIPTION_RECHECK_MS: '200', ...env },
      observability: { logWrite: (line) => lines.push(JSON.parse(line) as Line) },
    });
  }

  const ends = () => lines.filter((line) => line.msg === 'subscription ended');

  async function ended(count = 1): Promise<Line> {
    await until(() => ends().length >= count, { describe: () => `${count} 'subscription ended' lines (${JSON.stringify(lines.filter((line) => line.msg.startsWith('subscription')))})` });
    return ends()[count - 1]!;
  }

  async function opened(stack: Stack, subscriber: Subscriber): Promise<void> {
    await until(() => stack.gateway.live.subscriptions === 1 || subscriber.done);
  }

  const counted = async (stack: Stack, reason: string) =>
    (await stack.request<string>('/metrics')).text.includes(`graphql_subscriptions_ended_total{transport="${transport}",reason="${reason}"} 1`);

  it('logs its start, and its end when the client closes it, with the events it delivered', async () => {
    const stack = await logged();
    const subscriber = subscribe(stack.gateway.url, DEMO_TOKEN, EVENTS, { user: USER });
    await opened(stack, subscriber);
    const machines = stack.emulator.store.machinesOf(USER);
    for (const machine of machines.slice(0, 2)) await deliver(stack.gateway.url, leafEvent('machineUpdated', { leafUserId: USER, machineId: machine.id }));
    await subscriber.waitFor(2);
    subscriber.close();
    const end = await ended();
    const started = lines.find((line) => line.msg === 'subscription started');
    expect(started).toMatchObject({ level: 'info', transport, operationName: 'LoggedEvents', requestId: expect.any(String) });
    expect(end).toMatchObject({ level: 'info', requestId: started!.requestId, transport, operationName: 'LoggedEvents', events: 2, reason: 'client-closed' });
    expect(end.durationMs).toBeGreaterThan(0);
    expect(await counted(stack, 'client-closed')).toBe(true);
    expect((await stack.request<string>('/metrics')).text).toMatch(new RegExp(`graphql_subscription_duration_seconds_count\\{transport="${transport}"\\} 1`));
  });

  it('logs why it ended when its token is refused mid-stream', async () => {
    const stack = await logged();
    const token = `revocable-log-${transport}`;
    stack.emulator.store.tokens.push({ token, leafUserIds: [USER] });
    const subscriber = subscribe(stack.gateway.url, token, EVENTS, { user: USER });
    await opened(stack, subscriber);
    stack.emulator.store.tokens.find((entry) => entry.token === token)!.leafUserIds = [];
    expect(await ended()).toMatchObject({ transport, events: 0, reason: 'token-refused', errors: ['FORBIDDEN'] });
    expect(await counted(stack, 'token-refused')).toBe(true);
    subscriber.close();
  });

  it('logs a subscription refused past its bound, without a start', async () => {
    const stack = await logged({ SUBSCRIPTIONS_PER_TOKEN: '1' });
    const first = subscribe(stack.gateway.url, DEMO_TOKEN, EVENTS, { user: USER });
    await opened(stack, first);
    const second = subscribe(stack.gateway.url, DEMO_TOKEN, EVENTS, { user: USER });
    expect(await ended()).toMatchObject({ transport, events: 0, reason: 'limit', errors: ['TOO_MANY_SUBSCRIPTIONS'] });
    expect(lines.filter((line) => line.msg === 'subscription started')).toHaveLength(1);
    expect(await counted(stack, 'limit')).toBe(true);
    first.close();
    second.close();
  });

  it('logs the drain as why it ended', async () => {
    const stack = await logged();
    const subscriber = subscribe(stack.gateway.url, DEMO_TOKEN, EVENTS, { user: USER });
    await opened(stack, subscriber);
    await stack.gateway.drain(5_000);
    expect(await ended()).toMatchObject({ transport, events: 0, reason: 'drain' });
  });
});
