// Subscriptions in the request log and /metrics, over SSE and WebSocket alike (both run through
// the Yoga plugins' subscribe): a line when a stream opens, and one when it ends with how long it
// lasted, the events it delivered and why it ended. A subscription refused before it opened (the
// token, a bound, the drain) gets the end line only.
import { isAsyncIterable, type Plugin } from 'graphql-yoga';
import type { ExecutionResult } from 'graphql';
import { maskError } from '../../schema/error-masking.js';
import { identityOf } from '../identity.js';
import type { Logger } from './logger.js';
import { errorCodes } from './metrics.js';
import { executedOperation, operationName } from './operation.js';

export type SubscriptionTransport = 'sse' | 'websocket';

/**
 * Why a subscription ended: its client closed it (or hung up), its token was refused (before the
 * first event or at a later check), the gateway drained, a bound refused it
 * (TOO_MANY_SUBSCRIPTIONS), or another error refused it before it opened.
 */
export type SubscriptionEnd = 'client-closed' | 'token-refused' | 'drain' | 'limit' | 'error';

/** What metrics count (src/server/observability/metrics.ts). */
export interface SubscriptionsReport {
  ended(transport: SubscriptionTransport, reason: SubscriptionEnd, durationMs: number): void;
}

/** Requests that stand for a WebSocket's operation (src/server/websocket.ts makes them). */
const overWebSocket = new WeakSet<Request>();

export function markWebSocketRequest(request: Request): void {
  overWebSocket.add(request);
}

const REFUSED = new Set(['UNAUTHENTICATED', 'FORBIDDEN']);

/** The codes a result's errors reach the client with: a stream's results are read here before Yoga masks them. */
function clientCodes(result: ExecutionResult | undefined): string[] {
  return errorCodes({ errors: (result?.errors ?? []).map((error) => maskError(error, 'Unexpected error.')) });
}

/** Why a result with no data ended (or refused) its stream, by the codes its errors carry. */
function endOf(result: ExecutionResult | undefined, draining: boolean): SubscriptionEnd {
  const codes = clientCodes(result);
  if (codes.some((code) => REFUSED.has(code))) return 'token-refused';
  if (codes.includes('TOO_MANY_SUBSCRIPTIONS')) return 'limit';
  if (codes.includes('SHUTTING_DOWN') || (codes.length === 0 && draining)) return 'drain';
  return codes.length > 0 ? 'error' : 'client-closed';
}

/** `ending()`: true once the gateway ends every stream on drain (LiveEvents.endAll). */
export function useSubscriptionLog(logger: Logger, report: SubscriptionsReport | undefined, ending: () => boolean): Plugin {
  return {
    onSubscribe({ args }) {
      const request = (args.contextValue as { request?: Request }).request;
      if (!request) return;
      const startedAt = performance.now();
      const transport: SubscriptionTransport = overWebSocket.has(request) ? 'websocket' : 'sse';
      const fields = { requestId: identityOf(request).requestId, transport, operationName: operationName(executedOperation(args).name) };
      const ended = (reason: SubscriptionEnd, events: number, errors: string[]): void => {
        const durationMs = Math.round((performance.now() - startedAt) * 10) / 10;
        report?.ended(transport, reason, durationMs);
        logger.log('info', 'subscription ended', { ...fields, durationMs, events, reason, errors: errors.length > 0 ? errors : undefined });
      };
      return {
        onSubscribeResult({ result }) {
          if (!isAsyncIterable(result)) {
            ended(endOf(result, ending()), 0, clientCodes(result));
            return;
          }
          logger.log('info', 'subscription started', fields);
          let events = 0;
          const errors: string[] = [];
          // The last result that carried no data: the refusal that ended the stream, if any.
          let refusal: ExecutionResult | undefined;
          return {
            onNext({ result: next }) {
              errors.push(...clientCodes(next));
              if (next.data === null || next.data === undefined) refusal = next;
              else events += 1;
            },
            onEnd() {
              ended(endOf(refusal, ending()), events, errors);
            },
          };
        },
      };
    },
  };
}
