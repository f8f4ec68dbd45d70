// Field operations (operations API): an operation's record, and its merged summary.
import { readOperation, readSummary } from '../readers.js';
import { readTags } from '../read-tags.js';
import { OPERATIONS_PREFIX } from '../types.js';
import { resource } from './resource.js';

export const operations = resource({
  group: 'operations',
  item: `${OPERATIONS_PREFIX}/operations/{id}`,
  read: readOperation,
  shows: { item: ({ id }) => [readTags.operation(id)] },
});

export const operationSummaries = resource({
  group: 'operations',
  item: `${OPERATIONS_PREFIX}/operations/{id}/summary`,
  read: readSummary,
  shows: { item: ({ id }) => [readTags.operation(id)] },
});
