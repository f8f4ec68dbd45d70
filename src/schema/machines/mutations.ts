// createMachine, updateMachine, deleteMachine (contract section 7): input validated before
// any upstream call (validation.ts), the origin-type guard before any PATCH or DELETE, writes
// sent once through the Leaf client (which announces them to caches), and this request's
// loader brought up to date afterwards (writes.ts).
import { machines } from '../../leaf/resources/machines.js';
import { builder } from '../builder.js';
import {
  ForbiddenError,
  NotFoundError,
  RateLimitedError,
  ReadOnlyMachineError,
  UnauthenticatedError,
  UpstreamWriteError,
  ValidationError,
} from '../errors.js';
import { CreateMachineInput, UpdateMachineInput } from './inputs.js';
import { MachineRef, type MachineShape } from './types.js';
import { validateMachineInput, type MachineInputShape } from './validation.js';
import { editableMachine, machineTarget, remember, sendWrite } from './writes.js';
import { UPSTREAM_COST } from '../demand.js';

/** What every write may answer besides its own outcomes: the caller refused, or rate limited. */
const REFUSALS = [UnauthenticatedError, ForbiddenError, RateLimitedError];

const CreateMachineSuccess = builder.objectRef<{ machine: MachineShape }>('CreateMachineSuccess').implement({
  description: 'The machine was created in Leaf.',
  fields: (t) => ({
    machine: t.field({ type: MachineRef, nullable: false, description: 'The new machine, as Leaf stored it.', resolve: (result) => result.machine }),
  }),
});

const UpdateMachineSuccess = builder.objectRef<{ machine: MachineShape }>('UpdateMachineSuccess').implement({
  description: 'The machine was updated in Leaf.',
  fields: (t) => ({
    machine: t.field({ type: MachineRef, nullable: false, description: 'The machine after the change, as Leaf answered it.', resolve: (result) => result.machine }),
  }),
});

const DeleteMachineSuccess = builder.objectRef<{ deletedId: string }>('DeleteMachineSuccess').implement({
  description: 'The machine was deleted in Leaf.',
  fields: (t) => ({
    deletedId: t.exposeID('deletedId', { nullable: false, description: 'Global ID of the deleted machine: drop it from client caches.' }),
  }),
});

builder.mutationField('createMachine', (t) =>
  t.field({
    ...UPSTREAM_COST,
    type: CreateMachineSuccess,
    nullable: false,
    description: 'Creates a USER_CREATED machine for a Leaf user (`POST /users/{leafUserId}/machines`, sent once, never retried).',
    args: {
      leafUserId: t.arg({ type: 'LeafId', required: true, description: 'The Leaf user who will own the machine.' }),
      input: t.arg({ type: CreateMachineInput, required: true, description: 'The new machine.' }),
    },
    errors: {
      types: [ValidationError, UpstreamWriteError, ...REFUSALS],
      directResult: true,
      union: { name: 'CreateMachineResult', description: 'The created machine, or why it was not created.' },
    },
    resolve: async (_root, args, context) => {
      const body = validateMachineInput(args.input as MachineInputShape, 'create');
      const { leafUserId } = args;
      const created = await sendWrite('create the machine', () => context.leaf.write(machines, 'POST', { leafUserId }, body));
      return { machine: remember(context, leafUserId, created) };
    },
  }),
);

builder.mutationField('updateMachine', (t) =>
  t.field({
    ...UPSTREAM_COST,
    type: UpdateMachineSuccess,
    nullable: false,
    description:
      'Changes the given fields of a USER_CREATED machine (`PATCH`, sent once, never retried). Any other machine answers ReadOnlyMachineError and nothing is sent.',
    args: {
      id: t.arg({ type: 'ID', required: true, description: 'Global ID of the machine.' }),
      input: t.arg({ type: UpdateMachineInput, required: true, description: 'The fields to change.' }),
    },
    errors: {
      types: [ReadOnlyMachineError, NotFoundError, ValidationError, UpstreamWriteError, ...REFUSALS],
      directResult: true,
      union: { name: 'UpdateMachineResult', description: 'The updated machine, or why it was not updated.' },
    },
    resolve: async (_root, args, context) => {
      const target = machineTarget(String(args.id));
      const body = validateMachineInput(args.input as MachineInputShape, 'update');
      await editableMachine(context, target, 'updated');
      const updated = await sendWrite(
        'update the machine',
        () => context.leaf.write(machines, 'PATCH', target.key, body),
        target,
      );
      return { machine: remember(context, target.key.leafUserId, updated) };
    },
  }),
);

builder.mutationField('deleteMachine', (t) =>
  t.field({
    ...UPSTREAM_COST,
    type: DeleteMachineSuccess,
    nullable: false,
    description:
      'Deletes a USER_CREATED machine (`DELETE`, sent once, never retried). Any other machine answers ReadOnlyMachineError and nothing is sent.',
    args: { id: t.arg({ type: 'ID', required: true, description: 'Global ID of the machine.' }) },
    errors: {
      types: [ReadOnlyMachineError, NotFoundError, UpstreamWriteError, ...REFUSALS],
      directResult: true,
      union: { name: 'DeleteMachineResult', description: 'The deleted machine\'s ID, or why it was not deleted.' },
    },
    resolve: async (_root, args, context) => {
      const target = machineTarget(String(args.id));
      await editableMachine(context, target, 'deleted');
      await sendWrite('delete the machine', () => context.leaf.write(machines, 'DELETE', target.key), target);
      MachineRef.getDataloader(context).clear(target.key);
      return { deletedId: target.globalId };
    },
  }),
);
