// Measurement and Stats: Leaf's `{ value, unit }` and `{ avg, min, max, unit }`.
import type { LeafMeasurement, LeafStats } from '../leaf/types.js';
import { builder } from './builder.js';

export const MeasurementRef = builder.objectRef<LeafMeasurement>('Measurement').implement({
  description: 'A quantity with its unit, as Leaf reports it (e.g. 4152.25 ft).',
  fields: (t) => ({
    value: t.exposeFloat('value', { nullable: false, description: 'The amount, in `unit`.' }),
    unit: t.exposeString('unit', { nullable: false, description: 'The unit Leaf reported, e.g. ft, mi, gal, m2, bu, lb.' }),
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

/** A Leaf measurement if it is one; anything else (missing, malformed) reads as null. */
export function asMeasurement(value: unknown): LeafMeasurement | null {
  if (typeof value !== 'object' || value === null) return null;
  const { value: amount, unit } = value as Record<string, unknown>;
  return isFiniteNumber(amount) && typeof unit === 'string' ? { value: amount, unit } : null;
}

export function asStats(value: unknown): LeafStats | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  return value as LeafStats;
}
