// The Redis a gateway's replicas share, at REDIS_URL: one connection per gateway, opened at
// start (a Redis that cannot be reached then stops the start), used by the response cache
// (src/server/cache/redis.ts) and by the automatic persisted queries (src/server/persisted/automatic.ts),
// each of which works without the other.
import { Redis } from 'ioredis';

/** Every key the gateway writes starts with it; channels (which keyPrefix skips) spell it out. */
export const KEY_PREFIX = 'leaf-gateway:';
const CONNECT_TIMEOUT_MS = 3_000;
// A slow Redis must not hold up answers: past this a command counts as a miss.
const COMMAND_TIMEOUT_MS = 1_000;

/** Where REDIS_URL points, without its password, for messages. */
export function redisLocation(url: string): string {
  const parsed = new URL(url);
  return `${parsed.protocol}//${parsed.host}`;
}

/** Connects `connections` (a new one, or duplicates of it), or throws naming REDIS_URL. */
async function connectAll(url: string, connections: Redis[]): Promise<void> {
  // Connection errors surface as failed commands (counted and logged by their users); the
  // last one explains a failed start better than ioredis's "Connection is closed".
  let lastError: unknown;
  for (const connection of connections) connection.on('error', (error: unknown) => (lastError = error));
  try {
    await Promise.all(connections.map((connection) => connection.connect()));
  } catch (error) {
    for (const connection of connections) connection.disconnect();
    const cause = lastError ?? error;
    const reason = cause instanceof Error ? cause.message : String(cause);
    throw new Error(`REDIS_URL: could not connect to Redis at ${redisLocation(url)} (${reason})`);
  }
}

export interface SharedRedis {
  /** Commands, with keys under KEY_PREFIX. */
  redis: Redis;
  /** A second connection to the same Redis, e.g. for a subscriber (which can run nothing else). */
  duplicate(): Promise<Redis>;
  close(): Promise<void>;
}

export async function connectRedis(url: string): Promise<SharedRedis> {
  const redis = new Redis(url, {
    lazyConnect: true,
    keyPrefix: KEY_PREFIX,
    connectTimeout: CONNECT_TIMEOUT_MS,
    commandTimeout: COMMAND_TIMEOUT_MS,
    // Fail commands at once while disconnected instead of queueing requests behind Redis.
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
  });
  const connections = [redis];
  await connectAll(url, connections);
  return {
    redis,
    async duplicate() {
      const copy = redis.duplicate();
      await connectAll(url, [copy]);
      connections.push(copy);
      return copy;
    },
    async close() {
      await Promise.allSettled(connections.map((connection) => connection.quit()));
      // Stops reconnect attempts to a Redis that is already gone.
      for (const connection of connections) connection.disconnect();
    },
  };
}
