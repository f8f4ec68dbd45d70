// Identical upstream GETs with the same token share one upstream call while it is in flight,
// and once answered, with the requests that had already arrived while it was in flight (they
// could have joined it then; they reached it a little later). DataLoader removes duplicates
// inside one request; this removes them across concurrent requests (dashboards polling, a fleet
// of apps opening the same screen).
import { CancelSource, unlessCancelled, type Cancel } from './cancel.js';
import type { ReadTag } from './read-tags.js';

export type CoalesceKind = 'started' | 'joined';

export interface ReadScope {
  /** sha256 of the bearer token: keys and scopes never hold the token itself. */
  tokenHash: string;
  /** The Leaf user the call concerns (Assets API, as scopeUser spells it), or null (operations API). */
  leafUserId: string | null;
  /** What the read shows (src/leaf/read-tags.ts), so an event naming one of them detaches it. */
  tags: readonly ReadTag[];
}

interface SharedRead {
  scope: ReadScope;
  promise: Promise<unknown>;
  /** Stops the upstream call once no caller is left waiting for it. */
  cancel: CancelSource;
  waiters: number;
  settled: boolean;
  /** performance.now() when the call started. */
  startedAt: number;
  /** performance.now() when it was answered (not failed): later callers that arrived before then may still take it. */
  answeredAt: number | null;
  /** What it was answered with. */
  value?: unknown;
}

/** Requests with different tokens never share anything: the token's hash is part of the key. */
export function readKey(method: string, url: string, tokenHash: string): string {
  return `${method} ${url} ${tokenHash}`;
}

/**
 * The Leaf user as scopes compare it. Leaf's ids are opaque, but a user id a caller spelled in
 * another case may reach the same user: folding case only ever detaches a read too many.
 */
export function scopeUser(leafUserId: string): string {
  return leafUserId.toLowerCase();
}

/** The longest an answered read is held, whatever the join window (an unbounded one included). */
const MAX_HOLD_MS = 60_000;

export class ReadCoalescer {
  /** Reads in flight, and answered ones still within their join window. */
  private readonly reads = new Map<string, SharedRead>();
  private sweeping: NodeJS.Timeout | null = null;

  /**
   * `joinWindowMs`: how long a shared read may be joined. One slow upstream call (a stalled
   * Leaf node) would otherwise take down every identical request arriving until it times out;
   * the soak measured 6 % of answers timing out for 1.25 % of calls being slow. Past the window
   * the read is already slow, so a newcomer starts a fresh call instead of inheriting its fate.
   * An answered read is held for the same window after it started, for the callers that arrived
   * before its answer (then it is dropped: it bounds the memory answers hold).
   */
  constructor(
    private readonly report: (kind: CoalesceKind) => void,
    private readonly joinWindowMs: number = Number.POSITIVE_INFINITY,
    /** LEAF_COALESCE_WINDOW_MS: how long after its answer a read is still handed to requests that arrive (0: only to those that arrived before it). */
    private readonly afterAnswerMs = 0,
  ) {
    this.holdMs = Math.min(joinWindowMs, MAX_HOLD_MS);
  }

  /** How long after it started an answered read is held: its join window, never unbounded. */
  private readonly holdMs: number;

  /** Shared reads in flight that a new caller could still join. */
  get size(): number {
    let inFlight = 0;
    for (const shared of this.reads.values()) if (shared.answeredAt === null) inFlight += 1;
    return inFlight;
  }

