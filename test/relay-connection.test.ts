import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_FIRST,
  resolveWindow,
  type ConnectionArgs,
  type FetchPage,
  type PageRequest,
  type Selection,
} from '../src/schema/relay/resolve-window.js';
import { cursorKeyOf, encodeCursor } from '../src/schema/relay/cursor.js';
import { ConnectionArgumentError } from '../src/schema/relay/errors.js';
import { countItems } from '../src/schema/relay/count.js';
import { PageCache } from '../src/schema/relay/page-cache.js';
import { toPageRequests } from '../src/schema/relay/window.js';


const KEY = cursorKeyOf('machines', { filter: { originType: 'USER_CREATED' }, orderBy: { name: 'ASC' } });

/** An in-memory Leaf list that records every page/size call and refuses what Leaf refuses. */
function upstream(n: number): { list: string[]; calls: PageRequest[]; fetchPage: FetchPage<string> } {
  const list = Array.from({ length: n }, (_, index) => `item-${index}`);
  const calls: PageRequest[] = [];
  const fetchPage: FetchPage<string> = async ({ page, size }) => {
    if (!Number.isInteger(page) || page < 0 || !Number.isInteger(size) || size < 1 || size > 100) {
      throw new Error(`Leaf would refuse page=${page} size=${size}`);
    }
    calls.push({ page, size });
    return list.slice(page * size, page * size + size);
  };
  return { list, calls, fetchPage };
}

/** A window in offsets; cursors are made from them for each call. */
interface Window {
  first?: number;
  after?: number;
  last?: number;
  before?: number;
}

function argsOf(window: Window): ConnectionArgs {
  return {
    first: window.first ?? null,
    last: window.last ?? null,
    after: window.after === undefined ? null : encodeCursor(KEY, window.after),
    before: window.before === undefined ? null : encodeCursor(KEY, window.before),
  };
}

/**
 * The Relay specification's algorithm over a whole list of n items, in offsets (as graphql-relay's
 * connectionFromArray computes it), with its optional pageInfo cases answered exactly: an item
 * follows the window / precedes it. An `after` past the end leaves nothing.
 */
function reference(n: number, window: Window): { start: number; end: number; hasNextPage: boolean; hasPreviousPage: boolean } {
  const first = window.first ?? (window.last === undefined ? DEFAULT_FIRST : undefined);
  let start = window.after === undefined ? 0 : window.after + 1;
  let end = Math.min(n, window.before ?? Infinity);
  if (first !== undefined) end = Math.min(end, start + first);
  if (window.last !== undefined) start = Math.max(start, end - window.last);
  return { start, end, hasNextPage: end < n, hasPreviousPage: start > 0 };
}

/** The most calls counting a list of n items may take: see count.ts. */
function countBound(n: number): number {
  const fullPages = Math.floor(n / 100);
  let k = 0;
  while (2 ** k - 1 < fullPages) k++;
  return Math.max(1, 2 * k);
}

const NOTHING: Selection = { items: false, hasNextPage: false, hasPreviousPage: false, totalCount: false };
const ITEMS: Selection = { ...NOTHING, items: true };
const EVERYTHING: Selection = { items: true, hasNextPage: true, hasPreviousPage: true, totalCount: true };

type Shape = 'first' | 'first/after' | 'first/before' | 'first/after/before' | 'last' | 'last/after' | 'last/before' | 'last/after/before' | 'first+last' | 'first+last/after' | 'none' | 'after';
const SHAPES: Shape[] = ['first', 'first/after', 'first/before', 'first/after/before', 'last', 'last/after', 'last/before', 'last/after/before', 'first+last', 'first+last/after', 'none', 'after'];

