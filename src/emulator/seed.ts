// Deterministic seeded data: the same scale always yields the same ids and values, and
// every origin type, provider, operation type and nullable field shows up somewhere. What it
// draws from (users, sizes, catalogues, fixed shapes) is in seed-tables.ts.
import type {
  LeafFieldOperation,
  LeafFile,
  LeafImage,
  LeafImplement,
  LeafMachine,
  LeafMachineFile,
  LeafMeasurement,
  LeafOperator,
  LeafSummary,
  OriginType,
} from '../leaf/types.js';
import { LARGE_POINT_COUNT } from './points.js';
import { Random } from './random.js';
import {
  BENCH_PROFILE,
  BENCH_TOKEN,
  DAY,
  DEMO_PROFILES,
  DEMO_TOKENS,
  DEMO_USER_IDS,
  FILE_FORMATS,
  FILE_ORIGINS,
  FILE_PROVIDERS_BY_ORIGIN,
  FILES_HOST,
  FIXED_SHAPES,
  HOUR,
  IMAGE_PROPERTIES,
  IMPLEMENT_CATALOGUE,
  LEGEND_COLORS,
  MACHINE_CATALOGUE,
  NAME_SUFFIXES,
  OPERATOR_NAMES,
  PROVIDER_POOLED_PROVIDERS,
  SEASON_END,
  SEASON_MONTHS,
  SEASON_START,
  type Scale,
  type UserProfile,
} from './seed-tables.js';
import { EmulatorStore } from './store.js';
import { OPERATION_TYPES, buildSummary, mergeSummaries, type MultiPolygon, type OperationType } from './summaries.js';

function iso(ms: number): string {
  return new Date(Math.min(ms, SEASON_END)).toISOString();
}

function operationWindow(rng: Random, type: OperationType): { start: number; end: number } {
  const year = rng.int(2019, 2025);
  const month = rng.pick(SEASON_MONTHS[type]);
  const start = Date.UTC(year, month, rng.int(1, 28), rng.int(5, 18), rng.int(0, 59), rng.int(0, 59), rng.int(0, 999));
  return { start, end: start + Math.round(rng.float(0.3, 14) * HOUR) };
}

interface Field {
  id: string;
  geometry: MultiPolygon;
}

function makeField(rng: Random): Field {
  const lon = rng.float(-97, -88);
  const lat = rng.float(38, 44);
  const radius = rng.float(0.002, 0.006);
  const ring: number[][] = [];
  for (let k = 0; k < 8; k++) {
    const angle = (k / 8) * 2 * Math.PI;
    const wobble = rng.float(0.85, 1.15);
    ring.push([
      Math.round((lon + Math.cos(angle) * radius * wobble) * 1e6) / 1e6,
      Math.round((lat + Math.sin(angle) * radius * wobble * 0.75) * 1e6) / 1e6,
    ]);
  }
  const first = ring[0];
  if (first) ring.push([...first]);
  return { id: rng.uuid(), geometry: { type: 'MultiPolygon', coordinates: [[ring]] } };
}

function bbox(geometry: MultiPolygon): { xMin: number; xMax: number; yMin: number; yMax: number } {
  const points = geometry.coordinates.flat(2);
  const xs = points.map((point) => point[0] ?? 0);
  const ys = points.map((point) => point[1] ?? 0);
  return { xMin: Math.min(...xs), xMax: Math.max(...xs), yMin: Math.min(...ys), yMax: Math.max(...ys) };
}

function statsRange(summary: LeafSummary, property: string): [number, number] {
  const value = summary.properties[property];
  if (typeof value === 'object' && value !== null && 'min' in value && 'max' in value) {
    const { min, max } = value as { min: unknown; max: unknown };
    if (typeof min === 'number' && typeof max === 'number' && max > min) return [min, max];
  }
  return [0, 100];
}

