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
