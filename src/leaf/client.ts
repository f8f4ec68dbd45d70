// The transport to Leaf, and nothing else: one undici pool per gateway, retries, the breaker,
// coalesced reads, Leaf errors turned into LeafError values. What to call is src/leaf/resources/
// (called through src/leaf/api.ts); how to read each answer is src/leaf/readers.ts. Tokens are
// passed per call and never stored here.
import { Pool, errors as undiciErrors, type Dispatcher } from 'undici';
import type { UpstreamConfig } from '../config.js';
import { UpstreamBreaker, type BreakerState, type OpenCause } from './breaker.js';
import { DeadlineExceeded, cancelOf, unlessCancelled, type Cancel } from './cancel.js';
import { ReadCoalescer, readKey, scopeUser, type CoalesceKind } from './coalesce.js';
import { LeafError, leafErrorForStatus, requireToken } from './errors.js';
import { exchangeText, type TextAnswer } from './http.js';
import type { LeafClientObserver, UpstreamCallWatch } from './observer.js';
import { PointsReader } from './points.js';
import type { StreamedResource } from './resources/points.js';
import { retryAfterMs, retryDelayMs, type RetryPolicy } from './retry.js';
import { readTags, type ReadTag } from './read-tags.js';

/** Query parameters; arrays repeat the parameter (`sort=a,asc&sort=b,desc`). */
export type Query = Record<string, string | number | readonly string[] | undefined | null>;

export interface CallOptions {
  token: string | null;
  /** sha256 of `token`, worked out once per request (src/server/identity.ts): coalescing keys and write scopes. */
  tokenHash: string | null;
  requestId?: string;
  /** performance.now() when the request arrived: a shared read answered after it may still be handed to it (src/leaf/coalesce.ts). */
  arrivedAt?: number;
  /** What ends the caller's wait for a read: its hang-up, its deadline (a RequestDeadline). Wins over `signal`. */
  cancel?: Cancel;
  signal?: AbortSignal;
  /** The request's allowance of upstream calls (src/server/security/call-budget.ts); asked before each call. */
  budget?: { spend(): void };
}

export interface LeafClientOptions extends Pick<
  UpstreamConfig,
  | 'timeoutMs'
  | 'connectTimeoutMs'
  | 'connections'
  | 'retries'
  | 'retryBaseDelayMs'
  | 'retryMaxDelayMs'
  | 'retryAfterMaxMs'
  | 'breaker'
  | 'coalesceReads'
  | 'coalesceWindowMs'
> {
  url: string;
  /** Metrics, tracing and caches listen here; several may be given. */
  observers?: LeafClientObserver[];
  /** As a cluster worker: the siblings whose coalescers share this one's reads (src/server/cluster.ts). */
  siblings?: SiblingReads;
}

/** A coalesced read as a sibling process asks its owner for it: enough to make the call there. */
export interface SiblingRead {
  path: string;
  endpoint: string;
  /** The breaker's endpoint group (the resource's). */
  group: string;
  leafUserId: string | null;
  /** What the read shows (src/leaf/read-tags.ts): an event naming one detaches it at the owner too. */
  tags: readonly ReadTag[];
  token: string;
  tokenHash: string;
  requestId?: string;
  /** When the request arrived, on the machine's monotonic clock (monotonicMs): the owner shares by it. */
  arrivedAt?: number;
}

/**
 * Reads shared across the processes of a cluster: each read key has one owner process, and an
 * identical read in any sibling joins the owner's coalescer, so adding workers never multiplies
 * the calls to Leaf. `answerOf` resolves to the owner's answer, or to null when this process
 * owns the key or no owner answered in `timeoutMs` (the read is then made here).
 */
export interface SiblingReads {
  answerOf(key: string, read: SiblingRead, timeoutMs: number): Promise<TextAnswer | null> | null;
}

/**
 * performance.now() is counted from each process's own start; adding this gives the machine's
 * monotonic clock (process.hrtime), which every worker of a cluster shares: a sibling's arrival
 * time means the same instant in the owner.
 */
const MONOTONIC_OFFSET_MS = Number(process.hrtime.bigint()) / 1e6 - performance.now();

