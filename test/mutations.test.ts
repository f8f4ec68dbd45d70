// Machine mutations as a frontend sends them: create, read, update, read, delete, read; the
// origin-type guard (no PATCH or DELETE ever reaches Leaf for a read-only machine);
// validation before any call; a failed write sent exactly once; writes racing reads. Each
// test counts the upstream calls in the emulator's call log.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { DEMO_USER_IDS, OTHER_TOKEN } from '../src/emulator/index.js';
import { graphql } from './__generated__/index.js';
import type { OriginType } from './__generated__/graphql.js';
import { useStack } from './support/stack.js';

const USER = DEMO_USER_IDS.prairieFarms;

const MachinesByOrigin = graphql(`
  query MachinesByOrigin($user: LeafId!, $originType: OriginType!) {
    leafUser(id: $user) {
      machines(first: 3, filter: { originType: $originType }) {
        nodes { id leafId name modelYear originType editable }
      }
    }
  }
`);

const ReadMachine = graphql(`
  query ReadMachine($user: LeafId!, $leafId: LeafId!, $id: ID!) {
    leafUser(id: $user) {
      machine(id: $leafId) { id leafId name serialNumber make modelYear originType editable }
    }
    node(id: $id) { id ... on Machine { name } }
  }
`);

const MachineNames = graphql(`
  query MachineNames($user: LeafId!) {
    leafUser(id: $user) { machines(first: 100, filter: { originType: USER_CREATED }) { nodes { leafId name } } }
  }
`);

const CreateMachine = graphql(`
  mutation CreateMachine($user: LeafId!, $input: CreateMachineInput!) {
    createMachine(leafUserId: $user, input: $input) {
      __typename
      ... on CreateMachineSuccess {
        machine { id leafId name serialNumber make model category vin modelYear provider originType editable leafUser { leafUserId } }
      }
      ... on Error { message }
      ... on ValidationError { fields issues { field message } }
      ... on UpstreamWriteError { upstreamStatus mayHaveApplied }
    }
  }
`);

const UpdateMachine = graphql(`
  mutation UpdateMachine($id: ID!, $input: UpdateMachineInput!) {
    updateMachine(id: $id, input: $input) {
      __typename
      ... on UpdateMachineSuccess { machine { id leafId name serialNumber make modelYear originType editable } }
      ... on Error { message }
      ... on ReadOnlyMachineError { id originType }
      ... on NotFoundError { id }
      ... on ValidationError { fields issues { field message } }
      ... on UpstreamWriteError { upstreamStatus mayHaveApplied }
      ... on RateLimitedError { retryAfterSeconds }
    }
  }
`);

const DeleteMachine = graphql(`
  mutation DeleteMachine($id: ID!) {
    deleteMachine(id: $id) {
      __typename
      ... on DeleteMachineSuccess { deletedId }
      ... on Error { message }
      ... on ReadOnlyMachineError { id originType }
      ... on NotFoundError { id }
      ... on UpstreamWriteError { upstreamStatus mayHaveApplied }
    }
  }
`);

const TwoUpdates = graphql(`
  mutation TwoUpdates($id: ID!, $first: UpdateMachineInput!, $second: UpdateMachineInput!) {
    first: updateMachine(id: $id, input: $first) {
      __typename
      ... on UpdateMachineSuccess { machine { name modelYear } }
      ... on ReadOnlyMachineError { originType }
    }
    second: updateMachine(id: $id, input: $second) {
      __typename
      ... on UpdateMachineSuccess { machine { name modelYear } }
      ... on ReadOnlyMachineError { originType }
    }
  }
`);

const LeafUserGlobalId = graphql(`
  query LeafUserGlobalId($user: LeafId!) {
    leafUser(id: $user) { id }
  }
`);

const UpdateThenCreate = graphql(`
  mutation UpdateThenCreate($id: ID!, $user: LeafId!) {
    first: updateMachine(id: $id, input: { name: "Never sent" }) { __typename ... on UpstreamWriteError { mayHaveApplied } }
    second: createMachine(leafUserId: $user, input: { name: "Still created" }) { __typename }
  }
`);

const stack = useStack();

beforeEach(() => {
  stack.emulator.clearFaults();
  stack.resetCalls();
});

const WRITE_METHODS = ['POST', 'PATCH', 'DELETE'];

function writes() {
  return stack.calls().filter((call) => WRITE_METHODS.includes(call.method));
}

function methods(): string[] {
  return stack.calls().map((call) => call.method);
}

