// The event names the gateway acts on, by what they concern: the families of Leaf's names
// (src/leaf/types.ts, LEAF_EVENT_FAMILIES) that touch the gateway's data, the assets split by
// record. The names it registers its webhook for, reads bodies of, and offers as LeafEventType.
import { LEAF_EVENT_FAMILIES } from '../leaf/types.js';

const { assets, machineFiles, operations } = LEAF_EVENT_FAMILIES;
type AssetEventName = (typeof assets)[number];
const assetsOf = <P extends string>(prefix: P) => assets.filter((name): name is Extract<AssetEventName, `${P}${string}`> => name.startsWith(prefix));

export const EVENT_FAMILIES = {
  machine: assetsOf('machine'),
  implement: assetsOf('implement'),
  operator: assetsOf('operator'),
  file: machineFiles,
  operation: operations,
} as const;

export type EventFamily = keyof typeof EVENT_FAMILIES;
export type LeafEventName = AssetEventName | (typeof machineFiles)[number] | (typeof operations)[number];

/** Every name, in the order above: what the gateway's webhook listens to. */
export const EVENT_NAMES: readonly LeafEventName[] = [...assets, ...machineFiles, ...operations];

const FAMILY_OF = new Map<string, EventFamily>(
  Object.entries(EVENT_FAMILIES).flatMap(([family, names]) => names.map((name) => [name, family as EventFamily] as const)),
);

export function familyOf(name: string): EventFamily | undefined {
  return FAMILY_OF.get(name);
}

export function isEventName(name: string): name is LeafEventName {
  return FAMILY_OF.has(name);
}