/** A shared read's upstream answer, and what the reader made of it (worked out once, by the first caller). */
interface SharedAnswer {
  answer: TextAnswer;
  read?: { value: unknown } | { error: unknown };
}

function retryAfterSeconds(header: string | string[] | undefined): number | undefined {
  const ms = retryAfterMs(header);
  return ms === undefined ? undefined : Math.ceil(ms / 1000);
}

/**
 * One upstream call as the endpoint layer describes it: what is sent, the endpoint template it
 * instantiates (metrics and traces name it), the Leaf user it concerns, and how to read the answer.
 */
export interface LeafCall<T> {
  method: Dispatcher.HttpMethod;
  /** Percent-encoded path and query, e.g. `/services/beta/api/users/u/machines?page=0`. */
  path: string;
  /** The path with its ids as placeholders, e.g. `/services/beta/api/users/{id}/machines`. */
  endpoint: string;
  /** The breaker's endpoint group (src/leaf/breaker.ts), the resource's. */
  group: string;
  /** The Leaf user named in the path (Assets API), or null (operations API). */
  leafUserId: string | null;
  /** What the answer shows (src/leaf/read-tags.ts): the writes and events that make it stale drop these. */
  tags: readonly ReadTag[];
  body?: unknown;
  /** Reads the parsed JSON body (undefined for 204): see src/leaf/readers.ts. */
  read: (body: unknown) => T;
}

/**
 * One streamed upstream read (a file's standard GeoJSON): its body is handed back unread, on the
 * pool its resource declares (a parked stream holds its connection).
 */
export interface LeafStreamCall {
  path: string;
  resource: StreamedResource;
}

export type StreamBody = Dispatcher.ResponseData['body'];

/** One upstream exchange to make: who asks (token, request id), and what stops it. */
interface Exchange {
  method: Dispatcher.HttpMethod;
  path: string;
  endpoint: string;
  /** The breaker's endpoint group. */
  group: string;
  accept?: string;
  options: CallOptions;
  cancel: Cancel | undefined;
  body?: unknown;
  /** Sent besides the standard ones (observers', e.g. traceparent). */
  headers?: Record<string, string>;
}

/** What one attempt of an exchange yields: its status, and what the caller keeps of the answer. */
interface Answer {
  status: number;
  retryAfter?: string | string[] | undefined;
}

/** One attempt on the wire, and how to let go of an answer that is not kept (retried or refused). */
interface Attempt<A extends Answer> {
  send(request: Dispatcher.DispatchOptions, cancel: Cancel | undefined): Promise<A>;
  discard?(answer: A): Promise<void>;
}

interface StreamAnswer extends Answer {
  body: StreamBody;
}

/** A caller's own copy of a shared failure, so no caller can alter what another one sees. */
function copyOf(error: unknown): unknown {
  return error instanceof LeafError ? new LeafError(error.code, error.message, { ...error.details }) : error;
}

function isAbort(error: unknown): boolean {
  return (
    error instanceof DeadlineExceeded ||
    error instanceof undiciErrors.RequestAbortedError ||
    (error instanceof Error && (error.name === 'AbortError' || error.name === 'TimeoutError'))
  );
}

/** What ends a caller's wait: its own Cancel, else its signal's. */
function cancelOfCall(options: CallOptions): Cancel | undefined {
  return options.cancel ?? (options.signal ? cancelOf(options.signal) : undefined);
}

/** The options of a call nothing may cut short (writes, streams). */
function withoutCancel(options: CallOptions): CallOptions {
  const { signal: _signal, cancel: _cancel, ...rest } = options;
  return rest;
}

/**
 * A wait the caller ended (hung up, or its deadline passed). Marked aborted, so the breaker does
 * not count it, unless the call had already waited its whole timeout (`unanswered`).
 */
function callerGaveUp(reason: unknown, where: { method?: string; path?: string } = {}, unanswered = false): LeafError {
  const message =
    reason instanceof DeadlineExceeded
      ? `The Leaf API did not answer within the request's deadline of ${reason.ms} ms.`
      : 'The request was cancelled before the Leaf API answered.';
  return new LeafError('UPSTREAM_ERROR', message, { ...where, ...(unanswered ? {} : { aborted: true }) });
}

