// The example operations are what new users paste first: each must run on the emulator as
// written, without errors, and return data; and the README and the guides show them as they are.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { exampleOperations, exampleQuery } from '../src/server/example.js';
import { DEMO_USER_IDS } from '../src/emulator/index.js';
import { useStack } from './support/stack.js';

const examples = exampleOperations();
// The start-up example takes its Leaf user as a variable: it runs with the demo user written in.
const blocks = examples.map(({ source }, index) => (index === 0 ? exampleQuery(DEMO_USER_IDS.prairieFarms) : source));

const DOCS = [new URL('../README.md', import.meta.url), ...readdirSync(new URL('../docs/', import.meta.url)).filter((name) => name.endsWith('.md')).map((name) => new URL(`../docs/${name}`, import.meta.url))];
const shown = DOCS.flatMap((doc) => [...readFileSync(doc, 'utf8').matchAll(/```graphql\n([\s\S]*?)```/g)].map((match) => ({ doc: doc.pathname, source: match[1] ?? '' })));

function nameOf(source: string): string {
  return /^\s*(?:query|mutation)\s+(\w+)/m.exec(source)?.[1] ?? source.slice(0, 40);
}

/** True when some leaf of the answer carries a value: an example that returns only nulls shows nothing. */
function hasValues(value: unknown): boolean {
  if (value === null || value === undefined) return false;
  if (Array.isArray(value)) return value.some(hasValues);
  if (typeof value === 'object') return Object.values(value).some(hasValues);
  return true;
}

describe('example operations', () => {
  const stack = useStack();

  it('has the three query examples issue 3 asks for', () => {
    expect(blocks.length).toBeGreaterThanOrEqual(3);
  });

  it('shows in the README and docs only the examples, as written, and every example after the start-up one', () => {
    const texts = new Set(examples.map(({ source }) => source));
    expect(shown.filter(({ source }) => !texts.has(source)).map(({ doc, source }) => `${doc}: ${nameOf(source)}`)).toEqual([]);
    const documented = new Set(shown.map(({ source }) => source));
    expect(examples.slice(1).filter(({ source }) => !documented.has(source)).map(({ file }) => file)).toEqual([]);
  });

  it('names each operation differently, so GraphiQL tabs and logs tell them apart', () => {
    const names = blocks.map(nameOf);
    expect(new Set(names).size).toBe(names.length);
  });

  it.each(blocks.map((source) => [nameOf(source), source] as const))('%s runs on the emulator', async (_name, source) => {
    // A block may name the token it is meant for (`# token: ...`), e.g. the documented examples'.
    const token = /^# token: (\S+)$/m.exec(source)?.[1];
    const response = await stack.query(source, undefined, token ? { token } : {});
    expect(response.errors).toBeUndefined();
    expect(response.status).toBe(200);
    expect(hasValues(response.data)).toBe(true);
    for (const value of Object.values(response.data ?? {})) expect(value).not.toBeNull();
  });
});
