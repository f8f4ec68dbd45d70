// The gateway as an Apollo Federation v2 subgraph (contract section 12): the entity keys, and
// `_entities` resolved through the same per-request loaders as `node(id:)`, so a federation
// gateway's references are batched, coalesced, scoped to the caller's token and counted against
// the call budget exactly as `nodes(ids:)` is. The client schema (schema/schema.graphql) is the
// same builder without `_service`/`_entities`; src/schema/print.ts prints both.
import {
  GraphQLSchema,
  isObjectType,
  type GraphQLFieldResolver,
  type GraphQLResolveInfo,
} from 'graphql';
import type { Context } from '../context.js';
import { builder } from './builder.js';
import { FieldOperationRef } from './files/operation.js';
import { LeafFileRef } from './files/leaf-file.js';
import { ImplementRef } from './implements/types.js';
import { MachineFileRef } from './machines/machine-files.js';
import { MachineRef } from './machines/types.js';
import { OperatorRef } from './operators/types.js';
import { GlobalIdError, RelayArgumentError } from './relay/errors.js';
import { printSubgraphSdl } from './print.js';
import { decodeGlobalId } from './relay/global-id.js';
import type { KeyDeclaration, RecordKey } from '../leaf/resources/key.js';
import { leafIdProblem } from './scalars.js';
import { leafUserKey, LeafUserRef, type LeafUserShape } from './users/types.js';

/** Federation 2.9: the first version with the cost directives (`@cost`, `@listSize`). */
export const FEDERATION_LINK = 'https://specs.apollo.dev/federation/v2.9';

/** A representation a federation gateway sends to `_entities`: `__typename` and one key's fields. */
type Representation = Readonly<Record<string, unknown>>;

/** A representation this subgraph cannot resolve: BAD_USER_INPUT on that entity only. */
export class RepresentationError extends RelayArgumentError {
  constructor(message: string) {
    super(message);
    this.name = 'RepresentationError';
  }
}

/** A type's name and the key its global IDs carry. */
interface Keyed<P extends string> {
  readonly name: string;
  readonly key: KeyDeclaration<P>;
}

/** The key in a representation's global `id`, which must name the representation's own type. */
function keyOfId<P extends string>(representation: Representation, { name: typename, key }: Keyed<P>): RecordKey<P> {
  const { id } = representation;
  if (typeof id !== 'string') throw new RepresentationError(`A ${typename} representation needs its \`id\` (a global ID) or its Leaf ids.`);
  const decoded = decodeGlobalId(id);
  if (decoded.typename !== typename) throw new RepresentationError(`That \`id\` is a ${decoded.typename} ID, not a ${typename} one.`);
  const parsed = key.parse(decoded.id);
  if (parsed === null) throw new GlobalIdError(`That ID is not a valid ${typename} ID.`);
  return parsed;
}

function leafIdIn(value: unknown, field: string, typename: string): string {
  if (typeof value !== 'string') throw new RepresentationError(`A ${typename} representation's \`${field}\` is a Leaf id (a string).`);
  const problem = leafIdProblem(value);
  if (problem) throw new RepresentationError(`The \`${field}\` of that ${typename} representation is not a Leaf id: it ${problem}.`);
  return value;
}

/** The global `id` key when the representation has one, else the Leaf ids read by `byLeafIds`. */
function keyOf<P extends string>(representation: Representation, type: Keyed<P>, byLeafIds: () => RecordKey<P>): RecordKey<P> {
  return 'id' in representation ? keyOfId(representation, type) : byLeafIds();
}

/** Machine, Implement, Operator: `leafId leafUser { leafUserId }`, the ids of their Assets path. */
function assetKeyOf(representation: Representation, type: Keyed<'leafUserId' | 'id'>): RecordKey<'leafUserId' | 'id'> {
  return keyOf(representation, type, () => {
    const { leafUser } = representation;
    const owner = typeof leafUser === 'object' && leafUser !== null ? (leafUser as Representation).leafUserId : undefined;
    return { leafUserId: leafIdIn(owner, 'leafUser.leafUserId', type.name), id: leafIdIn(representation.leafId, 'leafId', type.name) };
  });
}

const ID_KEY = builder.selection<{ id: string }>('id');
const LEAF_ID_KEY = builder.selection<{ leafId: string }>('leafId');
const ASSET_KEY = builder.selection<{ leafId: string; leafUser: { leafUserId: string } }>('leafId leafUser { leafUserId }');

for (const ref of [MachineRef, ImplementRef, OperatorRef]) {
  builder.asEntity(ref, {
    key: [ID_KEY, ASSET_KEY],
    resolveReference: (representation, context: Context) =>
      ref.getDataloader(context).load(assetKeyOf(representation as Representation, ref)),
  });
}

