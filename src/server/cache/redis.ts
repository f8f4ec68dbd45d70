// The shared response store for several replicas: @envelop/response-cache-redis over the
// gateway's Redis (src/server/redis.ts), plus a pub/sub channel on which replicas announce Leaf writes
// to each other, so a read one replica has in flight while another writes is not stored
// afterwards. Invalidations are numbered in Redis, and an answer is stored only if none of its
// tags was invalidated after its execution started, on whichever replica that happened.
import { randomUUID } from 'node:crypto';
import { createRedisCache } from '@envelop/response-cache-redis';
import { KEY_PREFIX, type SharedRedis } from '../redis.js';
import { type BackingStore, type CacheEntityRecord } from './store.js';

const WRITES_CHANNEL = `${KEY_PREFIX}writes`;

/** How long a tag's last invalidation is remembered: longer than any execution lasts. */
const CHANGED_MS = 10 * 60_000;

/**
 * Drops every response stored under the tags given and the tags, in one step, and numbers the
 * invalidation (`invalidations`), remembering the number per tag (`changed:<tag>`). In one step:
 * the library's invalidate read a tag's members and deleted them in two round trips, so a
 * response another replica stored in between kept its key but lost its tag, and outlived every
 * later event. ARGV: key prefix (ioredis prefixes KEYS only), CHANGED_MS, then the tag keys.
 */
const INVALIDATE = `
local p = ARGV[1]
local sequence = redis.call('INCR', p .. 'invalidations')
for i = 3, #ARGV do
  redis.call('SET', p .. 'changed:' .. ARGV[i], sequence, 'PX', ARGV[2])
  for _, response in ipairs(redis.call('SMEMBERS', p .. ARGV[i])) do
    redis.call('DEL', p .. response)
  end
  redis.call('DEL', p .. ARGV[i])
end
return sequence`;

/**
 * Stores a response under its tags unless one of them was invalidated after `since` (the
 * number of invalidations when its execution started): a replica that has not yet heard of an
 * event (its relay comes through Redis after the receiving replica acknowledged it) would
 * otherwise store an answer it read before the change. ARGV: prefix, key, JSON, TTL, since, tags.
 */
const SET_UNLESS_CHANGED = `
local p = ARGV[1]
local since = tonumber(ARGV[5])
for i = 6, #ARGV do
  local changed = redis.call('GET', p .. 'changed:' .. ARGV[i])
  if changed and tonumber(changed) > since then return 0 end
end
redis.call('SET', p .. ARGV[2], ARGV[3], 'PX', ARGV[4])
for i = 6, #ARGV do
  redis.call('SADD', p .. ARGV[i], ARGV[2])
  redis.call('PEXPIRE', p .. ARGV[i], ARGV[4])
end
return 1`;

/** The two scripts above as commands of the connection (defineCommand). */
interface ScriptCommands {
  leafGatewayInvalidate(...args: (string | number)[]): Promise<number>;
  leafGatewaySetUnlessChanged(...args: (string | number)[]): Promise<number>;
}

export interface RedisStore {
  backing: BackingStore;
  /** How many invalidations Redis has numbered so far: what a query's store is checked against. */
  invalidations(): Promise<number>;
  /** Tells the other replicas that this one is writing for (or has written for) a Leaf user. */
  announceWrite(leafUserId: string): void;
}

export async function createRedisStore(shared: SharedRedis, onRemoteWrite: (leafUserId: string) => void): Promise<RedisStore> {
  const { redis } = shared;
  const subscriber = await shared.duplicate();
  const replica = randomUUID();
  await subscriber.subscribe(WRITES_CHANNEL);
  subscriber.on('message', (channel: string, message: string) => {
    if (channel !== WRITES_CHANNEL) return;
    const [origin, leafUserId] = message.split(' ');
    if (origin !== replica && leafUserId) onRemoteWrite(leafUserId);
  });

  // Sent once and run by their SHA afterwards (ioredis's EVALSHA, falling back to EVAL): each
  // uncached answer's store and each invalidation would otherwise send the script's text again.
  redis.defineCommand('leafGatewayInvalidate', { numberOfKeys: 0, lua: INVALIDATE });
  redis.defineCommand('leafGatewaySetUnlessChanged', { numberOfKeys: 0, lua: SET_UNLESS_CHANGED });
  const scripts = redis as unknown as ScriptCommands;
  const cache = createRedisCache({ redis });
  const tagKeys = (entities: Iterable<CacheEntityRecord>) => [...entities].map((record) => `${record.typename}:${record.id}`);
  const backing: BackingStore = {
    get: (key) => cache.get(key),
    async invalidate(entities) {
      const tags = tagKeys(entities);
      if (tags.length > 0) await scripts.leafGatewayInvalidate(KEY_PREFIX, CHANGED_MS, ...tags);
    },
    async set(key, result, entities, ttl, since) {
      // Without the number its execution started at, whether it read before a change is unknown.
      if (since === undefined) return;
      await scripts.leafGatewaySetUnlessChanged(KEY_PREFIX, key, JSON.stringify(result), ttl, since, ...tagKeys(entities));
    },
  };

  return {
    backing,
    invalidations: async () => Number((await redis.get('invalidations')) ?? 0),
    announceWrite(leafUserId) {
      redis.publish(WRITES_CHANNEL, `${replica} ${leafUserId}`).catch(() => {});
    },
  };
}
