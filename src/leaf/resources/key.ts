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

/** How many key texts one declaration keeps before it lets them all go (a bound on memory). */
const KEPT_TEXTS = 8192;

/** Kept key texts, one level per part: the ids seen for that part, and the text of a key ending there. */
interface KeptLevel {
  next: Map<string, KeptLevel> | undefined;
  text: string | undefined;
}

/**
 * `text`, with what it made kept by the key's ids, part after part. Every item of every list
 * needs its key's text (its loader key, its global ID) and the same records come back request
 * after request: a kept text is found by looking its ids up (a string keeps its hash), without
 * testing and joining them again, and is the same string each time, so what is keyed by it
 * (the loader's cache, the global IDs) finds it fast too.
 */
function keptTexts<P extends string>(parts: readonly P[], text: (key: RecordKey<P>) => string): (key: RecordKey<P>) => string {
  let root = new Map<string, KeptLevel>();
  let kept = 0;
  return (key) => {
    if (kept >= KEPT_TEXTS) {
      root = new Map();
      kept = 0;
    }
    let ids = root;
    let level: KeptLevel | undefined;
    for (const part of parts) {
      if (level) ids = level.next ??= new Map();
      const id = key[part];
      level = ids.get(id);
      if (level === undefined) ids.set(id, (level = { next: undefined, text: undefined }));
    }
    if (level === undefined) return text(key);
    if (level.text === undefined) {
      level.text = text(key);
      kept += 1;
    }
    return level.text;
  };
}

export function recordKey<const P extends string>(...parts: P[]): KeyDeclaration<P> {
  return {
    parts,
    // textOfIds over the parts, without an array per key.
    text: keptTexts(parts, (key) => {
      let text = encodedId(key[parts[0]!] ?? '');
      for (let index = 1; index < parts.length; index++) text += `:${encodedId(key[parts[index]!])}`;
      return text;
    }),
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
