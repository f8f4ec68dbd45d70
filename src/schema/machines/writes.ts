// What the machine mutations do around each write: name the target, guard its origin type,
// send the write once and type its failure, and bring this request's loader up to date.
import type { Context } from '../../context.js';
import type { RecordKey } from '../../leaf/resources/key.js';
import { LeafError } from '../../leaf/errors.js';
import { valueOf, type MachineRecord } from '../../leaf/readers.js';
import { NotFoundError, ReadOnlyMachineError, refusalOf, UpstreamWriteError } from '../errors.js';
import { GlobalIdError } from '../relay/errors.js';
import { decodeGlobalId, encodeGlobalId } from '../relay/global-id.js';
import { MachineRef, type MachineShape } from './types.js';

export interface MachineTarget {
  /** The machine's key: its Leaf user and id, as its global ID names them. */
  key: RecordKey<'leafUserId' | 'id'>;
  globalId: string;
}

/** A Machine global ID → the Leaf user and machine it names; anything else is BAD_USER_INPUT. */
export function machineTarget(globalId: string): MachineTarget {
  const { typename, id } = decodeGlobalId(globalId);
  if (typename !== 'Machine') throw new GlobalIdError(`That ID belongs to a ${typename}: pass the \`id\` of a Machine.`);
  const key = MachineRef.key.parse(id);
  if (key === null) throw new GlobalIdError('That ID is not a valid Machine ID.');
  return { key, globalId: encodeGlobalId('Machine', MachineRef.key.text(key)) };
}

function notFound(target: MachineTarget): NotFoundError {
  return new NotFoundError(`Leaf user ${target.key.leafUserId} has no machine ${target.key.id}.`, target.globalId);
}

/**
 * The origin-type guard: the machine as this request already knows it (one GET otherwise),
 * refused unless USER_CREATED, so no PATCH or DELETE ever reaches Leaf for it.
 */
export async function editableMachine(context: Context, target: MachineTarget, action: 'updated' | 'deleted'): Promise<MachineShape> {
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
export async function sendWrite<T>(action: string, send: () => Promise<T>, target?: MachineTarget): Promise<T> {
  try {
    return await send();
  } catch (error) {
    if (!(error instanceof LeafError)) throw error;
    if (error.code === 'NOT_FOUND' && target) throw notFound(target);
    throw refusalOf(error) ?? UpstreamWriteError.from(error, action);
  }
}

/** The machine as Leaf answered a write, under the path it was written to; now what this request's loader holds. */
export function remember(context: Context, leafUserId: string, answered: MachineRecord): MachineShape {
  const machine = MachineRef.rowOf(leafUserId, answered);
  const key = { leafUserId, id: answered.id };
  MachineRef.getDataloader(context).clear(key).prime(key, machine);
  return machine;
}
