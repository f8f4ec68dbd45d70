// One structured log line per GraphQL request, carrying the request id the gateway forwards
// upstream (x-request-id), also echoed in the response so a client can quote it. Upstream
// calls log at debug level under the same id.
import { isAsyncIterable, type Plugin } from 'graphql-yoga';
import { eachPart, errorsOfPart } from '../incremental/index.js';
import type { LeafClientObserver } from '../../leaf/observer.js';
import type { Logger } from './logger.js';
import { identityOf } from '../identity.js';
import { errorCodes } from './metrics.js';
import { operationName, requestOperation, servedFromResponseCache, type RequestOperation } from './operation.js';

export const REQUEST_ID_HEADER = 'x-request-id';

interface RequestRecord {
  startedAt: number;
  /** The URL's path, as the server parsed it already. */
  path: string;
  cache?: 'hit';
  errors: string[];
  /** A @defer/@stream answer: logged when its last part is sent, not when its headers are. */
  streaming?: { ended: boolean; log?: () => void };
}

/** What one request's log line says. */
export interface RequestLine {
  requestId: string;
  method: string;
  path: string;
  status: number;
  /** performance.now() as the request arrived. */
  startedAt: number;
  operation: RequestOperation | undefined;
  cache?: 'hit';
  errors: string[];
  incremental?: boolean;
}

/** The request's line: info for /graphql (error for a 5xx), debug for the other paths. */
export function logRequest(logger: Logger, graphqlPath: string, line: RequestLine): void {
  const level = line.path === graphqlPath ? (line.status >= 500 ? 'error' : 'info') : 'debug';
  if (!logger.enabled(level)) return;
  logger.log(level, 'request', {
    requestId: line.requestId,
    method: line.method,
    path: line.path,
    status: line.status,
    durationMs: Math.round((performance.now() - line.startedAt) * 10) / 10,
    operationName: line.operation ? operationName(line.operation.name) : undefined,
    operationType: line.operation?.type,
    cache: line.cache,
    errors: line.errors.length > 0 ? line.errors : undefined,
    incremental: line.incremental ? true : undefined,
  });
}

export function useRequestLog(logger: Logger, graphqlPath: string): Plugin {
  const records = new WeakMap<Request, RequestRecord>();
  return {
    onRequest({ request, url }) {
      records.set(request, { startedAt: performance.now(), path: url.pathname, errors: [] });
    },
    onExecute({ args }) {
      const context = args.contextValue as { request?: Request };
      const record = context.request ? records.get(context.request) : undefined;
      if (!record) return;
      return {
        onExecuteDone: (payload) => {
          if (!isAsyncIterable(payload.result)) return;
          const streaming: NonNullable<RequestRecord['streaming']> = { ended: false };
          record.streaming = streaming;
          return eachPart(
            payload,
            (part) => {
              record.errors.push(...errorCodes({ errors: errorsOfPart(part) }));
            },
            () => {
              streaming.ended = true;
              streaming.log?.();
            },
          );
        },
      };
    },
    onResultProcess({ request, result }) {
      const record = records.get(request);
      if (!record) return;
      if (!record.streaming) record.errors = errorCodes(result);
      if (servedFromResponseCache(result)) record.cache = 'hit';
    },
    onResponse({ request, response }) {
      const record = records.get(request);
      if (!record) return;
      const { path } = record;
      const { requestId } = identityOf(request);
      try {
        response.headers.set(REQUEST_ID_HEADER, requestId);
      } catch {
        // Some responses (e.g. static ones) have immutable headers; the log still has the id.
      }
      const operation = requestOperation(request);
      const write = (): void =>
        logRequest(logger, graphqlPath, {
          requestId,
          method: request.method,
          path,
          status: response.status,
          startedAt: record.startedAt,
          operation,
          cache: record.cache,
          errors: record.errors,
          incremental: !!record.streaming,
        });
      if (record.streaming && !record.streaming.ended) record.streaming.log = write;
      else write();
    },
  };
}

export function upstreamLogObserver(logger: Logger): LeafClientObserver {
  return {
    onUpstreamCall(event) {
      const level = event.errorCode === 'UPSTREAM_ERROR' || event.errorCode === 'RATE_LIMITED' ? 'warn' : 'debug';
      if (!logger.enabled(level)) return;
      logger.log(level, 'upstream call', {
        requestId: event.requestId,
        method: event.method,
        endpoint: event.endpoint,
        status: event.status,
        code: event.errorCode ?? undefined,
        durationMs: Math.round(event.durationMs * 10) / 10,
      });
    },
  };
}
