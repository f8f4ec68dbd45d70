// POST /webhooks/leaf as Leaf and as an attacker see it: only a body signed with the secret
// acts; forged, unsigned, oversized and malformed bodies get a short 4xx and change no answer; a
// valid event is acknowledged and its cached answers are fresh by the time the 2xx arrives; a
// redelivery acts once; an event the gateway cannot place drops its user's answers whole.
import { describe, expect, it } from 'vitest';
import { DEMO_USER_IDS, signatureOf } from '../src/emulator/index.js';
import { MAX_EVENT_BYTES } from '../src/events/receiver.js';
import { graphql } from './__generated__/index.js';
import { useStack, withStack, type Stack } from './support/stack.js';
import { deliver, leafEvent, WEBHOOK_SECRET } from './support/webhooks.js';

const USER = DEMO_USER_IDS.prairieFarms;
const OTHER_USER = DEMO_USER_IDS.riverBend;

const MACHINE = graphql(/* GraphQL */ `
  query WebhookMachine($user: LeafId!, $id: LeafId!) { leafUser(id: $user) { machine(id: $id) { leafId name } } }
`);
const MACHINES = graphql(/* GraphQL */ `
  query WebhookMachines($user: LeafId!) { leafUser(id: $user) { machines(first: 100) { nodes { leafId name } } } }
`);
const IMPLEMENTS = graphql(/* GraphQL */ `
  query WebhookImplements($user: LeafId!) { leafUser(id: $user) { implements(first: 3) { nodes { leafId name } } } }
`);
const FILE = graphql(/* GraphQL */ `
  query WebhookFile($id: LeafId!) { file(id: $id) { leafId fileName } }
`);
const MACHINE_FILES = graphql(/* GraphQL */ `
  query WebhookMachineFiles($user: LeafId!, $id: LeafId!) { leafUser(id: $user) { machine(id: $id) { files(first: 5) { nodes { leafFileId } } } } }
`);

const stack = useStack({ env: { RESPONSE_CACHE: 'true', LEAF_WEBHOOK_SECRET: WEBHOOK_SECRET } });

/** Upstream calls a query cost: 0 when it was answered from the cache. */
async function costOf(action: () => Promise<unknown>): Promise<number> {
  stack.resetCalls();
  await action();
  return stack.calls().length;
}

function firstMachine(user = USER) {
  const machine = stack.emulator.store.machinesOf(user)[0];
  if (!machine) throw new Error('the seed has no machine');
  return machine;
}

/** Renames the machine at "Leaf" (the emulator's store), behind the gateway's back, as a provider sync would. */
function renameAtLeaf(machineId: string, name: string): void {
  const machine = stack.emulator.store.machines.get(machineId);
  if (!machine) throw new Error(`no machine ${machineId}`);
  stack.emulator.store.putMachine({ ...machine, name });
}

describe('POST /webhooks/leaf refuses what Leaf did not sign', () => {
  it('answers 401 to an unsigned or wrongly signed body, and the cached answer it names is untouched', async () => {
    const machine = firstMachine();
    const query = () => stack.query(MACHINE, { user: USER, id: machine.id });
    const before = (await query()).data?.leafUser.machine?.name;
    renameAtLeaf(machine.id, 'Renamed at the provider (forged event)');
    const body = leafEvent('machineUpdated', { leafUserId: USER, machineId: machine.id });

    const unsigned = await deliver(stack.gateway.url, body, { signature: null });
    expect(unsigned.status).toBe(401);
    expect(unsigned.body).toEqual({ error: 'X-Leaf-Signature is missing.' });
    const forged = await deliver(stack.gateway.url, body, { secret: 'not-the-secret-at-all-0000' });
    expect(forged.status).toBe(401);
    expect(forged.body).toEqual({ error: 'X-Leaf-Signature does not match the body.' });
    const garbage = await deliver(stack.gateway.url, body, { signature: '!!!not base64!!!' });
    expect(garbage.status).toBe(401);
    // Signed over other bytes (the same JSON re-serialised with a space): not the body's signature.
    const reserialised = await deliver(stack.gateway.url, body.replace(':', ': '), { signature: signatureOf(WEBHOOK_SECRET, body) });
    expect(reserialised.status).toBe(401);

    expect(await costOf(query)).toBe(0);
    expect((await query()).data?.leafUser.machine?.name).toBe(before);
  });

  it('answers 413 past the size bound, 400 to JSON that is not an event, 405 to other methods', async () => {
    const huge = JSON.stringify({ type: 'machineUpdated', leafUserId: USER, padding: 'x'.repeat(MAX_EVENT_BYTES) });
    expect((await deliver(stack.gateway.url, huge)).status).toBe(413);
    for (const body of ['{"type":', '[]', '"machineUpdated"', '{"leafUserId":"u"}', '{"type":42}', 'null']) {
      const answer = await deliver(stack.gateway.url, body);
      expect(answer.status, body).toBe(400);
      expect(Object.keys(answer.body ?? {}), body).toEqual(['error']);
    }
    const get = await stack.request('/webhooks/leaf');
    expect(get.status).toBe(405);
    expect(get.headers.get('allow')).toBe('POST');
  });

  it('acknowledges the confirmation Leaf sends when the webhook is registered', async () => {
    const answer = await deliver(stack.gateway.url, JSON.stringify({ message: 'confirmation of webhook upon registration' }));
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ received: 'confirmation' });
  });
});

