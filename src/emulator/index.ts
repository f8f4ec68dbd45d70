// The embedded Leaf emulator: a real HTTP server over seeded data, with a call log,
// adjustable latency and fault injection, for tests, demos and benchmarks.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PROBE_USER_AGENT } from '../leaf/readiness.js';
import { Activity, validActivityInterval, type EmulatorActivity } from './alerts/activity.js';
import type { AssetIdField } from './alerts/events.js';
import { Alerts, type EmulatorAlerts } from './alerts/index.js';
import { handleControlRequest, isControlPath, type ControlTarget } from './control.js';
import { DOCUMENTED } from './documented/routes.js';
import { LeafHttpError, problemBody } from './errors.js';
import { FaultRules, type FaultRule } from './faults.js';
import type { QueryParams } from './query.js';
import { assignPointsUrls, pointsRequestFile, streamPoints } from './points.js';
import type { CallRecord, LeafResponse } from './exchange.js';
import { handleLeafRequest } from './routes.js';
import type { Scale } from './seed-tables.js';
import { seedStore } from './seed.js';
import type { EmulatorStore, EmulatorToken } from './store.js';

export type { FaultRule } from './faults.js';
export type { EmulatorActivity, MachineFileInput, MachineRenamedInput, OperationFinishedInput } from './alerts/activity.js';
export { DEFAULT_ACTIVITY_MS, MIN_ACTIVITY_MS } from './alerts/activity.js';
export type { AlertDelivery, AssetIdField, EmulatorAlerts, EmulatorEvent, RenderedEvent } from './alerts/index.js';
export { RETRY_MINUTES, signatureOf } from './alerts/delivery.js';
export type { EmulatorStore, EmulatorToken } from './store.js';
export type { Scale } from './seed-tables.js';
export { LARGE_POINT_COUNT, pointsOf } from './points.js';
export { DEMO_TOKEN, OTHER_TOKEN, BENCH_TOKEN, DEMO_USER_IDS, DEMO_USER_SIZE, FIXED_SHAPES, SCALES } from './seed-tables.js';
export { seedStore } from './seed.js';
export { DOCUMENTED, DOCUMENTED_TOKEN, DOCUMENTED_USER_ID } from './documented/routes.js';
export type { CallRecord } from './exchange.js';
export type { LeafFile, LeafImage } from './resources/files.js';
export type { LeafImplement } from './resources/implements.js';
export type { LeafMachineFile } from './resources/machine-files.js';
export type { LeafMachine } from './resources/machines.js';
export type { LeafFieldOperation } from './resources/operations.js';
export type { LeafOperator } from './resources/operators.js';
export type { LeafSummary } from './summaries.js';

export interface EmulatorOptions {
  /** Default 0 (ephemeral). */
  port?: number;
  /** Default '127.0.0.1'. */
  host?: string;
  /** Default 'demo'. */
  scale?: Scale;
  /** Fixed delay before every response, default 0. */
  latencyMs?: number;
  /** Multiplies Leaf's webhook retry schedule (1, 30, 60, 240 minutes); default 1. 1/60000 turns minutes into milliseconds. */
  alertsRetryScale?: number;
  /** Which id field asset events carry: `named` (machineId, …; default) or `id`, the other spelling Leaf allows. */
  assetIdField?: AssetIdField;
  /** Starts the activity switch at this interval (ms); default off. */
  activityEveryMs?: number;
}

export interface EmulatorUserSummary {
  leafUserId: string;
  machines: number;
  implements: number;
  operators: number;
  machineFiles: number;
}

export interface Emulator {
  /** Origin, no trailing slash, e.g. http://127.0.0.1:43121. */
  url: string;
  tokens: EmulatorToken[];
  /** tokens[0].token: the token the gateway uses by default in demo mode. */
  demoToken: string;
  /** The token and path user under which Leaf's documented examples are served (./documented/). */
  documented: { token: string; leafUserId: string };
  /** Counts per seeded user, computed on each read so writes show. */
  readonly users: EmulatorUserSummary[];
  /** The live call log: one array, appended to. */
  calls: CallRecord[];
  resetCalls(): void;
  setLatency(ms: number): void;
  /** Returns a function that removes that rule. */
  addFault(rule: FaultRule): () => void;
  clearFaults(): void;
  store: EmulatorStore;
  /** Leaf's Alerts: the deliveries made, the retry scale, the asset id field (src/emulator/alerts/). */
  alerts: EmulatorAlerts;
  /** Simulated provider activity and the activity switch. */
  activity: EmulatorActivity;
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 1 << 20;
const MALFORMED_BODY = '[{"id":"3f2a9c1e-7b4d-4e8a-9c1f-';

function validLatency(ms: number): number {
  if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`latency must be a number of milliseconds >= 0, got ${ms}`);
  return ms;
}