async function machinesOf(originType: OriginType) {
  const result = await stack.query(MachinesByOrigin, { user: USER, originType });
  expect(result.errors).toBeUndefined();
  const machines = result.data!.leafUser.machines!.nodes.map((machine) => machine!);
  expect(machines.length).toBeGreaterThan(0);
  return machines;
}

async function createMachine(name: string) {
  const result = await stack.query(CreateMachine, { user: USER, input: { name, make: 'Fendt', modelYear: 2021 } });
  expect(result.errors).toBeUndefined();
  const created = result.data!.createMachine;
  if (created.__typename !== 'CreateMachineSuccess') throw new Error(`create failed: ${JSON.stringify(created)}`);
  return created.machine;
}

async function readMachine(machine: { id: string; leafId: string }) {
  const result = await stack.query(ReadMachine, { user: USER, leafId: machine.leafId, id: machine.id });
  expect(result.errors).toBeUndefined();
  return result.data!;
}

describe('the origin-type guard', () => {
  it('marks only USER_CREATED machines editable', async () => {
    for (const originType of ['USER_CREATED', 'FILE_POOLED', 'PROVIDER_POOLED'] as const) {
      for (const machine of await machinesOf(originType)) {
        expect(machine.originType).toBe(originType);
        expect(machine.editable).toBe(originType === 'USER_CREATED');
      }
    }
  });

  it.each(['PROVIDER_POOLED', 'FILE_POOLED'] as const)(
    'answers ReadOnlyMachineError for a %s machine and sends no PATCH or DELETE',
    async (originType) => {
      const [machine] = await machinesOf(originType);
      stack.resetCalls();

      const updated = await stack.query(UpdateMachine, { id: machine!.id, input: { name: 'Renamed' } });
      expect(updated.errors).toBeUndefined();
      expect(updated.data!.updateMachine).toMatchObject({
        __typename: 'ReadOnlyMachineError',
        id: machine!.id,
        originType,
        message: expect.stringContaining('only USER_CREATED machines can be updated'),
      });

      const deleted = await stack.query(DeleteMachine, { id: machine!.id });
      expect(deleted.errors).toBeUndefined();
      expect(deleted.data!.deleteMachine).toMatchObject({ __typename: 'ReadOnlyMachineError', id: machine!.id, originType });

      // One GET per request to learn the origin type; nothing else.
      expect(methods()).toEqual(['GET', 'GET']);
      expect(stack.calls().every((call) => call.path.endsWith(`/machines/${machine!.leafId}`))).toBe(true);

      const after = await readMachine(machine!);
      expect(after.leafUser.machine).toMatchObject({ leafId: machine!.leafId, name: machine!.name, originType });
    },
  );

  it('learns the origin type once per request: a second mutation on the same machine reuses it', async () => {
    const [readOnly] = await machinesOf('PROVIDER_POOLED');
    stack.resetCalls();
    const refused = await stack.query(TwoUpdates, { id: readOnly!.id, first: { name: 'A' }, second: { modelYear: 2020 } });
    expect(refused.data).toEqual({
      first: { __typename: 'ReadOnlyMachineError', originType: 'PROVIDER_POOLED' },
      second: { __typename: 'ReadOnlyMachineError', originType: 'PROVIDER_POOLED' },
    });
    expect(methods()).toEqual(['GET']);

    const mine = await createMachine('Loader check');
    stack.resetCalls();
    const changed = await stack.query(TwoUpdates, { id: mine.id, first: { name: 'Loader A' }, second: { modelYear: 2019 } });
    // The second update sees the first one's answer, not a stale copy, and needs no GET.
    expect(changed.data).toEqual({
      first: { __typename: 'UpdateMachineSuccess', machine: { name: 'Loader A', modelYear: 2021 } },
      second: { __typename: 'UpdateMachineSuccess', machine: { name: 'Loader A', modelYear: 2019 } },
    });
    expect(methods()).toEqual(['GET', 'PATCH', 'PATCH']);
  });

  it('refuses a token that does not own the machine before any write', async () => {
    const [machine] = await machinesOf('USER_CREATED');
    stack.resetCalls();
    const result = await stack.query(UpdateMachine, { id: machine!.id, input: { name: 'Not yours' } }, { token: OTHER_TOKEN });
    expect(result.errors).toBeUndefined();
    expect(result.data!.updateMachine).toMatchObject({ __typename: 'ForbiddenError', message: expect.stringMatching(/Nothing was changed/) });
    expect(writes()).toEqual([]);
    expect((await readMachine(machine!)).leafUser.machine!.name).toBe(machine!.name);
  });
});

