// resolveWindow: which items of an offset-paged upstream list a Relay window (first/after/
// last/before) holds, and whether items precede or follow it. Pure: the upstream is injected.
//
// The Relay Cursor Connections algorithm over offsets (as graphql-relay's connectionFromArray
// computes it): `after`/`before` bound the list to [after + 1, before), `first` keeps the head of
// that, then `last` its tail. `hasNextPage` says an item follows the returned window and
// `hasPreviousPage` that one precedes it: exact where the specification obliges an answer, and
// where it leaves the answer to the server, `true` for a cursor's own item, which exists because
// cursors are only issued for items. Only what the selection asks for is fetched, every fetch
// goes through one PageCache, and a window costs at most two calls.
import { countItems } from './count.js';
import { decodeCursor } from './cursor.js';
import { ConnectionArgumentError } from './errors.js';
import { PageCache, type FetchPage } from './page-cache.js';
import { MAX_PAGE_SIZE } from './window.js';

export type { FetchPage } from './page-cache.js';
export type { PageRequest } from './window.js';

export interface ConnectionArgs {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

/** Which parts of the connection the query selected. */
export interface Selection {
  readonly hasNextPage: boolean;
  readonly hasPreviousPage: boolean;
  readonly totalCount: boolean;
  /** `edges`, `nodes`, `startCursor` or `endCursor`. */
  readonly items: boolean;
}

/** Fields the selection did not ask for are `false`, `[]` or `null`, not computed. */
export interface ResolvedWindow<T> {
  /** Each node with its absolute offset, for `encodeCursor`. */
  items: { node: T; offset: number }[];
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  totalCount: number | null;
}

/** With neither `first` nor `last`, the specification's "all edges" as far as the cap allows. */
export const DEFAULT_FIRST = MAX_PAGE_SIZE;

function readCount(argument: 'first' | 'last', value: number | null | undefined): number | undefined {
  if (value === null || value === undefined) return undefined;
  if (!Number.isInteger(value) || value < 0 || value > MAX_PAGE_SIZE) {
    throw new ConnectionArgumentError(`\`${argument}\` must be a whole number between 0 and ${MAX_PAGE_SIZE}; got ${value}`);
  }
  return value;
}

function readCursor(argument: 'after' | 'before', value: string | null | undefined, cursorKey: string): number | undefined {
  if (value === null || value === undefined) return undefined;
  return decodeCursor(cursorKey, value, argument);
}

export async function resolveWindow<T>(
  args: ConnectionArgs,
  selection: Selection,
  fetchPage: FetchPage<T>,
  cursorKey: string,
): Promise<ResolvedWindow<T>> {
  let first = readCount('first', args.first);
  const last = readCount('last', args.last);
  const after = readCursor('after', args.after, cursorKey);
  const before = readCursor('before', args.before, cursorKey);
  if (first === undefined && last === undefined) first = DEFAULT_FIRST;

  const cache = new PageCache(fetchPage);
  let length: number | undefined;
  const count = async (): Promise<number> => (length ??= await countItems(cache));

  const start = after === undefined ? 0 : after + 1;
  // A `before` at or behind `after` leaves nothing between them.
  const bound = before === undefined ? undefined : Math.max(start, before);

  let result: ResolvedWindow<T>;
  if (first !== undefined) {
    result = await resolveFromStart(cache, selection, start, first, last, bound);
  } else if (bound !== undefined) {
    result = await resolveBefore(cache, selection, start, last ?? 0, bound);
  } else {
    result = await resolveFromEnd(cache, selection, start, last ?? 0, count);
  }
  if (selection.totalCount) result.totalCount = await count();
  return result;
}

/** `first` (and maybe `last`) from `start`, stopping at `bound` when `before` was given. */
async function resolveFromStart<T>(
  cache: PageCache<T>,
  selection: Selection,
  start: number,
  first: number,
  last: number | undefined,
  bound: number | undefined,
): Promise<ResolvedWindow<T>> {
  const end = bound === undefined ? start + first : Math.min(start + first, bound);
  const endsAtBefore = end === bound;
  const lastMayTrim = last !== undefined && last < end - start;
  // With `last` trimming the head of the window, only the window's real length says whether
  // anything precedes what is returned; `start > 0` answers that alone.
  const needWindow = selection.items || (selection.hasPreviousPage && lastMayTrim && start === 0);
  const probeNext = selection.hasNextPage && !endsAtBefore;

  const from = needWindow ? start : end;
  const to = probeNext ? end + 1 : end;
  if (to > from) await cache.ensure(from, to);

  let items = needWindow ? cache.items(start, end) : [];
  let windowStart = start;
  if (last !== undefined && items.length > last) {
    windowStart += items.length - last;
    items = items.slice(items.length - last);
  }
  return {
    items: selection.items ? items : [],
    hasNextPage: selection.hasNextPage && (probeNext ? cache.has(end) : beforeItemMayExist(cache, end)),
    hasPreviousPage: selection.hasPreviousPage && windowStart > 0,
    totalCount: null,
  };
}

/** `last` items before `bound`: no count needed, the window's end is the cursor. */
async function resolveBefore<T>(
  cache: PageCache<T>,
  selection: Selection,
  start: number,
  last: number,
  bound: number,
): Promise<ResolvedWindow<T>> {
  const windowStart = Math.max(start, bound - last);
  if (selection.items && bound > windowStart) await cache.ensure(windowStart, bound);
  return {
    items: selection.items ? cache.items(windowStart, bound) : [],
    hasNextPage: selection.hasNextPage && beforeItemMayExist(cache, bound),
    hasPreviousPage: selection.hasPreviousPage && windowStart > 0,
    totalCount: null,
  };
}

/** `last` items of the whole list (after `start`): the list's length decides where they are. */
async function resolveFromEnd<T>(
  cache: PageCache<T>,
  selection: Selection,
  start: number,
  last: number,
  count: () => Promise<number>,
): Promise<ResolvedWindow<T>> {
  let items: { node: T; offset: number }[] = [];
  let hasPreviousPage = selection.hasPreviousPage && start > 0;
  if ((selection.items && last > 0) || selection.totalCount) {
    const length = await count();
    const end = Math.max(start, length);
    const windowStart = Math.max(start, length - last);
    if (selection.items && end > windowStart) {
      await cache.ensure(windowStart, end);
      items = cache.items(windowStart, end);
    }
    hasPreviousPage = selection.hasPreviousPage && windowStart > 0;
  } else if (selection.hasPreviousPage && start === 0) {
    // Something precedes the last `last` items exactly when the list has an item at offset `last`.
    await cache.ensure(last, last + 1);
    hasPreviousPage = cache.has(last);
  }
  return { items, hasNextPage: false, hasPreviousPage, totalCount: null };
}

/**
 * Whether the item at a `before` cursor's offset exists. A cursor is only issued for an item,
 * so this is `true` without a call unless the pages already fetched show the list ends sooner.
 */
function beforeItemMayExist<T>(cache: PageCache<T>, offset: number): boolean {
  return cache.has(offset) || cache.bounds().atMost > offset;
}