function parseTarget(rawUrl: string): { pathname: string; query: QueryParams } {
  // Split by hand: new URL() would read a leading '//' as a host.
  const questionMark = rawUrl.indexOf('?');
  const pathname = questionMark === -1 ? rawUrl : rawUrl.slice(0, questionMark);
  const query: QueryParams = {};
  if (questionMark !== -1) {
    for (const [key, value] of new URLSearchParams(rawUrl.slice(questionMark + 1))) {
      (query[key] ??= []).push(value);
    }
  }
  return { pathname: pathname || '/', query };
}

function bearerToken(header: string | undefined): string | null {
  const match = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
  return match?.[1] ?? null;
}

/** True when the request declares no body (a GET, most DELETEs): nothing to wait for. */
function hasNoBody(request: IncomingMessage): boolean {
  const length = request.headers['content-length'];
  return request.headers['transfer-encoding'] === undefined && (length === undefined || length === '0');
}

function readBody(request: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    request.on('end', () => resolve(size > MAX_BODY_BYTES ? null : Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

/**
 * Store records are replaced, never mutated (see EmulatorStore), so a record's JSON never
 * changes: each is serialised once. Lists are built per request and are not kept.
 */
const recordJson = new WeakMap<object, string>();

function toJson(body: unknown): string {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return JSON.stringify(body);
  let text = recordJson.get(body);
  if (text === undefined) {
    text = JSON.stringify(body);
    recordJson.set(body, text);
  }
  return text;
}

function send(response: ServerResponse, answer: LeafResponse, requestId: string | null): void {
  if (response.destroyed || response.headersSent) return;
  const headers: Record<string, string | number> = { ...answer.headers };
  if (requestId !== null) headers['x-request-id'] = requestId;
  if (answer.status === 204 || (answer.body === undefined && answer.text === undefined)) {
    response.writeHead(answer.status, headers);
    response.end();
    return;
  }
  const payload = answer.text ?? toJson(answer.body);
  headers['content-type'] = 'application/json';
  headers['content-length'] = Buffer.byteLength(payload);
  response.writeHead(answer.status, headers);
  response.end(payload);
}

function errorAnswer(error: unknown, pathname: string): LeafResponse {
  if (error instanceof LeafHttpError) {
    return { status: error.status, body: problemBody(error.status, error.detail, pathname, error.errorKey), headers: error.headers };
  }
  const detail = error instanceof Error ? `Internal emulator error: ${error.message}` : 'Internal emulator error';
  return { status: 500, body: problemBody(500, detail, pathname) };
}

export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const scale = options.scale ?? 'demo';
  const store = seedStore(scale);
  const calls: CallRecord[] = [];
  const faults = new FaultRules();
  const timers = new Set<NodeJS.Timeout>();
  let latencyMs = validLatency(options.latencyMs ?? 0);
  const alerts = new Alerts(store, { retryScale: options.alertsRetryScale ?? 1, assetIdField: options.assetIdField ?? 'named' });
  let url = '';
  const activity = new Activity(store, alerts, () => url);
  // 0 is off; anything else is checked before the server listens, so a bad value leaks nothing.
  const activityEveryMs = options.activityEveryMs ? validActivityInterval(options.activityEveryMs) : null;

  /** Runs `task` after `ms` without holding up other requests; close() cancels it. */
  function after(ms: number, task: () => void): void {
    if (ms <= 0) return task();
    const timer = setTimeout(() => {
      timers.delete(timer);
      task();
    }, ms);
    timers.add(timer);
  }

  const control: ControlTarget = {
    calls,
    tokens: store.tokens,
    get users() {
      return store.userCounts();
    },
    scale,
    resetCalls: () => {
      calls.length = 0;
    },
    latency: () => latencyMs,
    setLatency: (ms) => {
      latencyMs = validLatency(ms);
    },
    addFault: (rule) => faults.add(rule),
    clearFaults: () => faults.clear(),
    alerts,
    activity,
  };

  async function onRequest(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const at = Date.now();
    const method = (request.method ?? 'GET').toUpperCase();
    const { pathname, query } = parseTarget(request.url ?? '/');
    const requestIdHeader = request.headers['x-request-id'];
    const requestId = typeof requestIdHeader === 'string' ? requestIdHeader : null;

    if (isControlPath(pathname)) {
      const body = await readBody(request);
      let answer: LeafResponse;
      try {
        answer = handleControlRequest(control, method, pathname, body ?? '');
      } catch (error) {
        answer = errorAnswer(error, pathname);
      }
      send(response, answer, requestId);
      return;
    }

    const token = bearerToken(request.headers.authorization);
    const header = (name: string) => {
      const value = request.headers[name];
      return typeof value === 'string' ? value : null;
    };
    const call: CallRecord = {
      method,
      path: pathname,
      query,
      token,
      requestId,
      traceparent: header('traceparent'),
      tracestate: header('tracestate'),
      status: 0,
      at,
    };
    // The gateway's readiness probe is no query's call: tests count those, so it is answered
    // (latency and faults apply) but not logged.
    if (request.headers['user-agent'] !== PROBE_USER_AGENT) calls.push(call);
    const body = hasNoBody(request) ? '' : await readBody(request);
    const fault = faults.take(method, pathname);

    after(latencyMs + (fault?.delayMs ?? 0), () => {
      if (fault?.drop) {
        call.status = 0;
        request.socket.destroy();
        return;
      }
      if (fault?.malformed && fault.status === undefined) {
        call.status = 200;
        if (response.destroyed) return;
        response.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(MALFORMED_BODY) });
        response.end(MALFORMED_BODY);
        return;
      }
      let answer: LeafResponse;
      if (fault?.status !== undefined) {
        const headers: Record<string, string> = fault.retryAfter === undefined ? {} : { 'retry-after': String(fault.retryAfter) };
        answer = { status: fault.status, body: problemBody(fault.status, `Injected fault: status ${fault.status}`, pathname), headers };
      } else if (body === null) {
        answer = errorAnswer(new LeafHttpError(413, `Request body larger than ${MAX_BODY_BYTES} bytes`), pathname);
      } else {
        try {
          // Points stream (a file can hold 500,000 of them), so they bypass the JSON answers.
          const pointsFile = method === 'GET' ? pointsRequestFile(store, pathname, token === null ? undefined : store.usersOfToken(token)) : null;
          if (pointsFile) {
            call.status = 200;
            void streamPoints(store, pointsFile, response).catch(() => response.destroy());
            return;
          }
          answer = handleLeafRequest(store, alerts, { method, pathname, query, token, body });
        } catch (error) {
          answer = errorAnswer(error, pathname);
        }
      }
      call.status = answer.status;
      send(response, answer, requestId);
    });
  }

  const server = createServer((request, response) => {
    onRequest(request, response).catch((error: unknown) => {
      send(response, errorAnswer(error, request.url ?? '/'), null);
    });
  });

  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  assignPointsUrls(store, url);
  if (activityEveryMs !== null) activity.start(activityEveryMs);

  let closing: Promise<void> | undefined;
  const emulator: Emulator = {
    url,
    tokens: store.tokens,
    demoToken: store.tokens[0]?.token ?? '',
    documented: { token: DOCUMENTED.token, leafUserId: DOCUMENTED.leafUserId },
    get users() {
      return store.userCounts();
    },
    calls,
    resetCalls: control.resetCalls,
    setLatency: control.setLatency,
    addFault: control.addFault,
    clearFaults: control.clearFaults,
    store,
    alerts,
    activity,
    close() {
      closing ??= (() => {
        activity.stop();
        const serverClosed = new Promise<void>((resolve, reject) => {
          for (const timer of timers) clearTimeout(timer);
          timers.clear();
          server.close((error) => (error ? reject(error) : resolve()));
          // Keep-alive sockets would otherwise hold close() open until they time out.
          server.closeAllConnections();
        });
        // Deliveries in flight are cut and pending retries dropped, whatever the server does.
        return Promise.all([serverClosed, alerts.close()]).then(() => undefined);
      })();
      return closing;
    },
  };
  return emulator;
}
