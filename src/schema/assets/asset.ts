// What Machine, Implement and Operator share, written once: a record of one Leaf user read
// from an Assets path, its global ID and loader, the fields every asset has (leafId, leafUser,
// leafUserId, name, provider, provider ids, originType) and the single lookup on LeafUser.
// Each asset adds its own fields and its list (their filters differ) on top.
import type { GraphQLResolveInfo } from 'graphql';
import type { Context } from '../../context.js';
import type { Query } from '../../leaf/client.js';
import type { LeafApi } from '../../leaf/endpoints.js';
import { valueOf, type AssetRecord, type Leaf } from '../../leaf/readers.js';
import { builder } from '../builder.js';
import { OriginTypeEnum } from '../enums.js';
import { listConnection } from '../lists.js';
import { loadEach } from '../loading.js';
import type { ConnectionShape } from '../relay/page-connection.js';
import type { ConnectionArgs } from '../relay/resolve-window.js';
import { idOf, idParts } from '../relay/global-id.js';
import { LeafUserRef } from '../users/types.js';

/** The fields every asset record has, as read from Leaf (src/leaf/readers.ts). */
export type { AssetRecord };

/**
 * A record as read from `/users/{leafUserId}/...`: navigation (leafUser, the global ID, refetch)
 * follows that path; the body's own leafUserId stays Leaf's value (contract section 10).
 */
export interface Asset<R extends AssetRecord> {
  readonly path: { readonly leafUserId: string };
  readonly record: R;
}

export function assetOf<R extends AssetRecord>(leafUserId: string, record: R): Asset<R> {
  return { path: { leafUserId }, record };
}

/** Loader key and global-ID payload of an asset: Assets paths need the user as well. */
export function assetKey(leafUserId: string, id: string): string {
  return idOf(leafUserId, id);
}

export interface AssetListOptions<R extends AssetRecord> {
  /** The list's name in cursors: machines, implements, operators. */
  list: string;
  leafUserId: string;
  /** Filter and sort parameters, without page/size. */
  query: Query;
  fetch: (query: Query) => Promise<readonly R[]>;
  loader: { prime(key: string, value: Asset<R>): unknown };
}

/** A Leaf user's list of one asset (`GET /users/{u}/machines`, ...) as a Relay connection. */
export function assetConnection<R extends AssetRecord>(
  args: ConnectionArgs,
  info: GraphQLResolveInfo,
  options: AssetListOptions<R>,
): Promise<ConnectionShape<Asset<R>>> {
  const { leafUserId } = options;
  return listConnection(args, info, {
    list: `${options.list}:${leafUserId}`,
    query: options.query,
    fetch: options.fetch,
    node: (row: R) => assetOf(leafUserId, row),
    keyOf: (asset) => assetKey(leafUserId, asset.record.id),
    loader: options.loader,
  });
}

export interface AssetOptions<R extends AssetRecord> {
  /** GraphQL type name, e.g. Machine; `lookup` is LeafUser's field for one of them. */
  name: string;
  lookup: string;
  /** Lower-case noun for descriptions, e.g. "machine". */
  noun: string;
  description: string;
  /** The provider-side id field, e.g. providerMachineId, and what it is. */
  providerIdField: string;
  providerDescription: string;
  providerIdOf: (record: R) => Leaf<string | null>;
  originDescription: string;
  fetch: (leaf: LeafApi, leafUserId: string, id: string) => Promise<R>;
}

export function assetNode<R extends AssetRecord>(options: AssetOptions<R>) {
  const { name, noun } = options;
  const ref = builder.loadableNode(name, {
    description: options.description,
    id: { resolve: (asset: Asset<R>) => assetKey(asset.path.leafUserId, asset.record.id) },
    load: (keys: string[], context: Context) =>
      loadEach(keys, async (key) => {
        const [leafUserId, id] = idParts(key, name, 2) as [string, string];
        return assetOf(leafUserId, await options.fetch(context.leaf, leafUserId, id));
      }),
    fields: (t) => ({
      leafId: t.field({
        type: 'LeafId',
        nullable: false,
        description: `The Leaf ${noun} id, exactly as Leaf sent it.`,
        resolve: (asset) => asset.record.id,
      }),
      leafUser: t.field({
        type: LeafUserRef,
        nullable: false,
        description: `The Leaf user whose path this ${noun} was read from (\`/users/{leafUserId}/...\`).`,
        resolve: (asset) => ({ leafUserId: asset.path.leafUserId }),
      }),
      leafUserId: t.field({
        type: 'LeafId',
        description: `The leafUserId in Leaf's own body of this ${noun}, exactly as sent (it can differ from \`leafUser\`); null when Leaf sends none.`,
        resolve: (asset) => valueOf(asset.record.leafUserId),
      }),
      name: t.string({ description: `${noun.charAt(0).toUpperCase()}${noun.slice(1)} name.`, resolve: (asset) => valueOf(asset.record.name) }),
      provider: t.string({ description: options.providerDescription, resolve: (asset) => valueOf(asset.record.provider) }),
      [options.providerIdField]: t.string({
        description: `The ${noun} id at the provider.`,
        resolve: (asset) => valueOf(options.providerIdOf(asset.record)),
      }),
      providerOrganizationId: t.string({
        description: `The provider-side organization that holds this ${noun}.`,
        resolve: (asset) => valueOf(asset.record.providerOrganizationId),
      }),
      originType: t.field({
        type: OriginTypeEnum,
        nullable: false,
        description: options.originDescription,
        resolve: (asset) => valueOf(asset.record.originType),
      }),
    }),
  });

  builder.objectField(LeafUserRef, options.lookup, (t) =>
    t.field({
      type: ref,
      nullable: true,
      description: `One ${noun} of this user by its Leaf id; null when Leaf has no such ${noun}.`,
      args: { id: t.arg({ type: 'LeafId', required: true, description: `The Leaf ${noun} id.` }) },
      resolve: (user, args, context) => ref.getDataloader(context).load(assetKey(user.leafUserId, args.id)),
    }),
  );
  return ref;
}
