// OperationSummary: Leaf's summary Feature (003 reference), typed by operationType.
// Fields keep Leaf's property names; every summary also exposes Leaf's whole `properties`
// object, so a property Leaf adds later is readable without a release. A property present
// with a value of the wrong type is UPSTREAM_ERROR on its field alone.
import type { FieldRef, ObjectRef } from '@pothos/core';
import { instantSchema, Unreadable, valueOf, type Leaf, type SummaryValue } from '../../leaf/readers.js';
import { builder, type Types } from '../builder.js';
import { measurementField, statsField } from '../measurement.js';
import { isGeometry } from './geojson.js';
import { leafField } from '../leaf-fields.js';

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

function textOf(record: JsonRecord, key: string): Leaf<string | null> {
  const value = record[key];
  if (value === null || value === undefined) return null;
  if (typeof value !== 'string') return new Unreadable(key, 'a string');
  return value;
}

function text(record: JsonRecord, key: string): string | null {
  return valueOf(textOf(record, key));
}

function instantOf(record: JsonRecord, key: string): Leaf<string | null> {
  const value = textOf(record, key);
  if (typeof value === 'string' && !instantSchema.safeParse(value).success) return new Unreadable(key, 'an RFC 3339 timestamp');
  return value;
}

/**
 * A summary as the OperationSummary types read it: the fields every summary has are getters of
 * their names, read without a resolver (leaf-fields.ts); a value of the wrong type is its
 * field's Unreadable. Leaf's summary itself is shared by every request that read it.
 */
export class SummaryShape {
  constructor(readonly summary: SummaryValue) {}

  get properties(): SummaryValue['properties'] {
    return this.summary.properties;
  }

  get operationType(): string {
    return this.summary.properties.operationType;
  }

  get startTime(): Leaf<string | null> {
    return instantOf(this.summary.properties, 'startTime');
  }

  get endTime(): Leaf<string | null> {
    return instantOf(this.summary.properties, 'endTime');
  }

  get crops(): string[] {
    return strings(this.summary.properties.crop);
  }

  get machinery(): JsonRecord[] {
    return records(this.summary.properties.machinery);
  }

  get originalOperationType(): Leaf<string | null> {
    return textOf(this.summary.properties, 'originalOperationType');
  }

  get operationDescription(): Leaf<string | null> {
    return textOf(this.summary.properties, 'operationDescription');
  }

  get geometry(): Leaf<JsonRecord | null> {
    const { geometry } = this.summary;
    if (geometry === null || geometry === undefined) return null;
    if (!isGeometry(geometry)) return new Unreadable('summary geometry', 'a GeoJSON geometry');
    return geometry;
  }
}

/** Leaf's summary, null when it sent none, as the OperationSummary types read it. */
export function summaryShape(summary: SummaryValue | null): SummaryShape | null {
  return summary === null ? null : new SummaryShape(summary);
}

/**
 * An object type's field that reads Leaf's property of the field's own name (`key`) from the
 * record that holds it (`recordOf`: the summary's `properties`, or an object in them).
 */
type Reading = <P>(t: PothosSchemaTypes.ObjectFieldBuilder<Types, P>, recordOf: (parent: P) => JsonRecord, key: string) => FieldRef<Types>;

const stats = (description: string): Reading => (t, recordOf, key) =>
  t.field(statsField(description, (parent) => recordOf(parent)[key]));
const measurement = (description: string): Reading => (t, recordOf, key) =>
  t.field(measurementField(description, (parent) => recordOf(parent)[key]));
const textField = (description: string): Reading => (t, recordOf, key) =>
  t.string({ description, resolve: (parent) => text(recordOf(parent), key) });
const stringList = (description: string): Reading => (t, recordOf, key) =>
  t.stringList({ nullable: false, description, resolve: (parent) => strings(recordOf(parent)[key]) });
const recordList = (type: ObjectRef<Types, JsonRecord>, description: string): Reading => (t, recordOf, key) =>
  t.field({ type: [type], nullable: false, description, resolve: (parent) => records(recordOf(parent)[key]) });

/** Fields that keep Leaf's property names, each read from the property of its own name. */
function properties<P>(t: PothosSchemaTypes.ObjectFieldBuilder<Types, P>, recordOf: (parent: P) => JsonRecord, fields: Record<string, Reading>) {
  return Object.fromEntries(Object.entries(fields).map(([key, reading]) => [key, reading(t, recordOf, key)]));
}

