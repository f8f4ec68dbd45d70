// MachineFile: one machine's use of one Leaf file (its `file` is the LeafFile), and
// Machine.files over `GET /users/{u}/machines/{m}/files` with every documented filter and sort
// (declared with the resource, src/leaf/resources/machine-files.ts).
import type { Leaf, MachineFileRecord } from '../../leaf/readers.js';
import { machineFiles } from '../../leaf/resources/machine-files.js';
import { builder } from '../builder.js';
import { listInputs } from '../filters.js';
import { keyedNode, required } from '../loading.js';
import { leafField } from '../leaf-fields.js';
import { measurementField } from '../measurement.js';
import { textOfIds } from '../../leaf/resources/key.js';
import { LeafFileRef } from '../files/leaf-file.js';
import { listConnection } from '../lists.js';
import { MachineRef } from './types.js';
import { CONNECTION_LIST_SIZE, UPSTREAM_COST } from '../demand.js';

/**
 * A machine-file record as read from `/users/{leafUserId}/machines/{machineId}/files`:
 * `machine` and refetching follow that path; the body's own machineId stays Leaf's value. Its
 * getters are the fields of their names, read without a resolver (leaf-fields.ts).
 */
export class MachineFileShape {
  constructor(
    readonly path: { readonly leafUserId: string; readonly machineId: string },
    readonly record: MachineFileRecord,
  ) {}

  get leafId(): string {
    return this.record.id;
  }

  get machineId(): Leaf<string | null> {
    return this.record.machineId;
  }

  get leafFileId(): string {
    return this.record.leafFileId;
  }

  get startTime(): Leaf<string | null> {
    return this.record.startTime;
  }

  get endTime(): Leaf<string | null> {
    return this.record.endTime;
  }
}

export const MachineFileList = listInputs(
  'MachineFile',
  "Filters on a machine's files; every field maps to Leaf's query parameter of the same meaning, and all given fields must match.",
  machineFiles.list,
);

/** Made for every row of every page (its loader key, its global ID): spelled out, as a spread of `path` costs several times more. */
function machineFileKey({ path, record }: MachineFileShape) {
  return { leafUserId: path.leafUserId, machineId: path.machineId, leafFileId: record.leafFileId, id: record.id };
}

export const MachineFileRef = keyedNode('MachineFile', {
  description: "One machine's use of one Leaf file: when, how far and how much fuel.",
  key: machineFiles.key,
  keyOf: machineFileKey,
  load: async ({ leafUserId, machineId, leafFileId, id }, context): Promise<MachineFileShape | null> => {
    // No single-record endpoint: list the machine's links to that file and pick the one.
    const files = await context.leaf.list(machineFiles, { leafUserId, machineId }, { leafFileId, page: 0, size: 100 });
    const found = files.find((file) => file.id === id);
    return found ? new MachineFileShape({ leafUserId, machineId }, found) : null;
  },
  fields: (t) => ({
    leafId: leafField(t, 'leafId', { type: 'LeafId', nullable: false, description: 'The Leaf id of this machine-file link.' }),
    machine: t.field({
      type: MachineRef,
      nullable: false,
      ...UPSTREAM_COST,
      description: 'The machine whose path this record was read from: the machine that did this work.',
      resolve: (file, _args, context) => required(MachineRef.getDataloader(context).load({ leafUserId: file.path.leafUserId, id: file.path.machineId }), 'machine'),
    }),
    machineId: leafField(t, 'machineId', {
      type: 'LeafId',
      description: "The machineId in Leaf's own body of this record, exactly as sent (it can differ from `machine`); null when Leaf sends none.",
    }),
    leafFileId: leafField(t, 'leafFileId', { type: 'LeafId', nullable: false, description: 'The Leaf file this record links to.' }),
    startTime: leafField(t, 'startTime', { type: 'DateTime', description: 'When the work in the file started.' }),
    endTime: leafField(t, 'endTime', { type: 'DateTime', description: 'When the work in the file ended.' }),
    distance: t.field(measurementField('Distance the machine travelled in this file.', (file: MachineFileShape) => file.record.distance)),
    fuelConsumption: t.field(
      measurementField('Fuel the machine used in this file.', (file: MachineFileShape) => file.record.fuelConsumption),
    ),
    file: t.field({
      type: LeafFileRef,
      ...UPSTREAM_COST,
      description: 'The Leaf file itself (`GET /files/{leafFileId}`), batched: files shared by several machines load once. Null when Leaf no longer has it.',
      resolve: (machineFile, _args, context) => LeafFileRef.getDataloader(context).load({ id: machineFile.record.leafFileId }),
    }),
  }),
});

builder.objectFields(MachineRef, (t) => ({
  files: t.connection(
    {
      type: MachineFileRef,
      nullable: true,
      ...CONNECTION_LIST_SIZE,
      ...UPSTREAM_COST,
      description: "This machine's files, paged the Relay way over Leaf's page/size list; null (with the error) when Leaf refuses the list.",
      args: {
        filter: t.arg({ type: MachineFileList.filter, description: 'Only files matching every given field.' }),
        orderBy: t.arg({ type: [MachineFileList.order], description: 'Sort keys, first one first.' }),
      },
      resolve: (machine, args, context, info) => {
        const path = { leafUserId: machine.path.leafUserId, machineId: machine.record.id };
        return listConnection(args, info, {
          list: `machine-files:${textOfIds([path.leafUserId, path.machineId])}`,
          query: MachineFileList.query(args.filter, args.orderBy),
          fetch: (query) => context.leaf.list(machineFiles, path, query),
          node: (record: MachineFileRecord) => new MachineFileShape(path, record),
          keyOf: machineFileKey,
          loader: MachineFileRef.getDataloader(context),
        });
      },
    },
    {
      name: 'MachineFileConnection',
      description: 'A page of machine files.',
    },
    { name: 'MachineFileEdge', description: 'A machine file and its cursor.' },
  ),
}));
