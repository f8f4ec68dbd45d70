// The shared response store for several replicas: @envelop/response-cache-redis over the
// gateway's Redis (src/server/redis.ts), plus a pub/sub channel on which replicas announce Leaf writes
// to each other, so a read one replica has in flight while another writes is not stored
// afterwards.
import { randomUUID } from 'node:crypto';
import { createRedisCache } from '@envelop/response-cache-redis';
import { KEY_PREFIX, type SharedRedis } from '../redis.js';
import { TAG_TYPENAME, type BackingStore } from './store.js';

const WRITES_CHANNEL = `${KEY_PREFIX}writes`;

/**
 * Drops every response stored under the tag keys given, and the tags, in one step. The library's
 * own invalidate reads a tag's members and deletes them in two round trips: a response another
 * replica stored in between kept its key but lost its tag, so no later invalidation could find it.
 */
const INVALIDATE = `
for _, tag in ipairs(KEYS) do
  for _, response in ipairs(redis.call('SMEMBERS', tag)) do
    redis.call('DEL', ARGV[1] .. response, ARGV[1] .. 'operations:' .. response)
  end
  redis.call('DEL', tag)
end
return 0`;

export interface RedisStore {
  backing: BackingStore;
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

  const cache = createRedisCache({ redis });
  const backing: BackingStore = {
    get: (key) => cache.get(key),
    invalidate: async (entities) => {
      const tags = [...entities].map((record) => `${record.typename}:${record.id}`);
      // ioredis prefixes the KEYS; the response ids inside the sets are unprefixed.
      if (tags.length > 0) await redis.eval(INVALIDATE, tags.length, ...tags, KEY_PREFIX);
    },
    async set(key, result, entities, ttl) {
      const records = [...entities];
      await cache.set(key, result, records, ttl);
      // The library's tag sets never expire; each lives as long as its newest response.
      const expiry = redis.pipeline();
      expiry.pexpire(`operations:${key}`, ttl);
      for (const record of records) {
        if (record.typename === TAG_TYPENAME && record.id !== undefined) expiry.pexpire(`${TAG_TYPENAME}:${record.id}`, ttl);
      }
      await expiry.exec();
    },
  };

  return {
    backing,
    announceWrite(leafUserId) {
      redis.publish(WRITES_CHANNEL, `${replica} ${leafUserId}`).catch(() => {});
    },
  };
}
