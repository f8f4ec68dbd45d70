// What a query may cost, counted before it runs: the most objects it can return. A connection
// field answers `first` or `last` items (100 when neither is given), `nodes(ids:)` one per ID,
// and everything selected under a field is paid once per item of it, so
// `machines(first: 100) { nodes { files(first: 100) { nodes { file { … } } } } }` costs ~30,000.
//
// The weights are the fields' own declarations (src/schema/demand.ts): an upstream-backed field's
// `@cost`, a connection's `@listSize`, read back from the schema here, so this limit and a
// federation gateway's demand control (which reads them in schema/subgraph.graphql) price a
// field alike.
//
// This runs at execution, not validation, because the sizes usually come from variables
// (`first: $first`): Yoga caches validation results per document, so a validation rule never
// sees them, and GraphQL Armor's cost rule counts a variable `first` as one item.
import {
  getArgumentValues,
  getNamedType,
  getOperationAST,
  getVariableValues,
  isCompositeType,
  isInterfaceType,
  isObjectType,
  Kind,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLError,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLSchema,
  type SelectionSetNode,
} from 'graphql';
import { getDirectiveExtensions } from '@graphql-tools/utils';
import type { Plugin } from 'graphql-yoga';
import { LRUCache } from 'lru-cache';
import { OBJECT_WEIGHT } from '../../schema/demand.js';
import { MAX_PAGE_SIZE } from '../../schema/relay/window.js';
import { queryTooComplex } from './errors.js';

interface CostDirectives {
  cost?: { weight?: unknown }[];
  listSize?: { assumedSize?: unknown; slicingArguments?: unknown }[];
}

/** The `@cost` and `@listSize` a field declares (src/schema/demand.ts). */
function costDirectives(field: GraphQLField<unknown, unknown>, schema: GraphQLSchema): CostDirectives {
  return getDirectiveExtensions<{ cost: { weight?: unknown }; listSize: { assumedSize?: unknown; slicingArguments?: unknown } }>(field, schema);
}

/** What one item of `field` costs before what is selected under it: its `@cost`, or an object's weight. */
function fieldWeight(walk: Walk, field: GraphQLField<unknown, unknown>): number {
  const weight = costDirectives(field, walk.schema).cost?.[0]?.weight;
  return typeof weight === 'number' ? weight : OBJECT_WEIGHT;
}

interface Walk {
  schema: GraphQLSchema;
  variables: Record<string, unknown>;
  fragments: Map<string, FragmentDefinitionNode>;
  /** Cost of each fragment's selection per item, computed once however often it is spread. */
  fragmentCosts: Map<string, number>;
}

function itemCount(walk: Walk, field: GraphQLField<unknown, unknown>, node: FieldNode): number {
  let args: Record<string, unknown>;
  try {
    args = getArgumentValues(field, node, walk.variables);
  } catch {
    return 1; // A bad argument fails the query at execution anyway, with BAD_USER_INPUT.
  }
  const listSize = costDirectives(field, walk.schema).listSize?.[0];
  if (listSize && Array.isArray(listSize.slicingArguments)) {
    const given = listSize.slicingArguments.map((name) => args[String(name)]).filter((value): value is number => typeof value === 'number');
    // Above its cap the connection refuses the window itself, with a clearer message. A list
    // of small items (a file's points) declares a larger cap of its own.
    const cap = typeof field.extensions.maxPageSize === 'number' ? field.extensions.maxPageSize : MAX_PAGE_SIZE;
    const assumed = typeof listSize.assumedSize === 'number' ? listSize.assumedSize : cap;
    return given.length === 0 ? Math.min(cap, assumed) : Math.max(0, Math.min(cap, ...given));
  }
  // `nodes(ids:)` and a federation gateway's `_entities(representations:)`: one item per reference.
  const references = args.ids ?? args.representations;
  return Array.isArray(references) ? references.length : 1;
}

