import { defineConfig } from 'vitest/config';

export default defineConfig({
  // graphql ships both .mjs and .js; dependencies load the CommonJS one, so tests must too
  // (two copies of graphql refuse each other's schema objects).
  resolve: { alias: { graphql: 'graphql/index.js' } },
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Each file starts its own emulator and gateway on port 0; files run in parallel forks.
    pool: 'forks',
    teardownTimeout: 10_000,
  },
});
