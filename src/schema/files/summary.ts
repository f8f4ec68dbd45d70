// OperationSummary: Leaf's summary Feature (003 reference), typed by operationType.
// Fields keep Leaf's property names; every summary also exposes Leaf's whole `properties`
// object, so a property Leaf adds later is readable without a release. A property present
// with a value of the wrong type is UPSTREAM_ERROR on its field alone.
import { instantSchema, Unreadable, type SummaryValue } from '../../leaf/readers.js';
import { builder } from '../builder.js';
import { measurementField, statsField } from '../measurement.js';
import { isGeometry } from './geojson.js';

type JsonRecord = Record<string, unknown>;

function isRecord(value: unknown): value is JsonRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A list of strings; a lone string (as point data sends `crop`) is a list of one. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

/** The objects of a list; a lone object is a list of one, anything else is dropped. */
function records(value: unknown): JsonRecord[] {
  if (isRecord(value)) return [value];
  return Array.isArray(value) ? value.filter(isRecord) : [];
}

function text(record: JsonRecord, key: string): string | null {
  const value = record[key];
  if (value === null || value === undefined) return null;
  if (typeof value !== 'string') throw new Unreadable(key, 'a string');
  return value;
}

function instant(record: JsonRecord, key: string): string | null {
  const value = text(record, key);
  if (value !== null && !instantSchema.safeParse(value).success) throw new Unreadable(key, 'an RFC 3339 timestamp');
  return value;
}

const prop =
  (key: string) =>
  (summary: SummaryValue): unknown =>
    summary.properties[key];

const field =
  (key: string) =>
  (record: JsonRecord): unknown =>
    record[key];

const MachineryRef = builder.objectRef<JsonRecord>('Machinery').implement({
  description: 'A machine or implement that took part in the operation, as named in the file.',
  fields: (t) => ({
    name: t.string({ description: 'Name, e.g. "Case IH X010 Series 7010".', resolve: (m) => text(m, 'name') }),
    type: t.string({ description: '"machine" or "implement".', resolve: (m) => text(m, 'type') }),
    serialNumber: t.string({ description: 'Serial number, when the file carries one.', resolve: (m) => text(m, 'serialNumber') }),
    brand: t.string({ description: 'Brand, e.g. "John Deere"; "unknown" when the file does not say.', resolve: (m) => text(m, 'brand') }),
  }),
});

export const OperationSummaryRef = builder.interfaceRef<SummaryValue>('OperationSummary').implement({
  description:
    "What happened in an operation, from Leaf's summary of a file or field operation. The concrete type follows `operationType`: HarvestedSummary, PlantedSummary, AppliedSummary, TillageSummary, or OtherSummary for any other type.",
  resolveType: (summary) => {
    switch (summary.properties.operationType.toLowerCase()) {
      case 'harvested':
        return 'HarvestedSummary';
      case 'planted':
        return 'PlantedSummary';
      case 'applied':
        return 'AppliedSummary';
      case 'tillage':
        return 'TillageSummary';
      default:
        return 'OtherSummary';
    }
  },
  fields: (t) => ({
    operationType: t.string({
      nullable: false,
      description: 'Leaf\'s normalized operation type: "harvested", "planted", "applied", "tillage", or another Leaf sends.',
      resolve: (summary) => summary.properties.operationType,
    }),
    startTime: t.field({ type: 'DateTime', description: 'When the operation started.', resolve: (s) => instant(s.properties, 'startTime') }),
    endTime: t.field({ type: 'DateTime', description: 'When the operation ended.', resolve: (s) => instant(s.properties, 'endTime') }),
    crops: t.stringList({ nullable: false, description: 'Crops worked (Leaf\'s `crop`), normalized names; empty when none.', resolve: (s) => strings(s.properties.crop) }),
    totalArea: t.field(measurementField('Area covered.', prop('totalArea'))),
    totalDistance: t.field(measurementField('Distance travelled.', prop('totalDistance'))),
    elevation: t.field(statsField('Elevation over the covered points.', prop('elevation'))),
    speed: t.field(statsField('Speed over the covered points.', prop('speed'))),
    totalFuelUsed: t.field(measurementField('Fuel consumed.', prop('totalFuelUsed'))),
    machinery: t.field({
      type: [MachineryRef],
      nullable: false,
      description: 'Machines and implements in the operation; empty when the file names none.',
      resolve: (s) => records(s.properties.machinery),
    }),
    originalOperationType: t.string({
      description: 'The operation type as the source data named it, e.g. "Harvesting", "CropProtection".',
      resolve: (s) => text(s.properties, 'originalOperationType'),
    }),
    operationDescription: t.string({ description: 'Description from the source data.', resolve: (s) => text(s.properties, 'operationDescription') }),
    properties: t.field({
      type: 'JSONObject',
      nullable: false,
      description: "All of the summary's properties, exactly as Leaf sent them, including any Leaf adds after this API was written.",
      resolve: (s) => s.properties,
    }),
    geometry: t.field({
      type: 'JSONObject',
      description: 'The covered area as a GeoJSON geometry object (RFC 7946), usually a MultiPolygon; checked before it is sent.',
      resolve: (summary) => {
        if (summary.geometry === null || summary.geometry === undefined) return null;
        if (!isGeometry(summary.geometry)) throw new Unreadable('summary geometry', 'a GeoJSON geometry');
        return summary.geometry;
      },
    }),
  }),
});

