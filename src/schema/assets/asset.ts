// What Machine, Implement and Operator share, written once: a record of one Leaf user read
// from an Assets path, its global ID and loader, the fields every asset has (leafId, leafUser,
// leafUserId, name, provider, provider ids, originType), the single lookup on LeafUser and the
// list on LeafUser (assetList: each asset brings its own filters). Each adds its own fields.
import type { InputObjectRef } from '@pothos/core';
import type { Context } from '../../context.js';
import type { Query } from '../../leaf/client.js';
import { valueOf, type AssetRecord, type ImplementRecord, type Leaf, type OriginType } from '../../leaf/readers.js';
import type { UserResource } from '../../leaf/resources/resource.js';
import { builder, type Types } from '../builder.js';
import type { OrderShape } from '../filters.js';
import { OriginTypeEnum } from '../enums.js';
import { listConnection } from '../lists.js';
import { keyedNode, type KeyedNodeRef } from '../loading.js';
import { leafField } from '../leaf-fields.js';
import type { ConnectionArgs } from '../relay/resolve-window.js';
import { LeafUserRef } from '../users/types.js';
import { CONNECTION_LIST_SIZE, UPSTREAM_COST } from '../demand.js';

/** The fields every asset record has, as read from Leaf (src/leaf/readers.ts). */
export type { AssetRecord };

/**
 * A record as read from `/users/{leafUserId}/...`: navigation (leafUser, the global ID, refetch)
 * follows that path; the body's own leafUserId stays Leaf's value (contract section 10). Its
 * getters are the fields of their names, read without a resolver (leaf-fields.ts); each kind of
 * asset adds its own in a subclass.
 */
export class Asset<R extends AssetRecord> {
  constructor(
    readonly path: { readonly leafUserId: string },
    readonly record: R,
  ) {}

  get leafId(): string {
    return this.record.id;
  }

  get leafUser(): { readonly leafUserId: string } {
    return this.path;
  }

  get leafUserId(): Leaf<string | null> {
    return this.record.leafUserId;
  }

  get name(): Leaf<string | null> {
    return this.record.name;
  }

  get provider(): Leaf<string | null> {
    return this.record.provider;
  }

  get providerOrganizationId(): Leaf<string | null> {
    return this.record.providerOrganizationId;
  }

  get originType(): Leaf<OriginType> {
    return this.record.originType;
  }
}

/** What machines and implements, the equipment, carry besides. */
export type EquipmentRecord = AssetRecord & Pick<ImplementRecord, 'serialNumber' | 'model' | 'make' | 'category'>;

/** A machine or implement: an asset with the equipment's fields. */
export class Equipment<R extends EquipmentRecord> extends Asset<R> {
  get serialNumber(): Leaf<string | null> {
    return this.record.serialNumber;
  }

  get model(): Leaf<string | null> {
    return this.record.model;
  }

  get make(): Leaf<string | null> {
    return this.record.make;
  }

  get category(): Leaf<string | null> {
    return this.record.category;
  }
}

/** A kind of asset's row class. */
export type AssetRow<R extends AssetRecord, S extends Asset<R>> = new (path: { readonly leafUserId: string }, record: R) => S;

/** Definitions of `LeafUser.<list>` (machines, implements, operators): they differ in filters only. */
export interface AssetListFieldOptions<R extends AssetRecord, F> {
  /** Lower-case noun, as given to assetNode, and the list's field on LeafUser. */
  noun: string;
  list: string;
  resource: UserResource<R>;
  /** The list's filter and sort inputs (filters.ts listInputs), when Leaf documents any. */
  inputs?: {
    filter: InputObjectRef<Types, F>;
    order: InputObjectRef<Types, OrderShape<string>>;
    query: (filter: F | null | undefined, orderBy: readonly OrderShape<string>[] | null | undefined) => Query;
  };
}

