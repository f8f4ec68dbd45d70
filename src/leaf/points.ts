// Reading a file's standard GeoJSON points (`downloadStandardGeojson`) as a stream: undici's
// body through a feature splitter (features.ts), one Feature at a time, never the whole file in memory.
//
// - Only URLs on the Leaf API origin are followed, so the caller's token goes nowhere else.
// - Each stream opened is an upstream call of the Leaf client (LeafClient.stream): its breaker
//   (group `points`: src/leaf/resources/points.ts), observers, trace headers, call budget and
//   retries of the opening.
// - A window [start, end) costs reading up to `end` (plus one point to learn hasNextPage).
// - Where a read stopped is kept, per token, file and filter, as the open stream itself
//   (a cursor): the next page resumes it instead of reading from the start. Idle cursors are
//   closed after CURSOR_IDLE_MS and at most MAX_CURSORS stay open, so memory stays flat.
// - A parked cursor keeps the file record it was read under (its URL, the summary's units), so
//   a page asking for nothing else of the file need not wait for `GET /files/{id}` (keptFile).
//   The record goes with its cursor, with any event or write that makes it stale
//   (forgetShowing), and once it is FILE_RECORD_MAX_AGE_MS old.
import { untilCancelled, type CallOptions, type LeafClient, type StreamBody } from './client.js';
import { LeafError, leafError, requireToken } from './errors.js';
import { FeatureSplitter } from './features.js';
import type { ReadTag } from './read-tags.js';
import type { FileRecord } from './readers.js';
import { files } from './resources/files.js';
import { points } from './resources/points.js';

/** One point as read: a GeoJSON Feature whose properties are an object (maybe empty). */
export interface PointFeature {
  geometry: unknown;
  properties: Record<string, unknown>;
}

export interface PointsQuery {
  /** The record of the file the points belong to: an event about it closes its cursors (forgetFile), and the cursor keeps it (keptFile). */
  file: FileRecord;
  url: string;
  /** Identifies `accept` in the memo: equal keys must mean equal predicates. */
  filterKey: string;
  accept: (point: PointFeature) => boolean;
}

export interface PointsWindow {
  /** The accepted points at offsets [start, end) that exist: points[i] is at offset start + i. */
  points: PointFeature[];
  start: number;
  /** Whether an accepted point exists at offset `end` (asked for with `probe`). */
  more: boolean;
}

function broken(): LeafError {
  return leafError('UPSTREAM_ERROR', "The Leaf API stopped sending the file's standard GeoJSON before its end.");
}

const CURSOR_IDLE_MS = 30_000;
/**
 * How long a parked cursor's file record answers for the file without asking Leaf again. It is as
 * old as the stream it was opened with; this bounds how long a file deleted, or a token revoked,
 * without an event reaching the gateway keeps being answered from it.
 */
export const FILE_RECORD_MAX_AGE_MS = 5_000;
/** A parked cursor holds its connection: well under the points pool's, so reads always get one. */
const MAX_CURSORS = 16;
const MAX_COUNTS = 1_024;

function asPoint(value: unknown): PointFeature {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { geometry: null, properties: {} };
  const { properties } = value as Record<string, unknown>;
  // The parsed Feature itself (a missing geometry reads as none), not a copy: a page makes 1,000.
  if (typeof properties === 'object' && properties !== null && !Array.isArray(properties)) return value as PointFeature;
  return { geometry: (value as Record<string, unknown>).geometry ?? null, properties: {} };
}

/** Read-ahead stops past this many bytes of the stream, whatever the filter keeps: a parked
 * cursor nobody comes back for costs at most this much of the upstream. */
const READ_AHEAD_BYTES = 4 * 1024 * 1024;

/** A file record as a cursor keeps it: when it was read, and the read tags that make it stale. */
interface KeptFile {
  record: FileRecord;
  readAt: number;
  tags: ReadonlySet<ReadTag>;
}

/** What a read of the file record shows, as the files resource declares it (the response cache's tags). */
function tagsOf(record: FileRecord): ReadTag[] {
  return [...(files.shows?.item?.({ id: record.id }) ?? []), ...(files.shows?.answer?.(record) ?? [])];
}