describe('create → read → update → read → delete → read', () => {
  it('shows every change to the next request, at one upstream write each', async () => {
    const created = await stack.query(CreateMachine, {
      user: USER,
      input: { name: '  Sprayer 9  ', serialNumber: 'SN-0042', make: 'John Deere', model: 'R4045', category: 'Sprayer', modelYear: 2022 },
    });
    expect(created.errors).toBeUndefined();
    const success = created.data!.createMachine;
    if (success.__typename !== 'CreateMachineSuccess') throw new Error(JSON.stringify(success));
    const machine = success.machine;
    expect(machine).toMatchObject({
      name: 'Sprayer 9',
      serialNumber: 'SN-0042',
      make: 'John Deere',
      model: 'R4045',
      category: 'Sprayer',
      vin: null,
      modelYear: 2022,
      provider: 'Leaf',
      originType: 'USER_CREATED',
      editable: true,
      leafUser: { leafUserId: USER },
    });
    expect(methods()).toEqual(['POST']);

    const read1 = await readMachine(machine);
    expect(read1.leafUser.machine).toMatchObject({ id: machine.id, name: 'Sprayer 9', editable: true });
    expect(read1.node).toEqual({ id: machine.id, name: 'Sprayer 9' });
    const listed1 = await stack.query(MachineNames, { user: USER });
    expect(listed1.data!.leafUser.machines!.nodes).toContainEqual({ leafId: machine.leafId, name: 'Sprayer 9' });

    stack.resetCalls();
    const updated = await stack.query(UpdateMachine, { id: machine.id, input: { name: 'Sprayer 10', modelYear: 2023 } });
    expect(updated.data!.updateMachine).toMatchObject({
      __typename: 'UpdateMachineSuccess',
      machine: { id: machine.id, name: 'Sprayer 10', modelYear: 2023, serialNumber: 'SN-0042', make: 'John Deere' },
    });
    expect(methods()).toEqual(['GET', 'PATCH']);
    expect(writes()[0]!.path).toBe(`/services/beta/api/users/${USER}/machines/${machine.leafId}`);

    const read2 = await readMachine(machine);
    expect(read2.leafUser.machine).toMatchObject({ name: 'Sprayer 10', modelYear: 2023, serialNumber: 'SN-0042' });
    expect(read2.node).toEqual({ id: machine.id, name: 'Sprayer 10' });
    const listed2 = await stack.query(MachineNames, { user: USER });
    expect(listed2.data!.leafUser.machines!.nodes).toContainEqual({ leafId: machine.leafId, name: 'Sprayer 10' });

    stack.resetCalls();
    const deleted = await stack.query(DeleteMachine, { id: machine.id });
    expect(deleted.data!.deleteMachine).toEqual({ __typename: 'DeleteMachineSuccess', deletedId: machine.id });
    expect(methods()).toEqual(['GET', 'DELETE']);

    const read3 = await readMachine(machine);
    expect(read3.leafUser.machine).toBeNull();
    expect(read3.node).toBeNull();
    const listed3 = await stack.query(MachineNames, { user: USER });
    expect(listed3.data!.leafUser.machines!.nodes.map((node) => node!.leafId)).not.toContain(machine.leafId);

    // Gone now: both mutations say so, and neither sends a write.
    stack.resetCalls();
    const again = await stack.query(UpdateMachine, { id: machine.id, input: { name: 'Ghost' } });
    expect(again.data!.updateMachine).toMatchObject({ __typename: 'NotFoundError', id: machine.id });
    const deletedAgain = await stack.query(DeleteMachine, { id: machine.id });
    expect(deletedAgain.data!.deleteMachine).toMatchObject({ __typename: 'NotFoundError', id: machine.id });
    expect(writes()).toEqual([]);
  });
});

const DeleteThenUpdate = graphql(`
  mutation DeleteThenUpdate($id: ID!) {
    deleteMachine(id: $id) { __typename }
    updateMachine(id: $id, input: { name: "After delete" }) { __typename ... on NotFoundError { id } }
  }
`);

describe('the request after a write', () => {
  it('forgets a deleted machine within the same request: a later mutation sends no PATCH for it', async () => {
    const machine = await createMachine('Delete then update');
    stack.resetCalls();
    const result = await stack.query(DeleteThenUpdate, { id: machine.id });
    expect(result.data).toEqual({
      deleteMachine: { __typename: 'DeleteMachineSuccess' },
      updateMachine: { __typename: 'NotFoundError', id: machine.id },
    });
    expect(methods()).toEqual(['GET', 'DELETE', 'GET']);
  });
});

