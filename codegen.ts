// GraphQL Code Generator: prints schema/schema.graphql from the Pothos schema, and typed
// documents (TypedDocumentNode) for the operations the tests send.
import type { CodegenConfig } from '@graphql-codegen/cli';

const config: CodegenConfig = {
  overwrite: true,
  // Loaded through tsx (see the `codegen` script), so the TypeScript schema module runs as is.
  schema: './src/schema/index.ts',
  documents: ['test/**/*.ts', '!test/__generated__/**'],
  ignoreNoDocuments: true,
  // ESM with NodeNext resolution: generated imports need their .js extensions.
  emitLegacyCommonJSImports: false,
  generates: {
    'schema/schema.graphql': {
      plugins: ['schema-ast'],
      config: { includeDirectives: false, sort: false },
    },
    'test/__generated__/': {
      preset: 'client',
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        scalars: {
          UUID: 'string',
          DateTime: 'string',
          URL: 'string',
          JSON: 'unknown',
          JSONObject: 'Record<string, unknown>',
          HexColorCode: 'string',
        },
      },
      presetConfig: { fragmentMasking: false },
    },
  },
};

export default config;
