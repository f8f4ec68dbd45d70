// Operator: a person who operated equipment, synced from John Deere (read-only).
// LeafUser.operators (Leaf documents no filters or sorts for it) and LeafUser.operator.
import { valueOf } from '../../leaf/readers.js';
import { operators, type OperatorRecord } from '../../leaf/resources/operators.js';
import { assetList, assetNode } from '../assets/asset.js';
import { builder } from '../builder.js';

export const OperatorRef = assetNode<OperatorRecord>({
  name: 'Operator',
  description: 'A person who operated equipment during field work, synced from John Deere.',
  providerIdOf: (operator) => operator.providerOperatorId,
  providerDescription: 'Where the record comes from, as Leaf sends it (JohnDeere).',
  originDescription: 'How Leaf got this operator.',
  resource: operators,
});

builder.objectFields(OperatorRef, (t) => ({
  license: t.string({ description: "The operator's license, when the provider has one.", resolve: (o) => valueOf(o.record.license) }),
  status: t.string({ description: 'Status at the provider, e.g. ACTIVE.', resolve: (o) => valueOf(o.record.status) }),
  updatedTime: t.field({ type: 'DateTime', description: 'When Leaf last updated the record.', resolve: (o) => valueOf(o.record.updatedTime) }),
}));

assetList(OperatorRef, { noun: 'operator', list: 'operators', resource: operators });
