// The gateway as a function of its config: Yoga on a node:http server, with /graphql,
// /health, /readiness and /metrics. Tests start it on port 0 and close it. Its plugins, in the
// order they run, are listed in plugins.ts.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createYoga } from 'graphql-yoga';
import { createResponseCache, type ResponseCache } from './cache/index.js';
import type { ClusterLink } from './cluster.js';
import type { Config } from '../config.js';
import { contextOf, type Context } from '../context.js';
import { answerMalformedHttp } from './http/client-errors.js';
import { corsPolicy } from './http/cors.js';
import { documentCaches } from './http/document-caches.js';
import { fastPathDocuments, withFastPath } from './http/fast-path.js';
import { compiledOperations } from './execution.js';
import { costLimit } from './security/cost.js';
import type { Cancel } from '../leaf/cancel.js';
import type { GraphQLError } from 'graphql';
import { graphiqlServing, type GraphiQLTab } from './graphiql.js';
import { headerIdentifier, identityOf, useRequestIdentity, type RequestIdentity } from './identity.js';
import { LeafClient } from '../leaf/client.js';
import { UpstreamReadiness } from '../leaf/readiness.js';
import { ServerLifecycle, serverOptions } from './lifecycle.js';
import { createObservability, type Observability, type ObservabilityOptions } from './observability/index.js';
import { DOCUMENT_ID_PARAM } from './persisted/index.js';
import { edgePlugins, GRAPHQL_PATH } from './plugins.js';
import { connectRedis, type SharedRedis } from './redis.js';
import { maskError } from '../schema/error-masking.js';
import { subgraphSchema } from '../schema/index.js';
import { callBudget } from './security/call-budget.js';
import { serveWebSocket } from './websocket.js';
import { digestOf, seenEvents, type SeenEvents } from '../events/dedupe.js';
import { LiveEvents } from '../events/hub.js';
import { redisEventRelay } from '../events/relay.js';
import { registerAndCatchUp } from '../events/catch-up.js';
import type { Registration } from '../events/registration.js';
import { WEBHOOK_PATH } from '../events/receiver.js';

export interface GatewayOptions {
  config: Config;
  /** Origin of the Leaf API (config.upstream.url, or the embedded emulator's URL). */
  upstreamUrl: string;
  /** The tabs GraphiQL opens on (src/example.ts), the first one active. */
  graphiqlTabs?: GraphiQLTab[];
  /** Log destination and span exporter overrides (stdout and OTLP by default). */
  observability?: ObservabilityOptions;
  /** As a cluster worker (WORKERS > 1, src/server/cluster.ts): its link to the siblings. */
  cluster?: ClusterLink;
  /** Demo mode: register this gateway's own receiver (its URL once listening) with the emulator. */
  registerOwnReceiver?: boolean;
}

/** Built once per gateway by startGateway: they outlive a Yoga instance's plugins. */
export interface GatewayParts {
  observability: Observability;
  cache: ResponseCache | null;
  /** With REDIS_URL: shared by the replicas for the response cache and the automatic persisted queries. */
  redis?: SharedRedis | null;
  /** True while the gateway drains on shutdown: /readiness then answers 503. */
  draining?: () => boolean;
  /** What /readiness answers besides draining: Leaf as the background probe and the breakers see it. */
  readiness: UpstreamReadiness;
  /** Leaf's events: where they are received, made fresh and handed to subscribers (src/events). */
  live?: LiveEvents;
  /** Which event bodies were acted on already (with LEAF_WEBHOOK_SECRET). */
  seen?: SeenEvents;
}

export interface Gateway {
  url: string;
  server: Server;
  client: LeafClient;
  /** Leaf's events in this process (tests and the catch-up hand it events). */
  live: LiveEvents;
  /** The webhook registration and catch-up started at start (null when not configured): settles, never rejects. */
  registration: Promise<Registration | null> | null;
  /** Closes at once, cutting requests in flight (tests). */
  close(): Promise<void>;
  /** Stops accepting, lets requests in flight finish for up to `timeoutMs`, then closes;
   * resolves to the number of requests cut short. */
  drain(timeoutMs: number): Promise<number>;
}

