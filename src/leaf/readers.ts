// The readers of Leaf's answers: each body is checked once, here, against the shape Leaf's
// documentation gives (shared/leaf-api), with zod. Past this module the gateway holds typed
// values only. A field that cannot be read as its documented type is kept as an Unreadable
// value: the record survives, and only that field answers UPSTREAM_ERROR when selected.
// What a reader returns may be shared by every caller of a coalesced read, so its types are
// readonly throughout. (They are not frozen: Pothos brands loaded objects with their typename.)
// A record's own id is its identity (lists are keyed, pages primed and refetched by it), so a
// record without a readable id makes the whole answer unreadable.
import { HexColorCodeResolver } from 'graphql-scalars';
import { z } from 'zod';
import { LeafError } from './errors.js';

/** Where Leaf got an asset record or a machine-file link from. */
export const ORIGIN_TYPES = ['USER_CREATED', 'FILE_POOLED', 'PROVIDER_POOLED'] as const;
export type OriginType = (typeof ORIGIN_TYPES)[number];

/** A value Leaf sent that is not of its documented type; thrown when its field is resolved. */
export class Unreadable extends LeafError {
  constructor(
    readonly field: string,
    expected: string,
  ) {
    super('UPSTREAM_ERROR', `The Leaf API sent a ${field} that is not ${expected}.`);
  }
}

/** What a field read from Leaf holds: its value, or why it could not be read. */
export type Leaf<T> = T | Unreadable;

/** The field's value; an unreadable one throws, so GraphQL reports UPSTREAM_ERROR at that field's path. */
export function valueOf<T>(value: Leaf<T>): T {
  if (value instanceof Unreadable) throw value;
  return value;
}

export function unreadableAnswer(what: string): LeafError {
  return new LeafError('UPSTREAM_ERROR', `The Leaf API sent an unreadable ${what}.`);
}

/** One documented field: how to read it (as T, from what Leaf sends, I) and, for the error message, what it should be. */
interface Field<T, I = unknown> {
  schema: z.ZodType<T, I>;
  expected: string;
}

function field<T, I>(schema: z.ZodType<T, I>, expected: string): Field<T, I> {
  return { schema, expected };
}

/** Absent and null both mean "Leaf has no value" (Leaf omits some keys, sends null for others). */
function orNull<T, I>(schema: z.ZodType<T, I>): z.ZodType<T | null, I | null | undefined> {
  return schema.nullish().transform((value) => value ?? null);
}

const RFC3339 = /^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:[Zz]|[+-]\d{2}:\d{2})$/;

/** Any non-empty string: Leaf's ids are opaque (its own documentation shows `uuid-1`). */
export const leafIdSchema = z.string().min(1);
/** An RFC 3339 timestamp, kept as Leaf spelled it (`+00:00` offsets included). */
export const instantSchema = z.string().refine((value) => RFC3339.test(value) && !Number.isNaN(Date.parse(value)));
/** An absolute URL, kept exactly as Leaf sent it. */
export const absoluteUrlSchema = z.string().refine((value) => URL.canParse(value));
/** The one hex colour check: the HexColorCode scalar's own. */
export const hexColorSchema = z.string().refine((value) => {
  try {
    HexColorCodeResolver.serialize(value);
    return true;
  } catch {
    return false;
  }
});
const finite = z.number().refine(Number.isFinite);

export const measurementSchema = z.object({ value: finite, unit: z.string() });

/** `{ avg, min, max, unit }`; any other key Leaf sends (e.g. a variety's `avgTarget`) is kept. */
export const statsSchema = z.looseObject({
  avg: orNull(finite).optional(),
  min: orNull(finite).optional(),
  max: orNull(finite).optional(),
  unit: orNull(z.string()).optional(),
});

export const text = field(orNull(z.string()), 'a string');
const optionalLeafId = field(orNull(leafIdSchema), 'a Leaf id');
export const instant = field(orNull(instantSchema), 'an RFC 3339 timestamp');
const url = field(orNull(absoluteUrlSchema), 'an absolute URL');
const originType = field(z.enum(ORIGIN_TYPES), `one of ${ORIGIN_TYPES.join(', ')}`);
const integer = field(orNull(z.number().int()), 'an integer');
const number = field(orNull(finite), 'a number');
const measurement = field(orNull(measurementSchema), 'a { value, unit } measurement');
const leafIds = field(orNull(z.array(leafIdSchema)).transform((value) => value ?? []), 'a list of Leaf ids');
const strings = field(orNull(z.array(z.string())).transform((value) => value ?? []), 'a list of strings');

