// A Leaf user's implements (Assets API), synced from John Deere or Trimble: listed and read.
import { readImplement, readImplements } from '../readers.js';
import { readTags } from '../read-tags.js';
import { assetResource } from './asset.js';

/** The providers Leaf syncs implements from. */
export const IMPLEMENT_PROVIDERS = ['JohnDeere', 'Trimble'] as const;

export const implementsResource = assetResource('implements', {
  read: readImplement,
  readList: readImplements,
  listTag: readTags.implements,
  itemTag: readTags.implement,
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