describe('a signed event', () => {
  it('refreshes the cached machine and the lists it appears in before its 2xx, and nothing else', async () => {
    const machine = firstMachine();
    const one = () => stack.query(MACHINE, { user: USER, id: machine.id });
    const list = () => stack.query(MACHINES, { user: USER });
    const implementsList = () => stack.query(IMPLEMENTS, { user: USER });
    const othersList = () => stack.query(MACHINES, { user: OTHER_USER });
    for (const query of [one, list, implementsList, othersList]) await query();
    for (const query of [one, list, implementsList, othersList]) expect(await costOf(query)).toBe(0);

    renameAtLeaf(machine.id, 'Renamed at John Deere');
    const acknowledged = await deliver(stack.gateway.url, leafEvent('machineUpdated', { leafUserId: USER, machineId: machine.id }));
    expect(acknowledged.status).toBe(202);
    expect(acknowledged.body).toEqual({ received: 'machineUpdated' });

    expect((await one()).data?.leafUser.machine?.name).toBe('Renamed at John Deere');
    expect((await list()).data?.leafUser.machines?.nodes.find((node) => node?.leafId === machine.id)?.name).toBe('Renamed at John Deere');
    // What the event does not name stays cached.
    expect(await costOf(implementsList)).toBe(0);
    expect(await costOf(othersList)).toBe(0);
  });

  it('is read tolerantly: the asset id as `id`, no timestamp', async () => {
    const machine = firstMachine();
    const one = () => stack.query(MACHINE, { user: USER, id: machine.id });
    await one();
    renameAtLeaf(machine.id, 'Renamed, event with id');
    const body = JSON.stringify({ type: 'machineUpdated', leafUserId: USER, id: machine.id });
    expect((await deliver(stack.gateway.url, body)).status).toBe(202);
    expect((await one()).data?.leafUser.machine?.name).toBe('Renamed, event with id');
  });

  it('acts once when Leaf delivers it again', async () => {
    const machine = firstMachine();
    const one = () => stack.query(MACHINE, { user: USER, id: machine.id });
    const body = leafEvent('machineUpdated', { leafUserId: USER, machineId: machine.id });
    await one();
    expect((await deliver(stack.gateway.url, body)).status).toBe(202);
    await one();
    expect(await costOf(one)).toBe(0);
    const again = await deliver(stack.gateway.url, body);
    expect(again.status).toBe(200);
    expect(again.body).toEqual({ received: 'duplicate' });
    // The redelivery dropped nothing.
    expect(await costOf(one)).toBe(0);
  });

  it('of a file drops that file and the user’s machine-file lists, not their machines', async () => {
    const machine = stack.emulator.store.machinesOf(USER).find((candidate) => stack.emulator.store.linksOf(candidate.id).length > 0);
    const link = machine && stack.emulator.store.linksOf(machine.id)[0];
    if (!machine || !link) throw new Error('the seed has no machine file');
    const file = () => stack.query(FILE, { id: link.leafFileId });
    const files = () => stack.query(MACHINE_FILES, { user: USER, id: machine.id });
    const list = () => stack.query(MACHINES, { user: USER });
    for (const query of [file, files, list]) await query();
    const event = leafEvent('providerFileProcessingFinished', { leafUserId: USER, fileId: link.leafFileId });
    expect((await deliver(stack.gateway.url, event)).status).toBe(202);
    expect(await costOf(file)).toBeGreaterThan(0);
    expect(await costOf(files)).toBeGreaterThan(0);
    expect(await costOf(list)).toBe(0);
  });

  it('the gateway cannot place drops every cached answer of its user, and only theirs', async () => {
    const list = () => stack.query(MACHINES, { user: USER });
    const implementsList = () => stack.query(IMPLEMENTS, { user: USER });
    const othersList = () => stack.query(MACHINES, { user: OTHER_USER });
    for (const query of [list, implementsList, othersList]) await query();
    for (const body of [leafEvent('fieldBoundaryCreated', { leafUserId: USER, fieldId: 'f-1' }), leafEvent('machineUpdated', { leafUserId: USER })]) {
      expect((await deliver(stack.gateway.url, body)).status).toBe(202);
      expect(await costOf(list)).toBeGreaterThan(0);
      expect(await costOf(implementsList)).toBeGreaterThan(0);
      expect(await costOf(othersList)).toBe(0);
    }
  });
});

describe('without LEAF_WEBHOOK_SECRET', () => {
  it('has no receiver: 404', async () => {
    await withStack({}, async (plain: Stack) => {
      const answer = await deliver(plain.gateway.url, leafEvent('machineUpdated', { leafUserId: USER, machineId: 'm' }));
      expect(answer.status).toBe(404);
    });
  });
});
