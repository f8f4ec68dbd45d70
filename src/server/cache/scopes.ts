// Which Leaf users a cached response depends on. The cache plugin collects every object's
// global ID (it adds `id` to each selection); the global IDs of user-owned objects (LeafUser,
// Machine, Implement, Operator, MachineFile) begin with the Leaf user id, so each response is
// tagged with one scope per Leaf user it shows. A write for that user drops them all.
import type { Cache } from '@graphql-yoga/plugin-response-cache';
import { decodeGlobalId } from '../../schema/relay/global-id.js';

/** `{ typename, id? }`: what the cache plugin collects and invalidates by. */
export type CacheEntityRecord = Parameters<Cache['invalidate']>[0] extends Iterable<infer R> ? R : never;

/** Typename of the scope tags; the store keys them `LeafScope:<uuid>`. */
export const SCOPE_TYPENAME = 'LeafScope';

/**
 * The first UUID of each decodable global ID. For types that are not owned by a user (a
 * LeafFile) that is the object's own id: a harmless extra tag, never a missing one.
 */
export function scopesOf(entities: Iterable<CacheEntityRecord>): Set<string> {
  const scopes = new Set<string>();
  for (const entity of entities) {
    if (entity.typename === SCOPE_TYPENAME && entity.id !== undefined) {
      scopes.add(String(entity.id));
      continue;
    }
    if (typeof entity.id !== 'string') continue;
    try {
      const first = decodeGlobalId(entity.id).id.split(':')[0];
      // Parts are percent-encoded Leaf ids (relay/global-id.ts).
      if (first) scopes.add(decodeURIComponent(first).toLowerCase());
    } catch {
      // Not one of our global IDs (e.g. an `id` field of a non-node type): nothing to tag.
    }
  }
  return scopes;
}

export function scopeRecords(scopes: Iterable<string>): CacheEntityRecord[] {
  return [...scopes].map((id) => ({ typename: SCOPE_TYPENAME, id: id.toLowerCase() }));
}
