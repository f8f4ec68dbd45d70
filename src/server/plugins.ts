// Every Yoga plugin of the gateway, in the order it runs: a hook of an earlier entry runs before
// the same hook of a later one. Yoga adds its own around this list: before it, the context
// factory, /health, CORS, GraphiQL, the body parsers and its result processors; after it, the
// parse and validation cache (src/server/http/document-caches.ts), the
// checks of the GraphQL-over-HTTP parameters and methods, and error masking.
// An entry that is `false` (switched off by its config, or left out by ABLATE to measure what
// it costs: `on(layer)`) is left out.
import type { Plugin } from 'graphql-yoga';
import type { ResponseCache } from './cache/index.js';
import type { ClusterLink } from './cluster.js';
import type { AblatableLayer, Config } from '../config.js';
import type { CompiledOperations } from './execution.js';
import { useGraphiQLOffPage } from './graphiql.js';
import { useRequestIdentity } from './identity.js';
import { useRequestBodyLimit } from './http/body-limit.js';
import { useHttpCaching } from './http/caching.js';
import { useNotAcceptableBody } from './http/media-types.js';
import { useKnownOperationTypes } from './http/operation-types.js';
import { useRequestParams } from './http/params.js';
import { useDeferStream, useMaskedIncrementalErrors, useWholeAnswerForJsonClients } from './incremental/index.js';
import type { LeafClient } from '../leaf/client.js';
import type { UpstreamReadiness } from '../leaf/readiness.js';
import { useRequestDeadline } from './deadline.js';
import { useReadiness } from './http/readiness.js';
import type { Observability } from './observability/index.js';
import { useRequestOperation } from './observability/operation.js';
import { useSubscriptionLog } from './observability/subscriptions.js';
import { sharedDocuments } from './persisted/automatic.js';
import { persistedDocuments } from './persisted/index.js';
import type { SharedRedis } from './redis.js';
import { maskError, useBadUserInputCodes } from '../schema/error-masking.js';
import { useArgumentBounds } from './security/arguments.js';
import { useQueryCost, type costLimit } from './security/cost.js';
import { useCsrfPrevention } from './security/csrf.js';
import { useDisableIntrospection } from './security/introspection.js';
import { useQueryLimits } from './security/limits.js';
import { useHideSuggestions } from './security/suggestions.js';
import type { SeenEvents } from '../events/dedupe.js';
import type { LiveEvents } from '../events/hub.js';
import { useFreshContextPerEvent } from '../events/per-event.js';
import { useLeafWebhook } from '../events/receiver.js';

export const GRAPHQL_PATH = '/graphql';

/** What the plugins are built from: the config, and the gateway's long-lived parts. */
export interface EdgeParts {
  config: Config;
  client: LeafClient;
  observability: Observability;
  cache: ResponseCache | null;
  redis: SharedRedis | null;
  cluster: ClusterLink | undefined;
  /** True while the gateway drains on shutdown: /readiness then answers 503. */
  draining: () => boolean;
  /** What /readiness answers besides draining: Leaf as the background probe and the breakers see it. */
  readiness: UpstreamReadiness;
  /** Leaf's events and the bodies acted on already (src/events): the webhook receiver's. */
  live: LiveEvents | null;
  seen: SeenEvents | null;
  /**
   * Shared with the /graphql fast path (src/server/http/fast-path.ts), so both read the same
   * caches: the compiled operations (null with GRAPHQL_JIT=false), the cost limit (null when
   * ABLATE leaves it out), and the plugin that tells it which documents Yoga validated (null
   * without the fast path).
   */
  compiled: CompiledOperations | null;
  cost: ReturnType<typeof costLimit> | null;
  validatedDocuments: Plugin | null;
}

/** A Yoga plugin; the defer-stream and response-cache ones are typed over any context. */
type EdgePlugin = Plugin | Plugin<Record<string, unknown>> | ResponseCache['plugin'];

