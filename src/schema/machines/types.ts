// Machine: a vehicle or self-propelled unit, as Leaf's Assets API describes it.
import type { LeafMachine } from '../../leaf/types.js';
import { builder } from '../builder.js';
import { OriginTypeEnum } from '../enums.js';
import { loadEach, toDate } from '../loading.js';
import { idParts } from '../relay/global-id.js';
import { LeafUserRef } from '../users/types.js';

/** Loader key and global-ID payload of a machine: Assets paths need the user as well. */
export function machineKey(leafUserId: string, machineId: string): string {
  return `${leafUserId}:${machineId}`;
}

export const MachineRef = builder.loadableNode('Machine', {
  description:
    'A vehicle or self-propelled unit (tractor, sprayer, harvester) of a Leaf user, synced from a provider, pooled from machine files, or created through the API.',
  id: { resolve: (machine: LeafMachine) => machineKey(machine.leafUserId, machine.id) },
  load: (keys: string[], context) =>
    loadEach(keys, (key) => {
      const [leafUserId, machineId] = idParts(key, 'Machine', 2) as [string, string];
      return context.client
        .getMachine(leafUserId, machineId, context.call)
        .then((machine) => ({ ...machine, leafUserId }));
    }) as Promise<LeafMachine[]>,
  fields: (t) => ({
    leafId: t.expose('id', { type: 'UUID', nullable: false, description: 'The Leaf machine id.' }),
    leafUser: t.field({
      type: LeafUserRef,
      nullable: false,
      description: 'The Leaf user who owns this machine.',
      resolve: (machine) => ({ leafUserId: machine.leafUserId }),
    }),
    name: t.exposeString('name', { description: 'Machine name.' }),
    provider: t.exposeString('provider', {
      description: 'Where the record comes from, as Leaf sends it: JohnDeere, CNHi, Stara, Trimble, Leaf, ...',
    }),
    providerMachineId: t.exposeString('providerMachineId', { description: 'The machine id at the provider.' }),
    providerOrganizationId: t.exposeString('providerOrganizationId', {
      description: 'The provider-side organization that holds this machine.',
    }),
    originType: t.field({
      type: OriginTypeEnum,
      nullable: false,
      description: 'How Leaf got this machine; only USER_CREATED machines can be changed.',
      resolve: (machine) => machine.originType,
    }),
    editable: t.boolean({
      nullable: false,
      description: 'True only for USER_CREATED machines: the ones updateMachine and deleteMachine accept.',
      resolve: (machine) => machine.originType === 'USER_CREATED',
    }),
    createdTime: t.field({
      type: 'DateTime',
      description: 'When Leaf created the record.',
      resolve: (machine) => toDate(machine.createdTime),
    }),
    updatedTime: t.field({
      type: 'DateTime',
      description: 'When Leaf last updated the record.',
      resolve: (machine) => toDate(machine.updatedTime),
    }),
    serialNumber: t.exposeString('serialNumber', { description: 'Serial number.' }),
    vin: t.exposeString('vin', { description: 'Vehicle Identification Number.' }),
    model: t.exposeString('model', { description: 'Model name.' }),
    make: t.exposeString('make', { description: 'Manufacturer.' }),
    category: t.exposeString('category', { description: 'Machine category, e.g. Harvester, Sprayer.' }),
    modelYear: t.exposeInt('modelYear', { description: 'Model year.' }),
  }),
});
