// Prometheus metrics at GET /metrics: Yoga's operation metrics (counts, latency, phases) from
// @graphql-yoga/plugin-prometheus, plus what only the gateway knows: upstream calls per
// endpoint, read coalescing, response-cache hits, and errors by the code clients see.
import type { ExecutionResult } from 'graphql';
import { isAsyncIterable, type Plugin } from 'graphql-yoga';
import { createHistogram, usePrometheus } from '@graphql-yoga/plugin-prometheus';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { eachPart, errorsOfPart } from '../incremental/index.js';
import type { LeafClientObserver } from '../../leaf/observer.js';
import type { LiveEventsReport } from '../../events/hub.js';
import type { SubscriptionsReport } from './subscriptions.js';
import { createOperationLabels, requestOperation } from './operation.js';

export const METRICS_ENDPOINT = '/metrics';

/** Why cached answers were dropped: a Leaf write seen here, one another replica or worker saw, or a Leaf event. */
export type InvalidationReason = 'write' | 'remote-write' | 'event';

/** What the response cache reports; metrics count it (src/server/cache knows nothing of Prometheus). */
export interface CacheEvents {
  /** `operationName` as the request has it (requestOperation): the metrics bound it. */
  lookup(result: 'hit' | 'miss', operationName: unknown): void;
  invalidated(reason: InvalidationReason, tags: number): void;
  storeError(operation: 'get' | 'set' | 'invalidate'): void;
}

/** What the /graphql fast path (src/server/http/fast-path.ts) records. */
export interface FastPathMetrics {
  /** A query it answered: the series Yoga's plugins record for one, and its own count. */
  served(answer: {
    operationType: string;
    /** The executed operation's name in its document (undefined when anonymous). */
    documentName: string | undefined;
    /** The request's operation as requestOperation() has it. */
    requestName: unknown;
    status: number;
    httpSeconds: number;
    contextSeconds: number;
    executeSeconds: number;
    /** Errors of the execution, before masking. */
    executionErrors: number;
    /** The codes of the errors the client gets. */
    codes: string[];
  }): void;
  /** A request it handed to Yoga: its document is not validated here yet, or anything else. */
  fallback(reason: 'document' | 'request'): void;
}

export interface GatewayMetrics {
  registry: Registry;
  fastPath: FastPathMetrics;
  plugin: Plugin;
  observer: LeafClientObserver;
  cacheEvents: CacheEvents;
  liveEvents: LiveEventsReport;
  subscriptions: SubscriptionsReport;
}

const SECONDS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/** The `extensions.code` of every error in a result (or batch of results). */
export function errorCodes(result: unknown): string[] {
  const results = Array.isArray(result) ? result : [result];
  const codes: string[] = [];
  for (const item of results) {
    const errors = (item as ExecutionResult | null)?.errors ?? [];
    for (const error of errors) {
      const code = error.extensions?.code;
      codes.push(typeof code === 'string' ? code : 'UNCLASSIFIED');
    }
  }
  return codes;
}