/** A window of any shape over a list of n items, and any selection of the connection's fields. */
function caseOver(n: number): fc.Arbitrary<{ n: number; window: Window; selection: Selection; shape: Shape }> {
  // Counts and offsets: the edges, or anywhere.
  const count = fc.oneof(fc.constantFrom(0, 1, 2, 3, 10, 99, 100), fc.integer({ min: 0, max: 100 }));
  const offset = (limit: number): fc.Arbitrary<number> =>
    fc.oneof(fc.constantFrom(0, limit - 1, limit), fc.integer({ min: 0, max: Math.max(0, limit - 1) }));
  const shapes = n === 0 ? SHAPES.filter((shape) => !shape.includes('before')) : SHAPES;
  return fc
    .record({
      shape: fc.constantFrom(...shapes),
      first: count,
      last: count,
      // `after` may point past the end; a `before` cursor is always an item's (see the stale test).
      after: offset(n + 6).map((after) => Math.max(0, Math.min(after, n + 5))),
      before: offset(n).map((before) => Math.max(0, Math.min(before, n - 1))),
      selection: fc.record({ items: fc.boolean(), hasNextPage: fc.boolean(), hasPreviousPage: fc.boolean(), totalCount: fc.boolean() }),
    })
    .map(({ shape, first, last, after, before, selection }) => {
      const window: Window = {};
      if (shape.startsWith('first')) window.first = first;
      if (shape.startsWith('last') || shape.includes('+last')) window.last = last;
      if (shape.includes('after')) window.after = after;
      if (shape.includes('before')) window.before = before;
      return { n, window, selection, shape };
    });
}

async function problemsOf(n: number, window: Window, selection: Selection, shape: Shape): Promise<string[]> {
  const { list, calls, fetchPage } = upstream(n);
  const result = await resolveWindow(argsOf(window), selection, fetchPage, KEY);
  const expected = reference(n, window);
  const problems: string[] = [];
  const wantItems = selection.items ? list.slice(expected.start, Math.max(expected.start, expected.end)) : [];
  const gotItems = result.items.map(({ node }) => node);
  if (gotItems.join() !== wantItems.join()) problems.push(`items ${gotItems.length} instead of ${wantItems.length}`);
  if (result.items.some(({ node, offset }) => list[offset] !== node)) problems.push('an item carries the wrong offset');
  if (selection.hasNextPage && result.hasNextPage !== expected.hasNextPage) problems.push(`hasNextPage ${result.hasNextPage}`);
  if (selection.hasPreviousPage && result.hasPreviousPage !== expected.hasPreviousPage) problems.push(`hasPreviousPage ${result.hasPreviousPage}`);
  if (result.totalCount !== (selection.totalCount ? n : null)) problems.push(`totalCount ${result.totalCount}`);

  const keys = calls.map(({ page, size }) => `${page}/${size}`);
  if (new Set(keys).size !== keys.length) problems.push(`a page fetched twice: ${keys.join(' ')}`);
  const counts = shape.startsWith('last') && !shape.includes('before') && selection.items && (window.last ?? 0) > 0;
  const bound = 2 + (counts || selection.totalCount ? countBound(n) : 0);
  if (calls.length > bound) problems.push(`${calls.length} calls, more than ${bound}`);

  // A `first` window costs exactly its own page requests: nothing for unselected hasNextPage, no counting.
  if (window.first !== undefined || window.last === undefined) {
    if (window.before === undefined && window.last === undefined && !selection.totalCount) {
      const start = window.after === undefined ? 0 : window.after + 1;
      const end = start + (window.first ?? DEFAULT_FIRST);
      const from = selection.items ? start : end;
      const to = selection.hasNextPage ? end + 1 : end;
      const want = to > from ? toPageRequests(from, to) : [];
      if (keys.sort().join() !== want.map(({ page, size }) => `${page}/${size}`).sort().join()) {
        problems.push(`calls ${keys.join(' ')} instead of the window's own`);
      }
    }
    if (!selection.totalCount && calls.length > 2) problems.push('a first window took more than two calls');
  }
  return problems.map((problem) => `n=${n} ${shape} ${JSON.stringify(window)} ${JSON.stringify(selection)}: ${problem}`);
}

