// The response cache's scopes (pure): which Leaf user an answer belongs to, read from the global
// IDs in it, so a write to that user drops it. test/cache.test.ts sees invalidation over HTTP.
import { describe, expect, it } from 'vitest';
import { scopesOf } from '../src/server/cache/scopes.js';
import { encodeGlobalId } from '../src/schema/relay/global-id.js';

describe('scopesOf', () => {
  it('tags each user-owned global ID with its Leaf user, and ignores ids that are not ours', () => {
    const user = '11111111-1111-4111-8111-111111111111';
    const machine = '9d6c2a4e-0b1f-4c3d-8e5a-7f6b5c4d3e2a';
    const file = 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d';
    const scopes = scopesOf([
      { typename: 'LeafUser', id: encodeGlobalId('LeafUser', user) },
      { typename: 'Machine', id: encodeGlobalId('Machine', `${user}:${machine}`) },
      { typename: 'MachineFile', id: encodeGlobalId('MachineFile', `${user}:${machine}:${file}:${file}`) },
      { typename: 'Machine' },
      { typename: 'Whatever', id: 'not-a-global-id' },
    ]);
    expect([...scopes]).toEqual([user]);
  });
});
