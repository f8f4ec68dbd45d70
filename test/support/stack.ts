// Starts what a user would run: the embedded emulator and the gateway in front of it, both
// on port 0, and sends GraphQL (or any request) over HTTP the way a frontend does. A test file
// takes its stack from useStack; a test that needs one of its own, from withStack or useStacks.
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print, type DocumentNode } from 'graphql';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { loadConfig, type Config } from '../../src/config.js';
import { startEmulator, type Emulator, type EmulatorOptions } from '../../src/emulator/index.js';
import type { ObservabilityOptions } from '../../src/server/observability/index.js';
import { startGateway, type Gateway, type GatewayOptions } from '../../src/server/index.js';
import { httpJson, type HttpAnswer, type RequestOptions } from './http.js';

export type { HttpAnswer } from './http.js';

export interface GraphQLResponse<T> {
  status: number;
  data?: T | null;
  errors?: { message: string; locations?: { line: number; column: number }[]; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
}

/** A GraphQL answer with the HTTP response headers it came with. */
export interface GraphQLAnswer<T> extends GraphQLResponse<T> {
  headers: Headers;
}

/** As the frontend sends: the client's token (the stack's: the demo token) unless `token` says otherwise (null: none). */
export type StackRequestOptions = Omit<RequestOptions, 'token'> & { token?: string | null };

/** What a frontend does with a gateway: send it GraphQL, or any request. */
export interface GatewayClient {
  /** Sends a query; `token: null` sends no Authorization header. */
  query<T = Record<string, unknown>, V = Record<string, unknown>>(
    document: TypedDocumentNode<T, V> | DocumentNode | string,
    variables?: V,
    options?: { token?: string | null; headers?: Record<string, string> },
  ): Promise<GraphQLAnswer<T>>;
  /** Any request to the gateway: `path` is its path and query string ('/metrics', '/graphql?query=…'). */
  request<T = unknown>(path: string, options?: StackRequestOptions): Promise<HttpAnswer<T>>;
  /** POSTs `body` (a raw string, or an object sent as JSON) to /graphql. */
  post<T = GraphQLResponse<never>>(body: unknown, options?: Omit<StackRequestOptions, 'body'>): Promise<HttpAnswer<T>>;
}

export interface Stack extends GatewayClient {
  emulator: Emulator;
  gateway: Gateway;
  /** Upstream calls logged by the emulator since the last reset, minus control calls. */
  calls(): Emulator['calls'];
  resetCalls(): void;
  close(): Promise<void>;
}

export interface StackOptions {
  emulator?: EmulatorOptions;
  env?: Record<string, string>;
  config?: (config: Config) => Config;
  /** Log destination / span exporter of the gateway (stdout and OTLP by default). */
  observability?: ObservabilityOptions;
  /** More of what `npm start` hands the gateway (GraphiQL's tabs). */
  gateway?: Pick<GatewayOptions, 'graphiqlTabs' | 'registerOwnReceiver'>;
}

/**
 * The environment every test gateway starts from. Domain tests count upstream calls per
 * request, so the response cache is off unless a test turns it on (RESPONSE_CACHE: 'true');
 * test/cache.test.ts and its neighbours do.
 */
export const STACK_ENV: Readonly<Record<string, string>> = {
  PORT: '0',
  HOST: '127.0.0.1',
  LOG_LEVEL: 'silent',
  LEAF_RETRY_BASE_MS: '5',
  RESPONSE_CACHE: 'false',
};

/** The gateway's config as the stack builds it: STACK_ENV, then `env` over it. */
export function stackConfig(env: Record<string, string> = {}): Config {
  return loadConfig({ ...STACK_ENV, ...env });
}

/** A client of the gateway at `url` that signs in as `token` unless told otherwise (null: no Authorization). */
export function gatewayClient(url: string, token: string | null): GatewayClient {
  const request = <T>(path: string, options: StackRequestOptions = {}): Promise<HttpAnswer<T>> =>
    httpJson<T>(`${url}${path}`, { ...options, token: options.token === undefined ? token : options.token });
  return {
    async query(document, variables, options = {}) {
      const source = typeof document === 'string' ? document : print(document);
      const answer = await request<GraphQLResponse<never>>('/graphql', { ...options, method: 'POST', body: { query: source, variables } });
      if (answer.body === undefined) throw new Error(`The gateway answered ${answer.status} without JSON: ${answer.text}`);
      // Not enumerable: answers still compare (toEqual) by status and body, as before headers came along.
      return Object.defineProperty({ ...answer.body, status: answer.status }, 'headers', { value: answer.headers, enumerable: false }) as GraphQLAnswer<never>;
    },
    request,
    post: (body, options = {}) => request('/graphql', { method: 'POST', ...options, body }),
  };
}

export async function startStack(options: StackOptions = {}): Promise<Stack> {
  const emulator = await startEmulator({ port: 0, ...options.emulator });
  let config = stackConfig(options.env);
  if (options.config) config = options.config(config);
  const gateway = await startGateway({ ...options.gateway, config, upstreamUrl: emulator.url, observability: options.observability });
  return {
    ...gatewayClient(gateway.url, emulator.demoToken),
    emulator,
    gateway,
    calls: () => emulator.calls,
    resetCalls: () => emulator.resetCalls(),
    async close() {
      await gateway.close();
      await emulator.close();
    },
  };
}

/**
 * The stack of a test file (or describe block): started in `beforeAll`, closed in `afterAll`.
 * The handle it returns is usable inside tests and in the hooks registered after it (which
 * also close before it: vitest runs after-hooks in reverse).
 */
export function useStack(options: StackOptions = {}): Stack {
  let started: Stack | undefined;
  beforeAll(async () => {
    started = await startStack(options);
  });
  afterAll(async () => {
    await started?.close();
    started = undefined;
  });
  const current = (): Stack => {
    if (!started) throw new Error('useStack: the stack is started in beforeAll; use it inside a test or a later hook');
    return started;
  };
  return {
    get emulator() {
      return current().emulator;
    },
    get gateway() {
      return current().gateway;
    },
    query: (document, variables, requestOptions) => current().query(document, variables, requestOptions),
    request: (path, requestOptions) => current().request(path, requestOptions),
    post: (body, requestOptions) => current().post(body, requestOptions),
    calls: () => current().calls(),
    resetCalls: () => current().resetCalls(),
    close: () => current().close(),
  };
}

/**
 * For tests that need a stack of their own (a config of their own, or one they stop midway):
 * starts it, runs `test` and closes it whatever happens.
 */
export async function withStack<T>(options: StackOptions, test: (stack: Stack) => Promise<T>): Promise<T> {
  const stack = await startStack(options);
  try {
    return await test(stack);
  } finally {
    await stack.close();
  }
}

/**
 * For files whose tests each want a gateway configured their own way: the function returned
 * starts one, and every stack it started is closed after the test that started it.
 */
export function useStacks(): (options?: StackOptions) => Promise<Stack> {
  const open: Stack[] = [];
  afterEach(async () => {
    await Promise.all(open.splice(0).map((stack) => stack.close()));
  });
  return async (options = {}) => {
    const stack = await startStack(options);
    open.push(stack);
    return stack;
  };
}
