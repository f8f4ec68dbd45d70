// The Leaf shapes the gateway and the emulator both speak, as Leaf documents them
// (shared/leaf-api): measurements, the body of a machine write, and the Alerts API's webhooks
// and event names. A resource's own record is read in src/leaf/resources/ (the emulator's record
// types are the readers' inputs, src/emulator/resources/); nothing here knows about GraphQL.

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