/** Cost of a selection set for one item of `parent`. */
function selectionCost(walk: Walk, parent: GraphQLCompositeType, selectionSet: SelectionSetNode): number {
  let cost = 0;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      // __typename and introspection are answered by the gateway itself.
      if (!selection.selectionSet || selection.name.value.startsWith('__')) continue;
      if (!isObjectType(parent) && !isInterfaceType(parent)) continue;
      const field = parent.getFields()[selection.name.value];
      const type = field && getNamedType(field.type);
      if (!field || !isCompositeType(type)) continue;
      cost += itemCount(walk, field, selection) * (fieldWeight(walk, field) + selectionCost(walk, type, selection.selectionSet));
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      const type = selection.typeCondition ? walk.schema.getType(selection.typeCondition.name.value) : parent;
      cost += selectionCost(walk, isCompositeType(type) ? type : parent, selection.selectionSet);
    } else {
      cost += fragmentCost(walk, selection.name.value);
    }
  }
  return cost;
}

function fragmentCost(walk: Walk, name: string): number {
  const known = walk.fragmentCosts.get(name);
  if (known !== undefined) return known;
  const fragment = walk.fragments.get(name);
  const type = fragment && walk.schema.getType(fragment.typeCondition.name.value);
  // Validation has already refused unknown fragments and fragment cycles.
  const cost = fragment && isCompositeType(type) ? selectionCost(walk, type, fragment.selectionSet) : 0;
  walk.fragmentCosts.set(name, cost);
  return cost;
}

/**
 * The cost of the operation `operationName` of a validated document, with its variables; null
 * when the variables do not fit the operation (execution reports that itself).
 */
export function queryCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  inputs: Record<string, unknown> | null | undefined,
): number | null {
  const operation = getOperationAST(document, operationName);
  const root = operation && schema.getRootType(operation.operation);
  if (!operation || !root) return null;
  const variables = getVariableValues(schema, operation.variableDefinitions ?? [], inputs ?? {});
  if (variables.errors) return null;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  return selectionCost({ schema, variables: variables.coerced, fragments, fragmentCosts: new Map() }, root, operation.selectionSet);
}

const COSTS_PER_DOCUMENT = 64;

/**
 * The refusal an operation earns when its cost is over `maxCost`, or null: what useQueryCost
 * answers before any resolver runs, and what the /graphql fast path checks (it leaves a refused
 * request to Yoga). One per gateway, so both read the same costs.
 */
export function costLimit(maxCost: number): (schema: GraphQLSchema, document: DocumentNode, operationName: string | null | undefined, inputs: Record<string, unknown> | null | undefined) => GraphQLError | null {
  // Yoga hands the same parsed document to every request that sends the same text, so a
  // cost is computed once per document, operation and variables, for the last
  // COSTS_PER_DOCUMENT pairs of a document (least recently used out first). A null cost
  // (execution reports the error) is boxed: an LRUCache value cannot be null.
  const costs = new WeakMap<DocumentNode, LRUCache<string, { cost: number | null }>>();
  return (schema, document, operationName, inputs) => {
    let known = costs.get(document);
    if (!known) costs.set(document, (known = new LRUCache({ max: COSTS_PER_DOCUMENT })));
    const key = `${operationName ?? ''}\u0000${JSON.stringify(inputs ?? {})}`;
    let entry = known.get(key);
    if (entry === undefined) {
      entry = { cost: queryCost(schema, document, operationName, inputs) };
      known.set(key, entry);
    }
    const { cost } = entry;
    if (cost === null || cost <= maxCost) return null;
    return queryTooComplex(
      'cost',
      `Query cost limit of ${maxCost} exceeded, found ${cost}: ask for fewer items (smaller first/last) at the nested lists, or split the query.`,
    );
  };
}

/** Refuses, before any resolver runs, an operation whose cost is over the limit. */
export function useQueryCost(refusal: ReturnType<typeof costLimit>): Plugin {
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const error = refusal(args.schema, args.document, args.operationName, args.variableValues);
      if (error) setResultAndStopExecution({ errors: [error] });
    },
  };
}
