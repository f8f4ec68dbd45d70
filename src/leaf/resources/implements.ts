// A Leaf user's implements (Assets API), synced from John Deere or Trimble: listed and read.
import { readImplement, readImplements } from '../readers.js';
import { readTags } from '../read-tags.js';
import { ASSETS_PREFIX, IMPLEMENT_PROVIDERS } from '../types.js';
import { recordKey } from './key.js';
import { resource } from './resource.js';

export const implementsResource = resource({
  group: 'implements',
  key: recordKey('leafUserId', 'id'),
  collection: `${ASSETS_PREFIX}/users/{leafUserId}/implements`,
  item: `${ASSETS_PREFIX}/users/{leafUserId}/implements/{id}`,
  read: readImplement,
  readList: readImplements,
  shows: {
    list: ({ leafUserId }) => [readTags.user(leafUserId), readTags.implements(leafUserId)],
    item: ({ leafUserId, id }) => [readTags.user(leafUserId), readTags.implement(id)],
  },
  list: {
    subject: 'implements',
    filters: {
      name: { kind: 'exact', description: 'Exactly this implement name.' },
      provider: { kind: 'oneOf', values: IMPLEMENT_PROVIDERS, description: 'Implements from this provider.' },
      providerImplementId: { kind: 'exact', description: 'Exactly this provider-side implement id.' },
      providerOrganizationId: { kind: 'exact', description: 'Exactly this provider-side organization id.' },
      createdTime: { kind: 'since', description: 'When Leaf created the record.' },
      updatedTime: { kind: 'since', description: 'When Leaf last updated the record.' },
    },
    sorts: ['id', 'leafUserId', 'name', 'provider', 'providerOrganizationId', 'providerImplementId', 'serialNumber', 'model', 'make', 'category'],
  },
});
