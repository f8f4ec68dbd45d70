// Machine: a vehicle or self-propelled unit, as Leaf's Assets API describes it.
import type { Leaf, MachineRecord } from '../../leaf/readers.js';
import { valueOf } from '../../leaf/readers.js';
import { machines } from '../../leaf/resources/machines.js';
import { assetNode, Equipment } from '../assets/asset.js';
import { builder } from '../builder.js';
import { leafField } from '../leaf-fields.js';

/** A machine as the Machine type reads it: its record's fields by their GraphQL names. */
export class MachineShape extends Equipment<MachineRecord> {
  get createdTime(): Leaf<string | null> {
    return this.record.createdTime;
  }

  get updatedTime(): Leaf<string | null> {
    return this.record.updatedTime;
  }

  get vin(): Leaf<string | null> {
    return this.record.vin;
  }

  get modelYear(): Leaf<number | null> {
    return this.record.modelYear;
  }
}

export const MachineRef = assetNode({
  name: 'Machine',
  description:
    'A vehicle or self-propelled unit (tractor, sprayer, harvester) of a Leaf user, synced from a provider, pooled from machine files, or created through the API.',
  providerIdOf: (machine) => machine.providerMachineId,
  providerDescription: 'Where the record comes from, as Leaf sends it: JohnDeere, CNHi, Stara, Trimble, Leaf, ...',
  originDescription: 'How Leaf got this machine; only USER_CREATED machines can be changed.',
  resource: machines,
  row: MachineShape,
});

builder.objectFields(MachineRef, (t) => ({
    editable: t.boolean({
      nullable: false,
      description: 'True only for USER_CREATED machines: the ones updateMachine and deleteMachine accept.',
      resolve: (machine) => valueOf(machine.record.originType) === 'USER_CREATED',
    }),
    createdTime: leafField(t, 'createdTime', { type: 'DateTime', description: 'When Leaf created the record.' }),
    updatedTime: leafField(t, 'updatedTime', { type: 'DateTime', description: 'When Leaf last updated the record.' }),
    serialNumber: leafField(t, 'serialNumber', { type: 'String', description: 'Serial number.' }),
    vin: leafField(t, 'vin', { type: 'String', description: 'Vehicle Identification Number.' }),
    model: leafField(t, 'model', { type: 'String', description: 'Model name.' }),
    make: leafField(t, 'make', { type: 'String', description: 'Manufacturer.' }),
    category: leafField(t, 'category', { type: 'String', description: 'Machine category, e.g. Harvester, Sprayer.' }),
    modelYear: leafField(t, 'modelYear', { type: 'Int', description: 'Model year.' }),
}));
