// A Leaf user's machines (Assets API): listed with every documented filter and sort, read,
// created, updated and deleted one by one.
import { readMachine, readMachines } from '../readers.js';
import { readTags } from '../read-tags.js';
import { ORIGIN_TYPES } from '../readers.js';
import { assetResource } from './asset.js';

/** Providers Leaf names in the Assets reference; Leaf may send others, so the record's field stays a string. */
export const MACHINE_PROVIDERS = ['JohnDeere', 'CNHi', 'Stara', 'Trimble', 'Leaf'] as const;
export type MachineProvider = (typeof MACHINE_PROVIDERS)[number];

export const machines = assetResource('machines', {
  read: readMachine,
  readList: readMachines,
  listTag: readTags.machines,
  itemTag: readTags.machine,
  list: {
    subject: 'machines',
    filters: {
      name: { kind: 'exact', description: 'Exactly this machine name.' },
      provider: { kind: 'oneOf', values: MACHINE_PROVIDERS, description: 'Machines from this provider.' },
      providerOrganizationId: { kind: 'exact', description: 'Exactly this provider-side organization id.' },
      providerMachineId: { kind: 'exact', description: 'Exactly this provider-side machine id.' },
      serialNumber: { kind: 'exact', description: 'Exactly this serial number.' },
      vin: { kind: 'exact', description: 'Exactly this Vehicle Identification Number.' },
      originType: { kind: 'oneOf', values: ORIGIN_TYPES, description: 'Machines of this origin.' },
      createdTime: { kind: 'time', description: 'When Leaf created the record.' },
      updatedTime: { kind: 'time', param: 'updatedAt', description: "When Leaf last updated the record (Leaf's updatedAt filters)." },
    },
    sorts: ['id', 'leafUserId', 'name', 'provider', 'providerOrganizationId', 'providerMachineId', 'serialNumber', 'vin', 'model', 'make', 'category', 'modelYear'],
  },
});