/**
 * Starts `work` and waits for it as long as the call's caller does: past its hang-up or deadline
 * the wait ends with the error a read gives, while `work` goes on (a points cursor parks itself
 * when done). Nothing is started for a caller who has already given up.
 */
export function untilCancelled<T>(options: CallOptions, start: () => Promise<T>): Promise<T> {
  const cancel = cancelOfCall(options);
  if (!cancel) return start();
  if (cancel.cancelled) return Promise.reject(callerGaveUp(cancel.reason));
  return unlessCancelled(start(), cancel, () => callerGaveUp(cancel.reason));
}

export class LeafClient {
  readonly origin: string;
  private readonly pool: Pool;
  /** The pools of the resources that declare their own (points), made on first use. */
  private readonly ownPools = new Map<StreamedResource, Pool>();
  private readonly poolOptions: Pool.Options;
  private readonly retryPolicy: RetryPolicy;
  private readonly timeoutMs: number;
  private readonly observers: LeafClientObserver[];
  private readonly breaker: UpstreamBreaker;
  /** Null when LEAF_COALESCE_READS is off: every read goes upstream itself. */
  private readonly coalescer: ReadCoalescer | null;
  /** Files' standard GeoJSON points, streamed through this client (context.leaf reads them). */
  readonly points: PointsReader;
  private readonly siblings: SiblingReads | undefined;
  /** How long a sibling may take to answer a read it owns, retries included, before this process reads it itself. */
  private readonly siblingTimeoutMs: number;
  /** The whole answer as text, on the client's pool: every call but streams. */
  private readonly asText: Attempt<TextAnswer> = { send: (request, cancel) => exchangeText(this.pool, request, cancel) };

  constructor(options: LeafClientOptions) {
    this.origin = options.url;
    this.observers = [...(options.observers ?? [])];
    this.timeoutMs = options.timeoutMs;
    this.poolOptions = {
      connect: { timeout: options.connectTimeoutMs },
      keepAliveTimeout: 30_000,
      headersTimeout: options.timeoutMs,
      bodyTimeout: options.timeoutMs,
    };
    this.pool = new Pool(options.url, { ...this.poolOptions, connections: options.connections });
    this.retryPolicy = {
      retries: options.retries,
      baseDelayMs: options.retryBaseDelayMs,
      maxDelayMs: Math.max(options.retryBaseDelayMs, options.retryMaxDelayMs),
      retryAfterMaxMs: options.retryAfterMaxMs,
    };
    this.breaker = new UpstreamBreaker(options.breaker, (group, cause) => this.announceOpen(group, cause));
    this.siblings = options.siblings;
    this.siblingTimeoutMs = (options.retries + 1) * options.timeoutMs + options.retries * this.retryPolicy.maxDelayMs + 1_000;
    // A shared read is joined for a tenth of the timeout at most: past that it is a slow one.
    const joinWindowMs = Math.max(100, options.timeoutMs / 10);
    this.coalescer = options.coalesceReads ? new ReadCoalescer((kind) => this.announceCoalesce(kind), joinWindowMs, options.coalesceWindowMs) : null;
    this.points = new PointsReader(this);
  }

  async close(): Promise<void> {
    this.breaker.close();
    await this.pool.close();
    this.points.close();
    await Promise.all([...this.ownPools.values()].map((pool) => pool.close()));
  }

  private poolOf(resource: StreamedResource): Pool {
    let pool = this.ownPools.get(resource);
    if (!pool) this.ownPools.set(resource, (pool = new Pool(this.origin, { ...this.poolOptions, connections: resource.connections })));
    return pool;
  }

  /** Per endpoint group called so far: 'open' while its calls fail fast, 'halfOpen' while one probe is let through. */
  get breakerStates(): Record<string, BreakerState> {
    return this.breaker.states;
  }

  /** Adds a listener after construction (e.g. a cache created later than the client). */
  observe(observer: LeafClientObserver): void {
    this.observers.push(observer);
  }

  private announceOpen(group: string, cause: OpenCause): void {
    for (const observer of this.observers) observer.onCircuitOpen?.(group, cause);
  }

  private announceCoalesce(kind: CoalesceKind): void {
    for (const observer of this.observers) observer.onCoalesce?.(kind);
  }

