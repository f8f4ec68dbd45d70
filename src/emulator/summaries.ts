// Operation summaries (GeoJSON Features) shaped like the 003 reference, one builder per
// operation type, and the merge Leaf performs for a field operation's summary.
import type { LeafMeasurement, LeafStats } from '../leaf/types.js';
import type { Random } from './random.js';

/** A GeoJSON Feature whose properties depend on `operationType` (003 reference). */
export type LeafSummary = {
  type: 'Feature';
  properties: { operationType: string; [property: string]: unknown };
  geometry: { type: string; coordinates: unknown } | null;
};

/** The four documented types, plus two the gateway must treat as "other". */
export const OPERATION_TYPES = ['harvested', 'planted', 'applied', 'tillage', 'irrigated', 'other'] as const;
export type OperationType = (typeof OPERATION_TYPES)[number];

export interface MultiPolygon {
  type: 'MultiPolygon';
  coordinates: number[][][][];
}

export interface SummaryInput {
  type: OperationType;
  startTime: string;
  endTime: string;
  geometry: MultiPolygon;
  /** Adds a property Leaf does not document, to prove clients tolerate unknown ones. */
  undocumentedExtra: boolean;
}

type Properties = LeafSummary['properties'];

const SQUARE_METRES_PER_ACRE = 4046.8564224;

const CROPS = {
  corn: { varieties: ['Pioneer P1185', 'DKC62-08', 'Channel 213-19'], yield: [150, 240], testWeight: 56, dryMoisture: 15.5 },
  soybeans: { varieties: ['Asgrow AG36X6', 'P22T69E', 'NK S24-K2'], yield: [45, 72], testWeight: 60, dryMoisture: 13 },
  wheat: { varieties: ['WB4792', 'SY Wolverine'], yield: [55, 95], testWeight: 60, dryMoisture: 13.5 },
} as const;
type Crop = keyof typeof CROPS;
const CROP_NAMES = Object.keys(CROPS) as Crop[];

const MACHINES = [
  { name: 'Case IH X010 Series 7010', brand: 'Case IH' },
  { name: 'John Deere S780', brand: 'John Deere' },
  { name: 'John Deere R Series R4030', brand: 'John Deere' },
  { name: 'Challenger 745 Tractor', brand: 'Challenger' },
  { name: 'New Holland T8.410', brand: 'New Holland' },
  { name: 'Fendt 1050 Vario', brand: 'Fendt' },
] as const;

const IMPLEMENTS_BY_TYPE: Record<OperationType, readonly string[]> = {
  harvested: ['Case IH Corn Head 15ft 6row', 'John Deere 740FD Draper'],
  planted: ["Kinze 40.0' 16 Row Planter", 'John Deere DB60 Planter'],
  applied: ['Sprayer', 'Hagie STS16 Boom'],
  tillage: ['Great Plains Turbo-Max', 'Case IH Ecolo-Tiger 875'],
  irrigated: ['Valley 8000 Center Pivot'],
  other: ['Vermeer 605N Baler'],
};

function measurement(value: number, unit: string): LeafMeasurement {
  return { value: round(value), unit };
}

function stats(rng: Random, low: number, high: number, unit: string, decimals = 2): LeafStats {
  const min = rng.round(low, low + (high - low) * 0.3, decimals);
  const max = rng.round(low + (high - low) * 0.7, high, decimals);
  const avg = rng.round(min + (max - min) * 0.35, min + (max - min) * 0.65, decimals);
  return { avg, min, max, unit };
}

function round(value: number, decimals = 2): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}

function machinery(rng: Random, type: OperationType): Record<string, string>[] {
  const machine = rng.pick(MACHINES);
  return [
    { name: machine.name, type: 'machine', serialNumber: rng.code(7, '0123456789'), brand: machine.brand },
    { name: rng.pick(IMPLEMENTS_BY_TYPE[type]), type: 'implement', brand: rng.chance(0.3) ? 'unknown' : machine.brand },
  ];
}

/** Properties every type shares; optional ones are left out now and then, as Leaf does. */
function common(rng: Random, input: SummaryInput, areaM2: number): Properties {
  const properties: Properties = {
    operationType: input.type,
    startTime: input.startTime,
    endTime: input.endTime,
    totalArea: measurement(areaM2, 'm2'),
    totalDistance: measurement(areaM2 / rng.float(3, 6), 'ft'),
    elevation: stats(rng, 140, 1000, 'ft'),
  };
  if (rng.chance(0.9)) properties['speed'] = stats(rng, 0.5, 12.5, 'mi/hr');
  return properties;
}

