// Events between replicas: with REDIS_URL, the replica that received an event publishes its
// verified body on one channel, and every other replica (every worker of every replica
// included) refreshes its caches and delivers it to its subscribers.
import { randomUUID } from 'node:crypto';
import { KEY_PREFIX, type SharedRedis } from '../server/redis.js';
import type { EventRelay } from './hub.js';

const EVENTS_CHANNEL = `${KEY_PREFIX}events`;

export async function redisEventRelay(shared: SharedRedis, onRelayed: (body: string) => void): Promise<EventRelay> {
  const subscriber = await shared.duplicate();
  const origin = randomUUID();
  await subscriber.subscribe(EVENTS_CHANNEL);
  subscriber.on('message', (channel: string, message: string) => {
    if (channel !== EVENTS_CHANNEL) return;
    const space = message.indexOf(' ');
    if (space < 0 || message.slice(0, space) === origin) return;
    onRelayed(message.slice(space + 1));
  });
  return {
    announce(body) {
      shared.redis.publish(EVENTS_CHANNEL, `${origin} ${body}`).catch(() => undefined);
    },
    async close() {
      await subscriber.unsubscribe(EVENTS_CHANNEL).catch(() => undefined);
    },
  };
}