  /** Before a write is sent and again once it is answered: see ReadCoalescer.detachForWrite. */
  private announceWrite(leafUserId: string, options: CallOptions): void {
    const user = scopeUser(leafUserId);
    this.detachReadsForWrite(user, options.tokenHash);
    for (const observer of this.observers) observer.onWrite?.(user, options.tokenHash);
  }

  /** A write announced here or by another process sharing this upstream (a cluster sibling). */
  detachReadsForWrite(leafUserId: string, tokenHash: string | null): void {
    if (this.coalescer && tokenHash) this.coalescer.detachForWrite(leafUserId, tokenHash);
    // Files kept by points cursors are records read under the user, as cached answers are.
    this.points.forgetShowing(new Set([readTags.user(leafUserId)]));
  }

  /** A Leaf event made these tags stale (src/events): shared reads showing them take no newcomers. */
  detachReadsShowing(stale: ReadonlySet<ReadTag>): void {
    this.coalescer?.detachShowing(stale);
    // Files kept by points cursors are records read under their tags, as shared reads are.
    this.points.forgetShowing(stale);
  }

  /**
   * A write for the Leaf user it names: announced before it is sent and after it settles,
   * either way. Sent once, never shared with another caller.
   */
  async write<T>(call: LeafCall<T> & { leafUserId: string }, options: CallOptions): Promise<T> {
    requireToken(options);
    options.budget?.spend();
    this.announceWrite(call.leafUserId, options);
    // A caller hanging up (or its deadline) does not cut a write short: half-sent, its outcome
    // would be unknowable.
    const unabortable = withoutCancel(options);
    try {
      const { method, path, endpoint, group, body } = call;
      return this.readAnswer(call, await this.send({ method, path, endpoint, group, options: unabortable, cancel: undefined, body }, this.asText));
    } finally {
      this.announceWrite(call.leafUserId, options);
    }
  }

  /**
   * One upstream read, resolved to the value its reader makes of the answer. With coalescing
   * on, a read joins an identical one in flight with the same token, and everyone who joined
   * shares the one value that read parsed and checked: one JSON.parse and one reader per
   * upstream answer, however many callers joined (readers' types are readonly for that reason).
   */
  async read<T>(call: LeafCall<T>, options: CallOptions): Promise<T> {
    const token = requireToken(options);
    options.budget?.spend();
    const cancel = cancelOfCall(options);
    const { method, path, endpoint, group } = call;
    if (method !== 'GET' || !this.coalescer || options.tokenHash === null) {
      return this.readAnswer(call, await this.send({ method, path, endpoint, group, options, cancel }, this.asText));
    }
    const { tokenHash } = options;
    const { key, scope } = this.sharing(path, tokenHash, call.leafUserId, call.tags);
    try {
      // The shared call carries the request id of the caller that started it, and stops only
      // when no caller is left (its own Cancel), not when the one that started it hangs up.
      const shared = await this.coalescer.run(
        key,
        scope,
        async (sharedCancel): Promise<SharedAnswer> => {
          const { requestId, arrivedAt } = options;
          const { leafUserId, tags } = call;
          const onMachine = arrivedAt === undefined ? undefined : arrivedAt + MONOTONIC_OFFSET_MS;
          const sibling: SiblingRead = { path, endpoint, group, leafUserId, tags, token, tokenHash, requestId, arrivedAt: onMachine };
          const owned = await this.siblings?.answerOf(key, sibling, this.siblingTimeoutMs);
          return { answer: owned ?? (await this.send({ method, path, endpoint, group, options, cancel: sharedCancel }, this.asText)) };
        },
        cancel,
        options.arrivedAt,
      );
      return this.readShared(call, key, shared);
    } catch (error) {
      throw isAbort(error) ? this.transportError(error, method, path) : copyOf(error);
    }
  }

