// How the gateway's HTTP server lives, seen from outside: slow clients over a raw socket
// (unfinished headers, a stalled body and an idle kept-alive connection are each closed after
// their own configured deadline, not after Node's minutes-long defaults), and the drain on
// shutdown, in process and in the real process receiving SIGTERM.
import { spawn } from 'node:child_process';
import { connect, type Socket } from 'node:net';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { loadConfig } from '../src/config.js';
import { DEMO_TOKEN, DEMO_USER_IDS } from '../src/emulator/index.js';
import { graphql } from './__generated__/index.js';
import { TYPENAME } from './support/documents.js';
import { gatewayClient, useStack, withStack } from './support/stack.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

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
  const stack = useStack({
    env: { HTTP_HEADERS_TIMEOUT_MS: '500', HTTP_REQUEST_TIMEOUT_MS: '1000', HTTP_KEEP_ALIVE_TIMEOUT_MS: '300' },
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
    const result = await stack.query(TYPENAME);
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
      corsOrigins: ['*'],
    });
    await withStack({}, async (stack) => {
      const { server } = stack.gateway;
      expect([server.headersTimeout, server.requestTimeout, server.keepAliveTimeout]).toEqual([10_000, 30_000, 5_000]);
    });
  });

});

describe('readiness probe', () => {
  it('counts a Leaf answering within LEAF_TIMEOUT_MS as ready however slow, and one slower than that as not', async () => {
    // Leaf answering in 1.5 s: slower than a tight probe, within the upstream timeout.
    await withStack({ emulator: { latencyMs: 1_500 }, env: { LEAF_TIMEOUT_MS: '5000', READINESS_INTERVAL_MS: '3000' } }, async (slow) => {
      await vi.waitFor(async () => expect((await slow.request('/readiness')).status).toBe(200), { timeout: 10_000, interval: 50 });
    });
    await withStack({ emulator: { latencyMs: 2_500 }, env: { LEAF_TIMEOUT_MS: '500', READINESS_INTERVAL_MS: '3000' } }, async (slower) => {
      // The first probe gives up after the timeout; it never said ready before.
      await new Promise((resolve) => setTimeout(resolve, 2_000));
      expect((await slower.request('/readiness')).status).toBe(503);
    });
  });
});

// Drain on shutdown (contract section 9): requests in flight finish, new ones are refused,
// /readiness says 503 meanwhile, and the process exits 0.
const SLOW_MACHINES = graphql(/* GraphQL */ `
  query SlowMachines($user: LeafId!, $first: Int!) {
    leafUser(id: $user) { machines(first: $first) { nodes { leafId name } } }
  }
`);

function slowMachines(url: string, first: number) {
  return gatewayClient(url, DEMO_TOKEN).query(SLOW_MACHINES, { user: DEMO_USER_IDS.prairieFarms, first });
}

describe('draining the gateway', () => {
  it('answers a probe in flight 503 and lets a slow query finish; cuts what outlives the drain timeout', async () => {
    await withStack({ emulator: { latencyMs: 800 } }, async (stack) => {
      stack.resetCalls();
      const slow = slowMachines(stack.gateway.url, 3);
      await vi.waitFor(() => expect(stack.calls()).toHaveLength(1), { timeout: 10_000, interval: 10 });
      // A load balancer's probe already on the wire when the drain starts.
      const probe = await open(stack.gateway.url, 'GET /readiness HTTP/1.1\r\nHost: gateway\r\n');
      await new Promise((resolve) => setTimeout(resolve, 50));
      const drained = stack.gateway.drain(10_000);
      probe.socket.write('\r\n');
      const answer = await probe.closed;
      expect(answer).toMatch(/^HTTP\/1\.1 503 /);
      expect(answer).toMatch(/connection: close/i);
      // New connections are refused from the start of the drain.
      await expect(stack.request('/health', { token: null })).rejects.toThrow();
      const body = await slow;
      expect(body.status).toBe(200);
      expect(body.data?.leafUser?.machines?.nodes).toHaveLength(3);
      expect(await drained).toBe(0);
    });

    await withStack({ emulator: { latencyMs: 60_000 } }, async (stuck) => {
      const hanging = slowMachines(stuck.gateway.url, 3).then(
        (response) => response.status,
        () => 'cut',
      );
      await vi.waitFor(() => expect(stuck.calls()).toHaveLength(1), { timeout: 10_000, interval: 10 });
      expect(await stuck.gateway.drain(200)).toBe(1);
      expect(await hanging).toBe('cut');
    });
  });

  it('finishes 20 slow requests in flight when SIGTERM arrives, then the process exits 0', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: ROOT,
      env: {
        ...process.env,
        PORT: '0',
        HOST: '127.0.0.1',
        LOG_LEVEL: 'silent',
        EMULATOR_LATENCY_MS: '1500',
        // Every request makes its own upstream call, so 20 calls in flight mean 20 requests.
        LEAF_COALESCE_READS: 'false',
        RESPONSE_CACHE: 'false',
        SHUTDOWN_TIMEOUT_MS: '30000',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    try {
      await vi.waitFor(() => expect(output).toMatch(/Upstream: embedded Leaf emulator at/), { timeout: 60_000, interval: 50 });
      const gatewayUrl = /gateway on (http:\/\/\S+)\/graphql/.exec(output)![1]!;
      const emulatorUrl = /embedded Leaf emulator at (http:\/\/\S+) /.exec(output)![1]!;
      const inFlight = Array.from({ length: 20 }, (_, index) => slowMachines(gatewayUrl, 1 + (index % 5)));
      await vi.waitFor(
        async () => {
          const calls = (await (await fetch(`${emulatorUrl}/__emulator/calls`)).json()) as { path: string }[];
          // The demo's webhook registration calls the Alerts API too: only the machine reads count here.
          expect(calls.filter((call) => !call.path.startsWith('/services/alerts/')).length).toBe(20);
        },
        { timeout: 20_000, interval: 20 },
      );
      child.kill('SIGTERM');
      const bodies = await Promise.all(inFlight);
      expect(bodies.map((body) => body.status)).toEqual(Array(20).fill(200));
      for (const body of bodies) {
        expect(body.errors).toBeUndefined();
        expect(body.data).toBeTruthy();
      }
      expect(await exited).toBe(0);
      expect(output).toMatch(/SIGTERM: draining/);
      expect(output).not.toMatch(/were cut/);
    } finally {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
  }, 120_000);
});
