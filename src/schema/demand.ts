// Demand control: what a field costs, declared once on the field itself. Federation gateways read
// these as the IBM cost directives (`@cost`, `@listSize` in schema/subgraph.graphql, which Apollo
// Router and Hive Gateway price queries by), and the gateway's own cost limit
// (src/server/security/cost.ts) reads the same declarations back from the schema.
import { MAX_PAGE_SIZE } from './relay/window.js';

/** What one object a field returns costs when the field declares nothing (the IBM spec's default too). */
export const OBJECT_WEIGHT = 1;

/** Field options (Pothos federation plugin, printed as `@cost`) of a field that may call Leaf once per item. */
export const UPSTREAM_COST = { cost: 1 } as const;

/**
 * Field options (printed as `@listSize`) of a Relay connection: its size is `first` or `last`
 * (both given: the smaller, so neither is required), counted at its `edges` and `nodes`, and
 * MAX_PAGE_SIZE when neither is given.
 */
export const CONNECTION_LIST_SIZE = {
  listSize: {
    assumedSize: MAX_PAGE_SIZE,
    slicingArguments: ['first', 'last'],
    sizedFields: ['edges', 'nodes'],
    requireOneSlicingArgument: false,
  },
};
