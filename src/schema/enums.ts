// Every GraphQL enum over one of Leaf's value lists (declared where Leaf's answers are read): each value is Leaf's
// own spelling, named the GraphQL way (JohnDeere → JOHN_DEERE), so a list changes in one place.
import { ORIGIN_TYPES, type OriginType } from '../leaf/readers.js';
import { IMPLEMENT_PROVIDERS } from '../leaf/resources/implements.js';
import { MACHINE_PROVIDERS, type MachineProvider } from '../leaf/resources/machines.js';
import type { EnumRef } from '@pothos/core';
import { builder, type Types } from './builder.js';

/** camelCase Leaf value → GraphQL enum value (modelYear → MODEL_YEAR, JohnDeere → JOHN_DEERE). */
export function enumValueOf(leafValue: string): string {
  return leafValue.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase();
}

/** The enum made over each of Leaf's value lists, by the list itself. */
const enumsByValues = new Map<readonly string[], EnumRef<Types, string>>();

/** The enum over one of Leaf's value lists (a list filter of kind `oneOf` names the list). */
export function enumOver(leafValues: readonly string[]): EnumRef<Types, string> {
  const ref = enumsByValues.get(leafValues);
  if (!ref) throw new Error(`No GraphQL enum is made over the Leaf values ${leafValues.join(', ')} (src/schema/enums.ts).`);
  return ref;
}

/** A GraphQL enum whose values are `leafValues`, each sent to Leaf as it is. */
export function leafEnum<const V extends string>(name: string, description: string, leafValues: readonly V[], describe: (value: V) => string) {
  const ref = builder.enumType(name, {
    description,
    values: Object.fromEntries(leafValues.map((value) => [enumValueOf(value), { value, description: describe(value) }])) as Record<
      string,
      { value: V; description: string }
    >,
  });
  enumsByValues.set(leafValues, ref);
  return ref;
}

const ORIGIN_DESCRIPTIONS: Record<OriginType, string> = {
  USER_CREATED: 'Created through the API. Editable and deletable.',
  FILE_POOLED: 'Extracted from uploaded machine file data. Read-only.',
  PROVIDER_POOLED: 'Synced from a connected provider (John Deere, CNHi, Stara, Trimble). Read-only.',
};

export const OriginTypeEnum = leafEnum('OriginType', 'Where Leaf got an asset record from.', ORIGIN_TYPES, (value) => ORIGIN_DESCRIPTIONS[value]);

const PROVIDER_DESCRIPTIONS: Record<MachineProvider, string> = {
  JohnDeere: 'John Deere Operations Center.',
  CNHi: 'CNH Industrial (Case IH, New Holland).',
  Stara: 'Stara.',
  Trimble: 'Trimble.',
  Leaf: 'Created through the Leaf API.',
};

// Found by enumOver from the list filters of kind `oneOf` that name these value lists.
leafEnum(
  'Provider',
  'A source of machine records; filters send Leaf its own spelling.',
  MACHINE_PROVIDERS,
  (value) => PROVIDER_DESCRIPTIONS[value],
);

leafEnum(
  'ImplementProvider',
  'Providers Leaf syncs implements from.',
  IMPLEMENT_PROVIDERS,
  (value) => PROVIDER_DESCRIPTIONS[value],
);

export const OrderDirectionEnum = builder.enumType('OrderDirection', {
  description: 'Sort direction, sent to Leaf as `,asc` or `,desc`.',
  values: {
    ASC: { value: 'asc', description: 'Smallest first.' },
    DESC: { value: 'desc', description: 'Largest first.' },
  } as const,
});
