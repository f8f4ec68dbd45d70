// Leaf files (operations API): a file's record with its summary, and the images Leaf made of it.
import { readFile, readImages } from '../readers.js';
import { OPERATIONS_PREFIX } from '../types.js';
import { resource } from './resource.js';

export const files = resource({
  group: 'files',
  item: `${OPERATIONS_PREFIX}/files/{id}`,
  read: readFile,
});

export const fileImages = resource({
  group: 'files',
  item: `${OPERATIONS_PREFIX}/files/{id}/images`,
  read: readImages,
});