  /**
   * A read a sibling process sent to this one, its owner (SiblingReads): it joins this
   * process's coalescer like any local read, and its answer goes back as text.
   */
  async answerSibling(read: SiblingRead): Promise<TextAnswer> {
    const { path, endpoint, group, token, tokenHash, requestId } = read;
    const options: CallOptions = { token, tokenHash, requestId };
    if (!this.coalescer) return this.send({ method: 'GET', path, endpoint, group, options, cancel: undefined }, this.asText);
    const { key, scope } = this.sharing(path, tokenHash, read.leafUserId, read.tags);
    const arrivedAt = read.arrivedAt === undefined ? undefined : read.arrivedAt - MONOTONIC_OFFSET_MS;
    const shared = await this.coalescer.run(
      key,
      scope,
      async (cancel): Promise<SharedAnswer> => ({ answer: await this.send({ method: 'GET', path, endpoint, group, options, cancel }, this.asText) }),
      undefined,
      arrivedAt,
    );
    return shared.answer;
  }

  /**
   * Where a GET is shared in the coalescer: its key, and the scope writes and events detach it by.
   * One place for local reads and siblings', so a sibling's read always joins the same call.
   */
  private sharing(path: string, tokenHash: string, leafUserId: string | null, tags: LeafCall<unknown>['tags']) {
    const key = readKey('GET', `${this.origin}${path}`, tokenHash);
    return { key, scope: { tokenHash, leafUserId: leafUserId === null ? null : scopeUser(leafUserId), tags } };
  }

  /** The reader's value of a shared answer: read by the first caller, handed to the rest. */
  private readShared<T>(call: LeafCall<T>, key: string, shared: SharedAnswer): T {
    if (!shared.read) {
      try {
        shared.read = { value: this.readAnswer(call, shared.answer) };
      } catch (error) {
        shared.read = { error };
        // A refused answer is shared with those who joined before it was read, like a failed call.
        this.coalescer?.forget(key, shared);
      }
    }
    if ('error' in shared.read) throw shared.read.error;
    // Every caller of one key reads the same path with the same reader, so the value is a T.
    return shared.read.value as T;
  }

  /**
   * One streamed read: through the breaker, the observers (the call is reported once its headers
   * arrive), the trace headers and the call budget like any read, and its opening retried on the
   * same terms; the body is the caller's to read and to close. Never coalesced: each stream is
   * one reader's position in the file.
   */
  async stream(call: LeafStreamCall, options: CallOptions): Promise<StreamBody> {
    requireToken(options);
    options.budget?.spend();
    const { path, resource } = call;
    const { endpoint, group, accept } = resource;
    const pool = this.poolOf(resource);
    const attempt: Attempt<StreamAnswer> = {
      send: async (request) => {
        const response = await pool.request(request);
        return { status: response.statusCode, retryAfter: response.headers['retry-after'], body: response.body };
      },
      discard: (answer) => answer.body.dump().catch(() => undefined),
    };
    // Not cancellable: a parked stream outlives the request that opened it.
    const unabortable = withoutCancel(options);
    const answer = await this.send({ method: 'GET', path, endpoint, group, accept, options: unabortable, cancel: undefined }, attempt);
    return answer.body;
  }

  /** Parses the answer once and reads it against its documented shape. */
  private readAnswer<T>(call: LeafCall<T>, answer: TextAnswer): T {
    let body: unknown;
    if (answer.status !== 204 && answer.text !== '') {
      try {
        body = JSON.parse(answer.text) as unknown;
      } catch {
        throw new LeafError('UPSTREAM_ERROR', 'The Leaf API sent an unreadable answer.', { status: answer.status, method: call.method, path: call.path });
      }
    }
    try {
      return call.read(body);
    } catch (error) {
      if (error instanceof LeafError) Object.assign(error.details, { status: answer.status, method: call.method, path: call.path });
      throw error;
    }
  }

  /** One exchange through the breaker, reported to observers. A call the open breaker refuses
   * never reached Leaf, so it is not reported as an upstream call. */
  private async send<A extends Answer>(exchange: Exchange, attempt: Attempt<A>): Promise<A> {
    return this.breaker.run(exchange.group, () => (this.observers.length === 0 ? this.exchange(exchange, attempt) : this.observed(exchange, attempt)));
  }

