// Which operation a request runs, in one place for every plugin that counts, logs, traces or
// caches by it: its type and name, read from the document once per execution; the name a
// request gives before (or without: a cache hit) parsing; whether the response cache answered
// it; and the bounded name labels each gateway's metrics use.
import { getOperationAST, type DocumentNode, type OperationTypeNode } from 'graphql';
import type { Plugin } from 'graphql-yoga';

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

/** What one request runs, as far as the gateway has seen it. */
export interface RequestOperation {
  /** The executed document's name, else what the request named: any JSON a client sent. */
  name: unknown;
  /** Set once the operation executes (never for a cache hit or a request refused before). */
  type: OperationTypeNode | undefined;
  executed: boolean;
}

const byRequest = new WeakMap<Request, RequestOperation>();

const NAMED_OPERATION = /\b(?:query|mutation|subscription)\s+([_A-Za-z][_0-9A-Za-z]*)/;

/** The name a request gives its operation before parsing: the one it names, else the first named in its text. */
export function requestedName(params: { operationName?: unknown; query?: unknown }): unknown {
  const { operationName, query } = params;
  return operationName ?? (typeof query === 'string' ? NAMED_OPERATION.exec(query)?.[1] : undefined);
}

/**
 * Records each request's operation for requestOperation(). createObservability lists it first,
 * so every plugin after it (metrics, request log, response cache) reads the same record.
 */
export const useRequestOperation: Plugin = {
  onParams({ params, request }) {
    byRequest.set(request, { name: requestedName(params), type: undefined, executed: false });
  },
  onExecute({ args }) {
    const request = (args.contextValue as { request?: Request }).request;
    const record = request ? byRequest.get(request) : undefined;
    if (!record) return;
    const operation = executedOperation(args);
    record.type = operation.type;
    record.executed = true;
    if (operation.name) record.name = operation.name;
  },
};

export function requestOperation(request: Request): RequestOperation | undefined {
  return byRequest.get(request);
}

/** True when @graphql-yoga/plugin-response-cache answered with a stored result. */
export function servedFromResponseCache(result: unknown): boolean {
  return (
    result !== null &&
    typeof result === 'object' &&
    !Array.isArray(result) &&
    (result as Record<symbol, unknown>)[Symbol.for('servedFromResponseCache')] === true
  );
}

const GRAPHQL_NAME = /^[_A-Za-z][_0-9A-Za-z]{0,127}$/;

/** A client-sent name as logs show it: a GraphQL name, else Anonymous or Invalid. */
export function operationName(name: unknown): string {
  if (name === undefined || name === null || name === '') return 'Anonymous';
  // A client may send any JSON value; RegExp.test would stringify ["a"] to "a".
  if (typeof name !== 'string' || !GRAPHQL_NAME.test(name)) return 'Invalid';
  return name;
}

/** Distinct operation names one gateway keeps as labels; any client can invent names, so the rest fold into 'Other'. */
export const MAX_OPERATION_LABELS = 200;

export type OperationLabels = (name: unknown) => string;

/** One gateway's label cap: client-sent names become labels only when they are GraphQL names, and only so many. */
export function createOperationLabels(max = MAX_OPERATION_LABELS): OperationLabels {
  const labelled = new Set<string>();
  return (name) => {
    const shown = operationName(name);
    if (shown === 'Anonymous' || shown === 'Invalid' || labelled.has(shown)) return shown;
    if (labelled.size >= max) return 'Other';
    labelled.add(shown);
    return shown;
  };
}
