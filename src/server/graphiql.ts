// GraphiQL at GET /graphql for browsers, served whole by the gateway: @graphql-yoga/render-graphiql
// inlines the page's script, styles, editor workers and favicon, so no request leaves the
// machine (Yoga's own page loads them from a CDN and is blank offline). It opens on the
// examples as tabs. When GraphiQL is off, a browser gets a page saying so and how to turn it
// on, rather than the CSRF refusal meant for scripts.
import { shouldRenderGraphiQL, type GraphiQLOptions, type Plugin } from 'graphql-yoga';

/** One GraphiQL tab as it opens: a query, and its variables and headers as JSON text. */
export interface GraphiQLTab {
  query: string;
  variables?: string;
  headers?: string;
}

export const GRAPHIQL_TITLE = 'Leaf GraphQL gateway';

/** The createYoga options that serve GraphiQL, opened on `tabs` (the first one active). */
export function graphiqlServing(enabled: boolean, tabs: readonly GraphiQLTab[]) {
  if (!enabled) return { graphiql: false as const };
  const options: GraphiQLOptions = {
    title: GRAPHIQL_TITLE,
    defaultTabs: tabs.map(({ query, variables, headers }) => ({ query, variables, headers })),
    // Only used when no tabs are given: an empty editor rather than Yoga's welcome comment.
    defaultQuery: tabs[0]?.query ?? '',
    // GraphiQL fills the headers editor of the tab it opens on, and of a new tab, from these,
    // not from that tab's own headers.
    defaultHeaders: tabs[0]?.headers,
    // GraphQL over SSE as Yoga serves it (a GET with Accept: text/event-stream and the tab's
    // headers, so the token goes with it): GraphiQL's default, said here because the demo's
    // leafEvents tab depends on it. Over WebSocket the token would have to go in connection_init.
    subscriptionsProtocol: 'SSE',
  };
  // The page is ~9 MB of inlined assets and the same for every request: loaded and built on
  // the first browser visit (never, where GraphiQL stays unopened), then kept.
  let page: Promise<string> | undefined;
  return {
    graphiql: options,
    renderGraphiQL: (rendered: GraphiQLOptions) =>
      (page ??= import('@graphql-yoga/render-graphiql').then(({ renderGraphiQL }) => withTabsThatClick(renderGraphiQL(rendered)))),
  };
}

/**
 * GraphiQL 5's tabs are draggable (framer-motion's Reorder): on pointer-down in Chromium the
 * pressed tab is moved aside by a transform, so the pointer-up lands on the tab bar, no click
 * reaches the tab and it never opens (test/graphiql-browser.test.ts clicks tabs as a user does).
 * Tabs kept in place open on click; dragging them to reorder loses only its animation.
 */
const TABS_THAT_CLICK = '<style>.graphiql-tabs .graphiql-tab { transform: none !important; }</style>';

function withTabsThatClick(html: string): string {
  return html.replace('</head>', `${TABS_THAT_CLICK}</head>`);
}

const OFF_PAGE = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>${GRAPHIQL_TITLE}: GraphiQL is off</title></head>
<body>
<h1>GraphiQL is off on this gateway</h1>
<p>Set <code>GRAPHIQL=true</code> and restart to serve it here (it is off by default with
<code>NODE_ENV=production</code>).</p>
<p>GraphQL itself is served at this address: <code>POST</code> a JSON body
(<code>Content-Type: application/json</code>) with your <code>Authorization: Bearer &lt;token&gt;</code>.</p>
</body>
</html>
`;

/** With GraphiQL off: a browser opening the endpoint learns why it sees no GraphiQL. */
export function useGraphiQLOffPage(endpoint: string): Plugin {
  return {
    onRequest({ request, url, fetchAPI, endResponse }) {
      if (!shouldRenderGraphiQL(request) || (url.pathname !== endpoint && url.pathname !== `${endpoint}/`)) return;
      endResponse(
        new fetchAPI.Response(OFF_PAGE, {
          status: 404,
          headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' },
        }),
      );
    },
  };
}

/** The banner's words for what a browser gets at the endpoint. */
export function graphiqlNote(enabled: boolean): string {
  return enabled ? 'GraphiQL in a browser' : 'GraphiQL off: GRAPHIQL=true serves it';
}
