// The one writer of the files printed from the code (`npm run print-schema`; `npm run codegen`
// runs it first, so codegen reads what it wrote): schema/schema.graphql, the schema built from
// the Pothos builder, sorted; and operations/machines-with-files.graphql, the start-up example.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { EXAMPLE_OPERATION_FILE, exampleOperationFile } from '../server/example.js';
import { schema } from './index.js';

export const SCHEMA_FILE = fileURLToPath(new URL('../../schema/schema.graphql', import.meta.url));

/** The committed text: the schema sorted, no trailing newline (test/schema.test.ts compares it). */
export function printedSchema(): string {
  return printSchema(lexicographicSortSchema(schema));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(SCHEMA_FILE, printedSchema());
  console.log(`wrote ${SCHEMA_FILE}`);
  writeFileSync(EXAMPLE_OPERATION_FILE, exampleOperationFile());
  console.log(`wrote ${fileURLToPath(EXAMPLE_OPERATION_FILE)}`);
}
