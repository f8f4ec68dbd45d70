// Configuration (pure): every environment variable read, its default, and the refusal of a bad
// value naming the variable (and never echoing a secret). The files of each feature test what
// the values do to a running gateway.
import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.js';

describe('the upstream and the server', () => {
  it('has the documented defaults', () => {
    const config = loadConfig({});
    expect(config.port).toBe(4000);
    expect(config.host).toBe('0.0.0.0');
    expect(config.upstream.url).toBeNull();
    expect(config.upstream.defaultToken).toBeNull();
    expect(config.upstream.retries).toBe(2);
  });

  it("reads the emulator's Alerts settings: Leaf's retry schedule and no activity unless told", () => {
    expect(loadConfig({}).emulator).toMatchObject({ alertsRetryScale: 1, activityMs: 0 });
    expect(loadConfig({ EMULATOR_ALERTS_RETRY_SCALE: '0.001', EMULATOR_ACTIVITY_MS: '3000' }).emulator).toMatchObject({ alertsRetryScale: 0.001, activityMs: 3000 });
  });

  it('takes an origin for LEAF_API_URL and a bare or Bearer token', () => {
    const config = loadConfig({ LEAF_API_URL: 'https://api.withleaf.io/', LEAF_API_TOKEN: 'Bearer abc' });
    expect(config.upstream.url).toBe('https://api.withleaf.io');
    expect(config.upstream.defaultToken).toBe('abc');
  });

  it.each([
    ['PORT', 'eighty', /PORT must be an integer from 0 to 65535/],
    ['PORT', '70000', /PORT/],
    ['LEAF_API_URL', 'ftp://example.com', /LEAF_API_URL must be an http\(s\) origin/],
    ['LEAF_API_URL', 'not a url', /LEAF_API_URL/],
    ['LEAF_TIMEOUT_MS', '5', /LEAF_TIMEOUT_MS must be an integer from 100/],
    ['LEAF_POOL_CONNECTIONS', '0', /LEAF_POOL_CONNECTIONS/],
    ['GRAPHIQL', 'maybe', /GRAPHIQL must be true or false/],
    ['EMULATOR_SCALE', 'huge', /EMULATOR_SCALE must be one of demo, large/],
    ['EMULATOR_ALERTS_RETRY_SCALE', '0', /EMULATOR_ALERTS_RETRY_SCALE must be a number above 0/],
    ['EMULATOR_ALERTS_RETRY_SCALE', 'fast', /EMULATOR_ALERTS_RETRY_SCALE/],
    ['EMULATOR_ACTIVITY_MS', '5', /EMULATOR_ACTIVITY_MS must be 0 \(off\) or an integer from 100/],
  ])('refuses %s=%s with a message naming it', (name, value, message) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(message);
  });

  it('refuses credentials in LEAF_API_URL without echoing them, and echoes a value that has none', () => {
    for (const value of ['https://me:s3cret@api.withleaf.io', 'https://:s3cret@api.withleaf.io', 'ftp://me:s3cret@api.withleaf.io']) {
      expect(() => loadConfig({ LEAF_API_URL: value })).toThrow(/^LEAF_API_URL must be an http\(s\) origin/);
      expect(() => loadConfig({ LEAF_API_URL: value })).not.toThrow(/s3cret/);
    }
    expect(() => loadConfig({ LEAF_API_URL: 'https://api.withleaf.io/?debug=1' })).toThrow('got "https://api.withleaf.io/?debug=1"');
    expect(() => loadConfig({ REDIS_URL: 'http://cache:6379' })).toThrow('got "http://cache:6379"');
  });
});

