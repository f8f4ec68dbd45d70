// Bounds on argument values that multiply work or output, checked once before execution with
// the request's variables (and variable defaults): a `unit` is a short unit name, and
// `nodes(ids:)` fetches at most MAX_NODE_IDS objects (one upstream call each). Without the first,
// a 900 KB unit, parsed and echoed in an error once per item of a list, froze the event loop
// for 50 s; without the second, 4,999 ids (within the cost limit) made 4,999 upstream calls.
import { GraphQLError, Kind, visit, type DocumentNode, type ValueNode } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { ErrorCode } from '../../errors/codes.js';

/** Longest `unit` argument: the longest unit spelling in use (e.g. "seeds/ac", "US gal/ac") is far shorter. */
export const MAX_UNIT_LENGTH = 32;
/** Most IDs one `nodes(ids:)` takes: a page's worth, as every list of this API. */
export const MAX_NODE_IDS = 100;

type Inputs = Record<string, unknown> | null | undefined;

/** The value of an argument literal, or of the variable it names (its default when not sent). */
function valueOf(node: ValueNode, inputs: Inputs, defaults: Map<string, ValueNode>): unknown {
  if (node.kind === Kind.VARIABLE) {
    const name = node.name.value;
    if (inputs && name in inputs) return inputs[name];
    const fallback = defaults.get(name);
    return fallback ? valueOf(fallback, inputs, defaults) : undefined;
  }
  if (node.kind === Kind.STRING) return node.value;
  if (node.kind === Kind.LIST) return node.values;
  return undefined;
}

/** The arguments of a document that can earn a refusal, in document order, and its variables' defaults. */
interface Bounded {
  sites: { kind: 'unit' | 'ids'; value: ValueNode }[];
  defaults: Map<string, ValueNode>;
}

/**
 * Found once per document (Yoga hands the same parsed document to every request that sends the
 * same text): most documents have no `unit` and no `nodes(ids:)`, and then a request checks
 * nothing, instead of walking its whole document again.
 */
const boundedOf = new WeakMap<DocumentNode, Bounded>();

function bounded(document: DocumentNode): Bounded {
  const known = boundedOf.get(document);
  if (known) return known;
  const defaults = new Map<string, ValueNode>();
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
    for (const variable of definition.variableDefinitions ?? []) {
      if (variable.defaultValue) defaults.set(variable.variable.name.value, variable.defaultValue);
    }
  }
  const sites: Bounded['sites'] = [];
  visit(document, {
    Field(field) {
      for (const argument of field.arguments ?? []) {
        if (argument.name.value === 'unit') sites.push({ kind: 'unit', value: argument.value });
        else if (field.name.value === 'nodes' && argument.name.value === 'ids') sites.push({ kind: 'ids', value: argument.value });
      }
    },
  });
  const found = { sites, defaults };
  boundedOf.set(document, found);
  return found;
}

/** The first refusal an operation's arguments earn, as a message; null when none. */
export function argumentRefusal(document: DocumentNode, inputs: Inputs): string | null {
  const { sites, defaults } = bounded(document);
  for (const site of sites) {
    const value = valueOf(site.value, inputs, defaults);
    if (site.kind === 'unit' && typeof value === 'string' && value.length > MAX_UNIT_LENGTH) {
      return `A unit is a unit name such as kg/ha, at most ${MAX_UNIT_LENGTH} characters; this one has ${value.length}.`;
    }
    if (site.kind === 'ids' && Array.isArray(value) && value.length > MAX_NODE_IDS) {
      return `nodes(ids:) takes at most ${MAX_NODE_IDS} IDs; this one has ${value.length}: split them across requests.`;
    }
  }
  return null;
}

export const useArgumentBounds: Plugin = {
  onExecute({ args, setResultAndStopExecution }) {
    const refusal = argumentRefusal(args.document, args.variableValues as Inputs);
    if (!refusal) return;
    // Answered like an invalid document: 400, or 200 to a client accepting only application/json.
    const code: ErrorCode = 'BAD_USER_INPUT';
    setResultAndStopExecution({ errors: [new GraphQLError(refusal, { extensions: { code, http: { spec: true, status: 400 } } })] });
  },
};
