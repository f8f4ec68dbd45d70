// Machine: a vehicle or self-propelled unit, as Leaf's Assets API describes it.
import type { MachineRecord } from '../../leaf/readers.js';
import { valueOf } from '../../leaf/readers.js';
import { machines } from '../../leaf/resources/machines.js';
import { assetNode, type Asset } from '../assets/asset.js';
import { builder } from '../builder.js';

export type MachineShape = Asset<MachineRecord>;

export const MachineRef = assetNode<MachineRecord>({
  name: 'Machine',
  description:
    'A vehicle or self-propelled unit (tractor, sprayer, harvester) of a Leaf user, synced from a provider, pooled from machine files, or created through the API.',
  providerIdOf: (machine) => machine.providerMachineId,
  providerDescription: 'Where the record comes from, as Leaf sends it: JohnDeere, CNHi, Stara, Trimble, Leaf, ...',
  originDescription: 'How Leaf got this machine; only USER_CREATED machines can be changed.',
  resource: machines,
});

builder.objectFields(MachineRef, (t) => ({
    editable: t.boolean({
      nullable: false,
      description: 'True only for USER_CREATED machines: the ones updateMachine and deleteMachine accept.',
      resolve: (machine) => valueOf(machine.record.originType) === 'USER_CREATED',
    }),
    createdTime: t.field({ type: 'DateTime', description: 'When Leaf created the record.', resolve: (m) => valueOf(m.record.createdTime) }),
    updatedTime: t.field({ type: 'DateTime', description: 'When Leaf last updated the record.', resolve: (m) => valueOf(m.record.updatedTime) }),
    serialNumber: t.string({ description: 'Serial number.', resolve: (m) => valueOf(m.record.serialNumber) }),
    vin: t.string({ description: 'Vehicle Identification Number.', resolve: (m) => valueOf(m.record.vin) }),
    model: t.string({ description: 'Model name.', resolve: (m) => valueOf(m.record.model) }),
    make: t.string({ description: 'Manufacturer.', resolve: (m) => valueOf(m.record.make) }),
    category: t.string({ description: 'Machine category, e.g. Harvester, Sprayer.', resolve: (m) => valueOf(m.record.category) }),
    modelYear: t.int({ description: 'Model year.', resolve: (m) => valueOf(m.record.modelYear) }),
}));
