// Where Leaf's events meet the gateway: an event received here (the webhook, the catch-up at
// start) or by another replica or worker makes every cache of this process fresh first (the
// response cache, shared in-flight reads, parked points cursors), then reaches the subscribers
// of its Leaf user. Events received here are announced to the other replicas (Redis
// publish/subscribe) and workers (the cluster primary), which do the same.
import { GraphQLError } from 'graphql';
import { Repeater, SlidingBuffer } from 'graphql-yoga';
import type { ResponseCache } from '../server/cache/index.js';
import type { ErrorCode } from '../errors/codes.js';
import type { LeafClient } from '../leaf/client.js';
import { scopeUser } from '../leaf/coalesce.js';
import type { Logger } from '../server/observability/logger.js';
import type { LeafEventName } from './catalogue.js';
import { staleTagsOf } from './freshness.js';
import { readDelivery, type LeafEvent, type UnplacedEvent } from './read.js';

/** What a subscriber's stream carries: an event, or the refusal that ends it. */
export type LiveItem = { event: LeafEvent } | { refused: Error };

/** How events reach the other replicas or workers: the raw signed body, read again there. */
export interface EventRelay {
  /** Resolves once the others have refreshed, or after the relay's bound (a sibling or replica that hangs). */
  announce(body: string): Promise<void> | void;
  close(): Promise<void>;
}

export interface LiveLimits {
  /** Open subscriptions in this process, all tokens together. */
  maxSubscriptions: number;
  /** Open subscriptions of one token in this process. */
  maxPerToken: number;
}

/** What metrics count (src/server/observability/metrics.ts). */
export interface LiveEventsReport {
  received(outcome: 'placed' | 'unplaced' | 'duplicate' | 'refused', origin: 'webhook' | 'catch-up' | 'relay'): void;
  subscriptions(open: number): void;
  delivered(): void;
}

interface Subscriber {
  leafUserId: string;
  tokenHash: string;
  types: ReadonlySet<LeafEventName> | null;
  push(item: LiveItem): void;
  end(): void;
}

/** A Leaf event or one the gateway cannot place, as both kinds travel between processes. */
export type AnyEvent = LeafEvent | UnplacedEvent;

function limitError(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'TOO_MANY_SUBSCRIPTIONS' satisfies ErrorCode } });
}

/** How many events a slow subscriber may fall behind by; past that its oldest undelivered go. */
const SUBSCRIBER_BUFFER = 256;

export class LiveEvents {
  private readonly byUser = new Map<string, Set<Subscriber>>();
  private readonly perToken = new Map<string, number>();
  private total = 0;
  private readonly relays: EventRelay[] = [];
  private ended = false;

  constructor(
    private readonly parts: { client: LeafClient; cache: ResponseCache | null; logger: Logger; report?: LiveEventsReport },
    private readonly limits: LiveLimits,
  ) {}

  get subscriptions(): number {
    return this.total;
  }

  /** True once the drain has ended every stream (endAll): a stream that ends now ends for it. */
  get ending(): boolean {
    return this.ended;
  }

  relayThrough(relay: EventRelay): void {
    this.relays.push(relay);
  }

  /**
   * Makes every cache of this process fresh for what the event names. Resolves once the
   * response cache has dropped it (the shared Redis store included), so an answer sent after
   * this cannot show the old state.
   */
  async refresh(event: AnyEvent): Promise<void> {
    const tags = staleTagsOf(event);
    if (tags.length === 0) return;
    this.parts.client.detachReadsShowing(new Set(tags));
    if (event.family === 'file') this.parts.client.points.forgetFile(event.fileId);
    await this.parts.cache?.invalidate(tags, 'event');
  }

  /** Tells the other replicas and workers about an event received here (they refresh and deliver it too). */
  async announce(body: string): Promise<void> {
    await Promise.all(this.relays.map((relay) => relay.announce(body)));
  }

  /** An event another replica or worker received (its raw body, verified there): refreshed, then delivered here. */
  async relayed(body: string): Promise<void> {
    let delivery;
    try {
      delivery = readDelivery(JSON.parse(body));
    } catch {
      return;
    }
    if (delivery.kind !== 'event' && delivery.kind !== 'unplaced') return;
    this.parts.report?.received(delivery.kind === 'event' ? 'placed' : 'unplaced', 'relay');
    await this.refresh(delivery.event);
    this.deliver(delivery.event);
  }

  /** Hands the event to this process's subscribers of its Leaf user. Call after refresh. */
  deliver(event: AnyEvent): void {
    if (event.family === null || this.ended) return;
    const subscribers = this.byUser.get(scopeUser(event.leafUserId));
    if (!subscribers) return;
    for (const subscriber of subscribers) {
      if (subscriber.types && !subscriber.types.has(event.type)) continue;
      subscriber.push({ event });
      this.parts.report?.delivered();
    }
  }

  /**
   * A stream of the user's events for one subscriber, or a TOO_MANY_SUBSCRIPTIONS error past a
   * bound. `watch` runs while the stream is open (the periodic token check); it may end it with
   * a refusal through the `refuse` it is given, and returns its own cleanup.
   */
  subscribe(
    options: { leafUserId: string; tokenHash: string; types: readonly LeafEventName[] | null },
    watch: (refuse: (error: Error) => void) => () => void,
  ): AsyncIterableIterator<LiveItem> {
    if (this.ended) throw new GraphQLError('The gateway is shutting down: subscribe again on another replica.', { extensions: { code: 'SHUTTING_DOWN' satisfies ErrorCode } });
    const mine = this.perToken.get(options.tokenHash) ?? 0;
    if (mine >= this.limits.maxPerToken) {
      throw limitError(`This token already holds ${mine} subscriptions on this gateway, its most (SUBSCRIPTIONS_PER_TOKEN). Close one before opening another.`);
    }
    if (this.total >= this.limits.maxSubscriptions) {
      throw limitError(`This gateway already serves ${this.total} subscriptions, its most (SUBSCRIPTIONS_MAX). Retry later or on another replica.`);
    }
    const user = scopeUser(options.leafUserId);
    this.perToken.set(options.tokenHash, mine + 1);
    this.total += 1;
    this.parts.report?.subscriptions(this.total);
    return new Repeater<LiveItem>(async (push, stop) => {
      const subscriber: Subscriber = {
        leafUserId: user,
        tokenHash: options.tokenHash,
        types: options.types ? new Set(options.types) : null,
        push: (item) => void push(item).catch(() => undefined),
        end: () => stop(),
      };
      let subscribers = this.byUser.get(user);
      if (!subscribers) this.byUser.set(user, (subscribers = new Set()));
      subscribers.add(subscriber);
      const unwatch = watch((error) => {
        subscriber.push({ refused: error });
        stop();
      });
      await stop;
      unwatch();
      subscribers.delete(subscriber);
      if (subscribers.size === 0) this.byUser.delete(user);
      const left = (this.perToken.get(options.tokenHash) ?? 1) - 1;
      if (left > 0) this.perToken.set(options.tokenHash, left);
      else this.perToken.delete(options.tokenHash);
      this.total -= 1;
      this.parts.report?.subscriptions(this.total);
    }, new SlidingBuffer(SUBSCRIBER_BUFFER));
  }

  /** Drain: every stream ends cleanly (its client sees `complete`), and no new one opens. */
  endAll(): void {
    this.ended = true;
    for (const subscribers of this.byUser.values()) for (const subscriber of subscribers) subscriber.end();
  }

  async close(): Promise<void> {
    this.endAll();
    await Promise.allSettled(this.relays.map((relay) => relay.close()));
  }
}
