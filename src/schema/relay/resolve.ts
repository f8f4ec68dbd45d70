// From a Pothos connection field to the pure window resolver and back: reads the selection,
// resolves the window against Leaf's page/size lists, and builds edges with cursors.
import type { GraphQLResolveInfo } from 'graphql';
import type { PageRequest } from './window.js';
import { resolveConnection, type ConnectionArgs } from './connection.js';
import { encodeCursor } from './cursor.js';
import { connectionSelection } from './selection.js';

export interface ConnectionShape<T> {
  edges: { node: T; cursor: string }[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  totalCount: number | null;
}

export async function resolveLeafConnection<T>(
  args: ConnectionArgs,
  info: GraphQLResolveInfo,
  cursorKey: string,
  fetchPage: (request: PageRequest) => Promise<T[]>,
): Promise<ConnectionShape<T>> {
  const result = await resolveConnection(args, connectionSelection(info), fetchPage, cursorKey);
  const edges = result.items.map(({ node, offset }) => ({ node, cursor: encodeCursor(cursorKey, offset) }));
  return {
    edges,
    pageInfo: {
      hasNextPage: result.hasNextPage,
      hasPreviousPage: result.hasPreviousPage,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    totalCount: result.totalCount,
  };
}
