// A Leaf user's operators (Assets API), synced from John Deere: listed (Leaf documents no
// filters or sorts for them) and read. The resource's reader is declared here with it.
import { assetFields, instant, listReader, recordReader, text, type LeafRecord } from '../readers.js';
import { readTags } from '../read-tags.js';
import { ASSETS_PREFIX } from '../types.js';
import { recordKey } from './key.js';
import { resource } from './resource.js';

const operatorFields = {
  ...assetFields,
  providerOperatorId: text,
  license: text,
  status: text,
  updatedTime: instant,
};
export type OperatorRecord = LeafRecord<typeof operatorFields>;
const readOperator = recordReader('operator', operatorFields);

export const operators = resource({
  group: 'operators',
  key: recordKey('leafUserId', 'id'),
  collection: `${ASSETS_PREFIX}/users/{leafUserId}/operators`,
  item: `${ASSETS_PREFIX}/users/{leafUserId}/operators/{id}`,
  read: readOperator,
  readList: listReader('operator', readOperator),
  shows: {
    list: ({ leafUserId }) => [readTags.user(leafUserId), readTags.operators(leafUserId)],
    item: ({ leafUserId, id }) => [readTags.user(leafUserId), readTags.operator(id)],
  },
});
