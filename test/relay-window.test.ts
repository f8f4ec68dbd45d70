import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_PAGE_SIZE, sliceWindow, toPageRequests, type FetchedPage, type PageRequest } from '../src/schema/relay/window.js';


/** The upstream's page/size semantics over an in-memory list. */
function fetchFrom<T>(list: readonly T[], request: PageRequest): T[] {
  return list.slice(request.page * request.size, request.page * request.size + request.size);
}

function singlePageExists(start: number, end: number, size: number): boolean {
  return size >= end - start && size <= MAX_PAGE_SIZE && Math.floor(start / size) === Math.floor((end - 1) / size);
}

/** Any two consecutive pages of `size` covering [start, end)? Tries every page that could hold `start`. */
function twoPagesExist(start: number, end: number, size: number): boolean {
  for (let page = Math.max(0, Math.floor(start / size) - 1); page * size <= start; page++) {
    if ((page + 2) * size >= end) return true;
  }
  return false;
}

/** What is wrong with the requests for [start, end), if anything. */
function requestsProblem(requests: PageRequest[], start: number, end: number): string | undefined {
  if (requests.length !== 1 && requests.length !== 2) return `${requests.length} requests`;
  for (const { page, size } of requests) {
    if (!Number.isInteger(page) || page < 0) return `page ${page}`;
    if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE_SIZE) return `size ${size}`;
  }
  const [firstPage, secondPage] = requests;
  if (firstPage === undefined) return 'no request';
  if (secondPage !== undefined && (secondPage.page !== firstPage.page + 1 || secondPage.size !== firstPage.size)) {
    return 'pages are not consecutive of one size';
  }
  const from = firstPage.page * firstPage.size;
  const to = from + firstPage.size * requests.length;
  if (from > start || to < end) return `covers [${from}, ${to})`;
  return undefined;
}

describe('toPageRequests', () => {
  it('picks one page of the smallest size when one exists, else two of the smallest size', () => {
    const problems: string[] = [];
    for (let start = 0; start <= 700; start++) {
      for (let length = 1; length <= MAX_PAGE_SIZE + 1; length++) {
        const end = start + length;
        const requests = toPageRequests(start, end);
        const problem = requestsProblem(requests, start, end);
        const size = requests[0]?.size ?? 0;
        let smallestSingle: number | undefined;
        for (let s = length; s <= MAX_PAGE_SIZE && smallestSingle === undefined; s++) {
          if (singlePageExists(start, end, s)) smallestSingle = s;
        }
        let smallestPair: number | undefined;
        for (let s = 1; s <= MAX_PAGE_SIZE && smallestPair === undefined; s++) {
          if (twoPagesExist(start, end, s)) smallestPair = s;
        }
        const expected = smallestSingle !== undefined ? `1×${smallestSingle}` : `2×${smallestPair}`;
        const got = `${requests.length}×${size}`;
        if (problem !== undefined || got !== expected) problems.push(`[${start}, ${end}): ${problem ?? got} instead of ${expected}`);
      }
    }
    expect(problems.slice(0, 10)).toEqual([]);
  });

  it('chooses the least data on hand-picked windows', () => {
    expect(toPageRequests(0, 10)).toEqual([{ page: 0, size: 10 }]);
    expect(toPageRequests(20, 30)).toEqual([{ page: 2, size: 10 }]);
    // [5, 15) fits no page of size 10..14; 15 holds it as page 0.
    expect(toPageRequests(5, 15)).toEqual([{ page: 0, size: 15 }]);
    expect(toPageRequests(0, 101)).toEqual([
      { page: 0, size: 51 },
      { page: 1, size: 51 },
    ]);
    expect(toPageRequests(100, 201)).toEqual([
      { page: 1, size: 67 },
      { page: 2, size: 67 },
    ]);
    // Page 6 of size 15 is [90, 105): a larger page beats two smaller ones.
    expect(toPageRequests(95, 105)).toEqual([{ page: 6, size: 15 }]);
    expect(toPageRequests(99, 101)).toEqual([{ page: 33, size: 3 }]);
    // 100 items not aligned to 100 need two pages; 50 is the smallest size that lines up.
    expect(toPageRequests(50, 150)).toEqual([
      { page: 1, size: 50 },
      { page: 2, size: 50 },
    ]);
    expect(toPageRequests(7, 8)).toEqual([{ page: 7, size: 1 }]);
    expect(toPageRequests(0, 100)).toEqual([{ page: 0, size: 100 }]);
    expect(toPageRequests(1, 101)).toEqual([
      { page: 0, size: 51 },
      { page: 1, size: 51 },
    ]);
  });

  it('refuses windows it cannot serve', () => {
    expect(() => toPageRequests(0, 0)).toThrow(RangeError);
    expect(() => toPageRequests(0, 102)).toThrow(RangeError);
    expect(() => toPageRequests(-1, 5)).toThrow(RangeError);
    expect(() => toPageRequests(1.5, 5)).toThrow(RangeError);
  });
});

