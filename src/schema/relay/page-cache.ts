// The pages fetched while resolving one connection, so no page/size is asked for twice and
// everything they reveal (items, where the list ends) serves the rest of the resolution.
import { findItem, sliceWindow, toPageRequests, type FetchedPage, type PageRequest } from './window.js';

/** The injected upstream call: items [page·size, page·size + size) of the list, `[]` past its end. */
export type FetchPage<T> = (request: PageRequest) => Promise<T[]>;

/** What the fetched pages prove about the list length N: atLeast ≤ N ≤ atMost. */
export interface LengthBounds {
  readonly atLeast: number;
  /** Infinity until a short or empty page has been seen. */
  readonly atMost: number;
}

export class PageCache<T> {
  readonly #fetchPage: FetchPage<T>;
  readonly #pending = new Map<string, Promise<readonly T[]>>();
  readonly #pages: FetchedPage<T>[] = [];

  constructor(fetchPage: FetchPage<T>) {
    this.#fetchPage = fetchPage;
  }

  fetch(request: PageRequest): Promise<readonly T[]> {
    const key = `${request.page}/${request.size}`;
    let pending = this.#pending.get(key);
    if (pending === undefined) {
      pending = this.#fetchPage(request).then((items) => {
        this.#pages.push({ request, items });
        return items;
      });
      this.#pending.set(key, pending);
    }
    return pending;
  }

  bounds(): LengthBounds {
    let atLeast = 0;
    let atMost = Infinity;
    for (const { request, items } of this.#pages) {
      const reached = request.page * request.size + Math.min(items.length, request.size);
      if (items.length > 0) atLeast = Math.max(atLeast, reached);
      if (items.length < request.size) atMost = Math.min(atMost, reached);
    }
    return { atLeast, atMost };
  }

  has(offset: number): boolean {
    return findItem(this.#pages, offset) !== undefined;
  }

  /**
   * Fetches whatever of offsets [start, end) is neither cached nor known to lie past the end,
   * as one span: at most two calls, none when the cache already covers it.
   */
  async ensure(start: number, end: number): Promise<void> {
    const stop = Math.min(end, this.bounds().atMost);
    let firstMissing = -1;
    let lastMissing = -1;
    for (let offset = start; offset < stop; offset++) {
      if (this.has(offset)) continue;
      if (firstMissing < 0) firstMissing = offset;
      lastMissing = offset;
    }
    if (firstMissing < 0) return;
    await Promise.all(toPageRequests(firstMissing, lastMissing + 1).map((request) => this.fetch(request)));
  }

  /** The cached items of [start, end) with their offsets, up to the list's end. */
  items(start: number, end: number): { node: T; offset: number }[] {
    return sliceWindow(this.#pages, start, end).map((node, index) => ({ node, offset: start + index }));
  }
}
