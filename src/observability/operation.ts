// Which operation a request runs: its type and name, read from the document once per
// execution for every plugin that counts, logs, traces or caches by it, and the bounded name
// label metrics, the response cache and the request log use before (or without) parsing.
import { getOperationAST, type DocumentNode, type OperationTypeNode } from 'graphql';

export interface ExecutedOperation {
  type: OperationTypeNode | undefined;
  /** As the document spells it: client-chosen, so bound it before using it as a label. */
  name: string | undefined;
}

/** Envelop hands every plugin's onExecute the same args object: one lookup per execution. */
const byArgs = new WeakMap<object, ExecutedOperation>();

export function executedOperation(args: { document: DocumentNode; operationName?: string | null }): ExecutedOperation {
  let known = byArgs.get(args);
  if (known === undefined) {
    const operation = getOperationAST(args.document, args.operationName);
    known = { type: operation?.operation, name: operation?.name?.value };
    byArgs.set(args, known);
  }
  return known;
}

const GRAPHQL_NAME = /^[_A-Za-z][_0-9A-Za-z]{0,127}$/;

/** Distinct operation names kept as labels; any client can invent names, so the rest fold into 'Other'. */
const MAX_OPERATION_LABELS = 200;
const labelled = new Set<string>();

/** Client-sent names become labels only when they are GraphQL names, and only so many of them. */
export function operationLabel(name: unknown): string {
  if (name === undefined || name === null || name === '') return 'Anonymous';
  // A client may send any JSON value; RegExp.test would stringify ["a"] to "a".
  if (typeof name !== 'string' || !GRAPHQL_NAME.test(name)) return 'Invalid';
  if (labelled.has(name)) return name;
  if (labelled.size >= MAX_OPERATION_LABELS) return 'Other';
  labelled.add(name);
  return name;
}

const NAMED_OPERATION = /\b(?:query|mutation|subscription)\s+([_A-Za-z][_0-9A-Za-z]*)/;

/**
 * The operation's name for labels, before (or without: a cache hit) parsing: the one the
 * request names, else the first named operation in the text.
 */
export function operationNameOf(params: { operationName?: unknown; query?: unknown }): string {
  const { operationName, query } = params;
  return operationLabel(operationName ?? (typeof query === 'string' ? NAMED_OPERATION.exec(query)?.[1] : undefined));
}
