// LeafFile.points: the file's standard GeoJSON points (003 reference, "Standard GeoJSON point
// data") as a Relay connection, in file order, each point typed by its operationType and
// keeping Leaf's property names. Read as a stream by src/leaf/points.ts.
//
// Leaf's points carry bare numbers; their units are those of the same property in the file's
// summary (`area` → totalArea, `distance` → totalDistance, `wetMass` → wetMass, ...), and
// Leaf's standard units where the summary does not say.
import type { GraphQLResolveInfo } from 'graphql';
import type { PointFeature, PointsQuery } from '../../leaf/points.js';
import { valueOf, type FileRecord } from '../../leaf/readers.js';
import type { LeafMeasurement } from '../../leaf/types.js';
import { builder } from '../builder.js';
import type { Context } from '../../context.js';
import { DateTimeFilter, type DateTimeFilterShape } from '../filters.js';
import { convertMeasurement, measurementField } from '../measurement.js';
import { cursorEncoder, cursorKeyOf, decodeCursor } from '../relay/cursor.js';
import { ConnectionArgumentError } from '../relay/errors.js';
import { connectionSelection } from '../relay/selection.js';
import { LeafFileRef } from './leaf-file.js';
import { isGeometry } from './geojson.js';
import { CONNECTION_LIST_SIZE, UPSTREAM_COST } from '../demand.js';

/** Points are small, and a map wants many: pages go up to 1,000 (other lists stop at 100). */
export const MAX_POINTS_PAGE = 1_000;
const DEFAULT_POINTS_PAGE = 100;

type Units = Record<string, string>;

