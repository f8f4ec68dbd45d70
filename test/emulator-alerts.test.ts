// The emulator speaks Leaf's Alerts: webhooks registered over its Alerts API receive signed
// events for its own writes and for simulated provider activity, with Leaf's retries and
// failed calls. Everything over real HTTP, to a real receiver on a port of its own.
import { spawn } from 'node:child_process';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_USER_IDS, OTHER_TOKEN, startEmulator, type Emulator, type EmulatorOptions } from '../src/emulator/index.js';
import type { LeafFieldOperation, LeafFile, LeafMachine, LeafMachineFile } from '../src/emulator/index.js';
import type { LeafFailedCall, LeafWebhook } from '../src/leaf/types.js';
import { httpJson, type RequestOptions } from './support/http.js';
import { expectLeafProblem } from './support/leaf-http.js';
import { until } from './support/wait.js';
import { startReceiver, type ReceivedPost, type WebhookReceiver } from './support/webhook-receiver.js';

const ALERTS = '/services/alerts/api/alerts';
const ASSETS = '/services/beta/api';
const OPERATIONS = '/services/operations/api';
const USER = DEMO_USER_IDS.prairieFarms;
const SECRET = 'mRyT257XpFWX';
const CONFIRMATION = '{"message": "confirmation of webhook upon registration"}';
/** Leaf's retry minutes become milliseconds: retries 1, 30, 60 and 240 ms after the first failure. */
const MINUTES_AS_MS = 1 / 60_000;
const MICROSECOND_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

const open: { close(): Promise<void> }[] = [];

afterEach(async () => {
  await Promise.all(open.splice(0).map((resource) => resource.close()));
});

async function emulatorFor(options: EmulatorOptions = {}): Promise<Emulator> {
  const emulator = await startEmulator(options);
  open.push(emulator);
  return emulator;
}

async function receiver(status: number | ((index: number) => number) = 200): Promise<WebhookReceiver> {
  const started = await startReceiver(status);
  open.push(started);
  return started;
}

function call<T>(emulator: Emulator, path: string, options: RequestOptions = {}) {
  return httpJson<T>(`${emulator.url}${path}`, { token: emulator.demoToken, ...options });
}

function register(emulator: Emulator, body: Record<string, unknown>, token = emulator.demoToken) {
  return call<LeafWebhook>(emulator, `${ALERTS}/webhooks`, { method: 'POST', body, token });
}

/** Registers `url` for `events` and waits for the confirmation to arrive, so later posts are events only. */
async function subscribe(emulator: Emulator, hook: WebhookReceiver, events: string[], token = emulator.demoToken): Promise<LeafWebhook> {
  const before = hook.received.length;
  const answer = await register(emulator, { name: 'test hook', url: hook.url, secret: SECRET, events }, token);
  expect(answer.status).toBe(200);
  await until(() => hook.received.length > before, { describe: () => 'the confirmation' });
  return answer.body;
}

