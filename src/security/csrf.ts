// CSRF prevention from @graphql-yoga/plugin-csrf-prevention: a request a browser may send
// cross-site without a CORS preflight (a GET, or a POST of a form or text/plain) must carry a
// header no cross-site form can set. JSON POSTs, what every GraphQL client sends, pass as they are.
import { useCSRFPrevention } from '@graphql-yoga/plugin-csrf-prevention';
import { createGraphQLError, type Plugin } from 'graphql-yoga';
import type { SecurityErrorCode } from './errors.js';

/** Any one of these marks a request as sent by a client, not by a cross-site page. */
export const CSRF_HEADERS = ['x-graphql-yoga-csrf', 'apollo-require-preflight', 'x-apollo-operation-name'];

export function useCsrfPrevention(): Plugin {
  const library = useCSRFPrevention({ requestHeaders: CSRF_HEADERS });
  return {
    onRequestParse(payload) {
      try {
        return library.onRequestParse?.(payload);
      } catch {
        // The library's refusal has no code and no hint of what to send.
        const code: SecurityErrorCode = 'CSRF_HEADER_REQUIRED';
        throw createGraphQLError(
          `This request needs one of the headers ${CSRF_HEADERS.join(', ')} (any value), or a JSON body (content-type: application/json).`,
          { extensions: { code, http: { status: 403 } } },
        );
      }
    },
  };
}
