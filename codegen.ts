// GraphQL Code Generator: typed documents (TypedDocumentNode) for the operations the tests
// send and for the client operations in operations/, whose hashes also make the
// trusted-document store the gateway loads (operations/__generated__/persisted-documents.json).
// schema/schema.graphql has one writer, src/schema/print.ts, which the `codegen` script runs first.
import type { CodegenConfig } from '@graphql-codegen/cli';

const scalars = {
  LeafId: 'string',
  DateTime: 'string',
  URL: 'string',
  JSON: 'unknown',
  JSONObject: 'Record<string, unknown>',
  HexColorCode: 'string',
};

const config: CodegenConfig = {
  overwrite: true,
  // Loaded through tsx (see the `codegen` script), so the TypeScript schema module runs as is.
  schema: './src/schema/index.ts',
  // Documents are per output: codegen adds root-level ones to every output.
  ignoreNoDocuments: true,
  // ESM with NodeNext resolution: generated imports need their .js extensions.
  emitLegacyCommonJSImports: false,
  generates: {
    'test/__generated__/': {
      documents: ['test/**/*.ts', '!test/__generated__/**'],
      preset: 'client',
      config: { useTypeImports: true, enumsAsTypes: true, scalars },
      presetConfig: { fragmentMasking: false },
    },
    'operations/__generated__/': {
      documents: ['operations/**/*.graphql'],
      preset: 'client',
      config: { useTypeImports: true, enumsAsTypes: true, scalars },
      // Each document carries its hash (`__meta__.hash`, "sha256:<hex>") for the client to send.
      presetConfig: { fragmentMasking: false, persistedDocuments: { hashAlgorithm: 'sha256' } },
    },
  },
};

export default config;
