// Starts what a user would run: the embedded emulator and the gateway in front of it, both
// on port 0, and sends GraphQL over HTTP the way a frontend does.
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print, type DocumentNode } from 'graphql';
import { loadConfig, type Config } from '../../src/config.js';
import { startEmulator, type Emulator, type EmulatorOptions } from '../../src/emulator/index.js';
import type { ObservabilityOptions } from '../../src/observability/index.js';
import { startGateway, type Gateway, type GatewayOptions } from '../../src/server.js';

export interface GraphQLResponse<T> {
  status: number;
  data?: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
}

export interface Stack {
  emulator: Emulator;
  gateway: Gateway;
  /** Sends a query; `token: null` sends no Authorization header. */
  query<T = Record<string, unknown>, V = Record<string, unknown>>(
    document: TypedDocumentNode<T, V> | DocumentNode | string,
    variables?: V,
    options?: { token?: string | null; headers?: Record<string, string> },
  ): Promise<GraphQLResponse<T>>;
  /** Upstream calls logged by the emulator since the last reset, minus control calls. */
  calls(): Emulator['calls'];
  resetCalls(): void;
  close(): Promise<void>;
}

export async function startStack(
  options: {
    emulator?: EmulatorOptions;
    env?: Record<string, string>;
    config?: (config: Config) => Config;
    /** Log destination / span exporter of the gateway (stdout and OTLP by default). */
    observability?: ObservabilityOptions;
    /** More of what `npm start` hands the gateway (GraphiQL's tabs). */
    gateway?: Pick<GatewayOptions, 'graphiqlTabs'>;
  } = {},
): Promise<Stack> {
  const emulator = await startEmulator({ port: 0, ...options.emulator });
  // Domain tests count upstream calls per request, so the response cache is off unless a test
  // turns it on (RESPONSE_CACHE: 'true'); test/cache.test.ts and its neighbours do.
  let config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'silent',
    LEAF_RETRY_BASE_MS: '5',
    RESPONSE_CACHE: 'false',
    ...options.env,
  });
  if (options.config) config = options.config(config);
  const gateway = await startGateway({ ...options.gateway, config, upstreamUrl: emulator.url, observability: options.observability });
  return {
    emulator,
    gateway,
    async query(document, variables, requestOptions = {}) {
      const token = requestOptions.token === undefined ? emulator.demoToken : requestOptions.token;
      const headers: Record<string, string> = { 'content-type': 'application/json', ...requestOptions.headers };
      if (token !== null) headers.authorization = `Bearer ${token}`;
      const source = typeof document === 'string' ? document : print(document);
      const response = await fetch(`${gateway.url}/graphql`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ query: source, variables }),
      });
      const body = (await response.json()) as GraphQLResponse<never>;
      return { ...body, status: response.status };
    },
    calls: () => emulator.calls,
    resetCalls: () => emulator.resetCalls(),
    async close() {
      await gateway.close();
      await emulator.close();
    },
  };
}
