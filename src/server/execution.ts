// Compiled execution: graphql-jit turns each operation into a function once, instead of
// graphql-js walking the document for every field of every request. An operation graphql-jit
// cannot compile runs on graphql-js as before. Used directly rather than through
// @envelop/graphql-jit: that plugin caches by document alone, so the second operation of a
// document holding two would run the first one's compiled code.
import type { Plugin } from 'graphql-yoga';
import {
  BREAK,
  getOperationAST,
  getVariableValues,
  GraphQLError,
  type DocumentNode,
  type ExecutionArgs,
  type ExecutionResult,
  type FieldNode,
  type OperationDefinitionNode,
  type SourceLocation,
  visit,
} from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';

/** Per document (Yoga's parser cache hands out one per text), per operation name. */
type Compiled = Map<string, CompiledOperation | null>;

/**
 * Each field node of a document by where it starts. graphql-jit's errors carry only the
 * locations of the field nodes they belong to; the gateway's masking rebuilds every error from
 * its `nodes`, as graphql-js's have them, so without this a masked error would lose its
 * locations. Built once per document, and only for a document whose answer holds errors.
 */
const fieldsByLocation = new WeakMap<DocumentNode, Map<string, FieldNode>>();

function fieldNodesAt(document: DocumentNode, locations: readonly SourceLocation[]): FieldNode[] {
  let fields = fieldsByLocation.get(document);
  if (!fields) {
    const found = new Map<string, FieldNode>();
    visit(document, {
      Field(node) {
        if (node.loc) found.set(`${node.loc.startToken.line}:${node.loc.startToken.column}`, node);
      },
    });
    fields = found;
    fieldsByLocation.set(document, fields);
  }
  return locations.flatMap((location) => fields.get(`${location.line}:${location.column}`) ?? []);
}

/**
 * graphql-jit's errors only look like graphql-js's: no `extensions` object, no `nodes`. The
 * rest of the gateway (masking, codes, suggestions) reads them as graphql-js made them, so
 * each becomes a real GraphQLError with the same message, path, field nodes (so the same
 * locations) and cause. A field error without a cause is graphql-jit's own (a value its scalar
 * cannot serialise, a null in a non-null field), where graphql-js's carries an Error: given
 * one, it is masked the same way (its message can quote what Leaf sent).
 */
function asGraphQLError(error: GraphQLError, document: DocumentNode): GraphQLError {
  const original = error.originalError ?? (error.path ? new Error(error.message) : undefined);
  return new GraphQLError(error.message, {
    nodes: error.locations ? fieldNodesAt(document, error.locations) : null,
    path: error.path ?? null,
    originalError: original,
    extensions: error.extensions ?? (original as { extensions?: Record<string, unknown> } | undefined)?.extensions ?? {},
  });
}

/** @defer and @stream need graphql-js's incremental executor: graphql-jit would answer them whole. */
function deliversIncrementally(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    Directive(node) {
      if (node.name.value !== 'defer' && node.name.value !== 'stream') return undefined;
      found = true;
      return BREAK;
    },
  });
  return found;
}

function withGraphQLErrors(result: ExecutionResult, document: DocumentNode): ExecutionResult {
  return result.errors?.length ? { ...result, errors: result.errors.map((error) => asGraphQLError(error, document)) } : result;
}

/** A document's operation as graphql-jit compiled it. */
export interface CompiledOperation {
  query: CompiledQuery;
  operation: OperationDefinitionNode;
}

/** What compiles and runs operations: Yoga's execute function (`plugin`), and the /graphql fast path's. */
export interface CompiledOperations {
  /** The compiled operation `operationName` of `document`, compiled on first use; null when graphql-js must run it. */
  compiledFor(schema: ExecutionArgs['schema'], document: DocumentNode, operationName: string | null | undefined): CompiledOperation | null;
  /**
   * Runs a compiled operation; null when the variables do not fit it: graphql-js reports bad
   * variables in its words (the scalar's own message, the variable's location) and with its
   * HTTP status, graphql-jit's say less.
   */
  run(compiled: CompiledOperation, args: ExecutionArgs): ExecutionResult | Promise<ExecutionResult> | null;
  plugin: Plugin;
}

export function compiledOperations(): CompiledOperations {
  const byDocument = new WeakMap<DocumentNode, Compiled>();

  function compiledFor(schema: ExecutionArgs['schema'], document: DocumentNode, operationName: string | null | undefined): CompiledOperation | null {
    let operations = byDocument.get(document);
    if (!operations) {
      operations = new Map();
      byDocument.set(document, operations);
    }
    const name = operationName ?? '';
    let compiled = operations.get(name);
    if (compiled !== undefined) return compiled;
    const operation = getOperationAST(document, operationName);
    // No such operation: graphql-js reports it. Nothing is kept, so names a client makes up
    // cannot grow the map (only the document's own operations, and '' for its one, are).
    if (!operation) return null;
    if (deliversIncrementally(document)) compiled = null;
    else {
      const result = compileQuery(schema, document, operationName ?? undefined);
      // Not compiled (an error result): graphql-js runs it, and reports what is wrong its own way.
      compiled = isCompiledQuery(result) ? { query: result, operation } : null;
    }
    operations.set(name, compiled);
    return compiled;
  }

  function run(compiled: CompiledOperation, args: ExecutionArgs): ExecutionResult | Promise<ExecutionResult> | null {
    const variables = getVariableValues(args.schema, compiled.operation.variableDefinitions ?? [], args.variableValues ?? {}, { maxErrors: 50 });
    if (variables.errors) return null;
    const result = compiled.query.query(args.rootValue, args.contextValue, args.variableValues) as ExecutionResult | Promise<ExecutionResult>;
    return result instanceof Promise ? result.then((done) => withGraphQLErrors(done, args.document)) : withGraphQLErrors(result, args.document);
  }

  const plugin: Plugin = {
    onExecute({ executeFn, setExecuteFn }) {
      setExecuteFn((args: ExecutionArgs) => {
        const compiled = compiledFor(args.schema, args.document, args.operationName);
        return (compiled && run(compiled, args)) ?? executeFn(args);
      });
    },
  };
  return { compiledFor, run, plugin };
}
