// What an event makes stale beside the response cache (off here, so nothing else can hide it):
// a read of Leaf already in flight when the event arrives is never handed to a request that
// starts after it, and a points page resumed after an event about its file reads the file again
// instead of a cursor parked before it.
import { describe, expect, it } from 'vitest';
import { DEMO_USER_IDS, pointsOf } from '../src/emulator/index.js';
import { graphql } from './__generated__/index.js';
import { useStack } from './support/stack.js';
import { until } from './support/wait.js';
import { deliver, leafEvent, WEBHOOK_SECRET } from './support/webhooks.js';

const USER = DEMO_USER_IDS.prairieFarms;
/** How long Leaf holds the first read: the requests under test start while it is held. */
const HOLD_MS = 1_500;

const MACHINE = graphql(/* GraphQL */ `
  query FreshnessMachine($user: LeafId!, $id: LeafId!) { leafUser(id: $user) { machine(id: $id) { leafId name } } }
`);
const POINTS = graphql(/* GraphQL */ `
  query FreshnessPoints($id: LeafId!, $first: Int, $after: String) {
    file(id: $id) { points(first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { timestamp } } }
  }
`);

// Reads shared while in flight (the default), with a join window (a tenth of the timeout) longer than the hold.
const stack = useStack({ env: { LEAF_WEBHOOK_SECRET: WEBHOOK_SECRET, LEAF_COALESCE_READS: 'true', LEAF_TIMEOUT_MS: '30000' } });

const machinePath = (id: string) => `/users/${USER}/machines/${id}`;
const callsOf = (path: string) => stack.calls().filter((call) => call.method === 'GET' && call.path.endsWith(path));

/** Starts the query and resolves once its read of `path` is held at Leaf (the emulator logged it unanswered); `answer` is the query's. */
async function heldAtLeaf<T>(path: string, query: () => Promise<T>): Promise<{ answer: Promise<T> }> {
  stack.emulator.addFault({ method: 'GET', path, delayMs: HOLD_MS, times: 1 });
  const answer = query();
  await until(() => callsOf(path).some((call) => call.status === 0), { describe: () => `a held read of ${path}` });
  return { answer };
}

describe('an event and the reads in flight', () => {
  it('keeps a request that starts after the event from joining a read that started before it', async () => {
    const [machine, control] = stack.emulator.store.machinesOf(USER);
    const read = (id: string) => async () => (await stack.query(MACHINE, { user: USER, id })).data?.leafUser.machine?.name;

    // Without an event, an identical request joins the read in flight: one call for both.
    stack.resetCalls();
    const first = await heldAtLeaf(machinePath(control!.id), read(control!.id));
    await read(control!.id)();
    await first.answer;
    expect(callsOf(machinePath(control!.id))).toHaveLength(1);

    // With an event between them, the later request reads Leaf itself and sees the new name.
    stack.resetCalls();
    const before = await heldAtLeaf(machinePath(machine!.id), read(machine!.id));
    stack.emulator.store.putMachine({ ...stack.emulator.store.machines.get(machine!.id)!, name: 'Renamed while a read was held' });
    expect((await deliver(stack.gateway.url, leafEvent('machineUpdated', { leafUserId: USER, machineId: machine!.id }))).status).toBe(202);
    expect(await read(machine!.id)()).toBe('Renamed while a read was held');
    expect(callsOf(machinePath(machine!.id))).toHaveLength(2);
    // The held read answers whatever Leaf holds when its hold ends; only that it ends matters here.
    await before.answer;
  });
});

describe('an event and the points cursors', () => {
  it('makes the next page of a file the event names read the file again, with its new count', async () => {
    const file = stack.emulator.store.filesOf(USER).find((candidate) => candidate.summary && pointsOf(stack.emulator.store, candidate).count > 600)!;
    const count = pointsOf(stack.emulator.store, file).count;
    const page = async (after: string | null) => {
      const answer = await stack.query(POINTS, { id: file.id, first: 250, after });
      expect(answer.errors).toBeUndefined();
      return answer.data!.file!.points!;
    };
    const pointsCalls = () => callsOf('/standardGeojson').length;

    // Without an event, the second page resumes the read the first parked: no new call.
    stack.resetCalls();
    const first = await page(null);
    expect(first.totalCount).toBe(count);
    const second = await page(first.pageInfo.endCursor);
    expect(pointsCalls()).toBe(2); // one read for the pages, one to count
    expect(second.totalCount).toBe(count);

    // Leaf reprocesses the file (it has more points now) and says so: the parked cursor and the known count go.
    stack.emulator.store.pointCounts.set(file.id, count + 100);
    expect((await deliver(stack.gateway.url, leafEvent('providerFileProcessingFinished', { leafUserId: USER, fileId: file.id }))).status).toBe(202);
    stack.resetCalls();
    const third = await page(second.pageInfo.endCursor);
    expect(third.totalCount).toBe(count + 100);
    expect(pointsCalls()).toBe(2); // the page read anew, and counted anew
    expect(third.nodes.map((node) => node?.timestamp)).toEqual(
      Array.from({ length: 250 }, (_, index) => (pointsOf(stack.emulator.store, file).at(500 + index) as { properties: { timestamp: string } }).properties.timestamp),
    );
  });
});
