// The shared response store for several replicas: @envelop/response-cache-redis over ioredis,
// plus a pub/sub channel on which replicas announce Leaf writes to each other, so a read one
// replica has in flight while another writes is not stored afterwards; and, on the same
// connection, the automatic persisted queries every replica has registered.
import { randomUUID } from 'node:crypto';
import { createRedisCache } from '@envelop/response-cache-redis';
import { Redis } from 'ioredis';
import type { SharedDocuments } from '../persisted/automatic.js';
import type { BackingStore } from './store.js';
import { SCOPE_TYPENAME } from './scopes.js';

const KEY_PREFIX = 'leaf-gateway:';
const WRITES_CHANNEL = `${KEY_PREFIX}writes`;
const DOCUMENTS_PREFIX = 'apq:';
const CONNECT_TIMEOUT_MS = 3_000;
// A slow Redis must not hold up answers: past this a command counts as a miss.
const COMMAND_TIMEOUT_MS = 1_000;

export interface RedisStore {
  backing: BackingStore;
  documents: SharedDocuments;
  /** Tells the other replicas that this one is writing for (or has written for) a Leaf user. */
  announceWrite(leafUserId: string): void;
  close(): Promise<void>;
}

/** Where REDIS_URL points, without its password, for messages. */
export function redisLocation(url: string): string {
  const parsed = new URL(url);
  return `${parsed.protocol}//${parsed.host}`;
}

export async function connectRedis(url: string, onRemoteWrite: (leafUserId: string) => void): Promise<RedisStore> {
  const options = {
    lazyConnect: true,
    keyPrefix: KEY_PREFIX,
    connectTimeout: CONNECT_TIMEOUT_MS,
    commandTimeout: COMMAND_TIMEOUT_MS,
    // Fail commands at once while disconnected instead of queueing requests behind Redis.
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
  };
  const redis = new Redis(url, options);
  const subscriber = redis.duplicate();
  // Connection errors surface as failed commands (counted and logged by the store); the
  // last one explains a failed start better than ioredis's "Connection is closed".
  let lastError: unknown;
  redis.on('error', (error: unknown) => (lastError = error));
  subscriber.on('error', (error: unknown) => (lastError = error));
  try {
    await Promise.all([redis.connect(), subscriber.connect()]);
  } catch (error) {
    redis.disconnect();
    subscriber.disconnect();
    const cause = lastError ?? error;
    const reason = cause instanceof Error ? cause.message : String(cause);
    throw new Error(`REDIS_URL: could not connect to Redis at ${redisLocation(url)} (${reason})`);
  }

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
    invalidate: (entities) => cache.invalidate(entities),
    async set(key, result, entities, ttl) {
      const records = [...entities];
      await cache.set(key, result, records, ttl);
      // The library's tag sets never expire; each lives as long as its newest response.
      const expiry = redis.pipeline();
      expiry.pexpire(`operations:${key}`, ttl);
      for (const record of records) {
        if (record.typename === SCOPE_TYPENAME && record.id !== undefined) expiry.pexpire(`${SCOPE_TYPENAME}:${record.id}`, ttl);
      }
      await expiry.exec();
    },
  };

  const documents: SharedDocuments = {
    get: (hash) => redis.get(`${DOCUMENTS_PREFIX}${hash}`).catch(() => null),
    set(hash, query, ttlMs) {
      redis.set(`${DOCUMENTS_PREFIX}${hash}`, query, 'PX', ttlMs).catch(() => {});
    },
  };

  return {
    backing,
    documents,
    announceWrite(leafUserId) {
      redis.publish(WRITES_CHANNEL, `${replica} ${leafUserId}`).catch(() => {});
    },
    async close() {
      await Promise.allSettled([subscriber.quit(), redis.quit()]);
      // Stops reconnect attempts to a Redis that is already gone.
      subscriber.disconnect();
      redis.disconnect();
    },
  };
}
