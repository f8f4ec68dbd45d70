// Events between replicas: with REDIS_URL, the replica that received an event publishes its
// verified body on one channel, and every other replica (every worker of every replica
// included) refreshes its caches, says so on a second channel and delivers it to its
// subscribers. The receiver acknowledges Leaf once every replica that heard the event has
// refreshed (or after REPLICA_REFRESH_WAIT_MS), so after Leaf has its 2xx no replica hands a
// request a read that was in flight before the event.
import { randomUUID } from 'node:crypto';
import { KEY_PREFIX, type SharedRedis } from '../server/redis.js';
import type { EventRelay } from './hub.js';

/** Where events go: `<id> <body>`, the id being `<replica>:<n>`. */
export const EVENTS_CHANNEL = `${KEY_PREFIX}events`;
/** Where a replica that refreshed for an event says so: the event's id. */
export const REFRESHED_CHANNEL = `${KEY_PREFIX}events-refreshed`;
/** A replica slower than this to refresh (hung, or gone without closing) does not hold up Leaf's acknowledgement. */
const REPLICA_REFRESH_WAIT_MS = 1_000;

interface Waiting {
  acknowledged: number;
  /** How many replicas heard it: known once PUBLISH answers (their acknowledgements may come first). */
  expected: number | null;
  done(): void;
}

export async function redisEventRelay(shared: SharedRedis, onRelayed: (body: string) => Promise<void>): Promise<EventRelay> {
  const subscriber = await shared.duplicate();
  const origin = randomUUID();
  let sent = 0;
  const waiting = new Map<string, Waiting>();
  await subscriber.subscribe(EVENTS_CHANNEL, REFRESHED_CHANNEL);
  subscriber.on('message', (channel: string, message: string) => {
    if (channel === REFRESHED_CHANNEL) {
      const wait = waiting.get(message);
      if (wait && ++wait.acknowledged >= (wait.expected ?? Infinity)) wait.done();
      return;
    }
    if (channel !== EVENTS_CHANNEL) return;
    const space = message.indexOf(' ');
    if (space < 0) return;
    const id = message.slice(0, space);
    if (id.startsWith(`${origin}:`)) return;
    void onRelayed(message.slice(space + 1))
      .catch(() => undefined)
      .finally(() => shared.redis.publish(REFRESHED_CHANNEL, id).catch(() => undefined));
  });
  return {
    async announce(body) {
      const id = `${origin}:${++sent}`;
      let timer: NodeJS.Timeout | undefined;
      const refreshed = new Promise<void>((resolve) => {
        waiting.set(id, { acknowledged: 0, expected: null, done: resolve });
        timer = setTimeout(resolve, REPLICA_REFRESH_WAIT_MS);
      });
      try {
        // Every connection subscribed to the channel hears it, this replica's own included.
        const heard = await shared.redis.publish(EVENTS_CHANNEL, `${id} ${body}`);
        const wait = waiting.get(id)!;
        wait.expected = heard - 1;
        if (wait.acknowledged < wait.expected) await refreshed;
      } catch {
        // Redis unreachable: the other replicas cannot hear it either; the shared store is already fresh or failed loudly.
      } finally {
        clearTimeout(timer);
        waiting.delete(id);
      }
    },
    async close() {
      await subscriber.unsubscribe(EVENTS_CHANNEL, REFRESHED_CHANNEL).catch(() => undefined);
    },
  };
}
