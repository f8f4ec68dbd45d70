// Which operation an execution runs, its type and name, read from the document once per
// execution for every plugin that counts, logs, traces or caches by it.
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
