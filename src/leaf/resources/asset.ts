// What machines, implements and operators share as Leaf resources: the Assets API's paths of one
// Leaf user's records, their key, and what their reads show; each declares the rest.
import { readTags, type ReadTag } from '../read-tags.js';
import { recordKey } from './key.js';
import { ASSETS_PREFIX, type ListParameters, type UserResource } from './resource.js';

export interface AssetDeclaration<R, L extends ListParameters | undefined> {
  /** The breaker group, when not `<name>`. */
  group?: string;
  read: (body: unknown) => R;
  readList: (body: unknown) => readonly R[];
  /** The tags of the user's list of them, and of one of them: besides the user's own tag. */
  listTag: (leafUserId: string) => ReadTag;
  itemTag: (id: string) => ReadTag;
  list: L;
}

/**
 * `/users/{leafUserId}/<name>` and `/users/{leafUserId}/<name>/{id}` (breaker group `<name>` unless declared),
 * keyed by the user and the record's id; every read shows the user too.
 */
export function assetResource<R, const L extends ListParameters | undefined = undefined>(
  name: string,
  declaration: AssetDeclaration<R, L>,
): UserResource<R> & { readonly list: L } {
  const { listTag, itemTag } = declaration;
  return {
    group: declaration.group ?? name,
    key: recordKey('leafUserId', 'id'),
    collection: `${ASSETS_PREFIX}/users/{leafUserId}/${name}`,
    item: `${ASSETS_PREFIX}/users/{leafUserId}/${name}/{id}`,
    read: declaration.read,
    readList: declaration.readList,
    shows: {
      list: ({ leafUserId }) => [readTags.user(leafUserId), listTag(leafUserId)],
      item: ({ leafUserId, id }) => [readTags.user(leafUserId), itemTag(id)],
    },
    list: declaration.list,
  };
}
