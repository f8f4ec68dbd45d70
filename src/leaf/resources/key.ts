// A record's key as a typed value: one Leaf id per named part (`{ leafUserId, id }`), declared
// with its resource. Its text (a loader's cache key, a global ID's payload) is made and read
// here only: each id percent-encoded, the parts joined by `:` in the declared order (a UUID
// encodes as itself, so IDs handed out before LeafId still decode).

/** A key: one Leaf id per part. */
export type RecordKey<P extends string> = { readonly [N in P]: string };

export interface KeyDeclaration<P extends string> {
  /** The parts, in the order the key's text carries them. */
  readonly parts: readonly P[];
  text(key: RecordKey<P>): string;
  /** The key a text names, or null unless it holds exactly one non-empty Leaf id per part. */
  parse(text: string): RecordKey<P> | null;
}

/** What encodeURIComponent leaves as it is: a Leaf id made of these (a UUID) is its own encoding. */
const UNRESERVED = /^[A-Za-z0-9\-_.!~*'()]*$/;

/** encodeURIComponent's answer, without its cost where the id needs no encoding (a UUID). */
export function encodedId(id: string): string {
  return UNRESERVED.test(id) ? id : encodeURIComponent(id);
}

/**
 * Leaf ids as one text: each percent-encoded, joined by `:`. Built for every item of every
 * list (its loader key and its global ID): a test of the id is a third of encodeURIComponent's
 * cost, and a UUID needs nothing more.
 */
export function textOfIds(ids: readonly string[]): string {
  let text = encodedId(ids[0] ?? '');
  for (let index = 1; index < ids.length; index++) text += `:${encodedId(ids[index]!)}`;
  return text;
}

/** The Leaf ids of a text, or null where a part is empty or not percent-encoding. */
export function idsOfText(text: string): string[] | null {
  const ids: string[] = [];
  for (const part of text.split(':')) {
    if (part === '') return null;
    try {
      ids.push(decodeURIComponent(part));
    } catch {
      return null;
    }
  }
  return ids;
}

export function recordKey<const P extends string>(...parts: P[]): KeyDeclaration<P> {
  return {
    parts,
    text: (key) => {
      // textOfIds over the parts, without an array per key: it runs for every item of every list.
      let text = encodedId(key[parts[0]!] ?? '');
      for (let index = 1; index < parts.length; index++) text += `:${encodedId(key[parts[index]!])}`;
      return text;
    },
    parse: (text) => {
      const ids = idsOfText(text);
      if (ids === null || ids.length !== parts.length) return null;
      const key: Record<string, string> = {};
      parts.forEach((part, index) => (key[part] = ids[index]!));
      return hasParts(key, parts) ? key : null;
    },
  };
}

function hasParts<P extends string>(key: Record<string, string>, parts: readonly P[]): key is Record<string, string> & RecordKey<P> {
  return parts.every((part) => typeof key[part] === 'string');
}
