// The emulator's call log, read through its control API (/__emulator/calls): how many upstream
// calls the benchmark token made in a phase, and when the upstream has gone quiet.
import { BENCH_TOKEN } from '../src/emulator/seed-tables.js';

export class CallLog {
  constructor(private readonly emulator: { url: string }) {}

  async reset(): Promise<void> {
    await fetch(`${this.emulator.url}/__emulator/calls`, { method: 'DELETE' });
  }

  /**
   * Waits until the upstream is quiet (nothing pending, nothing new for a few latencies), so
   * work a gateway finishes after its client left never lands in the next phase.
   */
  async settle(quietMs: number): Promise<void> {
    let last = -1;
    let quietSince = performance.now();
    for (const deadline = performance.now() + 30_000; performance.now() < deadline; ) {
      const response = await fetch(`${this.emulator.url}/__emulator/calls`);
      const calls = (await response.json()) as { status: number }[];
      const pending = calls.some((call) => call.status === 0);
      if (pending || calls.length !== last) quietSince = performance.now();
      else if (performance.now() - quietSince >= quietMs) return;
      last = calls.length;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  /** Calls made with the benchmark token since the last reset. */
  async count(): Promise<number> {
    const response = await fetch(`${this.emulator.url}/__emulator/calls`);
    const calls = (await response.json()) as { token: string | null }[];
    return calls.filter((call) => call.token === BENCH_TOKEN).length;
  }
}