for (const ref of [LeafFileRef, FieldOperationRef]) {
  builder.asEntity(ref, {
    key: [ID_KEY, LEAF_ID_KEY],
    resolveReference: (representation, context: Context) => {
      const key = keyOf(representation as Representation, ref, () => ({ id: leafIdIn((representation as Representation).leafId, 'leafId', ref.name) }));
      return ref.getDataloader(context).load(key);
    },
  });
}

builder.asEntity(MachineFileRef, {
  key: ID_KEY,
  resolveReference: (representation, context: Context) =>
    MachineFileRef.getDataloader(context).load(keyOfId(representation as Representation, MachineFileRef)),
});

// A handle, as `leafUser(id:)`: resolving it calls nothing upstream.
builder.asEntity(LeafUserRef, {
  key: [ID_KEY, builder.selection<{ leafUserId: string }>('leafUserId')],
  resolveReference: (representation): LeafUserShape => {
    const ref = representation as Representation;
    const leafUserId = 'id' in ref ? keyOfId(ref, { name: 'LeafUser', key: leafUserKey }).leafUserId : leafIdIn(ref.leafUserId, 'leafUserId', 'LeafUser');
    return { leafUserId };
  },
});

type ResolveReference = (representation: Representation, context: Context, info: GraphQLResolveInfo) => unknown;

function resolveReferenceOf(schema: GraphQLSchema, typename: string): ResolveReference | undefined {
  const type = schema.getType(typename);
  if (!isObjectType(type)) return undefined;
  const apollo = type.extensions.apollo as { subgraph?: { resolveReference?: ResolveReference } } | undefined;
  return apollo?.subgraph?.resolveReference;
}

async function resolveEntity(representation: unknown, context: Context, info: GraphQLResolveInfo): Promise<unknown> {
  if (typeof representation !== 'object' || representation === null || Array.isArray(representation)) {
    throw new RepresentationError('A representation is an object: the `__typename` of an entity and the fields of one of its keys.');
  }
  const { __typename: typename } = representation as Representation;
  const resolve = typeof typename === 'string' ? resolveReferenceOf(info.schema, typename) : undefined;
  if (typeof typename !== 'string' || !resolve) {
    throw new RepresentationError(`${JSON.stringify(String(typename)).slice(0, 80)} is not an entity of this subgraph: see the @key types of its \`_service { sdl }\`.`);
  }
  const entity = await resolve(representation as Representation, context, info);
  // `_Entity` is a union: graphql-js finds the member by `__typename`, which Leaf's records lack.
  if (typeof entity === 'object' && entity !== null && !('__typename' in entity)) {
    Object.defineProperty(entity, '__typename', { value: typename });
  }
  return entity;
}

/**
 * `_entities`, one promise per representation so a bad or refused one fails that entity only
 * (@apollo/subgraph's own resolver throws for the whole list on an unknown `__typename`).
 */
const resolveEntities: GraphQLFieldResolver<unknown, Context, { representations: readonly unknown[] }> = (_root, args, context, info) =>
  args.representations.map((representation) => resolveEntity(representation, context, info));

/**
 * The subgraph schema: the client schema plus `_service` (whose `sdl` is the text
 * schema/subgraph.graphql holds, from the same printer) and `_entities`.
 */
export function buildSubgraphSchema(): GraphQLSchema {
  const subgraph = builder.toSubGraphSchema({ linkUrl: FEDERATION_LINK, sortSchema: false });
  const fields = subgraph.getQueryType()!.getFields();
  let sdl: string | undefined;
  Object.assign(fields._service!, {
    description: 'This subgraph as a federation gateway composes it: its SDL with the federation directives (schema/subgraph.graphql).',
    resolve: () => ({ sdl: (sdl ??= printSubgraphSdl(subgraph)) }),
  });
  Object.assign(fields._entities!, {
    description:
      "The entities a federation gateway references by key, in order, through the same loaders as `nodes(ids:)`; an entry is null when Leaf has no such record, or (with the error at its path) when the representation is not one of this subgraph's keys (BAD_USER_INPUT) or Leaf refuses it (FORBIDDEN, ...).",
    resolve: resolveEntities,
  });
  fields._entities!.args[0]!.description = 'The references, each `{ __typename, ...the fields of one @key }`.';
  // Federation's own types come undescribed; every type this API serves is described.
  const described: Record<string, string> = {
    _Any: 'A representation: an entity\'s `__typename` and the fields of one of its keys.',
    _Entity: 'Every type a federation gateway can reference by key.',
    _Service: 'This subgraph, as federation gateways compose it.',
  };
  for (const [name, description] of Object.entries(described)) {
    const type = subgraph.getType(name);
    if (type && !type.description) type.description = description;
  }
  return subgraph;
}
