// Global IDs: opaque to clients, but carrying everything needed to fetch the object again
// without a lookup table: the type, the Leaf user (Assets paths need it) and the Leaf ids.
// Leaf ids are opaque strings, so each part is percent-encoded and the parts joined by `:`
// (a UUID encodes as itself, so IDs handed out before LeafId still decode).
import { GlobalIdError } from './errors.js';

/** The id part of a global ID (and the loader key) of an object named by these Leaf ids. */
export function idOf(...parts: string[]): string {
  return parts.map(encodeURIComponent).join(':');
}

/** One Leaf id of a global ID: any non-empty string Leaf sent, so every record can be refetched. */
function decodePart(part: string): string | null {
  if (part === '') return null;
  try {
    return decodeURIComponent(part);
  } catch {
    return null;
  }
}

/** Pothos calls this with the node's typename and the id its `id.resolve` returned. */
export function encodeGlobalId(typename: string, id: string | number | bigint): string {
  return Buffer.from(`${typename}:${String(id)}`, 'utf8').toString('base64url');
}

export function decodeGlobalId(globalId: string): { typename: string; id: string } {
  const decoded = /^[A-Za-z0-9_-]+$/.test(globalId) ? Buffer.from(globalId, 'base64url').toString('utf8') : '';
  const colon = decoded.indexOf(':');
  const typename = decoded.slice(0, colon);
  const id = decoded.slice(colon + 1);
  if (colon <= 0 || !/^[A-Z][A-Za-z]+$/.test(typename) || !id.split(':').every((part) => decodePart(part) !== null)) {
    throw new GlobalIdError(`"${globalId.slice(0, 80)}" is not a global ID of this API: use the \`id\` of an object it returned.`);
  }
  return { typename, id };
}

/** Splits the id part of a global ID into its Leaf ids, checking how many the type needs. */
export function idParts(id: string, typename: string, count: number): string[] {
  const parts: string[] = [];
  for (const part of id.split(':')) {
    const decoded = decodePart(part);
    if (decoded !== null) parts.push(decoded);
  }
  if (parts.length !== count || id.split(':').length !== count) throw new GlobalIdError(`That ID is not a valid ${typename} ID.`);
  return parts;
}
