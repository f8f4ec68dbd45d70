// A webhook receiver for tests: a real node:http server on port 0 that keeps every POST it
// gets (raw body bytes and headers) and answers the status it is told to.
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedPost {
  path: string;
  headers: IncomingHttpHeaders;
  /** The body exactly as received, as text. */
  body: string;
  /** The X-Leaf-Signature header, if any. */
  signature: string | null;
}

export interface WebhookReceiver {
  /** Where to register it, e.g. http://127.0.0.1:41231/hook. */
  url: string;
  /** Every request received, oldest first. */
  received: ReceivedPost[];
  /** What the next requests get: a status, or a function of how many came before (0-based). */
  answerWith(status: number | ((index: number) => number)): void;
  close(): Promise<void>;
}

export async function startReceiver(status: number | ((index: number) => number) = 200): Promise<WebhookReceiver> {
  const received: ReceivedPost[] = [];
  let answer = status;
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const signature = request.headers['x-leaf-signature'];
      const index = received.length;
      received.push({
        path: request.url ?? '/',
        headers: request.headers,
        body: Buffer.concat(chunks).toString('utf8'),
        signature: typeof signature === 'string' ? signature : null,
      });
      const code = typeof answer === 'function' ? answer(index) : answer;
      response.writeHead(code, { 'content-type': 'text/plain' });
      response.end(code >= 200 && code < 300 ? 'ok' : `refused with ${code}`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    received,
    answerWith(next) {
      answer = next;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
