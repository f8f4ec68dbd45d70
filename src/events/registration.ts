// Making sure Leaf sends this gateway its events (contract section 11, "Registration"): with
// LEAF_WEBHOOK_URL and LEAF_API_TOKEN, at start, exactly one webhook of the API owner carries
// that URL and the events the gateway uses; one that differs (another URL of ours, other
// events) is deleted and created again (Leaf has no update). Replicas starting together take a
// Redis lock when they share one, and every replica checks the list after creating, keeping the
// oldest, so they end with one webhook either way. Then the deliveries that failed while the
// gateway was away (GET /webhooks/failed-calls) are acted on, once each.
import { request } from 'undici';
import type { Redis } from 'ioredis';
import { z } from 'zod';
import { EVENT_NAMES, type LeafEventName } from './catalogue.js';

export const ALERTS_PREFIX = '/services/alerts/api/alerts';
/** How the gateway names its webhook: a webhook of this name is the gateway's to replace. */
export const WEBHOOK_NAME = 'leaf-graphql-gateway';
const LOCK_KEY = 'webhook-registration';
const LOCK_MS = 30_000;
const TIMEOUT_MS = 10_000;

const webhookSchema = z.looseObject({ id: z.union([z.string(), z.number()]).transform(String), name: z.string().nullish(), url: z.string().nullish(), events: z.array(z.string()).nullish() });
type Webhook = z.output<typeof webhookSchema>;
const listSchema = z.union([z.array(webhookSchema), z.looseObject({ items: z.array(webhookSchema) }).transform((page) => page.items)]);
const failedCallSchema = z.looseObject({ url: z.string().nullish(), requestBody: z.string() });
const failedCallsSchema = z.union([z.array(failedCallSchema), z.looseObject({ items: z.array(failedCallSchema) }).transform((page) => page.items)]);

export interface RegistrationOptions {
  /** Origin of the Leaf API. */
  origin: string;
  /** The API owner's token (LEAF_API_TOKEN). */
  token: string;
  url: string;
  secret: string;
  events?: readonly LeafEventName[];
  redis: Redis | null;
}

class AlertsError extends Error {}

async function call(options: RegistrationOptions, method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown): Promise<{ status: number; json: unknown }> {
  const answer = await request(`${options.origin}${ALERTS_PREFIX}${path}`, {
    method,
    headers: { authorization: `Bearer ${options.token}`, accept: 'application/json', ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? null : JSON.stringify(body),
    headersTimeout: TIMEOUT_MS,
    bodyTimeout: TIMEOUT_MS,
  });
  const text = await answer.body.text();
  let json: unknown;
  try {
    json = text === '' ? undefined : JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: answer.statusCode, json };
}

async function listWebhooks(options: RegistrationOptions): Promise<Webhook[]> {
  const { status, json } = await call(options, 'GET', '/webhooks');
  if (status !== 200) throw new AlertsError(`GET /webhooks answered ${status}`);
  const read = listSchema.safeParse(json);
  if (!read.success) throw new AlertsError('GET /webhooks answered something that is not a list of webhooks');
  return read.data;
}

function sameEvents(webhook: Webhook, events: readonly string[]): boolean {
  const have = new Set(webhook.events ?? []);
  return have.size === events.length && events.every((name) => have.has(name));
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs `work` under the replicas' Redis lock (or alone without Redis); waits up to the lock's life for another holder. */
async function underLock<T>(redis: Redis | null, work: () => Promise<T>): Promise<T> {
  if (!redis) return work();
  const holder = `${process.pid}:${Math.random()}`;
  const deadline = Date.now() + LOCK_MS;
  while ((await redis.set(LOCK_KEY, holder, 'PX', LOCK_MS, 'NX').catch(() => 'OK')) !== 'OK') {
    if (Date.now() > deadline) break;
    await pause(100);
  }
  try {
    return await work();
  } finally {
    if ((await redis.get(LOCK_KEY).catch(() => null)) === holder) await redis.del(LOCK_KEY).catch(() => undefined);
  }
}

export interface Registration {
  /** The webhook kept. */
  id: string;
  created: boolean;
  deleted: number;
}

/** Ensures one webhook with `url` and the events; see the top of this file. */
export function ensureWebhook(options: RegistrationOptions): Promise<Registration> {
  const events = options.events ?? EVENT_NAMES;
  return underLock(options.redis, async () => {
    let deleted = 0;
    const remove = async (webhook: Webhook) => {
      const { status } = await call(options, 'DELETE', `/webhooks/${encodeURIComponent(webhook.id)}`);
      if (status >= 300 && status !== 404) throw new AlertsError(`DELETE /webhooks/{id} answered ${status}`);
      deleted += 1;
    };
    const ours = (webhook: Webhook) => webhook.url === options.url || webhook.name === WEBHOOK_NAME;
    const before = (await listWebhooks(options)).filter(ours);
    // One that is right stays (the oldest, if several); every other of ours goes first, so its events are free.
    let kept = before.find((webhook) => webhook.url === options.url && sameEvents(webhook, events));
    for (const webhook of before) if (webhook !== kept) await remove(webhook);
    let created = false;
    if (!kept) {
      const { status, json } = await call(options, 'POST', '/webhooks', { name: WEBHOOK_NAME, url: options.url, secret: options.secret, events });
      if (status >= 300) {
        const detail = typeof json === 'object' && json !== null ? String((json as { detail?: unknown; message?: unknown }).detail ?? (json as { message?: unknown }).message ?? '') : '';
        throw new AlertsError(
          /eventRegisteredTwice/.test(JSON.stringify(json ?? ''))
            ? `Leaf refused the webhook: another webhook of this API owner already listens to one of its events (${detail}); delete it or let the gateway own those events`
            : `POST /webhooks answered ${status}`,
        );
      }
      created = true;
      // Replicas that started together without a lock may each have created one: the oldest stays.
      const after = (await listWebhooks(options)).filter((webhook) => webhook.url === options.url && sameEvents(webhook, events));
      kept = after[0];
      for (const extra of after.slice(1)) await remove(extra);
    }
    if (!kept) throw new AlertsError('the webhook created is not in GET /webhooks');
    return { id: kept.id, created, deleted };
  });
}

/** The failed deliveries to `url` (their bodies exactly as Leaf sent them). */
export async function failedDeliveries(options: RegistrationOptions): Promise<string[]> {
  const { status, json } = await call(options, 'GET', '/webhooks/failed-calls');
  if (status !== 200) throw new AlertsError(`GET /webhooks/failed-calls answered ${status}`);
  const read = failedCallsSchema.safeParse(json);
  if (!read.success) throw new AlertsError('GET /webhooks/failed-calls answered something that is not a list of failed calls');
  return read.data.filter((failed) => !failed.url || failed.url === options.url).map((failed) => failed.requestBody);
}

export { AlertsError };