export function createYogaApp(
  options: GatewayOptions,
  client: LeafClient,
  parts: GatewayParts,
) {
  const { config } = options;
  const live = parts.live ?? null;
  const contextFor = (identity: RequestIdentity, caller: AbortSignal | Cancel): Context => {
    const made = (): Context => {
      // Set on the context made, not spread into a copy of it: a request's context is made per request.
      const context = contextOf(identity, caller, client, callBudget(config.security.maxUpstreamCalls));
      context.live = live;
      context.recheckMs = config.events.recheckMs;
      context.renew = made;
      return context;
    };
    return made();
  };
  const context = ({ request }: { request: Request }): Context => contextFor(identityOf(request), request.signal);
  // The client schema plus federation's `_service` and `_entities` (docs/federation.md), as
  // every subgraph serves them: one /graphql for clients and federation gateways alike.
  const served = { schema: subgraphSchema, graphqlEndpoint: GRAPHQL_PATH, context, logging: parts.observability.logger };
  if (config.ablate.has('bare')) {
    // The floor the ledger compares with (ABLATE=bare): Yoga's defaults over the same schema,
    // with only what the context needs to know who is asking, and no body bound: Yoga's default
    // one pipes every body through a counting stream, which alone costs more than most layers
    // (src/server/http/body-limit.ts).
    const yoga = createYoga<Record<string, unknown>, Context>({ ...served, maxRequestBodySize: false, plugins: [useRequestIdentity(config.upstream.defaultToken)] });
    return { yoga, handler: yoga };
  }
  const compiled = config.compiledExecution ? compiledOperations() : null;
  const cost = config.ablate.has('cost') ? null : costLimit(config.security.maxCost);
  const fast = compiled && servesFastPath(config) ? fastPathDocuments() : null;
  const caches = documentCaches();
  const plugins = edgePlugins({
    config,
    client,
    observability: parts.observability,
    cache: parts.cache,
    redis: parts.redis ?? null,
    cluster: options.cluster,
    draining: parts.draining ?? (() => false),
    readiness: parts.readiness,
    live: parts.live ?? null,
    seen: parts.seen ?? null,
    compiled,
    cost,
    validatedDocuments: fast?.plugin ?? null,
  });
  const yoga = createYoga<Record<string, unknown>, Context>({
    ...served,
    extraParamNames: [DOCUMENT_ID_PARAM],
    // Bounded by the last plugin instead (src/server/http/body-limit.ts).
    maxRequestBodySize: false,
    healthCheckEndpoint: '/health',
    landingPage: false,
    cors: corsPolicy(config.http.corsOrigins),
    parserAndValidationCache: caches,
    ...graphiqlServing(config.graphiql, options.graphiqlTabs ?? []),
    maskedErrors: config.ablate.has('error-masking') ? false : { maskError, isDev: config.exposeErrorDetails },
    plugins,
  });
  if (!fast || !compiled) return { yoga, handler: yoga };
  // Yoga's own masking (its maskError wrapper logs what it masks), null when ABLATE leaves it out.
  const masking = (yoga as unknown as { maskedErrorsOpts: { maskError(error: GraphQLError, message: string): Error; errorMessage: string } | null }).maskedErrorsOpts;
  const handler = withFastPath(
    {
      graphqlPath: GRAPHQL_PATH,
      schema: subgraphSchema,
      documents: caches.documentCache,
      validated: fast.validated,
      compiled,
      cost,
      identify: headerIdentifier(config.upstream.defaultToken),
      context: contextFor,
      logger: config.ablate.has('request-log') ? null : parts.observability.logger,
      metrics: parts.observability.fastPathMetrics,
      mask: masking && ((error) => masking.maskError(error, masking.errorMessage)),
      hideSuggestions: !config.introspection,
      httpCaching: !config.ablate.has('http-caching'),
      deadlineMs: config.upstream.requestDeadlineMs,
      maxRequestBytes: config.security.maxRequestBytes,
      checkParams: !config.ablate.has('http-params'),
      answerHeader: options.cluster?.answerHeader,
    },
    yoga,
  );
  return { yoga, handler };
}

/**
 * Whether /graphql has its fast path (src/server/http/fast-path.ts): not with what it does not
 * do itself (the response cache, tracing, PERSISTED_ONLY refusing
 * query text), nor when ABLATE leaves it out or measures bare Yoga.
 */
function servesFastPath(config: Config): boolean {
  return (
    !config.ablate.has('fast-path') &&
    !config.cache.enabled &&
    !config.observability.tracing &&
    !config.persisted.only
  );
}

