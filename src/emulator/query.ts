// List semantics shared by every Leaf list endpoint: filters, Spring-style sort, page/size.
// Pure functions over records; they throw LeafHttpError(400) naming the bad parameter.
import { ORIGIN_TYPES, type OriginType } from '../leaf/readers.js';
import { badRequest } from './errors.js';

export type QueryParams = Record<string, string[]>;

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

export interface FilterSpec<T> {
  param: string;
  /** The predicate for this parameter's raw value; null when the parameter only qualifies others. */
  build(raw: string, query: QueryParams): ((record: T) => boolean) | null;
}

export type SortValue = string | number | null | undefined;

export interface ListSpec<T extends { id: string }> {
  filters: FilterSpec<T>[];
  /** Sortable fields; null when the endpoint documents no sort (the parameter is ignored). */
  sorts: Record<string, (record: T) => SortValue> | null;
}

/** Sorts on the records' own fields, by value (in the order given: errors list them so); `instants` sort as times. */
export function fieldSorts<T>(fields: readonly (keyof T & string)[], instants: readonly (keyof T & string)[] = []): Record<string, (record: T) => SortValue> {
  return Object.fromEntries(
    fields.map((field) => [
      field,
      instants.includes(field) ? (record: T) => instantOf(record[field] as string | null | undefined) : (record: T) => record[field] as SortValue,
    ]),
  );
}

export function first(query: QueryParams, param: string): string | undefined {
  return query[param]?.[0];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return UUID.test(value);
}

const ISO_8601 =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})?)?$/i;

/** Milliseconds since the epoch, or NaN when the text is not a real ISO 8601 instant. */
export function parseInstant(text: string): number {
  // An unencoded `+` in a query string arrives as a space; take it back as an offset sign.
  const match = ISO_8601.exec(text.replace(/ (\d{2}:?\d{2})$/, '+$1'));
  if (!match) return Number.NaN;
  const [, year, month, day, hour = '00', minute = '00', second = '00', fraction = '', zone = 'Z'] = match;
  const parts = [year, month, day, hour, minute, second].map(Number) as [number, number, number, number, number, number];
  const [y, mo, d, h, mi, s] = parts;
  const daysInMonth = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth || h > 23 || mi > 59 || s > 59) return Number.NaN;
  const ms = Number((fraction + '000').slice(0, 3));
  let offsetMinutes = 0;
  if (zone.toUpperCase() !== 'Z') {
    const digits = zone.slice(1).replace(':', '');
    offsetMinutes = (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2))) * (zone.startsWith('-') ? -1 : 1);
  }
  return Date.UTC(y, mo - 1, d, h, mi, s, ms) - offsetMinutes * 60_000;
}

function instantParam(param: string, raw: string): number {
  const ms = parseInstant(raw);
  if (Number.isNaN(ms)) throw badRequest(`Parameter '${param}' must be an ISO 8601 date-time, got '${raw}'`);
  return ms;
}

function numberParam(param: string, raw: string): number {
  const value = raw.trim() === '' ? Number.NaN : Number(raw);
  if (!Number.isFinite(value)) throw badRequest(`Parameter '${param}' must be a number, got '${raw}'`);
  return value;
}

/** Exact, case-sensitive match; a record with null never matches. */
export function equalsFilter<T>(param: string, get: (record: T) => string | null | undefined): FilterSpec<T> {
  return { param, build: (raw) => (record) => get(record) === raw };
}

export function uuidFilter<T>(param: string, get: (record: T) => string | null | undefined): FilterSpec<T> {
  return {
    param,
    build: (raw) => {
      if (!isUuid(raw)) throw badRequest(`Parameter '${param}' must be a UUID, got '${raw}'`);
      const wanted = raw.toLowerCase();
      return (record) => get(record)?.toLowerCase() === wanted;
    },
  };
}

