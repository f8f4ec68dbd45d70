// How the gateway's HTTP server treats slow clients, seen from a raw socket: unfinished
// headers, a stalled body and an idle kept-alive connection are each closed after their own
// (configured) deadline, not after Node's minutes-long defaults.
import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.js';
import { startStack, type Stack } from './support/stack.js';

interface Exchange {
  socket: Socket;
  /** Everything the server sent until it closed the connection. */
  closed: Promise<string>;
}

function open(url: string, bytes: string): Promise<Exchange> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect({ host: hostname, port: Number(port) }, () => {
      socket.write(bytes);
      let received = '';
      socket.on('data', (chunk: Buffer) => (received += chunk.toString()));
      const closed = new Promise<string>((settle) => socket.once('close', () => settle(received)));
      resolve({ socket, closed });
    });
    socket.once('error', reject);
  });
}

describe('slow clients', () => {
  let stack: Stack;

  beforeAll(async () => {
    stack = await startStack({
      env: { HTTP_HEADERS_TIMEOUT_MS: '500', HTTP_REQUEST_TIMEOUT_MS: '1000', HTTP_KEEP_ALIVE_TIMEOUT_MS: '300' },
    });
  });

  afterAll(async () => {
    await stack.close();
  });

  it('answers 408 and closes a connection whose headers never finish', async () => {
    const { closed } = await open(stack.gateway.url, 'POST /graphql HTTP/1.1\r\nHost: gateway\r\nContent-Type: appl');
    expect(await closed).toMatch(/^HTTP\/1\.1 408 /);
  });

  it('answers 408 and closes a connection whose body stalls', async () => {
    const { closed } = await open(
      stack.gateway.url,
      'POST /graphql HTTP/1.1\r\nHost: gateway\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"query":',
    );
    expect(await closed).toMatch(/^HTTP\/1\.1 408 /);
  });

  it('closes a kept-alive connection left idle after its answer', async () => {
    const { closed } = await open(stack.gateway.url, 'GET /health HTTP/1.1\r\nHost: gateway\r\n\r\n');
    const received = await closed;
    expect(received).toMatch(/^HTTP\/1\.1 200 /);
    expect(received).toMatch(/keep-alive/i);
    // One answer, then the server hung up on its own.
    expect(received.match(/HTTP\/1\.1 /g)).toHaveLength(1);
  });

  it('still serves a client that sends its request in time', async () => {
    const result = await stack.query('{ __typename }');
    expect(result.status).toBe(200);
    expect(result.data).toEqual({ __typename: 'Query' });
  });
});

describe('HTTP server settings', () => {
  it('defaults to seconds, not minutes, and the server uses them', async () => {
    expect(loadConfig({}).http).toEqual({
      headersTimeoutMs: 10_000,
      requestTimeoutMs: 30_000,
      keepAliveTimeoutMs: 5_000,
      shutdownTimeoutMs: 20_000,
    });
    const stack = await startStack();
    try {
      const { server } = stack.gateway;
      expect([server.headersTimeout, server.requestTimeout, server.keepAliveTimeout]).toEqual([10_000, 30_000, 5_000]);
    } finally {
      await stack.close();
    }
  });

  it('refuses a headers timeout longer than the whole request’s', () => {
    expect(() => loadConfig({ HTTP_HEADERS_TIMEOUT_MS: '40000', HTTP_REQUEST_TIMEOUT_MS: '30000' })).toThrow(ConfigError);
    expect(() => loadConfig({ HTTP_HEADERS_TIMEOUT_MS: 'soon' })).toThrow(/HTTP_HEADERS_TIMEOUT_MS/);
  });
});
