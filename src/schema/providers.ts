// Provider names as GraphQL enums, mapped to the exact strings Leaf's filters take.
import { builder } from './builder.js';

export type ProviderValue = 'JohnDeere' | 'CNHi' | 'Stara' | 'Trimble' | 'Leaf';

export const ProviderEnum = builder.enumType('Provider', {
  description: 'A source of machine records; filters send Leaf its own spelling.',
  values: {
    JOHN_DEERE: { value: 'JohnDeere', description: 'John Deere Operations Center.' },
    CNHI: { value: 'CNHi', description: 'CNH Industrial (Case IH, New Holland).' },
    STARA: { value: 'Stara', description: 'Stara.' },
    TRIMBLE: { value: 'Trimble', description: 'Trimble.' },
    LEAF: { value: 'Leaf', description: 'Created through the Leaf API.' },
  } as const,
});

export const ImplementProviderEnum = builder.enumType('ImplementProvider', {
  description: 'Providers Leaf syncs implements from.',
  values: {
    JOHN_DEERE: { value: 'JohnDeere', description: 'John Deere Operations Center.' },
    TRIMBLE: { value: 'Trimble', description: 'Trimble.' },
  } as const,
});
