// What a Leaf event makes stale, as the read tags cached answers and shared reads carry
// (src/leaf/read-tags.ts): the record it names and the lists it may appear in. An event the gateway
// cannot place drops everything read under its user.
import { readTags, type ReadTag } from '../leaf/read-tags.js';
import type { LeafEvent, UnplacedEvent } from './read.js';

export function staleTagsOf(event: LeafEvent | UnplacedEvent): ReadTag[] {
  switch (event.family) {
    case 'machine':
      return [readTags.machine(event.machineId), readTags.machines(event.leafUserId), readTags.machineFilesOf(event.machineId)];
    case 'implement':
      return [readTags.implement(event.implementId), readTags.implements(event.leafUserId)];
    case 'operator':
      return [readTags.operator(event.operatorId), readTags.operators(event.leafUserId)];
    case 'file':
      // The event names the file, not the machines it is (now) linked to: every machine-file list of the user.
      return [readTags.file(event.fileId), readTags.machineFiles(event.leafUserId)];
    case 'operation':
      return [readTags.operation(event.operationId)];
    case null:
      return event.leafUserId ? [readTags.user(event.leafUserId)] : [];
  }
}