function finish(rng: Random, input: SummaryInput, properties: Properties, original: string, description: string): LeafSummary {
  if (rng.chance(0.85)) properties['machinery'] = machinery(rng, input.type);
  if (rng.chance(0.8)) properties['totalFuelUsed'] = measurement(rng.float(8, 260), 'gal');
  properties['originalOperationType'] = original;
  if (rng.chance(0.6)) properties['operationDescription'] = description;
  if (input.undocumentedExtra) properties['leafInternalScore'] = rng.int(1, 5);
  return { type: 'Feature', properties, geometry: input.geometry };
}

function harvested(rng: Random, input: SummaryInput): LeafSummary {
  const crop = rng.pick(CROP_NAMES);
  const facts = CROPS[crop];
  const area = rng.round(20_000, 250_000);
  const acres = area / SQUARE_METRES_PER_ACRE;
  const wetVolume = acres * rng.float(facts.yield[0], facts.yield[1]);
  const moisture = stats(rng, 11, 24, 'percentage');
  const moistureAvg = moisture.avg ?? facts.dryMoisture;
  const dryFactor = (100 - moistureAvg) / (100 - facts.dryMoisture);
  const dryVolume = wetVolume * Math.min(dryFactor, 1);
  const wetMass = wetVolume * facts.testWeight;
  const dryMass = dryVolume * facts.testWeight;
  const varietyNames = rng.sample(facts.varieties, rng.int(1, 2));
  const share = varietyNames.length === 1 ? [1] : [0.6, 0.4];
  const properties = common(rng, input, area);
  Object.assign(properties, {
    crop: [crop],
    harvestMoisture: moisture,
    wetMass: stats(rng, 0.01, 12, 'lb'),
    totalWetMass: measurement(wetMass, 'lb'),
    wetMassPerArea: stats(rng, 80, 40_000, 'lb/ac'),
    dryMass: stats(rng, 0.01, 11, 'lb'),
    totalDryMass: measurement(dryMass, 'lb'),
    dryMassPerArea: stats(rng, 75, 38_000, 'lb/ac'),
    wetVolume: stats(rng, 0.001, 0.2, 'bu', 3),
    totalWetVolume: measurement(wetVolume, 'bu'),
    wetVolumePerArea: stats(rng, 1.5, 720, 'bu/ac'),
    dryVolume: stats(rng, 0.001, 0.19, 'bu', 3),
    totalDryVolume: measurement(dryVolume, 'bu'),
    dryVolumePerArea: stats(rng, 1.4, 690, 'bu/ac'),
  });
  if (rng.chance(0.9)) {
    properties['varieties'] = varietyNames.map((name, index) => {
      const part = share[index] ?? 1;
      return {
        name,
        harvestMoisture: stats(rng, 11, 24, 'percentage'),
        wetMass: measurement(wetMass * part, 'lb'),
        dryMass: measurement(dryMass * part, 'lb'),
        wetVolume: measurement(wetVolume * part, 'bu'),
        dryVolume: measurement(dryVolume * part, 'bu'),
        area: measurement(area * part, 'm2'),
      };
    });
  }
  return finish(rng, input, properties, 'Harvesting', rng.pick(['Harvest', 'Grain harvest', 'Second pass']));
}

function planted(rng: Random, input: SummaryInput): LeafSummary {
  const crop = rng.pick(CROP_NAMES);
  const area = rng.round(5_000, 200_000);
  const acres = area / SQUARE_METRES_PER_ACRE;
  const target = crop === 'corn' ? rng.int(30, 36) * 1000 : crop === 'soybeans' ? rng.int(120, 160) * 1000 : rng.int(1100, 1400) * 1000;
  const seedRate: LeafStats = {
    avg: round(target * rng.float(0.98, 1.02)),
    min: round(target * rng.float(0.9, 0.97)),
    max: round(target * rng.float(1.05, 1.4)),
    unit: 'seeds/ac',
  };
  const totalPlanted = Math.round(acres * (seedRate.avg ?? target));
  const varietyNames = rng.sample(CROPS[crop].varieties, rng.int(1, 2));
  const share = varietyNames.length === 1 ? [1] : [0.55, 0.45];
  const properties = common(rng, input, area);
  Object.assign(properties, {
    crop: [crop],
    seedRate,
    seedRateTarget: { avg: target, min: target, max: target, unit: 'seeds/ac' },
    totalPlanted: measurement(totalPlanted, 'seeds'),
    singulation: stats(rng, 97.5, 99.9, 'prcnt'),
    downForce: stats(rng, 2, 140, 'lbf'),
  });
  if (rng.chance(0.7)) properties['seedDepth'] = stats(rng, 1.2, 2.8, 'in');
  properties['varieties'] = varietyNames.map((name, index) => {
    const part = share[index] ?? 1;
    return {
      name,
      rate: {
        ...seedRate,
        minTarget: target - 1000,
        maxTarget: target + 1000,
        avgTarget: round(target * rng.float(0.995, 1.005)),
      },
      area: measurement(area * part, 'm2'),
      totalPlanted: measurement(Math.round(totalPlanted * part), 'seeds'),
    };
  });
  return finish(rng, input, properties, 'SowingAndPlanting', rng.pick(['Planting', 'Replant', 'Spring planting']));
}