describe('query limits and introspection', () => {
  it('reads every limit from the environment and refuses nonsense', () => {
    const config = loadConfig({ MAX_QUERY_DEPTH: '8', MAX_QUERY_ALIASES: '3', MAX_QUERY_DIRECTIVES: '4', MAX_QUERY_TOKENS: '500', MAX_QUERY_COST: '99' });
    expect(config.security).toMatchObject({ maxDepth: 8, maxAliases: 3, maxDirectives: 4, maxTokens: 500, maxCost: 99 });
    expect(loadConfig({}).security).toEqual({
      maxDepth: 12,
      maxAliases: 15,
      maxDirectives: 50,
      maxTokens: 1000,
      maxCost: 5000,
      csrfPrevention: true,
      maxRequestBytes: 1_000_000,
      maxUpstreamCalls: 5000,
    });
    expect(loadConfig({ MAX_UPSTREAM_CALLS: '40' }).security.maxUpstreamCalls).toBe(40);
    expect(() => loadConfig({ MAX_UPSTREAM_CALLS: '0' })).toThrow(/MAX_UPSTREAM_CALLS/);
    expect(() => loadConfig({ MAX_QUERY_DEPTH: '0' })).toThrow(ConfigError);
    expect(() => loadConfig({ MAX_QUERY_COST: 'lots' })).toThrow(/MAX_QUERY_COST must be an integer/);
  });

  it('turns introspection on by default outside production, off in production, and INTROSPECTION decides', () => {
    expect(loadConfig({}).introspection).toBe(true);
    expect(loadConfig({ NODE_ENV: 'production' }).introspection).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production', INTROSPECTION: 'true' }).introspection).toBe(true);
  });
});

describe('the circuit breaker', () => {
  it('refuses the old consecutive-failures setting by name', () => {
    expect(() => loadConfig({ LEAF_BREAKER_FAILURES: '5' })).toThrow(ConfigError);
    expect(() => loadConfig({ LEAF_BREAKER_FAILURES: '5' })).toThrow(/LEAF_BREAKER_ERROR_PERCENT/);
    expect(() => loadConfig({ LEAF_BREAKER_FAILURES: '5' })).toThrow(/LEAF_BREAKER_CONSECUTIVE_FAILURES/);
  });

  it('opens on 5 unanswered calls in a row unless LEAF_BREAKER_CONSECUTIVE_FAILURES says otherwise (0: never)', () => {
    expect(loadConfig({}).upstream.breaker.consecutiveFailures).toBe(5);
    expect(loadConfig({ LEAF_BREAKER_CONSECUTIVE_FAILURES: '0' }).upstream.breaker.consecutiveFailures).toBe(0);
    expect(() => loadConfig({ LEAF_BREAKER_CONSECUTIVE_FAILURES: 'five' })).toThrow(/LEAF_BREAKER_CONSECUTIVE_FAILURES must be an integer from 0 to 1000/);
  });
});

describe('the request deadline', () => {
  it('is half as long again as LEAF_TIMEOUT_MS unless set, 0 turns it off, and it is never shorter than one call’s timeout', () => {
    expect(loadConfig({}).upstream.requestDeadlineMs).toBe(15_000);
    expect(loadConfig({ LEAF_TIMEOUT_MS: '2000' }).upstream.requestDeadlineMs).toBe(3_000);
    expect(loadConfig({ REQUEST_DEADLINE_MS: '12000' }).upstream.requestDeadlineMs).toBe(12_000);
    expect(loadConfig({ REQUEST_DEADLINE_MS: '0' }).upstream.requestDeadlineMs).toBe(0);
    expect(() => loadConfig({ REQUEST_DEADLINE_MS: '5000' })).toThrow(/REQUEST_DEADLINE_MS must be 0 \(off\) or at least LEAF_TIMEOUT_MS \(10000\)/);
  });
});

describe('the readiness probe', () => {
  it('asks Leaf every 5 s unless READINESS_INTERVAL_MS says otherwise', () => {
    expect(loadConfig({}).upstream.readinessIntervalMs).toBe(5_000);
    expect(loadConfig({ READINESS_INTERVAL_MS: '1000' }).upstream.readinessIntervalMs).toBe(1_000);
    expect(() => loadConfig({ READINESS_INTERVAL_MS: '10' })).toThrow(/READINESS_INTERVAL_MS must be an integer from 100/);
  });
});

