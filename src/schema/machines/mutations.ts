// createMachine, updateMachine, deleteMachine (contract section 7): input validated before
// any upstream call, the origin-type guard before any PATCH or DELETE, writes sent once
// through the Leaf client (which announces them to caches), and this request's loader
// brought up to date afterwards.
import type { Context } from '../../context.js';
import { LeafError } from '../../leaf/errors.js';
import { valueOf, type MachineRecord } from '../../leaf/readers.js';
import type { LeafMachineInput } from '../../leaf/types.js';
import { assetOf } from '../assets/asset.js';
import { builder } from '../builder.js';
import { badUserInput } from '../error-masking.js';
import {
  ForbiddenError,
  NotFoundError,
  RateLimitedError,
  ReadOnlyMachineError,
  refusalOf,
  UnauthenticatedError,
  UpstreamWriteError,
  ValidationError,
  type ValidationIssue,
} from '../errors.js';
import { decodeGlobalId, encodeGlobalId, idParts } from '../relay/global-id.js';
import { machineKey, MachineRef, type MachineShape } from './types.js';

/** What every write may answer besides its own outcomes: the caller refused, or rate limited. */
const REFUSALS = [UnauthenticatedError, ForbiddenError, RateLimitedError];

const STRING_FIELDS = ['name', 'serialNumber', 'vin', 'model', 'make', 'category'] as const;
type StringField = (typeof STRING_FIELDS)[number];

/** What a client may send, as GraphQL hands it over (null where a field was sent as null). */
export type MachineInputShape = { [K in StringField]?: string | null } & { modelYear?: number | null };

export const MAX_TEXT_LENGTH = 255;
export const MIN_MODEL_YEAR = 1900;

/** Model years run ahead of the calendar, but not by more than a year or two. */
export function maxModelYear(now: Date = new Date()): number {
  return now.getUTCFullYear() + 2;
}

/**
 * Checks and normalizes machine input before anything is sent to Leaf: strings trimmed and
 * non-empty, modelYear a plausible year; an update must change something, and null (which
 * Leaf documents no meaning for) is refused there rather than silently dropped.
 */
export function validateMachineInput(input: MachineInputShape, mode: 'create' | 'update', now?: Date): LeafMachineInput {
  const issues: ValidationIssue[] = [];
  const body: LeafMachineInput = {};
  for (const field of STRING_FIELDS) {
    const value = input[field];
    if (value === undefined || (value === null && mode === 'create')) continue;
    if (value === null) {
      issues.push({ field, message: `\`${field}\` cannot be null: omit it to leave it unchanged.` });
      continue;
    }
    const trimmed = value.trim();
    if (trimmed === '') issues.push({ field, message: `\`${field}\` must not be empty.` });
    else if (trimmed.length > MAX_TEXT_LENGTH) issues.push({ field, message: `\`${field}\` must be at most ${MAX_TEXT_LENGTH} characters.` });
    else body[field] = trimmed;
  }
  const year = input.modelYear;
  if (year === null && mode === 'update') {
    issues.push({ field: 'modelYear', message: '`modelYear` cannot be null: omit it to leave it unchanged.' });
  } else if (year !== null && year !== undefined) {
    const latest = maxModelYear(now);
    if (!Number.isInteger(year) || year < MIN_MODEL_YEAR || year > latest) {
      issues.push({ field: 'modelYear', message: `\`modelYear\` must be a year from ${MIN_MODEL_YEAR} to ${latest}.` });
    } else body.modelYear = year;
  }
  if (mode === 'update' && issues.length === 0 && Object.keys(body).length === 0) {
    issues.push({ field: 'input', message: 'Give at least one field to change.' });
  }
  if (issues.length > 0) throw new ValidationError(issues);
  return body;
}

interface MachineTarget {
  leafUserId: string;
  machineId: string;
  /** Loader key, and the id part of the machine's global ID. */
  key: string;
  globalId: string;
}

/** A Machine global ID → the Leaf user and machine it names; anything else is BAD_USER_INPUT. */
function machineTarget(globalId: string): MachineTarget {
  const { typename, id } = decodeGlobalId(globalId);
  if (typename !== 'Machine') throw badUserInput(`That ID belongs to a ${typename}: pass the \`id\` of a Machine.`);
  const [leafUserId, machineId] = idParts(id, 'Machine', 2) as [string, string];
  const key = machineKey(leafUserId, machineId);
  return { leafUserId, machineId, key, globalId: encodeGlobalId('Machine', key) };
}

