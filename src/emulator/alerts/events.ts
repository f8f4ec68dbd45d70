// The event bodies the emulator POSTs, shaped and serialised as Leaf sends them ("Alert
// Events"): each family with its own id field and key order, microsecond timestamps, and
// the compact-but-spaced JSON Leaf signs (`{"a": 1, "b": 2}`), which is not what
// JSON.stringify writes: a receiver that verifies re-serialised JSON fails, as it would on Leaf.
import { LEAF_EVENT_FAMILIES, LEAF_EVENT_NAMES, type LeafEventName } from '../../leaf/types.js';

type AssetEventName = (typeof LEAF_EVENT_FAMILIES.assets)[number];
/** The events that name a file by `fileId` (a batch upload names its batch instead). */
type FileEventName = Extract<LeafEventName, `${string}FileProcessing${string}`>;
type OperationEventName = Extract<LeafEventName, `operation${string}`>;

/** What happened, before it is rendered: the record an event names and whose it is. */
export type EmulatorEvent =
  | { type: AssetEventName; leafUserId: string; entity: 'machine' | 'implement' | 'operator'; id: string }
  | { type: FileEventName; leafUserId: string; entity: 'file'; id: string; message?: string }
  | { type: OperationEventName; leafUserId: string; entity: 'operation'; id: string };

/**
 * Leaf prints the assets' id field only as "representative" (`machineId`, …); `id` makes the
 * emulator send the other spelling a tolerant reader must also take.
 */
export type AssetIdField = 'named' | 'id';
export const ASSET_ID_FIELDS: readonly AssetIdField[] = ['named', 'id'];

/** A body as sent: its fields in Leaf's order, and the exact text that is signed. */
export interface RenderedEvent {
  type: LeafEventName;
  body: Record<string, string>;
  text: string;
}

/**
 * The event of `type` about record `id`, or null for a type that names no such record (fields,
 * satellite, credentials, batch uploads: data the emulator does not hold).
 */
export function eventOf(type: string, leafUserId: string, id: string, message?: string): EmulatorEvent | null {
  if (!(LEAF_EVENT_NAMES as readonly string[]).includes(type)) return null;
  const assets: readonly string[] = LEAF_EVENT_FAMILIES.assets;
  if (assets.includes(type)) {
    const entity = type.startsWith('machine') ? 'machine' : type.startsWith('implement') ? 'implement' : 'operator';
    return { type: type as AssetEventName, leafUserId, entity, id };
  }
  if (type.includes('FileProcessing')) {
    return { type: type as FileEventName, leafUserId, entity: 'file', id, ...(message === undefined ? {} : { message }) };
  }
  if (type.startsWith('operation')) {
    return { type: type as OperationEventName, leafUserId, entity: 'operation', id };
  }
  return null;
}

/** Now, as Leaf stamps events: ISO 8601 in UTC with microseconds (2024-06-15T14:30:00.000000Z). */
export function eventTimestamp(nowMicros = microsNow()): string {
  const millis = Math.floor(nowMicros / 1000);
  const micros = String(Math.floor(nowMicros) % 1000).padStart(3, '0');
  return `${new Date(millis).toISOString().slice(0, -1)}${micros}Z`;
}

function microsNow(): number {
  return Math.floor((performance.timeOrigin + performance.now()) * 1000);
}

/** JSON as Leaf signs it: no line breaks, a space after every `:` and `,`. */
export function leafJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(leafJson).join(', ')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value).filter(([, field]) => field !== undefined);
    return `{${entries.map(([key, field]) => `${JSON.stringify(key)}: ${leafJson(field)}`).join(', ')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** The body of `event` in the key order of Leaf's examples for its family. */
export function renderEvent(event: EmulatorEvent, assetIdField: AssetIdField, timestamp = eventTimestamp()): RenderedEvent {
  let body: Record<string, string>;
  switch (event.entity) {
    case 'machine':
    case 'implement':
    case 'operator': {
      const idField = assetIdField === 'id' ? 'id' : `${event.entity}Id`;
      body = { type: event.type, timestamp, [idField]: event.id, leafUserId: event.leafUserId };
      break;
    }
    case 'file':
      body = { fileId: event.id, leafUserId: event.leafUserId };
      if (event.type.endsWith('Failed')) body.message = event.message ?? '';
      body.timestamp = timestamp;
      body.type = event.type;
      break;
    case 'operation':
      body = { operationId: event.id, leafUserId: event.leafUserId, type: event.type, timestamp };
      break;
  }
  return { type: event.type, body, text: leafJson(body) };
}
