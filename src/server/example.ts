// The ready-to-paste example query printed at start, and the tabs GraphiQL opens on: that
// example first, then the README's queries (a test runs each of them on the emulator).
import { readFileSync } from 'node:fs';
import { Kind, parse, print, visit, type VariableDefinitionNode } from 'graphql';
import type { GraphiQLTab } from './graphiql.js';

/**
 * The start-up example, which is also a client operation: `npm run print-schema` writes it to
 * operations/machines-with-files.graphql (persisted and typed by codegen like the others).
 */
export const EXAMPLE_OPERATION = `# The first machines of a Leaf user by name, as the gateway's start-up example shows them.
query MachinesWithFiles($leafUserId: LeafId!, $first: Int = 5, $after: String) {
  leafUser(id: $leafUserId) {
    machines(first: $first, after: $after, orderBy: [{ field: NAME, direction: ASC }]) {
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

export const EXAMPLE_OPERATION_FILE = new URL('../../operations/machines-with-files.graphql', import.meta.url);

/** The committed operation file: EXAMPLE_OPERATION under a note saying where it comes from. */
export function exampleOperationFile(): string {
  return `# Written from src/example.ts by \`npm run print-schema\`: change it there.\n${EXAMPLE_OPERATION}`;
}

/**
 * The example with the Leaf user written in, so it runs as pasted: `$leafUserId` is replaced
 * by the id and its definition dropped; comments and layout stay.
 */
export function exampleQuery(leafUserId: string): string {
  const source = EXAMPLE_OPERATION;
  const literal = print({ kind: Kind.STRING, value: leafUserId });
  const edits: { start: number; end: number; text: string }[] = [];
  let definitions: readonly VariableDefinitionNode[] = [];
  visit(parse(source), {
    OperationDefinition: (operation) => {
      definitions = operation.variableDefinitions ?? [];
    },
    Variable: (variable, _key, parent) => {
      if (variable.name.value !== 'leafUserId' || !variable.loc) return;
      if (parent && 'kind' in parent && parent.kind === Kind.VARIABLE_DEFINITION) return;
      edits.push({ start: variable.loc.start, end: variable.loc.end, text: literal });
    },
  });
  const index = definitions.findIndex((definition) => definition.variable.name.value === 'leafUserId');
  const definition = definitions[index];
  if (!definition?.loc) throw new Error('EXAMPLE_OPERATION declares no $leafUserId variable');
  // Drop the definition with what separates it from its neighbour, or the parentheses with it.
  const next = definitions[index + 1]?.loc;
  const previous = definitions[index - 1]?.loc;
  if (next) edits.push({ start: definition.loc.start, end: next.start, text: '' });
  else if (previous) edits.push({ start: previous.end, end: definition.loc.end, text: '' });
  else edits.push({ start: source.lastIndexOf('(', definition.loc.start), end: source.indexOf(')', definition.loc.end) + 1, text: '' });
  let example = source;
  for (const { start, end, text } of edits.sort((a, b) => b.start - a.start)) example = example.slice(0, start) + text + example.slice(end);
  return example;
}

const README = new URL('../../README.md', import.meta.url);

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
