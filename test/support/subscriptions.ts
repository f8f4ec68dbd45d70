// Subscribers the way a frontend holds them: over Server-Sent Events with the graphql-sse
// client, or over WebSocket with the graphql-ws client, each collecting what arrives.
import { createClient as createSseClient } from 'graphql-sse';
import { createClient as createWsClient } from 'graphql-ws';
import WebSocket from 'ws';
import { until } from './wait.js';

export interface Received {
  data?: Record<string, unknown> | null;
  errors?: readonly { message: string; extensions?: Record<string, unknown> }[];
}

export interface Subscriber {
  received: Received[];
  /** Resolves once the stream completed (or failed), with the failure if any. */
  ended: Promise<unknown>;
  done: boolean;
  /** How the stream ended, in order: 'complete', 'error', and (WebSocket) `closed <code>`. */
  timeline: string[];
  /** Waits until `count` results arrived. */
  waitFor(count: number, timeoutMs?: number): Promise<void>;
  close(): void;
}

function collector(): { subscriber: Subscriber; sink: { next(value: Received): void; error(error: unknown): void; complete(): void }; setClose(close: () => void): void } {
  let close = () => {};
  let settle: (value: unknown) => void = () => {};
  const subscriber: Subscriber = {
    received: [],
    ended: new Promise((resolve) => (settle = resolve)),
    done: false,
    timeline: [],
    waitFor: (count, timeoutMs = 10_000) =>
      until(() => subscriber.received.length >= count, { timeoutMs, describe: () => `${count} results (got ${JSON.stringify(subscriber.received)})` }),
    close: () => close(),
  };
  return {
    subscriber,
    sink: {
      next: (value) => void subscriber.received.push(value),
      error: (error) => {
        subscriber.timeline.push('error');
        subscriber.done = true;
        settle(error);
      },
      complete: () => {
        subscriber.timeline.push('complete');
        subscriber.done = true;
        settle(undefined);
      },
    },
    setClose: (given) => (close = given),
  };
}

/** `fetchFn`: how the client sends its request (by default the global fetch), e.g. over one chosen connection. */
export function subscribeSse(
  gatewayUrl: string,
  token: string | null,
  query: string,
  variables: Record<string, unknown>,
  options: { fetchFn?: typeof fetch } = {},
): Subscriber {
  const client = createSseClient({
    url: `${gatewayUrl}/graphql`,
    headers: token ? { authorization: `Bearer ${token}` } : {},
    retryAttempts: 0,
    ...(options.fetchFn ? { fetchFn: options.fetchFn } : {}),
  });
  const { subscriber, sink, setClose } = collector();
  const unsubscribe = client.subscribe({ query, variables }, sink);
  setClose(() => {
    unsubscribe();
    client.dispose();
  });
  return subscriber;
}

export function subscribeWs(gatewayUrl: string, token: string | null, query: string, variables: Record<string, unknown>): Subscriber {
  const client = createWsClient({
    url: `${gatewayUrl.replace(/^http/, 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    connectionParams: token ? { Authorization: `Bearer ${token}` } : {},
    retryAttempts: 0,
    lazy: true,
  });
  const { subscriber, sink, setClose } = collector();
  client.on('closed', (event) => void subscriber.timeline.push(`closed ${(event as { code?: number }).code}`));
  const unsubscribe = client.subscribe({ query, variables }, sink);
  setClose(() => {
    unsubscribe();
    void client.dispose();
  });
  return subscriber;
}
