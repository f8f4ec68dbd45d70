import { readFileSync } from 'node:fs';
import { parse, print } from 'graphql';
import { describe, expect, it } from 'vitest';
import { exampleQuery } from '../src/example.js';

const OPERATION = readFileSync(new URL('../operations/machines-with-files.graphql', import.meta.url), 'utf8');

describe('the start-up example', () => {
  it('is operations/machines-with-files.graphql with the Leaf user written in', () => {
    const example = exampleQuery('11111111-1111-4111-8111-111111111111');
    expect(example).toContain('leafUser(id: "11111111-1111-4111-8111-111111111111")');
    expect(example).not.toContain('$leafUserId');
    const expected = OPERATION.replace('$leafUserId: LeafId!, ', '').replace('$leafUserId', '"11111111-1111-4111-8111-111111111111"');
    expect(print(parse(example))).toBe(print(parse(expected)));
    // Comments and layout stay as written.
    expect(example.split('\n')[0]).toBe(OPERATION.split('\n')[0]);
  });

  it('writes any Leaf id as a GraphQL string', () => {
    const example = exampleQuery('uuid-"1\\');
    expect(example).toContain('leafUser(id: "uuid-\\"1\\\\")');
    expect(() => parse(example)).not.toThrow();
  });
});
