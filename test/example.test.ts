import { readFileSync } from 'node:fs';
import { parse, print } from 'graphql';
import { describe, expect, it } from 'vitest';
import { EXAMPLE_OPERATION, EXAMPLE_OPERATION_FILE, exampleOperationFile, exampleQuery } from '../src/server/example.js';

describe('the start-up example', () => {
  it('is the client operation operations/machines-with-files.graphql (run `npm run print-schema` after changing it)', () => {
    expect(readFileSync(EXAMPLE_OPERATION_FILE, 'utf8')).toBe(exampleOperationFile());
  });

  it('is that operation with the Leaf user written in', () => {
    const example = exampleQuery('11111111-1111-4111-8111-111111111111');
    expect(example).toContain('leafUser(id: "11111111-1111-4111-8111-111111111111")');
    expect(example).not.toContain('$leafUserId');
    const expected = EXAMPLE_OPERATION.replace('$leafUserId: LeafId!, ', '').replace('$leafUserId', '"11111111-1111-4111-8111-111111111111"');
    expect(print(parse(example))).toBe(print(parse(expected)));
    // Comments and layout stay as written.
    expect(example.split('\n')[0]).toBe(EXAMPLE_OPERATION.split('\n')[0]);
  });

  it('writes any Leaf id as a GraphQL string', () => {
    const example = exampleQuery('uuid-"1\\');
    expect(example).toContain('leafUser(id: "uuid-\\"1\\\\")');
    expect(() => parse(example)).not.toThrow();
  });
});
