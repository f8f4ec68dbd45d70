// Leaf files (operations API): each user's files with their summaries and the images Leaf made
// of them, read one by one (`/files/{id}`, `/files/{id}/images`).
import type { z } from 'zod';
import type { readFile } from '../../leaf/readers.js';
import { OPERATIONS_PREFIX } from '../../leaf/resources/resource.js';
import type { Random } from '../random.js';
import { ok, ownedRecord, route, type RouteContext } from '../route.js';
import { FILE_FORMATS, FILES_HOST, FIXED_SHAPES, HOUR, SEASON_MONTHS } from '../seed-tables.js';
import { named } from '../store.js';
import { OPERATION_TYPES, buildSummary, type LeafSummary, type MultiPolygon, type OperationType } from '../summaries.js';
import { emulatorResource, iso, type SeedContext } from './resource.js';

/** `GET /services/operations/api/files/{id}`; the emulator builds the summary whole (src/emulator/summaries.ts). */
export type LeafFile = z.input<typeof readFile.schema> & { leafUserId: string; fields: string[]; summary: LeafSummary | null };

/** One element of `GET /services/operations/api/files/{id}/images`. */
export interface LeafImage {
  property: string;
  legend?: { ranges: { colorCode: string; min: number | null; max: number | null }[] } | null;
  extent?: { xMin: number; xMax: number; yMin: number; yMax: number } | null;
  downloadUrl?: string | null;
  status?: string | null;
  url?: string | null;
}

const FILE_ORIGINS = ['provider', 'merged', 'uploaded', 'automerged'] as const;

const FILE_PROVIDERS_BY_ORIGIN: Record<(typeof FILE_ORIGINS)[number], readonly (string | null)[]> = {
  provider: ['JohnDeere', 'CNHi', 'Stara', 'Trimble', 'ClimateFieldView'],
  merged: ['Leaf'],
  automerged: ['Leaf'],
  uploaded: ['AgLeader', 'Raven', 'Other', null],
};

const IMAGE_PROPERTIES: Record<OperationType, readonly string[]> = {
  harvested: ['wetMassPerArea', 'dryVolumePerArea', 'harvestMoisture'],
  planted: ['seedRate'],
  applied: ['appliedRate'],
  tillage: ['tillageDepthActual'],
  irrigated: ['irrigationRate'],
  other: ['elevation'],
};

const LEGEND_COLORS = ['#C80000', '#FF2800', '#FF9600', '#FFF000', '#00E600', '#00BE00', '#008200'];

/** A seeded file with the operation it records: its type and time window. */
export interface SeededFile {
  file: LeafFile;
  type: OperationType;
  start: number;
  end: number;
}

/** The user's files in seeding order, for the machine-file links and field operations drawn from them. */
export const SEEDED_FILES = named<SeededFile[]>('files');

function operationWindow(rng: Random, type: OperationType): { start: number; end: number } {
  const year = rng.int(2019, 2025);
  const month = rng.pick(SEASON_MONTHS[type]);
  const start = Date.UTC(year, month, rng.int(1, 28), rng.int(5, 18), rng.int(0, 59), rng.int(0, 59), rng.int(0, 999));
  return { start, end: start + Math.round(rng.float(0.3, 14) * HOUR) };
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

function seedFiles({ rng, store, profile, fields, handOn }: SeedContext): void {
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
  handOn(SEEDED_FILES, seeded);
}

function fileOf(context: RouteContext): LeafFile {
  return ownedRecord(context, context.store.files, 'fileId', 'File');
}

export default emulatorResource({
  seed: seedFiles,
  routes: [
    route(OPERATIONS_PREFIX, '/files/:id', { GET: (context) => ok(fileOf(context)) }),
    route(OPERATIONS_PREFIX, '/files/:id/images', { GET: (context) => ok(context.store.images.get(fileOf(context).id) ?? []) }),
  ],
});
