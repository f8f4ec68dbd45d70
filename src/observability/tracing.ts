// OpenTelemetry tracing: one span per GraphQL operation, with a child span per Leaf API call,
// whose context goes to Leaf as a W3C `traceparent` header. Spans go to an OTLP/HTTP
// collector. The provider is this gateway's own (never registered globally), so several
// gateways in one process keep their spans apart.
import { AsyncLocalStorage } from 'node:async_hooks';
import { ROOT_CONTEXT, SpanKind, SpanStatusCode, trace, type Span, type SpanContext, type Tracer } from '@opentelemetry/api';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import {
  BatchSpanProcessor,
  NodeTracerProvider,
  SimpleSpanProcessor,
  type SpanExporter,
} from '@opentelemetry/sdk-trace-node';
import type { Plugin } from 'graphql-yoga';
import type { ObservabilityConfig } from '../config.js';
import type { LeafClientObserver } from '../leaf/observer.js';
import { executedOperation } from './operation.js';
import { eachPart, errorsOfPart } from '../incremental/index.js';

export interface Tracing {
  plugin: Plugin;
  observer: LeafClientObserver;
  /** Flushes buffered spans to the collector, then stops. */
  close(): Promise<void>;
}

/** The W3C Trace Context header naming the span of `context` as the parent of what Leaf does for the call. */
export function traceparentOf(context: SpanContext): string {
  return `00-${context.traceId}-${context.spanId}-${(context.traceFlags & 0xff).toString(16).padStart(2, '0')}`;
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
  // The operation's span follows its execution's async chain, so each upstream call finds the
  // operation that made it, even when two requests carry the same request id.
  const operationSpan = new AsyncLocalStorage<Span>();

  const plugin: Plugin = {
    onExecute({ args, executeFn, setExecuteFn }) {
      const operation = executedOperation(args);
      const type = operation.type ?? 'query';
      const name = operation.name ?? 'Anonymous';
      const requestId = (args.contextValue as { requestId?: unknown }).requestId;
      const span = tracer.startSpan(`graphql.${type} ${name}`, {
        kind: SpanKind.SERVER,
        attributes: {
          'graphql.operation.type': type,
          'graphql.operation.name': name,
          ...(typeof requestId === 'string' ? { 'request.id': requestId } : {}),
        },
      });
      setExecuteFn((executeArgs) => operationSpan.run(span, () => executeFn(executeArgs)));
      return {
        // A @defer/@stream answer's span lasts until its last part, counting every part's errors.
        onExecuteDone(payload) {
          let errors = 0;
          return eachPart(
            payload,
            (part) => {
              errors += errorsOfPart(part).length;
            },
            () => {
              if (errors > 0) {
                span.setStatus({ code: SpanStatusCode.ERROR, message: `${errors} error(s)` });
                span.setAttribute('graphql.errors.count', errors);
              }
              span.end();
            },
          );
        },
      };
    },
  };

  const observer: LeafClientObserver = {
    startUpstreamCall(start) {
      const parent = operationSpan.getStore();
      const span = tracer.startSpan(
        `${start.method} ${start.endpoint}`,
        {
          kind: SpanKind.CLIENT,
          attributes: {
            'http.request.method': start.method,
            'url.template': start.endpoint,
            ...(start.requestId ? { 'request.id': start.requestId } : {}),
          },
        },
        parent ? trace.setSpan(ROOT_CONTEXT, parent) : ROOT_CONTEXT,
      );
      return {
        headers: { traceparent: traceparentOf(span.spanContext()) },
        end(event) {
          if (event.status !== null) span.setAttribute('http.response.status_code', event.status);
          if (event.errorCode !== null) {
            span.setAttribute('error.type', event.errorCode);
            span.setStatus({ code: SpanStatusCode.ERROR, message: event.errorCode });
          }
          span.end();
        },
      };
    },
  };

  return { plugin, observer, close: () => provider.shutdown() };
}