const ofSummary = (summary: SummaryShape): JsonRecord => summary.properties;
const ofRecord = (record: JsonRecord): JsonRecord => record;

const MachineryRef = builder.objectRef<JsonRecord>('Machinery').implement({
  description: 'A machine or implement that took part in the operation, as named in the file.',
  fields: (t) =>
    properties(t, ofRecord, {
      name: textField('Name, e.g. "Case IH X010 Series 7010".'),
      type: textField('"machine" or "implement".'),
      serialNumber: textField('Serial number, when the file carries one.'),
      brand: textField('Brand, e.g. "John Deere"; "unknown" when the file does not say.'),
    }),
});

export const OperationSummaryRef = builder.interfaceRef<SummaryShape>('OperationSummary').implement({
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
    operationType: leafField(t, 'operationType', {
      type: 'String',
      nullable: false,
      description: 'Leaf\'s normalized operation type: "harvested", "planted", "applied", "tillage", or another Leaf sends.',
    }),
    startTime: leafField(t, 'startTime', { type: 'DateTime', description: 'When the operation started.' }),
    endTime: leafField(t, 'endTime', { type: 'DateTime', description: 'When the operation ended.' }),
    crops: leafField(t, 'crops', { type: ['String'], nullable: false, description: 'Crops worked (Leaf\'s `crop`), normalized names; empty when none.' }),
    totalArea: t.field(measurementField('Area covered.', (s: SummaryShape) => s.properties.totalArea)),
    totalDistance: t.field(measurementField('Distance travelled.', (s: SummaryShape) => s.properties.totalDistance)),
    elevation: t.field(statsField('Elevation over the covered points.', (s: SummaryShape) => s.properties.elevation)),
    speed: t.field(statsField('Speed over the covered points.', (s: SummaryShape) => s.properties.speed)),
    totalFuelUsed: t.field(measurementField('Fuel consumed.', (s: SummaryShape) => s.properties.totalFuelUsed)),
    machinery: leafField(t, 'machinery', {
      type: [MachineryRef],
      nullable: false,
      description: 'Machines and implements in the operation; empty when the file names none.',
    }),
    originalOperationType: leafField(t, 'originalOperationType', {
      type: 'String',
      description: 'The operation type as the source data named it, e.g. "Harvesting", "CropProtection".',
    }),
    operationDescription: leafField(t, 'operationDescription', { type: 'String', description: 'Description from the source data.' }),
    properties: leafField(t, 'properties', {
      type: 'JSONObject',
      nullable: false,
      description: "All of the summary's properties, exactly as Leaf sent them, including any Leaf adds after this API was written.",
    }),
    geometry: leafField(t, 'geometry', {
      type: 'JSONObject',
      description: 'The covered area as a GeoJSON geometry object (RFC 7946), usually a MultiPolygon; checked before it is sent.',
    }),
  }),
});

const HarvestedVarietyRef = builder.objectRef<JsonRecord>('HarvestedVariety').implement({
  description: 'One variety of a harvest: its share of the totals.',
  fields: (t) =>
    properties(t, ofRecord, {
      name: textField('Variety name.'),
      harvestMoisture: stats('Grain moisture (percentage).'),
      wetMass: measurement('Wet mass harvested.'),
      dryMass: measurement('Dry mass harvested.'),
      wetVolume: measurement('Wet volume harvested.'),
      dryVolume: measurement('Dry volume harvested.'),
      area: measurement('Area harvested.'),
    }),
});

builder.objectRef<SummaryShape>('HarvestedSummary').implement({
  description: 'A harvest (`operationType: "harvested"`). Leaf fills in dry or wet yields it can derive from moisture.',
  interfaces: [OperationSummaryRef],
  fields: (t) =>
    properties(t, ofSummary, {
      harvestMoisture: stats('Grain moisture (percentage).'),
      wetMass: stats('Wet mass per point.'),
      totalWetMass: measurement('Total wet mass.'),
      wetMassPerArea: stats('Wet mass per area (yield), e.g. lb/ac.'),
      dryMass: stats('Dry mass per point.'),
      totalDryMass: measurement('Total dry mass.'),
      dryMassPerArea: stats('Dry mass per area (yield), e.g. lb/ac.'),
      wetVolume: stats('Wet volume per point; not available for sugarcane.'),
      totalWetVolume: measurement('Total wet volume; not available for sugarcane.'),
      wetVolumePerArea: stats('Wet volume per area, e.g. bu/ac.'),
      dryVolume: stats('Dry volume per point; not available for sugarcane.'),
      totalDryVolume: measurement('Total dry volume, e.g. in bu; not available for sugarcane.'),
      dryVolumePerArea: stats('Dry volume per area, e.g. bu/ac.'),
      varieties: recordList(HarvestedVarietyRef, 'Per-variety breakdown; empty when the file has none.'),
    }),
});

