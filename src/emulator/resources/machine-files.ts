// One machine's files (Assets API): the links of a machine to the Leaf files it recorded,
// listed with Leaf's filters and sorts (distances compared in the unit the query names).
import type { z } from 'zod';
import type { OriginType, readMachineFileRecord } from '../../leaf/readers.js';
import { ASSETS_PREFIX } from '../../leaf/resources/resource.js';
import type { LeafMeasurement } from '../../leaf/types.js';
import type { Random } from '../random.js';
import { distanceFilter, distanceUnitFilter, fieldSorts, listPage, originTypeFilter, timeFilters, uuidFilter, type ListSpec } from '../query.js';
import { ok, route } from '../route.js';
import { FIXED_SHAPES, HOUR } from '../seed-tables.js';
import { SEEDED_FILES } from './files.js';
import { SEEDED_MACHINES, machineOf } from './machines.js';
import { emulatorResource, iso, type SeedContext } from './resource.js';

/** One machine's use of one Leaf file; Leaf also sends its originType, which the gateway does not read. */
export type LeafMachineFile = z.input<typeof readMachineFileRecord.schema> & { machineId: string; originType?: OriginType };

function distance(rng: Random): LeafMeasurement | null {
  const kind = rng.float();
  if (kind < 0.75) return { value: rng.round(300, 60_000, 3), unit: 'ft' };
  if (kind < 0.92) return { value: rng.round(0.05, 12, 3), unit: 'mi' };
  return null;
}

function fuel(rng: Random): LeafMeasurement | null {
  const kind = rng.float();
  if (kind < 0.6) return { value: rng.round(2, 180), unit: 'US gal' };
  if (kind < 0.85) return { value: rng.round(8, 680), unit: 'L' };
  return null;
}

function seedLinks({ rng, store, profile, handed }: SeedContext): void {
  const files = handed(SEEDED_FILES);
  const [low, high] = profile.linksPerMachine;
  handed(SEEDED_MACHINES).forEach((machine, index) => {
    const { machineWithoutFiles, machineWithMostFiles, mostLinks, machinesSharingFirstFile } = FIXED_SHAPES;
    const count = index === machineWithoutFiles ? 0 : index === machineWithMostFiles ? Math.max(high, mostLinks) : rng.int(low, high);
    const chosen = rng.sample(files, count);
    const first = files[0];
    const [firstSharing, lastSharing] = machinesSharingFirstFile;
    if (first && index >= firstSharing && index <= lastSharing && !chosen.includes(first)) chosen[0] = first;
    const links = chosen.map((seeded): LeafMachineFile => {
      const start = seeded.start + rng.float(0, 0.2) * (seeded.end - seeded.start);
      const end = start + rng.float(0.5, 0.8) * (seeded.end - start);
      const hasTimes = !rng.chance(0.06);
      return {
        id: rng.uuid(),
        leafFileId: seeded.file.id,
        machineId: machine.id,
        leafUserId: profile.leafUserId,
        originType: machine.originType,
        createdTime: rng.chance(0.08) ? null : iso(seeded.end + rng.float(0.1, 72) * HOUR),
        startTime: hasTimes ? iso(start) : null,
        endTime: hasTimes && !rng.chance(0.05) ? iso(end) : null,
        distance: distance(rng),
        fuelConsumption: fuel(rng),
      };
    });
    store.machineFiles.set(machine.id, links);
  });
}

const MACHINE_FILE_LIST: ListSpec<LeafMachineFile> = {
  filters: [
    uuidFilter('leafFileId', (f) => f.leafFileId),
    originTypeFilter('originType', (f) => f.originType),
    ...timeFilters<LeafMachineFile>('createdTime', 'equals', (f) => f.createdTime),
    ...timeFilters<LeafMachineFile>('startTime', 'equals', (f) => f.startTime),
    ...timeFilters<LeafMachineFile>('endTime', 'equals', (f) => f.endTime),
    distanceUnitFilter('distanceUnit'),
    distanceFilter('distanceValue', 'equals', 'distanceUnit', (f) => f.distance),
    distanceFilter('greaterThanDistanceValue', 'greater', 'distanceUnit', (f) => f.distance),
    distanceFilter('lessThanDistanceValue', 'less', 'distanceUnit', (f) => f.distance),
  ],
  sorts: fieldSorts(['id', 'leafUserId', 'machineId', 'startTime', 'endTime', 'createdTime', 'leafFileId'], ['startTime', 'endTime', 'createdTime']),
};

export default emulatorResource({
  seed: seedLinks,
  routes: [
    route(ASSETS_PREFIX, '/users/:id/machines/:id/files', {
      GET: (context) => ok(listPage(context.store.linksOf(machineOf(context).id), context.request.query, MACHINE_FILE_LIST)),
    }),
  ],
});
