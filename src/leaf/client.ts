// The upstream, and nothing else: one undici pool per gateway, typed calls, Leaf errors
// turned into LeafError values. Tokens are passed per call and never stored here.
import { Pool, errors as undiciErrors, type Dispatcher } from 'undici';
import type { UpstreamConfig } from '../config.js';
import { UpstreamBreaker } from './breaker.js';
import { cancelOf, type Cancel } from './cancel.js';
import { ReadCoalescer, hashToken, leafUserOfPath, readKey, type CoalesceKind } from './coalesce.js';
import { LeafError, leafError, leafErrorForStatus } from './errors.js';
import { exchangeText, type TextAnswer } from './http.js';
import { endpointOf, type LeafClientObserver, type UpstreamCallWatch } from './observer.js';
import { retryAfterMs, retryDelayMs, type RetryPolicy } from './retry.js';
import {
  ASSETS_PREFIX,
  OPERATIONS_PREFIX,
  type LeafFieldOperation,
  type LeafFile,
  type LeafImage,
  type LeafImplement,
  type LeafMachine,
  type LeafMachineFile,
  type LeafMachineInput,
  type LeafOperator,
  type LeafSummary,
} from './types.js';

/** Query parameters; arrays repeat the parameter (`sort=a,asc&sort=b,desc`). */
export type Query = Record<string, string | number | readonly string[] | undefined | null>;

export interface CallOptions {
  token: string | null;
  requestId?: string;
  signal?: AbortSignal;
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
  | 'breakerFailures'
  | 'breakerCooldownMs'
  | 'coalesceReads'
> {
  url: string;
  /** Metrics, tracing and caches listen here; several may be given. */
  observers?: LeafClientObserver[];
}

export function toSearch(query: Query | undefined): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value === undefined || value === null) continue;
    if (Array.isArray(value)) for (const item of value) params.append(name, item);
    else params.append(name, String(value));
  }
  const search = params.toString();
  return search ? `?${search}` : '';
}

function segment(id: string): string {
  return encodeURIComponent(id);
}

function retryAfterSeconds(header: string | string[] | undefined): number | undefined {
  const ms = retryAfterMs(header);
  return ms === undefined ? undefined : Math.ceil(ms / 1000);
}

/** One upstream exchange to make: who asks (token, request id), and what stops it. */
interface Exchange {
  method: Dispatcher.HttpMethod;
  path: string;
  options: CallOptions;
  cancel: Cancel | undefined;
  body?: unknown;
  /** Sent besides the standard ones (observers', e.g. traceparent). */
  headers?: Record<string, string>;
}

/** What one upstream exchange yields before parsing; shared reads share this, never parsed objects. */
interface Answer {
  status: number;
  text: string;
}

/**
 * The token's hash, worked out once per request: keyed by the request's CallOptions object, so
 * it is dropped with the request and no raw token outlives it here.
 */
const tokenHashes = new WeakMap<CallOptions, string>();

function tokenHashOf(options: CallOptions, token: string): string {
  let hash = tokenHashes.get(options);
  if (hash === undefined) {
    hash = hashToken(token);
    tokenHashes.set(options, hash);
  }
  return hash;
}

/** A caller's own copy of a shared failure, so no caller can alter what another one sees. */
function copyOf(error: unknown): unknown {
  return error instanceof LeafError ? new LeafError(error.code, error.message, { ...error.details }) : error;
}

