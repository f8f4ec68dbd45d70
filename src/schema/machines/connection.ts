// LeafUser.machines: every documented filter and sort of `GET /users/{u}/machines` (declared
// with the resource, src/leaf/resources/machines.ts), as a Relay connection (LeafUser.machine,
// the single lookup, comes with every asset: assets/asset.ts).
import { machines } from '../../leaf/resources/machines.js';
import { assetList } from '../assets/asset.js';
import { listInputs } from '../filters.js';
import { MachineRef } from './types.js';

export const MachineList = listInputs(
  'Machine',
  "Filters on a Leaf user's machines; every field maps to the Leaf query parameter of the same meaning, and all given fields must match.",
  machines.list,
);

assetList(MachineRef, { noun: 'machine', list: 'machines', resource: machines, inputs: MachineList });
