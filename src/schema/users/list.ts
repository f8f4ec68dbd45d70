// A Leaf user's page/size list (machines, implements, operators) as a Relay connection.
// Every row it returns primes that type's per-ID loader, so looking the same record up again
// anywhere in the request costs no call.
import type { GraphQLResolveInfo } from 'graphql';
import type { Query } from '../../leaf/client.js';
import type { ConnectionArgs } from '../relay/connection.js';
import { cursorKeyOf } from '../relay/cursor.js';
import { resolveLeafConnection, type ConnectionShape } from '../relay/resolve.js';

export interface UserListOptions<T extends { id: string }> {
  /** Names the list in cursors, so a cursor of one list is refused by another. */
  list: string;
  leafUserId: string;
  /** Filter and sort parameters, without page/size. */
  query: Query;
  fetch: (query: Query) => Promise<T[]>;
  loader: { prime(key: string, value: NoInfer<T> & { leafUserId: string }): unknown };
  keyOf: (leafUserId: string, id: string) => string;
}

export function resolveUserList<T extends { id: string }>(
  args: ConnectionArgs,
  info: GraphQLResolveInfo,
  options: UserListOptions<T>,
): Promise<ConnectionShape<T & { leafUserId: string }>> {
  const { leafUserId, query, loader } = options;
  const key = cursorKeyOf(`${options.list}:${leafUserId}`, query);
  return resolveLeafConnection(args, info, key, async ({ page, size }) => {
    const rows = await options.fetch({ ...query, page, size });
    return rows.map((row) => {
      const normalized = { ...row, leafUserId };
      loader.prime(options.keyOf(leafUserId, row.id), normalized);
      return normalized;
    });
  });
}
