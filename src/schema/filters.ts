// The inputs of the list filters and sorts (DateTimeFilter, DateTimeSinceFilter,
// DistanceFilter, <Name>Filter, <Name>Order), and their translation to Leaf query parameters:
// listInputs derives a list's inputs from the list parameters its Leaf resource declares
// (src/leaf/resources/). Leaf names its time filters <name>, before<Name>, after<Name>.
import type { EnumRef, InputFieldBuilder, InputFieldRef, InputObjectRef } from '@pothos/core';
import type { Query } from '../leaf/client.js';
import type { FilterParameter, ListParameters } from '../leaf/resources/resource.js';
import { builder, type Types } from './builder.js';
import { enumOver, enumValueOf, leafEnum, OrderDirectionEnum } from './enums.js';
import { badUserInput } from './error-masking.js';
import { DistanceUnitEnum } from './measurement.js';

export const DateTimeFilter = builder.inputType('DateTimeFilter', {
  description: 'Matches a timestamp exactly, or strictly before and/or after given instants.',
  fields: (t) => ({
    equals: t.field({ type: 'DateTime', description: 'Exactly this instant.' }),
    before: t.field({ type: 'DateTime', description: 'Strictly before this instant.' }),
    after: t.field({ type: 'DateTime', description: 'Strictly after this instant.' }),
  }),
});

export type DateTimeFilterShape = typeof DateTimeFilter.$inferInput;

/** `{ equals, before, after }` → Leaf's `name`, `beforeName`, `afterName` (or the names given). */
function timeParams(
  filter: DateTimeFilterShape | null | undefined,
  names: { equals: string; before: string; after: string },
): Query {
  if (!filter) return {};
  return {
    [names.equals]: filter.equals?.toISOString(),
    [names.before]: filter.before?.toISOString(),
    [names.after]: filter.after?.toISOString(),
  };
}

/** The usual naming: createdTime → createdTime, beforeCreatedTime, afterCreatedTime. */
function leafTimeNames(name: string): { equals: string; before: string; after: string } {
  const capital = name.charAt(0).toUpperCase() + name.slice(1);
  return { equals: name, before: `before${capital}`, after: `after${capital}` };
}

// Leaf's implements list reads createdTime/updatedTime as "from this time onward", not as
// an exact match, so this filter names that `since` instead of `equals`.
const DateTimeSinceFilter = builder.inputType('DateTimeSinceFilter', {
  description: 'Matches a timestamp at or after an instant, or strictly before and/or after given instants.',
  fields: (t) => ({
    since: t.field({ type: 'DateTime', description: 'At or after this instant.' }),
    before: t.field({ type: 'DateTime', description: 'Strictly before this instant.' }),
    after: t.field({ type: 'DateTime', description: 'Strictly after this instant.' }),
  }),
});

type DateTimeSinceFilterShape = typeof DateTimeSinceFilter.$inferInput;

/** `{ since, before, after }` → Leaf's `name`, `beforeName`, `afterName`. */
function sinceParams(filter: DateTimeSinceFilterShape | null | undefined, name: string): Query {
  if (!filter) return {};
  return timeParams({ equals: filter.since, before: filter.before, after: filter.after }, leafTimeNames(name));
}

const DistanceFilter = builder.inputType('DistanceFilter', {
  description: 'Matches the distance a machine travelled in a file, compared in `unit`.',
  fields: (t) => ({
    equals: t.float({ description: 'Exactly this distance.' }),
    greaterThan: t.float({ description: 'Strictly more than this distance.' }),
    lessThan: t.float({ description: 'Strictly less than this distance.' }),
    unit: t.field({ type: DistanceUnitEnum, description: 'Unit of the values above; Leaf assumes feet when omitted.' }),
  }),
});

type DistanceFilterShape = typeof DistanceFilter.$inferInput;

/** `{ equals, greaterThan, lessThan, unit }` → Leaf's distance parameters; values must be finite. */
function distanceParams(filter: DistanceFilterShape | null | undefined): Query {
  if (!filter) return {};
  for (const [name, value] of Object.entries({ equals: filter.equals, greaterThan: filter.greaterThan, lessThan: filter.lessThan })) {
    if (value !== null && value !== undefined && !Number.isFinite(value)) {
      throw badUserInput(`filter.distance.${name} must be a finite number.`);
    }
  }
  return {
    distanceValue: filter.equals ?? undefined,
    greaterThanDistanceValue: filter.greaterThan ?? undefined,
    lessThanDistanceValue: filter.lessThan ?? undefined,
    distanceUnit: filter.unit ?? undefined,
  };
}

export interface OrderShape<F extends string> {
  field: F;
  direction?: 'asc' | 'desc' | null;
}

/** An `<Name>OrderField` enum over Leaf's documented sort fields and its `<Name>Order` input. */
function orderInput<const F extends string>(name: string, subject: string, leafFields: readonly F[]) {
  const fieldEnum = leafEnum(`${name}OrderField`, `Fields Leaf can sort ${subject} by.`, leafFields, (field) => `Leaf's \`${field}\`.`);
  return builder.inputType(`${name}Order`, {
    description: `One sort key for ${subject}; the first key in the list sorts first.`,
    fields: (t) => ({
      field: t.field({ type: fieldEnum, required: true, description: 'The field to sort by.' }),
      direction: t.field({
        type: OrderDirectionEnum,
        required: false,
        defaultValue: 'asc',
        description: 'Ascending (default) or descending.',
      }),
    }),
  });
}

