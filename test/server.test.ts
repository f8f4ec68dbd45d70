// Running the gateway as a user does: `npm start` (src/main.ts) with and without
// LEAF_API_URL, its configuration checks, GraphiQL, /health and /readiness.
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startEmulator } from '../src/emulator/index.js';
import { exampleQuery } from '../src/server/example.js';
import { graphql } from './__generated__/index.js';
import { gatewayClient, startStack, withStack } from './support/stack.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const running = new Set<ChildProcess>();

afterEach(async () => {
  await Promise.all([...running].map(stop));
});

interface Started {
  child: ChildProcess;
  url: string;
  output: () => string;
}

/** Runs src/main.ts like `npm start` and waits for the line that names its URL. */
function startMain(env: Record<string, string>): Promise<Started> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no URL printed in time:\n${output}`)), 20_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /on (http:\/\/[^\s]+)\/graphql/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve({ child, url: match[1]!, output: () => output });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`exited with ${code}:\n${output}`));
    });
  });
}

/** Runs src/main.ts like `npm start` when it is expected to stop on its own: exit code and stderr. */
async function runMainToExit(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  let output = '';
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  running.delete(child);
  return { code, output };
}

function stop(child: ChildProcess): Promise<void> {
  running.delete(child);
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const kill = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(kill);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

describe('configuration', () => {
  it('stops `npm start` on a bad value, naming the variable', async () => {
    const { code, output } = await runMainToExit({ PORT: 'nope' });
    expect(code).toBe(2);
    expect(output).toContain('PORT must be an integer');
  });

  it('stops `npm start` with one line, not a stack, when the port is taken', async () => {
    const first = await startMain({});
    const port = new URL(first.url).port;
    const { code, output } = await runMainToExit({ PORT: port, HOST: '127.0.0.1', LOG_LEVEL: 'silent' });
    expect(code).toBe(1);
    expect(output.trim()).toBe(`The gateway could not start: listen EADDRINUSE: address already in use 127.0.0.1:${port}`);
  });
});

describe('npm start', () => {
  it('without LEAF_API_URL serves GraphiQL whose example query returns emulator data', async () => {
    const { url, output } = await startMain({});
    expect(output()).toMatch(/Demo leafUserIds: [0-9a-f-]{36}/);
    const leafUserId = /Demo leafUserIds: ([0-9a-f-]{36})/.exec(output())![1]!;
    expect(output()).toContain(`leafUser(id: "${leafUserId}")`);
    expect(output()).toContain(`on ${url}/graphql (GraphiQL in a browser)`);
    expect(output()).toContain('Example query (the first tab in GraphiQL):');

    const gateway = gatewayClient(url, null);
    const page = await gateway.request('/graphql', { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    const html = page.text;
    expect(html.toLowerCase()).toContain('graphiql');
    expect(html).toContain(leafUserId);

    // No Authorization header: the demo token is used.
    const result = await gateway.query(exampleQuery(leafUserId));
    expect(result.errors).toBeUndefined();
    const machines = (result.data as { leafUser: { machines: { totalCount: number; nodes: unknown[] } } }).leafUser.machines;
    expect(machines.totalCount).toBeGreaterThan(5);
    expect(machines.nodes).toHaveLength(5);

    expect((await gateway.request('/health')).status).toBe(200);
    // Ready once the background probe has heard from Leaf, a moment after the start.
    await vi.waitFor(async () => expect((await gateway.request('/readiness')).status).toBe(200), { timeout: 5_000, interval: 20 });
  });

  it("passes the emulator's Alerts settings on: the activity switch runs from the start, retries at the scale asked", async () => {
    const { output } = await startMain({ EMULATOR_ACTIVITY_MS: '60000', EMULATOR_ALERTS_RETRY_SCALE: '0.001' });
    expect(output()).toContain('Simulated provider activity every 60000 ms');
    const emulatorUrl = /embedded Leaf emulator at (http:\/\/\S+) /.exec(output())![1]!;
    const emulator = gatewayClient(emulatorUrl, null);
    expect((await emulator.request('/__emulator/activity')).body).toMatchObject({ running: { everyMs: 60000 } });
    expect((await emulator.request('/__emulator/alerts')).body).toMatchObject({ retryScale: 0.001 });
  });

  it('with GRAPHIQL=false says so in the banner, and a browser is told how to turn it on', async () => {
    const { url, output } = await startMain({ GRAPHIQL: 'false' });
    expect(output()).toContain(`on ${url}/graphql (GraphiQL off: GRAPHIQL=true serves it)`);
    expect(output()).not.toContain('GraphiQL in a browser');
    expect(output()).not.toContain('tab in GraphiQL');
    const page = await gatewayClient(url, null).request('/graphql', { headers: { accept: 'text/html' } });
    expect(page.status).toBe(404);
    expect(page.text).toContain('Set <code>GRAPHIQL=true</code>');
  });

  it('with LEAF_API_URL talks to that upstream only, and needs a token', async () => {
    const emulator = await startEmulator({ port: 0 });
    try {
      const { url, output } = await startMain({ LEAF_API_URL: emulator.url });
      expect(output()).toContain(`Upstream: ${emulator.url}`);
      const leafUserId = emulator.tokens[0]!.leafUserIds[0]!;
      emulator.resetCalls();

      const gateway = gatewayClient(url, null);
      const anonymous = await gateway.query(exampleQuery(leafUserId));
      expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      expect(emulator.calls).toHaveLength(0);

      const result = await gateway.query(exampleQuery(leafUserId), {}, { token: emulator.demoToken });
      expect(result.errors).toBeUndefined();
      expect(emulator.calls.length).toBeGreaterThan(0);
      expect(emulator.calls.every((call) => call.token === emulator.demoToken)).toBe(true);
    } finally {
      await emulator.close();
    }
  });
});

describe('readiness', () => {
  it('answers 200 while the upstream answers and 503 once it is gone; health stays 200', async () => {
    const stack = await startStack({ env: { READINESS_INTERVAL_MS: '200' } });
    try {
      await vi.waitFor(async () => expect((await stack.request('/readiness')).status).toBe(200), { timeout: 5_000, interval: 20 });
      await stack.emulator.close();
      await vi.waitFor(async () => expect((await stack.request('/readiness')).status).toBe(503), { timeout: 5_000, interval: 20 });
      expect((await stack.request('/health')).status).toBe(200);
    } finally {
      await stack.gateway.close();
    }
  });
});

const FIRST_MACHINE_NAME = graphql(/* GraphQL */ `
  query FirstMachineName($user: LeafId!) {
    leafUser(id: $user) { machines(first: 1) { nodes { name } } }
  }
`);

describe('a caller who hangs up', () => {
  it('stops the reads its query would still have made', async () => {
    // Slow upstream: the machines list takes 400 ms, then each machine's files would follow.
    await withStack({ emulator: { latencyMs: 400 } }, async (stack) => {
      const caller = new AbortController();
      const answer = stack.post(
        {
          query: `{ leafUser(id: "22222222-2222-4222-8222-222222222222") {
            machines(first: 5) { nodes { name files(first: 1) { nodes { leafFileId } } } } } }`,
        },
        { signal: caller.signal },
      );
      await expect.poll(() => stack.calls().length).toBe(1);
      caller.abort();
      await expect(answer).rejects.toThrow();
      // Long enough for the list to have answered and five files calls to have been sent.
      await new Promise((resolve) => setTimeout(resolve, 1_200));
      expect(stack.calls().map((call) => call.path.split('?')[0]?.split('/').at(-1))).toEqual(['machines']);

      // The gateway is unharmed: the next caller gets the whole answer.
      const next = await stack.query(FIRST_MACHINE_NAME, { user: '22222222-2222-4222-8222-222222222222' });
      expect(next.errors).toBeUndefined();
    });
  });
});
