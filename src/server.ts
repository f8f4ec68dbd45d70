// The gateway as a function of its config: Yoga on a node:http server, with /graphql,
// /health, /readiness and /metrics. Tests start it on port 0 and close it.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createYoga, useReadinessCheck, type Plugin } from 'graphql-yoga';
import { createResponseCache, type ResponseCache } from './cache/index.js';
import type { ClusterLink } from './cluster.js';
import type { Config } from './config.js';
import { createContext, type Context } from './context.js';
import { compiledExecution } from './execution.js';
import { LeafClient } from './leaf/client.js';
import { createObservability, type Observability, type ObservabilityOptions } from './observability/index.js';
import { DOCUMENT_ID_PARAM, persistedDocumentPlugins } from './persisted/index.js';
import { maskError, useBadUserInputCodes } from './schema/errors.js';
import { schema } from './schema/index.js';
import { securityPlugins } from './security/index.js';

export interface GatewayOptions {
  config: Config;
  /** Origin of the Leaf API (config.upstream.url, or the embedded emulator's URL). */
  upstreamUrl: string;
  /** Pre-filled GraphiQL tab. */
  exampleQuery?: string;
  /** Log destination and span exporter overrides (stdout and OTLP by default). */
  observability?: ObservabilityOptions;
  /** As a cluster worker (WORKERS > 1, src/cluster.ts): its link to the siblings. */
  cluster?: ClusterLink;
}

/** Built once per gateway by startGateway: they outlive a Yoga instance's plugins. */
export interface GatewayParts {
  observability: Observability;
  cache: ResponseCache | null;
}

export interface Gateway {
  url: string;
  server: Server;
  client: LeafClient;
  close(): Promise<void>;
}

const READINESS_TIMEOUT_MS = 2_000;

export function createYogaApp(
  options: GatewayOptions,
  client: LeafClient,
  parts: GatewayParts,
) {
  const { config } = options;
  const plugins: Plugin[] = [
    // Before /metrics is served locally: a worker answers it for every worker.
    ...(options.cluster ? [options.cluster.plugin] : []),
    // Sets the execute function before the plugins below wrap it (tracing's async context).
    ...(config.compiledExecution ? [compiledExecution()] : []),
    // Request log with request id, /metrics and spans (src/observability): first, to see every request.
    ...parts.observability.plugins,
    useReadinessCheck({ endpoint: '/readiness', check: () => client.reachable(READINESS_TIMEOUT_MS) }),
    ...securityPlugins(config),
    ...persistedDocumentPlugins(config.persisted, parts.cache?.documents ?? null),
    useBadUserInputCodes,
    // Last: its key needs the document text other plugins (persisted documents) resolve first.
    ...(parts.cache ? [parts.cache.plugin] : []),
  ];
  return createYoga<Record<string, unknown>, Context>({
    schema,
    graphqlEndpoint: '/graphql',
    extraParamNames: [DOCUMENT_ID_PARAM],
    maxRequestBodySize: config.security.maxRequestBytes,
    healthCheckEndpoint: '/health',
    landingPage: false,
    graphiql: config.graphiql
      ? { title: 'Leaf GraphQL gateway', defaultQuery: options.exampleQuery ?? '' }
      : false,
    maskedErrors: { maskError, isDev: config.exposeErrorDetails },
    context: ({ request }) => createContext(request, client, config.upstream.defaultToken),
    plugins,
    logging: parts.observability.logger,
  });
}

export async function startGateway(options: GatewayOptions): Promise<Gateway> {
  const { config } = options;
  const observability = createObservability(config, options.observability);
  const cache = config.cache.enabled
    ? await createResponseCache(config, observability.logger, observability.cacheEvents)
    : null;
  const client = new LeafClient({
    ...config.upstream,
    url: options.upstreamUrl,
    observers: [...observability.observers, ...(cache ? [cache.observer] : []), ...(options.cluster ? [options.cluster.observer] : [])],
  });
  options.cluster?.attach({ client, cache, registry: observability.registry });
  const yoga = createYogaApp(options, client, { observability, cache });
  const server = createServer(yoga);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const shownHost = host === '0.0.0.0' || host === '[::]' ? 'localhost' : host;
  return {
    url: `http://${shownHost}:${address.port}`,
    server,
    client,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await client.close();
      await cache?.close();
      await observability.close();
    },
  };
}
