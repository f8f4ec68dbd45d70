// OpenTelemetry tracing: one span per GraphQL operation, continuing the caller's W3C trace
// context when it sends one, with a child span per Leaf API call, whose context goes to Leaf
// as `traceparent` and `tracestate` (both ways through OpenTelemetry's W3C propagator). Spans
// go to an OTLP/HTTP collector. The provider is this gateway's own (never registered
// globally), so several gateways in one process keep their spans apart.
import { AsyncLocalStorage } from 'node:async_hooks';
import {
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  defaultTextMapSetter,
  trace,
  type Context,
  type Span,
  type TextMapGetter,
  type Tracer,
} from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import {
  BatchSpanProcessor,
  NodeTracerProvider,
  SimpleSpanProcessor,
  type SpanExporter,
} from '@opentelemetry/sdk-trace-node';
import type { Plugin } from 'graphql-yoga';
import type { ObservabilityConfig } from '../../config.js';
import type { LeafClientObserver } from '../../leaf/observer.js';
import { executedOperation } from './operation.js';
import { eachPart, errorsOfPart } from '../incremental/index.js';

export interface Tracing {
  plugin: Plugin;
  observer: LeafClientObserver;
  /** Flushes buffered spans to the collector, then stops. */
  close(): Promise<void>;
}

const propagator = new W3CTraceContextPropagator();

const requestHeaders: TextMapGetter<Headers> = {
  keys: (headers) => [...headers.keys()],
  get: (headers, key) => headers.get(key) ?? undefined,
};

/** The caller's trace context (`traceparent`, `tracestate`), or none: the operation's span continues it. */
export function incomingContext(headers: Headers): Context {
  return propagator.extract(ROOT_CONTEXT, headers, requestHeaders);
}

/** The W3C Trace Context headers naming `span` as the parent of what Leaf does for the call. */
export function traceHeadersOf(span: Span): Record<string, string> {
  const headers: Record<string, string> = {};
  propagator.inject(trace.setSpan(ROOT_CONTEXT, span), headers, defaultTextMapSetter);
  return headers;
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
      const { requestId, request } = args.contextValue as { requestId?: unknown; request?: Request };
      const span = tracer.startSpan(
        `graphql.${type} ${name}`,
        {
          kind: SpanKind.SERVER,
          attributes: {
            'graphql.operation.type': type,
            'graphql.operation.name': name,
            ...(typeof requestId === 'string' ? { 'request.id': requestId } : {}),
          },
        },
        request ? incomingContext(request.headers) : ROOT_CONTEXT,
      );
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
        headers: traceHeadersOf(span),
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
