// Requests node:http refuses before Yoga sees them (a request line or headers over its 16 KB
// limit, bytes that are not HTTP) get node's bare status line; this answers them with a
// GraphQL error body, as every other refusal has.
import type { Server } from 'node:http';
import type { ErrorCode } from '../../errors/codes.js';

const REFUSALS: Record<string, [status: number, reason: string, code: ErrorCode, message: string]> = {
  HPE_HEADER_OVERFLOW: [
    431,
    'Request Header Fields Too Large',
    'REQUEST_HEADERS_TOO_LARGE',
    'The URL and headers of this request exceed 16 KB: send a large document or variables by POST, or by persisted document id.',
  ],
  HPE_REQUEST_TIMEOUT: [408, 'Request Timeout', 'REQUEST_TIMEOUT', 'The request did not arrive in time.'],
  // Node's own deadlines (HTTP_HEADERS_TIMEOUT_MS, HTTP_REQUEST_TIMEOUT_MS, src/server/lifecycle.ts).
  ERR_HTTP_REQUEST_TIMEOUT: [408, 'Request Timeout', 'REQUEST_TIMEOUT', 'The request did not arrive in time.'],
};
const MALFORMED: [number, string, ErrorCode, string] = [400, 'Bad Request', 'BAD_REQUEST', 'The request is not valid HTTP/1.1.'];

export function answerMalformedHttp(server: Server): void {
  server.on('clientError', (error: Error & { code?: string }, socket) => {
    if (error.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    const [status, reason, code, message] = REFUSALS[error.code ?? ''] ?? MALFORMED;
    const body = JSON.stringify({ errors: [{ message, extensions: { code } }] });
    socket.end(
      `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  });
}
