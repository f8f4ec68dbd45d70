// What a query selected on a connection field, read from the resolver's info, so the
// gateway fetches only that: no extra item unless hasNextPage is asked, no count unless
// totalCount is.
import { Kind, type FieldNode, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';
import type { Selection } from './resolve-window.js';

function collectFields(set: SelectionSetNode | undefined, info: GraphQLResolveInfo, into: Map<string, FieldNode[]>): void {
  for (const selection of set?.selections ?? []) {
    if (selection.kind === Kind.FIELD) {
      const list = into.get(selection.name.value) ?? [];
      list.push(selection);
      into.set(selection.name.value, list);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      collectFields(selection.selectionSet, info, into);
    } else {
      collectFields(info.fragments[selection.name.value]?.selectionSet, info, into);
    }
  }
}

function childFields(nodes: readonly FieldNode[], info: GraphQLResolveInfo): Map<string, FieldNode[]> {
  const fields = new Map<string, FieldNode[]>();
  for (const node of nodes) collectFields(node.selectionSet, info, fields);
  return fields;
}

/** The names of the fields selected under the resolver's field (fragments included, @skip/@include ignored). */
export function selectedFieldNames(info: GraphQLResolveInfo): Set<string> {
  return new Set(childFields(info.fieldNodes, info).keys());
}

/** What each field's nodes select, by those nodes: one document's fields, walked once. */
const selections = new WeakMap<readonly FieldNode[], Selection>();

/**
 * Conservative: a field under a @skip/@include directive counts as selected. The answer depends
 * only on the field's nodes and its document's fragments, and a compiled query hands the same
 * nodes to every call of the field (each item of a list, each request): it is worked out once
 * per field of a document, not once per call.
 */
export function connectionSelection(info: GraphQLResolveInfo): Selection {
  let selection = selections.get(info.fieldNodes);
  if (selection === undefined) {
    selection = selectionOf(info);
    selections.set(info.fieldNodes, selection);
  }
  return selection;
}

function selectionOf(info: GraphQLResolveInfo): Selection {
  const fields = childFields(info.fieldNodes, info);
  const pageInfo = childFields(fields.get('pageInfo') ?? [], info);
  return {
    totalCount: fields.has('totalCount'),
    hasNextPage: pageInfo.has('hasNextPage'),
    hasPreviousPage: pageInfo.has('hasPreviousPage'),
    items: fields.has('edges') || fields.has('nodes') || pageInfo.has('startCursor') || pageInfo.has('endCursor'),
  };
}
