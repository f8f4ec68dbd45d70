// Logs, metrics and traces of one gateway, assembled from its config: the Yoga plugins (placed
// by src/server/plugins.ts), the observers to give the Leaf client, and what to flush on shutdown.
import type { Plugin } from 'graphql-yoga';
import type { Registry } from 'prom-client';
import type { SpanExporter } from '@opentelemetry/sdk-trace-node';
import type { Config } from '../../config.js';
import type { LeafClientObserver } from '../../leaf/observer.js';
import { createLogger, type Logger } from './logger.js';
import type { LiveEventsReport } from '../../events/hub.js';
import type { SubscriptionsReport } from './subscriptions.js';
import { createMetrics, type CacheEvents, type FastPathMetrics } from './metrics.js';
import { upstreamLogObserver, useRequestLog } from './request-log.js';
import { createTracing } from './tracing.js';

export type { Logger } from './logger.js';
export type { CacheEvents } from './metrics.js';

export interface ObservabilityOptions {
  /** Where log lines go; stdout by default. */
  logWrite?: (line: string) => void;
  /** Replaces the OTLP exporter (tests, or a custom backend). */
  spanExporter?: SpanExporter;
}

export interface Observability {
  logger: Logger;
  /** The request log: one line per request, with its request id. */
  requestLog: Plugin;
  /** Prometheus metrics and /metrics; null with METRICS=false. */
  metrics: Plugin | null;
  /** What the /graphql fast path records in them; null with METRICS=false. */
  fastPathMetrics: FastPathMetrics | null;
  /** OpenTelemetry spans; null unless TRACING=true. */
  tracing: Plugin | null;
  observers: LeafClientObserver[];
  /** Present only with metrics on. */
  cacheEvents: CacheEvents | undefined;
  /** Present only with metrics on. */
  liveEvents: LiveEventsReport | undefined;
  /** Present only with metrics on. */
  subscriptions: SubscriptionsReport | undefined;
  /** The metrics /metrics serves (null with metrics off); cluster workers hand it to the primary. */
  registry: Registry | null;
  close(): Promise<void>;
}

export function createObservability(
  config: Pick<Config, 'logLevel' | 'observability'>,
  options: ObservabilityOptions = {},
  graphqlPath = '/graphql',
): Observability {
  const logger = createLogger({ level: config.logLevel, format: config.observability.logFormat, write: options.logWrite });
  const observers: LeafClientObserver[] = [upstreamLogObserver(logger)];
  let cacheEvents: CacheEvents | undefined;
  let liveEvents: LiveEventsReport | undefined;
  let subscriptions: SubscriptionsReport | undefined;
  let registry: Registry | null = null;
  let metricsPlugin: Plugin | null = null;
  let fastPathMetrics: FastPathMetrics | null = null;
  let tracingPlugin: Plugin | null = null;
  if (config.observability.metrics) {
    const metrics = createMetrics();
    metricsPlugin = metrics.plugin;
    fastPathMetrics = metrics.fastPath;
    observers.push(metrics.observer);
    cacheEvents = metrics.cacheEvents;
    liveEvents = metrics.liveEvents;
    subscriptions = metrics.subscriptions;
    registry = metrics.registry;
  }
  let closeTracing = async () => {};
  if (config.observability.tracing) {
    const tracing = createTracing(config.observability, options.spanExporter);
    tracingPlugin = tracing.plugin;
    observers.push(tracing.observer);
    closeTracing = tracing.close;
  }
  return {
    logger,
    requestLog: useRequestLog(logger, graphqlPath),
    metrics: metricsPlugin,
    fastPathMetrics,
    tracing: tracingPlugin,
    observers,
    cacheEvents,
    liveEvents,
    subscriptions,
    registry,
    async close() {
      try {
        await closeTracing();
      } catch (error) {
        logger.log('warn', 'could not flush traces', { error });
      }
    },
  };
}