const HarvestedVarietyRef = builder.objectRef<JsonRecord>('HarvestedVariety').implement({
  description: 'One variety of a harvest: its share of the totals.',
  fields: (t) => ({
    name: t.string({ description: 'Variety name.', resolve: (v) => text(v, 'name') }),
    harvestMoisture: t.field(statsField('Grain moisture (percentage).', field('harvestMoisture'))),
    wetMass: t.field(measurementField('Wet mass harvested.', field('wetMass'))),
    dryMass: t.field(measurementField('Dry mass harvested.', field('dryMass'))),
    wetVolume: t.field(measurementField('Wet volume harvested.', field('wetVolume'))),
    dryVolume: t.field(measurementField('Dry volume harvested.', field('dryVolume'))),
    area: t.field(measurementField('Area harvested.', field('area'))),
  }),
});

builder.objectRef<SummaryValue>('HarvestedSummary').implement({
  description: 'A harvest (`operationType: "harvested"`). Leaf fills in dry or wet yields it can derive from moisture.',
  interfaces: [OperationSummaryRef],
  fields: (t) => ({
    harvestMoisture: t.field(statsField('Grain moisture (percentage).', prop('harvestMoisture'))),
    wetMass: t.field(statsField('Wet mass per point.', prop('wetMass'))),
    totalWetMass: t.field(measurementField('Total wet mass.', prop('totalWetMass'))),
    wetMassPerArea: t.field(statsField('Wet mass per area (yield), e.g. lb/ac.', prop('wetMassPerArea'))),
    dryMass: t.field(statsField('Dry mass per point.', prop('dryMass'))),
    totalDryMass: t.field(measurementField('Total dry mass.', prop('totalDryMass'))),
    dryMassPerArea: t.field(statsField('Dry mass per area (yield), e.g. lb/ac.', prop('dryMassPerArea'))),
    wetVolume: t.field(statsField('Wet volume per point; not available for sugarcane.', prop('wetVolume'))),
    totalWetVolume: t.field(measurementField('Total wet volume; not available for sugarcane.', prop('totalWetVolume'))),
    wetVolumePerArea: t.field(statsField('Wet volume per area, e.g. bu/ac.', prop('wetVolumePerArea'))),
    dryVolume: t.field(statsField('Dry volume per point; not available for sugarcane.', prop('dryVolume'))),
    totalDryVolume: t.field(measurementField('Total dry volume, e.g. in bu; not available for sugarcane.', prop('totalDryVolume'))),
    dryVolumePerArea: t.field(statsField('Dry volume per area, e.g. bu/ac.', prop('dryVolumePerArea'))),
    varieties: t.field({
      type: [HarvestedVarietyRef],
      nullable: false,
      description: 'Per-variety breakdown; empty when the file has none.',
      resolve: (s) => records(s.properties.varieties),
    }),
  }),
});

