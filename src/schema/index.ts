// The schema: the modules that add types to the builder, and nothing else.
import { GraphQLDeferDirective, GraphQLStreamDirective } from '@graphql-tools/utils';
import { specifiedDirectives } from 'graphql';
import { builder } from './builder.js';
// Shared by the domains: the Error interface and its types, enums over Leaf's value lists,
// filter and sort inputs, measurements.
import './errors.js';
import './enums.js';
import './filters.js';
import './measurement.js';
// Every domain module (LeafUser, machines, implements, operators, files, events), listed by
// `npm run codegen`.
import './domains.js';

// Every directive the server accepts, so the printed schema is the served one: the specified
// ones, and @defer/@stream, which the defer-stream plugin would otherwise add at run time.
const directives = [...specifiedDirectives, GraphQLDeferDirective, GraphQLStreamDirective];

// Federation: the entity keys, declared over the types above.
import { buildSubgraphSchema } from './federation.js';
import { resolveNodeIdsDirectly } from './relay/node-ids.js';

/** The client schema: schema/schema.graphql. */
export const schema = resolveNodeIdsDirectly(builder.toSchema({ sortSchema: false, directives }));
/** What /graphql serves: the client schema plus federation's `_service` and `_entities` (schema/subgraph.graphql). */
export const subgraphSchema = resolveNodeIdsDirectly(buildSubgraphSchema());