function isAbort(error: unknown): boolean {
  return (
    error instanceof undiciErrors.RequestAbortedError ||
    (error instanceof Error && (error.name === 'AbortError' || error.name === 'TimeoutError'))
  );
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Narrows an upstream body once, at the edge: records must at least carry a string id. */
function asRecord<T>(value: unknown): T {
  if (!isObject(value) || typeof value.id !== 'string') throw leafError('UPSTREAM_ERROR', 'The Leaf API sent an unreadable answer.');
  return value as T;
}

function asRecords<T>(value: unknown): T[] {
  if (!Array.isArray(value)) throw leafError('UPSTREAM_ERROR', 'The Leaf API sent an unreadable answer.');
  return value.map((item) => asRecord<T>(item));
}

function asSummary(value: unknown): LeafSummary | null {
  if (value === null || value === undefined) return null;
  if (!isObject(value) || !isObject(value.properties) || typeof value.properties.operationType !== 'string') {
    throw leafError('UPSTREAM_ERROR', 'The Leaf API sent an unreadable operation summary.');
  }
  return value as unknown as LeafSummary;
}

function asImages(value: unknown): LeafImage[] {
  if (!Array.isArray(value) || !value.every((item) => isObject(item) && typeof item.property === 'string')) {
    throw leafError('UPSTREAM_ERROR', 'The Leaf API sent unreadable images.');
  }
  return value as LeafImage[];
}

export class LeafClient {
  readonly origin: string;
  private readonly pool: Pool;
  private readonly retryPolicy: RetryPolicy;
  private readonly timeoutMs: number;
  private readonly observers: LeafClientObserver[];
  private readonly breaker: UpstreamBreaker;
  /** Null when LEAF_COALESCE_READS is off: every read goes upstream itself. */
  private readonly coalescer: ReadCoalescer | null;

  constructor(options: LeafClientOptions) {
    this.origin = options.url;
    this.observers = [...(options.observers ?? [])];
    this.timeoutMs = options.timeoutMs;
    this.pool = new Pool(options.url, {
      connections: options.connections,
      connect: { timeout: options.connectTimeoutMs },
      keepAliveTimeout: 30_000,
      headersTimeout: options.timeoutMs,
      bodyTimeout: options.timeoutMs,
    });
    this.retryPolicy = {
      retries: options.retries,
      baseDelayMs: options.retryBaseDelayMs,
      maxDelayMs: Math.max(options.retryBaseDelayMs, options.retryMaxDelayMs),
      retryAfterMaxMs: options.retryAfterMaxMs,
    };
    this.breaker = new UpstreamBreaker({ failures: options.breakerFailures, cooldownMs: options.breakerCooldownMs });
    this.coalescer = options.coalesceReads ? new ReadCoalescer((kind) => this.announceCoalesce(kind)) : null;
  }

  async close(): Promise<void> {
    this.breaker.close();
    await this.pool.close();
  }

  /** 'open' while the breaker fails calls fast; 'halfOpen' while one probe is let through. */
  get breakerState(): UpstreamBreaker['state'] {
    return this.breaker.state;
  }

  /** Adds a listener after construction (e.g. a cache created later than the client). */
  observe(observer: LeafClientObserver): void {
    this.observers.push(observer);
  }

  private announceCoalesce(kind: CoalesceKind): void {
    for (const observer of this.observers) observer.onCoalesce?.(kind);
  }

  /** Before a write is sent and again once it is answered: see ReadCoalescer.detachForWrite. */
  private announceWrite(leafUserId: string, options: CallOptions): void {
    const tokenHash = options.token ? hashToken(options.token) : null;
    this.detachReadsForWrite(leafUserId, tokenHash);
    for (const observer of this.observers) observer.onWrite?.(leafUserId, tokenHash);
  }

  /** A write announced here or by another process sharing this upstream (a cluster sibling). */
  detachReadsForWrite(leafUserId: string, tokenHash: string | null): void {
    if (this.coalescer && tokenHash) this.coalescer.detachForWrite(leafUserId, tokenHash);
  }

  /** A write for `leafUserId`: announced before it is sent and after it settles, either way. */
  private async write(
    leafUserId: string,
    method: Dispatcher.HttpMethod,
    path: string,
    options: CallOptions,
    body?: unknown,
  ): Promise<unknown> {
    this.announceWrite(leafUserId, options);
    // A caller hanging up does not cut a write short: half-sent, its outcome would be unknowable.
    const { signal: _ignored, ...unabortable } = options;
    try {
      return await this.call(method, path, unabortable, body);
    } finally {
      this.announceWrite(leafUserId, options);
    }
  }

  /**
   * One upstream call; resolves to the parsed JSON body (undefined for 204). GETs join an
   * identical one in flight with the same token when coalescing is on; each caller parses the
   * shared text itself, so each gets its own copy.
   */
  async call(method: Dispatcher.HttpMethod, path: string, options: CallOptions, body?: unknown): Promise<unknown> {
    if (!options.token) throw leafError('UNAUTHENTICATED', 'No credentials: send an Authorization: Bearer <token> header.');
    const cancel = options.signal ? cancelOf(options.signal) : undefined;
    let answer: Answer;
    if (method === 'GET' && this.coalescer) {
      const tokenHash = tokenHashOf(options, options.token);
      const key = readKey(method, `${this.origin}${path}`, tokenHash);
      const scope = { tokenHash, leafUserId: leafUserOfPath(path) };
      try {
        // The shared call carries the request id of the caller that started it, and stops only
        // when no caller is left (its own Cancel), not when the one that started it hangs up.
        answer = await this.coalescer.run(key, scope, (shared) => this.send({ method, path, options, cancel: shared }), cancel);
      } catch (error) {
        throw isAbort(error) ? this.transportError(error, method, path) : copyOf(error);
      }
    } else answer = await this.send({ method, path, options, cancel, body });
    if (answer.status === 204 || answer.text === '') return undefined;
    try {
      return JSON.parse(answer.text) as unknown;
    } catch {
      throw new LeafError('UPSTREAM_ERROR', 'The Leaf API sent an unreadable answer.', { status: answer.status, method, path });
    }
  }

  /** One exchange through the breaker, reported to observers. A call the open breaker refuses
   * never reached Leaf, so it is not reported as an upstream call. */
  private async send(exchange: Exchange): Promise<Answer> {
    return this.breaker.run(() => (this.observers.length === 0 ? this.exchange(exchange) : this.observed(exchange)));
  }

  private async observed(exchange: Exchange): Promise<Answer> {
    const started = performance.now();
    const endpoint = endpointOf(exchange.path);
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
      const answer = await this.exchange(headers ? { ...exchange, headers } : exchange);
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
  private async exchange({ method, path, options, cancel, body, headers: extra }: Exchange): Promise<Answer> {
    const headers: Record<string, string> = {
      ...extra,
      authorization: `Bearer ${options.token ?? ''}`,
      accept: 'application/json',
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
    for (let attempt = 1; ; attempt++) {
      let answer: TextAnswer;
      try {
        answer = await exchangeText(this.pool, request, cancel);
      } catch (error) {
        const code = (error as { code?: unknown }).code;
        const delay = isAbort(error) ? null : retryDelayMs({ method, code: typeof code === 'string' ? code : undefined }, attempt, this.retryPolicy);
        if (delay === null) throw this.transportError(error, method, path);
        await this.pause(delay, method, path, cancel);
        continue;
      }
      const { status, text, retryAfter } = answer;
      if (status >= 200 && status < 300) return { status, text };
      const delay = retryDelayMs({ method, statusCode: status, retryAfter }, attempt, this.retryPolicy);
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
    if (isAbort(error)) {
      return new LeafError('UPSTREAM_ERROR', 'The request was cancelled before the Leaf API answered.', {
        method,
        path,
        aborted: true,
      });
    }
    const timedOut =
      error instanceof undiciErrors.HeadersTimeoutError ||
      error instanceof undiciErrors.BodyTimeoutError ||
      error instanceof undiciErrors.ConnectTimeoutError;
    const message = timedOut ? 'The Leaf API did not answer in time.' : 'The Leaf API could not be reached.';
    return new LeafError('UPSTREAM_ERROR', message, { method, path });
  }

  // --- Assets (beta) -------------------------------------------------------------------

  private assets(leafUserId: string, rest: string): string {
    return `${ASSETS_PREFIX}/users/${segment(leafUserId)}${rest}`;
  }

  async listMachines(leafUserId: string, query: Query, options: CallOptions): Promise<LeafMachine[]> {
    return asRecords(await this.call('GET', this.assets(leafUserId, `/machines${toSearch(query)}`), options));
  }

  async getMachine(leafUserId: string, machineId: string, options: CallOptions): Promise<LeafMachine> {
    return asRecord(await this.call('GET', this.assets(leafUserId, `/machines/${segment(machineId)}`), options));
  }

  async listMachineFiles(
    leafUserId: string,
    machineId: string,
    query: Query,
    options: CallOptions,
  ): Promise<LeafMachineFile[]> {
    const path = this.assets(leafUserId, `/machines/${segment(machineId)}/files${toSearch(query)}`);
    const links = asRecords<LeafMachineFile>(await this.call('GET', path, options));
    // A link is only usable with the file it points at: its id keys the link and the file.
    if (!links.every((link) => typeof link.leafFileId === 'string')) {
      throw leafError('UPSTREAM_ERROR', 'The Leaf API sent a machine file without its leafFileId.');
    }
    return links;
  }

  async createMachine(leafUserId: string, input: LeafMachineInput, options: CallOptions): Promise<LeafMachine> {
    return asRecord(await this.write(leafUserId, 'POST', this.assets(leafUserId, '/machines'), options, input));
  }

  async updateMachine(
    leafUserId: string,
    machineId: string,
    input: LeafMachineInput,
    options: CallOptions,
  ): Promise<LeafMachine> {
    const path = this.assets(leafUserId, `/machines/${segment(machineId)}`);
    return asRecord(await this.write(leafUserId, 'PATCH', path, options, input));
  }

  async deleteMachine(leafUserId: string, machineId: string, options: CallOptions): Promise<void> {
    await this.write(leafUserId, 'DELETE', this.assets(leafUserId, `/machines/${segment(machineId)}`), options);
  }

  async listImplements(leafUserId: string, query: Query, options: CallOptions): Promise<LeafImplement[]> {
    return asRecords(await this.call('GET', this.assets(leafUserId, `/implements${toSearch(query)}`), options));
  }

  async getImplement(leafUserId: string, implementId: string, options: CallOptions): Promise<LeafImplement> {
    return asRecord(await this.call('GET', this.assets(leafUserId, `/implements/${segment(implementId)}`), options));
  }

  async listOperators(leafUserId: string, query: Query, options: CallOptions): Promise<LeafOperator[]> {
    return asRecords(await this.call('GET', this.assets(leafUserId, `/operators${toSearch(query)}`), options));
  }

  async getOperator(leafUserId: string, operatorId: string, options: CallOptions): Promise<LeafOperator> {
    return asRecord(await this.call('GET', this.assets(leafUserId, `/operators/${segment(operatorId)}`), options));
  }

  // --- Machine data (operations API) ---------------------------------------------------

  async getFile(fileId: string, options: CallOptions): Promise<LeafFile> {
    const file = asRecord<LeafFile>(await this.call('GET', `${OPERATIONS_PREFIX}/files/${segment(fileId)}`, options));
    return { ...file, summary: asSummary(file.summary), fields: Array.isArray(file.fields) ? file.fields : [] };
  }

  async getFileImages(fileId: string, options: CallOptions): Promise<LeafImage[]> {
    return asImages(await this.call('GET', `${OPERATIONS_PREFIX}/files/${segment(fileId)}/images`, options));
  }

  async getOperation(operationId: string, options: CallOptions): Promise<LeafFieldOperation> {
    const path = `${OPERATIONS_PREFIX}/operations/${segment(operationId)}`;
    return asRecord(await this.call('GET', path, options));
  }

  async getOperationSummary(operationId: string, options: CallOptions): Promise<LeafSummary | null> {
    const path = `${OPERATIONS_PREFIX}/operations/${segment(operationId)}/summary`;
    return asSummary(await this.call('GET', path, options));
  }

  /** True when the upstream answers HTTP at all (any status): used by /readiness. */
  async reachable(timeoutMs: number): Promise<boolean> {
    try {
      const response = await this.pool.request({
        method: 'GET',
        path: `${ASSETS_PREFIX}/users`,
        headersTimeout: timeoutMs,
        bodyTimeout: timeoutMs,
        signal: AbortSignal.timeout(timeoutMs),
      });
      await response.body.dump();
      return true;
    } catch {
      return false;
    }
  }
}
