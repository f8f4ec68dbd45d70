// /readiness as an orchestrator sees it: answered from what a background probe keeps, never by
// waiting on Leaf, so it answers within 100 ms at every moment of a hang; it flips to 503 within
// about two probe periods of Leaf hanging and back within one of Leaf returning; a circuit that
// opens because Leaf left calls unanswered flips it at once; /health stays 200; the probe stops
// with the gateway and never keeps a process alive. Leaf hangs for real here: a TCP server that
// accepts and never answers (test/support/hanging-upstream.ts).
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { startEmulator } from '../src/emulator/index.js';
import { startGateway } from '../src/server/index.js';
import { startHangingUpstream, useHangingStack } from './support/hanging-upstream.js';
import { firstError, MachinesUnderFaults, MACHINES_USER } from './support/machine-reads.js';
import { stackConfig, useStack, type GatewayClient } from './support/stack.js';
import { until } from './support/wait.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const PERIOD_MS = 400;
/** The bound for one /readiness answer. */
const ANSWER_MS = 100;

interface Reading {
  /** ms since the watch started */
  at: number;
  status: number;
  ms: number;
}

/** GETs `path` every `everyMs` for `forMs`, noting each answer's status and how long it took. */
async function watch(client: GatewayClient, path: string, forMs: number, everyMs = 25): Promise<Reading[]> {
  const readings: Reading[] = [];
  const start = performance.now();
  while (performance.now() - start < forMs) {
    const sent = performance.now();
    const answer = await client.request(path, { token: null });
    readings.push({ at: sent - start, status: answer.status, ms: performance.now() - sent });
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
  return readings;
}

/** Asks /readiness until it answers `status`; fails past `timeoutMs`. */
async function untilStatus(client: GatewayClient, status: number, timeoutMs = 5_000): Promise<void> {
  const start = performance.now();
  let last = 0;
  while (performance.now() - start < timeoutMs) {
    last = (await client.request('/readiness', { token: null })).status;
    if (last === status) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`/readiness still answered ${last} after ${timeoutMs} ms`);
}

/** When the answers first turned to `status` (ms since the watch started), or null. */
function firstWith(readings: Reading[], status: number): number | null {
  return readings.find((reading) => reading.status === status)?.at ?? null;
}

/**
 * Every answer within the 100 ms. On this shared 2-core machine a sample can be late for
 * reasons of its own (other test files, a GC), so one in twenty may be, but never by a timeout's
 * worth: a /readiness that waited on Leaf would take the whole probe timeout (3 s here).
 */
function expectPrompt(readings: Reading[]): void {
  const late = readings.filter((reading) => reading.ms >= ANSWER_MS);
  expect(late.length, JSON.stringify(late)).toBeLessThanOrEqual(Math.floor(readings.length / 20));
  expect(Math.max(...readings.map((reading) => reading.ms))).toBeLessThan(1_000);
}

describe('readiness against a Leaf that hangs and comes back', () => {
  const upstream = useHangingStack({ READINESS_INTERVAL_MS: String(PERIOD_MS), LEAF_TIMEOUT_MS: '3000' }, 'pass');

  it('answers at once at every moment, flips to 503 within two probe periods of the hang and back within one of recovery', async () => {
    await untilStatus(upstream.client, 200);

    upstream.leaf.hang();
    const probesBefore = upstream.leaf.requests.filter((request) => request.probe).length;
    const hanging = await watch(upstream.client, '/readiness', 2_500);
    expectPrompt(hanging);
    const flippedAt = firstWith(hanging, 503);
    expect(flippedAt).not.toBeNull();
    // Two periods is the bound; one more is allowed for a loaded machine's timers.
    expect(flippedAt!).toBeLessThanOrEqual(3 * PERIOD_MS);
    // Once flipped it stays flipped while Leaf hangs (no probe's old answer flips it back).
    expect(hanging.filter((reading) => reading.at > flippedAt! && reading.status !== 503)).toEqual([]);
    // Answered from memory: Leaf was probed on schedule, not once per /readiness request.
    const probes = upstream.leaf.requests.filter((request) => request.probe).length - probesBefore;
    expect(probes).toBeGreaterThanOrEqual(3);
    expect(probes).toBeLessThan(hanging.length / 2);
    // The process is up all along.
    expect((await upstream.client.request('/health', { token: null })).status).toBe(200);

    upstream.leaf.pass();
    const recovering = await watch(upstream.client, '/readiness', 3 * PERIOD_MS);
    expectPrompt(recovering);
    const backAt = firstWith(recovering, 200);
    expect(backAt).not.toBeNull();
    // One period is the bound (the hanging probes still wait out their timeout meanwhile); again a period of grace.
    expect(backAt!).toBeLessThanOrEqual(2 * PERIOD_MS);
    expect(recovering.filter((reading) => reading.at > backAt! && reading.status !== 200)).toEqual([]);
  });

  it('says why in its body, and which circuits are open', async () => {
    const answer = await upstream.client.request<{ ready: boolean; reason: string; circuits: Record<string, string> }>('/readiness', { token: null });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('cache-control')).toBe('no-store');
    expect(answer.body).toEqual({ ready: true, reason: expect.stringMatching(/^Leaf answered the last probe in \d+ ms \(HTTP \d+\)\.$/), circuits: expect.any(Object) });
  });
});

