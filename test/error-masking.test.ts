// The error mask (pure): what Yoga's hook makes of an unexpected failure, in development and in
// production. test/hostile.test.ts sees masking over HTTP.
import { describe, expect, it } from 'vitest';
import { maskError } from '../src/schema/error-masking.js';

describe('maskError', () => {
  it('with EXPOSE_ERROR_DETAILS adds the original message for developers, still never a stack', () => {
    // Nothing Leaf sends reaches this path any more (readers make it UPSTREAM_ERROR), so the
    // mask itself is exercised: the hook Yoga calls for an unexpected failure, in development.
    const masked = maskError(new TypeError('boom in a resolver'), 'Unexpected error.', true);
    const json = JSON.stringify(masked);
    expect(masked).toMatchObject({
      message: 'Unexpected error.',
      extensions: { code: 'INTERNAL_SERVER_ERROR', originalError: { name: 'TypeError', message: 'boom in a resolver' } },
    });
    expect(json).not.toMatch(/stack|\.ts:\d+|node_modules/);
    const production = maskError(new TypeError('boom in a resolver'), 'Unexpected error.', false);
    expect(JSON.stringify(production)).not.toMatch(/boom|stack/);
  });
});
