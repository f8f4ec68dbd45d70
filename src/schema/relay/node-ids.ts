// Every Node's `id`, resolved as a plain value. Pothos's relay plugin resolves it through an
// async wrapper (t.globalID: `await` the type's id, then encode it): a promise and a microtask
// per object, 50 on a page of 50 machines, which graphql-jit's compiled query must then await
// (about 4 % of the gateway's CPU on the flat page). Here each Node type's `id` calls the type's
// own id resolver and encodes its answer with the same encodeGlobalId, so every ID is the same
// string as before; an id resolver that answers a promise (none does today) keeps Pothos's path.
import { isObjectType, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
import { encodeGlobalId } from './global-id.js';

type IdResolver = GraphQLFieldResolver<unknown, unknown>;

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return typeof (value as { then?: unknown } | null)?.then === 'function';
}

/** Rewires, in place, the `id` resolver of every object type of `schema` that implements Node. */
export function resolveNodeIdsDirectly(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || !type.getInterfaces().some((face) => face.name === 'Node')) continue;
    const idOptions = (type.extensions as { pothosOptions?: { id?: { resolve?: IdResolver } } }).pothosOptions?.id;
    const field = type.getFields().id;
    const viaPothos = field?.resolve;
    const resolveId = idOptions?.resolve;
    if (!field || !viaPothos || typeof resolveId !== 'function') continue;
    const { name } = type;
    field.resolve = (parent, args, context, info) => {
      const id = resolveId(parent, args, context, info);
      if (id === null || id === undefined || isThenable(id)) return viaPothos(parent, args, context, info);
      return encodeGlobalId(name, String(id));
    };
  }
  return schema;
}
