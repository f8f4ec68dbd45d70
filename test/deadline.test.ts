// The request deadline (REQUEST_DEADLINE_MS) as a client sees it: a nested query whose every level
// is slow answers at the deadline with what it has, the fields still waiting on Leaf as
// UPSTREAM_ERROR, instead of each level waiting in turn; nothing more is asked of Leaf for that
// request; the next request has a deadline of its own; writes are never cut by it.
import { describe, expect, it } from 'vitest';
import { graphql } from './__generated__/index.js';
import { MACHINES_USER } from './support/machine-reads.js';
import { useStack } from './support/stack.js';

const USER = MACHINES_USER;
const MACHINES_PATH = /\/users\/[^/]+\/machines$/;
const MACHINE_FILES_PATH = /\/users\/[^/]+\/machines\/[^/]+\/files$/;
const FILE_PATH = /\/operations\/api\/files\/[^/]+$/;
const SLOW_MS = 1_200;
const DEADLINE_MS = 2_000;

const NESTED = graphql(/* GraphQL */ `
  query DeadlineNested($user: LeafId!, $file: LeafId!) {
    leafUser(id: $user) {
      leafUserId
      machines(first: 2) {
        nodes {
          leafId
          files(first: 2) { nodes { leafFileId file { fileName summary { operationType } } } }
        }
      }
    }
    file(id: $file) { leafId fileName }
  }
`);

const TWO_CREATES = graphql(/* GraphQL */ `
  mutation DeadlineTwoCreates($user: LeafId!) {
    first: createMachine(leafUserId: $user, input: { name: "Deadline first" }) { __typename }
    second: createMachine(leafUserId: $user, input: { name: "Deadline second" }) { __typename }
  }
`);

describe('the request deadline', () => {
  // Each level answers well within its own timeout, but three levels in turn take longer than the deadline.
  const stack = useStack({ env: { LEAF_TIMEOUT_MS: String(DEADLINE_MS), REQUEST_DEADLINE_MS: String(DEADLINE_MS) } });

  it('answers a nested query at the deadline with what arrived, the fields still waiting on Leaf as UPSTREAM_ERROR', async () => {
    const fileId = stack.emulator.store.filesOf(USER)[0]!.id;
    const slow = [MACHINES_PATH, MACHINE_FILES_PATH, FILE_PATH].map((path) => stack.emulator.addFault({ method: 'GET', path, delayMs: SLOW_MS }));
    try {
      stack.resetCalls();
      const started = performance.now();
      const result = await stack.query(NESTED, { user: USER, file: fileId });
      const elapsed = performance.now() - started;

      // The levels in turn would take 3 × 1.2 s; the deadline ends the wait at 2 s.
      expect(elapsed).toBeGreaterThanOrEqual(DEADLINE_MS - 50);
      expect(elapsed).toBeLessThan(3 * SLOW_MS);
      expect(result.status).toBe(200);
      // What needs no Leaf, and what Leaf answered in time, arrives: the user, its machines, the root file.
      expect(result.data?.leafUser?.leafUserId).toBe(USER);
      const machines = result.data?.leafUser?.machines?.nodes ?? [];
      expect(machines).toHaveLength(2);
      for (const machine of machines) expect(machine).toEqual({ leafId: expect.any(String), files: null });
      expect(result.data?.file?.leafId).toBe(fileId);
      // Each machine's files were still waiting: UPSTREAM_ERROR there, saying why.
      expect(result.errors).toHaveLength(2);
      for (const [index, error] of (result.errors ?? []).entries()) {
        expect(error).toMatchObject({
          message: `The Leaf API did not answer within the request's deadline of ${DEADLINE_MS} ms.`,
          path: ['leafUser', 'machines', 'nodes', index, 'files'],
          extensions: { code: 'UPSTREAM_ERROR' },
        });
      }
      // Nothing was asked of Leaf after the deadline: no level below the files.
      expect(stack.calls().filter((call) => FILE_PATH.test(call.path) && call.path.endsWith(fileId))).toHaveLength(1);
      expect(stack.calls().filter((call) => FILE_PATH.test(call.path))).toHaveLength(1);
    } finally {
      for (const remove of slow) remove();
    }

    // The next request has a deadline of its own, and Leaf's answers arrive whole again.
    const again = await stack.query(NESTED, { user: USER, file: fileId });
    expect(again.errors).toBeUndefined();
    expect(again.data?.leafUser?.machines?.nodes[0]?.files?.nodes.length).toBeGreaterThan(0);
  });

  it('never cuts a write short: writes sent after the deadline passed still complete', async () => {
    // Two writes in turn, 1.2 s each: the second is still in flight when the deadline passes.
    const slow = stack.emulator.addFault({ method: 'POST', path: MACHINES_PATH, delayMs: SLOW_MS });
    const before = stack.emulator.store.machinesOf(USER).length;
    try {
      const result = await stack.query(TWO_CREATES, { user: USER });
      expect(result.errors).toBeUndefined();
      expect(result.data).toEqual({ first: { __typename: 'CreateMachineSuccess' }, second: { __typename: 'CreateMachineSuccess' } });
      expect(stack.emulator.store.machinesOf(USER)).toHaveLength(before + 2);
    } finally {
      slow();
    }
  });
});