function notFound(target: MachineTarget): NotFoundError {
  return new NotFoundError(`Leaf user ${target.leafUserId} has no machine ${target.machineId}.`, target.globalId);
}

/**
 * The origin-type guard: the machine as this request already knows it (one GET otherwise),
 * refused unless USER_CREATED, so no PATCH or DELETE ever reaches Leaf for it.
 */
async function editableMachine(context: Context, target: MachineTarget, action: 'updated' | 'deleted'): Promise<MachineShape> {
  let machine: MachineShape | null;
  let originType: MachineRecord['originType'];
  try {
    machine = await MachineRef.getDataloader(context).load(target.key);
    originType = machine === null ? 'USER_CREATED' : valueOf(machine.record.originType);
  } catch (error) {
    // Thrown, a failed read would null the non-null result and blank every sibling mutation's
    // answer; typed, it says plainly that nothing was sent.
    if (error instanceof LeafError) {
      throw refusalOf(error) ?? UpstreamWriteError.beforeSending(error, action === 'updated' ? 'update the machine' : 'delete the machine');
    }
    throw error;
  }
  if (machine === null) throw notFound(target);
  if (originType !== 'USER_CREATED') throw new ReadOnlyMachineError(target.globalId, originType, action);
  return machine;
}

/**
 * Sends one write and types its failure, so no mutation answer is ever null: 401, 403 and 429
 * are the typed refusals, anything else UpstreamWriteError. The client never retries writes.
 */
async function sendWrite<T>(action: string, send: () => Promise<T>, target?: MachineTarget): Promise<T> {
  try {
    return await send();
  } catch (error) {
    if (!(error instanceof LeafError)) throw error;
    if (error.code === 'NOT_FOUND' && target) throw notFound(target);
    throw refusalOf(error) ?? UpstreamWriteError.from(error, action);
  }
}

/** The machine as Leaf answered a write, under the path it was written to; now what this request's loader holds. */
function remember(context: Context, leafUserId: string, answered: MachineRecord): MachineShape {
  const machine = assetOf(leafUserId, answered);
  MachineRef.getDataloader(context).clear(machineKey(leafUserId, answered.id)).prime(machineKey(leafUserId, answered.id), machine);
  return machine;
}

const machineInputFields = {
  serialNumber: 'Serial number.',
  vin: 'Vehicle Identification Number.',
  model: 'Model name.',
  make: 'Manufacturer.',
  category: 'Machine category, e.g. Harvester, Sprayer.',
} as const;

const CreateMachineInput = builder.inputType('CreateMachineInput', {
  description: `A new machine. Strings are trimmed and must not be empty (at most ${MAX_TEXT_LENGTH} characters); null means not given.`,
  fields: (t) => ({
    name: t.string({ required: true, description: 'Machine name.' }),
    ...Object.fromEntries(Object.entries(machineInputFields).map(([field, description]) => [field, t.string({ description })])),
    modelYear: t.int({ description: `Model year, from ${MIN_MODEL_YEAR} to two years ahead of today.` }),
  }),
});

const UpdateMachineInput = builder.inputType('UpdateMachineInput', {
  description:
    'Changes to a USER_CREATED machine: only the fields given change. At least one field; strings trimmed and non-empty; null is refused (omit the field instead).',
  fields: (t) => ({
    name: t.string({ description: 'Machine name.' }),
    ...Object.fromEntries(Object.entries(machineInputFields).map(([field, description]) => [field, t.string({ description })])),
    modelYear: t.int({ description: `Model year, from ${MIN_MODEL_YEAR} to two years ahead of today.` }),
  }),
});

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
      const created = await sendWrite('create the machine', () => context.leaf.createMachine(leafUserId, body));
      return { machine: remember(context, leafUserId, created) };
    },
  }),
);

builder.mutationField('updateMachine', (t) =>
  t.field({
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
        () => context.leaf.updateMachine(target.leafUserId, target.machineId, body),
        target,
      );
      return { machine: remember(context, target.leafUserId, updated) };
    },
  }),
);

builder.mutationField('deleteMachine', (t) =>
  t.field({
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
      await sendWrite('delete the machine', () => context.leaf.deleteMachine(target.leafUserId, target.machineId), target);
      MachineRef.getDataloader(context).clear(target.key);
      return { deletedId: target.globalId };
    },
  }),
);