export function originTypeFilter<T>(param: string, get: (record: T) => OriginType | null | undefined): FilterSpec<T> {
  return {
    param,
    build: (raw) => {
      if (!(ORIGIN_TYPES as readonly string[]).includes(raw)) {
        throw badRequest(`Parameter '${param}' must be one of ${ORIGIN_TYPES.join(', ')}, got '${raw}'`);
      }
      return (record) => get(record) === raw;
    },
  };
}

export type TimeComparison = 'equals' | 'before' | 'after' | 'from';

const TIME_TESTS: Record<TimeComparison, (value: number, bound: number) => boolean> = {
  equals: (value, bound) => value === bound,
  before: (value, bound) => value < bound,
  after: (value, bound) => value > bound,
  from: (value, bound) => value >= bound,
};

export function timeFilter<T>(param: string, comparison: TimeComparison, get: (record: T) => string | null | undefined): FilterSpec<T> {
  return {
    param,
    build: (raw) => {
      const bound = instantParam(param, raw);
      const test = TIME_TESTS[comparison];
      return (record) => {
        const value = get(record);
        if (value === null || value === undefined) return false;
        const ms = parseInstant(value);
        return !Number.isNaN(ms) && test(ms, bound);
      };
    },
  };
}

/**
 * Leaf's three filters of one time field: `param` itself (`equals`, or `from` where Leaf reads it
 * as "from then on"), `before<Param>` and `after<Param>`.
 */
export function timeFilters<T>(param: string, plain: 'equals' | 'from', get: (record: T) => string | null | undefined): FilterSpec<T>[] {
  const suffix = param.charAt(0).toUpperCase() + param.slice(1);
  return [timeFilter(param, plain, get), timeFilter(`before${suffix}`, 'before', get), timeFilter(`after${suffix}`, 'after', get)];
}

const FEET_PER_MILE = 5280;

/** `distanceUnit` values Leaf documents, mapped to the unit the comparison happens in. */
const DISTANCE_UNITS: Record<string, 'ft' | 'mi'> = { Mile: 'mi', mile: 'mi', Feet: 'ft', ft: 'ft' };

function toUnit(measurement: { value: number; unit: string }, unit: 'ft' | 'mi'): number | null {
  const from = measurement.unit === 'mi' ? 'mi' : measurement.unit === 'ft' ? 'ft' : null;
  if (from === null) return null;
  if (from === unit) return measurement.value;
  return unit === 'ft' ? measurement.value * FEET_PER_MILE : measurement.value / FEET_PER_MILE;
}

export function distanceUnitFilter<T>(param: string): FilterSpec<T> {
  return {
    param,
    build: (raw) => {
      if (!(raw in DISTANCE_UNITS)) throw badRequest(`Parameter '${param}' must be one of Mile, mile, Feet, ft, got '${raw}'`);
      return null;
    },
  };
}

/** Compares in the query's `distanceUnit` (feet when absent), converting each record's own unit. */
export function distanceFilter<T>(
  param: string,
  comparison: 'equals' | 'greater' | 'less',
  unitParam: string,
  get: (record: T) => { value: number; unit: string } | null | undefined,
): FilterSpec<T> {
  return {
    param,
    build: (raw, query) => {
      const bound = numberParam(param, raw);
      const unit = DISTANCE_UNITS[first(query, unitParam) ?? 'ft'] ?? 'ft';
      return (record) => {
        const measurement = get(record);
        if (!measurement) return false;
        const value = toUnit(measurement, unit);
        if (value === null) return false;
        if (comparison === 'greater') return value > bound;
        if (comparison === 'less') return value < bound;
        // Converted values carry float noise; the same unit compares exactly.
        return Math.abs(value - bound) <= 1e-9 * Math.max(1, Math.abs(bound));
      };
    },
  };
}

export interface PageRequest {
  page: number;
  size: number;
}