function makeImages(rng: Random, fileId: string, type: OperationType, summary: LeafSummary | null, geometry: MultiPolygon): LeafImage[] {
  if (!summary) return [];
  const style = rng.float();
  if (style < 0.2) return [];
  const properties = rng.sample(IMAGE_PROPERTIES[type], rng.int(1, IMAGE_PROPERTIES[type].length));
  if (style < 0.45) {
    return properties.map((property) => ({
      property,
      url: `${FILES_HOST}/geotiff/${rng.uuid()}.tif`,
      downloadUrl: `${FILES_HOST}/files/${fileId}/images/${property}.tif`,
    }));
  }
  return properties.map((property) => {
    const [low, high] = statsRange(summary, property);
    const step = (high - low) / LEGEND_COLORS.length;
    const openEnded = rng.chance(0.25);
    const ranges = LEGEND_COLORS.map((colorCode, index) => ({
      colorCode,
      min: Math.round((low + step * index) * 100) / 100,
      max: openEnded && index === LEGEND_COLORS.length - 1 ? null : Math.round((low + step * (index + 1)) * 100) / 100,
    }));
    return {
      property,
      legend: { ranges },
      extent: bbox(geometry),
      downloadUrl: `${FILES_HOST}/files/${fileId}/images/${property}.png`,
      status: rng.chance(0.9) ? 'PROCESSED' : 'PROCESSING',
      url: `${FILES_HOST}/images/${rng.uuid()}.png`,
    };
  });
}

interface SeededFile {
  file: LeafFile;
  type: OperationType;
  start: number;
  end: number;
}

function seedFiles(rng: Random, store: EmulatorStore, profile: UserProfile, fields: Field[]): SeededFile[] {
  const seeded: SeededFile[] = [];
  for (let i = 0; i < profile.files; i++) {
    const id = rng.uuid();
    const type = OPERATION_TYPES[i % OPERATION_TYPES.length] as OperationType;
    const origin = i < FILE_ORIGINS.length ? FILE_ORIGINS[i] ?? 'provider' : rng.pick(FILE_ORIGINS);
    const provider = rng.pick(FILE_PROVIDERS_BY_ORIGIN[origin]);
    const providerForFormat = provider ?? 'Other';
    const field = rng.pick(fields);
    const fieldIds = rng.chance(0.15) ? [...new Set([field.id, rng.pick(fields).id])] : [field.id];
    const { start, end } = operationWindow(rng, type);
    const { unprocessedFiles, undocumentedSummaryExtras } = FIXED_SHAPES;
    const processed = i % unprocessedFiles.every !== unprocessedFiles.at;
    const summary = processed
      ? buildSummary(rng, {
          type,
          startTime: iso(start),
          endTime: iso(end),
          geometry: field.geometry,
          undocumentedExtra: i % undocumentedSummaryExtras.every === undocumentedSummaryExtras.at,
        })
      : null;
    const year = new Date(start).getUTCFullYear();
    const file: LeafFile = {
      id,
      provider,
      fields: fieldIds,
      fileFormat: rng.chance(0.95) ? rng.pick(FILE_FORMATS[providerForFormat] ?? ['ZIP']) : null,
      fileName: origin === 'merged' || origin === 'automerged' ? null : `${type}_${year}_${id.slice(0, 8)}.zip`,
      downloadOriginalFile: origin === 'merged' || origin === 'automerged' ? null : `${FILES_HOST}/files/${id}/original.zip`,
      downloadStandardGeojson: summary ? `${FILES_HOST}/files/${id}/standard.geojson` : null,
      leafUserId: profile.leafUserId,
      apiOwnerUsername: profile.apiOwnerUsername,
      origin,
      summary,
    };
    store.files.set(id, file);
    store.images.set(id, makeImages(rng, id, type, summary, field.geometry));
    seeded.push({ file, type, start, end });
  }
  return seeded;
}

function organizations(rng: Random): Record<string, string[]> {
  const ids = (): string[] => [rng.code(6, '0123456789'), rng.code(6, '0123456789')];
  return { JohnDeere: ids(), CNHi: ids(), Stara: ids(), Trimble: ids() };
}

