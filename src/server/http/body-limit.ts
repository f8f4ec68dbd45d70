// The request body bound (MAX_REQUEST_BYTES), in place of Yoga's maxRequestBodySize. Yoga's
// refuses a Content-Length over the bound, then pipes every body through a counting stream
// anyway: a stream pipeline per request, with its AbortController and, when the pipeline
// finishes, the DOMException of its abort (about 5 % of the gateway's CPU on the flat page).
// A body with a valid Content-Length needs no counting: Node's HTTP parser reads exactly that
// many bytes, and the rest of the connection is the next request. Only a body without one
// (chunked) is counted as it is read, and refused once it passes the bound.
import { createGraphQLError, type Plugin } from 'graphql-yoga';

function tooLarge() {
  return createGraphQLError('Request body too large', { extensions: { http: { status: 413 }, code: 'REQUEST_ENTITY_TOO_LARGE' } });
}

// One non-negative integer: anything else (a comma-joined pair, as in request smuggling) is refused.
const CONTENT_LENGTH = /^\d+$/;

/** A Content-Length header's byte count; null when it is not one non-negative integer. */
export function declaredLength(header: string): number | null {
  return CONTENT_LENGTH.test(header) ? Number(header) : null;
}

/** `request` with a body that errors with a 413 once more than `limit` bytes have been read. */
function counted(request: Request, limit: number, fetchAPI: typeof globalThis): Request {
  const body = request.body as ReadableStream<Uint8Array>;
  // The native stream (Node's own Request) with the native TransformStream, as Yoga does it.
  const Transform = body instanceof ReadableStream ? globalThis.TransformStream : fetchAPI.TransformStream;
  let read = 0;
  const bounded = body.pipeThrough(
    new Transform<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        read += chunk.byteLength;
        if (read > limit) controller.error(tooLarge());
        else controller.enqueue(chunk);
      },
    }),
  );
  return new fetchAPI.Request(request.url, { method: request.method, headers: request.headers, signal: request.signal, body: bounded, duplex: 'half' } as RequestInit);
}

/** After every request parser has been chosen (Yoga's and useRequestParams'): last in the plugin list. */
export function useRequestBodyLimit(limit: number): Plugin {
  return {
    onRequestParse({ request, requestParser, setRequestParser, fetchAPI }) {
      const length = request.headers.get('content-length');
      if (length !== null) {
        const declared = declaredLength(length);
        if (declared === null) throw createGraphQLError('Content-Length header is invalid.', { extensions: { http: { status: 400 }, code: 'BAD_REQUEST' } });
        if (declared > limit) throw tooLarge();
        return;
      }
      if (!requestParser || !request.body) return;
      const parse = requestParser;
      setRequestParser((req) => parse(counted(req, limit, fetchAPI as unknown as typeof globalThis)));
    },
  };
}
