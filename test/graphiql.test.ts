// GraphiQL over HTTP, as a browser asks for it (GET /graphql, Accept: text/html): served whole
// by the gateway, opened on the examples; and, when it is off, a page saying so and how to turn
// it on. test/graphiql-browser.test.ts runs the page itself in Chromium.
import { describe, expect, it } from 'vitest';
import { DEMO_TOKEN, DEMO_USER_IDS } from '../src/emulator/index.js';
import { exampleQuery, graphiqlTabs, demoExamples } from '../src/server/example.js';
import { useStacks } from './support/stack.js';

const BROWSER = { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' };
const startForTest = useStacks();
const stackWith = (env: Record<string, string>) =>
  startForTest({ env, gateway: { graphiqlTabs: graphiqlTabs(DEMO_USER_IDS.prairieFarms, DEMO_TOKEN) } });

describe('GraphiQL', () => {
  it('is one page from the gateway itself: no script, style or icon from another host, and its title set', async () => {
    const stack = await stackWith({ GRAPHIQL: 'true' });
    const page = await stack.request('/graphql', { token: null, headers: BROWSER });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    const html = page.text;
    expect(html).toContain('<title>Leaf GraphQL gateway</title>');
    expect(html).not.toMatch(/<script[^>]*\ssrc=/);
    expect(html).not.toMatch(/<link[^>]*\shref="(?!data:)/);
    expect(html).toMatch(/<link rel="icon" href="data:image\//);
    expect(html).not.toContain('__TITLE__');
  });

  it('opens on the start-up example, then the other examples (the leafEvents subscription among them, over SSE), with the demo token in the headers', async () => {
    const stack = await stackWith({ GRAPHIQL: 'true' });
    const { text: html } = await stack.request('/graphql', { token: null, headers: BROWSER });
    const options = JSON.parse(/renderYogaGraphiQL\(\s*window\.document\.querySelector\('#root'\),\s*(\{.*\}),\s*\);/s.exec(html)![1]!) as {
      defaultTabs: { query: string; headers?: string }[];
      defaultHeaders?: string;
      subscriptionsProtocol?: string;
    };
    expect(options.defaultTabs.map((tab) => tab.query)).toEqual([exampleQuery(DEMO_USER_IDS.prairieFarms), ...demoExamples()]);
    expect(demoExamples().length).toBeGreaterThanOrEqual(3);
    expect(demoExamples().filter((query) => /^subscription WatchLeafEvents /m.test(query))).toHaveLength(1);
    // Server-Sent Events carry the tab's Authorization header; over WebSocket it would not go.
    expect(options.subscriptionsProtocol).toBe('SSE');
    for (const tab of options.defaultTabs) expect(JSON.parse(tab.headers!)).toEqual({ Authorization: `Bearer ${DEMO_TOKEN}` });
    expect(options.defaultHeaders).toBe(options.defaultTabs[0]!.headers);
  });

  it('when off, tells a browser so and how to turn it on, instead of the CSRF refusal', async () => {
    const stack = await stackWith({ GRAPHIQL: 'false' });
    const page = await stack.request('/graphql', { token: null, headers: BROWSER });
    expect(page.status).toBe(404);
    expect(page.headers.get('content-type')).toContain('text/html');
    const html = page.text;
    expect(html).toContain('GraphiQL is off');
    expect(html).toContain('GRAPHIQL=true');
    expect(html).not.toContain('CSRF');
    expect(html.length).toBeLessThan(2_000);

    // A script's GET is not a browser's: it still gets a GraphQL answer, not that page.
    const script = await stack.request(`/graphql?query=${encodeURIComponent('{ __typename }')}`, {
      token: null,
      headers: { accept: 'application/graphql-response+json', 'x-graphql-yoga-csrf': '1' },
    });
    expect(script.body).toEqual({ data: { __typename: 'Query' } });
  });
});
