// Waiting in tests for something another process or a background task makes true: one poll,
// over vitest's vi.waitFor, with the bound each caller states (a test never waits unbounded
// on a condition that will not come).
import { vi } from 'vitest';

export interface UntilOptions {
  /** How long the condition may take; past it the wait fails the test. */
  timeoutMs?: number;
  intervalMs?: number;
  /** What the failure says (output so far, say). */
  describe?: () => string;
}

/** Resolves once `condition()` is true; fails with `describe()` once `timeoutMs` has passed. */
export async function until(condition: () => boolean, options: UntilOptions = {}): Promise<void> {
  const { timeoutMs = 10_000, intervalMs = 10, describe } = options;
  await vi.waitFor(
    () => {
      if (!condition()) throw new Error(`${describe?.() ?? 'condition'} not met within ${timeoutMs / 1000} s`);
    },
    { timeout: timeoutMs, interval: intervalMs },
  );
}

