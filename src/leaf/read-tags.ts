// What an answer read from Leaf, as tags: each upstream read names the records and lists it
// shows (src/leaf/endpoints.ts), the request's context collects them (src/context.ts), and a
// cached answer is stored under them. A write or a Leaf event drops the tags it made stale, so
// invalidation follows what the resolvers really read, not what the answer's IDs happen to say.
import { scopeUser } from './coalesce.js';

/** Opaque: built only here, compared whole, never split back. */
export type ReadTag = string & { readonly __readTag: true };

/** Leaf's ids are opaque and may be spelled in another case elsewhere: folding only ever drops a tag too many. */
function tag(kind: string, ...ids: string[]): ReadTag {
  return JSON.stringify([kind, ...ids.map((id) => id.toLowerCase())]) as ReadTag;
}

export const readTags = {
  /** Every read under one Leaf user: writes, and events the gateway cannot place, drop it. */
  user: (leafUserId: string) => tag('user', scopeUser(leafUserId)),
  machines: (leafUserId: string) => tag('machines', leafUserId),
  machine: (machineId: string) => tag('machine', machineId),
  /** Every machine-file list of the user: a file event names the file, not the machines it is linked to. */
  machineFiles: (leafUserId: string) => tag('machine-files', leafUserId),
  machineFilesOf: (machineId: string) => tag('machine-files-of', machineId),
  implements: (leafUserId: string) => tag('implements', leafUserId),
  implement: (implementId: string) => tag('implement', implementId),
  operators: (leafUserId: string) => tag('operators', leafUserId),
  operator: (operatorId: string) => tag('operator', operatorId),
  file: (fileId: string) => tag('file', fileId),
  operation: (operationId: string) => tag('operation', operationId),
};

/** The tags one request's reads collected. */
export class ReadTagSet {
  readonly #tags = new Set<ReadTag>();

  add(tags: Iterable<ReadTag>): void {
    for (const one of tags) this.#tags.add(one);
  }

  has(tag: ReadTag): boolean {
    return this.#tags.has(tag);
  }

  /** True when any of `tags` was read. */
  touches(tags: Iterable<ReadTag>): boolean {
    for (const one of tags) if (this.#tags.has(one)) return true;
    return false;
  }

  [Symbol.iterator](): Iterator<ReadTag> {
    return this.#tags[Symbol.iterator]();
  }

  get size(): number {
    return this.#tags.size;
  }
}