/** A timestamp as Date#toISOString prints it (UTC, milliseconds), its day not yet checked against its month. */
const AS_PRINTED = /^(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d\.\d{3}Z$/;

function daysIn(year: number, month: number): number {
  if (month !== 2) return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
}

/**
 * A point's timestamp as the DateTime scalar sends it: the string itself when a Date would print
 * it unchanged (printing 1,000 Dates a page cost about 1 ms of CPU), else the Date it reads as
 * (a day past the month's end rolls over, as Date does); null when it is missing or not a date.
 */
export function timestampOf(value: string | null): string | Date | null {
  if (!value) return null;
  const printed = AS_PRINTED.exec(value);
  if (printed && Number(printed[3]) <= daysIn(Number(printed[1]), Number(printed[2]))) return value;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** One point with the units its numbers are in. */
interface Point {
  feature: PointFeature;
  units: Units;
}

/**
 * A point of a page as its edge and its node at once: one object per point (a page has up to
 * 1,000), its cursor encoded only when asked for.
 */
class PointEdge implements Point {
  constructor(
    readonly feature: PointFeature,
    readonly units: Units,
    private readonly offset: number,
    private readonly encode: (offset: number) => string,
  ) {}

  get node(): Point {
    return this;
  }

  get cursor(): string {
    return this.encode(this.offset);
  }
}

type JsonRecord = Record<string, unknown>;

function isRecord(value: unknown): value is JsonRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Leaf's standard units, for properties the summary gives no unit for. */
const STANDARD_UNITS: Units = {
  area: 'm2',
  distance: 'ft',
  speed: 'mi/hr',
  elevation: 'ft',
  equipmentWidth: 'ft',
  wetMass: 'lb',
  dryMass: 'lb',
  wetVolume: 'bu',
  dryVolume: 'bu',
  wetMassPerArea: 'lb/ac',
  dryMassPerArea: 'lb/ac',
  wetVolumePerArea: 'bu/ac',
  dryVolumePerArea: 'bu/ac',
  seedRate: 'seeds/ac',
  seedRateTarget: 'seeds/ac',
  seedDepth: 'in',
  downForce: 'lbf',
  appliedRate: 'gal/ac',
  appliedRateTarget: 'gal/ac',
  tillageDepthTarget: 'in',
};

/** Point property → the summary property whose unit it shares. */
const SUMMARY_NAMES: Record<string, string> = { area: 'totalArea', distance: 'totalDistance' };

function unitsOf(file: FileRecord): Units {
  const units: Units = { ...STANDARD_UNITS };
  const properties: JsonRecord = valueOf(file.summary)?.properties ?? {};
  for (const name of Object.keys(STANDARD_UNITS)) {
    const value = properties[SUMMARY_NAMES[name] ?? name];
    if (isRecord(value) && typeof value.unit === 'string') units[name] = value.unit;
  }
  // Products: `product:<name>` → the unit of that product's rate in the summary.
  for (const product of Array.isArray(properties.products) ? properties.products : []) {
    if (isRecord(product) && typeof product.name === 'string' && isRecord(product.rate) && typeof product.rate.unit === 'string') {
      units[`product:${product.name}`] = product.rate.unit;
    }
  }
  return units;
}

function finite(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

function text(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

/** A point's bare number with its unit, as a Leaf measurement. */
const measured =
  (name: string) =>
  (point: Point): LeafMeasurement | null => {
    const value = finite(point.feature.properties[name]);
    const unit = point.units[name];
    return value === null || unit === undefined ? null : { value, unit };
  };

const prop = (point: Point, name: string): unknown => point.feature.properties[name];

/**
 * measurementField over a value this file builds itself (a finite number and a unit string, or
 * null), so it is not checked again as Leaf's `{ value, unit }` would be: a page reads up to
 * several thousand of them.
 */
function pointMeasurement<Parent>(description: string, read: (parent: Parent) => LeafMeasurement | null) {
  return { ...measurementField(description, read), resolve: (parent: Parent, args: { unit?: string | null }) => convertMeasurement(read(parent), args.unit) };
}

function pointTypeOf(point: Point): string {
  switch (text(prop(point, 'operationType'))?.toLowerCase()) {
    case 'harvested':
      return 'HarvestedPoint';
    case 'planted':
      return 'PlantedPoint';
    case 'applied':
      return 'AppliedPoint';
    case 'tillage':
      return 'TillagePoint';
    default:
      return 'OtherPoint';
  }
}

export const OperationPointRef = builder.interfaceRef<Point>('OperationPoint').implement({
  description:
    "One recorded point of a file's standard GeoJSON (a GeoJSON Feature), under Leaf's property names. The concrete type follows `operationType`: HarvestedPoint, PlantedPoint, AppliedPoint, TillagePoint, or OtherPoint. Measured values are in the unit of the same property in the file's summary (Leaf's standard unit when the summary has none), or converted with `unit`.",
  resolveType: pointTypeOf,
  fields: (t) => ({
    timestamp: t.field({ type: 'DateTime', description: 'When the point was recorded.', resolve: (p) => timestampOf(text(prop(p, 'timestamp'))) }),
    operationType: t.string({
      description: 'Leaf\'s operation type of the point: "harvested", "planted", "applied", "tillage", or another.',
      resolve: (p) => text(prop(p, 'operationType')),
    }),
    geometry: t.field({
      type: 'JSONObject',
      description: 'Where the point was recorded: a GeoJSON geometry (RFC 7946), usually a Point of [longitude, latitude]; null when Leaf sent none or an invalid one.',
      resolve: (p) => (isGeometry(p.feature.geometry) ? (p.feature.geometry as JsonRecord) : null),
    }),
    crop: t.string({ description: 'Crop, normalized (e.g. corn).', resolve: (p) => text(prop(p, 'crop')) }),
    variety: t.string({ description: 'Variety, e.g. "Pioneer P1185".', resolve: (p) => text(prop(p, 'variety')) }),
    area: t.field(pointMeasurement('Area this point covers.', measured('area'))),
    distance: t.field(pointMeasurement('Distance travelled since the previous point.', measured('distance'))),
    heading: t.float({ description: 'Heading, in degrees from north.', resolve: (p) => finite(prop(p, 'heading')) }),
    speed: t.field(pointMeasurement('Speed at the point.', measured('speed'))),
    elevation: t.field(pointMeasurement('Elevation at the point.', measured('elevation'))),
    equipmentWidth: t.field(pointMeasurement('Working width of the equipment.', measured('equipmentWidth'))),
    recordingStatus: t.string({ description: 'Whether the implement was working: "On" or "Off".', resolve: (p) => text(prop(p, 'recordingStatus')) }),
    sectionId: t.int({
      description: 'The implement section that recorded the point.',
      resolve: (p) => {
        const value = finite(prop(p, 'sectionId'));
        return value !== null && Number.isInteger(value) && Math.abs(value) <= 2 ** 31 - 1 ? value : null;
      },
    }),
    machinery: t.stringList({ nullable: false, description: 'Machines and implements recording the point, by name.', resolve: (p) => strings(prop(p, 'machinery')) }),
  }),
});

builder.objectRef<Point>('HarvestedPoint').implement({
  description: 'A point of a harvest (`operationType: "harvested"`).',
  interfaces: [OperationPointRef],
  fields: (t) => ({
    harvestMoisture: t.float({ description: 'Grain moisture (percentage).', resolve: (p) => finite(prop(p, 'harvestMoisture')) }),
    wetMass: t.field(pointMeasurement('Wet mass harvested at the point.', measured('wetMass'))),
    wetVolume: t.field(pointMeasurement('Wet volume harvested at the point.', measured('wetVolume'))),
    wetMassPerArea: t.field(pointMeasurement('Wet mass per area (the yield map value), e.g. lb/ac.', measured('wetMassPerArea'))),
    wetVolumePerArea: t.field(pointMeasurement('Wet volume per area, e.g. bu/ac.', measured('wetVolumePerArea'))),
    dryMass: t.field(pointMeasurement('Dry mass harvested at the point.', measured('dryMass'))),
    dryVolume: t.field(pointMeasurement('Dry volume harvested at the point.', measured('dryVolume'))),
    dryMassPerArea: t.field(pointMeasurement('Dry mass per area, e.g. lb/ac.', measured('dryMassPerArea'))),
    dryVolumePerArea: t.field(pointMeasurement('Dry volume per area, e.g. bu/ac.', measured('dryVolumePerArea'))),
  }),
});

builder.objectRef<Point>('PlantedPoint').implement({
  description: 'A point of a planting (`operationType: "planted"`).',
  interfaces: [OperationPointRef],
  fields: (t) => ({
    seedRate: t.field(pointMeasurement('Seeds per area at the point.', measured('seedRate'))),
    seedRateTarget: t.field(pointMeasurement('Target seeds per area.', measured('seedRateTarget'))),
    seedDepth: t.field(pointMeasurement('Planting depth.', measured('seedDepth'))),
    downForce: t.field(pointMeasurement('Down force reading.', measured('downForce'))),
    singulation: t.float({ description: 'Meter performance (percentage).', resolve: (p) => finite(prop(p, 'singulation')) }),
    skips: t.float({ description: 'Skipped seeds (percentage).', resolve: (p) => finite(prop(p, 'skips')) }),
    doubles: t.float({ description: 'Doubled seeds (percentage).', resolve: (p) => finite(prop(p, 'doubles')) }),
  }),
});

interface PointProduct {
  product: JsonRecord;
  units: Units;
}

const PointProductRef = builder.objectRef<PointProduct>('PointProduct').implement({
  description: 'One product applied at a point, with its rate.',
  fields: (t) => ({
    name: t.string({ description: 'Product name, e.g. "Fastac EC".', resolve: ({ product }) => text(product.name) }),
    rate: t.field(
      pointMeasurement('Rate of this product at the point, in the unit of its rate in the summary.', ({ product, units }: PointProduct) => {
        const value = isRecord(product.rate) ? finite(product.rate.value) : null;
        const unit = isRecord(product.rate) && typeof product.rate.unit === 'string' ? product.rate.unit : units[`product:${text(product.name)}`];
        return value === null || unit === undefined ? null : { value, unit };
      }),
    ),
  }),
});

builder.objectRef<Point>('AppliedPoint').implement({
  description: 'A point of an application (`operationType: "applied"`).',
  interfaces: [OperationPointRef],
  fields: (t) => ({
    appliedRate: t.field(pointMeasurement('Rate applied at the point.', measured('appliedRate'))),
    appliedRateTarget: t.field(pointMeasurement('Target rate.', measured('appliedRateTarget'))),
    products: t.field({
      type: [PointProductRef],
      nullable: false,
      description: 'The products applied at the point.',
      resolve: (p) => {
        const products = prop(p, 'products');
        return (Array.isArray(products) ? products.filter(isRecord) : []).map((product) => ({ product, units: p.units }));
      },
    }),
  }),
});

builder.objectRef<Point>('TillagePoint').implement({
  description: 'A point of a tillage pass (`operationType: "tillage"`).',
  interfaces: [OperationPointRef],
  fields: (t) => ({
    tillageDepthTarget: t.field(pointMeasurement('Target depth.', measured('tillageDepthTarget'))),
    tillType: t.stringList({ nullable: false, description: 'Tillage tools used, e.g. "Closing Disk".', resolve: (p) => strings(prop(p, 'tillType')) }),
  }),
});

builder.objectRef<Point>('OtherPoint').implement({
  description: 'A point of an operation without its own point type (irrigation, baling, ...): every property, as Leaf sent it.',
  interfaces: [OperationPointRef],
  fields: (t) => ({
    properties: t.field({
      type: 'JSONObject',
      nullable: false,
      description: "All of the point's properties, exactly as Leaf sent them.",
      resolve: (p) => p.feature.properties,
    }),
  }),
});

interface PointFilterShape {
  timestamp?: DateTimeFilterShape | null;
  recordingStatus?: string | null;
}

const PointFilter = builder.inputType('PointFilter', {
  description: 'Only points matching every given field; offsets and cursors count matching points only.',
  fields: (t) => ({
    timestamp: t.field({ type: DateTimeFilter, description: 'When the point was recorded.' }),
    recordingStatus: t.string({ description: 'Exactly this recording status, e.g. "On" (the implement was working) or "Off".' }),
  }),
});

function acceptOf(filter: PointFilterShape | null | undefined): (point: PointFeature) => boolean {
  const equals = filter?.timestamp?.equals?.getTime();
  const before = filter?.timestamp?.before?.getTime();
  const after = filter?.timestamp?.after?.getTime();
  const status = filter?.recordingStatus ?? undefined;
  if (equals === undefined && before === undefined && after === undefined && status === undefined) return () => true;
  return ({ properties }) => {
    if (status !== undefined && properties.recordingStatus !== status) return false;
    if (equals === undefined && before === undefined && after === undefined) return true;
    const time = typeof properties.timestamp === 'string' ? Date.parse(properties.timestamp) : NaN;
    if (Number.isNaN(time)) return false;
    return (equals === undefined || time === equals) && (before === undefined || time < before) && (after === undefined || time > after);
  };
}

interface PointsArgs {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
  filter?: PointFilterShape | null;
}

function readSize(argument: 'first' | 'last', value: number | null | undefined): number | undefined {
  if (value === null || value === undefined) return undefined;
  if (!Number.isInteger(value) || value < 0 || value > MAX_POINTS_PAGE) {
    throw new ConnectionArgumentError(`\`${argument}\` must be a whole number between 0 and ${MAX_POINTS_PAGE}; got ${value}`);
  }
  return value;
}

async function resolvePoints(file: FileRecord, args: PointsArgs, context: Context, info: GraphQLResolveInfo) {
  const filter = args.filter ?? null;
  const cursorKey = cursorKeyOf(`points:${file.id}`, {
    timestamp: filter?.timestamp
      ? { equals: filter.timestamp.equals?.toISOString(), before: filter.timestamp.before?.toISOString(), after: filter.timestamp.after?.toISOString() }
      : null,
    recordingStatus: filter?.recordingStatus ?? null,
  });
  let first = readSize('first', args.first);
  const last = readSize('last', args.last);
  const afterOffset = args.after ? decodeCursor(cursorKey, args.after, 'after') : undefined;
  const beforeOffset = args.before ? decodeCursor(cursorKey, args.before, 'before') : undefined;
  if (first === undefined && last === undefined) first = DEFAULT_POINTS_PAGE;
  const url = valueOf(file.downloadStandardGeojson);
  // Unprocessed: Leaf has no points for the file yet.
  if (url === null || !valueOf(file.summary)) return null;

  const selection = connectionSelection(info);
  const query: PointsQuery = { file, url, filterKey: cursorKey, accept: acceptOf(filter) };
  const start = afterOffset === undefined ? 0 : afterOffset + 1;
  const bound = beforeOffset === undefined ? undefined : Math.max(start, beforeOffset);
  let count: number | undefined;
  const total = async (): Promise<number> => (count ??= await context.leaf.pointsCount(query));

  let end: number;
  if (first !== undefined) end = bound === undefined ? start + first : Math.min(start + first, bound);
  else end = bound ?? Math.max(start, await total());
  let windowStart = first === undefined ? Math.max(start, end - (last ?? 0)) : start;
  const probe = selection.hasNextPage && (bound === undefined || end < bound);
  const needItems = selection.items || (last !== undefined && first !== undefined && selection.hasPreviousPage);
  const read =
    needItems || probe ? await context.leaf.pointsWindow(query, needItems ? windowStart : end, end, probe) : { points: [], start: end, more: false };
  let points = needItems ? read.points : [];
  let offset = read.start;
  if (first !== undefined && last !== undefined && points.length > last) {
    offset += points.length - last;
    points = points.slice(points.length - last);
    if (points.length > 0) windowStart = offset;
  }
  const units = unitsOf(file);
  const encode = cursorEncoder(cursorKey);
  const edges = points.map((feature, index) => new PointEdge(feature, units, offset + index, encode));
  const firstEdge = edges[0];
  const lastEdge = edges.at(-1);
  return {
    edges,
    pageInfo: {
      // A `before` cursor names a point that exists, so the page has a next one.
      hasNextPage: selection.hasNextPage && (probe ? read.more : bound !== undefined),
      hasPreviousPage: selection.hasPreviousPage && windowStart > 0,
      get startCursor() {
        return firstEdge?.cursor ?? null;
      },
      get endCursor() {
        return lastEdge?.cursor ?? null;
      },
    },
    totalCount: selection.totalCount ? await total() : null,
  };
}

builder.objectField(LeafFileRef, 'points', (t) =>
  t.connection(
    {
      type: OperationPointRef,
      nullable: true,
      ...CONNECTION_LIST_SIZE,
      ...UPSTREAM_COST,
      description: `The file's standard GeoJSON points (\`downloadStandardGeojson\`), in file order, each typed by its operation type. Pages hold up to ${MAX_POINTS_PAGE} points; a page costs reading the file up to its end, and the next page resumes where the last one stopped. Null until Leaf has processed the file; UPSTREAM_ERROR when the points are not on the Leaf API origin (they are never fetched from anywhere else).`,
      args: { filter: t.arg({ type: PointFilter, description: 'Only points matching every given field.' }) },
      extensions: { maxPageSize: MAX_POINTS_PAGE },
      resolve: (file, args, context, info) => resolvePoints(file, args, context, info),
    },
    { name: 'OperationPointConnection', description: 'A page of points of a file.' },
    { name: 'OperationPointEdge', description: 'A point and its cursor.' },
  ),
);
