// Enums shared by several domains.
import { ORIGIN_TYPES, type OriginType } from '../leaf/types.js';
import { builder } from './builder.js';

const ORIGIN_DESCRIPTIONS: Record<OriginType, string> = {
  USER_CREATED: 'Created through the API. Editable and deletable.',
  FILE_POOLED: 'Extracted from uploaded machine file data. Read-only.',
  PROVIDER_POOLED: 'Synced from a connected provider (John Deere, CNHi, Stara, Trimble). Read-only.',
};

export const OriginTypeEnum = builder.enumType('OriginType', {
  description: 'Where Leaf got an asset record from.',
  values: Object.fromEntries(ORIGIN_TYPES.map((value) => [value, { value, description: ORIGIN_DESCRIPTIONS[value] }])) as {
    [K in OriginType]: { value: K; description: string };
  },
});

export const OrderDirectionEnum = builder.enumType('OrderDirection', {
  description: 'Sort direction, sent to Leaf as `,asc` or `,desc`.',
  values: {
    ASC: { value: 'asc', description: 'Smallest first.' },
    DESC: { value: 'desc', description: 'Largest first.' },
  } as const,
});