describe('CORS', () => {
  it('refuses a CORS_ORIGINS entry that is not an origin, naming the variable', () => {
    expect(loadConfig({ CORS_ORIGINS: 'https://a.example,*' }).http.corsOrigins).toEqual(['https://a.example', '*']);
    for (const bad of ['app.example.com', 'https://a.example/path', 'ftp://a.example', 'https://a.example?x=1']) {
      expect(() => loadConfig({ CORS_ORIGINS: bad }), bad).toThrow(ConfigError);
      expect(() => loadConfig({ CORS_ORIGINS: bad }), bad).toThrow(/CORS_ORIGINS/);
    }
  });
});

describe('HTTP timeouts', () => {
  it('refuses a headers timeout longer than the whole request’s', () => {
    expect(() => loadConfig({ HTTP_HEADERS_TIMEOUT_MS: '40000', HTTP_REQUEST_TIMEOUT_MS: '30000' })).toThrow(ConfigError);
    expect(() => loadConfig({ HTTP_HEADERS_TIMEOUT_MS: 'soon' })).toThrow(/HTTP_HEADERS_TIMEOUT_MS/);
  });
});

describe('observability and the cache', () => {
  it('refuses bad values, naming the variable', () => {
    expect(() => loadConfig({ METRICS: 'maybe' })).toThrow(ConfigError);
    expect(() => loadConfig({ METRICS: 'maybe' })).toThrow(/^METRICS must be true or false/);
    expect(() => loadConfig({ LOG_FORMAT: 'xml' })).toThrow(/^LOG_FORMAT must be one of json, text/);
    expect(() => loadConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'ftp://collector' })).toThrow(/^OTEL_EXPORTER_OTLP_ENDPOINT must be a URL/);
    expect(() => loadConfig({ RESPONSE_CACHE_TTL_MS: '0' })).toThrow(/^RESPONSE_CACHE_TTL_MS must be an integer/);
    expect(() => loadConfig({ REDIS_URL: 'http://:s3cret@cache:6379' })).toThrow(/^REDIS_URL must be a URL such as redis:/);
    expect(() => loadConfig({ REDIS_URL: 'http://:s3cret@cache:6379' })).not.toThrow(/s3cret/);
  });

  it('has metrics on, tracing off without a collector, JSON logs and an in-memory cache by default', () => {
    const config = loadConfig({});
    expect(config.observability).toEqual({ metrics: true, tracing: false, otlpEndpoint: null, logFormat: 'json' });
    expect(config.cache).toEqual({ enabled: true, ttlMs: 60_000, maxEntries: 1_000, redisUrl: null });
    expect(loadConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://otel:4318/' }).observability).toMatchObject({
      tracing: true,
      otlpEndpoint: 'http://otel:4318',
    });
  });
});

describe('WORKERS', () => {
  it('takes a number, or auto for the cores available, and refuses anything else by name', () => {
    expect(loadConfig({}).workers).toBe(1);
    expect(loadConfig({ WORKERS: '3' }).workers).toBe(3);
    expect(loadConfig({ WORKERS: 'auto' }).workers).toBe(availableParallelism());
    for (const bad of ['0', 'many', '1.5']) {
      expect(() => loadConfig({ WORKERS: bad })).toThrow(ConfigError);
      expect(() => loadConfig({ WORKERS: bad })).toThrow(/WORKERS must be an integer from 1 to 256, or auto/);
    }
  });
});

describe('ABLATE (the benchmark ledger)', () => {
  it('leaves nothing out by default, takes a list of known layers, and refuses an unknown one', () => {
    expect(loadConfig({}).ablate.size).toBe(0);
    expect([...loadConfig({ ABLATE: 'armor, cost' }).ablate]).toEqual(['armor', 'cost']);
    expect(() => loadConfig({ ABLATE: 'armor,everything' })).toThrow(ConfigError);
  });
});
