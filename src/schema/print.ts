// The one writer of schema/schema.graphql (`npm run print-schema`; `npm run codegen` runs it
// first, so codegen reads what it wrote): the schema built from the Pothos builder, sorted.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { schema } from './index.js';

export const SCHEMA_FILE = fileURLToPath(new URL('../../schema/schema.graphql', import.meta.url));

/** The committed text: the schema sorted, no trailing newline (test/schema.test.ts compares it). */
export function printedSchema(): string {
  return printSchema(lexicographicSortSchema(schema));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(SCHEMA_FILE, printedSchema());
  console.log(`wrote ${SCHEMA_FILE}`);
}
