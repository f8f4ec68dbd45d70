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
    "query MachineFilesWithSummary($leafUserId: LeafId!, $machines: Int = 10, $files: Int = 5) {\n  leafUser(id: $leafUserId) {\n    machines(first: $machines) {\n      nodes {\n        id\n        name\n        files(first: $files, orderBy: [{field: START_TIME, direction: DESC}]) {\n          nodes {\n            id\n            startTime\n            endTime\n            file {\n              id\n              fileName\n              provider\n              summary {\n                operationType\n                startTime\n                endTime\n                crops\n                totalArea {\n                  value\n                  unit\n                }\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n}": typeof types.MachineFilesWithSummaryDocument,
    "query Machine($id: ID!) {\n  node(id: $id) {\n    id\n    ... on Machine {\n      leafId\n      name\n      make\n      model\n      modelYear\n      serialNumber\n      provider\n      originType\n      editable\n      updatedTime\n    }\n  }\n}": typeof types.MachineDocument,
    "query MachinesWithFiles($leafUserId: LeafId!, $first: Int = 5, $after: String) {\n  leafUser(id: $leafUserId) {\n    machines(first: $first, after: $after, orderBy: [{field: NAME, direction: ASC}]) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        name\n        make\n        model\n        originType\n        editable\n      }\n    }\n  }\n}": typeof types.MachinesWithFilesDocument,
};
const documents: Documents = {
    "query MachineFilesWithSummary($leafUserId: LeafId!, $machines: Int = 10, $files: Int = 5) {\n  leafUser(id: $leafUserId) {\n    machines(first: $machines) {\n      nodes {\n        id\n        name\n        files(first: $files, orderBy: [{field: START_TIME, direction: DESC}]) {\n          nodes {\n            id\n            startTime\n            endTime\n            file {\n              id\n              fileName\n              provider\n              summary {\n                operationType\n                startTime\n                endTime\n                crops\n                totalArea {\n                  value\n                  unit\n                }\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n}": types.MachineFilesWithSummaryDocument,
    "query Machine($id: ID!) {\n  node(id: $id) {\n    id\n    ... on Machine {\n      leafId\n      name\n      make\n      model\n      modelYear\n      serialNumber\n      provider\n      originType\n      editable\n      updatedTime\n    }\n  }\n}": types.MachineDocument,
    "query MachinesWithFiles($leafUserId: LeafId!, $first: Int = 5, $after: String) {\n  leafUser(id: $leafUserId) {\n    machines(first: $first, after: $after, orderBy: [{field: NAME, direction: ASC}]) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        name\n        make\n        model\n        originType\n        editable\n      }\n    }\n  }\n}": types.MachinesWithFilesDocument,
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
export function graphql(source: "query MachineFilesWithSummary($leafUserId: LeafId!, $machines: Int = 10, $files: Int = 5) {\n  leafUser(id: $leafUserId) {\n    machines(first: $machines) {\n      nodes {\n        id\n        name\n        files(first: $files, orderBy: [{field: START_TIME, direction: DESC}]) {\n          nodes {\n            id\n            startTime\n            endTime\n            file {\n              id\n              fileName\n              provider\n              summary {\n                operationType\n                startTime\n                endTime\n                crops\n                totalArea {\n                  value\n                  unit\n                }\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n}"): (typeof documents)["query MachineFilesWithSummary($leafUserId: LeafId!, $machines: Int = 10, $files: Int = 5) {\n  leafUser(id: $leafUserId) {\n    machines(first: $machines) {\n      nodes {\n        id\n        name\n        files(first: $files, orderBy: [{field: START_TIME, direction: DESC}]) {\n          nodes {\n            id\n            startTime\n            endTime\n            file {\n              id\n              fileName\n              provider\n              summary {\n                operationType\n                startTime\n                endTime\n                crops\n                totalArea {\n                  value\n                  unit\n                }\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Machine($id: ID!) {\n  node(id: $id) {\n    id\n    ... on Machine {\n      leafId\n      name\n      make\n      model\n      modelYear\n      serialNumber\n      provider\n      originType\n      editable\n      updatedTime\n    }\n  }\n}"): (typeof documents)["query Machine($id: ID!) {\n  node(id: $id) {\n    id\n    ... on Machine {\n      leafId\n      name\n      make\n      model\n      modelYear\n      serialNumber\n      provider\n      originType\n      editable\n      updatedTime\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query MachinesWithFiles($leafUserId: LeafId!, $first: Int = 5, $after: String) {\n  leafUser(id: $leafUserId) {\n    machines(first: $first, after: $after, orderBy: [{field: NAME, direction: ASC}]) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        name\n        make\n        model\n        originType\n        editable\n      }\n    }\n  }\n}"): (typeof documents)["query MachinesWithFiles($leafUserId: LeafId!, $first: Int = 5, $after: String) {\n  leafUser(id: $leafUserId) {\n    machines(first: $first, after: $after, orderBy: [{field: NAME, direction: ASC}]) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        name\n        make\n        model\n        originType\n        editable\n      }\n    }\n  }\n}"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;