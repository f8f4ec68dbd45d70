// One HTTP exchange on the pool, its body collected as text. undici's `dispatch` with a
// handler that only keeps what the client reads (status, Retry-After, body): `request()` builds
// a Readable body stream and an abort listener per call, and Leaf's answers are small JSON.
import type { Dispatcher } from 'undici';

export interface TextAnswer {
  status: number;
  retryAfter: string | string[] | undefined;
  text: string;
}

class TextCollector implements Dispatcher.DispatchHandler {
  private controller: Dispatcher.DispatchController | null = null;
  private status = 0;
  private retryAfter: string | string[] | undefined;
  private readonly chunks: Buffer[] = [];
  private readonly onAbort: (() => void) | null = null;

  constructor(
    private readonly resolve: (answer: TextAnswer) => void,
    private readonly reject: (error: unknown) => void,
    private readonly signal: AbortSignal | undefined,
  ) {
    if (signal) {
      // A caller who gives up is answered at once, even while the request still waits for a
      // free connection; the request itself is stopped as soon as it has started.
      this.onAbort = () => {
        this.controller?.abort(abortReason(signal));
        reject(abortReason(signal));
      };
      signal.addEventListener('abort', this.onAbort, { once: true });
    }
  }

  onRequestStart(controller: Dispatcher.DispatchController): void {
    this.controller = controller;
    if (this.signal?.aborted) controller.abort(abortReason(this.signal));
  }

  onResponseStart(_controller: Dispatcher.DispatchController, statusCode: number, headers: Record<string, string | string[] | undefined>): void {
    this.status = statusCode;
    this.retryAfter = headers['retry-after'];
  }

  onResponseData(_controller: Dispatcher.DispatchController, chunk: Buffer): void {
    this.chunks.push(chunk);
  }

  onResponseEnd(): void {
    this.detach();
    const text = this.chunks.length === 1 ? this.chunks[0]!.toString('utf8') : Buffer.concat(this.chunks).toString('utf8');
    this.resolve({ status: this.status, retryAfter: this.retryAfter, text });
  }

  onResponseError(_controller: Dispatcher.DispatchController, error: Error): void {
    this.detach();
    this.reject(error);
  }

  private detach(): void {
    if (this.onAbort) this.signal?.removeEventListener('abort', this.onAbort);
  }
}

/** The signal's reason as an Error (AbortSignal allows any value; undici's abort wants an Error). */
function abortReason(signal: AbortSignal): Error {
  const reason: unknown = signal.reason;
  return reason instanceof Error ? reason : new DOMException('The operation was aborted.', 'AbortError');
}

/** Sends one request and collects the whole answer; rejects on transport failure or abort. */
export function exchangeText(dispatcher: Dispatcher, request: Dispatcher.DispatchOptions, signal?: AbortSignal): Promise<TextAnswer> {
  if (signal?.aborted) return Promise.reject(abortReason(signal));
  return new Promise((resolve, reject) => {
    dispatcher.dispatch(request, new TextCollector(resolve, reject, signal));
  });
}