describe('resolveWindow against the Relay algorithm', () => {
  it('answers every shape of window exactly, within its call budget', async () => {
    // 250 cases per list length, as many as the seeded loop this replaces.
    const lengths = [...Array.from({ length: 301 }, (_, n) => n), 1000, 1234];
    const cases = fc.constantFrom(...lengths).chain(caseOver);
    await fc.assert(
      fc.asyncProperty(cases, async ({ n, window, selection, shape }) => {
        expect(await problemsOf(n, window, selection, shape)).toEqual([]);
      }),
      { numRuns: 250 * lengths.length },
    );
  });

  it('answers every first/after and last/before window of small lists with all fields', async () => {
    const problems: string[] = [];
    for (let n = 0; n <= 40; n++) {
      for (const count of [0, 1, 2, 5, 17, 100]) {
        for (let cursor = -1; cursor <= n + 2; cursor++) {
          const after = cursor < 0 ? undefined : cursor;
          problems.push(...(await problemsOf(n, { first: count, after }, EVERYTHING, 'first/after')));
          problems.push(...(await problemsOf(n, { last: count, after }, EVERYTHING, 'last/after')));
          if (cursor < n) {
            problems.push(...(await problemsOf(n, { last: count, before: cursor < 0 ? undefined : cursor }, EVERYTHING, 'last/before')));
          }
        }
      }
    }
    expect(problems.slice(0, 10)).toEqual([]);
  });
});

