// How an upstream call learns that nobody waits for it any more. An AbortSignal would do, but
// each AbortController and each abort listener costs microseconds, and one GraphQL request
// can make a hundred calls: a Cancel is a plain object with a Set of listeners, and a request's
// AbortSignal gets one listener however many of its calls are in flight.

export interface Cancel {
  readonly cancelled: boolean;
  /** Why, once cancelled: the signal's reason, or an AbortError. */
  readonly reason: Error | undefined;
  /** Calls `listener` once on cancellation (check `cancelled` first); returns its removal. */
  listen(listener: () => void): () => void;
}

/** The reason given when none (or no Error) is: what AbortController.abort() gives. */
export function abortError(): Error {
  return new DOMException('The operation was aborted.', 'AbortError');
}

export class CancelSource implements Cancel {
  cancelled = false;
  reason: Error | undefined;
  private listeners: Set<() => void> | null = null;

  cancel(reason: unknown = undefined): void {
    if (this.cancelled) return;
    this.cancelled = true;
    this.reason = reason instanceof Error ? reason : abortError();
    const listeners = this.listeners;
    this.listeners = null;
    if (listeners) for (const listener of listeners) listener();
  }

  listen(listener: () => void): () => void {
    if (this.cancelled) return noop;
    const listeners = (this.listeners ??= new Set());
    listeners.add(listener);
    return () => listeners.delete(listener);
  }
}

function noop(): void {}

const ofSignal = new WeakMap<AbortSignal, Cancel>();

/** The Cancel that follows `signal`: one per signal, so a request's calls share its listener. */
export function cancelOf(signal: AbortSignal): Cancel {
  let cancel = ofSignal.get(signal);
  if (cancel === undefined) {
    const source = new CancelSource();
    if (signal.aborted) source.cancel(signal.reason);
    else signal.addEventListener('abort', () => source.cancel(signal.reason), { once: true });
    ofSignal.set(signal, source);
    cancel = source;
  }
  return cancel;
}

/**
 * `work`'s outcome, unless `cancel` fires first: then a rejection with what `given()` returns
 * (it may also let go of the work). The work itself goes on; only this wait for it ends.
 */
export function unlessCancelled<T>(work: Promise<T>, cancel: Cancel, given: () => unknown): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const unlisten = cancel.listen(() => reject(given()));
    work.then(
      (value) => {
        unlisten();
        resolve(value);
      },
      (error: unknown) => {
        unlisten();
        reject(error);
      },
    );
  });
}

/** Why a request's reads were cut short: its deadline (REQUEST_DEADLINE_MS) passed. */
export class DeadlineExceeded extends Error {
  override readonly name = 'DeadlineExceeded';

  constructor(readonly ms: number) {
    super(`The request's deadline of ${ms} ms passed.`);
  }
}

/**
 * One GraphQL request's Cancel: it follows the caller hanging up (`signal`, followed only once
 * something listens, so a request that reads nothing pays nothing) and, once armed, the
 * request's deadline. Every read of the request waits on it, so when the deadline passes, the
 * reads still waiting give up together, and later ones fail at once.
 */
export class RequestDeadline implements Cancel {
  private readonly own = new CancelSource();
  private following = false;
  private timer: NodeJS.Timeout | null = null;

  /** `caller`: the Fetch request's signal, or a Cancel of the caller hanging up (the /graphql fast path's). */
  constructor(private readonly caller?: AbortSignal | Cancel) {}

  get cancelled(): boolean {
    const caller = this.caller;
    if (!this.own.cancelled && (caller instanceof AbortSignal ? caller.aborted : caller?.cancelled)) this.follow();
    return this.own.cancelled;
  }

  get reason(): Error | undefined {
    return this.cancelled ? this.own.reason : undefined;
  }

  listen(listener: () => void): () => void {
    this.follow();
    return this.own.listen(listener);
  }

  private follow(): void {
    if (this.following || !this.caller) return;
    this.following = true;
    const caller = this.caller instanceof AbortSignal ? cancelOf(this.caller) : this.caller;
    if (caller.cancelled) this.own.cancel(caller.reason);
    else caller.listen(() => this.own.cancel(caller.reason));
  }

  /** Starts the clock: in `ms`, whatever still waits gives up. Never holds the process open. */
  arm(ms: number): void {
    if (ms <= 0 || this.timer || this.own.cancelled) return;
    this.timer = setTimeout(() => this.own.cancel(new DeadlineExceeded(ms)), ms);
    this.timer.unref();
  }

  /** The request is answered: its clock stops. */
  disarm(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