const PlantedVarietyRef = builder.objectRef<JsonRecord>('PlantedVariety').implement({
  description: 'One variety of a planting: its seed rate, area and seed count.',
  fields: (t) => ({
    name: t.string({ description: 'Variety name.', resolve: (v) => text(v, 'name') }),
    rate: t.field(statsField('Seed rate achieved, e.g. seeds/ac.', field('rate'))),
    rateTarget: t.field(statsField('Seed rate aimed for (Leaf\'s avgTarget, minTarget, maxTarget), in the unit of `rate`.', (v: JsonRecord) => {
      const rate = v.rate;
      if (!isRecord(rate) || !['avgTarget', 'minTarget', 'maxTarget'].some((key) => key in rate)) return null;
      return { avg: rate.avgTarget, min: rate.minTarget, max: rate.maxTarget, unit: rate.unit };
    })),
    area: t.field(measurementField('Area planted.', field('area'))),
    totalPlanted: t.field(measurementField('Seeds planted.', field('totalPlanted'))),
  }),
});

builder.objectRef<SummaryValue>('PlantedSummary').implement({
  description: 'A planting (`operationType: "planted"`).',
  interfaces: [OperationSummaryRef],
  fields: (t) => ({
    seedRate: t.field(statsField('Seeds per area, e.g. seeds/ac.', prop('seedRate'))),
    seedRateTarget: t.field(statsField('Target seeds per area.', prop('seedRateTarget'))),
    seedDepth: t.field(statsField('Planting depth.', prop('seedDepth'))),
    totalPlanted: t.field(measurementField('Seeds planted in all.', prop('totalPlanted'))),
    singulation: t.field(statsField('Meter performance (percentage).', prop('singulation'))),
    downForce: t.field(statsField('Down force reading, e.g. lbf.', prop('downForce'))),
    varieties: t.field({
      type: [PlantedVarietyRef],
      nullable: false,
      description: 'Per-variety breakdown; empty when the file has none.',
      resolve: (s) => records(s.properties.varieties),
    }),
  }),
});

const AppliedProductRef = builder.objectRef<JsonRecord>('AppliedProduct').implement({
  description: 'One product of an application: a component of the mix or its carrier.',
  fields: (t) => ({
    name: t.string({ description: 'Product name, e.g. "Fastac EC".', resolve: (p) => text(p, 'name') }),
    type: t.string({ description: '"Component" or "Carrier".', resolve: (p) => text(p, 'type') }),
    rate: t.field(measurementField('Rate applied, e.g. floz/ac.', field('rate'))),
    totalApplied: t.field(measurementField('Amount of this product applied.', field('totalApplied'))),
    area: t.field(measurementField('Area this product covered.', field('area'))),
  }),
});

builder.objectRef<SummaryValue>('AppliedSummary').implement({
  description: 'An application of products: spraying, fertilizing (`operationType: "applied"`).',
  interfaces: [OperationSummaryRef],
  fields: (t) => ({
    appliedRate: t.field(statsField('Rate applied, e.g. gal/ac.', prop('appliedRate'))),
    appliedRateTarget: t.field(statsField('Target rate.', prop('appliedRateTarget'))),
    totalApplied: t.field(measurementField('Total product applied.', prop('totalApplied'))),
    tankMix: t.boolean({
      description: 'Whether a tank mix was used.',
      resolve: (s) => (typeof s.properties.tankMix === 'boolean' ? s.properties.tankMix : null),
    }),
    products: t.field({
      type: [AppliedProductRef],
      nullable: false,
      description: 'The products applied, components and carrier.',
      resolve: (s) => records(s.properties.products),
    }),
  }),
});

builder.objectRef<SummaryValue>('TillageSummary').implement({
  description: 'A tillage pass (`operationType: "tillage"`).',
  interfaces: [OperationSummaryRef],
  fields: (t) => ({
    tillType: t.stringList({ nullable: false, description: 'Tillage tools used, e.g. "Closing Disk".', resolve: (s) => strings(s.properties.tillType) }),
    tillageDepthTarget: t.field(statsField('Target depth, e.g. in.', prop('tillageDepthTarget'))),
    tillageDepthActual: t.field(statsField('Depth achieved.', prop('tillageDepthActual'))),
  }),
});

builder.objectRef<SummaryValue>('OtherSummary').implement({
  description: 'An operation of a type without its own summary type (irrigation, baling, ...): read its `properties`, every property Leaf sent, as JSON.',
  interfaces: [OperationSummaryRef],
});