describe('what a window costs', () => {
  it('fetches one item at the start for first: 0 only when hasNextPage is selected', async () => {
    const { calls, fetchPage } = upstream(30);
    const result = await resolveWindow(argsOf({ first: 0, after: 9 }), { ...NOTHING, items: true, hasNextPage: true }, fetchPage, KEY);
    expect(result).toEqual({ items: [], hasNextPage: true, hasPreviousPage: false, totalCount: null });
    expect(calls).toEqual([{ page: 10, size: 1 }]);

    const quiet = upstream(30);
    await resolveWindow(argsOf({ first: 0 }), { ...EVERYTHING, hasNextPage: false, totalCount: false }, quiet.fetchPage, KEY);
    expect(quiet.calls).toEqual([]);
  });

  it('fetches nothing for last: 0 unless pageInfo needs it', async () => {
    const { calls, fetchPage } = upstream(500);
    expect((await resolveWindow(argsOf({ last: 0 }), ITEMS, fetchPage, KEY)).items).toEqual([]);
    expect(calls).toEqual([]);
    // Something precedes the last 0 items exactly when the list has an item at offset 0.
    const result = await resolveWindow(argsOf({ last: 0 }), { ...ITEMS, hasPreviousPage: true }, fetchPage, KEY);
    expect(result.hasPreviousPage).toBe(true);
    expect(calls).toEqual([{ page: 0, size: 1 }]);
  });

  it('asks for no extra item when hasNextPage is not selected', async () => {
    const { calls, fetchPage } = upstream(1000);
    await resolveWindow(argsOf({ first: 10, after: 9 }), ITEMS, fetchPage, KEY);
    expect(calls).toEqual([{ page: 1, size: 10 }]);
    calls.length = 0;
    await resolveWindow(argsOf({ first: 10, after: 9 }), { ...ITEMS, hasNextPage: true }, fetchPage, KEY);
    expect(calls).toEqual(toPageRequests(10, 21));
  });

  it('counts nothing when totalCount is not selected', async () => {
    const { calls, fetchPage } = upstream(1000);
    await resolveWindow(argsOf({ first: 100, after: 499 }), { ...EVERYTHING, totalCount: false }, fetchPage, KEY);
    expect(calls).toEqual(toPageRequests(500, 601));
  });

  it('learns the length from a short first window instead of counting', async () => {
    const { calls, fetchPage } = upstream(5);
    const result = await resolveWindow(argsOf({ first: 10 }), EVERYTHING, fetchPage, KEY);
    expect(result.totalCount).toBe(5);
    expect(result.hasNextPage).toBe(false);
    expect(calls).toEqual([{ page: 0, size: 11 }]);
  });

  it('answers totalCount alone with the counting probes only', async () => {
    const { calls, fetchPage } = upstream(1234);
    const result = await resolveWindow(argsOf({ first: 10 }), { ...NOTHING, totalCount: true }, fetchPage, KEY);
    expect(result).toEqual({ items: [], hasNextPage: false, hasPreviousPage: false, totalCount: 1234 });
    expect(calls.map(({ page }) => page)).toEqual([0, 1, 3, 7, 15, 11, 13, 12]);
    expect(calls.every(({ size }) => size === 100)).toBe(true);
  });

  it('serves last from the pages counting fetched, counting once for totalCount too', async () => {
    const { list, calls, fetchPage } = upstream(1250);
    const result = await resolveWindow(argsOf({ last: 100 }), EVERYTHING, fetchPage, KEY);
    expect(result.items.map(({ node }) => node)).toEqual(list.slice(1150));
    expect(result.items[0]?.offset).toBe(1150);
    expect(result).toMatchObject({ hasNextPage: false, hasPreviousPage: true, totalCount: 1250 });
    // Probes 0, 1, 3, 7, 15 (empty), then 11 (full), 13 (empty), 12 (short): pages 11 and 12 hold the window.
    expect(calls.map(({ page }) => page)).toEqual([0, 1, 3, 7, 15, 11, 13, 12]);
  });

  it('fetches only the part of a last window the probes missed', async () => {
    const { list, calls, fetchPage } = upstream(1350);
    const result = await resolveWindow(argsOf({ last: 100 }), ITEMS, fetchPage, KEY);
    expect(result.items.map(({ node }) => node)).toEqual(list.slice(1250));
    // Probes 0, 1, 3, 7, 15 (empty), 11 (full), 13 (short) leave 1250..1299 to one more call.
    expect(calls.map(({ page }) => page)).toEqual([0, 1, 3, 7, 15, 11, 13, 25]);
    expect(calls.slice(7)).toEqual([{ page: 25, size: 50 }]);
  });

  it('keeps counting within 2·⌈log2(N/100 + 1)⌉ + 1 calls for lists up to 100 000 items', async () => {
    const lengths = [...Array.from({ length: 3001 }, (_, n) => n), 9_999, 10_000, 10_001, 12_345, 65_536, 99_999, 100_000];
    const problems: string[] = [];
    for (const n of lengths) {
      const { calls, fetchPage } = upstream(n);
      const result = await resolveWindow(argsOf({ first: 1 }), { ...NOTHING, totalCount: true }, fetchPage, KEY);
      if (result.totalCount !== n) problems.push(`n=${n}: counted ${result.totalCount}`);
      const loose = 2 * Math.ceil(Math.log2(n / 100 + 1)) + 1;
      if (calls.length > countBound(n) || calls.length > loose) problems.push(`n=${n}: ${calls.length} calls`);
    }
    expect(problems).toEqual([]);
  });
});

describe('edge windows', () => {
  it('answers an after past the end with nothing and no next page', async () => {
    const { fetchPage } = upstream(20);
    const result = await resolveWindow(argsOf({ first: 10, after: 25 }), { ...EVERYTHING, totalCount: false }, fetchPage, KEY);
    expect(result).toEqual({ items: [], hasNextPage: false, hasPreviousPage: true, totalCount: null });
  });

  it('answers a before that outlived the list with what remains of its window', async () => {
    const shrunk = upstream(75);
    const result = await resolveWindow(argsOf({ last: 10, before: 80 }), { ...ITEMS, hasNextPage: true }, shrunk.fetchPage, KEY);
    expect(result.items.map(({ offset }) => offset)).toEqual([70, 71, 72, 73, 74]);
    // The short window shows that nothing is left at the cursor's offset.
    expect(result.hasNextPage).toBe(false);

    const gone = upstream(50);
    const empty = await resolveWindow(argsOf({ last: 10, before: 80 }), ITEMS, gone.fetchPage, KEY);
    expect(empty.items).toEqual([]);
  });

  it('returns the first 100 when neither first nor last is given', async () => {
    const { list, calls, fetchPage } = upstream(300);
    const result = await resolveWindow({}, ITEMS, fetchPage, KEY);
    expect(result.items.map(({ node }) => node)).toEqual(list.slice(0, DEFAULT_FIRST));
    expect(calls).toEqual([{ page: 0, size: 100 }]);
  });

  it('passes an upstream failure through', async () => {
    const failing: FetchPage<string> = async () => {
      throw new Error('Leaf is down');
    };
    await expect(resolveWindow({ first: 5 }, ITEMS, failing, KEY)).rejects.toThrow('Leaf is down');
  });
});

