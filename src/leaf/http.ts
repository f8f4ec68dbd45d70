// One HTTP exchange on the pool, its body collected as text. undici's `dispatch` with a
// handler that only keeps what the client reads (status, Retry-After, body): `request()` builds
// a Readable body stream and an abort listener per call, and Leaf's answers are small JSON.
import type { Dispatcher } from 'undici';
import { abortError, type Cancel } from './cancel.js';

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
  private readonly unlisten: (() => void) | null = null;

  constructor(
    private readonly resolve: (answer: TextAnswer) => void,
    private readonly reject: (error: unknown) => void,
    private readonly cancel: Cancel | undefined,
  ) {
    if (cancel) {
      // A caller who gives up is answered at once, even while the request still waits for a
      // free connection; the request itself is stopped as soon as it has started.
      this.unlisten = cancel.listen(() => {
        this.controller?.abort(reasonOf(cancel));
        reject(reasonOf(cancel));
      });
    }
  }

  onRequestStart(controller: Dispatcher.DispatchController): void {
    this.controller = controller;
    if (this.cancel?.cancelled) controller.abort(reasonOf(this.cancel));
  }

  onResponseStart(_controller: Dispatcher.DispatchController, statusCode: number, headers: Record<string, string | string[] | undefined>): void {
    this.status = statusCode;
    this.retryAfter = headers['retry-after'];
  }

  onResponseData(_controller: Dispatcher.DispatchController, chunk: Buffer): void {
    this.chunks.push(chunk);
  }

  onResponseEnd(): void {
    this.unlisten?.();
    const text = this.chunks.length === 1 ? this.chunks[0]!.toString('utf8') : Buffer.concat(this.chunks).toString('utf8');
    this.resolve({ status: this.status, retryAfter: this.retryAfter, text });
  }

  onResponseError(_controller: Dispatcher.DispatchController, error: Error): void {
    this.unlisten?.();
    this.reject(error);
  }
}

function reasonOf(cancel: Cancel): Error {
  return cancel.reason ?? abortError();
}

/** Sends one request and collects the whole answer; rejects on transport failure or cancellation. */
export function exchangeText(dispatcher: Dispatcher, request: Dispatcher.DispatchOptions, cancel?: Cancel): Promise<TextAnswer> {
  if (cancel?.cancelled) return Promise.reject(reasonOf(cancel));
  return new Promise((resolve, reject) => {
    dispatcher.dispatch(request, new TextCollector(resolve, reject, cancel));
  });
}
