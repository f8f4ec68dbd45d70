// MachineFile: one machine's use of one Leaf file, and Machine.files over
// `GET /users/{u}/machines/{m}/files` with every documented filter and sort.
import type { Query } from '../../leaf/client.js';
import type { LeafMachineFile, OriginType } from '../../leaf/types.js';
import { builder } from '../builder.js';
import { OriginTypeEnum } from '../enums.js';
import { badUserInput } from '../errors.js';
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
import { loadEach, toDate } from '../loading.js';
import { measurementField } from '../measurement.js';
import { cursorKeyOf } from '../relay/cursor.js';
import { idParts } from '../relay/global-id.js';
import { resolveLeafConnection } from '../relay/resolve.js';
import { machineKey, MachineRef } from './types.js';

/** A machine-file record with the owner the path it came from names. */
export type MachineFileShape = LeafMachineFile & { leafUserId: string };

export const MACHINE_FILE_SORT_FIELDS = [
  'id',
  'leafUserId',
  'machineId',
  'startTime',
  'endTime',
  'createdTime',
  'leafFileId',
] as const;

const MachineFileOrder = orderInput('MachineFile', 'machine files', MACHINE_FILE_SORT_FIELDS);

const DistanceUnitEnum = builder.enumType('DistanceUnit', {
  description: 'Units Leaf accepts for machine-file distance filters.',
  values: {
    MILE: { value: 'mile', description: 'Statute miles.' },
    FEET: { value: 'ft', description: 'Feet.' },
  } as const,
});

interface DistanceFilterShape {
  equals?: number | null;
  greaterThan?: number | null;
  lessThan?: number | null;
  unit?: 'mile' | 'ft' | null;
}

const DistanceFilter = builder.inputType('DistanceFilter', {
  description: 'Matches the distance a machine travelled in a file, compared in `unit`.',
  fields: (t) => ({
    equals: t.float({ description: 'Exactly this distance.' }),
    greaterThan: t.float({ description: 'Strictly more than this distance.' }),
    lessThan: t.float({ description: 'Strictly less than this distance.' }),
    unit: t.field({ type: DistanceUnitEnum, description: 'Unit of the values above; Leaf assumes feet when omitted.' }),
  }),
});

interface MachineFileFilterShape {
  leafFileId?: string | null;
  originType?: OriginType | null;
  createdTime?: DateTimeFilterShape | null;
  startTime?: DateTimeFilterShape | null;
  endTime?: DateTimeFilterShape | null;
  distance?: DistanceFilterShape | null;
}

const MachineFileFilter = builder.inputType('MachineFileFilter', {
  description: "Filters on a machine's files; every field maps to Leaf's query parameter of the same meaning, and all given fields must match.",
  fields: (t) => ({
    leafFileId: t.field({ type: 'UUID', description: 'Only links to this Leaf file.' }),
    originType: t.field({ type: OriginTypeEnum, description: 'Links of this origin.' }),
    createdTime: t.field({ type: DateTimeFilter, description: 'When Leaf created the link.' }),
    startTime: t.field({ type: DateTimeFilter, description: 'When the operation started.' }),
    endTime: t.field({ type: DateTimeFilter, description: 'When the operation ended.' }),
    distance: t.field({ type: DistanceFilter, description: 'The distance travelled.' }),
  }),
});

function distanceParams(filter: DistanceFilterShape | null | undefined): Query {
  if (!filter) return {};
  for (const [name, value] of Object.entries({ equals: filter.equals, greaterThan: filter.greaterThan, lessThan: filter.lessThan })) {
    if (value !== null && value !== undefined && !Number.isFinite(value)) {
      throw badUserInput(`filter.distance.${name} must be a finite number.`);
    }
  }
  return {
    distanceValue: filter.equals ?? undefined,
    greaterThanDistanceValue: filter.greaterThan ?? undefined,
    lessThanDistanceValue: filter.lessThan ?? undefined,
    distanceUnit: filter.unit ?? undefined,
  };
}

export function machineFileListQuery(
  filter: MachineFileFilterShape | null | undefined,
  orderBy: readonly OrderShape<string>[] | null | undefined,
): Query {
  return {
    ...stringParams({ leafFileId: filter?.leafFileId?.toLowerCase(), originType: filter?.originType }),
    ...timeParams(filter?.createdTime, leafTimeNames('createdTime')),
    ...timeParams(filter?.startTime, leafTimeNames('startTime')),
    ...timeParams(filter?.endTime, leafTimeNames('endTime')),
    ...distanceParams(filter?.distance),
    ...sortParams(orderBy),
  };
}

export function machineFileKey(file: MachineFileShape): string {
  return [file.leafUserId, file.machineId, file.leafFileId, file.id].join(':');
}

export const MachineFileRef = builder.loadableNode('MachineFile', {
  description: "One machine's use of one Leaf file: when, how far and how much fuel.",
  id: { resolve: (file: MachineFileShape) => machineFileKey(file) },
  load: (keys: string[], context) =>
    loadEach(keys, async (key) => {
      // No single-record endpoint: list the machine's links to that file and pick the one.
      const [leafUserId, machineId, leafFileId, id] = idParts(key, 'MachineFile', 4) as [string, string, string, string];
      const files = await context.client.listMachineFiles(leafUserId, machineId, { leafFileId, page: 0, size: 100 }, context.call);
      const found = files.find((file) => file.id === id);
      return found ? { ...found, machineId, leafUserId } : null;
    }) as Promise<MachineFileShape[]>,
  fields: (t) => ({
    leafId: t.expose('id', { type: 'UUID', nullable: false, description: 'The Leaf id of this machine-file link.' }),
    machine: t.field({
      type: MachineRef,
      nullable: false,
      description: 'The machine that did this work.',
      resolve: (file, _args, context) => MachineRef.getDataloader(context).load(machineKey(file.leafUserId, file.machineId)),
    }),
    leafFileId: t.expose('leafFileId', { type: 'UUID', nullable: false, description: 'The Leaf file this record links to.' }),
    startTime: t.field({ type: 'DateTime', description: 'When the work in the file started.', resolve: (file) => toDate(file.startTime) }),
    endTime: t.field({ type: 'DateTime', description: 'When the work in the file ended.', resolve: (file) => toDate(file.endTime) }),
    distance: t.field(measurementField('Distance the machine travelled in this file.', (file: MachineFileShape) => file.distance)),
    fuelConsumption: t.field(
      measurementField('Fuel the machine used in this file.', (file: MachineFileShape) => file.fuelConsumption),
    ),
  }),
});

builder.objectFields(MachineRef, (t) => ({
  files: t.connection(
    {
      type: MachineFileRef,
      nullable: false,
      description: "This machine's files, paged the Relay way over Leaf's page/size list.",
      args: {
        filter: t.arg({ type: MachineFileFilter, description: 'Only files matching every given field.' }),
        orderBy: t.arg({ type: [MachineFileOrder], description: 'Sort keys, first one first.' }),
      },
      resolve: (machine, args, context, info) => {
        const query = machineFileListQuery(args.filter, args.orderBy);
        const key = cursorKeyOf(`machine-files:${machine.leafUserId}:${machine.id}`, query);
        return resolveLeafConnection(args, info, key, async ({ page, size }) => {
          const files = await context.client.listMachineFiles(machine.leafUserId, machine.id, { ...query, page, size }, context.call);
          const loader = MachineFileRef.getDataloader(context);
          return files.map((file) => {
            const shaped: MachineFileShape = { ...file, machineId: machine.id, leafUserId: machine.leafUserId };
            loader.prime(machineFileKey(shaped), shaped);
            return shaped;
          });
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
