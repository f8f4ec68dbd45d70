// Operator: a person who operated equipment, synced from John Deere (read-only).
// LeafUser.operators (Leaf documents no filters or sorts for it) and LeafUser.operator.
import { valueOf, type OperatorRecord } from '../../leaf/readers.js';
import { assetConnection, assetNode } from '../assets/asset.js';
import { builder } from '../builder.js';
import { LeafUserRef } from '../users/types.js';

export const OperatorRef = assetNode<OperatorRecord>({
  name: 'Operator',
  lookup: 'operator',
  noun: 'operator',
  description: 'A person who operated equipment during field work, synced from John Deere.',
  providerIdField: 'providerOperatorId',
  providerIdOf: (operator) => operator.providerOperatorId,
  providerDescription: 'Where the record comes from, as Leaf sends it (JohnDeere).',
  originDescription: 'How Leaf got this operator.',
  fetch: (leaf, leafUserId, id) => leaf.getOperator(leafUserId, id),
});

builder.objectFields(OperatorRef, (t) => ({
  license: t.string({ description: "The operator's license, when the provider has one.", resolve: (o) => valueOf(o.record.license) }),
  status: t.string({ description: 'Status at the provider, e.g. ACTIVE.', resolve: (o) => valueOf(o.record.status) }),
  updatedTime: t.field({ type: 'DateTime', description: 'When Leaf last updated the record.', resolve: (o) => valueOf(o.record.updatedTime) }),
}));

builder.objectFields(LeafUserRef, (t) => ({
  operators: t.connection(
    {
      type: OperatorRef,
      nullable: true,
      description: "The user's operators, paged the Relay way over Leaf's page/size list; null (with the error) when Leaf refuses the list.",
      resolve: (user, args, context, info) =>
        assetConnection(args, info, {
          list: 'operators',
          leafUserId: user.leafUserId,
          query: {},
          fetch: (query) => context.leaf.listOperators(user.leafUserId, query),
          loader: OperatorRef.getDataloader(context),
        }),
    },
    {
      name: 'OperatorConnection',
      description: 'A page of operators.',
    },
    { name: 'OperatorEdge', description: 'An operator and its cursor.' },
  ),
}));