describe('validation before any upstream call', () => {
  it('refuses blank strings and implausible model years on create, naming each field', async () => {
    const result = await stack.query(CreateMachine, { user: USER, input: { name: '   ', serialNumber: '', modelYear: 1850 } });
    expect(result.errors).toBeUndefined();
    expect(result.data!.createMachine).toMatchObject({
      __typename: 'ValidationError',
      fields: ['name', 'serialNumber', 'modelYear'],
      issues: [
        { field: 'name', message: '`name` must not be empty.' },
        { field: 'serialNumber', message: '`serialNumber` must not be empty.' },
        { field: 'modelYear', message: expect.stringMatching(/^`modelYear` must be a year from 1900 to \d{4}\.$/) },
      ],
    });
    const tooLong = await stack.query(CreateMachine, { user: USER, input: { name: 'x'.repeat(256), modelYear: 3000 } });
    expect(tooLong.data!.createMachine).toMatchObject({ __typename: 'ValidationError', fields: ['name', 'modelYear'] });
    expect(stack.calls()).toEqual([]);
  });

  it('refuses an empty update, a null field and a bad year without even a GET', async () => {
    const [machine] = await machinesOf('USER_CREATED');
    stack.resetCalls();
    const cases = [
      [{}, ['input']],
      [{ name: null }, ['name']],
      [{ modelYear: 3000 }, ['modelYear']],
      [{ make: ' \t ', modelYear: null }, ['make', 'modelYear']],
    ] as const;
    for (const [input, fields] of cases) {
      const result = await stack.query(UpdateMachine, { id: machine!.id, input });
      expect(result.data!.updateMachine, JSON.stringify(input)).toMatchObject({ __typename: 'ValidationError', fields });
    }
    expect(stack.calls()).toEqual([]);
  });

  it('answers BAD_USER_INPUT for an ID that is not a machine, without calling Leaf', async () => {
    const [machine] = await machinesOf('USER_CREATED');
    const user = await stack.query(LeafUserGlobalId, { user: USER });
    const userId = user.data!.leafUser!.id;
    stack.resetCalls();
    const refusals: [string, string][] = [
      ['not-an-id', '"not-an-id" is not a global ID of this API: use the `id` of an object it returned.'],
      [userId, 'That ID belongs to a LeafUser: pass the `id` of a Machine.'],
      [machine!.leafId, `"${machine!.leafId}" is not a global ID of this API: use the \`id\` of an object it returned.`],
    ];
    for (const [id, message] of refusals) {
      const result = await stack.query(DeleteMachine, { id });
      expect(result.errors?.[0]?.extensions?.code, id).toBe('BAD_USER_INPUT');
      expect(result.errors?.[0]?.message).toBe(message);
    }
    expect(stack.calls()).toEqual([]);
  });
});

