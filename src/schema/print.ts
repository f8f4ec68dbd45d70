// Prints the schema built from the Pothos builder to schema/schema.graphql (`npm run print-schema`).
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { schema } from './index.js';

export const SCHEMA_FILE = fileURLToPath(new URL('../../schema/schema.graphql', import.meta.url));

/** The same text `npm run codegen` writes with its schema-ast plugin (sorted, no trailing newline). */
export function printedSchema(): string {
  return printSchema(lexicographicSortSchema(schema));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(SCHEMA_FILE, printedSchema());
  console.log(`wrote ${SCHEMA_FILE}`);
}
