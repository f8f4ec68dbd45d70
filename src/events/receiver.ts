// POST /webhooks/leaf: Leaf's signed event deliveries (shared/leaf-api/alerts.md). The signature
// is checked over the raw bytes before anything else; a body that is unsigned, wrongly signed,
// too large or not an event gets a short JSON 4xx and changes nothing. A valid event is
// acknowledged as soon as this process's caches (and the shared Redis store, and with WORKERS the
// other workers' caches) have dropped what it made stale; its subscribers get it after the answer has left.
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Plugin } from 'graphql-yoga';
import type { Logger } from '../server/observability/logger.js';
import { digestOf, type SeenEvents } from './dedupe.js';
import type { LiveEvents, LiveEventsReport } from './hub.js';
import { readDelivery } from './read.js';

export const WEBHOOK_PATH = '/webhooks/leaf';
export const SIGNATURE_HEADER = 'x-leaf-signature';
/** Leaf's event bodies are a few hundred bytes: anything near this is not one. */
export const MAX_EVENT_BYTES = 64 * 1024;

/** Constant-time comparison of the digest sent (base64 HMAC-SHA256 of the raw bytes) with the one computed. */
export function signatureMatches(secret: string, body: Uint8Array, sent: string): boolean {
  const expected = createHmac('sha256', secret).update(body).digest();
  const given = Buffer.from(sent.trim(), 'base64');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** The body, or null when it is longer than `max` bytes (read no further than that). */
async function boundedBody(request: Request, max: number): Promise<Uint8Array | null> {
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > max) return null;
  if (!request.body) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = request.body.getReader();
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

export interface Receipt {
  status: number;
  body: Record<string, string>;
}

/**
 * Acts on a verified body once: reads it, claims it (a redelivery acts no more), refreshes
 * this process's caches and announces it to the other replicas and workers. Resolves once the
 * caches are fresh, with the answer to give and what to run after it (delivery to subscribers).
 * Shared by the webhook and the catch-up from failed calls.
 */
export async function acceptEvent(
  raw: Uint8Array,
  parts: { live: LiveEvents; seen: SeenEvents; logger: Logger; report?: LiveEventsReport },
  origin: 'webhook' | 'catch-up',
): Promise<{ receipt: Receipt; after?: () => void }> {
  const text = Buffer.from(raw).toString('utf8');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parts.report?.received('refused', origin);
    return { receipt: { status: 400, body: { error: 'The body is not JSON.' } } };
  }
  const delivery = readDelivery(parsed);
  if (delivery.kind === 'confirmation') return { receipt: { status: 200, body: { received: 'confirmation' } } };
  if (delivery.kind === 'not-an-event') {
    parts.report?.received('refused', origin);
    return { receipt: { status: 400, body: { error: `Not a Leaf event: ${delivery.reason}.` } } };
  }
  const { event } = delivery;
  if (!(await parts.seen.claim(digestOf(raw)))) {
    parts.report?.received('duplicate', origin);
    return { receipt: { status: 200, body: { received: 'duplicate' } } };
  }
  parts.report?.received(delivery.kind === 'event' ? 'placed' : 'unplaced', origin);
  parts.logger.log(delivery.kind === 'event' ? 'info' : 'warn', delivery.kind === 'event' ? 'leaf event' : 'leaf event the gateway cannot place; dropping its user\'s cached answers', {
    type: event.type,
    leafUserId: event.leafUserId,
    origin,
  });
  await parts.live.refresh(event);
  // The other workers of this replica have refreshed too once this resolves (bounded by a timeout).
  await parts.live.announce(text);
  return { receipt: { status: 202, body: { received: event.type } }, after: () => parts.live.deliver(event) };
}

export function useLeafWebhook(options: { secret: string; live: LiveEvents; seen: SeenEvents; logger: Logger; report?: LiveEventsReport }): Plugin {
  const answer = (fetchAPI: { Response: typeof Response }, { status, body }: Receipt, headers: Record<string, string> = {}): Response =>
    new fetchAPI.Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers } });
  const refuse = (why: string): void => {
    options.report?.received('refused', 'webhook');
    options.logger.log('warn', 'leaf webhook refused', { why });
  };
  return {
    async onRequest({ url, request, fetchAPI, endResponse }) {
      if (url.pathname !== WEBHOOK_PATH) return;
      if (request.method !== 'POST') {
        endResponse(answer(fetchAPI, { status: 405, body: { error: 'Leaf delivers events by POST.' } }, { allow: 'POST' }));
        return;
      }
      const raw = await boundedBody(request, MAX_EVENT_BYTES).catch(() => null);
      if (raw === null) {
        refuse('body too large or unreadable');
        endResponse(answer(fetchAPI, { status: 413, body: { error: `An event body is at most ${MAX_EVENT_BYTES} bytes.` } }));
        return;
      }
      const sent = request.headers.get(SIGNATURE_HEADER);
      if (!sent) {
        refuse('no signature');
        endResponse(answer(fetchAPI, { status: 401, body: { error: 'X-Leaf-Signature is missing.' } }));
        return;
      }
      if (!signatureMatches(options.secret, raw, sent)) {
        refuse('wrong signature');
        endResponse(answer(fetchAPI, { status: 401, body: { error: 'X-Leaf-Signature does not match the body.' } }));
        return;
      }
      const { receipt, after } = await acceptEvent(raw, options, 'webhook');
      endResponse(answer(fetchAPI, receipt));
      if (after) setImmediate(after);
    },
  };
}