export function edgePlugins(parts: EdgeParts): EdgePlugin[] {
  const { config, client, observability, cache, redis, cluster, draining, readiness, live, seen } = parts;
  const persisted = persistedDocuments(config.persisted, redis ? sharedDocuments(redis.redis) : null);
  const on = (layer: AblatableLayer): boolean => !config.ablate.has(layer);
  const listed: (EdgePlugin | null | false)[] = [
    // Who is asking (token, its hash, request id), settled once: every plugin below reads it.
    useRequestIdentity(config.upstream.defaultToken),
    // Before everything that reads results: a JSON-only client's @defer answer, merged whole.
    on('defer-stream') && useWholeAnswerForJsonClients,
    // Early, so logs and metrics read the codes clients get for deferred and streamed errors.
    on('error-masking') && useMaskedIncrementalErrors((error) => maskError(error, 'Unexpected error.', config.exposeErrorDetails)),
    // Before /metrics is served locally: a worker answers it for every worker.
    cluster?.plugin ?? false,
    // Leaf's signed events at POST /webhooks/leaf, before anything that reads a GraphQL request
    // (CSRF, parameters): the signature is its only credential. 404 without LEAF_WEBHOOK_SECRET.
    !!(config.events.webhookSecret && live && seen) &&
      useLeafWebhook({ secret: config.events.webhookSecret!, live: live!, seen: seen!, logger: observability.logger, report: observability.liveEvents }),
    // Sets the execute function before the plugins below wrap it (tracing's async context).
    parts.compiled?.plugin ?? false,
    // A subscription's events each execute in a renewed context (fresh loaders and reads), so an
    // event's record is read as it is now, not as the first event's execution loaded it.
    useFreshContextPerEvent,

    // The HTTP edge of /graphql. Parameters checked as they are parsed, before any plugin reads them.
    on('http-params') && useRequestParams({ exposeErrorDetails: config.exposeErrorDetails }),
    // Operations the schema cannot run (subscriptions) refused with a code.
    on('http-params') && useKnownOperationTypes,
    // An answer in a media type the client accepts, or a coded 406 with a body.
    on('http-params') && useNotAcceptableBody,
    // Caching headers per caller and 304s, set before the request log records the status.
    on('http-caching') && useHttpCaching({ graphqlPath: GRAPHQL_PATH }),

    // Observability, to see every request. The request's operation first: all that follow read it.
    useRequestOperation,
    // One log line per request, with its request id.
    on('request-log') && observability.requestLog,
    // A subscription's start and end (duration, events, why it ended) in the log and /metrics.
    useSubscriptionLog(observability.logger, observability.subscriptions, () => live?.ending ?? false),
    // Prometheus metrics and /metrics (METRICS).
    observability.metrics ?? false,
    // OpenTelemetry spans (TRACING).
    observability.tracing ?? false,

    // Answered from memory (src/leaf/readiness.ts): an orchestrator's probe never waits on Leaf.
    useReadiness(() => {
      const { ready, reason } = draining() ? { ready: false, reason: 'Draining: shutting down.' } : readiness.state;
      return { ready, body: JSON.stringify({ ready, reason, circuits: client.breakerStates }) };
    }),
    // Before CSRF prevention, which would answer a browser's GET with a 403 that explains nothing.
    !config.graphiql && useGraphiQLOffPage(GRAPHQL_PATH),

    // The hostile-query defences, in the order a request meets them. CSRF on the HTTP request,
    // where the credential is ambient (the server's own token).
    config.security.csrfPrevention && useCsrfPrevention(config.upstream.defaultToken),
    // Token limit while parsing; depth, alias and directive limits at validation (GraphQL Armor).
    on('armor') && useQueryLimits(config.security),
    // With introspection off: no __schema, and no "Did you mean" hints that would leak it.
    !config.introspection && useDisableIntrospection,
    !config.introspection && useHideSuggestions,
    // Cost before execution, variables read (Armor's own cost limit cannot read them).
    !!parts.cost && useQueryCost(parts.cost),
    // A short `unit`, at most 100 `nodes(ids:)`.
    useArgumentBounds,

    // Persisted documents: a query sent with its hash is stored first (APQ), so the lookup
    // that follows finds it.
    on('persisted') && (persisted.registration ?? false),
    on('persisted') && persisted.lookup,
    // BAD_USER_INPUT for graphql-js's variable and argument errors.
    useBadUserInputCodes,
    // One deadline for all of a request's reads of Leaf (REQUEST_DEADLINE_MS), armed as execution starts.
    config.upstream.requestDeadlineMs > 0 && useRequestDeadline(config.upstream.requestDeadlineMs),
    // @defer and @stream, answered as multipart/mixed or text/event-stream (docs/client-guide.md, "Incremental delivery").
    on('defer-stream') && useDeferStream(),

    // Last: the response cache's key needs the document text persisted documents resolve first.
    cache?.accounting ?? false,
    cache?.plugin ?? false,
    cache?.awaitInvalidations ?? false,
    // MAX_REQUEST_BYTES, once the request parser is chosen (it wraps the chosen one for a chunked body).
    useRequestBodyLimit(config.security.maxRequestBytes),
    // After every validation rule: a document valid with all of them may take the fast path.
    parts.validatedDocuments ?? false,
  ];
  return listed.filter((plugin): plugin is EdgePlugin => plugin !== false && plugin !== null);
}
