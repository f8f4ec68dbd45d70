// The example operations, one per file in examples/ (numbered in the order GraphiQL opens them):
// the first is the start-up example printed at start; the docs show the others, and
// test/examples.test.ts runs every one of them on the emulator.
import { readdirSync, readFileSync } from 'node:fs';
import { Kind, parse, print, visit, type VariableDefinitionNode } from 'graphql';
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

/** An example a user can run as pasted with the demo token: one whose `# token:` line names no other token. */
function runsWithDemoToken(source: string): boolean {
  return !/^# token: /m.test(source);
}

/**
 * The examples after the start-up one that are GraphiQL tabs on the emulator: the queries, the
 * leafEvents subscription and the mutations that make its events (the emulator's data is the
 * demo's own, so a write there harms nothing).
 */
export function demoExamples(): string[] {
  return exampleOperations()
    .slice(1)
    .map(({ source }) => source)
    .filter(runsWithDemoToken);
}

/**
 * GraphiQL's tabs. On the embedded emulator (`demoToken` given): the start-up example, then the
 * other examples, which are written for its demo users, each with the demo token pre-set in
 * its headers. On a real upstream: the start-up example alone, for the caller to add their own token.
 */
export function graphiqlTabs(leafUserId: string, demoToken: string | null): GraphiQLTab[] {
  if (demoToken === null) return [{ query: exampleQuery(leafUserId) }];
  const headers = JSON.stringify({ Authorization: `Bearer ${demoToken}` }, null, 2);
  return [exampleQuery(leafUserId), ...demoExamples()].map((query) => ({ query, headers }));
}
