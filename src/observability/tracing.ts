// OpenTelemetry tracing: one span per GraphQL operation, with a child span per Leaf API call.
// Spans go to an OTLP/HTTP collector. The provider is this gateway's own (never registered
// globally), so several gateways in one process keep their spans apart.
import { ROOT_CONTEXT, SpanKind, SpanStatusCode, trace, type Span, type Tracer } from '@opentelemetry/api';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import {
  BatchSpanProcessor,
  NodeTracerProvider,
  SimpleSpanProcessor,
  type SpanExporter,
} from '@opentelemetry/sdk-trace-node';
import { getOperationAST } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { ObservabilityConfig } from '../config.js';
import type { LeafClientObserver } from '../leaf/observer.js';

export interface Tracing {
  plugin: Plugin;
  observer: LeafClientObserver;
  /** Flushes buffered spans to the collector, then stops. */
  close(): Promise<void>;
}

/** OTEL_EXPORTER_OTLP_ENDPOINT is the collector's base URL; each signal has its own path. */
export function tracesUrl(endpoint: string | null): string | undefined {
  return endpoint === null ? undefined : `${endpoint}/v1/traces`;
}

export function createTracing(config: ObservabilityConfig, exporter?: SpanExporter): Tracing {
  const processor = exporter
    ? new SimpleSpanProcessor(exporter)
    : new BatchSpanProcessor(new OTLPTraceExporter({ url: tracesUrl(config.otlpEndpoint) }));
  const provider = new NodeTracerProvider({ spanProcessors: [processor] });
  const tracer: Tracer = provider.getTracer('leaf-graphql-gateway');
  // Upstream calls find their operation's span by request id: the client's observer events
  // carry it, and no context manager has to follow the promise chain.
  const operations = new Map<string, Span>();

  const plugin: Plugin = {
    onExecute({ args }) {
      const operation = getOperationAST(args.document, args.operationName);
      const type = operation?.operation ?? 'query';
      const name = operation?.name?.value ?? 'Anonymous';
      const requestId = (args.contextValue as { requestId?: unknown }).requestId;
      const span = tracer.startSpan(`graphql.${type} ${name}`, {
        kind: SpanKind.SERVER,
        attributes: {
          'graphql.operation.type': type,
          'graphql.operation.name': name,
          ...(typeof requestId === 'string' ? { 'request.id': requestId } : {}),
        },
      });
      const owns = typeof requestId === 'string' && !operations.has(requestId);
      if (owns) operations.set(requestId, span);
      return {
        onExecuteDone({ result }) {
          const errors = 'errors' in result ? (result.errors ?? []) : [];
          if (errors.length > 0) {
            span.setStatus({ code: SpanStatusCode.ERROR, message: `${errors.length} error(s)` });
            span.setAttribute('graphql.errors.count', errors.length);
          }
          span.end();
          if (owns) operations.delete(requestId);
        },
      };
    },
  };

  const observer: LeafClientObserver = {
    onUpstreamCall(event) {
      const parent = event.requestId ? operations.get(event.requestId) : undefined;
      const context = parent ? trace.setSpan(ROOT_CONTEXT, parent) : ROOT_CONTEXT;
      const end = Date.now();
      // The client reports a call once it is over, so the span is recorded with its real times.
      const span = tracer.startSpan(
        `${event.method} ${event.endpoint}`,
        {
          kind: SpanKind.CLIENT,
          startTime: end - event.durationMs,
          attributes: {
            'http.request.method': event.method,
            'url.template': event.endpoint,
            ...(event.status !== null ? { 'http.response.status_code': event.status } : {}),
            ...(event.errorCode !== null ? { 'error.type': event.errorCode } : {}),
            ...(event.requestId ? { 'request.id': event.requestId } : {}),
          },
        },
        context,
      );
      if (event.errorCode !== null) span.setStatus({ code: SpanStatusCode.ERROR, message: event.errorCode });
      span.end(end);
    },
  };

  return { plugin, observer, close: () => provider.shutdown() };
}
