// Leaf's event names the gateway acts on, by family (shared/leaf-api/alerts.md): the names it
// registers its webhook for, reads bodies of, and offers as LeafEventType. One list, so the
// registration, the reader and the schema cannot disagree.

export const EVENT_FAMILIES = {
  machine: ['machineCreated', 'machineUpdated', 'machineDeleted'],
  implement: ['implementCreated', 'implementUpdated'],
  operator: ['operatorCreated', 'operatorUpdated'],
  file: [
    'providerFileProcessingFinished',
    'providerFileProcessingFailed',
    'uploadedFileProcessingFinished',
    'uploadedFileProcessingFailed',
    'batchUploadProcessingFinished',
  ],
  operation: [
    'operationCreated',
    'operationUpdated',
    'operationProcessingFinished',
    'operationProcessingFailed',
    'mergedFileProcessingFinished',
    'mergedFileProcessingFailed',
    'automergedFileProcessingFinished',
    'automergedFileProcessingFailed',
  ],
} as const;

export type EventFamily = keyof typeof EVENT_FAMILIES;
export type LeafEventName = (typeof EVENT_FAMILIES)[EventFamily][number];

/** Every name, in the order above: what the gateway's webhook listens to. */
export const EVENT_NAMES: readonly LeafEventName[] = Object.values(EVENT_FAMILIES).flat();

const FAMILY_OF = new Map<string, EventFamily>(
  Object.entries(EVENT_FAMILIES).flatMap(([family, names]) => names.map((name) => [name, family as EventFamily] as const)),
);

export function familyOf(name: string): EventFamily | undefined {
  return FAMILY_OF.get(name);
}

export function isEventName(name: string): name is LeafEventName {
  return FAMILY_OF.has(name);
}
