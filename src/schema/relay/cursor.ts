// Opaque cursors: an item's offset in one list, bound to that list's identity, filter and order
// so a cursor from another list, filter or order is refused instead of silently misread.
import { createHash } from 'node:crypto';
import { keptBy } from '../../kept.js';
import { ConnectionArgumentError } from './errors.js';

/** Keeps page·size far inside the 32-bit integers Leaf parses `page` and `size` into. */
export const MAX_CURSOR_OFFSET = 1_000_000_000;

const CURSOR_TEXT = /^([0-9a-f]{8}):(0|[1-9a-z][0-9a-z]*)$/;
const BASE64URL = /^[A-Za-z0-9_-]{1,64}$/;

/** FNV-1a, 32 bits: cheap enough to run for every edge. */
function keyHash(key: string): string {
  let hash = 0x811c9dc5;
  for (let index = 0; index < key.length; index++) {
    hash = Math.imul(hash ^ key.charCodeAt(index), 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}

function sortedKeys(_key: string, value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(entries);
}

/** How many digests are kept for reuse before they are all let go (a bound on memory). */
const KEPT_DIGESTS = 1024;

/**
 * The first 16 hex digits of the sha256 of a list's filter and order. Every connection of every
 * request needs one (20 per nested bench query), and clients ask again and again with the same
 * filters: a digest once made is kept and handed out again instead of hashing again.
 */
const digestOf = keptBy(KEPT_DIGESTS, (serialised) => createHash('sha256').update(serialised).digest('hex').slice(0, 16));

/**
 * The cursor key of a list under one filter and order (`parts`): equal for equal parts
 * whatever their key order, different for different lists, filters or orders.
 */
export function cursorKeyOf(list: string, parts: unknown): string {
  const serialised = JSON.stringify(parts ?? null, sortedKeys) ?? 'null';
  return `${list}:${digestOf(serialised)}`;
}

export function encodeCursor(key: string, offset: number): string {
  return cursorEncoder(key)(offset);
}

/** Encodes many offsets of one key, hashing the key once. */
export function cursorEncoder(key: string): (offset: number) => string {
  const hash = keyHash(key);
  return (offset) => {
    if (!Number.isSafeInteger(offset) || offset < 0 || offset > MAX_CURSOR_OFFSET) {
      throw new RangeError(`A cursor offset is a whole number from 0 to ${MAX_CURSOR_OFFSET}; got ${offset}`);
    }
    return Buffer.from(`${hash}:${offset.toString(36)}`, 'latin1').toString('base64url');
  };
}

/** The offset a cursor of this key points at; `argument` names it in the error. */
export function decodeCursor(key: string, cursor: string, argument = 'cursor'): number {
  const text = BASE64URL.test(cursor) ? Buffer.from(cursor, 'base64url').toString('latin1') : '';
  const match = CURSOR_TEXT.exec(text);
  const offset = match?.[2] === undefined ? NaN : parseInt(match[2], 36);
  // Re-encoding catches the many spellings base64url decoding would otherwise accept.
  if (match === null || !(offset <= MAX_CURSOR_OFFSET) || Buffer.from(text, 'latin1').toString('base64url') !== cursor) {
    throw new ConnectionArgumentError(
      `\`${argument}\` is not a cursor this API issued; pass a startCursor or endCursor exactly as a previous answer returned it`,
    );
  }
  if (match[1] !== keyHash(key)) {
    throw new ConnectionArgumentError(
      `\`${argument}\` was made for a different list, filter or order; fetch the first page again without it`,
    );
  }
  return offset;
}