export async function startGateway(options: GatewayOptions): Promise<Gateway> {
  const { config } = options;
  const observability = createObservability(config, options.observability);
  // The replicas share the response cache, the automatic persisted queries and Leaf's events through it.
  const redis = config.cache.redisUrl ? await connectRedis(config.cache.redisUrl) : null;
  let cache: ResponseCache | null = null;
  try {
    if (config.cache.enabled) cache = await createResponseCache(config, observability.logger, observability.cacheEvents, redis);
  } catch (error) {
    await redis?.close();
    throw error;
  }
  const client = new LeafClient({
    ...config.upstream,
    url: options.upstreamUrl,
    observers: [...observability.observers, ...(cache ? [cache.observer] : []), ...(options.cluster ? [options.cluster.observer] : [])],
    siblings: options.cluster?.reads,
  });
  const readiness = new UpstreamReadiness({
    url: options.upstreamUrl,
    intervalMs: config.upstream.readinessIntervalMs,
    timeoutMs: config.upstream.timeoutMs,
  });
  client.observe({ onCircuitOpen: (group, cause) => cause === 'unanswered' && readiness.noticeUnanswered(group) });
  options.cluster?.attach({ client, cache, registry: observability.registry });
  const live = new LiveEvents(
    { client, cache, logger: observability.logger, report: observability.liveEvents },
    { maxSubscriptions: config.events.maxSubscriptions, maxPerToken: config.events.maxSubscriptionsPerToken },
  );
  const seen = seenEvents({ windowMs: config.events.dedupeMs, redis: redis?.redis ?? null, logger: observability.logger });
  // Redis reaches every replica and every worker of each; the cluster primary only this replica's workers.
  if (redis) live.relayThrough(await redisEventRelay(redis, (body) => live.relayed(body)));
  else if (options.cluster) {
    // Without Redis each worker remembers bodies alone: a sibling's event is remembered here too,
    // so Leaf's redelivery of it reaching this worker acts no more (in Redis, the claim is shared).
    const remembered = (body: string) => seen.claim(digestOf(Buffer.from(body, 'utf8'))).catch(() => false);
    live.relayThrough(options.cluster.eventRelay((body) => remembered(body).then(() => live.relayed(body))));
  }
  const server = createServer(serverOptions(config.http));
  const lifecycle = new ServerLifecycle(server);
  const { yoga, handler } = createYogaApp(options, client, { observability, cache, redis, readiness, draining: () => lifecycle.draining, live, seen });
  if (config.ablate.size > 0) observability.logger.log('warn', 'layers left out for measuring (ABLATE); never in production', { ablate: [...config.ablate] });
  server.on('request', handler);
  answerMalformedHttp(server);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  // Once listening: attached earlier, ws would report a failed listen (port taken) as its own error.
  const websocket = serveWebSocket(server, yoga, { path: GRAPHQL_PATH, maxPayload: config.security.maxRequestBytes, logger: observability.logger });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const shownHost = host === '0.0.0.0' || host === '[::]' ? 'localhost' : host;
  const url = `http://${shownHost}:${address.port}`;
  const webhookUrl = config.events.webhookUrl ?? (options.registerOwnReceiver ? `${url}${WEBHOOK_PATH}` : null);
  const { webhookSecret } = config.events;
  const token = config.upstream.defaultToken;
  // One worker of a cluster registers and catches up for all (the one in slot 0, or its
  // replacement): each doing it would have them race to register, and act on every failed call once per worker.
  const registers = (options.cluster?.setup.slot ?? 0) === 0;
  // Registration and catch-up run beside serving: a slow or refusing Alerts API never holds up the start.
  const registration =
    registers && webhookUrl && webhookSecret && token
      ? registerAndCatchUp({ origin: options.upstreamUrl, token, url: webhookUrl, secret: webhookSecret, redis: redis?.redis ?? null }, { live, seen, logger: observability.logger, report: observability.liveEvents })
      : null;
  let closed: Promise<void> | null = null;
  const gateway: Gateway = {
    url,
    registration,
    server,
    client,
    live,
    close() {
      // Once only: a drain ends in a close, and its caller may close again.
      closed ??= (async () => {
        server.closeAllConnections();
        // Upgraded sockets still count as the server's connections: a close would wait on them.
        await websocket.close();
        // After a drain the server is closed already, and would never call back again.
        if (server.listening) await new Promise<void>((resolve) => server.close(() => resolve()));
        await readiness.close();
        await live.close();
        await client.close();
        await redis?.close();
        await observability.close();
      })();
      return closed;
    },
    async drain(timeoutMs) {
      // Subscriptions end cleanly first (their clients see `complete`), so they do not count as cut.
      live.endAll();
      const sockets = websocket.closeAll(timeoutMs);
      const cut = await lifecycle.drain(timeoutMs);
      await sockets;
      await gateway.close();
      return cut;
    },
  };
  return gateway;
}
