// Inputs shared by the list filters and sorts, and their translation to Leaf query
// parameters. Leaf names its time filters <name>, before<Name>, after<Name>.
import type { Query } from '../leaf/client.js';
import { builder } from './builder.js';
import { OrderDirectionEnum } from './enums.js';
import { badUserInput } from './error-masking.js';

export interface DateTimeFilterShape {
  equals?: Date | null;
  before?: Date | null;
  after?: Date | null;
}

export const DateTimeFilter = builder.inputType('DateTimeFilter', {
  description: 'Matches a timestamp exactly, or strictly before and/or after given instants.',
  fields: (t) => ({
    equals: t.field({ type: 'DateTime', description: 'Exactly this instant.' }),
    before: t.field({ type: 'DateTime', description: 'Strictly before this instant.' }),
    after: t.field({ type: 'DateTime', description: 'Strictly after this instant.' }),
  }),
});

/** `{ equals, before, after }` → Leaf's `name`, `beforeName`, `afterName` (or the names given). */
export function timeParams(
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
export function leafTimeNames(name: string): { equals: string; before: string; after: string } {
  const capital = name.charAt(0).toUpperCase() + name.slice(1);
  return { equals: name, before: `before${capital}`, after: `after${capital}` };
}

/** camelCase Leaf field → GraphQL enum value (modelYear → MODEL_YEAR). */
export function enumValueOf(leafField: string): string {
  return leafField.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase();
}

export interface OrderShape<F extends string> {
  field: F;
  direction?: 'asc' | 'desc' | null;
}

/** An `<Name>OrderField` enum over Leaf's documented sort fields and its `<Name>Order` input. */
export function orderInput<const F extends string>(name: string, subject: string, leafFields: readonly F[]) {
  const fieldEnum = builder.enumType(`${name}OrderField`, {
    description: `Fields Leaf can sort ${subject} by.`,
    values: Object.fromEntries(
      leafFields.map((field) => [enumValueOf(field), { value: field, description: `Leaf's \`${field}\`.` }]),
    ) as Record<string, { value: F; description: string }>,
  });
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
export function sortParams(orderBy: readonly OrderShape<string>[] | null | undefined): Query {
  if (!orderBy || orderBy.length === 0) return {};
  const seen = new Set<string>();
  for (const order of orderBy) {
    if (seen.has(order.field)) throw badUserInput(`orderBy names "${enumValueOf(order.field)}" twice; name each field once.`);
    seen.add(order.field);
  }
  return { sort: orderBy.map((order) => `${order.field},${order.direction ?? 'asc'}`) };
}

/** Upstream string filters: present values only, as given. */
export function stringParams(values: Record<string, string | null | undefined>): Query {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== null && value !== undefined));
}
