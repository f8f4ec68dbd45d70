// Operator: a person who operated equipment, synced from John Deere (read-only).
// LeafUser.operators (Leaf documents no filters or sorts for it) and LeafUser.operator.
import type { Leaf } from '../../leaf/readers.js';
import { operators, type OperatorRecord } from '../../leaf/resources/operators.js';
import { Asset, assetList, assetNode } from '../assets/asset.js';
import { builder } from '../builder.js';
import { leafField } from '../leaf-fields.js';

/** An operator as the Operator type reads it: its record's fields by their GraphQL names. */
class OperatorShape extends Asset<OperatorRecord> {
  get license(): Leaf<string | null> {
    return this.record.license;
  }

  get status(): Leaf<string | null> {
    return this.record.status;
  }

  get updatedTime(): Leaf<string | null> {
    return this.record.updatedTime;
  }
}

export const OperatorRef = assetNode({
  name: 'Operator',
  description: 'A person who operated equipment during field work, synced from John Deere.',
  providerIdOf: (operator) => operator.providerOperatorId,
  providerDescription: 'Where the record comes from, as Leaf sends it (JohnDeere).',
  originDescription: 'How Leaf got this operator.',
  resource: operators,
  row: OperatorShape,
});

builder.objectFields(OperatorRef, (t) => ({
  license: leafField(t, 'license', { type: 'String', description: "The operator's license, when the provider has one." }),
  status: leafField(t, 'status', { type: 'String', description: 'Status at the provider, e.g. ACTIVE.' }),
  updatedTime: leafField(t, 'updatedTime', { type: 'DateTime', description: 'When Leaf last updated the record.' }),
}));

assetList(OperatorRef, { noun: 'operator', list: 'operators', resource: operators });
