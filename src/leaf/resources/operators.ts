// A Leaf user's operators (Assets API), synced from John Deere: listed (Leaf documents no
// filters or sorts for them) and read. The resource's reader is declared here with it.
import { assetFields, instant, listReader, recordReader, text, type LeafRecord } from '../readers.js';
import { readTags } from '../read-tags.js';
import { assetResource } from './asset.js';

const operatorFields = {
  ...assetFields,
  providerOperatorId: text,
  license: text,
  status: text,
  updatedTime: instant,
};
export type OperatorRecord = LeafRecord<typeof operatorFields>;
export const readOperator = recordReader('operator', operatorFields);

export const operators = assetResource('operators', {
  read: readOperator,
  readList: listReader('operator', readOperator),
  listTag: readTags.operators,
  itemTag: readTags.operator,
  list: undefined,
});
