// listConnection: a Leaf page/size list (a user's machines, implements, operators; a machine's
// files) as a Relay connection. Every row it returns primes its type's per-ID loader, so looking
// the same record up again anywhere in the request costs no call.
import type { GraphQLResolveInfo } from 'graphql';
import type { Query } from '../leaf/client.js';
import { cursorKeyOf } from './relay/cursor.js';
import { connectionFromPages, type ConnectionShape } from './relay/page-connection.js';
import type { ConnectionArgs } from './relay/resolve-window.js';

export interface ListOptions<R, N, K> {
  /** Names the list and its owner in cursors, so a cursor of one list is refused by another. */
  list: string;
  /** Filter and sort parameters, without page/size. */
  query: Query;
  fetch: (query: Query) => Promise<readonly R[]>;
  /** A row as the GraphQL type holds it, and its loader key. */
  node: (row: R) => N;
  keyOf: (node: N) => K;
  loader: { prime(key: K, value: NoInfer<N>): unknown };
}

export function listConnection<R, N, K>(args: ConnectionArgs, info: GraphQLResolveInfo, options: ListOptions<R, N, K>): Promise<ConnectionShape<N>> {
  const { query, loader } = options;
  return connectionFromPages(args, info, cursorKeyOf(options.list, query), async ({ page, size }) => {
    const rows = await options.fetch({ ...query, page, size });
    return rows.map((row) => {
      const node = options.node(row);
      loader.prime(options.keyOf(node), node);
      return node;
    });
  });
}
