// The REST shapes as Leaf documents them (shared/leaf-api). Both the gateway's client
// and the embedded emulator speak these; nothing here knows about GraphQL.
import type { z } from 'zod';
import type { readFile, readImplement, readMachine, readMachineFileRecord, readOperation } from './readers.js';
import type { readOperator } from './resources/operators.js';

export type OriginType = 'USER_CREATED' | 'FILE_POOLED' | 'PROVIDER_POOLED';
export const ORIGIN_TYPES: readonly OriginType[] = ['USER_CREATED', 'FILE_POOLED', 'PROVIDER_POOLED'];

/** Providers Leaf names in the Assets reference; Leaf may send others, so fields stay strings. */
export const MACHINE_PROVIDERS = ['JohnDeere', 'CNHi', 'Stara', 'Trimble', 'Leaf'] as const;
export const IMPLEMENT_PROVIDERS = ['JohnDeere', 'Trimble'] as const;
export type MachineProvider = (typeof MACHINE_PROVIDERS)[number];
export type ImplementProvider = (typeof IMPLEMENT_PROVIDERS)[number];

/** `{ value, unit }` as Leaf sends distances, fuel and summary totals. */
export interface LeafMeasurement {
  value: number;
  unit: string;
}

/** `{ avg, min, max, unit }` as Leaf sends per-point statistics in summaries. */
export interface LeafStats {
  avg?: number | null;
  min?: number | null;
  max?: number | null;
  unit?: string | null;
  [extra: string]: unknown;
}

// The records the emulator serves: what the gateway's reader of each accepts (`z.input` of its
// schema, src/leaf/readers.ts), narrowed by what the emulator always holds (the owner it files a
// record under). A record it seeds with a field of another type than the reader's fails to compile.
export type LeafMachine = z.input<typeof readMachine.schema> & { leafUserId: string };
export type LeafImplement = z.input<typeof readImplement.schema> & { leafUserId: string };
export type LeafOperator = z.input<typeof readOperator.schema> & { leafUserId: string };
/** One machine's use of one Leaf file; Leaf also sends its originType, which the gateway does not read. */
export type LeafMachineFile = z.input<typeof readMachineFileRecord.schema> & { machineId: string; originType?: OriginType };
/** `GET /services/operations/api/files/{id}`; the emulator builds the summary whole (src/emulator/summaries.ts). */
export type LeafFile = z.input<typeof readFile.schema> & { leafUserId: string; fields: string[]; summary: LeafSummary | null };
/** `GET /services/operations/api/operations/{id}`. */
export type LeafFieldOperation = z.input<typeof readOperation.schema> & {
  leafUserId: string;
  files: string[];
  fields: { id: string; coverage: number | null }[];
  providers: string[];
};

/** One element of `GET /services/operations/api/files/{id}/images`. */
export interface LeafImage {
  property: string;
  legend?: { ranges: { colorCode: string; min: number | null; max: number | null }[] } | null;
  extent?: { xMin: number; xMax: number; yMin: number; yMax: number } | null;
  downloadUrl?: string | null;
  status?: string | null;
  url?: string | null;
}

/** Body of POST and PATCH `/users/{u}/machines`. */
export interface LeafMachineInput {
  name?: string;
  serialNumber?: string;
  vin?: string;
  model?: string;
  make?: string;
  category?: string;
  modelYear?: number;
}

/** A GeoJSON Feature whose properties depend on `operationType` (003 reference). */
export type LeafSummary = {
  type: 'Feature';
  properties: { operationType: string; [property: string]: unknown };
  geometry: { type: string; coordinates: unknown } | null;
};

/** Leaf's JSON error body (a JHipster problem document). */
export interface LeafErrorBody {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  path?: string;
  message?: string;
}

export const ASSETS_PREFIX = '/services/beta/api';
export const OPERATIONS_PREFIX = '/services/operations/api';
export const ALERTS_PREFIX = '/services/alerts/api/alerts';

/**
 * Every event name Leaf's Alerts API accepts in a webhook's `events`, by family (Leaf's
 * "Alerts API" and "Alert Events" pages). The gateway's data is the first three families.
 */
export const LEAF_EVENT_FAMILIES = {
  assets: ['machineCreated', 'machineUpdated', 'machineDeleted', 'implementCreated', 'implementUpdated', 'operatorCreated', 'operatorUpdated'],
  machineFiles: [
    'providerFileProcessingFinished',
    'providerFileProcessingFailed',
    'uploadedFileProcessingFinished',
    'uploadedFileProcessingFailed',
    'batchUploadProcessingFinished',
  ],
  operations: [
    'operationCreated',
    'operationUpdated',
    'operationProcessingFinished',
    'operationProcessingFailed',
    'mergedFileProcessingFinished',
    'mergedFileProcessingFailed',
    'automergedFileProcessingFinished',
    'automergedFileProcessingFailed',
  ],
  credentials: ['credentialsLimitedPermission', 'credentialsUnauthenticated'],
  fields: ['fieldCreated', 'fieldUpdated', 'fieldBoundaryCreated', 'fieldBoundaryUpdated', 'fieldBoundaryDeleted', 'mergedFieldCreated', 'mergedFieldUpdated'],
  cropMonitoring: ['newSatelliteImage', 'satelliteSubscriptionFailed'],
  irrigation: ['newIrrigationActivity', 'newFieldIrrigationActivity'],
} as const;

export type LeafEventName = (typeof LEAF_EVENT_FAMILIES)[keyof typeof LEAF_EVENT_FAMILIES][number];
export const LEAF_EVENT_NAMES: readonly LeafEventName[] = Object.values(LEAF_EVENT_FAMILIES).flat();

/** Body of `POST /webhooks`. */
export interface LeafWebhookInput {
  name: string;
  /** Where Leaf POSTs the events. */
  url: string;
  /** The HMAC-SHA256 key of `X-Leaf-Signature`. */
  secret: string;
  events: LeafEventName[];
}

/** A webhook as `POST /webhooks`, `GET /webhooks` and `GET /webhooks/{id}` answer it. */
export interface LeafWebhook extends LeafWebhookInput {
  id: string;
}

/** The body Leaf POSTs to a webhook's URL right after creating it. */
export const WEBHOOK_CONFIRMATION = { message: 'confirmation of webhook upon registration' } as const;

/** One element of `GET /webhooks/failed-calls` (`{ "items": [...] }`): a delivery that failed every retry. */
export interface LeafFailedCall {
  apiOwner: string;
  /** When the last retry failed, e.g. 2023-04-21T12:16:30Z. */
  createdAt: string;
  url: string;
  /** The event body exactly as it was POSTed (a JSON string). */
  requestBody: string;
  /** The receiver's status and body, when it answered. */
  status?: number;
  response?: string;
  /** Why no answer came, when none did. */
  connectionError?: string;
  /** The webhook it was for: the emulator adds it (Leaf's example shows none), so read it as optional. */
  webhookId?: string;
}
