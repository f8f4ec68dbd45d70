// The gateway as a function of its config: Yoga on a node:http server, with /graphql,
// /health and /readiness. Tests start it on port 0 and close it.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createYoga, useReadinessCheck, type Plugin } from 'graphql-yoga';
import type { Config } from './config.js';
import { createContext, type Context } from './context.js';
import { LeafClient } from './leaf/client.js';
import { maskError, useBadUserInputCodes } from './schema/errors.js';
import { schema } from './schema/index.js';

export interface GatewayOptions {
  config: Config;
  /** Origin of the Leaf API (config.upstream.url, or the embedded emulator's URL). */
  upstreamUrl: string;
  /** Pre-filled GraphiQL tab. */
  exampleQuery?: string;
}

export interface Gateway {
  url: string;
  server: Server;
  client: LeafClient;
  close(): Promise<void>;
}

const READINESS_TIMEOUT_MS = 2_000;

export function createYogaApp(options: GatewayOptions, client: LeafClient) {
  const { config } = options;
  const plugins: Plugin[] = [
    useReadinessCheck({ endpoint: '/readiness', check: () => client.reachable(READINESS_TIMEOUT_MS) }),
    useBadUserInputCodes,
  ];
  return createYoga<Record<string, unknown>, Context>({
    schema,
    graphqlEndpoint: '/graphql',
    healthCheckEndpoint: '/health',
    landingPage: false,
    graphiql: config.graphiql
      ? { title: 'Leaf GraphQL gateway', defaultQuery: options.exampleQuery ?? '' }
      : false,
    maskedErrors: { maskError, isDev: config.exposeErrorDetails },
    context: ({ request }) => createContext(request, client, config.upstream.defaultToken),
    plugins,
    logging: config.logLevel === 'silent' ? false : config.logLevel,
  });
}

export async function startGateway(options: GatewayOptions): Promise<Gateway> {
  const { config } = options;
  const client = new LeafClient({ ...config.upstream, url: options.upstreamUrl });
  const yoga = createYogaApp(options, client);
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
    },
  };
}