  /**
   * Joins the identical read under `key`, or starts it with `start`. A caller joins a read in
   * flight, or an answered one if the caller arrived (`arrivedAt`, performance.now() when its
   * request arrived; default now) before the answer did: it could have joined that read while it
   * was in flight, so it sees nothing older than in-flight sharing would show it. The shared call
   * gets its own Cancel: one caller's hang-up or timeout (`cancel`) only ends that caller's wait.
   * Everyone who joined sees the same outcome, failure included; a failed read is gone once it
   * settles, so a later caller starts afresh.
   */
  run<T>(key: string, scope: ReadScope, start: (cancel: Cancel) => Promise<T>, cancel?: Cancel, arrivedAt?: number): Promise<T> {
    if (cancel?.cancelled) return Promise.reject(cancel.reason);
    const now = performance.now();
    let shared = this.reads.get(key);
    // Those already waiting keep the old call; it only stops taking newcomers.
    if (shared && (now - shared.startedAt > (shared.answeredAt === null ? this.joinWindowMs : this.holdMs) || (shared.answeredAt !== null && (arrivedAt ?? now) > shared.answeredAt + this.afterAnswerMs))) {
      this.reads.delete(key);
      shared = undefined;
    }
    if (shared) this.report('joined');
    else {
      const source = new CancelSource();
      const created: SharedRead = {
        scope,
        cancel: source,
        promise: start(source),
        waiters: 0,
        settled: false,
        startedAt: now,
        answeredAt: null,
      };
      created.promise.then(
        (value) => {
          created.settled = true;
          if (this.reads.get(key) !== created) return;
          created.value = value;
          created.answeredAt = performance.now();
          this.sweepLater();
        },
        () => {
          created.settled = true;
          if (this.reads.get(key) === created) this.reads.delete(key);
        },
      );
      this.reads.set(key, created);
      this.report('started');
      shared = created;
    }
    return this.wait(key, shared, cancel) as Promise<T>;
  }

  /**
   * Drops the answered read under `key` if it was answered with `value`: an answer its reader
   * refused is an error, and errors are shared only with those who joined before it settled.
   */
  forget(key: string, value: unknown): void {
    const shared = this.reads.get(key);
    if (shared?.answeredAt !== null && shared?.value === value) this.reads.delete(key);
  }

  /** Drops answered reads past their join window, once a window after the first is held (timer unref'd). */
  private sweepLater(): void {
    if (this.sweeping) return;
    this.sweeping = setTimeout(() => {
      this.sweeping = null;
      const now = performance.now();
      let held = false;
      for (const [key, shared] of this.reads) {
        if (now - shared.startedAt > (shared.answeredAt === null ? this.joinWindowMs : this.holdMs)) this.reads.delete(key);
        else held ||= shared.answeredAt !== null;
      }
      if (held) this.sweepLater();
    }, this.holdMs + 1);
    this.sweeping.unref();
  }

  private wait(key: string, shared: SharedRead, cancel: Cancel | undefined): Promise<unknown> {
    shared.waiters += 1;
    // An answered read has no call left to stop, and its answer reaches the caller (not cancelled:
    // run checked) in the next microtask, before any hang-up or deadline can fire: no wait to end.
    if (!cancel || shared.answeredAt !== null) return shared.promise;
    return unlessCancelled(shared.promise, cancel, () => {
      this.leave(key, shared, cancel.reason);
      return cancel.reason;
    });
  }

  /** `reason`: why the last caller left, handed to the call (a deadline is not a hang-up). */
  private leave(key: string, shared: SharedRead, reason: Error | undefined): void {
    shared.waiters -= 1;
    if (shared.waiters > 0 || shared.settled) return;
    // Nobody is left to read the answer: stop the call, and let no later caller join it.
    if (this.reads.get(key) === shared) this.reads.delete(key);
    shared.cancel.cancel(reason);
  }

  /**
   * WRITES WIN. Called by the client just before a write for `leafUserId` is sent, and again
   * once it is answered (or fails). It detaches every shared read (in flight or held) of that user's
   * resources (paths under /users/{leafUserId}/, whatever the token) and, because reads of
   * the operations API name no user, every in-flight read of the writing token that names no
   * user. Callers already waiting keep their answer (their read began before the write), but
   * a request that starts after the write was sent never joins a read that started before it,
   * and one that starts after the write was answered never joins a read that may have reached
   * Leaf before the write did.
   */
  detachForWrite(leafUserId: string, tokenHash: string): void {
    const user = scopeUser(leafUserId);
    for (const [key, shared] of this.reads) {
      const { scope } = shared;
      if (scope.leafUserId === user || (scope.leafUserId === null && scope.tokenHash === tokenHash)) {
        this.reads.delete(key);
      }
    }
  }

  /**
   * A Leaf event made these tags stale: no caller from now on joins a read, in flight or held,
   * that shows one of them (it may have reached Leaf before the change). Those already waiting keep it.
   */
  detachShowing(stale: ReadonlySet<ReadTag>): void {
    for (const [key, shared] of this.reads) {
      if (shared.scope.tags.some((tag) => stale.has(tag))) this.reads.delete(key);
    }
  }
}
