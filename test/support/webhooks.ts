// Leaf's side of a webhook delivery, for tests: a body signed as Leaf signs it (base64
// HMAC-SHA256 of the raw bytes) and POSTed to the gateway's receiver. Signed by the emulator's
// signer, written apart from the receiver's check, so the two cannot agree on a mistake.
import { signatureOf } from '../../src/emulator/index.js';
import { WEBHOOK_PATH } from '../../src/events/receiver.js';
import { httpJson, type HttpAnswer } from './http.js';

export const WEBHOOK_SECRET = 'test-webhook-secret-0123456789';

/** An event body as Leaf sends one (microsecond timestamp), with `fields` over it. */
export function leafEvent(type: string, fields: Record<string, unknown>): string {
  return JSON.stringify({ type, timestamp: '2026-12-07T14:30:00.000000Z', ...fields, nonce: Math.random() });
}

/** POSTs `body` to the gateway's receiver, signed with `secret` unless `signature` says what to send (null: none). */
export function deliver(
  gatewayUrl: string,
  body: string,
  options: { secret?: string; signature?: string | null; headers?: Record<string, string> } = {},
): Promise<HttpAnswer<Record<string, string>>> {
  const signature = options.signature === undefined ? signatureOf(options.secret ?? WEBHOOK_SECRET, body) : options.signature;
  return httpJson(`${gatewayUrl}${WEBHOOK_PATH}`, {
    method: 'POST',
    body,
    headers: { 'content-type': 'application/json', ...(signature === null ? {} : { 'x-leaf-signature': signature }), ...options.headers },
  });
}
