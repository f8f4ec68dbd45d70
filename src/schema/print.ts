// The one writer of the schemas printed from the code (`npm run print-schema`; `npm run codegen`
// runs it first, so codegen reads what it wrote): schema/schema.graphql, the schema built from
// the Pothos builder, sorted; and schema/subgraph.graphql, the same schema as a federation
// subgraph (also what `_service { sdl }` answers).
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { filterSchema, printSchemaWithDirectives } from '@graphql-tools/utils';
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { schema, subgraphSchema } from './index.js';

export const SCHEMA_FILE = fileURLToPath(new URL('../../schema/schema.graphql', import.meta.url));
export const SUBGRAPH_FILE = fileURLToPath(new URL('../../schema/subgraph.graphql', import.meta.url));

/** Federation's own root fields and types, which a subgraph's SDL leaves out (the composer adds them). */
const FEDERATION_FIELDS = new Set(['_service', '_entities']);
const FEDERATION_TYPES = new Set(['_Any', '_Entity', '_Service', 'link__Import', 'federation__FieldSet', 'federation__Scope', 'federation__Policy']);

/**
 * A subgraph's SDL as federation gateways compose it: the schema sorted, with its directives
 * (`@link`, `@key`, `@cost`, `@listSize`), without federation's own fields and types.
 */
export function printSubgraphSdl(subgraph: GraphQLSchema): string {
  return printSchemaWithDirectives(lexicographicSortSchema(withoutFederationFields(subgraph)));
}

/** A schema without federation's own root fields and types (`_service`, `_entities`, `_Any`, ...). */
export function withoutFederationFields(served: GraphQLSchema): GraphQLSchema {
  return filterSchema({
    schema: served,
    typeFilter: (name) => !FEDERATION_TYPES.has(name),
    rootFieldFilter: (_operation, name) => !FEDERATION_FIELDS.has(name),
  });
}

/** The committed text of schema/subgraph.graphql (test/schema.test.ts compares it). */
export function printedSubgraph(): string {
  return printSubgraphSdl(subgraphSchema);
}

/** The committed text: the schema sorted, no trailing newline (test/schema.test.ts compares it). */
export function printedSchema(): string {
  return printSchema(lexicographicSortSchema(schema));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(SCHEMA_FILE, printedSchema());
  console.log(`wrote ${SCHEMA_FILE}`);
  writeFileSync(SUBGRAPH_FILE, printedSubgraph());
  console.log(`wrote ${SUBGRAPH_FILE}`);
}