const PRODUCTS = [
  { name: 'Fastac EC', unit: 'floz', rate: [2, 4] },
  { name: 'Roundup PowerMAX', unit: 'floz', rate: [20, 32] },
  { name: 'UAN 32%', unit: 'gal', rate: [10, 25] },
  { name: 'Atrazine 4L', unit: 'qt', rate: [1, 2] },
] as const;

function applied(rng: Random, input: SummaryInput): LeafSummary {
  const area = rng.round(15_000, 300_000);
  const acres = area / SQUARE_METRES_PER_ACRE;
  const carrierRate = rng.pick([10, 12, 15, 20]);
  const components = rng.sample(PRODUCTS, rng.int(1, 2));
  const tankMix = components.length > 1 || rng.chance(0.3);
  const products = components.map((product): Record<string, unknown> => {
    const rate = rng.round(product.rate[0], product.rate[1], 1);
    return {
      name: product.name,
      type: 'Component',
      rate: { unit: `${product.unit}/ac`, value: rate },
      totalApplied: measurement(rate * acres, product.unit),
      area: measurement(area, 'm2'),
    };
  });
  if (tankMix) {
    products.push({
      name: 'Water',
      type: 'Carrier',
      rate: { unit: 'gal/ac', value: carrierRate },
      totalApplied: measurement(carrierRate * acres, 'gal'),
      area: measurement(area, 'm2'),
    });
  }
  const properties = common(rng, input, area);
  Object.assign(properties, {
    crop: rng.chance(0.5) ? [] : [rng.pick(CROP_NAMES)],
    appliedRate: stats(rng, 0.2, carrierRate * 4, 'gal/ac'),
    appliedRateTarget: { avg: carrierRate, min: carrierRate, max: carrierRate, unit: 'gal/ac' },
    totalApplied: measurement(carrierRate * acres * rng.float(0.95, 1.05), 'gal'),
    tankMix,
    products,
  });
  return finish(rng, input, properties, 'CropProtection', rng.pick(['Pre-Emerge', 'Post-Emerge', 'Side-dress N']));
}

function tillage(rng: Random, input: SummaryInput): LeafSummary {
  const area = rng.round(30_000, 300_000);
  const depth = rng.pick([4, 5, 6, 8]);
  const properties = common(rng, input, area);
  Object.assign(properties, {
    tillType: rng.sample(['Closing Disk', 'Chisel Plow', 'Field Cultivator', 'Vertical Tillage'], rng.int(1, 2)),
    tillageDepthActual: stats(rng, depth - 1.5, depth + 1, 'in'),
    tillageDepthTarget: { avg: depth, min: depth, max: depth, unit: 'in' },
  });
  return finish(rng, input, properties, 'Tillage', rng.pick(['Fall tillage', 'Spring pass']));
}

function irrigated(rng: Random, input: SummaryInput): LeafSummary {
  const area = rng.round(100_000, 500_000);
  const properties = common(rng, input, area);
  Object.assign(properties, {
    totalWaterApplied: measurement(rng.float(0.3, 2.5), 'in'),
    irrigationRate: stats(rng, 0.05, 0.6, 'in/hr', 3),
    waterSource: rng.pick(['Well', 'River', 'Reservoir']),
  });
  return finish(rng, input, properties, 'Irrigation', 'Pivot irrigation');
}

