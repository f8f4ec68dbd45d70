// The circuit breaker alone (pure, on simulated time where it counts): how Leaf's paths group,
// when a group opens and closes. test/breaker.test.ts sees the same breaker over HTTP.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { UpstreamBreaker, endpointGroupOf, type BreakerOptions } from '../src/leaf/breaker.js';
import { LeafError } from '../src/leaf/errors.js';

describe('endpoint groups', () => {
  it('groups Leaf paths by resource, never by id', () => {
    const user = '/services/beta/api/users/1111-2222';
    expect(endpointGroupOf(`${user}/machines`)).toBe('machines');
    expect(endpointGroupOf(`${user}/machines/ab12?page=1`)).toBe('machines');
    expect(endpointGroupOf(`${user}/machines/ab12/files`)).toBe('machines');
    expect(endpointGroupOf(`${user}/operators/cd34`)).toBe('operators');
    expect(endpointGroupOf(`${user}/implements`)).toBe('implements');
    expect(endpointGroupOf('/services/operations/api/files/ef56/images')).toBe('files');
    expect(endpointGroupOf('/services/operations/api/operations/ef56/summary')).toBe('operations');
    expect(endpointGroupOf('/somewhere/else')).toBe('other');
  });
});

describe('the breaker alone', () => {
  const MACHINES_PATH = '/services/beta/api/users/u/machines';
  const MACHINES = endpointGroupOf(MACHINES_PATH);
  const OPTIONS: BreakerOptions = { enabled: true, errorPercent: 50, minimumCalls: 10, windowMs: 1_000, cooldownMs: 5_000, consecutiveFailures: 5 };
  const dead = () => Promise.reject(new LeafError('UPSTREAM_ERROR', 'The Leaf API failed to answer. (HTTP 503)', { status: 503 }));
  const healthy = () => Promise.resolve('answer');
  const hung = () => Promise.reject(new LeafError('UPSTREAM_ERROR', 'The Leaf API did not answer in time.'));
  const abandoned = () => Promise.reject(new LeafError('UPSTREAM_ERROR', 'cancelled', { aborted: true }));

  afterEach(() => {
    vi.useRealTimers();
  });

  /** One 10 ms tick of steady load: `perTick` calls, `failing(n)` saying which of them fail. */
  async function tick(breaker: UpstreamBreaker, perTick: number, failing: (call: number) => boolean, counter: { calls: number }): Promise<void> {
    await Promise.allSettled(
      Array.from({ length: perTick }, () => {
        counter.calls += 1;
        return breaker.run(MACHINES, failing(counter.calls) ? dead : healthy);
      }),
    );
    await vi.advanceTimersByTimeAsync(10);
  }

  it('never opens at 2 % failures over a minute of steady load; opens within a second at 100 %, and recovers', async () => {
    // Simulated time, so "within a second" is measured on the breaker's own clock, not the machine's.
    vi.useFakeTimers();
    const breaker = new UpstreamBreaker(OPTIONS);
    try {
      const counter = { calls: 0 };
      // 6,000 ticks of 10 ms, 5 calls each (500 calls a second), one call in 50 failing.
      for (let elapsed = 0; elapsed < 60_000; elapsed += 10) {
        await tick(breaker, 5, (call) => call % 50 === 0, counter);
        expect(breaker.states.machines).toBe('closed');
      }
      // Leaf's machine endpoints die: every call fails.
      let openAfterMs = 0;
      while (breaker.states.machines === 'closed' && openAfterMs < 10_000) {
        await tick(breaker, 5, () => true, counter);
        openAfterMs += 10;
      }
      expect(breaker.states.machines).toBe('open');
      expect(openAfterMs).toBeLessThanOrEqual(1_000);
      await expect(breaker.run(MACHINES, healthy)).rejects.toThrow(/circuit open/);

      // Leaf is back: after the cooldown one probe goes through and closes the circuit.
      await vi.advanceTimersByTimeAsync(OPTIONS.cooldownMs);
      expect(breaker.states.machines).toBe('halfOpen');
      await expect(breaker.run(MACHINES, healthy)).resolves.toBe('answer');
      expect(breaker.states.machines).toBe('closed');
    } finally {
      breaker.close();
    }
  });

  it('stays open when its half-open probe is abandoned by the caller, and closes on a real answer', async () => {
    const breaker = new UpstreamBreaker({ ...OPTIONS, minimumCalls: 1, cooldownMs: 50 });
    try {
      await expect(breaker.run(MACHINES, dead)).rejects.toThrow('failed to answer');
      expect(breaker.states.machines).toBe('open');

      await vi.waitFor(() => expect(breaker.states.machines).toBe('halfOpen'), { timeout: 2_000, interval: 10 });
      await expect(breaker.run(MACHINES, abandoned)).rejects.toThrow('cancelled');
      expect(breaker.states.machines).toBe('open');

      await vi.waitFor(() => expect(breaker.states.machines).toBe('halfOpen'), { timeout: 2_000, interval: 10 });
      await expect(breaker.run(MACHINES, healthy)).resolves.toBe('answer');
      expect(breaker.states.machines).toBe('closed');
    } finally {
      breaker.close();
    }
  });

  it('opens after consecutive unanswered calls at any volume, and only an answer breaks the run', async () => {
    vi.useFakeTimers();
    const opened: string[] = [];
    const breaker = new UpstreamBreaker(OPTIONS, (group, cause) => opened.push(`${group}:${cause}`));
    try {
      // One call a minute: far below the rate rule's volume, yet five timeouts in a row open it.
      // A 503 is an answer (Leaf is up), so it ends the run; a call its caller abandoned says nothing.
      for (const task of [hung, hung, hung, hung, dead, hung, hung, abandoned, hung, hung]) {
        await breaker.run(MACHINES, task).catch(() => undefined);
        await vi.advanceTimersByTimeAsync(60_000);
        expect(breaker.states.machines).toBe('closed');
      }
      // Another group's timeouts are its own run.
      await breaker.run('operators', hung).catch(() => undefined);
      await breaker.run(MACHINES, hung).catch(() => undefined);
      expect(breaker.states).toEqual({ machines: 'open', operators: 'closed' });
      expect(opened).toEqual(['machines:unanswered']);
      await expect(breaker.run(MACHINES, healthy)).rejects.toThrow(
        'The Leaf API is unavailable: its machines endpoints left 5 calls in a row unanswered, so the gateway stopped calling them for a while (circuit open). Retry in 5 s.',
      );

      // Half-open: one probe goes through; while it waits, the others fail fast; its timeout reopens.
      await vi.advanceTimersByTimeAsync(OPTIONS.cooldownMs);
      expect(breaker.states.machines).toBe('halfOpen');
      let fail: (error: unknown) => void = () => undefined;
      const probe = breaker.run(MACHINES, () => new Promise((_resolve, reject) => (fail = reject)));
      await expect(breaker.run(MACHINES, healthy)).rejects.toThrow(/circuit open/);
      fail(new LeafError('UPSTREAM_ERROR', 'The Leaf API did not answer in time.'));
      await expect(probe).rejects.toThrow('did not answer in time');
      expect(breaker.states.machines).toBe('open');
      await expect(breaker.run(MACHINES, healthy)).rejects.toThrow(/left 5 calls in a row unanswered/);

      // Back: the next probe's answer closes it, and a new run starts from zero.
      await vi.advanceTimersByTimeAsync(OPTIONS.cooldownMs);
      await expect(breaker.run(MACHINES, healthy)).resolves.toBe('answer');
      expect(breaker.states.machines).toBe('closed');
      for (let call = 0; call < 4; call += 1) await breaker.run(MACHINES, hung).catch(() => undefined);
      expect(breaker.states.machines).toBe('closed');
    } finally {
      breaker.close();
    }
  });

  it('leaves the consecutive rule out when it is set to 0', async () => {
    const breaker = new UpstreamBreaker({ ...OPTIONS, consecutiveFailures: 0 });
    try {
      for (let call = 0; call < 8; call += 1) await breaker.run(MACHINES, hung).catch(() => undefined);
      expect(breaker.states.machines).toBe('closed');
    } finally {
      breaker.close();
    }
  });
});
