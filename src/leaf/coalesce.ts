// Identical upstream GETs in flight at the same moment, with the same token, share one
// upstream call. DataLoader removes duplicates inside one request; this removes them across
// concurrent requests (dashboards polling, a fleet of apps opening the same screen).
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

export class ReadCoalescer {
  private readonly inFlight = new Map<string, SharedRead>();

  /**
   * `joinWindowMs`: how long a shared read may be joined. One slow upstream call (a stalled
   * Leaf node) would otherwise take down every identical request arriving until it times out;
   * the soak measured 6 % of answers timing out for 1.25 % of calls being slow. Past the window
   * the read is already slow, so a newcomer starts a fresh call instead of inheriting its fate.
   */
  constructor(
    private readonly report: (kind: CoalesceKind) => void,
    private readonly joinWindowMs: number = Number.POSITIVE_INFINITY,
  ) {}

  /** Shared reads that a new caller could still join. */
  get size(): number {
    return this.inFlight.size;
  }

  /**
   * Joins the identical read in flight under `key`, or starts it with `start`. The shared call
   * gets its own Cancel: one caller's hang-up or timeout (`cancel`) only ends that caller's wait.
   * Everyone who joined sees the same outcome, failure included; the entry is gone once the
   * call settles, so a later caller starts afresh.
   */
  run<T>(key: string, scope: ReadScope, start: (cancel: Cancel) => Promise<T>, cancel?: Cancel): Promise<T> {
    if (cancel?.cancelled) return Promise.reject(cancel.reason);
    let shared = this.inFlight.get(key);
    // Those already waiting keep the old call; it only stops taking newcomers.
    if (shared && performance.now() - shared.startedAt > this.joinWindowMs) {
      this.inFlight.delete(key);
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
        startedAt: performance.now(),
      };
      const settle = (): void => {
        created.settled = true;
        if (this.inFlight.get(key) === created) this.inFlight.delete(key);
      };
      created.promise.then(settle, settle);
      this.inFlight.set(key, created);
      this.report('started');
      shared = created;
    }
    return this.wait(key, shared, cancel) as Promise<T>;
  }

  private wait(key: string, shared: SharedRead, cancel: Cancel | undefined): Promise<unknown> {
    shared.waiters += 1;
    if (!cancel) return shared.promise;
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
    if (this.inFlight.get(key) === shared) this.inFlight.delete(key);
    shared.cancel.cancel(reason);
  }

  /**
   * WRITES WIN. Called by the client just before a write for `leafUserId` is sent, and again
   * once it is answered (or fails). It detaches every in-flight shared read of that user's
   * resources (paths under /users/{leafUserId}/, whatever the token) and, because reads of
   * the operations API name no user, every in-flight read of the writing token that names no
   * user. Callers already waiting keep their answer (their read began before the write), but
   * a request that starts after the write was sent never joins a read that started before it,
   * and one that starts after the write was answered never joins a read that may have reached
   * Leaf before the write did.
   */
  detachForWrite(leafUserId: string, tokenHash: string): void {
    const user = scopeUser(leafUserId);
    for (const [key, shared] of this.inFlight) {
      const { scope } = shared;
      if (scope.leafUserId === user || (scope.leafUserId === null && scope.tokenHash === tokenHash)) {
        this.inFlight.delete(key);
      }
    }
  }

  /**
   * A Leaf event made these tags stale: no request starting from now joins a read in flight that
   * shows one of them (it may have reached Leaf before the change). Those already waiting keep it.
   */
  detachShowing(stale: ReadonlySet<ReadTag>): void {
    for (const [key, shared] of this.inFlight) {
      if (shared.scope.tags.some((tag) => stale.has(tag))) this.inFlight.delete(key);
    }
  }
}
