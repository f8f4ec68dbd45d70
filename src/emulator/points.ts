// Standard GeoJSON points of processed files (003 reference, "Standard GeoJSON point data"):
// generated from the file itself, one point at a time from its index, so the same file always
// streams the same points and a 500,000-point file costs no memory to serve.
//
// Consistent with the file's summary: its operationType, crop, varieties and machinery; one
// timestamp per point evenly over [startTime, endTime]; per-point `area` and `distance` that
// add up to totalArea and totalDistance; readings inside the summary's min..max, in the
// summary's units (point values are bare numbers; the summary names their units).
import type { ServerResponse } from 'node:http';
import { OPERATIONS_PREFIX } from '../leaf/resources/resource.js';
import type { LeafFile } from './resources/files.js';
import type { LeafSummary } from './summaries.js';
import { LeafHttpError } from './errors.js';
import { Random } from './random.js';
import type { EmulatorStore } from './store.js';

/** Points of the one large file seeded at the `large` scale. */
export const LARGE_POINT_COUNT = 500_000;

const POINTS_PATH = new RegExp(`^${OPERATIONS_PREFIX}/files/([^/]+)/standardGeojson$`);

/** Where the emulator serves a file's points: on its own origin, as Leaf's API does. */
export function pointsUrl(origin: string, fileId: string): string {
  return `${origin}${OPERATIONS_PREFIX}/files/${encodeURIComponent(fileId)}/standardGeojson`;
}

/** Points every processed file to its points on `origin` (records are replaced, not mutated). */
export function assignPointsUrls(store: EmulatorStore, origin: string): void {
  for (const [id, file] of store.files) {
    if (file.summary && typeof file.downloadStandardGeojson === 'string') {
      store.files.set(id, { ...file, downloadStandardGeojson: pointsUrl(origin, id) });
    }
  }
}

function hashOf(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) hash = Math.imul(hash ^ text.charCodeAt(index), 0x01000193);
  return hash >>> 0;
}

/** How many points a file has: its override (the large file), else 150 to 1,349 from its id. */
export function pointCountOf(store: EmulatorStore, file: LeafFile): number {
  return store.pointCounts.get(file.id) ?? 150 + (hashOf(file.id) % 1200);
}

type Json = Record<string, unknown>;

function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function range(summary: LeafSummary, key: string, fallback: [number, number]): [number, number] {
  const value = summary.properties[key];
  if (isRecord(value) && typeof value.min === 'number' && typeof value.max === 'number') return [value.min, value.max];
  return fallback;
}

function total(summary: LeafSummary, key: string): number {
  const value = summary.properties[key];
  return isRecord(value) && typeof value.value === 'number' ? value.value : 0;
}

function names(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (!Array.isArray(value)) return [];
  return value.flatMap((item) => (typeof item === 'string' ? [item] : isRecord(item) && typeof item.name === 'string' ? [item.name] : []));
}

function round(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}

/** What every point of a file shares, worked out once per file rather than once per point. */
interface Plan {
  summary: LeafSummary;
  type: string;
  count: number;
  seed: number;
  start: number;
  span: number;
  box: { xMin: number; xMax: number; yMin: number; yMax: number };
  rows: number;
  crop: string | null;
  /** Varieties when the operation type names one per pass, else empty. */
  varieties: string[];
  machinery: string[];
  area: number;
  distance: number;
  /** Each reading's [min, max] from the summary (or its fallback), by property. */
  ranges: Map<string, [number, number]>;
  products: { name: unknown; rate: number }[];
  tillType: string[];
}

