// The schema: every module that adds types to the builder, imported by name, and nothing else.
import { GraphQLDeferDirective, GraphQLStreamDirective } from '@graphql-tools/utils';
import { specifiedDirectives } from 'graphql';
import { builder } from './builder.js';
// Shared by the domains: the Error interface and its types, enums over Leaf's value lists,
// filter and sort inputs, measurements.
import './errors.js';
import './enums.js';
import './filters.js';
import './measurement.js';
// LeafUser, the owner every list hangs from.
import './users/types.js';
// Machines: the type, LeafUser.machines, Machine.files and MachineFile, the mutations.
import './machines/types.js';
import './machines/connection.js';
import './machines/machine-files.js';
import './machines/inputs.js';
import './machines/mutations.js';
// Implements and operators.
import './implements/types.js';
import './operators/types.js';
// Machine data: LeafFile, its summary and points, field operations.
import './files/leaf-file.js';
import './files/summary.js';
import './files/points.js';
import './files/operation.js';
// Live data: Subscription.leafEvents and the event types.
import './events/types.js';

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
