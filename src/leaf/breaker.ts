// The circuit breaker in front of Leaf: after `failures` transport/5xx failures in a row it
// opens and every call fails fast, without touching the network, for `cooldownMs`; then one
// probe call goes through (half-open) and its outcome closes or reopens the circuit.
//
// opossum supplies the state machine (open, half-open with a single probe, cooldown timer).
// Its own trip rule is an error percentage over a rolling window; the gateway's rule is
// "N consecutive failures", which a dead upstream reaches quickly and a busy healthy one with
// scattered 5xx never does, so the percentage rule is switched off and the breaker is opened
// by hand from the failure count.
import CircuitBreaker from 'opossum';
import { LeafError } from './errors.js';

export interface BreakerOptions {
  /** Consecutive failures that open the circuit; 0 turns the breaker off. */
  failures: number;
  cooldownMs: number;
}

/** True for what says the upstream is down: no answer at all, or a 5xx. A 4xx (401, 403, 404,
 * 400, 429) proves Leaf is up and answering, and a caller that gave up proves nothing. */
export function isUpstreamFailure(error: unknown): boolean {
  if (!(error instanceof LeafError) || error.code !== 'UPSTREAM_ERROR' || error.details.aborted) return false;
  const status = error.details.status;
  return status === undefined || status >= 500;
}

type Task = () => Promise<unknown>;

export class UpstreamBreaker {
  private readonly circuit: CircuitBreaker<[Task], unknown> | null;
  private consecutiveFailures = 0;
  private openedAt = 0;

  constructor(private readonly options: BreakerOptions) {
    if (options.failures <= 0) {
      this.circuit = null;
      return;
    }
    const circuit = new CircuitBreaker<[Task], unknown>((task: Task) => task(), {
      // undici already times every call (headers, then body); a second clock would disagree.
      timeout: false,
      resetTimeout: options.cooldownMs,
      // A failure rate can never exceed 100%, so opossum's own trip rule never fires.
      errorThresholdPercentage: 100,
      errorFilter: (error: unknown) => !isUpstreamFailure(error),
      enableSnapshots: false,
      rollingPercentilesEnabled: false,
    });
    circuit.on('open', () => {
      this.openedAt = Date.now();
    });
    circuit.on('close', () => {
      this.consecutiveFailures = 0;
    });
    this.circuit = circuit;
  }

  private async runClosed<T>(task: () => Promise<T>, circuit: CircuitBreaker<[Task], unknown>): Promise<T> {
    try {
      const result = await task();
      this.consecutiveFailures = 0;
      return result;
    } catch (error) {
      if (isUpstreamFailure(error)) {
        this.consecutiveFailures += 1;
        if (circuit.closed && this.consecutiveFailures >= this.options.failures) circuit.open();
      }
      throw error;
    }
  }

  /** 'closed', 'open' or 'halfOpen' ('closed' when the breaker is off). */
  get state(): 'closed' | 'open' | 'halfOpen' {
    if (!this.circuit || this.circuit.closed) return 'closed';
    return this.circuit.halfOpen ? 'halfOpen' : 'open';
  }

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (!this.circuit) return task();
    // Closed, the usual case: the call goes straight out and only our failure count is kept.
    // opossum's per-call bookkeeping (events, rolling stats) cost more CPU than undici's own
    // dispatch, and its state machine is only needed once the circuit has opened.
    if (this.circuit.closed) return this.runClosed(task, this.circuit);
    // Open or half-open: opossum refuses calls, or lets one probe through and closes or reopens
    // on its outcome.
    const probing = this.circuit.halfOpen;
    try {
      return (await this.circuit.fire(task)) as T;
    } catch (error) {
      if (error instanceof Error && CircuitBreaker.isOurError(error)) throw this.openError();
      // opossum counts a filtered error as a success and closes; a probe its caller abandoned
      // proved nothing about Leaf, so the circuit stays open for another cooldown.
      if (probing && error instanceof LeafError && error.details.aborted && this.circuit.closed) this.circuit.open();
      throw error;
    }
  }

  private openError(): LeafError {
    // While a half-open probe is in flight the cooldown is over; a second is a fair hint.
    const retryAfterSeconds = Math.max(1, Math.ceil((this.openedAt + this.options.cooldownMs - Date.now()) / 1000));
    return new LeafError(
      'UPSTREAM_ERROR',
      `The Leaf API is unavailable: after ${this.options.failures} failed calls in a row the gateway stopped calling it ` +
        `for a while (circuit open). Retry in ${retryAfterSeconds} s.`,
      { retryAfterSeconds, circuitOpen: true },
    );
  }

  /** Stops opossum's timers. */
  close(): void {
    this.circuit?.shutdown();
  }
}
