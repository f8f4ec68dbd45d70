/* eslint-disable */
import * as types from './graphql.js';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query NestedMachines($user: UUID!, $machines: Int!, $files: Int!) {\n    leafUser(id: $user) {\n      machines(first: $machines) {\n        nodes {\n          id\n          leafId\n          name\n          files(first: $files) {\n            nodes {\n              id\n              leafFileId\n              machine { id leafId name }\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.NestedMachinesDocument,
    "\n  query MachinePage($user: UUID!, $first: Int, $after: String, $last: Int, $before: String, $orderBy: [MachineOrder!]) {\n    leafUser(id: $user) {\n      machines(first: $first, after: $after, last: $last, before: $before, orderBy: $orderBy) {\n        edges { cursor node { leafId } }\n        pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n      }\n    }\n  }\n": typeof types.MachinePageDocument,
    "\n  query MachineCount($user: UUID!, $filter: MachineFilter) {\n    leafUser(id: $user) { machines(filter: $filter) { totalCount } }\n  }\n": typeof types.MachineCountDocument,
    "\n  query FilteredMachines($user: UUID!, $filter: MachineFilter, $orderBy: [MachineOrder!]) {\n    leafUser(id: $user) {\n      machines(first: 100, filter: $filter, orderBy: $orderBy) {\n        nodes { leafId name provider originType createdTime updatedTime modelYear }\n      }\n    }\n  }\n": typeof types.FilteredMachinesDocument,
    "\n  query NodeLookup($ids: [ID!]!) {\n    nodes(ids: $ids) { id ... on Machine { leafId name } }\n  }\n": typeof types.NodeLookupDocument,
    "\n  query MachineById($user: UUID!, $id: UUID!) {\n    leafUser(id: $user) { machine(id: $id) { leafId name } }\n  }\n": typeof types.MachineByIdDocument,
};
const documents: Documents = {
    "\n  query NestedMachines($user: UUID!, $machines: Int!, $files: Int!) {\n    leafUser(id: $user) {\n      machines(first: $machines) {\n        nodes {\n          id\n          leafId\n          name\n          files(first: $files) {\n            nodes {\n              id\n              leafFileId\n              machine { id leafId name }\n            }\n          }\n        }\n      }\n    }\n  }\n": types.NestedMachinesDocument,
    "\n  query MachinePage($user: UUID!, $first: Int, $after: String, $last: Int, $before: String, $orderBy: [MachineOrder!]) {\n    leafUser(id: $user) {\n      machines(first: $first, after: $after, last: $last, before: $before, orderBy: $orderBy) {\n        edges { cursor node { leafId } }\n        pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n      }\n    }\n  }\n": types.MachinePageDocument,
    "\n  query MachineCount($user: UUID!, $filter: MachineFilter) {\n    leafUser(id: $user) { machines(filter: $filter) { totalCount } }\n  }\n": types.MachineCountDocument,
    "\n  query FilteredMachines($user: UUID!, $filter: MachineFilter, $orderBy: [MachineOrder!]) {\n    leafUser(id: $user) {\n      machines(first: 100, filter: $filter, orderBy: $orderBy) {\n        nodes { leafId name provider originType createdTime updatedTime modelYear }\n      }\n    }\n  }\n": types.FilteredMachinesDocument,
    "\n  query NodeLookup($ids: [ID!]!) {\n    nodes(ids: $ids) { id ... on Machine { leafId name } }\n  }\n": types.NodeLookupDocument,
    "\n  query MachineById($user: UUID!, $id: UUID!) {\n    leafUser(id: $user) { machine(id: $id) { leafId name } }\n  }\n": types.MachineByIdDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query NestedMachines($user: UUID!, $machines: Int!, $files: Int!) {\n    leafUser(id: $user) {\n      machines(first: $machines) {\n        nodes {\n          id\n          leafId\n          name\n          files(first: $files) {\n            nodes {\n              id\n              leafFileId\n              machine { id leafId name }\n            }\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query NestedMachines($user: UUID!, $machines: Int!, $files: Int!) {\n    leafUser(id: $user) {\n      machines(first: $machines) {\n        nodes {\n          id\n          leafId\n          name\n          files(first: $files) {\n            nodes {\n              id\n              leafFileId\n              machine { id leafId name }\n            }\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MachinePage($user: UUID!, $first: Int, $after: String, $last: Int, $before: String, $orderBy: [MachineOrder!]) {\n    leafUser(id: $user) {\n      machines(first: $first, after: $after, last: $last, before: $before, orderBy: $orderBy) {\n        edges { cursor node { leafId } }\n        pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n      }\n    }\n  }\n"): (typeof documents)["\n  query MachinePage($user: UUID!, $first: Int, $after: String, $last: Int, $before: String, $orderBy: [MachineOrder!]) {\n    leafUser(id: $user) {\n      machines(first: $first, after: $after, last: $last, before: $before, orderBy: $orderBy) {\n        edges { cursor node { leafId } }\n        pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MachineCount($user: UUID!, $filter: MachineFilter) {\n    leafUser(id: $user) { machines(filter: $filter) { totalCount } }\n  }\n"): (typeof documents)["\n  query MachineCount($user: UUID!, $filter: MachineFilter) {\n    leafUser(id: $user) { machines(filter: $filter) { totalCount } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FilteredMachines($user: UUID!, $filter: MachineFilter, $orderBy: [MachineOrder!]) {\n    leafUser(id: $user) {\n      machines(first: 100, filter: $filter, orderBy: $orderBy) {\n        nodes { leafId name provider originType createdTime updatedTime modelYear }\n      }\n    }\n  }\n"): (typeof documents)["\n  query FilteredMachines($user: UUID!, $filter: MachineFilter, $orderBy: [MachineOrder!]) {\n    leafUser(id: $user) {\n      machines(first: 100, filter: $filter, orderBy: $orderBy) {\n        nodes { leafId name provider originType createdTime updatedTime modelYear }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query NodeLookup($ids: [ID!]!) {\n    nodes(ids: $ids) { id ... on Machine { leafId name } }\n  }\n"): (typeof documents)["\n  query NodeLookup($ids: [ID!]!) {\n    nodes(ids: $ids) { id ... on Machine { leafId name } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MachineById($user: UUID!, $id: UUID!) {\n    leafUser(id: $user) { machine(id: $id) { leafId name } }\n  }\n"): (typeof documents)["\n  query MachineById($user: UUID!, $id: UUID!) {\n    leafUser(id: $user) { machine(id: $id) { leafId name } }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;