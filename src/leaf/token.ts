// A token's stand-in wherever tokens must be told apart but never stored: coalescing keys,
// response-cache sessions, Redis keys.
import { hash } from 'node:crypto';

/** SHA-256 of the token, hex: once per request, as it arrives (src/server/identity.ts), by
 * crypto's one-shot hash (no Hash object). Not memoised across requests: a memo would keep raw
 * tokens in memory. */
export function hashToken(token: string): string {
  return hash('sha256', token);
}