type Fields = Record<string, Field<unknown>>;
type ValueOfField<F> = F extends Field<infer T> ? T : never;
type InputOfField<F> = F extends Field<unknown, infer I> ? I : never;
type OmittableKeys<F extends Fields> = { [K in keyof F]: undefined extends InputOfField<F[K]> ? K : never }[keyof F];

/** A record as Leaf sends it, field by documented field; a field Leaf may omit is optional. */
export type RecordInput<F extends Fields> = { id: string } & { [K in OmittableKeys<F>]?: InputOfField<F[K]> } & {
  [K in Exclude<keyof F, OmittableKeys<F>>]: InputOfField<F[K]>;
};

/** A record's reader and the zod schema it reads with: `z.input<typeof reader.schema>` is what Leaf sends. */
export type RecordReader<F extends Fields> = ((value: unknown) => LeafRecord<F>) & { readonly schema: z.ZodType<LeafRecord<F>, RecordInput<F>> };

/** An object read field by field: each its value or Unreadable. */
export type Fieldwise<F extends Fields> = { readonly [K in keyof F]: Leaf<ValueOfField<F[K]>> };
/** A record as read: `id` always readable, every other field its value or Unreadable. */
export type LeafRecord<F extends Fields> = { readonly id: string } & Fieldwise<F>;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A reader of one documented record shape. The whole record is tried at once (zod's fast
 * path, the usual case); only a record that fails is read field by field.
 */
export function recordReader<F extends Fields>(what: string, fields: F): RecordReader<F> {
  // Built from `fields`, so it reads that record shape from that input.
  const schema = z.object({ id: leafIdSchema, ...Object.fromEntries(Object.entries(fields).map(([key, f]) => [key, f.schema])) }) as unknown as z.ZodType<
    LeafRecord<F>,
    RecordInput<F>
  >;
  const read = (value: unknown): LeafRecord<F> => {
    const whole = schema.safeParse(value);
    if (whole.success) return whole.data;
    if (!isObject(value) || !leafIdSchema.safeParse(value.id).success) throw unreadableAnswer(what);
    return { id: value.id, ...readFieldwise(what, fields, value) } as LeafRecord<F>;
  };
  return Object.assign(read, { schema });
}

/** Each documented field of `value` read on its own, so one bad value spoils only itself. */
function readFieldwise<F extends Fields>(what: string, fields: F, value: Record<string, unknown>): Fieldwise<F> {
  const record: Record<string, unknown> = {};
  for (const [key, f] of Object.entries(fields)) {
    const one = f.schema.safeParse(value[key]);
    record[key] = one.success ? one.data : new Unreadable(`${what} ${key}`, f.expected);
  }
  // Built key by key from `fields`, so it is that shape.
  return record as Fieldwise<F>;
}

export function listReader<T>(what: string, readOne: (value: unknown) => T): (value: unknown) => readonly T[] {
  return (value) => {
    if (!Array.isArray(value)) throw unreadableAnswer(`${what} list`);
    return value.map(readOne);
  };
}

// --- Assets (beta) -----------------------------------------------------------------------

/** What machines, implements and operators all carry (the fields of src/schema/assets/asset.ts). */
export const assetFields = {
  leafUserId: optionalLeafId,
  name: text,
  provider: text,
  providerOrganizationId: text,
  originType,
};
export type AssetRecord = LeafRecord<typeof assetFields>;

/** What machines and implements, the equipment, carry besides. */
const equipmentFields = {
  ...assetFields,
  createdTime: instant,
  updatedTime: instant,
  serialNumber: text,
  model: text,
  make: text,
  category: text,
};

const machineFields = {
  ...equipmentFields,
  providerMachineId: text,
  vin: text,
  modelYear: integer,
};
export type MachineRecord = LeafRecord<typeof machineFields>;
export const readMachine = recordReader('machine', machineFields);
export const readMachines = listReader('machine', readMachine);