/** An open read of one points file under one filter, positioned at accepted offset `next`. */
class PointsCursor {
  /** Offset of the first queued point among accepted points. */
  next = 0;
  done = false;
  /** The file record the last page was read under, while nothing has made it stale. */
  file: KeptFile | null = null;
  /** Accepted points read and not yet taken: queue[head..]. */
  private queue: PointFeature[] = [];
  private head = 0;
  private readonly splitter: FeatureSplitter;
  private readonly chunks: AsyncIterator<Buffer>;
  private timer: NodeJS.Timeout | null = null;
  /** The read going on while parked (readAhead), and what stopped it. */
  private ahead: Promise<void> | null = null;
  private failure: unknown = null;

  constructor(
    private readonly body: StreamBody,
    accept: (point: PointFeature) => boolean,
    /** Whose and which file: keptFile answers only the same token, for the same file. */
    readonly tokenHash: string | null,
    readonly fileId: string,
  ) {
    // A parked stream that times out or is dropped fails its next read, not the process.
    body.on('error', () => undefined);
    this.chunks = body[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
    this.splitter = new FeatureSplitter((value) => {
      const point = asPoint(value);
      if (accept(point)) this.queue.push(point);
    });
  }

  get queued(): number {
    return this.queue.length - this.head;
  }

  /** Parses chunks until `count` points are queued, the file ends, or `maxBytes` are read. */
  private async fillTo(count: number, maxBytes = Infinity): Promise<void> {
    let bytes = 0;
    while (this.queued < count && !this.done && bytes < maxBytes) {
      const { value, done } = await this.chunks.next();
      try {
        if (done) {
          this.done = true;
          this.splitter.end();
        } else {
          bytes += value.length;
          this.splitter.write(value);
        }
      } catch {
        this.done = true;
        throw new LeafError('UPSTREAM_ERROR', "The Leaf API sent a file's standard GeoJSON that is not readable JSON.");
      }
    }
  }

  /** Parses chunks until a point is queued or the file ends. */
  async fill(): Promise<void> {
    if (this.ahead) await this.ahead;
    if (this.failure !== null) {
      const failure = this.failure;
      this.failure = null;
      throw failure;
    }
    await this.fillTo(1);
  }

  /** The next accepted point, or undefined past the end. */
  async take(): Promise<PointFeature | undefined> {
    if (this.queued === 0) await this.fill();
    return this.takeQueued();
  }

  /** The next accepted point already parsed, or undefined when none is (fill, then ask again). */
  takeQueued(): PointFeature | undefined {
    if (this.queued === 0) return undefined;
    const point = this.queue[this.head++]!;
    this.next += 1;
    // Points taken leave the queue, a page's worth at a time (read-ahead keeps it from emptying).
    if (this.head >= 1024 || this.head === this.queue.length) {
      this.queue = this.queue.slice(this.head);
      this.head = 0;
    }
    return point;
  }

  /**
   * Reads on while parked, up to `count` queued points, so the next page finds them parsed
   * while the last one is still on its way to the client. Its failure is the next read's.
   */
  readAhead(count: number): void {
    if (this.ahead || this.done) return;
    this.ahead = this.fillTo(count, READ_AHEAD_BYTES)
      .catch((error: unknown) => {
        this.failure = error;
      })
      .finally(() => {
        this.ahead = null;
      });
  }

  park(onIdle: () => void): void {
    this.timer = setTimeout(onIdle, CURSOR_IDLE_MS);
    this.timer.unref();
  }

  unpark(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  close(): void {
    this.unpark();
    this.done = true;
    this.body.destroy();
  }
}

export class PointsReader {
  private readonly origin: string;
  /** Parked cursors by token hash, URL and filter; Map order is least recently parked first. */
  private readonly cursors = new Map<string, PointsCursor>();
  private readonly counts = new Map<string, number>();
  /** The file (lower-cased) each cursor and count key reads, for forgetFile. */
  private readonly fileOfKey = new Map<string, string>();
  /** One request's windows, so the same page asked twice in a query reads once. */
  private readonly perRequest = new WeakMap<CallOptions, Map<string, Promise<PointsWindow>>>();
  /** Figures for the benchmark and tests: streams opened, and how many resumed a cursor. */
  readonly stats = { opened: 0, resumed: 0 };

  constructor(private readonly client: LeafClient) {
    this.origin = new URL(client.origin).origin;
  }

  close(): void {
    for (const cursor of this.cursors.values()) cursor.close();
    this.cursors.clear();
  }

  /** The path to ask for, or an error when the URL is not on the Leaf API origin. */
  private pathOf(url: string): string {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw leafError('UPSTREAM_ERROR', "The Leaf API sent a standard GeoJSON URL that is not a URL.");
    }
    if (parsed.origin !== this.origin || parsed.username !== '' || parsed.password !== '') {
      // Following it would hand the caller's Leaf token to another host.
      throw leafError('UPSTREAM_ERROR', "The file's standard GeoJSON is not on the Leaf API origin, so the gateway does not fetch it.");
    }
    return `${parsed.pathname}${parsed.search}`;
  }

  private async open(query: PointsQuery, path: string, options: CallOptions): Promise<PointsCursor> {
    const body = await this.client.stream({ path, resource: points }, options);
    this.stats.opened += 1;
    return new PointsCursor(body, query.accept, options.tokenHash, query.file.id.toLowerCase());
  }

  /** Per token (by its hash, worked out once per request), file and filter. */
  private keyOf(query: PointsQuery, options: CallOptions): string {
    requireToken(options);
    const key = `${options.tokenHash}\u0000${query.url}\u0000${query.filterKey}`;
    this.fileOfKey.set(key, query.file.id.toLowerCase());
    // Bounded like the cursors and counts it indexes: keys neither holds any more go.
    if (this.fileOfKey.size > 2 * MAX_COUNTS) {
      for (const known of this.fileOfKey.keys()) if (!this.cursors.has(known) && !this.counts.has(known)) this.fileOfKey.delete(known);
    }
    return key;
  }

  /** A Leaf event says the file changed: its parked cursors and known counts may be old. */
  forgetFile(fileId: string): void {
    const file = fileId.toLowerCase();
    for (const [key, of] of this.fileOfKey) {
      if (of !== file) continue;
      this.cursors.get(key)?.close();
      this.cursors.delete(key);
      this.counts.delete(key);
      this.fileOfKey.delete(key);
    }
  }

  /**
   * The file record a parked cursor of this token keeps for the file, while it is younger than
   * FILE_RECORD_MAX_AGE_MS and no event or write has made it stale; undefined otherwise.
   */
  keptFile(fileId: string, options: CallOptions): { record: FileRecord; tags: ReadonlySet<ReadTag> } | undefined {
    if (options.tokenHash === null) return undefined;
    const file = fileId.toLowerCase();
    const oldest = Date.now() - FILE_RECORD_MAX_AGE_MS;
    let kept: KeptFile | undefined;
    // The most recently parked cursor's record is the newest.
    for (const cursor of this.cursors.values()) {
      if (cursor.file && cursor.tokenHash === options.tokenHash && cursor.fileId === file && cursor.file.readAt > oldest) kept = cursor.file;
    }
    return kept;
  }

  /** An event or a write made these tags stale: records kept showing any of them go (their cursors stay). */
  forgetShowing(stale: ReadonlySet<ReadTag>): void {
    for (const cursor of this.cursors.values()) {
      if (cursor.file && [...cursor.file.tags].some((tag) => stale.has(tag))) cursor.file = null;
    }
  }

  /** A cursor at or before `start`: a parked one when it has not passed it, else a new read. */
  private async cursorFor(key: string, query: PointsQuery, path: string, start: number, options: CallOptions): Promise<PointsCursor> {
    const parked = this.cursors.get(key);
    if (parked) {
      this.cursors.delete(key);
      parked.unpark();
      if (parked.next <= start) {
        this.stats.resumed += 1;
        return parked;
      }
      parked.close();
    }
    return this.open(query, path, options);
  }

  /** Keeps the cursor (and the file record it was read under) for the next page, reading on up to `pageSize` more points meanwhile. */
  private park(key: string, cursor: PointsCursor, pageSize: number, file: KeptFile): void {
    cursor.file = file;
    if (cursor.done && cursor.queued === 0) {
      this.remember(key, cursor.next);
      return cursor.close();
    }
    this.cursors.get(key)?.close();
    this.cursors.set(key, cursor);
    while (this.cursors.size > MAX_CURSORS) {
      const [oldestKey, oldest] = this.cursors.entries().next().value as [string, PointsCursor];
      this.cursors.delete(oldestKey);
      oldest.close();
    }
    cursor.park(() => {
      if (this.cursors.get(key) === cursor) this.cursors.delete(key);
      cursor.close();
    });
    cursor.readAhead(pageSize + 1);
  }

  private remember(key: string, count: number): void {
    if (this.counts.size >= MAX_COUNTS) this.counts.delete(this.counts.keys().next().value as string);
    this.counts.set(key, count);
  }

  /** Accepted points [start, end), and with `probe` whether one exists at `end`. */
  window(query: PointsQuery, start: number, end: number, probe: boolean, options: CallOptions): Promise<PointsWindow> {
    // The stream is not the request's to stop (its cursor parks for the next page), but the
    // request stops waiting for it when it hangs up or its deadline passes.
    return untilCancelled(options, () => this.memoized(query, start, end, probe, options));
  }

  private memoized(query: PointsQuery, start: number, end: number, probe: boolean, options: CallOptions): Promise<PointsWindow> {
    let memo = this.perRequest.get(options);
    if (!memo) this.perRequest.set(options, (memo = new Map()));
    const memoKey = `${query.url}\u0000${query.filterKey}\u0000${start}\u0000${end}\u0000${probe}`;
    let pending = memo.get(memoKey);
    if (!pending) {
      pending = this.read(query, start, end, probe, options);
      memo.set(memoKey, pending);
    }
    return pending;
  }

  private async read(query: PointsQuery, start: number, end: number, probe: boolean, options: CallOptions): Promise<PointsWindow> {
    const key = this.keyOf(query, options);
    const file = this.keeping(query.file);
    const path = this.pathOf(query.url);
    const known = this.counts.get(key);
    if (known !== undefined && start >= known) return { points: [], start, more: false };
    // Opening fails as any upstream read does (a LeafError, or the call budget's refusal).
    const cursor = await this.cursorFor(key, query, path, start, options);
    try {
      return await this.readFrom(cursor, key, start, end, probe, file);
    } catch (error) {
      if (error instanceof LeafError) throw error;
      // A parked stream the upstream has since closed: read again from the start, once.
      return this.readFrom(await this.open(query, path, options), key, start, end, probe, file).catch((again: unknown) => {
        throw again instanceof LeafError ? again : broken();
      });
    }
  }

  /** The record as a cursor keeps it: the kept one itself when the page was answered from it (its age stays), else read now. */
  private keeping(record: FileRecord): KeptFile {
    for (const cursor of this.cursors.values()) if (cursor.file?.record === record) return cursor.file;
    return { record, readAt: Date.now(), tags: new Set(tagsOf(record)) };
  }

  private async readFrom(cursor: PointsCursor, key: string, start: number, end: number, probe: boolean, file: KeptFile): Promise<PointsWindow> {
    try {
      while (cursor.next < start && (await cursor.take()) !== undefined);
      const first = cursor.next;
      const points: PointFeature[] = [];
      // What is already parsed is taken without awaiting: read-ahead usually holds the whole page.
      while (cursor.next < end) {
        const point = cursor.takeQueued() ?? (await cursor.take());
        if (point === undefined) break;
        points.push(point);
      }
      let more = false;
      if (probe) {
        await cursor.fill();
        more = cursor.queued > 0;
      }
      this.park(key, cursor, end - start, file);
      return { points, start: first, more };
    } catch (error) {
      cursor.close();
      throw error;
    }
  }

  /** How many points the filter accepts: read through once per token, file and filter. */
  count(query: PointsQuery, options: CallOptions): Promise<number> {
    return untilCancelled(options, () => this.countAll(query, options));
  }

  private async countAll(query: PointsQuery, options: CallOptions): Promise<number> {
    const key = this.keyOf(query, options);
    const path = this.pathOf(query.url);
    const known = this.counts.get(key);
    if (known !== undefined) return known;
    const cursor = await this.open(query, path, options);
    try {
      while ((await cursor.take()) !== undefined);
    } catch (error) {
      throw error instanceof LeafError ? error : broken();
    } finally {
      cursor.close();
    }
    this.remember(key, cursor.next);
    return cursor.next;
  }
}