function other(rng: Random, input: SummaryInput): LeafSummary {
  const area = rng.round(10_000, 200_000);
  const properties = common(rng, input, area);
  const original = rng.pick(['Baling', 'Scouting', 'Mowing']);
  Object.assign(properties, { workedArea: measurement(area * rng.float(0.8, 1), 'm2') });
  if (original === 'Baling') properties['baleCount'] = rng.int(80, 600);
  return finish(rng, input, properties, original, original);
}

const BUILDERS: Record<OperationType, (rng: Random, input: SummaryInput) => LeafSummary> = {
  harvested,
  planted,
  applied,
  tillage,
  irrigated,
  other,
};

export function buildSummary(rng: Random, input: SummaryInput): LeafSummary {
  return BUILDERS[input.type](rng, input);
}

type Json = unknown;

function isRecord(value: Json): value is Record<string, Json> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isMeasurement(value: Json): value is LeafMeasurement {
  return isRecord(value) && typeof value['value'] === 'number' && typeof value['unit'] === 'string';
}

function isStats(value: Json): value is Record<string, Json> {
  return isRecord(value) && typeof value['avg'] === 'number' && 'min' in value && 'max' in value;
}

/** Merges one property across files: totals add up, statistics widen, lists join by name. */
function mergeValues(key: string, values: Json[]): Json {
  const first = values[0];
  if (values.length === 1) return first;
  if (key === 'startTime') return values.filter((v): v is string => typeof v === 'string').sort()[0] ?? null;
  if (key === 'endTime') return values.filter((v): v is string => typeof v === 'string').sort().at(-1) ?? null;
  if (values.every(isMeasurement)) {
    const unit = values[0]?.unit;
    if (!values.every((v) => v.unit === unit)) return first;
    const total = values.reduce((sum, v) => sum + v.value, 0);
    // A rate averages across files; anything else is a total.
    return { value: round(key === 'rate' ? total / values.length : total), unit };
  }
  if (values.every(isStats)) {
    const merged: Record<string, Json> = {};
    for (const statKey of Object.keys(values[0] ?? {})) {
      const numbers = values.map((v) => v[statKey]).filter((v): v is number => typeof v === 'number');
      if (numbers.length === 0) merged[statKey] = values[0]?.[statKey];
      else if (statKey.startsWith('min')) merged[statKey] = Math.min(...numbers);
      else if (statKey.startsWith('max')) merged[statKey] = Math.max(...numbers);
      else merged[statKey] = round(numbers.reduce((a, b) => a + b, 0) / numbers.length);
    }
    return merged;
  }
  if (values.every((v) => Array.isArray(v))) {
    const items = (values as Json[][]).flat();
    if (items.every((item) => typeof item === 'string')) return [...new Set(items)];
    if (items.every((item) => isRecord(item) && typeof item['name'] === 'string')) {
      const byName = new Map<string, Record<string, Json>[]>();
      for (const item of items as Record<string, Json>[]) {
        const name = item['name'] as string;
        byName.set(name, [...(byName.get(name) ?? []), item]);
      }
      return [...byName.values()].map((group) => mergeObjects(group));
    }
    return items;
  }
  if (values.every((v) => typeof v === 'boolean')) return values.some(Boolean);
  if (values.every((v) => typeof v === 'number')) return values.reduce((a: number, b) => a + (b as number), 0);
  return first;
}

function mergeObjects(objects: Record<string, Json>[]): Record<string, Json> {
  const keys = new Set(objects.flatMap((object) => Object.keys(object)));
  const merged: Record<string, Json> = {};
  for (const key of keys) {
    const values = objects.map((object) => object[key]).filter((value) => value !== undefined);
    merged[key] = mergeValues(key, values);
  }
  return merged;
}

/** An operation's summary: the same shape as its files' summaries, over their merged data. */
export function mergeSummaries(summaries: LeafSummary[]): LeafSummary {
  const first = summaries[0];
  if (!first) throw new Error('mergeSummaries needs at least one summary');
  const properties = mergeObjects(summaries.map((summary) => summary.properties)) as Properties;
  properties.operationType = first.properties.operationType;
  const polygons = new Map<string, unknown>();
  for (const summary of summaries) {
    const geometry = summary.geometry;
    if (geometry?.type !== 'MultiPolygon' || !Array.isArray(geometry.coordinates)) continue;
    for (const polygon of geometry.coordinates as unknown[]) polygons.set(JSON.stringify(polygon), polygon);
  }
  return {
    type: 'Feature',
    properties,
    geometry: polygons.size > 0 ? { type: 'MultiPolygon', coordinates: [...polygons.values()] } : first.geometry,
  };
}