function planOf(file: LeafFile, summary: LeafSummary, count: number): Plan {
  const coordinates = JSON.stringify(summary.geometry?.coordinates ?? []).match(/-?\d+(?:\.\d+)?(?:e-?\d+)?/g) ?? [];
  const numbers = coordinates.map(Number);
  const xs = numbers.filter((_, index) => index % 2 === 0);
  const ys = numbers.filter((_, index) => index % 2 === 1);
  const box = xs.length > 0
    ? { xMin: Math.min(...xs), xMax: Math.max(...xs), yMin: Math.min(...ys), yMax: Math.max(...ys) }
    : { xMin: -93.16, xMax: -93.14, yMin: 41.66, yMax: 41.68 };
  const start = Date.parse(String(summary.properties.startTime ?? '2024-01-01T00:00:00Z'));
  const end = Date.parse(String(summary.properties.endTime ?? summary.properties.startTime ?? '2024-01-01T01:00:00Z'));
  const type = String(summary.properties.operationType);
  const products = Array.isArray(summary.properties.products) ? summary.properties.products.filter(isRecord) : [];
  return {
    summary,
    type,
    count,
    seed: hashOf(file.id),
    start,
    span: Math.max(0, end - start),
    box,
    rows: Math.max(1, Math.ceil(Math.sqrt(count))),
    crop: names(summary.properties.crop)[0] ?? null,
    varieties: type === 'harvested' || type === 'planted' ? names(summary.properties.varieties) : [],
    machinery: names(summary.properties.machinery),
    area: round(total(summary, 'totalArea') / count, 4),
    distance: round(total(summary, 'totalDistance') / count, 4),
    ranges: new Map(),
    products: products.map((product) => ({
      name: product.name,
      rate: isRecord(product.rate) && typeof product.rate.value === 'number' ? product.rate.value : 1,
    })),
    tillType: names(summary.properties.tillType),
  };
}

/** The summary's [min, max] of `key` (else `fallback`), looked up once per file. */
function rangeOf(plan: Plan, key: string, fallback: [number, number]): [number, number] {
  let found = plan.ranges.get(key);
  if (!found) plan.ranges.set(key, (found = range(plan.summary, key, fallback)));
  return found;
}

/** Point `index` of a file: a pure function of the plan and the index. */
export function pointAt(plan: Plan, index: number): Json {
  const rng = new Random((plan.seed + Math.imul(index + 1, 0x9e3779b1)) >>> 0);
  const { count, box, rows, type } = plan;
  const row = Math.floor(index / rows);
  const column = row % 2 === 0 ? index % rows : rows - 1 - (index % rows);
  const lon = box.xMin + ((box.xMax - box.xMin) * (column + 0.5)) / rows;
  const lat = box.yMin + ((box.yMax - box.yMin) * (row + 0.5)) / rows;
  const between = (key: string, fallback: [number, number], decimals = 2): number => {
    const [low, high] = rangeOf(plan, key, fallback);
    return rng.round(low, high, decimals);
  };
  // Properties are set in Leaf's documented order; readings draw from the generator in a fixed
  // order, so a point's values never change.
  const properties: Json = {
    timestamp: new Date(plan.start + (count > 1 ? Math.round((plan.span * index) / (count - 1)) : 0)).toISOString(),
    operationType: type,
  };
  if (plan.crop !== null) properties.crop = plan.crop;
  if (plan.varieties.length > 0) properties.variety = plan.varieties[row % plan.varieties.length];
  properties.area = plan.area;
  properties.distance = plan.distance;
  properties.heading = row % 2 === 0 ? rng.round(88, 92, 1) : rng.round(268, 272, 1);
  properties.speed = between('speed', [3, 6]);
  properties.elevation = between('elevation', [150, 160], 1);
  properties.equipmentWidth = 30;
  switch (type) {
    case 'harvested': {
      const wetMass = between('wetMass', [0.5, 8]);
      const dryMass = round(Math.min(wetMass, between('dryMass', [0.5, 8])), 2);
      properties.harvestMoisture = between('harvestMoisture', [12, 22], 1);
      properties.wetMass = wetMass;
      properties.wetVolume = between('wetVolume', [0.01, 0.15], 3);
      properties.wetMassPerArea = between('wetMassPerArea', [8000, 12000]);
      properties.wetVolumePerArea = between('wetVolumePerArea', [150, 240]);
      properties.dryMass = dryMass;
      properties.dryVolume = between('dryVolume', [0.01, 0.15], 3);
      properties.dryMassPerArea = between('dryMassPerArea', [7500, 11500]);
      properties.dryVolumePerArea = between('dryVolumePerArea', [140, 230]);
      break;
    }
    case 'planted': {
      const [target] = rangeOf(plan, 'seedRateTarget', [34000, 34000]);
      properties.seedRate = Math.round(between('seedRate', [target * 0.95, target * 1.05], 0));
      properties.seedRateTarget = Math.round(target);
      properties.seedDepth = between('seedDepth', [1.5, 2.5]);
      properties.downForce = between('downForce', [80, 140], 1);
      properties.singulation = between('singulation', [97, 99.9], 1);
      properties.skips = rng.round(0, 1.5);
      properties.doubles = rng.round(0, 1.5);
      break;
    }
    case 'applied': {
      const [target] = rangeOf(plan, 'appliedRateTarget', [15, 15]);
      properties.appliedRate = between('appliedRate', [target * 0.9, target * 1.1]);
      properties.appliedRateTarget = target;
      properties.products = plan.products.map(({ name, rate }) => ({ name, rate: { value: round(rate * rng.float(0.95, 1.05), 2) } }));
      break;
    }
    case 'tillage': {
      properties.tillageDepthTarget = rangeOf(plan, 'tillageDepthTarget', [5, 5])[0];
      properties.tillType = plan.tillType.slice();
      break;
    }
    default:
      if (type === 'irrigated') properties.irrigationRate = between('irrigationRate', [0.1, 0.5], 3);
  }
  // Headland turns: the machine lifts at the ends of a pass, and now and then mid-pass.
  const atHeadland = column === 0 || column === rows - 1;
  properties.recordingStatus = atHeadland || rng.chance(0.03) ? 'Off' : 'On';
  properties.sectionId = index % 4;
  properties.machinery = plan.machinery.slice(0, 1);
  return {
    type: 'Feature',
    geometry: { type: 'Point', coordinates: [round(lon + rng.float(-2e-6, 2e-6), 7), round(lat + rng.float(-2e-6, 2e-6), 7)] },
    properties,
  };
}

