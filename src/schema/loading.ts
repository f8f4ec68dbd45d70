// Per-request loading. Leaf has no batch endpoints, so a batch is one call per distinct key,
// made concurrently; the undici pool bounds how many run at once.
import { brandWithType, createContextCache, ObjectRef, type ObjectFieldsShape } from '@pothos/core';
import DataLoader from 'dataloader';
import type { GraphQLResolveInfo } from 'graphql';
import type { Context } from '../context.js';
import { LeafError, leafError } from '../leaf/errors.js';
import type { KeyDeclaration, RecordKey } from '../leaf/resources/key.js';
import type { Resource } from '../leaf/resources/resource.js';
import { builder, type Types } from './builder.js';
import { UPSTREAM_COST } from './demand.js';
import { GlobalIdError } from './relay/errors.js';

/**
 * Runs one fetch per key. A 404 becomes null (the contract's "single lookup resolves to
 * null"); any other failure stays an Error for that key alone, so siblings still resolve.
 */
export function loadEach<K, T>(keys: readonly K[], fetchOne: (key: K) => Promise<T>): Promise<(T | null | Error)[]> {
  return Promise.all(keys.map((key) => settledFetch(fetchOne, key)));
}

/** One key's fetch as its value or its failure: one promise beside the fetch's own. */
function settledFetch<K, T>(fetchOne: (key: K) => Promise<T>, key: K): Promise<T | null | Error> {
  let fetching: Promise<T>;
  try {
    fetching = fetchOne(key);
  } catch (error) {
    // A key fetchOne refuses at once fails that key only.
    return Promise.resolve(failureOf(error));
  }
  return Promise.resolve(fetching).then(undefined, failureOf);
}

function failureOf(error: unknown): null | Error {
  if (error instanceof LeafError && error.code === 'NOT_FOUND') return null;
  return error instanceof Error ? error : new Error(String(error));
}

/** The record a non-null field names: Leaf not having it fails the field (and its parent), never a null in its place. */
export async function required<T>(loading: Promise<T | null>, what: string): Promise<T> {
  const value = await loading;
  if (value === null) throw leafError('NOT_FOUND', `Leaf no longer has the ${what} this record was read from.`);
  return value;
}

/** A node type whose records load by their resource's typed key, through one loader per request. */
export class KeyedNodeRef<Shape, P extends string> extends ObjectRef<Types, Shape> {
  /** The request's loader: keys are typed values, told apart by their text. */
  readonly getDataloader: (context: Context) => DataLoader<RecordKey<P>, Shape | null, string>;

  constructor(
    name: string,
    readonly key: KeyDeclaration<P>,
    load: (key: RecordKey<P>, context: Context) => Promise<Shape | null>,
  ) {
    super(name);
    this.getDataloader = createContextCache(
      (context: Context) => new DataLoader((keys: readonly RecordKey<P>[]) => loadEach(keys, (key) => load(key, context)), { cacheKeyFn: key.text }),
    );
  }
}

export interface KeyedNodeOptions<Shape, P extends string> {
  key: KeyDeclaration<P>;
  /** A record's key, from the record as this type holds it. */
  keyOf: (shape: Shape) => RecordKey<P>;
  load: (key: RecordKey<P>, context: Context) => Promise<Shape | null>;
  description: string;
  fields: ObjectFieldsShape<Types, Shape>;
}

/**
 * A Relay node loaded by a typed key: its global ID carries the key's text, and `node(id:)`
 * reads the key back once, where the ID arrives (an ID with the wrong parts fails that ID only).
 */
export function keyedNode<Shape, P extends string>(name: string, options: KeyedNodeOptions<Shape, P>): KeyedNodeRef<Shape, P> {
  const { key, keyOf } = options;
  const ref = new KeyedNodeRef<Shape, P>(name, key, options.load);
  builder.node(ref, {
    description: options.description,
    id: { resolve: (shape) => key.text(keyOf(shape)) },
    // One promise per ID, so one that fails fails its own entry of `nodes` only; each record is
    // branded with its type here, as Relay brands the values it is handed (Node's resolveType reads it).
    loadManyWithoutCache: (ids: string[], context: Context) =>
      ids.map((id) => {
        const parsed = key.parse(id);
        if (parsed === null) return Promise.reject(new GlobalIdError(`That ID is not a valid ${name} ID.`));
        return ref.getDataloader(context).load(parsed).then((shape) => {
          brandWithType(shape, ref);
          return shape;
        });
      }),
    fields: options.fields,
  });
  return ref;
}

/** A node whose records are its resource's own, each read by its Leaf id (the resource's `item`). */
export function recordNode<R extends { id: string }>(
  name: string,
  resource: Resource<string, `${string}/{id}`, R, 'id'>,
  options: Pick<KeyedNodeOptions<R, 'id'>, 'description' | 'fields'>,
): KeyedNodeRef<R, 'id'> {
  return keyedNode(name, {
    ...options,
    key: resource.key,
    keyOf: (record) => ({ id: record.id }),
    load: (key, context) => context.leaf.get(resource, key),
  });
}

/**
 * `Query.<name>(id:)`: one record by its Leaf id, through its type's loader. The ref is taken as
 * a ref of `object`: Pothos cannot check a resolver against a generic shape, and the field only
 * hands on what that ref's own loader read.
 */
export function queryById(
  name: string,
  ref: KeyedNodeRef<object, 'id'>,
  descriptions: { field: string; id: string },
  /** A record already at hand for this request (e.g. the one a points cursor keeps), else undefined: the loader reads it. */
  atHand?: (id: string, context: Context, info: GraphQLResolveInfo) => object | undefined,
): void {
  builder.queryField(name, (t) =>
    t.field({
      type: ref,
      ...UPSTREAM_COST,
      description: descriptions.field,
      args: { id: t.arg({ type: 'LeafId', required: true, description: descriptions.id }) },
      resolve: (_root, args, context, info) => atHand?.(args.id, context, info) ?? ref.getDataloader(context).load({ id: args.id }),
    }),
  );
}