/** True when `signature` is the base64 HMAC-SHA256 of exactly these bytes under `secret`. */
function verifies(post: ReceivedPost, secret = SECRET): boolean {
  if (post.signature === null) return false;
  const expected = createHmac('sha256', secret).update(Buffer.from(post.body, 'utf8')).digest();
  const given = Buffer.from(post.signature, 'base64');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

function events(hook: WebhookReceiver): Record<string, string>[] {
  return hook.received.filter((post) => post.body !== CONFIRMATION).map((post) => JSON.parse(post.body) as Record<string, string>);
}

async function nextEvents(hook: WebhookReceiver, count: number): Promise<Record<string, string>[]> {
  await until(() => events(hook).length >= count, { describe: () => `${count} event(s), got ${JSON.stringify(events(hook))}` });
  return events(hook);
}

describe('the Alerts API', () => {
  it('registers a webhook, answers it with an id, lists it, gets it, and POSTs the signed confirmation to its URL', async () => {
    const emulator = await emulatorFor();
    const hook = await receiver();
    const created = await register(emulator, { name: 'Gateway', url: hook.url, secret: SECRET, events: ['machineUpdated', 'providerFileProcessingFinished'] });

    expect(created.status).toBe(200);
    expect(created.body).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      events: ['machineUpdated', 'providerFileProcessingFinished'],
      name: 'Gateway',
      secret: SECRET,
      url: hook.url,
    });
    await until(() => hook.received.length === 1);
    const [confirmation] = hook.received;
    expect(confirmation?.body).toBe(CONFIRMATION);
    expect(confirmation?.headers['content-type']).toBe('application/json');
    expect(confirmation && verifies(confirmation)).toBe(true);

    expect((await call(emulator, `${ALERTS}/webhooks`)).body).toEqual([created.body]);
    expect((await call(emulator, `${ALERTS}/webhooks/${created.body.id}`)).body).toEqual(created.body);
    expect((await call(emulator, `${ALERTS}/webhooks/failed-calls`)).body).toEqual({ items: [] });
  });

  it('answers 400 eventRegisteredTwice when an event is already in another webhook of the same owner, and not across owners', async () => {
    const emulator = await emulatorFor();
    const hook = await receiver();
    const first = await subscribe(emulator, hook, ['machineCreated', 'machineUpdated']);

    const second = await register(emulator, { name: 'second', url: hook.url, secret: SECRET, events: ['machineDeleted', 'machineUpdated'] });
    expect(second.status).toBe(400);
    expect(second.body).toMatchObject({ status: 400, message: 'error.eventRegisteredTwice' });
    expect((second.body as unknown as { detail: string }).detail).toContain('machineUpdated');
    expect((await call<LeafWebhook[]>(emulator, `${ALERTS}/webhooks`)).body).toHaveLength(1);

    const twiceInOne = await register(emulator, { name: 'dup', url: hook.url, secret: SECRET, events: ['operationCreated', 'operationCreated'] });
    expect(twiceInOne.body).toMatchObject({ status: 400, message: 'error.eventRegisteredTwice' });

    // Another API owner has webhooks of its own.
    const otherOwner = await register(emulator, { name: 'other', url: hook.url, secret: SECRET, events: ['machineUpdated'] }, OTHER_TOKEN);
    expect(otherOwner.status).toBe(200);

    // Delete and create again is Leaf's only way to change a webhook.
    expect((await call(emulator, `${ALERTS}/webhooks/${first.id}`, { method: 'DELETE' })).status).toBe(204);
    expect((await register(emulator, { name: 'again', url: hook.url, secret: SECRET, events: ['machineUpdated'] })).status).toBe(200);
  });

  it('refuses bodies Leaf would refuse, with a Leaf-style 400 naming the field', async () => {
    const emulator = await emulatorFor();
    const valid = { name: 'hook', url: 'http://127.0.0.1:9/hook', secret: SECRET, events: ['machineUpdated'] };
    const cases: [string, unknown, RegExp][] = [
      ['not JSON', '{"name":', /JSON object/],
      ['an array', [valid], /JSON object/],
      ['no name', { ...valid, name: undefined }, /'name'/],
      ['an empty secret', { ...valid, secret: '' }, /'secret'/],
      ['no URL', { ...valid, url: undefined }, /'url'/],
      ['a URL that is not one', { ...valid, url: 'not a url' }, /'url'/],
      ['a URL that is not HTTP', { ...valid, url: 'ftp://example.com/hook' }, /'url'/],
      ['no events', { ...valid, events: [] }, /'events'/],
      ['events not a list', { ...valid, events: 'machineUpdated' }, /'events'/],
      ['an unknown event', { ...valid, events: ['machineRenamed'] }, /machineRenamed/],
    ];
    for (const [, body, detail] of cases) {
      const answer = await call(emulator, `${ALERTS}/webhooks`, { method: 'POST', body });
      expect(expectLeafProblem(answer, 400, `${ALERTS}/webhooks`)).toMatch(detail);
    }
    expect(emulator.alerts.webhooks()).toEqual([]);
  });

  it('serves webhooks to their owner only, and answers unknown tokens and ids as Leaf does', async () => {
    const emulator = await emulatorFor();
    const hook = await receiver();
    const mine = await subscribe(emulator, hook, ['machineUpdated']);

    expect((await call(emulator, `${ALERTS}/webhooks`, { token: null })).status).toBe(401);
    expect((await call(emulator, `${ALERTS}/webhooks`, { token: 'no-such-token' })).status).toBe(401);
    expect((await call(emulator, `${ALERTS}/webhooks`, { token: OTHER_TOKEN })).body).toEqual([]);
    expectLeafProblem(await call(emulator, `${ALERTS}/webhooks/${mine.id}`, { token: OTHER_TOKEN }), 404);
    expectLeafProblem(await call(emulator, `${ALERTS}/webhooks/${mine.id}`, { token: OTHER_TOKEN, method: 'DELETE' }), 404);
    expectLeafProblem(await call(emulator, `${ALERTS}/webhooks/not-a-uuid`), 400);
    expect((await call(emulator, `${ALERTS}/webhooks/failed-calls`, { method: 'POST', body: {} })).status).toBe(405);
    expect((await call(emulator, `${ALERTS}/webhooks/${mine.id}`)).status).toBe(200);
  });
});

