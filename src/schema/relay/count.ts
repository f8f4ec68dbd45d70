/*
 * Counting an upstream list that reports no total, with pages of size 100.
 *
 * Exponential probing, then bisection. Probe page 0; while the probed page is full, probe
 * pages 1, 3, 7, 15, … (2^j − 1). The first page that is not full either is short but not
 * empty, which gives N = page·100 + its length at once, or is empty, so N lies between the
 * last full page and it; bisect that gap (a full middle page moves the lower end, an empty
 * one the upper end, a short one ends the search) until the two are adjacent: N = upper·100.
 *
 * Calls: with F = ⌊N/100⌋ full pages and k = ⌈log2(F + 1)⌉, probing stops at page 2^k − 1
 * after k + 1 calls and bisects a gap of 2^(k−1) pages in at most k − 1 more: at most
 * max(1, 2k) ≈ 2·log2(N/100) + 1 calls (N = 1234: 8; N = 10 000: 14).
 *
 * Pages already in the cache (of any size) are not fetched: they bound N, and a page whose
 * fate those bounds decide costs nothing; when the bounds meet, N is known without a call.
 * Every probed page stays in the cache, so a window at the list's end usually costs nothing.
 */
import type { PageCache } from './page-cache.js';
import { MAX_PAGE_SIZE } from './window.js';

/** Far beyond any Leaf list; stops an upstream that never returns a short page. */
const MAX_PROBE_PAGE = 2 ** 31 / MAX_PAGE_SIZE;

type PageFate = { kind: 'full' } | { kind: 'empty' } | { kind: 'length'; length: number };

async function probe<T>(cache: PageCache<T>, page: number): Promise<PageFate> {
  const { atLeast, atMost } = cache.bounds();
  if (atLeast === atMost) return { kind: 'length', length: atLeast };
  if ((page + 1) * MAX_PAGE_SIZE <= atLeast) return { kind: 'full' };
  if (page * MAX_PAGE_SIZE >= atMost) return { kind: 'empty' };
  const items = await cache.fetch({ page, size: MAX_PAGE_SIZE });
  if (items.length >= MAX_PAGE_SIZE) return { kind: 'full' };
  if (items.length === 0 && page > 0) return { kind: 'empty' };
  return { kind: 'length', length: page * MAX_PAGE_SIZE + items.length };
}

/** The number of items in the list behind `cache`, fetching as few pages as the search allows. */
export async function countItems<T>(cache: PageCache<T>): Promise<number> {
  let full = -1;
  let page = 0;
  for (;;) {
    const fate = await probe(cache, page);
    if (fate.kind === 'length') return fate.length;
    if (fate.kind === 'empty') break;
    full = page;
    page = 2 * page + 1;
    if (page > MAX_PROBE_PAGE) throw new Error('The upstream list never ended while being counted');
  }
  let empty = page;
  while (empty - full > 1) {
    const middle = Math.floor((full + empty) / 2);
    const fate = await probe(cache, middle);
    if (fate.kind === 'length') return fate.length;
    if (fate.kind === 'full') full = middle;
    else empty = middle;
  }
  return empty * MAX_PAGE_SIZE;
}
