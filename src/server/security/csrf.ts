// CSRF prevention where the credential is ambient, from @graphql-yoga/plugin-csrf-prevention:
// a request that carries no Authorization header acts with the server's own token
// (LEAF_API_TOKEN, or the demo token), so a cross-site page could make a browser send it. Such
// a request, when a browser may send it without a CORS preflight (a GET, or a POST of a form or
// text/plain), must carry a header no cross-site form can set. A request with its own
// Authorization header needs nothing more: a browser sends that header cross-site only after a
// preflight the CORS policy answers. JSON POSTs, what every GraphQL client sends, always pass.
import { useCSRFPrevention } from '@graphql-yoga/plugin-csrf-prevention';
import { createGraphQLError, type Plugin } from 'graphql-yoga';
import { identityOf } from '../identity.js';
import type { SecurityErrorCode } from './errors.js';

/** Any one of these marks a request as sent by a client, not by a cross-site page. */
export const CSRF_HEADERS = ['x-graphql-yoga-csrf', 'apollo-require-preflight', 'x-apollo-operation-name'];

/** `serverToken`: what a request without Authorization acts with; null leaves nothing to protect. */
export function useCsrfPrevention(serverToken: string | null): Plugin {
  const library = useCSRFPrevention({ requestHeaders: CSRF_HEADERS });
  return {
    onRequestParse(payload) {
      if (serverToken === null || identityOf(payload.request).ownCredentials) return;
      try {
        return library.onRequestParse?.(payload);
      } catch {
        // The library's refusal has no code and no hint of what to send.
        const code: SecurityErrorCode = 'CSRF_HEADER_REQUIRED';
        throw createGraphQLError(
          `This request acts with the server's own token, so it needs one of the headers ${CSRF_HEADERS.join(', ')} (any value), a JSON body (content-type: application/json), or an Authorization header of its own.`,
          { extensions: { code, http: { status: 403 } } },
        );
      }
    },
  };
}