describe('deliveries', () => {
  it("sends the emulator's own machine writes as signed events, in Leaf's JSON, to the owner's webhook only", async () => {
    const emulator = await emulatorFor();
    const hook = await receiver();
    const otherOwnersHook = await receiver();
    await subscribe(emulator, hook, ['machineCreated', 'machineUpdated', 'machineDeleted']);
    await subscribe(emulator, otherOwnersHook, ['machineCreated', 'machineUpdated', 'machineDeleted'], OTHER_TOKEN);

    const created = await call<LeafMachine>(emulator, `${ASSETS}/users/${USER}/machines`, { method: 'POST', body: { name: 'Alerted' } });
    const machineId = created.body.id;
    await call(emulator, `${ASSETS}/users/${USER}/machines/${machineId}`, { method: 'PATCH', body: { name: 'Alerted again' } });
    await call(emulator, `${ASSETS}/users/${USER}/machines/${machineId}`, { method: 'DELETE' });

    const received = await nextEvents(hook, 3);
    expect(received.map((event) => event.type).sort()).toEqual(['machineCreated', 'machineDeleted', 'machineUpdated']);
    for (const event of received) {
      expect(event).toEqual({ type: event.type, timestamp: expect.stringMatching(MICROSECOND_TIMESTAMP), machineId, leafUserId: USER });
    }
    const posts = hook.received.filter((post) => post.body !== CONFIRMATION);
    for (const post of posts) {
      expect(verifies(post)).toBe(true);
      expect(verifies(post, 'another secret')).toBe(false);
      // What Leaf signs: compact JSON with a space after ':' and ','; re-serialising it changes the bytes.
      expect(post.body).toMatch(/^\{"type": "machine\w+", "timestamp": "[^"]+", "machineId": "[^"]+", "leafUserId": "[^"]+"\}$/);
      expect(JSON.stringify(JSON.parse(post.body))).not.toBe(post.body);
    }
    await emulator.alerts.settled();
    expect(otherOwnersHook.received.map((post) => post.body)).toEqual([CONFIRMATION]);
    expect(emulator.alerts.deliveries.filter((delivery) => delivery.type !== 'confirmation')).toHaveLength(3);
  });

  it('sends only the events a webhook listens to', async () => {
    const emulator = await emulatorFor();
    const hook = await receiver();
    await subscribe(emulator, hook, ['machineDeleted']);
    const created = await call<LeafMachine>(emulator, `${ASSETS}/users/${USER}/machines`, { method: 'POST', body: { name: 'Quiet' } });
    await call(emulator, `${ASSETS}/users/${USER}/machines/${created.body.id}`, { method: 'DELETE' });
    const [event] = await nextEvents(hook, 1);
    expect(event?.type).toBe('machineDeleted');
    await emulator.alerts.settled();
    expect(events(hook)).toHaveLength(1);
  });

  it("retries without a 2xx on Leaf's schedule, scaled, then records a failed call with what it takes to redeliver", async () => {
    const emulator = await emulatorFor({ alertsRetryScale: MINUTES_AS_MS });
    // The confirmation is acknowledged; every event is refused.
    const hook = await receiver((index) => (index === 0 ? 200 : 503));
    const webhook = await subscribe(emulator, hook, ['machineUpdated']);

    const { events: [sent] } = emulator.activity.renameMachine({ leafUserId: USER });
    await until(() => hook.received.length === 6, { describe: () => `6 posts, got ${hook.received.length}` });
    await emulator.alerts.settled();

    // The first attempt and Leaf's four retries, the same signed bytes each time, then no more.
    const attempts = hook.received.slice(1);
    expect(attempts.map((post) => post.body)).toEqual(Array(5).fill(sent?.text));
    expect(attempts.every((post) => verifies(post))).toBe(true);
    const deliveries = emulator.alerts.deliveries.filter((delivery) => delivery.type === 'machineUpdated');
    expect(deliveries.map((delivery) => [delivery.attempt, delivery.status])).toEqual([[0, 503], [1, 503], [2, 503], [3, 503], [4, 503]]);
    const times = deliveries.map((delivery) => delivery.at);
    expect([...times].sort((a, b) => a - b)).toEqual(times);

    const failed = await call<{ items: LeafFailedCall[] }>(emulator, `${ALERTS}/webhooks/failed-calls`);
    expect(failed.body.items).toEqual([
      {
        apiOwner: 'prairie@leaf-emulator.invalid',
        createdAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/),
        url: hook.url,
        requestBody: sent?.text,
        status: 503,
        response: 'refused with 503',
        webhookId: webhook.id,
      },
    ]);
    // Failed calls are the owner's: another token sees none.
    expect((await call(emulator, `${ALERTS}/webhooks/failed-calls`, { token: OTHER_TOKEN })).body).toEqual({ items: [] });
  });

  it('stops retrying once the receiver answers 2xx, and records no failed call', async () => {
    const emulator = await emulatorFor({ alertsRetryScale: MINUTES_AS_MS });
    const hook = await receiver((index) => (index === 1 || index === 2 ? 500 : 204));
    await subscribe(emulator, hook, ['providerFileProcessingFinished']);
    emulator.activity.processMachineFile({ leafUserId: USER });
    await until(() => hook.received.length === 4);
    await emulator.alerts.settled();
    expect(emulator.alerts.deliveries.filter((delivery) => delivery.type !== 'confirmation').map((delivery) => delivery.status)).toEqual([500, 500, 204]);
    expect((await call(emulator, `${ALERTS}/webhooks/failed-calls`)).body).toEqual({ items: [] });
  });

  it('records a receiver that never answers as a connection error', async () => {
    const emulator = await emulatorFor({ alertsRetryScale: MINUTES_AS_MS });
    const gone = await startReceiver();
    await gone.close();
    const answer = await register(emulator, { name: 'gone', url: gone.url, secret: SECRET, events: ['machineUpdated'] });
    expect(answer.status).toBe(200);
    emulator.activity.renameMachine({ leafUserId: USER });
    await until(() => emulator.alerts.deliveries.length === 6);
    await emulator.alerts.settled();
    const failed = await call<{ items: LeafFailedCall[] }>(emulator, `${ALERTS}/webhooks/failed-calls`);
    expect(failed.body.items).toHaveLength(1);
    expect(failed.body.items[0]?.connectionError).toMatch(/\w/);
    expect(failed.body.items[0]?.status).toBeUndefined();
  });

  it('stops delivering to a deleted webhook, pending retries included', async () => {
    // Retries at a twentieth of Leaf's: the first would come 3 s after the failure, long after the delete.
    const emulator = await emulatorFor({ alertsRetryScale: 0.05 });
    const hook = await receiver((index) => (index === 0 ? 200 : 503));
    const webhook = await subscribe(emulator, hook, ['machineUpdated']);
    emulator.activity.renameMachine({ leafUserId: USER });
    await until(() => emulator.alerts.deliveries.some((delivery) => delivery.type === 'machineUpdated'));

    expect((await call(emulator, `${ALERTS}/webhooks/${webhook.id}`, { method: 'DELETE' })).status).toBe(204);
    expect((await call(emulator, `${ALERTS}/webhooks/${webhook.id}`)).status).toBe(404);
    emulator.activity.renameMachine({ leafUserId: USER });
    await emulator.alerts.settled();
    expect(hook.received).toHaveLength(2);
    expect((await call(emulator, `${ALERTS}/webhooks/failed-calls`)).body).toEqual({ items: [] });
  });

  it('closing the emulator cuts a delivery a receiver holds open and drops pending retries', async () => {
    const emulator = await startEmulator({ alertsRetryScale: 0.05 });
    const held: string[] = [];
    const hanging = createServer((request) => held.push(request.url ?? ''));
    await new Promise<void>((resolve) => hanging.listen(0, '127.0.0.1', resolve));
    open.push({
      close: () =>
        new Promise<void>((resolve) => {
          hanging.closeAllConnections();
          hanging.close(() => resolve());
        }),
    });
    const failing = await receiver(503);
    const port = (hanging.address() as AddressInfo).port;
    await register(emulator, { name: 'hangs', url: `http://127.0.0.1:${port}/hook`, secret: SECRET, events: ['machineUpdated'] });
    await register(emulator, { name: 'fails', url: failing.url, secret: SECRET, events: ['machineCreated'] });
    await call(emulator, `${ASSETS}/users/${USER}/machines`, { method: 'POST', body: { name: 'Retried' } });
    await until(() => failing.received.length === 2 && held.length === 1);

    await emulator.close();
    await emulator.alerts.settled();
    // The held confirmation was cut, not answered; the refused event's retry never went.
    expect(emulator.alerts.deliveries.find((delivery) => delivery.url.includes(`:${port}/`))).toMatchObject({ status: 0, error: expect.stringMatching(/Abort/) });
    expect(failing.received).toHaveLength(2);
  });

  it("sends asset events with `id` instead of `machineId` when told to, as Leaf's representative payloads allow", async () => {
    const emulator = await emulatorFor({ assetIdField: 'id' });
    const hook = await receiver();
    await subscribe(emulator, hook, ['machineUpdated']);
    const { machine } = emulator.activity.renameMachine({ leafUserId: USER });
    const [event] = await nextEvents(hook, 1);
    expect(event).toEqual({ type: 'machineUpdated', timestamp: expect.stringMatching(MICROSECOND_TIMESTAMP), id: machine.id, leafUserId: USER });

    emulator.alerts.setAssetIdField('named');
    emulator.activity.renameMachine({ machineId: machine.id });
    const second = (await nextEvents(hook, 2))[1];
    expect(second).toMatchObject({ machineId: machine.id });
    expect(second).not.toHaveProperty('id');
  });
});

