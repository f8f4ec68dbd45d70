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
    "\n  query MachinesByOrigin($user: UUID!, $originType: OriginType!) {\n    leafUser(id: $user) {\n      machines(first: 3, filter: { originType: $originType }) {\n        nodes { id leafId name modelYear originType editable }\n      }\n    }\n  }\n": typeof types.MachinesByOriginDocument,
    "\n  query ReadMachine($user: UUID!, $leafId: UUID!, $id: ID!) {\n    leafUser(id: $user) {\n      machine(id: $leafId) { id leafId name serialNumber make modelYear originType editable }\n    }\n    node(id: $id) { id ... on Machine { name } }\n  }\n": typeof types.ReadMachineDocument,
    "\n  query MachineNames($user: UUID!) {\n    leafUser(id: $user) { machines(first: 100, filter: { originType: USER_CREATED }) { nodes { leafId name } } }\n  }\n": typeof types.MachineNamesDocument,
    "\n  mutation CreateMachine($user: UUID!, $input: CreateMachineInput!) {\n    createMachine(leafUserId: $user, input: $input) {\n      __typename\n      ... on CreateMachineSuccess {\n        machine { id leafId name serialNumber make model category vin modelYear provider originType editable leafUser { leafUserId } }\n      }\n      ... on Error { message }\n      ... on ValidationError { fields issues { field message } }\n      ... on UpstreamWriteError { upstreamStatus mayHaveApplied }\n    }\n  }\n": typeof types.CreateMachineDocument,
    "\n  mutation UpdateMachine($id: ID!, $input: UpdateMachineInput!) {\n    updateMachine(id: $id, input: $input) {\n      __typename\n      ... on UpdateMachineSuccess { machine { id leafId name serialNumber make modelYear originType editable } }\n      ... on Error { message }\n      ... on ReadOnlyMachineError { id originType }\n      ... on NotFoundError { id }\n      ... on ValidationError { fields issues { field message } }\n      ... on UpstreamWriteError { upstreamStatus mayHaveApplied }\n    }\n  }\n": typeof types.UpdateMachineDocument,
    "\n  mutation DeleteMachine($id: ID!) {\n    deleteMachine(id: $id) {\n      __typename\n      ... on DeleteMachineSuccess { deletedId }\n      ... on Error { message }\n      ... on ReadOnlyMachineError { id originType }\n      ... on NotFoundError { id }\n      ... on UpstreamWriteError { upstreamStatus mayHaveApplied }\n    }\n  }\n": typeof types.DeleteMachineDocument,
    "\n  mutation TwoUpdates($id: ID!, $first: UpdateMachineInput!, $second: UpdateMachineInput!) {\n    first: updateMachine(id: $id, input: $first) {\n      __typename\n      ... on UpdateMachineSuccess { machine { name modelYear } }\n      ... on ReadOnlyMachineError { originType }\n    }\n    second: updateMachine(id: $id, input: $second) {\n      __typename\n      ... on UpdateMachineSuccess { machine { name modelYear } }\n      ... on ReadOnlyMachineError { originType }\n    }\n  }\n": typeof types.TwoUpdatesDocument,
    "\n  mutation DeleteThenUpdate($id: ID!) {\n    deleteMachine(id: $id) { __typename }\n    updateMachine(id: $id, input: { name: \"After delete\" }) { __typename ... on NotFoundError { id } }\n  }\n": typeof types.DeleteThenUpdateDocument,
};
const documents: Documents = {
    "\n  query NestedMachines($user: UUID!, $machines: Int!, $files: Int!) {\n    leafUser(id: $user) {\n      machines(first: $machines) {\n        nodes {\n          id\n          leafId\n          name\n          files(first: $files) {\n            nodes {\n              id\n              leafFileId\n              machine { id leafId name }\n            }\n          }\n        }\n      }\n    }\n  }\n": types.NestedMachinesDocument,
    "\n  query MachinePage($user: UUID!, $first: Int, $after: String, $last: Int, $before: String, $orderBy: [MachineOrder!]) {\n    leafUser(id: $user) {\n      machines(first: $first, after: $after, last: $last, before: $before, orderBy: $orderBy) {\n        edges { cursor node { leafId } }\n        pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n      }\n    }\n  }\n": types.MachinePageDocument,
    "\n  query MachineCount($user: UUID!, $filter: MachineFilter) {\n    leafUser(id: $user) { machines(filter: $filter) { totalCount } }\n  }\n": types.MachineCountDocument,
    "\n  query FilteredMachines($user: UUID!, $filter: MachineFilter, $orderBy: [MachineOrder!]) {\n    leafUser(id: $user) {\n      machines(first: 100, filter: $filter, orderBy: $orderBy) {\n        nodes { leafId name provider originType createdTime updatedTime modelYear }\n      }\n    }\n  }\n": types.FilteredMachinesDocument,
    "\n  query NodeLookup($ids: [ID!]!) {\n    nodes(ids: $ids) { id ... on Machine { leafId name } }\n  }\n": types.NodeLookupDocument,
    "\n  query MachineById($user: UUID!, $id: UUID!) {\n    leafUser(id: $user) { machine(id: $id) { leafId name } }\n  }\n": types.MachineByIdDocument,
    "\n  query MachinesByOrigin($user: UUID!, $originType: OriginType!) {\n    leafUser(id: $user) {\n      machines(first: 3, filter: { originType: $originType }) {\n        nodes { id leafId name modelYear originType editable }\n      }\n    }\n  }\n": types.MachinesByOriginDocument,
    "\n  query ReadMachine($user: UUID!, $leafId: UUID!, $id: ID!) {\n    leafUser(id: $user) {\n      machine(id: $leafId) { id leafId name serialNumber make modelYear originType editable }\n    }\n    node(id: $id) { id ... on Machine { name } }\n  }\n": types.ReadMachineDocument,
    "\n  query MachineNames($user: UUID!) {\n    leafUser(id: $user) { machines(first: 100, filter: { originType: USER_CREATED }) { nodes { leafId name } } }\n  }\n": types.MachineNamesDocument,
    "\n  mutation CreateMachine($user: UUID!, $input: CreateMachineInput!) {\n    createMachine(leafUserId: $user, input: $input) {\n      __typename\n      ... on CreateMachineSuccess {\n        machine { id leafId name serialNumber make model category vin modelYear provider originType editable leafUser { leafUserId } }\n      }\n      ... on Error { message }\n      ... on ValidationError { fields issues { field message } }\n      ... on UpstreamWriteError { upstreamStatus mayHaveApplied }\n    }\n  }\n": types.CreateMachineDocument,
    "\n  mutation UpdateMachine($id: ID!, $input: UpdateMachineInput!) {\n    updateMachine(id: $id, input: $input) {\n      __typename\n      ... on UpdateMachineSuccess { machine { id leafId name serialNumber make modelYear originType editable } }\n      ... on Error { message }\n      ... on ReadOnlyMachineError { id originType }\n      ... on NotFoundError { id }\n      ... on ValidationError { fields issues { field message } }\n      ... on UpstreamWriteError { upstreamStatus mayHaveApplied }\n    }\n  }\n": types.UpdateMachineDocument,
    "\n  mutation DeleteMachine($id: ID!) {\n    deleteMachine(id: $id) {\n      __typename\n      ... on DeleteMachineSuccess { deletedId }\n      ... on Error { message }\n      ... on ReadOnlyMachineError { id originType }\n      ... on NotFoundError { id }\n      ... on UpstreamWriteError { upstreamStatus mayHaveApplied }\n    }\n  }\n": types.DeleteMachineDocument,
    "\n  mutation TwoUpdates($id: ID!, $first: UpdateMachineInput!, $second: UpdateMachineInput!) {\n    first: updateMachine(id: $id, input: $first) {\n      __typename\n      ... on UpdateMachineSuccess { machine { name modelYear } }\n      ... on ReadOnlyMachineError { originType }\n    }\n    second: updateMachine(id: $id, input: $second) {\n      __typename\n      ... on UpdateMachineSuccess { machine { name modelYear } }\n      ... on ReadOnlyMachineError { originType }\n    }\n  }\n": types.TwoUpdatesDocument,
    "\n  mutation DeleteThenUpdate($id: ID!) {\n    deleteMachine(id: $id) { __typename }\n    updateMachine(id: $id, input: { name: \"After delete\" }) { __typename ... on NotFoundError { id } }\n  }\n": types.DeleteThenUpdateDocument,
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
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MachinesByOrigin($user: UUID!, $originType: OriginType!) {\n    leafUser(id: $user) {\n      machines(first: 3, filter: { originType: $originType }) {\n        nodes { id leafId name modelYear originType editable }\n      }\n    }\n  }\n"): (typeof documents)["\n  query MachinesByOrigin($user: UUID!, $originType: OriginType!) {\n    leafUser(id: $user) {\n      machines(first: 3, filter: { originType: $originType }) {\n        nodes { id leafId name modelYear originType editable }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReadMachine($user: UUID!, $leafId: UUID!, $id: ID!) {\n    leafUser(id: $user) {\n      machine(id: $leafId) { id leafId name serialNumber make modelYear originType editable }\n    }\n    node(id: $id) { id ... on Machine { name } }\n  }\n"): (typeof documents)["\n  query ReadMachine($user: UUID!, $leafId: UUID!, $id: ID!) {\n    leafUser(id: $user) {\n      machine(id: $leafId) { id leafId name serialNumber make modelYear originType editable }\n    }\n    node(id: $id) { id ... on Machine { name } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MachineNames($user: UUID!) {\n    leafUser(id: $user) { machines(first: 100, filter: { originType: USER_CREATED }) { nodes { leafId name } } }\n  }\n"): (typeof documents)["\n  query MachineNames($user: UUID!) {\n    leafUser(id: $user) { machines(first: 100, filter: { originType: USER_CREATED }) { nodes { leafId name } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateMachine($user: UUID!, $input: CreateMachineInput!) {\n    createMachine(leafUserId: $user, input: $input) {\n      __typename\n      ... on CreateMachineSuccess {\n        machine { id leafId name serialNumber make model category vin modelYear provider originType editable leafUser { leafUserId } }\n      }\n      ... on Error { message }\n      ... on ValidationError { fields issues { field message } }\n      ... on UpstreamWriteError { upstreamStatus mayHaveApplied }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateMachine($user: UUID!, $input: CreateMachineInput!) {\n    createMachine(leafUserId: $user, input: $input) {\n      __typename\n      ... on CreateMachineSuccess {\n        machine { id leafId name serialNumber make model category vin modelYear provider originType editable leafUser { leafUserId } }\n      }\n      ... on Error { message }\n      ... on ValidationError { fields issues { field message } }\n      ... on UpstreamWriteError { upstreamStatus mayHaveApplied }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateMachine($id: ID!, $input: UpdateMachineInput!) {\n    updateMachine(id: $id, input: $input) {\n      __typename\n      ... on UpdateMachineSuccess { machine { id leafId name serialNumber make modelYear originType editable } }\n      ... on Error { message }\n      ... on ReadOnlyMachineError { id originType }\n      ... on NotFoundError { id }\n      ... on ValidationError { fields issues { field message } }\n      ... on UpstreamWriteError { upstreamStatus mayHaveApplied }\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateMachine($id: ID!, $input: UpdateMachineInput!) {\n    updateMachine(id: $id, input: $input) {\n      __typename\n      ... on UpdateMachineSuccess { machine { id leafId name serialNumber make modelYear originType editable } }\n      ... on Error { message }\n      ... on ReadOnlyMachineError { id originType }\n      ... on NotFoundError { id }\n      ... on ValidationError { fields issues { field message } }\n      ... on UpstreamWriteError { upstreamStatus mayHaveApplied }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteMachine($id: ID!) {\n    deleteMachine(id: $id) {\n      __typename\n      ... on DeleteMachineSuccess { deletedId }\n      ... on Error { message }\n      ... on ReadOnlyMachineError { id originType }\n      ... on NotFoundError { id }\n      ... on UpstreamWriteError { upstreamStatus mayHaveApplied }\n    }\n  }\n"): (typeof documents)["\n  mutation DeleteMachine($id: ID!) {\n    deleteMachine(id: $id) {\n      __typename\n      ... on DeleteMachineSuccess { deletedId }\n      ... on Error { message }\n      ... on ReadOnlyMachineError { id originType }\n      ... on NotFoundError { id }\n      ... on UpstreamWriteError { upstreamStatus mayHaveApplied }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TwoUpdates($id: ID!, $first: UpdateMachineInput!, $second: UpdateMachineInput!) {\n    first: updateMachine(id: $id, input: $first) {\n      __typename\n      ... on UpdateMachineSuccess { machine { name modelYear } }\n      ... on ReadOnlyMachineError { originType }\n    }\n    second: updateMachine(id: $id, input: $second) {\n      __typename\n      ... on UpdateMachineSuccess { machine { name modelYear } }\n      ... on ReadOnlyMachineError { originType }\n    }\n  }\n"): (typeof documents)["\n  mutation TwoUpdates($id: ID!, $first: UpdateMachineInput!, $second: UpdateMachineInput!) {\n    first: updateMachine(id: $id, input: $first) {\n      __typename\n      ... on UpdateMachineSuccess { machine { name modelYear } }\n      ... on ReadOnlyMachineError { originType }\n    }\n    second: updateMachine(id: $id, input: $second) {\n      __typename\n      ... on UpdateMachineSuccess { machine { name modelYear } }\n      ... on ReadOnlyMachineError { originType }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteThenUpdate($id: ID!) {\n    deleteMachine(id: $id) { __typename }\n    updateMachine(id: $id, input: { name: \"After delete\" }) { __typename ... on NotFoundError { id } }\n  }\n"): (typeof documents)["\n  mutation DeleteThenUpdate($id: ID!) {\n    deleteMachine(id: $id) { __typename }\n    updateMachine(id: $id, input: { name: \"After delete\" }) { __typename ... on NotFoundError { id } }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;