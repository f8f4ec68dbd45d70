// Leaf's event bodies, read once where they arrive, like any Leaf answer: a zod reader per
// family, tolerant where Leaf's pages call a payload "representative" (an asset's id may come as
// machineId / implementId / operatorId or as id; a timestamp may be missing). Past this module the
// gateway holds typed events.
import { z } from 'zod';
import { instantSchema, leafIdSchema } from '../leaf/readers.js';
import { familyOf, isEventName, type EventFamily, type LeafEventName } from './catalogue.js';

interface EventBase<F extends EventFamily> {
  /** What the event concerns (a merged-file event of the operations family concerns a file). */
  family: F;
  /** Leaf's name, e.g. machineUpdated. */
  type: LeafEventName;
  /** As Leaf wrote it (RFC 3339), or when the gateway received it if Leaf sent none it could read. */
  timestamp: string;
  leafUserId: string;
}

export type MachineEvent = EventBase<'machine'> & { machineId: string };
export type ImplementEvent = EventBase<'implement'> & { implementId: string };
export type OperatorEvent = EventBase<'operator'> & { operatorId: string };
/** Files, uploads, and the field-operation events that name only a (merged) file. */
export type FileEvent = EventBase<'file'> & { fileId: string; message: string | null };
export type OperationEvent = EventBase<'operation'> & { operationId: string };

/** An event the gateway can place: the user and the record it concerns. */
export type LeafEvent = MachineEvent | ImplementEvent | OperatorEvent | FileEvent | OperationEvent;

/** An event of a family the gateway does not know, or naming no record it could read. */
export interface UnplacedEvent {
  family: null;
  type: string;
  leafUserId: string | null;
}

/** What a signed body turned out to be. */
export type Delivery =
  | { kind: 'confirmation' }
  | { kind: 'event'; event: LeafEvent }
  | { kind: 'unplaced'; event: UnplacedEvent }
  | { kind: 'not-an-event'; reason: string };

const NAME = /^[A-Za-z][A-Za-z0-9_]{0,127}$/;
const id = leafIdSchema.max(128);
const optionalId = id.optional().catch(undefined);

/** What every body has: its name, and usually the user and a timestamp. */
const envelope = z.object({
  type: z.string().regex(NAME),
  timestamp: instantSchema.optional().catch(undefined),
  leafUserId: optionalId,
});

const ids = z.object({
  id: optionalId,
  machineId: optionalId,
  implementId: optionalId,
  operatorId: optionalId,
  fileId: optionalId,
  operationId: optionalId,
  message: z.string().nullish().catch(null),
});

export const CONFIRMATION_MESSAGE = 'confirmation of webhook upon registration';

/** Reads a parsed JSON body. `now` stands in for a timestamp Leaf did not send (ISO 8601). */
export function readDelivery(body: unknown, now: () => string = () => new Date().toISOString()): Delivery {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return { kind: 'not-an-event', reason: 'the body is not a JSON object' };
  const record = body as Record<string, unknown>;
  if (record.type === undefined && typeof record.message === 'string') return { kind: 'confirmation' };
  const head = envelope.safeParse(body);
  if (!head.success) return { kind: 'not-an-event', reason: 'the body has no event type' };
  const { type, leafUserId } = head.data;
  const timestamp = head.data.timestamp ?? now();
  const named = ids.parse(body);
  const family = familyOf(type);
  const unplaced: Delivery = { kind: 'unplaced', event: { family: null, type, leafUserId: leafUserId ?? null } };
  if (!family || !leafUserId || !isEventName(type)) return unplaced;
  const base = { type, timestamp, leafUserId };
  switch (family) {
    case 'machine': {
      const machineId = named.machineId ?? named.id;
      return machineId ? { kind: 'event', event: { ...base, family, machineId } } : unplaced;
    }
    case 'implement': {
      const implementId = named.implementId ?? named.id;
      return implementId ? { kind: 'event', event: { ...base, family, implementId } } : unplaced;
    }
    case 'operator': {
      const operatorId = named.operatorId ?? named.id;
      return operatorId ? { kind: 'event', event: { ...base, family, operatorId } } : unplaced;
    }
    case 'file': {
      const fileId = named.fileId ?? named.id;
      return fileId ? { kind: 'event', event: { ...base, family, fileId, message: named.message ?? null } } : unplaced;
    }
    case 'operation': {
      if (named.operationId) return { kind: 'event', event: { ...base, family, operationId: named.operationId } };
      // Merged-file events name the merged file, not an operation: a file event to the gateway.
      if (named.fileId) {
        return { kind: 'event', event: { ...base, family: 'file', fileId: named.fileId, message: named.message ?? null } };
      }
      return unplaced;
    }
  }
}
