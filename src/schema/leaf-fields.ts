// Fields that hand on a value Leaf sent, held by their parent under the field's own name, served
// without a resolver. graphql-jit then reads `parent[name]` inline and serialises it, where a
// resolver costs a call, two closures and a handler per field of every item (most of a page's
// execution); graphql-js reads it with its default resolver. An Unreadable value is an Error, and
// both executors make it that field's error, exactly as a resolver throwing it does: graphql-js's
// completeValue throws it, graphql-jit's checkNullableLeaf/checkNonNullLeaf push it, with the same
// message, path, locations and original error (so the same code and masking).
import type { FieldNullability, FieldRef, ShapeFromTypeParam, TypeParam } from '@pothos/core';
import { valueOf, type Unreadable } from '../leaf/readers.js';
import type { Types } from './builder.js';

/** A parent's property as a field hands it on: Leaf's value, its Unreadable taken out. */
type Readable<V> = Exclude<V, Unreadable>;

interface LeafFieldOptions<Type extends TypeParam<Types>, Nullable extends FieldNullability<Type>> {
  type: Type;
  nullable?: Nullable;
  description: string;
}

/**
 * The field `name`, reading the parent's property `name`: Leaf's value, or the field's error when
 * it is Unreadable. Declared under another name it keeps its resolver, which does the same.
 */
export function leafField<
  P,
  K extends keyof P & string,
  Type extends TypeParam<Types>,
  Nullable extends FieldNullability<Type> = true,
  Kind extends 'Object' | 'Interface' = 'Object',
>(
  t: PothosSchemaTypes.FieldBuilder<Types, P, Kind>,
  name: K,
  options: LeafFieldOptions<Type, Nullable> & (Readable<P[K]> extends ShapeFromTypeParam<Types, Type, Nullable> ? unknown : { type: never }),
): FieldRef<Types, ShapeFromTypeParam<Types, Type, Nullable>, Kind> {
  // Pothos serves a field whose `pothosExposedField` is its own name with graphql-js's default
  // resolver, i.e. none (as t.expose does); the resolver is the same read, for a field declared
  // under another name. Pothos cannot check it against generic P and Type: `options`' type does,
  // at each call.
  return t.field({
    ...options,
    extensions: { pothosExposedField: name },
    resolve: (parent: P) => valueOf(parent[name]),
  } as never);
}
