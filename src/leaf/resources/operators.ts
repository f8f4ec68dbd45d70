// A Leaf user's operators (Assets API), synced from John Deere: listed (Leaf documents no
// filters or sorts for them) and read.
import { readOperator, readOperators } from '../readers.js';
import { ASSETS_PREFIX } from '../types.js';
import { resource } from './resource.js';

export const operators = resource({
  group: 'operators',
  collection: `${ASSETS_PREFIX}/users/{leafUserId}/operators`,
  item: `${ASSETS_PREFIX}/users/{leafUserId}/operators/{id}`,
  read: readOperator,
  readList: readOperators,
});