describe('bad arguments', () => {
  const { fetchPage } = upstream(10);

  async function rejection(args: ConnectionArgs): Promise<ConnectionArgumentError> {
    try {
      await resolveWindow(args, ITEMS, fetchPage, KEY);
    } catch (error) {
      if (error instanceof ConnectionArgumentError) return error;
      throw error;
    }
    throw new Error(`accepted ${JSON.stringify(args)}`);
  }

  it('refuses first and last outside 0..100, saying what to change', async () => {
    expect((await rejection({ first: 500 })).message).toBe('`first` must be a whole number between 0 and 100; got 500');
    expect((await rejection({ first: -1 })).message).toContain('`first` must be a whole number between 0 and 100');
    expect((await rejection({ last: 101 })).message).toContain('`last` must be a whole number between 0 and 100; got 101');
    expect((await rejection({ last: 2.5 })).message).toContain('got 2.5');
    expect((await rejection({ first: Number.NaN })).code).toBe('BAD_USER_INPUT');
  });

  it('refuses malformed cursors and cursors of another list, filter or order', async () => {
    expect((await rejection({ first: 5, after: 'not a cursor' })).message).toMatch(/^`after` is not a cursor this API issued/);
    expect((await rejection({ last: 5, before: '' })).message).toMatch(/^`before` is not a cursor/);
    const otherFilter = encodeCursor(cursorKeyOf('machines', { filter: { originType: 'DEVICE' }, orderBy: { name: 'ASC' } }), 3);
    expect((await rejection({ first: 5, after: otherFilter })).message).toContain('different list, filter or order');
    const otherList = encodeCursor(cursorKeyOf('operators', { filter: { originType: 'USER_CREATED' }, orderBy: { name: 'ASC' } }), 3);
    expect((await rejection({ last: 5, before: otherList })).message).toContain('fetch the first page again');
  });

  it('fetches nothing before refusing', async () => {
    const { calls, fetchPage: counted } = upstream(10);
    await expect(resolveWindow({ first: 5, after: 'x' }, EVERYTHING, counted, KEY)).rejects.toBeInstanceOf(ConnectionArgumentError);
    expect(calls).toEqual([]);
  });
});

describe('PageCache', () => {
  it('bounds the length by what its pages show', async () => {
    const { calls, fetchPage } = upstream(37);
    const cache = new PageCache(fetchPage);
    expect(cache.bounds()).toEqual({ atLeast: 0, atMost: Infinity });
    await cache.fetch({ page: 1, size: 10 });
    expect(cache.bounds()).toEqual({ atLeast: 20, atMost: Infinity });
    await cache.fetch({ page: 9, size: 9 });
    expect(cache.bounds()).toEqual({ atLeast: 20, atMost: 81 });
    // One short of its size still ends the list.
    await cache.fetch({ page: 3, size: 10 });
    expect(cache.bounds()).toEqual({ atLeast: 37, atMost: 37 });
    await cache.fetch({ page: 1, size: 10 });
    expect(calls).toHaveLength(3);
  });

  it('lets counting skip pages the window already decided', async () => {
    const { calls, fetchPage } = upstream(1234);
    const cache = new PageCache(fetchPage);
    await cache.ensure(1000, 1101);
    calls.length = 0;
    expect(await countItems(cache)).toBe(1234);
    // Pages 0..9 are known full from offset 1100's item: probing starts at page 15.
    expect(calls.map(({ page }) => page)).toEqual([15, 11, 13, 12]);
  });
});
