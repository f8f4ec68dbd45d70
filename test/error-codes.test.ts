// One list of error codes: every code the gateway can send is in src/errors/codes.ts and
// documented in the client guide's Errors section (docs/client-guide.md), so a client finds each one in one place.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../src/errors/codes.js';

const guide = readFileSync(new URL('../docs/client-guide.md', import.meta.url), 'utf8');
const errorsSection = /\n## Errors\n([\s\S]*?)\n## /.exec(guide)?.[1] ?? '';

/** Every `{ code: 'X' }` or `code: ErrorCode = 'X'` in the gateway's source (the emulator plays Leaf, so it is left out). */
function codesInSource(dir: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'emulator') found.push(...codesInSource(path));
    } else if (entry.name.endsWith('.ts')) {
      for (const match of readFileSync(path, 'utf8').matchAll(/(?:[{,]\s*code:|\bcode: \w*ErrorCode =)\s*'([A-Z_]+)'/g)) found.push(match[1] ?? '');
    }
  }
  return found;
}

describe('error codes', () => {
  it("documents every code of the list in the client guide's Errors section", () => {
    expect(errorsSection).not.toBe('');
    const undocumented = ERROR_CODES.filter((code) => !errorsSection.includes(`\`${code}\``));
    expect(undocumented).toEqual([]);
    expect(new Set(ERROR_CODES).size).toBe(ERROR_CODES.length);
  });

  it('lists every code the source emits', () => {
    const emitted = codesInSource(new URL('../src', import.meta.url).pathname);
    expect(emitted.length).toBeGreaterThan(5);
    expect(emitted.filter((code) => !(ERROR_CODES as readonly string[]).includes(code))).toEqual([]);
  });
});