describe('simulated provider activity', () => {
  it('renames a machine at the provider: the record changes, then machineUpdated', async () => {
    const emulator = await emulatorFor();
    const hook = await receiver();
    await subscribe(emulator, hook, ['machineUpdated']);

    const triggered = await call<{ machine: LeafMachine; events: { type: string; body: Record<string, string> }[] }>(
      emulator,
      '/__emulator/activity/machine-renamed',
      { method: 'POST', body: { leafUserId: USER, name: 'Big Green (renamed at John Deere)' } },
    );
    expect(triggered.status).toBe(200);
    const { machine } = triggered.body;
    expect(machine.name).toBe('Big Green (renamed at John Deere)');
    expect(machine.originType).not.toBe('USER_CREATED');

    const [event] = await nextEvents(hook, 1);
    expect(event).toEqual({ type: 'machineUpdated', timestamp: expect.stringMatching(MICROSECOND_TIMESTAMP), machineId: machine.id, leafUserId: USER });
    expect(triggered.body.events.map((sent) => sent.body)).toEqual([event]);
    const read = await call<LeafMachine>(emulator, `${ASSETS}/users/${USER}/machines/${machine.id}`);
    expect(read.body.name).toBe('Big Green (renamed at John Deere)');
    expect(Date.parse(read.body.updatedTime ?? '')).toBeGreaterThan(Date.now() - 60_000);
  });

  it('links a new processed machine file to a machine: it shows in the machine files and GET /files/{id}, then providerFileProcessingFinished', async () => {
    const emulator = await emulatorFor();
    const hook = await receiver();
    await subscribe(emulator, hook, ['providerFileProcessingFinished']);
    const machineId = emulator.store.machinesOf(USER).find((machine) => machine.originType === 'PROVIDER_POOLED')?.id ?? '';
    const before = (await call<LeafMachineFile[]>(emulator, `${ASSETS}/users/${USER}/machines/${machineId}/files?size=100`)).body;

    const triggered = await call<{ file: LeafFile; machineFile: LeafMachineFile }>(emulator, '/__emulator/activity/machine-file-processed', {
      method: 'POST',
      body: { machineId },
    });
    expect(triggered.status).toBe(200);
    const { file } = triggered.body;
    const [event] = await nextEvents(hook, 1);
    expect(event).toEqual({ fileId: file.id, leafUserId: USER, timestamp: expect.stringMatching(MICROSECOND_TIMESTAMP), type: 'providerFileProcessingFinished' });
    expect(hook.received[1]?.body).toMatch(/^\{"fileId": /);

    const after = (await call<LeafMachineFile[]>(emulator, `${ASSETS}/users/${USER}/machines/${machineId}/files?size=100`)).body;
    expect(after).toHaveLength(before.length + 1);
    expect(after.find((link) => link.leafFileId === file.id)).toMatchObject({ machineId, leafUserId: USER });
    const read = await call<LeafFile>(emulator, `${OPERATIONS}/files/${file.id}`);
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ id: file.id, leafUserId: USER, origin: 'provider', summary: { type: 'Feature' } });
    // A processed file has its points, served like every other file's.
    const points = await call<{ type: string; features: unknown[] }>(emulator, new URL(read.body.downloadStandardGeojson ?? '').pathname);
    expect(points.status).toBe(200);
    expect(points.body.features.length).toBeGreaterThan(0);
  });

  it('finishes an operation: a new field operation with its summary, then operationCreated and operationProcessingFinished', async () => {
    const emulator = await emulatorFor();
    const hook = await receiver();
    await subscribe(emulator, hook, ['operationCreated', 'operationProcessingFinished']);
    const { file } = emulator.activity.processMachineFile({ leafUserId: USER });

    const triggered = await call<{ operation: LeafFieldOperation }>(emulator, '/__emulator/activity/operation-finished', {
      method: 'POST',
      body: { leafUserId: USER },
    });
    expect(triggered.status).toBe(200);
    const { operation } = triggered.body;
    expect(operation.files).toEqual([file.id]);
    const received = await nextEvents(hook, 2);
    expect(received.map((event) => event.type)).toEqual(['operationCreated', 'operationProcessingFinished']);
    for (const event of received) expect(event).toMatchObject({ operationId: operation.id, leafUserId: USER });

    expect((await call<LeafFieldOperation>(emulator, `${OPERATIONS}/operations/${operation.id}`)).body).toMatchObject({ id: operation.id, files: [file.id] });
    expect((await call(emulator, `${OPERATIONS}/operations/${operation.id}/summary`)).status).toBe(200);

    // An existing operation finished again: its updatedTime moves, one event.
    const again = emulator.activity.finishOperation({ operationId: operation.id });
    expect(again.events.map((event) => event.type)).toEqual(['operationProcessingFinished']);
    await nextEvents(hook, 3);
  });

  it('answers bad trigger requests with a 4xx and changes nothing', async () => {
    const emulator = await emulatorFor();
    const unknownId = '0f0f0f0f-0f0f-4f0f-8f0f-0f0f0f0f0f0f';
    expect((await call(emulator, '/__emulator/activity/machine-renamed', { method: 'POST', body: { machineId: unknownId } })).status).toBe(404);
    expect((await call(emulator, '/__emulator/activity/machine-renamed', { method: 'POST', body: { name: 42 } })).status).toBe(400);
    expect((await call(emulator, '/__emulator/activity/machine-file-processed', { method: 'POST', body: '{' })).status).toBe(400);
    expect((await call(emulator, '/__emulator/activity/operation-finished', { method: 'POST', body: { fileIds: [unknownId] } })).status).toBe(404);
    expect((await call(emulator, '/__emulator/activity/operation-finished', { method: 'GET' })).status).toBe(405);
    expect((await call(emulator, '/__emulator/alerts', { method: 'PUT', body: { retryScale: 0 } })).status).toBe(400);
    expect((await call(emulator, '/__emulator/alerts', { method: 'PUT', body: { assetIdField: 'uuid' } })).status).toBe(400);
    expect((await call(emulator, '/__emulator/activity', { method: 'PUT', body: { everyMs: 5 } })).status).toBe(400);
    expect(emulator.alerts.deliveries).toEqual([]);
  });

  it('the activity switch makes such activity every few milliseconds until it is turned off', async () => {
    const emulator = await emulatorFor();
    const hook = await receiver();
    await subscribe(emulator, hook, ['machineUpdated', 'providerFileProcessingFinished', 'operationCreated', 'operationProcessingFinished']);

    const on = await call<{ running: { everyMs: number } }>(emulator, '/__emulator/activity', { method: 'PUT', body: { everyMs: 100 } });
    expect(on.body.running).toMatchObject({ everyMs: 100 });
    await nextEvents(hook, 3);
    expect((await call(emulator, '/__emulator/activity', { method: 'DELETE' })).status).toBe(204);
    expect((await call(emulator, '/__emulator/activity')).body).toEqual({ running: null });
    await emulator.alerts.settled();
    const count = hook.received.length;
    // Off means off: a few intervals later nothing more has come.
    await new Promise((resolve) => setTimeout(resolve, 350));
    expect(hook.received).toHaveLength(count);
    for (const event of events(hook)) expect([DEMO_USER_IDS.prairieFarms, DEMO_USER_IDS.riverBend]).toContain(event.leafUserId);
  });

  it('sends an event of any asset, machine-file or operation type over the control API, as given, changing no data', async () => {
    const emulator = await emulatorFor();
    const hook = await receiver();
    await subscribe(emulator, hook, ['providerFileProcessingFailed', 'implementUpdated']);
    const failed = await call(emulator, '/__emulator/alerts/events', {
      method: 'POST',
      body: { type: 'providerFileProcessingFailed', leafUserId: USER, id: 'file-1', message: '' },
    });
    expect(failed.status).toBe(200);
    await call(emulator, '/__emulator/alerts/events', { method: 'POST', body: { type: 'implementUpdated', leafUserId: USER, id: 'implement-1' } });
    expect(await nextEvents(hook, 2)).toEqual([
      { fileId: 'file-1', leafUserId: USER, message: '', timestamp: expect.stringMatching(MICROSECOND_TIMESTAMP), type: 'providerFileProcessingFailed' },
      { type: 'implementUpdated', timestamp: expect.stringMatching(MICROSECOND_TIMESTAMP), implementId: 'implement-1', leafUserId: USER },
    ]);
    const post = (body: unknown) => call(emulator, '/__emulator/alerts/events', { method: 'POST', body });
    expect((await post({ type: 'fieldCreated', leafUserId: USER, id: 'x' })).status).toBe(400);
    expect((await post({ type: 'machineRenamed', leafUserId: USER, id: 'x' })).status).toBe(400);
    expect((await post({ type: 'machineUpdated', leafUserId: USER })).status).toBe(400);
    expect((await post({ type: 'machineUpdated', leafUserId: '0f0f0f0f-0f0f-4f0f-8f0f-0f0f0f0f0f0f', id: 'x' })).status).toBe(404);
  });

  it('shows and sets the Alerts settings over the control API', async () => {
    const emulator = await emulatorFor();
    const hook = await receiver();
    const webhook = await subscribe(emulator, hook, ['machineUpdated']);
    const set = await call(emulator, '/__emulator/alerts', { method: 'PUT', body: { retryScale: 0.5, assetIdField: 'id' } });
    expect(set.body).toEqual({
      retryScale: 0.5,
      assetIdField: 'id',
      webhooks: [{ owner: emulator.demoToken, id: webhook.id, name: 'test hook', url: hook.url, events: ['machineUpdated'] }],
    });
    expect(emulator.alerts.retryScale).toBe(0.5);
    const deliveries = await call<unknown[]>(emulator, '/__emulator/alerts/deliveries');
    expect(deliveries.body).toEqual([expect.objectContaining({ webhookId: webhook.id, type: 'confirmation', status: 200, attempt: 0 })]);
    expect((await call(emulator, '/__emulator/alerts/deliveries', { method: 'DELETE' })).status).toBe(204);
    expect(emulator.alerts.deliveries).toEqual([]);
  });
});