function seedMachines(rng: Random, store: EmulatorStore, profile: UserProfile, orgs: Record<string, string[]>): LeafMachine[] {
  const machines: LeafMachine[] = [];
  let pooled = 0;
  for (let i = 0; i < profile.machines; i++) {
    const originType: OriginType = i % 8 === 0 ? 'USER_CREATED' : i % 3 === 1 ? 'FILE_POOLED' : 'PROVIDER_POOLED';
    let provider: string | null;
    if (originType === 'USER_CREATED') provider = 'Leaf';
    else if (originType === 'PROVIDER_POOLED') provider = PROVIDER_POOLED_PROVIDERS[pooled++ % PROVIDER_POOLED_PROVIDERS.length] ?? 'JohnDeere';
    else provider = rng.chance(0.15) ? null : rng.pick(['JohnDeere', 'CNHi', 'Trimble']);
    const entry = rng.pick(MACHINE_CATALOGUE[provider ?? 'Leaf'] ?? []);
    const orgIds = orgs[provider ?? ''];
    const createdMs = rng.float(SEASON_START, SEASON_END - 30 * DAY);
    const hasCreated = originType === 'USER_CREATED' || !rng.chance(0.08);
    const createdTime = hasCreated ? iso(createdMs) : null;
    const updatedTime = hasCreated && !rng.chance(0.1) ? iso(createdMs + rng.float(0, 400) * DAY) : null;
    const machine: LeafMachine = {
      id: rng.uuid(),
      leafUserId: profile.leafUserId,
      name: rng.chance(0.1) ? null : `${entry.model} ${rng.pick(NAME_SUFFIXES)}`,
      provider,
      providerMachineId: originType === 'PROVIDER_POOLED' ? rng.code(rng.int(6, 8), '0123456789') : rng.uuid(),
      providerOrganizationId: originType === 'USER_CREATED' || !orgIds || rng.chance(0.1) ? null : rng.pick(orgIds),
      originType,
      createdTime,
      updatedTime,
      serialNumber: rng.chance(0.12) ? null : rng.code(rng.int(7, 10)),
      vin: rng.chance(0.2) ? null : rng.code(17, 'ABCDEFGHJKLMNPRSTUVWXYZ0123456789'),
      model: rng.chance(0.07) ? null : entry.model,
      make: rng.chance(0.07) ? null : entry.make,
      category: rng.chance(0.07) ? null : entry.category,
      modelYear: rng.chance(0.12) ? null : rng.int(2008, 2025),
    };
    store.putMachine(machine);
    machines.push(machine);
  }
  return machines;
}

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

