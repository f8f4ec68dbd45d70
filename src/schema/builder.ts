// The one Pothos builder, its plugins, options and scalars. Domains add types to it;
// src/schema/index.ts imports them all and builds the schema.
import SchemaBuilder from '@pothos/core';
import DataloaderPlugin from '@pothos/plugin-dataloader';
import DirectivesPlugin from '@pothos/plugin-directives';
import ErrorsPlugin from '@pothos/plugin-errors';
import FederationPlugin from '@pothos/plugin-federation';
import RelayPlugin from '@pothos/plugin-relay';
import SimpleObjectsPlugin from '@pothos/plugin-simple-objects';
import { HexColorCodeResolver, JSONObjectResolver, JSONResolver } from 'graphql-scalars';
import type { Context } from '../context.js';
import { UPSTREAM_COST } from './demand.js';
import { decodeGlobalId, encodeGlobalId } from './relay/global-id.js';
import { ExactDateTimeScalar, ExactURLScalar, LeafIdScalar } from './scalars.js';

export type Scalars = {
  LeafId: { Input: string; Output: string };
  DateTime: { Input: Date; Output: Date | string };
  URL: { Input: URL; Output: string };
  JSON: { Input: unknown; Output: unknown };
  JSONObject: { Input: Record<string, unknown>; Output: Record<string, unknown> };
  HexColorCode: { Input: string; Output: string };
};

interface BuilderTypes {
  Context: Context;
  Scalars: Scalars;
  // Items of a page are nullable so one item's failing field (say, one machine's files)
  // nulls that item only, never the whole page (contract section 6).
  DefaultEdgesNullability: { list: false; items: true };
  DefaultNodeNullability: false;
}

/** The builder's types, for helpers that take its refs. */
export type Types = PothosSchemaTypes.ExtendDefaultTypes<BuilderTypes>;

export const builder = new SchemaBuilder<BuilderTypes>({
  // Federation last, after the plugins that wrap resolvers (its README asks so); it writes its
  // directives (@key, @cost, @listSize) through the directives plugin, for the subgraph SDL only.
  plugins: [ErrorsPlugin, RelayPlugin, DataloaderPlugin, SimpleObjectsPlugin, DirectivesPlugin, FederationPlugin],
  relay: {
    clientMutationId: 'omit',
    cursorType: 'String',
    nodesOnConnection: { description: 'The items of this page, when cursors are not needed.' },
    edgesFieldOptions: { nullable: { list: false, items: true }, description: 'The items of this page, each with its cursor.' },
    nodeFieldOptions: { nullable: false, description: 'The item.' },
    encodeGlobalID: encodeGlobalId,
    decodeGlobalID: decodeGlobalId,
    nodeTypeOptions: { description: 'An object with a global ID that `Query.node` and `Query.nodes` can fetch again.' },
    pageInfoTypeOptions: { description: 'Where a connection page sits in the whole list (Relay Cursor Connections).' },
    idFieldOptions: { description: 'Opaque global ID: encodes the type, the Leaf user and the Leaf id.' },
    nodeQueryOptions: {
      ...UPSTREAM_COST,
      description: 'Fetches any object by its global ID; null when it no longer exists.',
      args: { id: { description: 'A global ID returned by this API.' } },
    },
    nodesQueryOptions: {
      ...UPSTREAM_COST,
      description: 'Fetches several objects by global ID, in order; repeated IDs cost one upstream call each distinct ID.',
      args: { ids: { description: 'Global IDs returned by this API.' } },
    },
    hasNextPageFieldOptions: { description: 'True when items exist after this page.' },
    hasPreviousPageFieldOptions: { description: 'True when items exist before this page.' },
    startCursorFieldOptions: { description: 'Cursor of the first item of this page.' },
    endCursorFieldOptions: { description: 'Cursor of the last item of this page.' },
    cursorFieldOptions: { description: 'Opaque cursor of this item, for `after` or `before`.' },
    firstArgOptions: { description: 'Return the first n items (0 to 100) after `after`.' },
    lastArgOptions: { description: 'Return the last n items (0 to 100) before `before`.' },
    afterArgOptions: { description: 'Cursor from a previous page of this same list, filter and order.' },
    beforeArgOptions: { description: 'Cursor from a previous page of this same list, filter and order.' },
    pageInfoFieldOptions: { description: 'Where this page sits in the whole list.' },
  },
  errors: { defaultTypes: [] },
  directives: { useGraphQLToolsUnorderedDirectives: true },
});

builder.addScalarType('LeafId', LeafIdScalar);
builder.addScalarType('DateTime', ExactDateTimeScalar);
builder.addScalarType('URL', ExactURLScalar);
builder.addScalarType('JSON', JSONResolver);
builder.addScalarType('JSONObject', JSONObjectResolver);
builder.addScalarType('HexColorCode', HexColorCodeResolver);

builder.queryType({ description: 'Reads from the Leaf API, as one graph.' });
builder.mutationType({ description: 'Writes to the Leaf API: each sent once, never retried, with typed results.' });

// Every connection resolver returns the shape of relay/page-connection.ts, whose totalCount is
// counted only when this field is selected (see relay/count.ts).
builder.globalConnectionField('totalCount', (t) =>
  t.int({
    nullable: false,
    description: 'How many items match, across all pages; counted only when asked for.',
    resolve: (connection) => (connection as { totalCount?: number | null }).totalCount ?? 0,
  }),
);