  private async observed<A extends Answer>(exchange: Exchange, attempt: Attempt<A>): Promise<A> {
    const started = performance.now();
    const { endpoint } = exchange;
    const requestId = exchange.options.requestId;
    const watches: UpstreamCallWatch[] = [];
    let headers: Record<string, string> | undefined;
    for (const observer of this.observers) {
      const watch = observer.startUpstreamCall?.({ method: exchange.method, endpoint, requestId });
      if (!watch) continue;
      watches.push(watch);
      if (watch.headers) headers = { ...headers, ...watch.headers };
    }
    let status: number | null = null;
    let errorCode: string | null = null;
    try {
      const answer = await this.exchange(headers ? { ...exchange, headers } : exchange, attempt);
      status = answer.status;
      return answer;
    } catch (error) {
      if (error instanceof LeafError) {
        errorCode = error.code;
        status = typeof error.details.status === 'number' ? error.details.status : null;
      } else errorCode = 'UPSTREAM_ERROR';
      throw error;
    } finally {
      const event = { method: exchange.method, endpoint, status, errorCode, durationMs: performance.now() - started, requestId };
      for (const watch of watches) watch.end(event);
      for (const observer of this.observers) observer.onUpstreamCall?.(event);
    }
  }

  /**
   * The HTTP exchange itself; non-2xx answers become LeafErrors. Reads are repeated on the
   * failures src/leaf/retry.ts names, after its delay; a write is sent once (contract section 7).
   * The loop costs nothing on the first answer, which is nearly always the last.
   */
  private async exchange<A extends Answer>({ method, path, accept, options, cancel, body, headers: extra }: Exchange, attempt: Attempt<A>): Promise<A> {
    const headers: Record<string, string> = {
      ...extra,
      authorization: `Bearer ${options.token ?? ''}`,
      accept: accept ?? 'application/json',
    };
    if (options.requestId) headers['x-request-id'] = options.requestId;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const request: Dispatcher.DispatchOptions = {
      method,
      path,
      headers,
      body: body === undefined ? null : JSON.stringify(body),
      headersTimeout: this.timeoutMs,
      bodyTimeout: this.timeoutMs,
    };
    for (let tries = 1; ; tries++) {
      let answer: A;
      const sentAt = performance.now();
      try {
        answer = await attempt.send(request, cancel);
      } catch (error) {
        // Given up on after the whole timeout (undici's own clock fires up to a second late): as
        // unanswered as a timeout, whoever stopped it, so the breaker counts it.
        if (isAbort(error)) throw callerGaveUp(error, { method, path }, performance.now() - sentAt >= this.timeoutMs);
        const code = (error as { code?: unknown }).code;
        const delay = retryDelayMs({ method, code: typeof code === 'string' ? code : undefined }, tries, this.retryPolicy);
        if (delay === null) throw this.transportError(error, method, path);
        await this.pause(delay, method, path, cancel);
        continue;
      }
      const { status, retryAfter } = answer;
      if (status >= 200 && status < 300) return answer;
      await attempt.discard?.(answer);
      const delay = retryDelayMs({ method, statusCode: status, retryAfter }, tries, this.retryPolicy);
      if (delay === null) {
        const error = leafErrorForStatus(status, retryAfterSeconds(retryAfter));
        Object.assign(error.details, { method, path });
        throw error;
      }
      await this.pause(delay, method, path, cancel);
    }
  }

  /** Waits out a retry delay; a caller who gives up meanwhile ends the wait (and the read). */
  private pause(ms: number, method: string, path: string, cancel: Cancel | undefined): Promise<void> {
    if (cancel?.cancelled) return Promise.reject(this.transportError(cancel.reason, method, path));
    return new Promise((resolve, reject) => {
      const unlisten = cancel?.listen(() => {
        clearTimeout(timer);
        reject(this.transportError(cancel.reason, method, path));
      });
      const timer = setTimeout(() => {
        unlisten?.();
        resolve();
      }, ms);
    });
  }

  private transportError(error: unknown, method: string, path: string): LeafError {
    if (error instanceof LeafError) return error;
    if (isAbort(error)) return callerGaveUp(error, { method, path });
    const timedOut =
      error instanceof undiciErrors.HeadersTimeoutError ||
      error instanceof undiciErrors.BodyTimeoutError ||
      error instanceof undiciErrors.ConnectTimeoutError;
    const message = timedOut ? 'The Leaf API did not answer in time.' : 'The Leaf API could not be reached.';
    return new LeafError('UPSTREAM_ERROR', message, { method, path });
  }
}