/** The points of a processed file, generated on demand (for tests comparing with the gateway). */
export function pointsOf(store: EmulatorStore, file: LeafFile): { count: number; at(index: number): Json } {
  if (!file.summary) throw new Error(`file ${file.id} has no summary, so no points`);
  const count = pointCountOf(store, file);
  const plan = planOf(file, file.summary, count);
  return { count, at: (index) => pointAt(plan, index) };
}

/** The file a points request names, checked like `GET /files/{id}`; null for other paths. */
export function pointsRequestFile(store: EmulatorStore, pathname: string, owned: readonly string[] | undefined): LeafFile | null {
  const match = POINTS_PATH.exec(pathname);
  if (!match) return null;
  if (owned === undefined) throw new LeafHttpError(401, 'Invalid or expired token');
  const id = decodeURIComponent(match[1] ?? '');
  const file = store.files.get(id);
  if (!file) throw new LeafHttpError(404, `File ${id} not found`);
  if (!file.leafUserId || !owned.includes(file.leafUserId)) throw new LeafHttpError(403, `Access to file ${id} is denied`);
  if (!file.summary) throw new LeafHttpError(404, `File ${id} has no standard GeoJSON yet`);
  return file;
}

const BATCH = 256;

/** Streams the FeatureCollection, honouring backpressure, until done or the client hangs up. */
export async function streamPoints(store: EmulatorStore, file: LeafFile, response: ServerResponse): Promise<void> {
  const { count, at } = pointsOf(store, file);
  response.writeHead(200, { 'content-type': 'application/geo+json' });
  let closed = false;
  response.once('close', () => {
    closed = true;
  });
  const write = (text: string): Promise<void> | null =>
    response.write(text) ? null : new Promise((resolve) => {
      const done = (): void => {
        response.off('drain', done);
        response.off('close', done);
        resolve();
      };
      response.once('drain', done);
      response.once('close', done);
    });
  let pending = write('{"type":"FeatureCollection","features":[');
  for (let index = 0; index < count && !closed; index += BATCH) {
    // The next batch is made while the client reads the last one, then written once it has.
    const parts: string[] = [];
    for (let item = index; item < Math.min(count, index + BATCH); item++) parts.push(JSON.stringify(at(item)));
    if (pending) await pending;
    if (closed) break;
    pending = write((index === 0 ? '' : ',') + parts.join(','));
  }
  if (pending) await pending;
  if (!closed) response.end(']}');
}
