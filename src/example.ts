// The ready-to-paste example query printed at start, and the tabs GraphiQL opens on: that
// example first, then the README's queries (a test runs each of them on the emulator).
import { readFileSync } from 'node:fs';
import type { GraphiQLTab } from './graphiql.js';

export function exampleQuery(leafUserId: string): string {
  return `# The first five machines of a Leaf user by name,
# with how many there are and the cursor of the next page.
query MachinesByName {
  leafUser(id: "${leafUserId}") {
    machines(first: 5, orderBy: [{ field: NAME, direction: ASC }]) {
      totalCount
      pageInfo { hasNextPage endCursor }
      nodes {
        id
        name
        make
        model
        originType
        editable
      }
    }
  }
}
`;
}

const README = new URL('../README.md', import.meta.url);

/** The README's `graphql` blocks that are queries (mutations write: pasting one is a choice). */
export function readmeQueries(readme: URL = README): string[] {
  let text: string;
  try {
    text = readFileSync(readme, 'utf8');
  } catch {
    return []; // A deployed image carries no README.
  }
  return [...text.matchAll(/```graphql\n([\s\S]*?)```/g)]
    .map((match) => match[1] ?? '')
    .filter((source) => /^\s*query\b/.test(source));
}

/**
 * GraphiQL's tabs. On the embedded emulator (`demoToken` given): the start-up example, then the
 * README's queries, which are written for its demo user, each with the demo token pre-set in
 * its headers. On a real upstream: the example alone, for the caller to add their own token.
 */
export function graphiqlTabs(leafUserId: string, demoToken: string | null): GraphiQLTab[] {
  if (demoToken === null) return [{ query: exampleQuery(leafUserId) }];
  const headers = JSON.stringify({ Authorization: `Bearer ${demoToken}` }, null, 2);
  return [exampleQuery(leafUserId), ...readmeQueries()].map((query) => ({ query, headers }));
}