/** `LeafUser.<list>`: the user's list of one asset as a Relay connection, its rows priming the asset's loader. */
export function assetList<R extends AssetRecord, S extends Asset<R>, F>(ref: ReturnType<typeof assetNode<R, S>>, options: AssetListFieldOptions<R, F>): void {
  const { noun, list, resource, inputs } = options;
  const { name } = ref;
  builder.objectFields(LeafUserRef, (t) => ({
    [list]: t.connection(
      {
        type: ref,
        nullable: true,
        ...CONNECTION_LIST_SIZE,
        ...UPSTREAM_COST,
        description: `The user's ${list}, paged the Relay way over Leaf's page/size list; null (with the error) when Leaf refuses the list.`,
        args: {
          ...(inputs ? { filter: t.arg({ type: inputs.filter, description: `Only ${list} matching every given field.` }) } : {}),
          ...(inputs ? { orderBy: t.arg({ type: [inputs.order], description: 'Sort keys, first one first.' }) } : {}),
        },
        resolve: (user, args: ConnectionArgs & { filter?: F | null; orderBy?: readonly OrderShape<string>[] | null }, context, info) =>
          listConnection(args, info, {
            list: `${list}:${user.leafUserId}`,
            query: inputs ? inputs.query(args.filter, args.orderBy) : {},
            fetch: (query) => context.leaf.list(resource, { leafUserId: user.leafUserId }, query),
            node: (record) => ref.rowOf(user.leafUserId, record),
            keyOf: (asset) => ({ leafUserId: user.leafUserId, id: asset.record.id }),
            loader: ref.getDataloader(context),
          }),
      },
      { name: `${name}Connection`, description: `A page of ${list}.` },
      { name: `${name}Edge`, description: `${/^[aeiou]/.test(noun) ? 'An' : 'A'} ${noun} and its cursor.` },
    ),
  }));
}

export interface AssetOptions<R extends AssetRecord, S extends Asset<R>> {
  /**
   * GraphQL type name, e.g. Machine. Its lower-cased form (machine) is LeafUser's field for one
   * of them and the noun of the descriptions; `provider<Name>Id` is its provider-side id field.
   */
  name: string;
  description: string;
  providerDescription: string;
  providerIdOf: (record: R) => Leaf<string | null>;
  originDescription: string;
  resource: UserResource<R>;
  /** The class of its rows: Asset and the kind's own getters. */
  row: AssetRow<R, S>;
}

export function assetNode<R extends AssetRecord, S extends Asset<R>>(options: AssetOptions<R, S>) {
  const { name, resource, row } = options;
  const noun = `${name.charAt(0).toLowerCase()}${name.slice(1)}`;
  const rowOf = (leafUserId: string, record: R): S => new row({ leafUserId }, record);
  const ref = keyedNode(name, {
    description: options.description,
    key: resource.key,
    keyOf: (asset: S) => ({ leafUserId: asset.path.leafUserId, id: asset.record.id }),
    load: async (key, context: Context) => rowOf(key.leafUserId, await context.leaf.get(resource, key)),
    fields: (t) => commonFields(t, options, noun),
  });

  // As a ref of Asset<R>: Pothos cannot check a resolver against the shape type parameter S.
  const lookup: KeyedNodeRef<Asset<R>, 'leafUserId' | 'id'> = ref;
  builder.objectField(LeafUserRef, noun, (t) =>
    t.field({
      type: lookup,
      nullable: true,
      ...UPSTREAM_COST,
      description: `One ${noun} of this user by its Leaf id; null when Leaf has no such ${noun}.`,
      args: { id: t.arg({ type: 'LeafId', required: true, description: `The Leaf ${noun} id.` }) },
      resolve: (user, args, context) => lookup.getDataloader(context).load({ leafUserId: user.leafUserId, id: args.id }),
    }),
  );
  return Object.assign(ref, { rowOf });
}

/** The fields every asset has, first in each asset type. */
function commonFields<R extends AssetRecord>(t: PothosSchemaTypes.ObjectFieldBuilder<Types, Asset<R>>, options: AssetOptions<R, Asset<R>>, noun: string) {
  return {
    leafId: leafField(t, 'leafId', { type: 'LeafId', nullable: false, description: `The Leaf ${noun} id, exactly as Leaf sent it.` }),
    leafUser: leafField(t, 'leafUser', {
      type: LeafUserRef,
      nullable: false,
      description: `The Leaf user whose path this ${noun} was read from (\`/users/{leafUserId}/...\`).`,
    }),
    leafUserId: leafField(t, 'leafUserId', {
      type: 'LeafId',
      description: `The leafUserId in Leaf's own body of this ${noun}, exactly as sent (it can differ from \`leafUser\`); null when Leaf sends none.`,
    }),
    name: leafField(t, 'name', { type: 'String', description: `${noun.charAt(0).toUpperCase()}${noun.slice(1)} name.` }),
    provider: leafField(t, 'provider', { type: 'String', description: options.providerDescription }),
    [`provider${options.name}Id`]: t.string({
      description: `The ${noun} id at the provider.`,
      resolve: (asset) => valueOf(options.providerIdOf(asset.record)),
    }),
    providerOrganizationId: leafField(t, 'providerOrganizationId', {
      type: 'String',
      description: `The provider-side organization that holds this ${noun}.`,
    }),
    originType: leafField(t, 'originType', { type: OriginTypeEnum, nullable: false, description: options.originDescription }),
  };
}
