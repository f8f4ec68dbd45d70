// A token's stand-in wherever tokens must be told apart but never stored: coalescing keys,
// response-cache sessions, Redis keys.
import { createHash } from 'node:crypto';

/** SHA-256 of the token, hex. Not memoised: a memo would keep raw tokens in memory, and the
 * hash costs about a microsecond. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
