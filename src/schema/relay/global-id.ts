// Global IDs: opaque to clients, but carrying everything needed to fetch the object again
// without a lookup table: the type and the text of the record's key (src/leaf/resources/key.ts:
// the Leaf user, where Assets paths need it, and the Leaf ids).
import { idsOfText } from '../../leaf/resources/key.js';
import { GlobalIdError } from './errors.js';

/** Pothos calls this with the node's typename and the id its `id.resolve` returned. */
export function encodeGlobalId(typename: string, id: string | number | bigint): string {
  return Buffer.from(`${typename}:${String(id)}`, 'utf8').toString('base64url');
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
