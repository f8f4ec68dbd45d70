// LeafUser.machines: every documented filter and sort of `GET /users/{u}/machines`, as a
// Relay connection (LeafUser.machine, the single lookup, comes with every asset: assets/asset.ts).
import type { Query } from '../../leaf/client.js';
import { assetList } from '../assets/asset.js';
import { OriginTypeEnum, ProviderEnum } from '../enums.js';
import { enumFilter, listFilter, orderInput, sortParams, textFilter, timeFilter, type FilterShape, type OrderShape } from '../filters.js';
import { MachineRef } from './types.js';

export const MACHINE_SORT_FIELDS = [
  'id',
  'leafUserId',
  'name',
  'provider',
  'providerOrganizationId',
  'providerMachineId',
  'serialNumber',
  'vin',
  'model',
  'make',
  'category',
  'modelYear',
] as const;

const MachineOrder = orderInput('Machine', 'machines', MACHINE_SORT_FIELDS);

const MachineFilter = listFilter(
  'MachineFilter',
  "Filters on a Leaf user's machines; every field maps to the Leaf query parameter of the same meaning, and all given fields must match.",
  {
    name: textFilter('Exactly this machine name.'),
    provider: enumFilter(ProviderEnum, 'Machines from this provider.'),
    providerOrganizationId: textFilter('Exactly this provider-side organization id.'),
    providerMachineId: textFilter('Exactly this provider-side machine id.'),
    serialNumber: textFilter('Exactly this serial number.'),
    vin: textFilter('Exactly this Vehicle Identification Number.'),
    originType: enumFilter(OriginTypeEnum, 'Machines of this origin.'),
    createdTime: timeFilter('When Leaf created the record.'),
    updatedTime: timeFilter("When Leaf last updated the record (Leaf's updatedAt filters).", 'updatedAt'),
  },
);

/** Filter and order → the documented query parameters of the machines list. */
export function machineListQuery(
  filter: FilterShape<typeof MachineFilter.fields> | null | undefined,
  orderBy: readonly OrderShape<string>[] | null | undefined,
): Query {
  return { ...MachineFilter.params(filter), ...sortParams(orderBy) };
}

assetList(MachineRef, {
  noun: 'machine',
  list: 'machines',
  filter: MachineFilter.input,
  orderBy: MachineOrder,
  query: machineListQuery,
  fetch: (leaf, leafUserId, query) => leaf.listMachines(leafUserId, query),
});
