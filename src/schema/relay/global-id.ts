// Global IDs: opaque to clients, but carrying everything needed to fetch the object again
// without a lookup table: the type and the text of the record's key (src/leaf/resources/key.ts:
// the Leaf user, where Assets paths need it, and the Leaf ids).
import { keptBy } from '../../kept.js';
import { idsOfText } from '../../leaf/resources/key.js';
import { GlobalIdError } from './errors.js';

/** How many global IDs of one type are kept for reuse before they are all let go (a bound on memory). */
const KEPT_PER_TYPE = 4096;

/** Global IDs made so far, by typename, then id text. */
const made = new Map<string, (text: string) => string>();

/**
 * Pothos calls this with the node's typename and the id its `id.resolve` returned. Every item of
 * every list has one, and the same records are listed again and again (each request of a
 * dashboard lists the same machines): an ID once made is kept and handed out again, the same
 * text, without a Buffer and a base64 encoding per item.
 */
export function encodeGlobalId(typename: string, id: string | number | bigint): string {
  let ofType = made.get(typename);
  if (ofType === undefined) made.set(typename, (ofType = keptBy(KEPT_PER_TYPE, (text) => Buffer.from(`${typename}:${text}`, 'utf8').toString('base64url'))));
  return ofType(String(id));
}

export function decodeGlobalId(globalId: string): { typename: string; id: string } {
  const decoded = /^[A-Za-z0-9_-]+$/.test(globalId) ? Buffer.from(globalId, 'base64url').toString('utf8') : '';
  const colon = decoded.indexOf(':');
  const typename = decoded.slice(0, colon);
  const id = decoded.slice(colon + 1);
  if (colon <= 0 || !/^[A-Z][A-Za-z]+$/.test(typename) || idsOfText(id) === null) {
    throw new GlobalIdError(`"${globalId.slice(0, 80)}" is not a global ID of this API: use the \`id\` of an object it returned.`);
  }
  return { typename, id };
}
