// The Authorization header as callers send it, right and wrong: a header the gateway cannot
// read as `Bearer <token>` is refused with what is wrong with it, before any upstream call;
// no header at all acts as LEAF_API_TOKEN, or is UNAUTHENTICATED without one (the embedded
// emulator's demo token plays LEAF_API_TOKEN under `npm start`: test/server.test.ts).
import { describe, expect, it } from 'vitest';
import { DEMO_TOKEN, DEMO_USER_IDS } from '../src/emulator/index.js';
import { graphql } from './__generated__/index.js';
import { useStacks } from './support/stack.js';

const QUERY = graphql(/* GraphQL */ `
  query AuthorizedMachineCount($user: LeafId!) {
    leafUser(id: $user) { machines(first: 1) { totalCount } }
  }
`);
const VARIABLES = { user: DEMO_USER_IDS.prairieFarms };
const startForTest = useStacks();
const stackWith = (env: Record<string, string> = {}) => startForTest({ env });

describe('Authorization header', () => {
  it.each([
    [DEMO_TOKEN, 'the "Bearer" scheme is missing before the token'],
    ['Bearer', 'the token after "Bearer" is missing'],
    [`Bearer ${DEMO_TOKEN} extra`, 'the token holds spaces'],
    [`Basic ${Buffer.from(`user:${DEMO_TOKEN}`).toString('base64')}`, 'its scheme is not "Bearer"'],
  ])('%j is refused as BAD_REQUEST saying %s, without an upstream call', async (authorization, problem) => {
    const stack = await stackWith({ LEAF_API_TOKEN: DEMO_TOKEN });
    stack.resetCalls();
    const result = await stack.query(QUERY, VARIABLES, { token: null, headers: { authorization } });
    expect(result.status).toBe(400);
    expect(result.data).toBeUndefined();
    expect(result.errors).toEqual([
      {
        message: `Authorization header not understood: ${problem}. Send "Authorization: Bearer <token>".`,
        extensions: { code: 'BAD_REQUEST' },
      },
    ]);
    // Neither the header's token nor the default one was used.
    expect(stack.calls()).toEqual([]);
  });

  it('takes the scheme in any case', async () => {
    const stack = await stackWith();
    const result = await stack.query(QUERY, VARIABLES, { token: null, headers: { authorization: `bearer ${DEMO_TOKEN}` } });
    expect(result.errors).toBeUndefined();
  });

  it('absent, acts as LEAF_API_TOKEN when it is set, and is UNAUTHENTICATED when it is not', async () => {
    const withDefault = await stackWith({ LEAF_API_TOKEN: DEMO_TOKEN });
    const served = await withDefault.query(QUERY, VARIABLES, { token: null });
    expect(served.errors).toBeUndefined();
    expect(withDefault.calls().every((call) => call.token === DEMO_TOKEN)).toBe(true);

    const without = await stackWith();
    without.resetCalls();
    const refused = await without.query(QUERY, VARIABLES, { token: null });
    expect(refused.errors?.map((error) => error.extensions?.code)).toEqual(['UNAUTHENTICATED']);
    expect(refused.errors?.[0]?.message).toContain('Authorization: Bearer <token>');
    expect(without.calls()).toEqual([]);
  });
});
