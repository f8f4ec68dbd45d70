// Subscriptions over WebSocket (the graphql-transport-ws protocol of graphql-ws) on the same
// port and path as HTTP (/graphql). The subscriber's token comes in connection_init
// (`{ "Authorization": "Bearer …" }`); the server's own token never stands in, since a page on
// any site can open a WebSocket (no CORS, no CSRF header). Only subscriptions are served here:
// queries and mutations go over HTTP, where the caching, cost and CSRF rules live. Each
// operation runs through the same Yoga plugins (getEnveloped) as an HTTP one.
import type { Server } from 'node:http';
import { GraphQLError, getOperationAST, type ExecutionArgs } from 'graphql';
import type { Context as SocketContext } from 'graphql-ws';
import { useServer } from 'graphql-ws/use/ws';
import type { YogaServerInstance } from 'graphql-yoga';
import { WebSocketServer } from 'ws';
import type { Context } from '../context.js';
import type { ErrorCode } from '../errors/codes.js';
import { identifier } from './identity.js';
import type { Logger } from './observability/logger.js';
import { markWebSocketRequest } from './observability/subscriptions.js';

export const WEBSOCKET_PROTOCOL = 'graphql-transport-ws';
/** Keep-alive pings, so proxies do not cut an idle subscription. */
const KEEP_ALIVE_MS = 12_000;

function refusal(message: string, code: ErrorCode): GraphQLError[] {
  return [new GraphQLError(message, { extensions: { code } })];
}

type Enveloped = ReturnType<YogaServerInstance<Record<string, unknown>, Context>['getEnveloped']>;

export interface WebSocketEdge {
  /**
   * Drain: once every socket's subscriptions have sent their `complete` (their streams ended
   * first, by LiveEvents.endAll), or after `waitMs`, each socket closes with 1001 (going away).
   */
  closeAll(waitMs: number): Promise<void>;
  close(): Promise<void>;
}

/** How often the drain looks whether every subscription's `complete` has left. */
const DRAIN_POLL_MS = 10;

export function serveWebSocket(
  server: Server,
  yoga: YogaServerInstance<Record<string, unknown>, Context>,
  options: { path: string; maxPayload: number; logger: Logger },
): WebSocketEdge {
  const wss = new WebSocketServer({ server, path: options.path, maxPayload: options.maxPayload });
  // No default token: a WebSocket subscriber always sends its own.
  const identify = identifier(null);
  // Each socket's graphql-ws context: an operation stays in its `subscriptions` until its
  // `complete` has been written, so the drain closes a socket only once that is empty.
  const connections = new Set<SocketContext<Record<string, unknown>>>();
  useServer<Record<string, unknown>>(
    {
      onConnect: (ctx) => {
        connections.add(ctx);
      },
      onClose: (ctx) => {
        connections.delete(ctx);
      },
      execute: (args) => (args.rootValue as Enveloped).execute(args),
      subscribe: (args) => (args.rootValue as Enveloped).subscribe(args),
      onSubscribe: async (ctx, _id, payload) => {
        const authorization = ctx.connectionParams?.Authorization ?? ctx.connectionParams?.authorization;
        if (typeof authorization !== 'string' || authorization.trim() === '') {
          return refusal('Over WebSocket, send your token in connection_init: { "Authorization": "Bearer <token>" }.', 'UNAUTHENTICATED');
        }
        const request = new Request(`http://gateway${options.path}`, { headers: { authorization } });
        identify(request);
        markWebSocketRequest(request);
        const enveloped = yoga.getEnveloped({ request, params: payload });
        let document;
        try {
          document = enveloped.parse(payload.query);
        } catch (error) {
          return [error instanceof GraphQLError ? error : new GraphQLError('The query could not be parsed.')];
        }
        const errors = enveloped.validate(enveloped.schema, document);
        if (errors.length > 0) return errors;
        if (getOperationAST(document, payload.operationName)?.operation !== 'subscription') {
          return refusal('Over WebSocket this API serves subscriptions; send queries and mutations over HTTP (POST /graphql).', 'BAD_REQUEST');
        }
        let contextValue;
        try {
          contextValue = await enveloped.contextFactory();
        } catch (error) {
          return [error instanceof GraphQLError ? error : new GraphQLError('The request could not be read.', { extensions: { code: 'BAD_REQUEST' } })];
        }
        const args: ExecutionArgs = {
          schema: enveloped.schema,
          document,
          variableValues: payload.variables ?? null,
          operationName: payload.operationName ?? null,
          contextValue,
          rootValue: enveloped,
        };
        return args;
      },
    },
    wss,
    KEEP_ALIVE_MS,
  );
  return {
    async closeAll(waitMs) {
      // A close sent before a subscription's `complete` would overtake it: graphql-ws drops what
      // is sent on a closing socket, and the client would see its stream fail instead of end.
      const deadline = performance.now() + waitMs;
      const completing = () => [...connections].some((ctx) => Object.keys(ctx.subscriptions).length > 0);
      while (completing() && performance.now() < deadline) await new Promise((resolve) => setTimeout(resolve, DRAIN_POLL_MS));
      for (const socket of wss.clients) socket.close(1001, 'The gateway is shutting down');
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of wss.clients) socket.terminate();
        wss.close(() => resolve());
      }),
  };
}