describe('readiness and the breakers', () => {
  // A probe period far longer than the test: only the breaker can flip readiness here.
  const upstream = useHangingStack({ READINESS_INTERVAL_MS: '600000', LEAF_TIMEOUT_MS: '500' }, 'pass');

  it('turns 503 as soon as a circuit opens because Leaf left its calls unanswered', async () => {
    await untilStatus(upstream.client, 200);
    upstream.leaf.hang();
    for (let call = 0; call < 5; call += 1) {
      const result = await upstream.client.query(MachinesUnderFaults, { user: MACHINES_USER, first: 5 });
      expect(firstError(result).message).toMatch(/^The Leaf API did not answer (in time|within the request's deadline of 750 ms)\.$/);
    }
    expect(upstream.gateway.client.breakerStates.machines).toBe('open');
    const answer = await upstream.client.request<{ ready: boolean; reason: string; circuits: Record<string, string> }>('/readiness', { token: null });
    expect(answer.status).toBe(503);
    expect(answer.body).toMatchObject({
      ready: false,
      reason: "Calls to Leaf's machines endpoints went unanswered (circuit open); a probe is on its way.",
      circuits: { machines: 'open' },
    });
  });
});

describe('readiness when one endpoint group hangs and Leaf otherwise answers', () => {
  const stack = useStack({ env: { READINESS_INTERVAL_MS: '600000', LEAF_TIMEOUT_MS: '500' } });

  it('stays ready: the probe sent when the circuit opened is answered', async () => {
    await untilStatus(stack, 200);
    const hung = stack.emulator.addFault({ method: 'GET', path: /\/users\/[^/]+\/machines$/, delayMs: 60_000 });
    try {
      for (let call = 0; call < 5; call += 1) await stack.query(MachinesUnderFaults, { user: MACHINES_USER, first: 5 });
      expect(stack.gateway.client.breakerStates.machines).toBe('open');
      // At most a blip while that probe is on its way.
      await untilStatus(stack, 200, 2_000);
    } finally {
      hung();
    }
  });
});

describe('the probe’s lifetime', () => {
  it('stops when the gateway closes', async () => {
    const emulator = await startEmulator({ port: 0 });
    const leaf = await startHangingUpstream(emulator.url);
    leaf.pass();
    try {
      const gateway = await startGateway({ config: stackConfig({ READINESS_INTERVAL_MS: '100' }), upstreamUrl: leaf.url });
      await until(() => leaf.requests.filter((request) => request.probe).length >= 3, { timeoutMs: 5_000 });
      await gateway.close();
      const after = leaf.requests.length;
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(leaf.requests.length).toBe(after);
    } finally {
      await leaf.close();
      await emulator.close();
    }
  });

  it('never keeps a process alive: one that only starts a probe exits by itself', async () => {
    const script = [
      "import { UpstreamReadiness } from './src/leaf/readiness.ts';",
      "new UpstreamReadiness({ url: 'http://127.0.0.1:9', intervalMs: 100, timeoutMs: 1000 });",
    ].join('\n');
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: ROOT, stdio: 'ignore' });
    const code = await new Promise<number | null>((resolve, reject) => {
      const timer = setTimeout(() => {
        child.kill();
        reject(new Error('the process did not exit within 10 s'));
      }, 10_000);
      child.on('exit', (exitCode) => {
        clearTimeout(timer);
        resolve(exitCode);
      });
    });
    expect(code).toBe(0);
  });
});