describe('a failed write', () => {
  it('is sent once on a 5xx and reported as UpstreamWriteError, while the read before it is retried', async () => {
    stack.emulator.addFault({ method: 'POST', path: '/machines', status: 503 });
    const created = await stack.query(CreateMachine, { user: USER, input: { name: 'Never retried' } });
    expect(created.errors).toBeUndefined();
    expect(created.data!.createMachine).toMatchObject({
      __typename: 'UpstreamWriteError',
      upstreamStatus: 503,
      mayHaveApplied: true,
      message: expect.stringContaining('not retried'),
    });
    expect(JSON.stringify(created)).not.toContain('Injected fault');
    expect(methods()).toEqual(['POST']);

    stack.emulator.clearFaults();
    const machine = await createMachine('Write target');
    stack.resetCalls();
    // The guard's GET fails once and is retried; the PATCH fails and is not.
    stack.emulator.addFault({ method: 'GET', path: `/machines/${machine.leafId}`, status: 502, times: 1 });
    stack.emulator.addFault({ method: 'PATCH', status: 500 });
    const updated = await stack.query(UpdateMachine, { id: machine.id, input: { name: 'Half written' } });
    expect(updated.data!.updateMachine).toMatchObject({ __typename: 'UpstreamWriteError', upstreamStatus: 500, mayHaveApplied: true });
    expect(methods()).toEqual(['GET', 'GET', 'PATCH']);

    stack.emulator.addFault({ method: 'DELETE', status: 504 });
    stack.resetCalls();
    const deleted = await stack.query(DeleteMachine, { id: machine.id });
    expect(deleted.data!.deleteMachine).toMatchObject({ __typename: 'UpstreamWriteError', upstreamStatus: 504 });
    expect(methods()).toEqual(['GET', 'DELETE']);

    stack.emulator.clearFaults();
    expect((await readMachine(machine)).leafUser.machine).toMatchObject({ name: 'Write target' });
  });

  it('answers a typed error, not a blank response, when the guard cannot read the machine', async () => {
    const machine = await createMachine('Unreadable guard');
    stack.resetCalls();
    // Every attempt of the guard's GET fails (the first try and both retries).
    stack.emulator.addFault({ method: 'GET', path: `/machines/${machine.leafId}`, status: 503, times: 3 });
    const both = await stack.query(UpdateThenCreate, { id: machine.id, user: USER });
    expect(both.errors).toBeUndefined();
    expect(both.data!.first).toEqual({ __typename: 'UpstreamWriteError', mayHaveApplied: false });
    expect(both.data!.second).toEqual({ __typename: 'CreateMachineSuccess' });
    expect(methods()).toEqual(['GET', 'GET', 'GET', 'POST']);
  });

  it('is sent once when the connection drops, and says the outcome is unknown', async () => {
    const machine = await createMachine('Dropped write');
    stack.resetCalls();
    stack.emulator.addFault({ method: 'PATCH', drop: true });
    const result = await stack.query(UpdateMachine, { id: machine.id, input: { name: 'Lost' } });
    expect(result.data!.updateMachine).toMatchObject({ __typename: 'UpstreamWriteError', upstreamStatus: null, mayHaveApplied: true });
    expect(writes()).toHaveLength(1);
  });

  it('reports a refusal by Leaf as not applied', async () => {
    const machine = await createMachine('Refused write');
    stack.resetCalls();
    stack.emulator.addFault({ method: 'PATCH', status: 400 });
    const result = await stack.query(UpdateMachine, { id: machine.id, input: { name: 'Refused' } });
    expect(result.data!.updateMachine).toMatchObject({
      __typename: 'UpstreamWriteError',
      upstreamStatus: 400,
      mayHaveApplied: false,
      message: expect.stringContaining('nothing was changed'),
    });
    expect(writes()).toHaveLength(1);
  });
});

describe('a write racing a read', () => {
  it('a read in flight during the write does not leak old state into later reads', async () => {
    const machine = await createMachine('Race before');
    stack.resetCalls();
    stack.emulator.addFault({ method: 'GET', path: `/machines/${machine.leafId}`, delayMs: 1_000, times: 1 });
    const slowRead = readMachine(machine);
    await vi.waitFor(() => expect(stack.calls().some((call) => call.method === 'GET')).toBe(true));

    // The write's guard shares the held read rather than sending its own, so the PATCH lands
    // only after Leaf has answered that read with the old name.
    const updated = await stack.query(UpdateMachine, { id: machine.id, input: { name: 'Race after' } });
    expect(updated.data!.updateMachine).toMatchObject({ __typename: 'UpdateMachineSuccess', machine: { name: 'Race after' } });
    expect(methods()).toEqual(['GET', 'PATCH']);
    expect((await readMachine(machine)).leafUser.machine!.name).toBe('Race after');

    // The read that started first answers whole, with the state it was answered from.
    const first = await slowRead;
    expect(first.leafUser.machine!.name).toBe('Race before');
    expect(writes()).toHaveLength(1);
  });

  it('a read while the write is in flight may see the old state, but none after it does', async () => {
    const machine = await createMachine('Slow write before');
    await readMachine(machine);
    stack.resetCalls();
    stack.emulator.addFault({ method: 'PATCH', delayMs: 300, times: 1 });
    const slowWrite = stack.query(UpdateMachine, { id: machine.id, input: { name: 'Slow write after' } });
    await vi.waitFor(() => expect(writes()).toHaveLength(1));

    // Leaf has not applied the PATCH yet: this read sees the old name.
    const during = await readMachine(machine);
    expect(during.leafUser.machine!.name).toBe('Slow write before');

    const updated = await slowWrite;
    expect(updated.data!.updateMachine).toMatchObject({ __typename: 'UpdateMachineSuccess', machine: { name: 'Slow write after' } });
    const after = await readMachine(machine);
    expect(after.leafUser.machine!.name).toBe('Slow write after');
    expect(after.node).toEqual({ id: machine.id, name: 'Slow write after' });
    expect(writes()).toHaveLength(1);
  });
});
