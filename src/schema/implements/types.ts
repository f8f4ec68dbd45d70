// Implement: an attachment pulled by or mounted on a machine, synced from John Deere or
// Trimble (read-only in Leaf). LeafUser.implements and LeafUser.implement.
import { valueOf, type ImplementRecord } from '../../leaf/readers.js';
import { implementsResource } from '../../leaf/resources/implements.js';
import { assetList, assetNode } from '../assets/asset.js';
import { builder } from '../builder.js';
import { listInputs } from '../filters.js';

export const ImplementRef = assetNode<ImplementRecord>({
  name: 'Implement',
  description: 'An attachment pulled by or mounted on a machine (planter, cultivator, header), synced from a provider.',
  providerIdOf: (implement) => implement.providerImplementId,
  providerDescription: 'Where the record comes from, as Leaf sends it (JohnDeere, Trimble).',
  originDescription: 'How Leaf got this implement.',
  resource: implementsResource,
});

builder.objectFields(ImplementRef, (t) => ({
  serialNumber: t.string({ description: 'Serial number.', resolve: (i) => valueOf(i.record.serialNumber) }),
  model: t.string({ description: 'Model name.', resolve: (i) => valueOf(i.record.model) }),
  make: t.string({ description: 'Manufacturer.', resolve: (i) => valueOf(i.record.make) }),
  category: t.string({ description: 'Implement category, e.g. Cotton Harvester Implement.', resolve: (i) => valueOf(i.record.category) }),
}));

export const ImplementList = listInputs('Implement', "Filters on a Leaf user's implements; all given fields must match.", implementsResource.list);

assetList(ImplementRef, { noun: 'implement', list: 'implements', resource: implementsResource, inputs: ImplementList });
