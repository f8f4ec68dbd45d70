// The gateway as real clients and browsers meet it: urql with its default options (GET for
// queries, no extra header) pages through machines; graphql-http's GraphQL-over-HTTP audit
// passes whole in production with introspection on; a browser on another origin reads answers
// only from the origins CORS_ORIGINS lists, and never with credentials.
import { Client, fetchExchange, type OperationResult } from '@urql/core';
import { auditServer } from 'graphql-http';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { DEMO_TOKEN, DEMO_USER_IDS } from '../src/emulator/index.js';
import { graphql } from './__generated__/index.js';
import type { UrqlMachinePageQuery } from './__generated__/graphql.js';
import { useStack, withStack, type Stack } from './support/stack.js';

const USER = DEMO_USER_IDS.prairieFarms;

const MACHINE_PAGE = graphql(/* GraphQL */ `
  query UrqlMachinePage($user: LeafId!, $first: Int!, $after: String) {
    leafUser(id: $user) {
      machines(first: $first, after: $after) {
        totalCount
        pageInfo { hasNextPage endCursor }
        nodes { id name }
      }
    }
  }
`);

describe('urql with its default options', () => {
  const logged: { method?: string; status?: number; path?: string }[] = [];
  // The server has a token of its own, so requests without one keep the CSRF check.
  const stack = useStack({
    env: { LEAF_API_TOKEN: DEMO_TOKEN, LOG_LEVEL: 'info' },
    observability: { logWrite: (line) => logged.push(JSON.parse(line) as (typeof logged)[number]) },
  });

  it('pages through machines by GET, carrying only its own Authorization header', async () => {
    const client = new Client({
      url: `${stack.gateway.url}/graphql`,
      exchanges: [fetchExchange],
      fetchOptions: { headers: { authorization: `Bearer ${DEMO_TOKEN}` } },
    });
    const seen: string[] = [];
    let after: string | null = null;
    let total = 0;
    for (let page = 0; page < 50; page++) {
      const result: OperationResult<UrqlMachinePageQuery> = await client.query(MACHINE_PAGE, { user: USER, first: 4, after }).toPromise();
      expect(result.error).toBeUndefined();
      const machines = result.data!.leafUser!.machines!;
      total = machines.totalCount;
      seen.push(...machines.nodes.map((node) => node!.id));
      if (!machines.pageInfo.hasNextPage) break;
      after = machines.pageInfo.endCursor;
    }
    expect(total).toBeGreaterThan(4);
    expect(seen).toHaveLength(total);
    expect(new Set(seen).size).toBe(total);
    const requests = logged.filter((line) => line.path === '/graphql');
    expect(requests.length).toBeGreaterThan(1);
    expect(requests.every((line) => line.method === 'GET' && line.status === 200)).toBe(true);
  });
});

describe("graphql-http's GraphQL-over-HTTP server audit", () => {
  it('passes every audit in production with introspection on, for a client with its own token and on a server without one', async () => {
    for (const serverToken of [DEMO_TOKEN, null]) {
      const env = { NODE_ENV: 'production', INTROSPECTION: 'true', ...(serverToken ? { LEAF_API_TOKEN: serverToken } : {}) };
      await withStack({ env }, async (stack) => {
        // With a server token, a client sends its own (a request without one acts with the
        // server's and must pass the CSRF check, which the audit's plain GETs do not).
        const fetchFn: typeof fetch = (input, init = {}) => {
          const headers = new Headers(init.headers);
          if (serverToken) headers.set('authorization', `Bearer ${DEMO_TOKEN}`);
          return fetch(input, { ...init, headers });
        };
        const results = await auditServer({ url: `${stack.gateway.url}/graphql`, fetchFn });
        expect(results.length).toBeGreaterThanOrEqual(48);
        const failed = results.filter((result) => result.status !== 'ok').map((result) => `${result.id} ${result.name}`);
        expect(failed).toEqual([]);
      });
    }
  });
});

describe('CORS', () => {
  const preflight = (stack: Stack, origin: string) =>
    stack.request('/graphql', {
      method: 'OPTIONS',
      token: null,
      headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type' },
    });
  const read = (stack: Stack, origin: string) => stack.post({ query: '{ __typename }' }, { token: null, headers: { origin } });

  it('serves only the origins CORS_ORIGINS lists, and never allows credentials', async () => {
    const env = { NODE_ENV: 'production', LEAF_API_TOKEN: DEMO_TOKEN, CORS_ORIGINS: 'https://app.example.com, http://localhost:5173' };
    await withStack({ env }, async (stack) => {
      for (const origin of ['https://app.example.com', 'http://localhost:5173']) {
        const allowed = await preflight(stack, origin);
        expect(allowed.headers.get('access-control-allow-origin')).toBe(origin);
        expect(allowed.headers.get('access-control-allow-headers')).toMatch(/authorization/);
        expect(allowed.headers.get('access-control-allow-credentials')).toBeNull();
        const answer = await read(stack, origin);
        expect(answer.headers.get('access-control-allow-origin')).toBe(origin);
        expect(answer.headers.get('access-control-allow-credentials')).toBeNull();
        expect(answer.headers.get('vary')).toMatch(/Origin/);
      }
      for (const origin of ['https://evil.example', 'https://app.example.com.evil.example', 'null']) {
        const refused = await preflight(stack, origin);
        expect(refused.headers.get('access-control-allow-origin')).toBeNull();
        const answer = await read(stack, origin);
        expect(answer.headers.get('access-control-allow-origin')).toBeNull();
        expect(answer.headers.get('access-control-allow-credentials')).toBeNull();
      }
    });
  });

  it('allows no cross-origin read in production when CORS_ORIGINS is unset', async () => {
    await withStack({ env: { NODE_ENV: 'production', LEAF_API_TOKEN: DEMO_TOKEN } }, async (stack) => {
      const answer = await read(stack, 'https://evil.example');
      expect(answer.status).toBe(200);
      expect(answer.headers.get('access-control-allow-origin')).toBeNull();
      expect(answer.headers.get('access-control-allow-credentials')).toBeNull();
      expect((await preflight(stack, 'https://evil.example')).headers.get('access-control-allow-origin')).toBeNull();
    });
  });

  it('lets any origin read the demo, without credentials', async () => {
    expect(loadConfig({}).http.corsOrigins).toEqual(['*']);
    expect(loadConfig({ NODE_ENV: 'production' }).http.corsOrigins).toEqual([]);
    expect(loadConfig({ LEAF_API_URL: 'https://api.withleaf.io' }).http.corsOrigins).toEqual([]);
    await withStack({ env: { LEAF_API_TOKEN: DEMO_TOKEN } }, async (stack) => {
      const answer = await read(stack, 'https://anyone.example');
      expect(answer.headers.get('access-control-allow-origin')).toBe('https://anyone.example');
      expect(answer.headers.get('access-control-allow-credentials')).toBeNull();
    });
  });

});
