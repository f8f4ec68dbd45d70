// The example operations, one per file in examples/ (numbered in the order GraphiQL opens them):
// the first is the start-up example printed at start; the docs show the others, and
// test/examples.test.ts runs every one of them on the emulator.
import { readdirSync, readFileSync } from 'node:fs';
import { Kind, OperationTypeNode, parse, print, visit, type VariableDefinitionNode } from 'graphql';
import type { GraphiQLTab } from './graphiql.js';

/** The examples folder: beside src/ in the repository, beside dist/ in the runtime image. */
export const EXAMPLES_DIR = new URL('../../examples/', import.meta.url);

/** Each example's text, in file-name order. */
export function exampleOperations(dir: URL = EXAMPLES_DIR): { file: string; source: string }[] {
  return readdirSync(dir)
    .filter((file) => file.endsWith('.graphql'))
    .sort()
    .map((file) => ({ file, source: readFileSync(new URL(file, dir), 'utf8') }));
}

/** The start-up example: the first example, a query taking the Leaf user as `$leafUserId`. */
export const EXAMPLE_OPERATION = exampleOperations()[0]?.source ?? '';

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

/** A query a user can run as pasted with the demo token: mutations write, and a `# token:` line names another token. */
function isDemoQuery(source: string): boolean {
  const [definition] = parse(source).definitions;
  return definition?.kind === Kind.OPERATION_DEFINITION && definition.operation === OperationTypeNode.QUERY && !/^# token: /m.test(source);
}

/** The examples after the start-up one that are GraphiQL tabs on the emulator. */
export function exampleQueries(): string[] {
  return exampleOperations()
    .slice(1)
    .map(({ source }) => source)
    .filter(isDemoQuery);
}

/**
 * GraphiQL's tabs. On the embedded emulator (`demoToken` given): the start-up example, then the
 * other example queries, which are written for its demo user, each with the demo token pre-set in
 * its headers. On a real upstream: the start-up example alone, for the caller to add their own token.
 */
export function graphiqlTabs(leafUserId: string, demoToken: string | null): GraphiQLTab[] {
  if (demoToken === null) return [{ query: exampleQuery(leafUserId) }];
  const headers = JSON.stringify({ Authorization: `Bearer ${demoToken}` }, null, 2);
  return [exampleQuery(leafUserId), ...exampleQueries()].map((query) => ({ query, headers }));
}
