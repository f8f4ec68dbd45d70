// LeafUser.machines: every documented filter and sort of `GET /users/{u}/machines`, as a
// Relay connection (LeafUser.machine, the single lookup, comes with every asset: assets/asset.ts).
import type { Query } from '../../leaf/client.js';
import type { MachineProvider, OriginType } from '../../leaf/types.js';
import { assetList } from '../assets/asset.js';
import { builder } from '../builder.js';
import { OriginTypeEnum, ProviderEnum } from '../enums.js';
import {
  DateTimeFilter,
  leafTimeNames,
  orderInput,
  sortParams,
  stringParams,
  timeParams,
  type DateTimeFilterShape,
  type OrderShape,
} from '../filters.js';
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

interface MachineFilterShape {
  name?: string | null;
  provider?: MachineProvider | null;
  providerOrganizationId?: string | null;
  providerMachineId?: string | null;
  serialNumber?: string | null;
  vin?: string | null;
  originType?: OriginType | null;
  createdTime?: DateTimeFilterShape | null;
  updatedTime?: DateTimeFilterShape | null;
}

const MachineFilter = builder.inputType('MachineFilter', {
  description: 'Filters on a Leaf user\'s machines; every field maps to the Leaf query parameter of the same meaning, and all given fields must match.',
  fields: (t) => ({
    name: t.string({ description: 'Exactly this machine name.' }),
    provider: t.field({ type: ProviderEnum, description: 'Machines from this provider.' }),
    providerOrganizationId: t.string({ description: 'Exactly this provider-side organization id.' }),
    providerMachineId: t.string({ description: 'Exactly this provider-side machine id.' }),
    serialNumber: t.string({ description: 'Exactly this serial number.' }),
    vin: t.string({ description: 'Exactly this Vehicle Identification Number.' }),
    originType: t.field({ type: OriginTypeEnum, description: 'Machines of this origin.' }),
    createdTime: t.field({ type: DateTimeFilter, description: 'When Leaf created the record.' }),
    updatedTime: t.field({ type: DateTimeFilter, description: 'When Leaf last updated the record (Leaf\'s updatedAt filters).' }),
  }),
});

/** Filter and order → the documented query parameters of the machines list. */
export function machineListQuery(
  filter: MachineFilterShape | null | undefined,
  orderBy: readonly OrderShape<string>[] | null | undefined,
): Query {
  return {
    ...stringParams({
      name: filter?.name,
      provider: filter?.provider,
      providerOrganizationId: filter?.providerOrganizationId,
      providerMachineId: filter?.providerMachineId,
      serialNumber: filter?.serialNumber,
      vin: filter?.vin,
      originType: filter?.originType,
    }),
    ...timeParams(filter?.createdTime, leafTimeNames('createdTime')),
    ...timeParams(filter?.updatedTime, leafTimeNames('updatedAt')),
    ...sortParams(orderBy),
  };
}

assetList(MachineRef, {
  noun: 'machine',
  list: 'machines',
  filter: MachineFilter,
  orderBy: MachineOrder,
  query: machineListQuery,
  fetch: (leaf, leafUserId, query) => leaf.listMachines(leafUserId, query),
});
