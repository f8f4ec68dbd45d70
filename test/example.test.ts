import { readFileSync } from 'node:fs';
import { parse, print } from 'graphql';
import { describe, expect, it } from 'vitest';
import { EXAMPLE_OPERATION, exampleQuery } from '../src/server/example.js';

const CLIENT_OPERATION = new URL('../operations/machines-with-files.graphql', import.meta.url);

describe('the start-up example', () => {
  it('is the client operation operations/machines-with-files.graphql, under a name that says it lists machines by name', () => {
    const named = (source: string, name: string) => print(parse(source.replace(/^query \w+/m, `query ${name}`)));
    expect(named(EXAMPLE_OPERATION, 'MachinesByName')).toBe(named(readFileSync(CLIENT_OPERATION, 'utf8'), 'MachinesByName'));
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