describe('sliceWindow over the requested pages', () => {
  const lengths = [...Array.from({ length: 301 }, (_, n) => n), 1000, 1234];

  const lists = new Map<number, string[]>();
  function listOf(n: number): string[] {
    let list = lists.get(n);
    if (!list) lists.set(n, (list = Array.from({ length: n }, (_, index) => `item-${index}`)));
    return list;
  }

  /** Every start of a short list; of a long one, its ends and the starts around each 50. */
  function startsFor(n: number): number[] {
    if (n <= 120) return Array.from({ length: n + 6 }, (_, start) => start);
    const starts = new Set<number>();
    for (let start = 0; start <= 5; start++) starts.add(start);
    for (let start = Math.max(0, n - 105); start <= n + 5; start++) starts.add(start);
    for (let boundary = 50; boundary <= n; boundary += 50) {
      for (let start = boundary - 3; start <= boundary + 3; start++) starts.add(start);
    }
    return [...starts];
  }

  /** Every window length from `start` over a list of n: the plain slice, from one page when one holds it. */
  function checkWindowsFrom(list: readonly string[], start: number): void {
    const n = list.length;
    for (let length = 1; length <= MAX_PAGE_SIZE + 1; length++) {
      const end = start + length;
      const requests = toPageRequests(start, end);
      const pages: FetchedPage<string>[] = requests.map((request) => ({ request, items: fetchFrom(list, request) }));
      const window = sliceWindow(pages, start, end);
      if (window.length !== Math.max(0, Math.min(end, n) - start) || window.some((item, i) => item !== list[start + i])) {
        expect({ n, start, end, window }).toEqual({ n, start, end, window: list.slice(start, end) });
      }
      let single = false;
      for (let size = length; size <= MAX_PAGE_SIZE && !single; size++) single = singlePageExists(start, end, size);
      if (requests.length !== (single ? 1 : 2)) expect({ start, end, requests }).toEqual({ start, end, single });
    }
  }

  it('equals the plain slice for every list length, start and window length', () => {
    for (const n of lengths) {
      for (const start of startsFor(n)) checkWindowsFrom(listOf(n), start);
    }
  });

  it('equals the plain slice from any start of a long list', () => {
    // The starts between the fixed ones above, as many as the seeded fill this replaces drew.
    const longList = fc.constantFrom(...lengths.filter((n) => n > 120));
    const position = longList.chain((n) => fc.record({ n: fc.constant(n), start: fc.integer({ min: 0, max: n + 5 }) }));
    fc.assert(
      fc.property(position, ({ n, start }) => checkWindowsFrom(listOf(n), start)),
      { numRuns: 2100 },
    );
  });

  it('stops at a short page instead of stitching across a gap', () => {
    const pages: FetchedPage<string>[] = [
      { request: { page: 0, size: 10 }, items: ['a', 'b', 'c'] },
      { request: { page: 1, size: 10 }, items: ['k'] },
    ];
    expect(sliceWindow(pages, 1, 15)).toEqual(['b', 'c']);
    expect(sliceWindow(pages, 5, 15)).toEqual([]);
  });

  it('ignores items beyond a page size', () => {
    const pages: FetchedPage<string>[] = [{ request: { page: 0, size: 2 }, items: ['a', 'b', 'c'] }];
    expect(sliceWindow(pages, 0, 4)).toEqual(['a', 'b']);
  });

  it('takes pages in any order', () => {
    const pages: FetchedPage<number>[] = [
      { request: { page: 1, size: 3 }, items: [3, 4, 5] },
      { request: { page: 0, size: 3 }, items: [0, 1, 2] },
    ];
    expect(sliceWindow(pages, 1, 6)).toEqual([1, 2, 3, 4, 5]);
  });
});
