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
  const OPTIONS: BreakerOptions = { enabled: true, errorPercent: 50, minimumCalls: 10, windowMs: 1_000, cooldownMs: 5_000 };
  const dead = () => Promise.reject(new LeafError('UPSTREAM_ERROR', 'The Leaf API failed to answer. (HTTP 503)', { status: 503 }));
  const healthy = () => Promise.resolve('answer');

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
      const abandoned = () => Promise.reject(new LeafError('UPSTREAM_ERROR', 'cancelled', { aborted: true }));
      await expect(breaker.run(MACHINES, abandoned)).rejects.toThrow('cancelled');
      expect(breaker.states.machines).toBe('open');

      await vi.waitFor(() => expect(breaker.states.machines).toBe('halfOpen'), { timeout: 2_000, interval: 10 });
      await expect(breaker.run(MACHINES, healthy)).resolves.toBe('answer');
      expect(breaker.states.machines).toBe('closed');
    } finally {
      breaker.close();
    }
  });
});
