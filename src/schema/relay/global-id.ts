// Global IDs: opaque to clients, but carrying everything needed to fetch the object again
// without a lookup table: the type, the Leaf user (Assets paths need it) and the Leaf id.
import { badUserInput } from '../errors.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Pothos calls this with the node's typename and the id its `id.resolve` returned. */
export function encodeGlobalId(typename: string, id: string | number | bigint): string {
  return Buffer.from(`${typename}:${String(id)}`, 'utf8').toString('base64url');
}

export function decodeGlobalId(globalId: string): { typename: string; id: string } {
  const decoded = /^[A-Za-z0-9_-]+$/.test(globalId) ? Buffer.from(globalId, 'base64url').toString('utf8') : '';
  const colon = decoded.indexOf(':');
  const typename = decoded.slice(0, colon);
  const id = decoded.slice(colon + 1);
  if (colon <= 0 || !/^[A-Z][A-Za-z]+$/.test(typename) || !id.split(':').every((part) => UUID.test(part))) {
    throw badUserInput(`"${globalId.slice(0, 80)}" is not a global ID of this API: use the \`id\` of an object it returned.`);
  }
  return { typename, id };
}

/** Splits the id part of a global ID into its UUIDs, checking how many the type needs. */
export function idParts(id: string, typename: string, count: number): string[] {
  const parts = id.split(':');
  if (parts.length !== count) throw badUserInput(`That ID is not a valid ${typename} ID.`);
  return parts;
}
