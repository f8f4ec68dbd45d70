// What an answer read from Leaf, as tags: each upstream read names the records and lists it
// shows (src/leaf/endpoints.ts), the request's context collects them (src/context.ts), and a
// cached answer is stored under them. A write or a Leaf event drops the tags it made stale, so
// invalidation follows what the resolvers really read, not what the answer's IDs happen to say.
import { keptBy } from '../kept.js';
import { scopeUser } from './coalesce.js';

/** Opaque: built only here, compared whole, never split back. */
export type ReadTag = string & { readonly __readTag: true };

/** How many tags of one kind are kept for reuse before they are all let go (a bound on memory). */
const KEPT_PER_KIND = 4096;

/**
 * The tags of one kind, by Leaf id. Leaf's ids are opaque and may be spelled in another case
 * elsewhere: folding only ever drops a tag too many. Every read names its tags, and the same ids
 * are read again and again (each request of a dashboard reads the same files), so a tag once
 * made is kept and handed out again: the same text, without a JSON.stringify and a
 * toLowerCase per read.
 */
function tagsOf(kind: string, idOf: (id: string) => string = (id) => id): (id: string) => ReadTag {
  return keptBy(KEPT_PER_KIND, (id) => JSON.stringify([kind, idOf(id).toLowerCase()]) as ReadTag);
}

export const readTags = {
  /** Every read under one Leaf user: writes, and events the gateway cannot place, drop it. */
  user: tagsOf('user', scopeUser),
  machines: tagsOf('machines'),
  machine: tagsOf('machine'),
  /** Every machine-file list of the user: a file event names the file, not the machines it is linked to. */
  machineFiles: tagsOf('machine-files'),
  machineFilesOf: tagsOf('machine-files-of'),
  implements: tagsOf('implements'),
  implement: tagsOf('implement'),
  operators: tagsOf('operators'),
  operator: tagsOf('operator'),
  file: tagsOf('file'),
  operation: tagsOf('operation'),
};

/**
 * The tags one request's reads collected. Every read adds its tags, and most requests never ask
 * (only the response cache does): a read's list is noted as it is, and the set is made from the
 * lists the first time it is asked.
 */
export class ReadTagSet {
  #tags: Set<ReadTag> | null = null;
  #noted: Iterable<ReadTag>[] = [];

  add(tags: Iterable<ReadTag>): void {
    this.#noted.push(tags);
  }

  private get tags(): Set<ReadTag> {
    const tags = (this.#tags ??= new Set());
    if (this.#noted.length > 0) {
      for (const noted of this.#noted) for (const one of noted) tags.add(one);
      this.#noted = [];
    }
    return tags;
  }

  has(tag: ReadTag): boolean {
    return this.tags.has(tag);
  }

  /** True when any of `tags` was read. */
  touches(tags: Iterable<ReadTag>): boolean {
    const read = this.tags;
    for (const one of tags) if (read.has(one)) return true;
    return false;
  }

  [Symbol.iterator](): Iterator<ReadTag> {
    return this.tags[Symbol.iterator]();
  }

  get size(): number {
    return this.tags.size;
  }
}