/** orderBy → repeated `sort=field,direction`; a field named twice is a mistake worth saying. */
function sortParams(orderBy: readonly OrderShape<string>[] | null | undefined): Query {
  if (!orderBy || orderBy.length === 0) return {};
  const seen = new Set<string>();
  for (const order of orderBy) {
    if (seen.has(order.field)) throw badUserInput(`orderBy names "${enumValueOf(order.field)}" twice; name each field once.`);
    seen.add(order.field);
  }
  return { sort: orderBy.map((order) => `${order.field},${order.direction ?? 'asc'}`) };
}

/**
 * One field of a list filter: its input field and the Leaf query parameters a given value
 * becomes (`name` is the field's name in the filter).
 */
export interface FilterField<T> {
  input(t: InputFieldBuilder<Types, 'InputObject'>): InputFieldRef<Types, T | null | undefined>;
  params(value: T, name: string): Query;
}

/** Leaf matches the value exactly, as the parameter of the field's own name. */
function exactly(value: string, name: string): Query {
  return { [name]: value };
}

function textFilter(description: string): FilterField<string> {
  return { input: (t) => t.string({ description }), params: exactly };
}

function leafIdFilter(description: string): FilterField<string> {
  return { input: (t) => t.field({ type: 'LeafId', description }), params: exactly };
}

function enumFilter<T extends string>(type: EnumRef<Types, T>, description: string): FilterField<T> {
  return { input: (t) => t.field({ type, description }), params: exactly };
}

/** A DateTimeFilter, sent as Leaf's `<leafName>`, `before<LeafName>`, `after<LeafName>`. */
export function timeFilter(description: string, leafName?: string): FilterField<DateTimeFilterShape> {
  return {
    input: (t) => t.field({ type: DateTimeFilter, description }),
    params: (value, name) => timeParams(value, leafTimeNames(leafName ?? name)),
  };
}

function sinceFilter(description: string, leafName?: string): FilterField<DateTimeSinceFilterShape> {
  return { input: (t) => t.field({ type: DateTimeSinceFilter, description }), params: (value, name) => sinceParams(value, leafName ?? name) };
}

export function distanceFilter(description: string): FilterField<DistanceFilterShape> {
  return { input: (t) => t.field({ type: DistanceFilter, description }), params: (value) => distanceParams(value) };
}

type ValueOfFilterField<F> = F extends FilterField<infer T> ? T : never;
export type FilterShape<S> = { [K in keyof S]?: ValueOfFilterField<S[K]> | null };

/**
 * A list's filter input, each field written once: the input type, and `params`, which turns a
 * given filter into Leaf's query parameters, in field order (fields left out or null send none).
 */
function listFilter<S extends Record<string, FilterField<unknown>>>(name: string, description: string, fields: S) {
  const input = builder.inputType(name, {
    description,
    fields: (t) => Object.fromEntries(Object.entries(fields).map(([key, field]) => [key, field.input(t)])),
  }) as InputObjectRef<Types, FilterShape<S>>;
  const params = (filter: FilterShape<S> | null | undefined): Query => {
    const query: Query = {};
    for (const [key, field] of Object.entries(fields)) {
      const value: unknown = filter?.[key];
      if (value !== null && value !== undefined) Object.assign(query, field.params(value, key));
    }
    return query;
  };
  return { input, params, fields };
}

/** What a filter of each kind takes in GraphQL. */
interface ValueOfKind {
  exact: string;
  leafId: string;
  oneOf: string;
  time: DateTimeFilterShape;
  since: DateTimeSinceFilterShape;
  distance: DistanceFilterShape;
}

/** A given filter of a list: each declared filter's value, or nothing. */
export type FilterValues<F extends ListParameters['filters']> = { readonly [K in keyof F]?: ValueOfKind[F[K]['kind']] | null };

/** The filter field a declared Leaf filter parameter becomes. */
function filterField(parameter: FilterParameter): FilterField<unknown> {
  const { description, param } = parameter;
  const sent = (value: string, name: string): Query => ({ [param ?? name]: value });
  switch (parameter.kind) {
    case 'exact':
      return { ...textFilter(description), params: sent };
    case 'leafId':
      return { ...leafIdFilter(description), params: sent };
    case 'oneOf':
      return { ...enumFilter(enumOver(parameter.values), description), params: sent };
    case 'time':
      return timeFilter(description, param);
    case 'since':
      return sinceFilter(description, param);
    case 'distance':
      return distanceFilter(description);
  }
}

/**
 * A list's `<name>Filter` and `<name>Order` inputs, derived from the list parameters its Leaf
 * resource declares, and `query`, which turns given ones into Leaf's query parameters.
 */
export function listInputs<const L extends ListParameters>(name: string, description: string, list: L) {
  const fields = Object.fromEntries(Object.entries(list.filters).map(([key, parameter]) => [key, filterField(parameter)]));
  const filter = listFilter(`${name}Filter`, description, fields);
  const order = orderInput(name, list.subject, list.sorts);
  const query = (filterValues: FilterValues<L['filters']> | null | undefined, orderBy: readonly OrderShape<string>[] | null | undefined): Query => ({
    ...filter.params(filterValues as FilterShape<typeof filter.fields> | null | undefined),
    ...sortParams(orderBy),
  });
  return { filter: filter.input as InputObjectRef<Types, FilterValues<L['filters']>>, order, query };
}
