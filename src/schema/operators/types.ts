// Operator: a person who operated equipment, synced from John Deere (read-only).
// LeafUser.operators (Leaf documents no filters or sorts for it) and LeafUser.operator.
import type { LeafOperator } from '../../leaf/types.js';
import { builder } from '../builder.js';
import { OriginTypeEnum } from '../enums.js';
import { loadEach, toDate } from '../loading.js';
import { idParts } from '../relay/global-id.js';
import { resolveUserList } from '../users/list.js';
import { LeafUserRef } from '../users/types.js';

type OperatorShape = LeafOperator & { leafUserId: string };

function operatorKey(leafUserId: string, operatorId: string): string {
  return `${leafUserId}:${operatorId}`;
}

export const OperatorRef = builder.loadableNode('Operator', {
  description: 'A person who operated equipment during field work, synced from John Deere.',
  id: { resolve: (operator: OperatorShape) => operatorKey(operator.leafUserId, operator.id) },
  load: (keys: string[], context) =>
    loadEach(keys, async (key) => {
      const [leafUserId, operatorId] = idParts(key, 'Operator', 2) as [string, string];
      return { ...(await context.client.getOperator(leafUserId, operatorId, context.call)), leafUserId };
    }) as Promise<OperatorShape[]>,
  fields: (t) => ({
    leafId: t.expose('id', { type: 'UUID', nullable: false, description: 'The Leaf operator id.' }),
    leafUser: t.field({
      type: LeafUserRef,
      nullable: false,
      description: 'The Leaf user this operator belongs to.',
      resolve: (operator) => ({ leafUserId: operator.leafUserId }),
    }),
    name: t.exposeString('name', { description: 'Operator name.' }),
    provider: t.exposeString('provider', { description: 'Where the record comes from, as Leaf sends it (JohnDeere).' }),
    providerOperatorId: t.exposeString('providerOperatorId', { description: 'The operator id at the provider.' }),
    providerOrganizationId: t.exposeString('providerOrganizationId', {
      description: 'The provider-side organization the operator belongs to.',
    }),
    originType: t.field({
      type: OriginTypeEnum,
      nullable: false,
      description: 'How Leaf got this operator.',
      resolve: (operator) => operator.originType,
    }),
    license: t.exposeString('license', { description: "The operator's license, when the provider has one." }),
    status: t.exposeString('status', { description: 'Status at the provider, e.g. ACTIVE.' }),
    updatedTime: t.field({
      type: 'DateTime',
      description: 'When Leaf last updated the record.',
      resolve: (operator) => toDate(operator.updatedTime),
    }),
  }),
});

builder.objectFields(LeafUserRef, (t) => ({
  operators: t.connection(
    {
      type: OperatorRef,
      nullable: false,
      description: "The user's operators, paged the Relay way over Leaf's page/size list.",
      resolve: (user, args, context, info) =>
        resolveUserList<LeafOperator>(args, info, {
          list: 'operators',
          leafUserId: user.leafUserId,
          query: {},
          fetch: (query) => context.client.listOperators(user.leafUserId, query, context.call),
          loader: OperatorRef.getDataloader(context),
          keyOf: operatorKey,
        }),
    },
    {
      name: 'OperatorConnection',
      description: 'A page of operators.',
    },
    { name: 'OperatorEdge', description: 'An operator and its cursor.' },
  ),
  operator: t.field({
    type: OperatorRef,
    description: 'One operator of this user by its Leaf id; null when Leaf has no such operator.',
    args: { id: t.arg({ type: 'UUID', required: true, description: 'The Leaf operator id.' }) },
    resolve: (user, args, context) => OperatorRef.getDataloader(context).load(operatorKey(user.leafUserId, args.id.toLowerCase())),
  }),
}));