describe('the emulator alone', () => {
  function runCli(args: string[]) {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/emulator/main.ts', ...args], {
      cwd: new URL('..', import.meta.url).pathname,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = once(child, 'exit');
    open.push({
      close: async () => {
        if (child.exitCode === null && child.signalCode === null) {
          child.kill('SIGKILL');
          await exited;
        }
      },
    });
    return { child, exited, output: () => output };
  }

  it('takes --retry-scale and --activity: the switch runs from the start, and says so', async () => {
    const run = runCli(['--port', '0', '--retry-scale', '0.001', '--activity', '200']);
    await until(() => /curl .*\n/.test(run.output()), { timeoutMs: 30_000, describe: run.output });
    expect(run.output()).toContain("retries at 0.001 × Leaf's schedule");
    expect(run.output()).toContain('switch on: every 200 ms');
    const url = /listening on (http:\/\/\S+)/.exec(run.output())?.[1] ?? '';
    const hook = await receiver();
    const answer = await httpJson(`${url}${ALERTS}/webhooks`, {
      method: 'POST',
      token: 'demo-token',
      body: { name: 'cli', url: hook.url, secret: SECRET, events: ['machineUpdated', 'providerFileProcessingFinished', 'operationProcessingFinished'] },
    });
    expect(answer.status).toBe(200);
    await nextEvents(hook, 1);
    expect((await httpJson(`${url}/__emulator/alerts`)).body).toMatchObject({ retryScale: 0.001 });
    run.child.kill('SIGTERM');
    expect((await run.exited)[0]).toBe(0);
  });

  it.each([
    [['--retry-scale', '0'], /--retry-scale/],
    [['--retry-scale', 'fast'], /--retry-scale/],
    [['--activity', '5'], /--activity/],
  ])('exits 2 with a message for %j', async (args, message) => {
    const run = runCli(args);
    expect((await run.exited)[0]).toBe(2);
    expect(run.output()).toMatch(message);
  });
});
