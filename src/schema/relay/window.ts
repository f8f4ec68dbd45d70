// Translating an offset window into Leaf's `page`/`size` calls, and back into items.

/** Leaf answers items [page·size, page·size + size) of a list, `[]` past its end. */
export interface PageRequest {
  readonly page: number;
  readonly size: number;
}

export interface FetchedPage<T> {
  readonly request: PageRequest;
  readonly items: readonly T[];
}

/** Leaf rejects larger sizes. */
export const MAX_PAGE_SIZE = 100;

/** `first`/`last` go up to 100, plus one item fetched to learn `hasNextPage`. */
export const MAX_WINDOW = MAX_PAGE_SIZE + 1;

/**
 * The fewest calls that cover offsets [start, end), and among those the least data: one page
 * of the smallest size that holds the window if there is one, else two consecutive pages of
 * the smallest size that reach. Two always suffice for up to 101 items: pages p and p+1 of
 * size 100 with p = ⌊start/100⌋ reach start − start mod 100 + 200 ≥ start + 101.
 */
export function toPageRequests(start: number, end: number): PageRequest[] {
  const length = end - start;
  if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end) || start < 0 || length < 1 || length > MAX_WINDOW) {
    throw new RangeError(`A window holds 1 to ${MAX_WINDOW} items from offset 0 on; got [${start}, ${end})`);
  }
  for (let size = length; size <= MAX_PAGE_SIZE; size++) {
    const page = Math.floor(start / size);
    if (Math.floor((end - 1) / size) === page) return [{ page, size }];
  }
  // The last page before `start` reaches furthest, so it is the only candidate per size.
  for (let size = Math.ceil(length / 2); size < MAX_PAGE_SIZE; size++) {
    const page = Math.floor(start / size);
    if ((page + 2) * size >= end) return [{ page, size }, { page: page + 1, size }];
  }
  const page = Math.floor(start / MAX_PAGE_SIZE);
  return [
    { page, size: MAX_PAGE_SIZE },
    { page: page + 1, size: MAX_PAGE_SIZE },
  ];
}

/** The item at `offset` if one of the pages holds it. */
export function findItem<T>(pages: readonly FetchedPage<T>[], offset: number): { item: T } | undefined {
  for (const { request, items } of pages) {
    const index = offset - request.page * request.size;
    // A page longer than its size is an upstream fault; its extra items are not at the offsets they seem.
    if (index >= 0 && index < items.length && index < request.size) return { item: items[index] as T };
  }
  return undefined;
}

/**
 * The items of offsets [start, end) held by the pages, stopping at the first offset none holds:
 * a short or empty page means the list ends there, so what follows is never stitched across a gap.
 */
export function sliceWindow<T>(pages: readonly FetchedPage<T>[], start: number, end: number): T[] {
  const window: T[] = [];
  for (let offset = start; offset < end; offset++) {
    const found = findItem(pages, offset);
    if (found === undefined) break;
    window.push(found.item);
  }
  return window;
}
