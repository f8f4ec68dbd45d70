// connectionFromPages: a Pothos connection field's answer over a page/size list. Reads the
// selection, resolves the window (resolve-window.ts) and builds the edges with their cursors.
import type { GraphQLResolveInfo } from 'graphql';
import type { PageRequest } from './window.js';
import { resolveWindow, type ConnectionArgs } from './resolve-window.js';
import { cursorEncoder } from './cursor.js';
import { connectionSelection } from './selection.js';

export interface ConnectionShape<T> {
  edges: { node: T; cursor: string }[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  totalCount: number | null;
}

/**
 * One edge. Its cursor is encoded only when read: a query selecting `nodes` alone pays for none.
 * A class, so the getter is on its prototype, not a closure made for every item of every page.
 */
class Edge<T> {
  constructor(
    readonly node: T,
    private readonly offset: number,
    private readonly encode: (offset: number) => string,
  ) {}

  get cursor(): string {
    return this.encode(this.offset);
  }
}

export async function connectionFromPages<T>(
  args: ConnectionArgs,
  info: GraphQLResolveInfo,
  cursorKey: string,
  fetchPage: (request: PageRequest) => Promise<T[]>,
): Promise<ConnectionShape<T>> {
  const result = await resolveWindow(args, connectionSelection(info), fetchPage, cursorKey);
  const encode = cursorEncoder(cursorKey);
  const edges = result.items.map(({ node, offset }) => new Edge(node, offset, encode));
  const first = result.items[0];
  const last = result.items.at(-1);
  return {
    edges,
    pageInfo: {
      hasNextPage: result.hasNextPage,
      hasPreviousPage: result.hasPreviousPage,
      get startCursor() {
        return first ? encode(first.offset) : null;
      },
      get endCursor() {
        return last ? encode(last.offset) : null;
      },
    },
    totalCount: result.totalCount,
  };
}
