// Environment → typed, validated configuration. The only module that reads process.env:
// everything else receives a Config, so tests build one directly.
import { statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import type { BreakerOptions } from './leaf/breaker.js';

export interface UpstreamConfig {
  /** Origin of the Leaf API, e.g. https://api.withleaf.io; null means "start the embedded emulator". */
  url: string | null;
  /** Token for requests that carry no Authorization header; null answers them UNAUTHENTICATED. */
  defaultToken: string | null;
  /** Time allowed for the upstream's response headers, then for its body, per call. */
  timeoutMs: number;
  connectTimeoutMs: number;
  /** Keep-alive connections per upstream origin; bounds concurrency to Leaf. */
  connections: number;
  /** Extra attempts for idempotent reads that fail transiently (never for writes). */
  retries: number;
  /** First backoff delay; doubles per attempt, with jitter, up to retryMaxDelayMs. */
  retryBaseDelayMs: number;
  retryMaxDelayMs: number;
  /** Longest Retry-After waited on inside a request; a longer one is handed to the client. */
  retryAfterMaxMs: number;
  /** The circuit breakers, one per Leaf endpoint group (src/leaf/breaker.ts). */
  breaker: BreakerOptions;
  /** Share identical in-flight GETs of the same token across requests. */
  coalesceReads: boolean;
  /** How long after its answer a shared read is still handed to requests that arrive (LEAF_COALESCE_WINDOW_MS). */
  coalesceWindowMs: number;
  /** How long one GraphQL request waits on Leaf in all, however many levels it nests; 0: no bound but each call's timeout. */
  requestDeadlineMs: number;
  /** How often the background probe behind /readiness asks Leaf (src/leaf/readiness.ts). */
  readinessIntervalMs: number;
}

/** The gateway's own HTTP server: how long a client may take, and how long a shutdown waits. */
export interface HttpConfig {
  /** Time a client has to send a request's headers. */
  headersTimeoutMs: number;
  /** Time a client has to send a whole request, headers and body. */
  requestTimeoutMs: number;
  /** How long an idle kept-alive connection stays open. */
  keepAliveTimeoutMs: number;
  /** On SIGTERM, how long requests in flight may take to finish before their connections are cut. */
  shutdownTimeoutMs: number;
  /** Origins whose browsers may read answers (CORS); ['*'] any origin, without credentials; [] none. */
  corsOrigins: string[];
}

export interface CacheConfig {
  /** Cache whole query responses per token (mutations and answers with errors never). */
  enabled: boolean;
  /** Longest a cached answer lives; writes through this gateway invalidate sooner. */
  ttlMs: number;
  /** Entries kept by the in-memory store (least recently used go first). */
  maxEntries: number;
  /** redis:// URL of a store shared by every replica; null keeps the cache in memory. */
  redisUrl: string | null;
}

export interface ObservabilityConfig {
  /** Prometheus metrics at GET /metrics. */
  metrics: boolean;
  /** OpenTelemetry spans for GraphQL operations and upstream calls. */
  tracing: boolean;
  /** OTLP/HTTP collector base URL (spans go to <endpoint>/v1/traces); null exports nothing. */
  otlpEndpoint: string | null;
  /** One JSON object per line (for log collectors), or plain text for a terminal. */
  logFormat: 'json' | 'text';
}

export interface SecurityConfig {
  /** Deepest selection nesting a query may have (fragments do not count as a level). */
  maxDepth: number;
  /** Aliased fields per operation; aliases multiply the work of one field. */
  maxAliases: number;
  /** Directives per operation. */
  maxDirectives: number;
  /** Lexical tokens per document; parsing stops at the first one over. */
  maxTokens: number;
  /** Most objects a query may ask for, counting `first`/`last`/`ids` as list sizes. */
  maxCost: number;
  /** Refuse requests a browser could send cross-site without a CORS preflight. */
  csrfPrevention: boolean;
  /** Largest request body read; a bigger one is refused before it is buffered whole. */
  maxRequestBytes: number;
  /** Upstream calls one request may make; the calls past it fail with QUERY_TOO_COMPLEX. */
  maxUpstreamCalls: number;
}

export interface PersistedConfig {
  /** JSON file of trusted documents (hash → document); null: the one `npm run codegen` writes. */
  documentsPath: string | null;
  /** Accept only documents from that file: no query text, no automatic registration. */
  only: boolean;
  /** Automatic persisted queries (Apollo's protocol) for documents outside that file. */
  automatic: boolean;
  /** Documents kept by the automatic store (least recently used go first). */
  automaticStoreSize: number;
}

/**
 * Layers of the edge that ABLATE leaves out, one at a time, so `npm run bench -- --ablate` can
 * measure what each costs a request (docs/benchmarks.md). For measuring only: some are defences.
 * `bare` is Yoga over the schema with its defaults and nothing else of the gateway's.
 */
const ABLATABLE_LAYERS = [
  'request-log',
  'http-params',
  'http-caching',
  'armor',
  'cost',
  'persisted',
  'defer-stream',
  'error-masking',
  'bare',
] as const;
export type AblatableLayer = (typeof ABLATABLE_LAYERS)[number];

/** Leaf's Alerts: the webhook receiver, its registration, and subscriptions (docs/live-data.md). */
export interface EventsConfig {
  /** HMAC key of X-Leaf-Signature; null: POST /webhooks/leaf answers 404. */
  webhookSecret: string | null;
  /** This gateway's receiver as Leaf reaches it; with LEAF_API_TOKEN, registered with Leaf at start. */
  webhookUrl: string | null;
  /** How long a delivered event's body is remembered, so a redelivery acts once. */
  dedupeMs: number;
  /** Open subscriptions per process, all tokens together. */
  maxSubscriptions: number;
  /** Open subscriptions per token per process. */
  maxSubscriptionsPerToken: number;
  /** How often a subscriber's token is checked again against its Leaf user. */
  recheckMs: number;
}

/** The embedded emulator of demo mode (no LEAF_API_URL). */
export interface EmulatorConfig {
  scale: 'demo' | 'large';
  latencyMs: number;
  port: number;
  /** Multiplies Leaf's webhook retry schedule (1, 30, 60, 240 minutes). */
  alertsRetryScale: number;
  /** Simulated provider activity every this many ms (src/emulator/alerts/activity.ts); 0 is off. */
  activityMs: number;
}

export interface Config {
  port: number;
  host: string;
  /** Processes serving the port (node:cluster workers, src/server/cluster.ts); 1 runs the gateway in this process. */
  workers: number;
  /** Run operations compiled by graphql-jit (src/server/execution.ts); false: graphql-js only. */
  compiledExecution: boolean;
  upstream: UpstreamConfig;
  http: HttpConfig;
  /** Serve GraphiQL on GET /graphql from a browser. */
  graphiql: boolean;
  /** Expose introspection (__schema, __type). */
  introspection: boolean;
  /** Include error details meant for developers (never stack traces of upstream bodies). */
  exposeErrorDetails: boolean;
  emulator: EmulatorConfig;
  logLevel: 'silent' | 'error' | 'info' | 'debug';
  cache: CacheConfig;
  observability: ObservabilityConfig;
  security: SecurityConfig;
  persisted: PersistedConfig;
  /** Layers left out to measure their cost (ABLATE); empty in any real deployment. */
  ablate: ReadonlySet<AblatableLayer>;
  events: EventsConfig;
}

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    expected: string,
    got: string,
  ) {
    super(`${variable} must be ${expected}; got ${JSON.stringify(got)}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

function readInt(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(name, `an integer from ${min} to ${max}`, raw);
  }
  return value;
}

function readNumber(env: Env, name: string, fallback: number, aboveMin: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= aboveMin || value > max) throw new ConfigError(name, `a number above ${aboveMin} and at most ${max}`, raw);
  return value;
}

function readBool(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = raw.trim().toLowerCase();
  if (['1', 'true', 'yes', 'on'].includes(value)) return true;
  if (['0', 'false', 'no', 'off'].includes(value)) return false;
  throw new ConfigError(name, 'true or false', raw);
}

function readChoice<T extends string>(env: Env, name: string, choices: readonly T[], fallback: T): T {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const match = choices.find((choice) => choice === raw.trim());
  if (!match) throw new ConfigError(name, `one of ${choices.join(', ')}`, raw);
  return match;
}

/** A comma-separated list of layers from ABLATABLE_LAYERS (ABLATE=armor,cost). */
function readAblate(env: Env): ReadonlySet<AblatableLayer> {
  const names = (env.ABLATE ?? '').split(',').map((name) => name.trim()).filter(Boolean);
  const layers = new Set<AblatableLayer>();
  for (const name of names) {
    const layer = ABLATABLE_LAYERS.find((known) => known === name);
    if (!layer) throw new ConfigError('ABLATE', `a comma-separated list of ${ABLATABLE_LAYERS.join(', ')}`, env.ABLATE ?? '');
    layers.add(layer);
  }
  return layers;
}

/**
 * A URL setting with one of `protocols`, or null when unset. A URL may carry credentials
 * (https://user:pass@host, redis://:secret@host): an error echoes the value only when it
 * holds no '@'.
 */
function readUrl(env: Env, name: string, protocols: readonly string[], expected: string): URL | null {
  const raw = env[name]?.trim();
  if (!raw) return null;
  let url: URL | null = null;
  try {
    url = new URL(raw);
  } catch {
    // Reported below, like a wrong protocol.
  }
  if (!url || !protocols.includes(url.protocol)) throw new ConfigError(name, expected, raw.includes('@') ? '<hidden>' : raw);
  return url;
}

function readOrigin(env: Env, name: string): string | null {
  const expected = 'an http(s) origin such as https://api.withleaf.io';
  const url = readUrl(env, name, ['http:', 'https:'], expected);
  if (!url) return null;
  // Leaf takes a bearer token, never credentials in the URL; paths are appended per API.
  if (url.search || url.hash || url.username || url.password) {
    throw new ConfigError(name, expected, url.username || url.password ? '<hidden>' : url.href);
  }
  return url.origin;
}

function readToken(env: Env, name: string): string | null {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return null;
  const token = raw.trim().replace(/^Bearer\s+/i, '');
  if (/\s/.test(token)) throw new ConfigError(name, 'a bearer token without spaces', '<hidden>');
  return token;
}

function readServiceUrl(env: Env, name: string, protocols: readonly string[], example: string): string | null {
  const url = readUrl(env, name, protocols, `a URL such as ${example}`);
  return url ? (env[name] ?? '').trim().replace(/\/+$/, '') : null;
}

function readFilePath(env: Env, name: string): string | null {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return null;
  const path = resolve(raw.trim());
  if (!statSync(path, { throwIfNoEntry: false })?.isFile()) throw new ConfigError(name, 'the path of a readable file', raw);
  return path;
}

/** A comma-separated list of http(s) origins, or `*`; null when unset. */
function readOrigins(env: Env, name: string): string[] | null {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return null;
  const entries = raw.split(',').map((entry) => entry.trim()).filter(Boolean);
  return entries.map((entry) => {
    if (entry === '*') return entry;
    let url: URL | null = null;
    try {
      url = new URL(entry);
    } catch {
      // Reported below.
    }
    // An origin is exactly what a browser sends in Origin: scheme, host and port, nothing else.
    if (!url || !['http:', 'https:'].includes(url.protocol) || url.origin !== entry.replace(/\/$/, '')) {
      throw new ConfigError(name, 'a comma-separated list of origins such as https://app.example.com, or *', entry);
    }
    return url.origin;
  });
}

function readSecret(env: Env, name: string): string | null {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return null;
  // Leaf signs with the key exactly as registered: spaces would be part of it, and easily lost.
  if (raw.trim().length < 16 || /\s/.test(raw.trim())) throw new ConfigError(name, 'at least 16 characters without spaces', '<hidden>');
  return raw.trim();
}

/** The response cache's TTL default: with Leaf's events keeping answers exact, it may hold them for an hour. */
const CACHE_TTL_DEFAULT_MS = 60_000;
const CACHE_TTL_WITH_EVENTS_MS = 3_600_000;

function readEvents(env: Env): EventsConfig {
  return {
    webhookSecret: readSecret(env, 'LEAF_WEBHOOK_SECRET'),
    webhookUrl: readServiceUrl(env, 'LEAF_WEBHOOK_URL', ['http:', 'https:'], 'https://gateway.example.com/webhooks/leaf'),
    dedupeMs: readInt(env, 'LEAF_EVENT_DEDUPE_MS', 7 * 86_400_000, 1_000, 30 * 86_400_000),
    maxSubscriptions: readInt(env, 'SUBSCRIPTIONS_MAX', 10_000, 0, 1_000_000),
    maxSubscriptionsPerToken: readInt(env, 'SUBSCRIPTIONS_PER_TOKEN', 20, 1, 100_000),
    // The contract's bound: at least every 5 minutes.
    recheckMs: readInt(env, 'SUBSCRIPTION_RECHECK_MS', 300_000, 100, 300_000),
  };
}

function readHttp(env: Env, production: boolean): HttpConfig {
  const headersTimeoutMs = readInt(env, 'HTTP_HEADERS_TIMEOUT_MS', 10_000, 100, 600_000);
  const requestTimeoutMs = readInt(env, 'HTTP_REQUEST_TIMEOUT_MS', 30_000, 100, 3_600_000);
  // Node refuses a headers deadline later than the whole request's.
  if (headersTimeoutMs > requestTimeoutMs) {
    throw new ConfigError('HTTP_HEADERS_TIMEOUT_MS', `at most HTTP_REQUEST_TIMEOUT_MS (${requestTimeoutMs})`, String(headersTimeoutMs));
  }
  return {
    headersTimeoutMs,
    requestTimeoutMs,
    keepAliveTimeoutMs: readInt(env, 'HTTP_KEEP_ALIVE_TIMEOUT_MS', 5_000, 100, 600_000),
    shutdownTimeoutMs: readInt(env, 'SHUTDOWN_TIMEOUT_MS', 20_000, 0, 600_000),
    // Unset: any origin in demo mode (the emulator's data), none in production or with a real upstream.
    corsOrigins: readOrigins(env, 'CORS_ORIGINS') ?? (!production && !env.LEAF_API_URL?.trim() ? ['*'] : []),
  };
}

/**
 * REQUEST_DEADLINE_MS: half as long again as one call's timeout unless set. Never shorter than
 * that timeout: a request cut before its calls can time out would hide a hanging Leaf from the
 * breaker, and every request would wait out the deadline instead of failing fast.
 */
function readRequestDeadline(env: Env, timeoutMs: number): number {
  const deadline = readInt(env, 'REQUEST_DEADLINE_MS', Math.round(timeoutMs * 1.5), 0, 3_600_000);
  if (deadline !== 0 && deadline < timeoutMs) {
    throw new ConfigError('REQUEST_DEADLINE_MS', `0 (off) or at least LEAF_TIMEOUT_MS (${timeoutMs})`, String(deadline));
  }
  return deadline;
}

function readBreaker(env: Env): BreakerOptions {
  // The old rule (any N failures in a row, 5xx included) is gone; a deployment still setting it should hear so.
  if (env.LEAF_BREAKER_FAILURES !== undefined && env.LEAF_BREAKER_FAILURES.trim() !== '') {
    throw new ConfigError(
      'LEAF_BREAKER_FAILURES',
      'unset (replaced by LEAF_BREAKER_ERROR_PERCENT and LEAF_BREAKER_MIN_CALLS, and LEAF_BREAKER_CONSECUTIVE_FAILURES for calls left unanswered)',
      env.LEAF_BREAKER_FAILURES,
    );
  }
  return {
    enabled: readBool(env, 'LEAF_BREAKER', true),
    errorPercent: readInt(env, 'LEAF_BREAKER_ERROR_PERCENT', 50, 1, 99),
    minimumCalls: readInt(env, 'LEAF_BREAKER_MIN_CALLS', 10, 1, 100_000),
    windowMs: readInt(env, 'LEAF_BREAKER_WINDOW_MS', 1_000, 100, 600_000),
    cooldownMs: readInt(env, 'LEAF_BREAKER_COOLDOWN_MS', 10_000, 10, 600_000),
    consecutiveFailures: readInt(env, 'LEAF_BREAKER_CONSECUTIVE_FAILURES', 5, 0, 1_000),
  };
}

/** A number of workers, or `auto`: one per core this process may use. */
function readWorkers(env: Env): number {
  if (env.WORKERS?.trim().toLowerCase() === 'auto') return availableParallelism();
  try {
    return readInt(env, 'WORKERS', 1, 1, 256);
  } catch {
    throw new ConfigError('WORKERS', 'an integer from 1 to 256, or auto', env.WORKERS ?? '');
  }
}

/** 0 (off), or an interval the emulator's activity switch keeps. */
function readActivityMs(env: Env): number {
  const value = readInt(env, 'EMULATOR_ACTIVITY_MS', 0, 0, 3_600_000);
  if (value !== 0 && value < 100) throw new ConfigError('EMULATOR_ACTIVITY_MS', '0 (off) or an integer from 100 to 3600000', env.EMULATOR_ACTIVITY_MS ?? '');
  return value;
}

export function loadConfig(env: Env = process.env): Config {
  const production = env.NODE_ENV === 'production';
  const timeoutMs = readInt(env, 'LEAF_TIMEOUT_MS', 10_000, 100, 300_000);
  const otlpEndpoint = readServiceUrl(env, 'OTEL_EXPORTER_OTLP_ENDPOINT', ['http:', 'https:'], 'http://127.0.0.1:4318');
  const events = readEvents(env);
  return {
    port: readInt(env, 'PORT', 4000, 0, 65535),
    host: env.HOST?.trim() || '0.0.0.0',
    workers: readWorkers(env),
    compiledExecution: readBool(env, 'GRAPHQL_JIT', true),
    upstream: {
      url: readOrigin(env, 'LEAF_API_URL'),
      defaultToken: readToken(env, 'LEAF_API_TOKEN'),
      timeoutMs,
      connectTimeoutMs: readInt(env, 'LEAF_CONNECT_TIMEOUT_MS', 5_000, 100, 60_000),
      connections: readInt(env, 'LEAF_POOL_CONNECTIONS', 128, 1, 1024),
      retries: readInt(env, 'LEAF_RETRIES', 2, 0, 10),
      retryBaseDelayMs: readInt(env, 'LEAF_RETRY_BASE_MS', 100, 1, 60_000),
      retryMaxDelayMs: readInt(env, 'LEAF_RETRY_MAX_MS', 2_000, 1, 60_000),
      retryAfterMaxMs: readInt(env, 'LEAF_RETRY_AFTER_MAX_MS', 1_000, 0, 60_000),
      breaker: readBreaker(env),
      coalesceReads: readBool(env, 'LEAF_COALESCE_READS', true),
      coalesceWindowMs: readInt(env, 'LEAF_COALESCE_WINDOW_MS', 0, 0, 60_000),
      requestDeadlineMs: readRequestDeadline(env, timeoutMs),
      readinessIntervalMs: readInt(env, 'READINESS_INTERVAL_MS', 5_000, 100, 600_000),
    },
    http: readHttp(env, production),
    graphiql: readBool(env, 'GRAPHIQL', !production),
    introspection: readBool(env, 'INTROSPECTION', !production),
    exposeErrorDetails: readBool(env, 'EXPOSE_ERROR_DETAILS', false),
    emulator: {
      scale: readChoice(env, 'EMULATOR_SCALE', ['demo', 'large'] as const, 'demo'),
      latencyMs: readInt(env, 'EMULATOR_LATENCY_MS', 0, 0, 60_000),
      port: readInt(env, 'EMULATOR_PORT', 0, 0, 65535),
      alertsRetryScale: readNumber(env, 'EMULATOR_ALERTS_RETRY_SCALE', 1, 0, 1_000),
      activityMs: readActivityMs(env),
    },
    logLevel: readChoice(env, 'LOG_LEVEL', ['silent', 'error', 'info', 'debug'] as const, 'info'),
    cache: {
      enabled: readBool(env, 'RESPONSE_CACHE', true),
      ttlMs: readInt(env, 'RESPONSE_CACHE_TTL_MS', events.webhookSecret ? CACHE_TTL_WITH_EVENTS_MS : CACHE_TTL_DEFAULT_MS, 1, 86_400_000),
      maxEntries: readInt(env, 'RESPONSE_CACHE_MAX_ENTRIES', 1_000, 1, 10_000_000),
      redisUrl: readServiceUrl(env, 'REDIS_URL', ['redis:', 'rediss:'], 'redis://127.0.0.1:6379'),
    },
    observability: {
      metrics: readBool(env, 'METRICS', true),
      // Tracing follows the collector: configuring an endpoint turns it on unless TRACING says no.
      tracing: readBool(env, 'TRACING', otlpEndpoint !== null),
      otlpEndpoint,
      logFormat: readChoice(env, 'LOG_FORMAT', ['json', 'text'] as const, 'json'),
    },
    security: {
      maxDepth: readInt(env, 'MAX_QUERY_DEPTH', 12, 1, 1_000),
      maxAliases: readInt(env, 'MAX_QUERY_ALIASES', 15, 0, 10_000),
      maxDirectives: readInt(env, 'MAX_QUERY_DIRECTIVES', 50, 0, 10_000),
      maxTokens: readInt(env, 'MAX_QUERY_TOKENS', 1_000, 10, 1_000_000),
      maxCost: readInt(env, 'MAX_QUERY_COST', 5_000, 1, 100_000_000),
      csrfPrevention: readBool(env, 'CSRF_PREVENTION', true),
      maxRequestBytes: readInt(env, 'MAX_REQUEST_BYTES', 1_000_000, 1_000, 100_000_000),
      maxUpstreamCalls: readInt(env, 'MAX_UPSTREAM_CALLS', 5_000, 1, 1_000_000),
    },
    persisted: {
      documentsPath: readFilePath(env, 'PERSISTED_DOCUMENTS'),
      only: readBool(env, 'PERSISTED_ONLY', false),
      automatic: readBool(env, 'AUTOMATIC_PERSISTED_QUERIES', true),
      automaticStoreSize: readInt(env, 'APQ_STORE_SIZE', 1_000, 1, 1_000_000),
    },
    ablate: readAblate(env),
    events,
  };
}