export function createMetrics(): GatewayMetrics {
  // One registry and one label cap per gateway: tests run several gateways in one process.
  const registry = new Registry();
  const operationLabel = createOperationLabels();
  collectDefaultMetrics({ register: registry });

  const counter = <L extends string>(name: string, help: string, labelNames: readonly L[] = []) =>
    new Counter<L>({ name, help, labelNames, registers: [registry] });
  const histogram = <L extends string>(name: string, help: string, labelNames: readonly L[], buckets: number[]) =>
    new Histogram<L>({ name, help, labelNames, buckets, registers: [registry] });

  const upstreamCalls = counter(
    'leaf_upstream_requests_total',
    'Calls to the Leaf API (after retries), by method, endpoint template, HTTP status and error code (OK on success).',
    ['method', 'endpoint', 'status', 'code'],
  );
  const upstreamDuration = histogram(
    'leaf_upstream_request_duration_seconds',
    'Time per Leaf API call, retries included, by method and endpoint template.',
    ['method', 'endpoint'],
    SECONDS,
  );
  const coalesced = counter(
    'leaf_upstream_coalesced_reads_total',
    'Reads that went upstream themselves (started) or shared an identical in-flight read of the same token (joined).',
    ['kind'],
  );
  const cacheLookups = counter(
    'graphql_response_cache_total',
    'Query operations answered from the response cache (hit) or executed (miss), by operation name.',
    ['operationName', 'result'],
  );
  const cacheInvalidations = counter(
    'graphql_response_cache_invalidations_total',
    'Invalidations of cached responses: a Leaf write seen here (write) or by another replica or worker (remote-write), or a Leaf event (event).',
    ['reason'],
  );
  const cacheErrors = counter(
    'graphql_response_cache_store_errors_total',
    'Cache store operations that failed (e.g. Redis unreachable); the request went on without the cache.',
    ['operation'],
  );
  const leafEvents = counter(
    'leaf_events_total',
    "Leaf's events: placed (a record named), unplaced (the user's answers dropped whole), duplicate (a redelivery, not acted on) or refused (unsigned, wrongly signed, too large, not an event); by where they came from (webhook, catch-up from failed calls, relay from another replica or worker).",
    ['outcome', 'origin'],
  );
  const subscriptionsOpen = new Gauge({
    name: 'graphql_subscriptions_open',
    help: 'leafEvents subscriptions open in this process (SSE and WebSocket).',
    registers: [registry],
  });
  const eventsDelivered = counter('graphql_subscription_events_total', 'Events handed to leafEvents subscribers.');
  const subscriptionsEnded = counter(
    'graphql_subscriptions_ended_total',
    'leafEvents subscriptions ended (or refused before they opened), by transport (sse, websocket) and why: client-closed, token-refused, drain, limit, error.',
    ['transport', 'reason'],
  );
  const subscriptionDuration = histogram(
    'graphql_subscription_duration_seconds',
    'How long leafEvents subscriptions stayed open, by transport.',
    ['transport'],
    [1, 10, 60, 300, 1_800, 3_600, 21_600, 86_400],
  );
  const errors = counter(
    'graphql_errors_total',
    'Errors in GraphQL responses, by operation name and the extensions.code clients receive.',
    ['operationName', 'code'],
  );

  const labelOf = (request: Request | undefined) => operationLabel(request && requestOperation(request)?.name);
  const errorsByCode: Plugin = {
    onExecute({ args }) {
      const request = (args.contextValue as { request?: Request }).request;
      // A @defer/@stream answer reaches onResultProcess as a stream: its errors are counted per part.
      return {
        onExecuteDone: (payload) => {
          if (!isAsyncIterable(payload.result)) return;
          return eachPart(payload, (part) => {
            for (const code of errorCodes({ errors: errorsOfPart(part) })) errors.labels(labelOf(request), code).inc();
          });
        },
      };
    },
    onResultProcess({ request, result }) {
      for (const code of errorCodes(result)) errors.labels(labelOf(request), code).inc();
    },
  };

  const prometheus = usePrometheus({
    registry,
    endpoint: METRICS_ENDPOINT,
    // An error's path holds list indices (`machines.nodes.17.file`): one series per item.
    // The stock metrics would label by the raw, client-chosen operation name (unbounded series);
    // per-operation counts and latency come from graphql_yoga_http_duration below, whose names
    // are capped by operationLabel.
    labels: { path: false, operationName: false },
    metrics: {
      // The schema deprecates nothing, and this counter re-walks every document to find out.
      graphql_envelop_deprecated_field: false,
      // The same latency as graphql_envelop_request_duration, as a summary: a t-digest updated
      // per request (its quantiles are computed in-process and cannot be added up across workers).
      graphql_envelop_request_time_summary: false,
      // The stock HTTP histogram labels by full URL (query strings included): unbounded.
      graphql_yoga_http_duration: createHistogram({
        registry,
        histogram: {
          name: 'graphql_yoga_http_duration',
          help: 'Time per GraphQL HTTP request, by operation, method and status.',
          labelNames: ['operationName', 'operationType', 'method', 'statusCode'],
          buckets: SECONDS,
        },
        fillLabelsFn: (params, { request, response }: { request: Request; response: Response }) => ({
          operationName: operationLabel(params.operationName),
          operationType: params.operationType ?? 'unknown',
          method: request.method,
          statusCode: response.status,
        }),
      }),
    },
  });

  // The series the plugins above record for one query, for the /graphql fast path to record the
  // same for the queries it answers itself: the label children looked up once per operation type
  // and name, not per request.
  // The plugin registers its envelop metrics as Yoga initialises it: looked up on first use.
  const registered = (name: string) => registry.getSingleMetric(name) as Histogram<string>;
  const phaseNames = ['graphql_envelop_phase_parse', 'graphql_envelop_phase_validate', 'graphql_envelop_phase_context', 'graphql_envelop_phase_execute', 'graphql_envelop_request_duration'];
  const fastPathRequests = counter(
    'graphql_fast_path_total',
    'POST /graphql requests with a JSON body: answered on the fast path (served), or handed to the full server because their document was not validated here yet (document) or for anything else the fast path leaves to it (request).',
    ['outcome'],
  );
  const servedRequests = fastPathRequests.labels('served');
  // At most MAX_OPERATION_LABELS names (operationLabel folds the rest) times a few statuses.
  const httpSeries = new Map<string, Histogram.Internal<string>>();
  const byOperation = new Map<string, { phases: Histogram.Internal<string>[]; request: Counter.Internal; errorResult: Counter.Internal }>();
  const fastPath: FastPathMetrics = {
    served(answer) {
      const { operationType } = answer;
      let series = byOperation.get(operationType);
      if (!series) {
        series = {
          phases: phaseNames.map((name) => registered(name).labels({ operationType })),
          request: (registry.getSingleMetric('graphql_envelop_request') as Counter<string>).labels({ operationType }),
          errorResult: (registry.getSingleMetric('graphql_envelop_error_result') as Counter<string>).labels({ operationType, phase: 'execute' }),
        };
        byOperation.set(operationType, series);
      }
      // Parse and validate: the document was parsed and validated when Yoga first ran it.
      const [parse, validate, context, execute, duration] = series.phases as Histogram.Internal<string>[];
      parse!.observe(0);
      validate!.observe(0);
      context!.observe(answer.contextSeconds);
      execute!.observe(answer.executeSeconds);
      duration!.observe(answer.executeSeconds);
      series.request.inc();
      if (answer.executionErrors > 0) series.errorResult.inc(answer.executionErrors);
      const operationName = operationLabel(answer.documentName);
      const key = `${operationType}\u0000${operationName}\u0000${answer.status}`;
      let http = httpSeries.get(key);
      if (!http) {
        http = registered('graphql_yoga_http_duration').labels({ operationName, operationType, method: 'POST', statusCode: answer.status });
        httpSeries.set(key, http);
      }
      http.observe(answer.httpSeconds);
      for (const code of answer.codes) errors.labels(operationLabel(answer.requestName), code).inc();
      servedRequests.inc();
    },
    fallback(reason) {
      fastPathRequests.labels(reason).inc();
    },
  };

  return {
    registry,
    fastPath,
    plugin: {
      onPluginInit({ addPlugin }) {
        addPlugin(prometheus);
        addPlugin(errorsByCode);
      },
    },
    observer: {
      onUpstreamCall(event) {
        const status = event.status === null ? 'none' : String(event.status);
        upstreamCalls.labels(event.method, event.endpoint, status, event.errorCode ?? 'OK').inc();
        upstreamDuration.labels(event.method, event.endpoint).observe(event.durationMs / 1000);
      },
      onCoalesce(kind) {
        coalesced.labels(kind).inc();
      },
    },
    cacheEvents: {
      lookup: (result, operationName) => cacheLookups.labels(operationLabel(operationName), result).inc(),
      invalidated: (reason) => cacheInvalidations.labels(reason).inc(),
      storeError: (operation) => cacheErrors.labels(operation).inc(),
    },
    liveEvents: {
      received: (outcome, origin) => leafEvents.labels(outcome, origin).inc(),
      subscriptions: (open) => subscriptionsOpen.set(open),
      delivered: () => eventsDelivered.inc(),
    },
    subscriptions: {
      ended: (transport, reason, durationMs) => {
        subscriptionsEnded.labels(transport, reason).inc();
        subscriptionDuration.labels(transport).observe(durationMs / 1000);
      },
    },
  };
}
