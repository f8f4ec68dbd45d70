// Leaf files (operations API): a file's record with its summary, and the images Leaf made of it.
import { readFile, readImages } from '../readers.js';
import { readTags } from '../read-tags.js';
import { recordKey } from './key.js';
import { OPERATIONS_PREFIX, resource } from './resource.js';

export const files = resource({
  group: 'files',
  key: recordKey('id'),
  item: `${OPERATIONS_PREFIX}/files/{id}`,
  read: readFile,
  shows: {
    item: ({ id }) => [readTags.file(id)],
    // The operations API names no user, but the file does: an event Leaf cannot place for that user drops it too.
    answer: (file) => (typeof file.leafUserId === 'string' ? [readTags.user(file.leafUserId)] : []),
  },
});

export const fileImages = resource({
  group: 'files',
  key: recordKey('id'),
  item: `${OPERATIONS_PREFIX}/files/{id}/images`,
  read: readImages,
  shows: { item: ({ id }) => [readTags.file(id)] },
});
