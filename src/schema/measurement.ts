// Measurement and Stats: Leaf's `{ value, unit }` and `{ avg, min, max, unit }`, the fields
// that return them with an optional `unit` to convert to (see units.ts), and DistanceUnit,
// the units Leaf's distance filters take.
import type { ObjectRef } from '@pothos/core';
import { measurementSchema, statsSchema, Unreadable } from '../leaf/readers.js';
import type { LeafMeasurement, LeafStats } from '../leaf/types.js';
import { builder, type Types } from './builder.js';
import { badUserInput } from './error-masking.js';
import { UnitConversionError, unitConverter } from './units.js';

export const MeasurementRef = builder.objectRef<LeafMeasurement>('Measurement').implement({
  description: 'A quantity with its unit, as Leaf reports it (e.g. 4152.25 ft), or converted when the field was given `unit`.',
  fields: (t) => ({
    value: t.exposeFloat('value', { nullable: false, description: 'The amount, in `unit`.' }),
    unit: t.exposeString('unit', { nullable: false, description: 'The unit of `value`: the one Leaf reported (e.g. ft, mi, gal, m2, bu, lb) or the one asked for.' }),
  }),
});

export const StatsRef = builder.objectRef<LeafStats>('Stats').implement({
  description: 'Average, minimum and maximum of a per-point reading over an operation.',
  fields: (t) => ({
    avg: t.float({ description: 'Average.', resolve: (stats) => stats.avg ?? null }),
    min: t.float({ description: 'Minimum.', resolve: (stats) => stats.min ?? null }),
    max: t.float({ description: 'Maximum.', resolve: (stats) => stats.max ?? null }),
    unit: t.string({ description: 'Unit of avg, min and max.', resolve: (stats) => stats.unit ?? null }),
  }),
});

function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/**
 * A Leaf measurement, null when Leaf sent none; anything else Leaf sent there is UPSTREAM_ERROR
 * on this field (contract section 10), not a silent null.
 */
export function asMeasurement(value: unknown): LeafMeasurement | null {
  if (value instanceof Unreadable) throw value;
  if (value === null || value === undefined) return null;
  const read = measurementSchema.safeParse(value);
  if (!read.success) throw new Unreadable('measurement', 'a { value, unit } measurement');
  return read.data;
}

/** Leaf statistics, null when Leaf sent none; a bare number (some targets) reads as its average. */
export function asStats(value: unknown): LeafStats | null {
  if (value instanceof Unreadable) throw value;
  if (value === null || value === undefined) return null;
  if (isFiniteNumber(value)) return { avg: value };
  const read = statsSchema.safeParse(value);
  if (!read.success) throw new Unreadable('statistic', 'an { avg, min, max, unit } statistic');
  return read.data;
}

function converterFor(from: string | null | undefined, to: string): (value: number) => number {
  try {
    if (!from) throw new UnitConversionError(`Cannot convert to ${to}: Leaf reported no unit for this value.`);
    return unitConverter(from, to);
  } catch (error) {
    if (error instanceof UnitConversionError) throw badUserInput(error.message);
    throw error;
  }
}

/** The measurement in `unit`, or as reported when no unit is asked for. */
export function convertMeasurement(measurement: LeafMeasurement | null, unit: string | null | undefined): LeafMeasurement | null {
  if (!measurement || unit === null || unit === undefined) return measurement;
  return { value: converterFor(measurement.unit, unit)(measurement.value), unit: unit.trim() };
}

export function convertStats(stats: LeafStats | null, unit: string | null | undefined): LeafStats | null {
  if (!stats || unit === null || unit === undefined) return stats;
  const convert = converterFor(stats.unit, unit);
  const each = (value: number | null | undefined): number | null => (isFiniteNumber(value) ? convert(value) : null);
  return { avg: each(stats.avg), min: each(stats.min), max: each(stats.max), unit: unit.trim() };
}

/** Units Leaf's distance filters take (`distanceUnit`), as Leaf spells them. */
export type DistanceUnit = 'mile' | 'ft';

export const DistanceUnitEnum = builder.enumType('DistanceUnit', {
  description: 'Units Leaf accepts for machine-file distance filters.',
  values: {
    MILE: { value: 'mile', description: 'Statute miles.' },
    FEET: { value: 'ft', description: 'Feet.' },
  } as const satisfies Record<string, { value: DistanceUnit; description: string }>,
});

const UNIT_ARG =
  "Convert to this unit, e.g. ha, ac, m2, ft2, sqft, ft, in, m, km, mi, lb, kg, t, gal, US gal, floz, l, bu, mi/hr, mph, km/h, or a ratio such as kg/ha. Leaf's prcnt, percentage and % are one unit. Left out: the unit Leaf reported. A unit that measures something else is BAD_USER_INPUT.";

const unitArgs = builder.args((t) => ({ unit: t.string({ description: UNIT_ARG }) }));

/**
 * Options of a nullable field of `type` read from the parent (`read`), as `asValue` reads what
 * Leaf sent there, and convertible with `unit`.
 */
function convertibleField<T extends object>(
  type: ObjectRef<Types, T>,
  asValue: (value: unknown) => T | null,
  convert: (value: T | null, unit: string | null | undefined) => T | null,
) {
  return <Parent>(description: string, read: (parent: Parent) => unknown) => ({
    type,
    description,
    args: unitArgs,
    resolve: (parent: Parent, args: { unit?: string | null }) => convert(asValue(read(parent)), args.unit),
  });
}

/** Options of a nullable Measurement field read from the parent, convertible with `unit`. */
export const measurementField = convertibleField(MeasurementRef, asMeasurement, convertMeasurement);

/** Options of a nullable Stats field read from the parent, convertible with `unit`. */
export const statsField = convertibleField(StatsRef, asStats, convertStats);
