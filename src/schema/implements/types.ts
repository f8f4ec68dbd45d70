// Implement: an attachment pulled by or mounted on a machine, synced from John Deere or
// Trimble (read-only in Leaf). LeafUser.implements and LeafUser.implement.
import type { Query } from '../../leaf/client.js';
import type { LeafImplement } from '../../leaf/types.js';
import { builder } from '../builder.js';
import { OriginTypeEnum } from '../enums.js';
import { orderInput, sortParams, stringParams, type OrderShape } from '../filters.js';
import { loadEach } from '../loading.js';
import { ImplementProviderEnum } from '../providers.js';
import { idParts } from '../relay/global-id.js';
import { resolveUserList } from '../users/list.js';
import { LeafUserRef } from '../users/types.js';

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

function implementKey(leafUserId: string, implementId: string): string {
  return `${leafUserId}:${implementId}`;
}

export const ImplementRef = builder.loadableNode('Implement', {
  description: 'An attachment pulled by or mounted on a machine (planter, cultivator, header), synced from a provider.',
  id: { resolve: (implement: LeafImplement) => implementKey(implement.leafUserId, implement.id) },
  load: (keys: string[], context) =>
    loadEach(keys, async (key) => {
      const [leafUserId, implementId] = idParts(key, 'Implement', 2) as [string, string];
      return { ...(await context.client.getImplement(leafUserId, implementId, context.call)), leafUserId };
    }) as Promise<LeafImplement[]>,
  fields: (t) => ({
    leafId: t.expose('id', { type: 'UUID', nullable: false, description: 'The Leaf implement id.' }),
    leafUser: t.field({
      type: LeafUserRef,
      nullable: false,
      description: 'The Leaf user who owns this implement.',
      resolve: (implement) => ({ leafUserId: implement.leafUserId }),
    }),
    name: t.exposeString('name', { description: 'Implement name.' }),
    provider: t.exposeString('provider', { description: 'Where the record comes from, as Leaf sends it (JohnDeere, Trimble).' }),
    providerImplementId: t.exposeString('providerImplementId', { description: 'The implement id at the provider.' }),
    providerOrganizationId: t.exposeString('providerOrganizationId', {
      description: 'The provider-side organization that holds this implement.',
    }),
    originType: t.field({
      type: OriginTypeEnum,
      nullable: false,
      description: 'How Leaf got this implement.',
      resolve: (implement) => implement.originType,
    }),
    serialNumber: t.exposeString('serialNumber', { description: 'Serial number.' }),
    model: t.exposeString('model', { description: 'Model name.' }),
    make: t.exposeString('make', { description: 'Manufacturer.' }),
    category: t.exposeString('category', { description: 'Implement category, e.g. Cotton Harvester Implement.' }),
  }),
});

const ImplementOrder = orderInput('Implement', 'implements', IMPLEMENT_SORT_FIELDS);

interface SinceFilterShape {
  since?: Date | null;
  before?: Date | null;
  after?: Date | null;
}

// Leaf's implements list reads createdTime/updatedTime as "from this time onward", not as
// an exact match, so this filter names that `since` instead of `equals`.
const DateTimeSinceFilter = builder.inputType('DateTimeSinceFilter', {
  description: 'Matches a timestamp at or after an instant, or strictly before and/or after given instants.',
  fields: (t) => ({
    since: t.field({ type: 'DateTime', description: 'At or after this instant.' }),
    before: t.field({ type: 'DateTime', description: 'Strictly before this instant.' }),
    after: t.field({ type: 'DateTime', description: 'Strictly after this instant.' }),
  }),
});

interface ImplementFilterShape {
  name?: string | null;
  provider?: 'JohnDeere' | 'Trimble' | null;
  providerImplementId?: string | null;
  providerOrganizationId?: string | null;
  createdTime?: SinceFilterShape | null;
  updatedTime?: SinceFilterShape | null;
}

const ImplementFilter = builder.inputType('ImplementFilter', {
  description: "Filters on a Leaf user's implements; all given fields must match.",
  fields: (t) => ({
    name: t.string({ description: 'Exactly this implement name.' }),
    provider: t.field({ type: ImplementProviderEnum, description: 'Implements from this provider.' }),
    providerImplementId: t.string({ description: 'Exactly this provider-side implement id.' }),
    providerOrganizationId: t.string({ description: 'Exactly this provider-side organization id.' }),
    createdTime: t.field({ type: DateTimeSinceFilter, description: 'When Leaf created the record.' }),
    updatedTime: t.field({ type: DateTimeSinceFilter, description: 'When Leaf last updated the record.' }),
  }),
});

function sinceParams(filter: SinceFilterShape | null | undefined, name: string): Query {
  if (!filter) return {};
  const capital = name.charAt(0).toUpperCase() + name.slice(1);
  return {
    [name]: filter.since?.toISOString(),
    [`before${capital}`]: filter.before?.toISOString(),
    [`after${capital}`]: filter.after?.toISOString(),
  };
}

export function implementListQuery(
  filter: ImplementFilterShape | null | undefined,
  orderBy: readonly OrderShape<string>[] | null | undefined,
): Query {
  return {
    ...stringParams({
      name: filter?.name,
      provider: filter?.provider,
      providerImplementId: filter?.providerImplementId,
      providerOrganizationId: filter?.providerOrganizationId,
    }),
    ...sinceParams(filter?.createdTime, 'createdTime'),
    ...sinceParams(filter?.updatedTime, 'updatedTime'),
    ...sortParams(orderBy),
  };
}

builder.objectFields(LeafUserRef, (t) => ({
  implements: t.connection(
    {
      type: ImplementRef,
      nullable: false,
      description: "The user's implements, paged the Relay way over Leaf's page/size list.",
      args: {
        filter: t.arg({ type: ImplementFilter, description: 'Only implements matching every given field.' }),
        orderBy: t.arg({ type: [ImplementOrder], description: 'Sort keys, first one first.' }),
      },
      resolve: (user, args, context, info) =>
        resolveUserList<LeafImplement>(args, info, {
          list: 'implements',
          leafUserId: user.leafUserId,
          query: implementListQuery(args.filter, args.orderBy),
          fetch: (query) => context.client.listImplements(user.leafUserId, query, context.call),
          loader: ImplementRef.getDataloader(context),
          keyOf: implementKey,
        }),
    },
    {
      name: 'ImplementConnection',
      description: 'A page of implements.',
    },
    { name: 'ImplementEdge', description: 'An implement and its cursor.' },
  ),
  implement: t.field({
    type: ImplementRef,
    description: 'One implement of this user by its Leaf id; null when Leaf has no such implement.',
    args: { id: t.arg({ type: 'UUID', required: true, description: 'The Leaf implement id.' }) },
    resolve: (user, args, context) =>
      ImplementRef.getDataloader(context).load(implementKey(user.leafUserId, args.id.toLowerCase())),
  }),
}));