const PlantedVarietyRef = builder.objectRef<JsonRecord>('PlantedVariety').implement({
  description: 'One variety of a planting: its seed rate, area and seed count.',
  fields: (t) => ({
    ...properties(t, ofRecord, {
      name: textField('Variety name.'),
      rate: stats('Seed rate achieved, e.g. seeds/ac.'),
    }),
    rateTarget: t.field(statsField('Seed rate aimed for (Leaf\'s avgTarget, minTarget, maxTarget), in the unit of `rate`.', (v: JsonRecord) => {
      const rate = v.rate;
      if (!isRecord(rate) || !['avgTarget', 'minTarget', 'maxTarget'].some((key) => key in rate)) return null;
      return { avg: rate.avgTarget, min: rate.minTarget, max: rate.maxTarget, unit: rate.unit };
    })),
    ...properties(t, ofRecord, {
      area: measurement('Area planted.'),
      totalPlanted: measurement('Seeds planted.'),
    }),
  }),
});

builder.objectRef<SummaryShape>('PlantedSummary').implement({
  description: 'A planting (`operationType: "planted"`).',
  interfaces: [OperationSummaryRef],
  fields: (t) =>
    properties(t, ofSummary, {
      seedRate: stats('Seeds per area, e.g. seeds/ac.'),
      seedRateTarget: stats('Target seeds per area.'),
      seedDepth: stats('Planting depth.'),
      totalPlanted: measurement('Seeds planted in all.'),
      singulation: stats('Meter performance (percentage).'),
      downForce: stats('Down force reading, e.g. lbf.'),
      varieties: recordList(PlantedVarietyRef, 'Per-variety breakdown; empty when the file has none.'),
    }),
});

const AppliedProductRef = builder.objectRef<JsonRecord>('AppliedProduct').implement({
  description: 'One product of an application: a component of the mix or its carrier.',
  fields: (t) =>
    properties(t, ofRecord, {
      name: textField('Product name, e.g. "Fastac EC".'),
      type: textField('"Component" or "Carrier".'),
      rate: measurement('Rate applied, e.g. floz/ac.'),
      totalApplied: measurement('Amount of this product applied.'),
      area: measurement('Area this product covered.'),
    }),
});

builder.objectRef<SummaryShape>('AppliedSummary').implement({
  description: 'An application of products: spraying, fertilizing (`operationType: "applied"`).',
  interfaces: [OperationSummaryRef],
  fields: (t) => ({
    ...properties(t, ofSummary, {
      appliedRate: stats('Rate applied, e.g. gal/ac.'),
      appliedRateTarget: stats('Target rate.'),
      totalApplied: measurement('Total product applied.'),
    }),
    tankMix: t.boolean({
      description: 'Whether a tank mix was used.',
      resolve: (s) => (typeof s.properties.tankMix === 'boolean' ? s.properties.tankMix : null),
    }),
    ...properties(t, ofSummary, {
      products: recordList(AppliedProductRef, 'The products applied, components and carrier.'),
    }),
  }),
});

builder.objectRef<SummaryShape>('TillageSummary').implement({
  description: 'A tillage pass (`operationType: "tillage"`).',
  interfaces: [OperationSummaryRef],
  fields: (t) =>
    properties(t, ofSummary, {
      tillType: stringList('Tillage tools used, e.g. "Closing Disk".'),
      tillageDepthTarget: stats('Target depth, e.g. in.'),
      tillageDepthActual: stats('Depth achieved.'),
    }),
});

builder.objectRef<SummaryShape>('OtherSummary').implement({
  description: 'An operation of a type without its own summary type (irrigation, baling, ...): read its `properties`, every property Leaf sent, as JSON.',
  interfaces: [OperationSummaryRef],
});
