// Implement: an attachment pulled by or mounted on a machine, synced from John Deere or
// Trimble (read-only in Leaf). LeafUser.implements and LeafUser.implement.
import type { Query } from '../../leaf/client.js';
import { valueOf, type ImplementRecord } from '../../leaf/readers.js';
import { assetList, assetNode } from '../assets/asset.js';
import { builder } from '../builder.js';
import { ImplementProviderEnum } from '../enums.js';
import { enumFilter, listFilter, orderInput, sinceFilter, sortParams, textFilter, type FilterShape, type OrderShape } from '../filters.js';

export const IMPLEMENT_SORT_FIELDS = [
  'id',
  'leafUserId',
  'name',
  'provider',
  'providerOrganizationId',
  'providerImplementId',
  'serialNumber',
  'model',
  'make',
  'category',
] as const;

export const ImplementRef = assetNode<ImplementRecord>({
  name: 'Implement',
  lookup: 'implement',
  noun: 'implement',
  description: 'An attachment pulled by or mounted on a machine (planter, cultivator, header), synced from a provider.',
  providerIdField: 'providerImplementId',
  providerIdOf: (implement) => implement.providerImplementId,
  providerDescription: 'Where the record comes from, as Leaf sends it (JohnDeere, Trimble).',
  originDescription: 'How Leaf got this implement.',
  fetch: (leaf, leafUserId, id) => leaf.getImplement(leafUserId, id),
});

builder.objectFields(ImplementRef, (t) => ({
  serialNumber: t.string({ description: 'Serial number.', resolve: (i) => valueOf(i.record.serialNumber) }),
  model: t.string({ description: 'Model name.', resolve: (i) => valueOf(i.record.model) }),
  make: t.string({ description: 'Manufacturer.', resolve: (i) => valueOf(i.record.make) }),
  category: t.string({ description: 'Implement category, e.g. Cotton Harvester Implement.', resolve: (i) => valueOf(i.record.category) }),
}));

const ImplementOrder = orderInput('Implement', 'implements', IMPLEMENT_SORT_FIELDS);

const ImplementFilter = listFilter('ImplementFilter', "Filters on a Leaf user's implements; all given fields must match.", {
  name: textFilter('Exactly this implement name.'),
  provider: enumFilter(ImplementProviderEnum, 'Implements from this provider.'),
  providerImplementId: textFilter('Exactly this provider-side implement id.'),
  providerOrganizationId: textFilter('Exactly this provider-side organization id.'),
  createdTime: sinceFilter('When Leaf created the record.'),
  updatedTime: sinceFilter('When Leaf last updated the record.'),
});

export function implementListQuery(
  filter: FilterShape<typeof ImplementFilter.fields> | null | undefined,
  orderBy: readonly OrderShape<string>[] | null | undefined,
): Query {
  return { ...ImplementFilter.params(filter), ...sortParams(orderBy) };
}

assetList(ImplementRef, {
  noun: 'implement',
  list: 'implements',
  filter: ImplementFilter.input,
  orderBy: ImplementOrder,
  query: implementListQuery,
  fetch: (leaf, leafUserId, query) => leaf.listImplements(leafUserId, query),
});