function seedLinks(rng: Random, store: EmulatorStore, profile: UserProfile, machines: LeafMachine[], files: SeededFile[]): void {
  const [low, high] = profile.linksPerMachine;
  machines.forEach((machine, index) => {
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

function seedImplements(rng: Random, store: EmulatorStore, profile: UserProfile, orgs: Record<string, string[]>): void {
  for (let i = 0; i < profile.implements; i++) {
    const provider = i % 2 === 0 ? 'JohnDeere' : 'Trimble';
    const entry = rng.pick(IMPLEMENT_CATALOGUE);
    const createdMs = rng.float(SEASON_START, SEASON_END - 30 * DAY);
    const hasCreated = !rng.chance(0.1);
    const implement: LeafImplement = {
      id: rng.uuid(),
      leafUserId: profile.leafUserId,
      name: rng.chance(0.1) ? null : entry.name,
      provider,
      providerImplementId: rng.chance(0.05) ? null : rng.code(6, '0123456789'),
      providerOrganizationId: rng.chance(0.1) ? null : rng.pick(orgs[provider] ?? ['000000']),
      originType: i % 5 === 3 ? 'FILE_POOLED' : 'PROVIDER_POOLED',
      createdTime: hasCreated ? iso(createdMs) : null,
      updatedTime: hasCreated && !rng.chance(0.15) ? iso(createdMs + rng.float(0, 300) * DAY) : null,
      serialNumber: rng.chance(0.15) ? null : rng.code(5, '0123456789'),
      model: rng.chance(0.08) ? null : entry.model,
      make: rng.chance(0.08) ? null : entry.make,
      category: rng.chance(0.08) ? null : entry.category,
    };
    store.implements.set(implement.id, implement);
  }
}

function seedOperators(rng: Random, store: EmulatorStore, profile: UserProfile, orgs: Record<string, string[]>): void {
  for (let i = 0; i < profile.operators; i++) {
    const operator: LeafOperator = {
      id: rng.uuid(),
      leafUserId: profile.leafUserId,
      name: rng.chance(0.08) ? null : rng.pick(OPERATOR_NAMES),
      provider: 'JohnDeere',
      providerOperatorId: rng.uuid(),
      providerOrganizationId: rng.pick(orgs['JohnDeere'] ?? ['000000']),
      originType: 'PROVIDER_POOLED',
      license: rng.chance(0.6) ? null : `DL-${rng.code(6, '0123456789')}`,
      updatedTime: rng.chance(0.15) ? null : iso(rng.float(SEASON_START, SEASON_END)),
      status: rng.chance(0.75) ? 'ACTIVE' : 'INACTIVE',
    };
    store.operators.set(operator.id, operator);
  }
}

function seedOperations(rng: Random, store: EmulatorStore, profile: UserProfile, files: SeededFile[]): void {
  const [low, high] = profile.filesPerOperation;
  for (const type of OPERATION_TYPES) {
    // In time order, so an operation gathers one season's work rather than spanning years.
    const candidates = files
      .filter((seeded) => seeded.type === type && seeded.file.summary)
      .sort((a, b) => a.start - b.start);
    for (let offset = 0; offset < candidates.length; ) {
      const group = candidates.slice(offset, offset + rng.int(low, high));
      offset += group.length;
      const start = Math.min(...group.map((seeded) => seeded.start));
      const end = Math.max(...group.map((seeded) => seeded.end));
      const fieldIds = [...new Set(group.flatMap((seeded) => seeded.file.fields))];
      const operation: LeafFieldOperation = {
        id: rng.uuid(),
        apiOwnerUsername: profile.apiOwnerUsername,
        leafUserId: profile.leafUserId,
        startTime: iso(start),
        endTime: iso(end),
        updatedTime: rng.chance(0.1) ? null : iso(end + rng.float(1, 60) * DAY),
        type,
        files: group.map((seeded) => seeded.file.id),
        fields: fieldIds.map((id) => ({ id, coverage: rng.chance(0.1) ? null : rng.round(0.55, 1) })),
        providers: [...new Set(group.map((seeded) => seeded.file.provider).filter((p): p is string => p !== null))],
      };
      store.operations.set(operation.id, operation);
      store.operationSummaries.set(
        operation.id,
        mergeSummaries(group.map((seeded) => seeded.file.summary).filter((s): s is LeafSummary => s !== null)),
      );
    }
  }
}

function seedUser(store: EmulatorStore, profile: UserProfile): void {
  const rng = new Random(profile.seed);
  store.users.push({ leafUserId: profile.leafUserId, apiOwnerUsername: profile.apiOwnerUsername });
  const fields = Array.from({ length: profile.fields }, () => makeField(rng));
  const orgs = organizations(rng);
  const files = seedFiles(rng, store, profile, fields);
  const machines = seedMachines(rng, store, profile, orgs);
  seedLinks(rng, store, profile, machines, files);
  seedImplements(rng, store, profile, orgs);
  seedOperators(rng, store, profile, orgs);
  seedOperations(rng, store, profile, files);
}

/** A fresh store for one emulator; the demo users are identical at every scale. */
export function seedStore(scale: Scale): EmulatorStore {
  const store = new EmulatorStore();
  for (const profile of DEMO_PROFILES) seedUser(store, profile);
  store.tokens.push(...DEMO_TOKENS.map(({ token, leafUserIds }) => ({ token, leafUserIds: [...leafUserIds] })));
  if (scale === 'large') {
    seedUser(store, BENCH_PROFILE);
    store.tokens.push({ token: BENCH_TOKEN, leafUserIds: [DEMO_USER_IDS.bench] });
    // One yield map of real size, for the points benchmark.
    const large = store.filesOf(DEMO_USER_IDS.bench).find((file) => file.summary?.properties.operationType === 'harvested');
    if (large) store.pointCounts.set(large.id, LARGE_POINT_COUNT);
  }
  return store;
}