const implementFields = {
  ...equipmentFields,
  providerImplementId: text,
};
export type ImplementRecord = LeafRecord<typeof implementFields>;
export const readImplement = recordReader('implement', implementFields);
export const readImplements = listReader('implement', readImplement);

const machineFileFields = {
  leafFileId: field(leafIdSchema, 'a Leaf id'),
  machineId: optionalLeafId,
  leafUserId: optionalLeafId,
  createdTime: instant,
  startTime: instant,
  endTime: instant,
  distance: measurement,
  fuelConsumption: measurement,
};
export type MachineFileRecord = LeafRecord<typeof machineFileFields> & { readonly leafFileId: string };
export const readMachineFileRecord = recordReader('machine file', machineFileFields);
/** A link is only usable with the file it points at: its leafFileId keys the link and the file. */
export function readMachineFile(value: unknown): MachineFileRecord {
  const link = readMachineFileRecord(value);
  if (link.leafFileId instanceof Unreadable) throw unreadableAnswer('machine file without its leafFileId');
  return { ...link, leafFileId: link.leafFileId };
}
export const readMachineFiles = listReader('machine file', readMachineFile);

// --- Machine data (operations API) ---------------------------------------------------------

/** A GeoJSON Feature whose `properties` depend on `operationType`; kept whole, typed lazily. */
const summarySchema = z.looseObject({
  type: z.string().optional(),
  properties: z.looseObject({ operationType: z.string() }),
  geometry: z.unknown().optional(),
});
export type SummaryValue = z.output<typeof summarySchema>;
const summary = field(orNull(summarySchema), 'an operation summary (a GeoJSON Feature with properties.operationType)');

export function readSummary(value: unknown): SummaryValue | null {
  const read = summary.schema.safeParse(value);
  if (!read.success) throw unreadableAnswer('operation summary');
  return read.data;
}

const fileFields = {
  provider: text,
  fields: leafIds,
  fileFormat: text,
  fileName: text,
  origin: text,
  downloadOriginalFile: url,
  downloadStandardGeojson: url,
  leafUserId: optionalLeafId,
  apiOwnerUsername: text,
  summary,
};
export type FileRecord = LeafRecord<typeof fileFields>;
export const readFile = recordReader('file', fileFields);

/** A reader of an object without an id of its own (an image, a legend range), field by field. */
function nestedReader<F extends Fields>(what: string, fields: F): (value: unknown) => Fieldwise<F> {
  return (value) => {
    if (!isObject(value)) throw unreadableAnswer(what);
    return readFieldwise(what, fields, value);
  };
}

export const readLegendRange = nestedReader('legend range', {
  colorCode: field(hexColorSchema, 'a hex colour code'),
  min: number,
  max: number,
});
export type LegendRangeRecord = ReturnType<typeof readLegendRange>;

const legendSchema = z.object({ ranges: z.array(z.unknown()).transform((ranges) => ranges.map(readLegendRange)) });
const extentSchema = z.object({ xMin: orNull(finite), xMax: orNull(finite), yMin: orNull(finite), yMax: orNull(finite) });

const readImage = nestedReader('image', {
  property: field(z.string(), 'a string'),
  legend: field(orNull(legendSchema), 'an image legend { ranges }'),
  extent: field(orNull(extentSchema), 'an image extent { xMin, xMax, yMin, yMax }'),
  downloadUrl: url,
  status: text,
  url,
});
export type ImageRecord = ReturnType<typeof readImage>;
export type LegendRecord = NonNullable<Exclude<ImageRecord['legend'], Unreadable>>;
export type ExtentRecord = NonNullable<Exclude<ImageRecord['extent'], Unreadable>>;
export const readImages = listReader('image', readImage);

const coverageSchema = z.object({ id: leafIdSchema, coverage: orNull(finite).optional() });
export type CoverageRecord = z.output<typeof coverageSchema>;

const operationFields = {
  apiOwnerUsername: text,
  leafUserId: optionalLeafId,
  startTime: instant,
  endTime: instant,
  updatedTime: instant,
  type: text,
  files: leafIds,
  fields: field(z.array(coverageSchema), 'a list of { id, coverage } fields'),
  providers: strings,
};
export type OperationRecord = LeafRecord<typeof operationFields>;
export const readOperation = recordReader('field operation', operationFields);

/** A 204 or an empty body: what a DELETE answers. */
export function readNothing(): undefined {
  return undefined;
}
