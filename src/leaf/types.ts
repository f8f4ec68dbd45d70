// The REST shapes as Leaf documents them (shared/leaf-api). Both the gateway's client
// and the embedded emulator speak these; nothing here knows about GraphQL.

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

export interface LeafMachine {
  id: string;
  leafUserId: string;
  name: string | null;
  provider: string | null;
  providerMachineId: string | null;
  providerOrganizationId: string | null;
  originType: OriginType;
  createdTime: string | null;
  updatedTime?: string | null;
  serialNumber: string | null;
  vin: string | null;
  model: string | null;
  make: string | null;
  category: string | null;
  modelYear: number | null;
}

export interface LeafImplement {
  id: string;
  leafUserId: string;
  name: string | null;
  provider: string | null;
  providerImplementId: string | null;
  providerOrganizationId: string | null;
  originType: OriginType;
  createdTime?: string | null;
  updatedTime?: string | null;
  serialNumber: string | null;
  model: string | null;
  make: string | null;
  category: string | null;
}

export interface LeafOperator {
  id: string;
  leafUserId?: string;
  name: string | null;
  provider: string | null;
  providerOperatorId: string | null;
  providerOrganizationId: string | null;
  originType: OriginType;
  license: string | null;
  updatedTime: string | null;
  status: string | null;
}

/** One machine's use of one Leaf file (`GET /users/{u}/machines/{m}/files`). */
export interface LeafMachineFile {
  id: string;
  leafFileId: string;
  machineId: string;
  leafUserId?: string;
  originType?: OriginType;
  createdTime?: string | null;
  startTime: string | null;
  endTime: string | null;
  distance: LeafMeasurement | null;
  fuelConsumption: LeafMeasurement | null;
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
export interface LeafSummary {
  type: 'Feature';
  properties: { operationType: string; [property: string]: unknown };
  geometry: { type: string; coordinates: unknown } | null;
}

/** `GET /services/operations/api/files/{id}`. */
export interface LeafFile {
  id: string;
  provider: string | null;
  fields: string[];
  fileFormat: string | null;
  fileName: string | null;
  downloadOriginalFile: string | null;
  downloadStandardGeojson: string | null;
  leafUserId: string;
  apiOwnerUsername: string | null;
  origin?: string | null;
  summary: LeafSummary | null;
}

/** One element of `GET /services/operations/api/files/{id}/images`. */
export interface LeafImage {
  property: string;
  legend?: { ranges: { colorCode: string; min: number | null; max: number | null }[] } | null;
  extent?: { xMin: number; xMax: number; yMin: number; yMax: number } | null;
  downloadUrl?: string | null;
  status?: string | null;
  url?: string | null;
}

/** `GET /services/operations/api/operations/{id}`. */
export interface LeafFieldOperation {
  id: string;
  apiOwnerUsername: string | null;
  leafUserId: string;
  startTime: string | null;
  endTime: string | null;
  updatedTime: string | null;
  type: string | null;
  files: string[];
  fields: { id: string; coverage: number | null }[];
  providers: string[];
}

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
