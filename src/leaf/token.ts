// A token's stand-in wherever tokens must be told apart but never stored: coalescing keys,
// response-cache sessions, Redis keys.
import { createHash } from 'node:crypto';

const MEMO_LIMIT = 10_000;
const memo = new Map<string, string>();

/** SHA-256 of the token, hex. Remembered for recent tokens: every upstream GET asks for it. */
export function hashToken(token: string): string {
  let hash = memo.get(token);
  if (hash === undefined) {
    hash = createHash('sha256').update(token).digest('hex');
    if (memo.size >= MEMO_LIMIT) memo.clear();
    memo.set(token, hash);
  }
  return hash;
}