function integerParam(query: QueryParams, param: string, fallback: number, min: number, max: number): number {
  const raw = first(query, param);
  if (raw === undefined) return fallback;
  const value = /^\d+$/.test(raw) ? Number(raw) : Number.NaN;
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    const range = max === Number.MAX_SAFE_INTEGER ? `an integer >= ${min}` : `an integer from ${min} to ${max}`;
    throw badRequest(`Parameter '${param}' must be ${range}, got '${raw}'`);
  }
  return value;
}

export function parsePage(query: QueryParams): PageRequest {
  return {
    page: integerParam(query, 'page', 0, 0, Number.MAX_SAFE_INTEGER),
    size: integerParam(query, 'size', DEFAULT_PAGE_SIZE, 1, MAX_PAGE_SIZE),
  };
}

interface SortKey<T> {
  get: (record: T) => SortValue;
  descending: boolean;
}

/** Spring's `sort=field[,field...][,asc|desc]`, repeatable, first parameter primary. */
export function parseSort<T>(values: readonly string[], sorts: Record<string, (record: T) => SortValue>): SortKey<T>[] {
  const keys: SortKey<T>[] = [];
  for (const value of values) {
    const parts = value.split(',').map((part) => part.trim());
    const last = parts.at(-1)?.toLowerCase();
    const hasDirection = parts.length > 1 && (last === 'asc' || last === 'desc');
    const fields = hasDirection ? parts.slice(0, -1) : parts;
    for (const field of fields) {
      const get = Object.hasOwn(sorts, field) ? sorts[field] : undefined;
      if (!get) {
        const valid = Object.keys(sorts).join(', ');
        if (parts.length === 2 && field === parts[1]) {
          throw badRequest(`Invalid sort direction '${field}' in '${value}': use asc or desc`);
        }
        throw badRequest(`Invalid sort field '${field}': valid fields are ${valid}`);
      }
      keys.push({ get, descending: hasDirection && last === 'desc' });
    }
  }
  return keys;
}

function compareValues(a: SortValue, b: SortValue): number {
  const aMissing = a === null || a === undefined;
  const bMissing = b === null || b === undefined;
  // Nulls rank above every value: last ascending, first descending.
  if (aMissing || bMissing) return aMissing === bMissing ? 0 : aMissing ? 1 : -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  const left = String(a);
  const right = String(b);
  return left < right ? -1 : left > right ? 1 : 0;
}

function compareIds(a: { id: string }, b: { id: string }): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Filters, sorts (ties by id ascending, so pages never overlap) and slices one page. */
export function listPage<T extends { id: string }>(records: readonly T[], query: QueryParams, spec: ListSpec<T>): T[] {
  const { page, size } = parsePage(query);
  const predicates: ((record: T) => boolean)[] = [];
  for (const filter of spec.filters) {
    const raw = first(query, filter.param);
    if (raw === undefined) continue;
    const predicate = filter.build(raw, query);
    if (predicate) predicates.push(predicate);
  }
  const keys = spec.sorts ? parseSort(query['sort'] ?? [], spec.sorts) : [];
  const matching = predicates.length === 0 ? [...records] : records.filter((record) => predicates.every((predicate) => predicate(record)));
  // Read each key once per record rather than once per comparison.
  const decorated = matching.map((record) => ({ record, values: keys.map((key) => key.get(record)) }));
  decorated.sort((a, b) => {
    for (let index = 0; index < keys.length; index++) {
      const order = compareValues(a.values[index], b.values[index]);
      if (order !== 0) return keys[index]?.descending ? -order : order;
    }
    return compareIds(a.record, b.record);
  });
  const start = page * size;
  return start >= decorated.length ? [] : decorated.slice(start, start + size).map((entry) => entry.record);
}

/** A time field as a sortable number, so offsets and precision don't distort the order. */
export function instantOf(value: string | null | undefined): number | null {
  if (value === null || value === undefined) return null;
  const ms = parseInstant(value);
  return Number.isNaN(ms) ? null : ms;
}
