// Implement: an attachment pulled by or mounted on a machine, synced from John Deere or
// Trimble (read-only in Leaf). LeafUser.implements and LeafUser.implement.
import type { ImplementRecord } from '../../leaf/readers.js';
import { implementsResource } from '../../leaf/resources/implements.js';
import { assetList, assetNode, Equipment } from '../assets/asset.js';
import { builder } from '../builder.js';
import { listInputs } from '../filters.js';
import { leafField } from '../leaf-fields.js';

export const ImplementRef = assetNode({
  name: 'Implement',
  description: 'An attachment pulled by or mounted on a machine (planter, cultivator, header), synced from a provider.',
  providerIdOf: (implement) => implement.providerImplementId,
  providerDescription: 'Where the record comes from, as Leaf sends it (JohnDeere, Trimble).',
  originDescription: 'How Leaf got this implement.',
  resource: implementsResource,
  row: Equipment<ImplementRecord>,
});

builder.objectFields(ImplementRef, (t) => ({
  serialNumber: leafField(t, 'serialNumber', { type: 'String', description: 'Serial number.' }),
  model: leafField(t, 'model', { type: 'String', description: 'Model name.' }),
  make: leafField(t, 'make', { type: 'String', description: 'Manufacturer.' }),
  category: leafField(t, 'category', { type: 'String', description: 'Implement category, e.g. Cotton Harvester Implement.' }),
}));

export const ImplementList = listInputs('Implement', "Filters on a Leaf user's implements; all given fields must match.", implementsResource.list);

assetList(ImplementRef, { noun: 'implement', list: 'implements', resource: implementsResource, inputs: ImplementList });
