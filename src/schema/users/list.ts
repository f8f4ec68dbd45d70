// A Leaf user's page/size list (machines, implements, operators) as a Relay connection.
// Every row it returns primes that type's per-ID loader, so looking the same record up again
// anywhere in the request costs no call.
import type { GraphQLResolveInfo } from 'graphql';
import type { Query } from '../../leaf/client.js';
import { assetKey, assetOf, type Asset, type AssetRecord } from '../assets/asset.js';
import type { ConnectionArgs } from '../relay/connection.js';
import { cursorKeyOf } from '../relay/cursor.js';
import { resolveLeafConnection, type ConnectionShape } from '../relay/resolve.js';

export interface UserListOptions<R extends AssetRecord> {
  /** Names the list in cursors, so a cursor of one list is refused by another. */
  list: string;
  leafUserId: string;
  /** Filter and sort parameters, without page/size. */
  query: Query;
  fetch: (query: Query) => Promise<readonly R[]>;
  loader: { prime(key: string, value: Asset<R>): unknown };
}

export function resolveUserList<R extends AssetRecord>(
  args: ConnectionArgs,
  info: GraphQLResolveInfo,
  options: UserListOptions<R>,
): Promise<ConnectionShape<Asset<R>>> {
  const { leafUserId, query, loader } = options;
  const key = cursorKeyOf(`${options.list}:${leafUserId}`, query);
  return resolveLeafConnection(args, info, key, async ({ page, size }) => {
    const rows = await options.fetch({ ...query, page, size });
    return rows.map((row) => {
      const asset = assetOf(leafUserId, row);
      loader.prime(assetKey(leafUserId, row.id), asset);
      return asset;
    });
  });
}
