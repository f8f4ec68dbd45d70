// The circuit breakers in front of Leaf, one per endpoint group (each resource of
// src/leaf/resources/ names its own: machines, implements, operators, files, operations,
// points), so 503s on one group never refuse healthy calls to another.
//
// opossum, used as designed: a group's circuit opens when, over a rolling window of `windowMs`
// holding at least `minimumCalls` calls, more than `errorPercent` % of them failed (the way
// Envoy's outlier detection judges a host). A steady trickle of failures, or a burst of
// timeouts that undici reports together, stays far below the rate; a dead group reaches it
// within the window. Open, the group fails fast for `cooldownMs`; then one probe call goes
// through (half-open) and its outcome closes or reopens the circuit.
import CircuitBreaker from 'opossum';
import { LeafError } from './errors.js';

export interface BreakerOptions {
  /** Off: every call goes straight out. */
  enabled: boolean;
  /** Failure rate, in percent of the window's calls, above which a group's circuit opens. */
  errorPercent: number;
  /** Calls the window must hold before its rate can open the circuit. */
  minimumCalls: number;
  /** Length of the rolling window the rate is taken over. */
  windowMs: number;
  /** How long an open circuit fails fast before letting one probe call through. */
  cooldownMs: number;
}

export type BreakerState = 'closed' | 'open' | 'halfOpen';

/** True for what says the upstream is down: no answer at all, or a 5xx. A 4xx (401, 403, 404,
 * 400, 429) proves Leaf is up and answering, and a caller that gave up proves nothing. */
export function isUpstreamFailure(error: unknown): boolean {
  if (!(error instanceof LeafError) || error.code !== 'UPSTREAM_ERROR' || error.details.aborted) return false;
  const status = error.details.status;
  return status === undefined || status >= 500;
}

type Task = () => Promise<unknown>;

class GroupCircuit {
  private readonly circuit: CircuitBreaker<[Task], unknown>;
  private openedAt = 0;

  constructor(
    readonly group: string,
    private readonly options: BreakerOptions,
  ) {
    this.circuit = new CircuitBreaker<[Task], unknown>((task: Task) => task(), {
      // undici already times every call (headers, then body); a second clock would disagree.
      timeout: false,
      resetTimeout: options.cooldownMs,
      errorThresholdPercentage: options.errorPercent,
      volumeThreshold: options.minimumCalls,
      rollingCountTimeout: options.windowMs,
      rollingCountBuckets: 10,
      errorFilter: (error: unknown) => !isUpstreamFailure(error),
      enableSnapshots: false,
      rollingPercentilesEnabled: false,
    });
    this.circuit.on('open', () => {
      this.openedAt = Date.now();
    });
  }

  get state(): BreakerState {
    if (this.circuit.closed) return 'closed';
    return this.circuit.halfOpen ? 'halfOpen' : 'open';
  }

  async run<T>(task: () => Promise<T>): Promise<T> {
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
      `The Leaf API is unavailable: most recent calls to its ${this.group} endpoints failed, so the gateway stopped ` +
        `calling them for a while (circuit open). Retry in ${retryAfterSeconds} s.`,
      { retryAfterSeconds, circuitOpen: true },
    );
  }

  close(): void {
    this.circuit.shutdown();
  }
}

/** The breakers of one Leaf client: `run(group, task)` sends `task` through that group's circuit. */
export class UpstreamBreaker {
  private readonly groups = new Map<string, GroupCircuit>();

  constructor(private readonly options: BreakerOptions) {}

  async run<T>(group: string, task: () => Promise<T>): Promise<T> {
    if (!this.options.enabled) return task();
    let circuit = this.groups.get(group);
    if (!circuit) {
      circuit = new GroupCircuit(group, this.options);
      this.groups.set(group, circuit);
    }
    return circuit.run(task);
  }

  /** Every group called so far, with its state. */
  get states(): Record<string, BreakerState> {
    return Object.fromEntries([...this.groups].map(([group, circuit]) => [group, circuit.state]));
  }

  /** Stops opossum's timers. */
  close(): void {
    for (const circuit of this.groups.values()) circuit.close();
  }
}
