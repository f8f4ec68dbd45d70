// The README's queries are what new users paste first: each must run on the emulator as
// printed, without errors, and return data.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { useStack } from './support/stack.js';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const blocks = [...readme.matchAll(/```graphql\n([\s\S]*?)```/g)].map((match) => match[1] ?? '');

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

describe('README examples', () => {
  const stack = useStack();

  it('has the three query examples issue 3 asks for', () => {
    expect(blocks.length).toBeGreaterThanOrEqual(3);
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
