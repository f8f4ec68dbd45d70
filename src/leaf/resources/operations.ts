// Field operations (operations API): an operation's record, and its merged summary.
import { readOperation, readSummary } from '../readers.js';
import { readTags } from '../read-tags.js';
import { recordKey } from './key.js';
import { OPERATIONS_PREFIX, resource } from './resource.js';

export const operations = resource({
  group: 'operations',
  key: recordKey('id'),
  item: `${OPERATIONS_PREFIX}/operations/{id}`,
  read: readOperation,
  shows: { item: ({ id }) => [readTags.operation(id)] },
});

export const operationSummaries = resource({
  group: 'operations',
  key: recordKey('id'),
  item: `${OPERATIONS_PREFIX}/operations/{id}/summary`,
  read: readSummary,
  shows: { item: ({ id }) => [readTags.operation(id)] },
});
