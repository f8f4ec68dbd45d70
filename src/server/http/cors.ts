// CORS from an allow-list (CORS_ORIGINS): a browser on a listed origin may read answers; any
// other origin gets no CORS headers at all, so its browser keeps the answer from the page.
// `*` (the demo default) lets every origin read, without credentials. No answer ever allows
// credentials: the gateway reads no cookies, and a token travels in the Authorization header,
// which a cross-origin page can only send after a preflight this policy answers.
import type { YogaServerOptions } from 'graphql-yoga';
import { CSRF_HEADERS } from '../security/csrf.js';

type CorsOption = NonNullable<YogaServerOptions<Record<string, unknown>, Record<string, unknown>>['cors']>;

/** What a browser may send and read across origins. */
const ALLOWED_HEADERS = ['authorization', 'content-type', 'accept', 'if-none-match', 'x-request-id', ...CSRF_HEADERS];
const EXPOSED_HEADERS = ['etag', 'x-request-id'];
const PREFLIGHT_CACHE_SECONDS = 600;

export const ANY_ORIGIN = '*';

export function corsPolicy(origins: readonly string[]): CorsOption {
  if (origins.length === 0) return false;
  const any = origins.includes(ANY_ORIGIN);
  const listed = new Set(origins);
  return (request: Request) => {
    const origin = request.headers.get('origin');
    if (origin === null || !(any || listed.has(origin))) return false;
    return {
      // One origin, the caller's own once it is allowed: with `*` that is what '*' would allow.
      origin: [origin],
      credentials: false,
      methods: ['GET', 'POST'],
      allowedHeaders: ALLOWED_HEADERS,
      exposedHeaders: EXPOSED_HEADERS,
      maxAge: PREFLIGHT_CACHE_SECONDS,
    };
  };
}
