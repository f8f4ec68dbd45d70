// The circuit breakers in front of Leaf, one per endpoint group (each resource of
// src/leaf/resources/ names its own: machines, implements, operators, files, operations,
// points), so 503s on one group never refuse healthy calls to another.
//
// Two rules open a group's circuit, as Envoy's outlier detection has two:
// - the rate (opossum, used as designed): over a rolling window of `windowMs` holding at least
//   `minimumCalls` calls, more than `errorPercent` % of them failed. A steady trickle of 5xx
//   stays far below it; a dead group reaches it within the window.
// - consecutive calls without an answer (`consecutiveFailures` timeouts or connection failures
//   in a row, like Envoy's consecutive_gateway_failure), at any volume: a hanging Leaf makes
//   few calls (coalescing shares one call among its callers, and each waits the whole timeout),
//   so it would never reach the rate's volume. A call that got any answer ends the run.
// Open, the group fails fast for `cooldownMs`; then one probe call goes through (half-open)
// and its outcome closes or reopens the circuit.
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
  /** Calls in a row without an answer (timeout, connection failure) that open it at any volume; 0: no such rule. */
  consecutiveFailures: number;
}

/** Why a circuit opened: calls in a row got no answer, or too many of the window's calls failed. */
export type OpenCause = 'unanswered' | 'failureRate';

export type BreakerState = 'closed' | 'open' | 'halfOpen';

/** True for what says the upstream is down: no answer at all, or a 5xx. A 4xx (401, 403, 404,
 * 400, 429) proves Leaf is up and answering, and a caller that gave up proves nothing. */
export function isUpstreamFailure(error: unknown): boolean {
  if (!(error instanceof LeafError) || error.code !== 'UPSTREAM_ERROR' || error.details.aborted) return false;
  const status = error.details.status;
  return status === undefined || status >= 500;
}

/** An upstream failure with no answer at all: a timeout, a refused, reset or dropped connection. */
function isUnanswered(error: unknown): boolean {
  return isUpstreamFailure(error) && (error as LeafError).details.status === undefined && !(error as LeafError).details.circuitOpen;
}

type Task = () => Promise<unknown>;

class GroupCircuit {
  private readonly circuit: CircuitBreaker<[Task], unknown>;
  private openedAt = 0;
  /** Calls in a row, as they settle, that got no answer. */
  private unanswered = 0;
  /** Why it last opened; a half-open probe that fails reopens it for the same reason. */
  private cause: OpenCause = 'failureRate';

  constructor(
    readonly group: string,
    private readonly options: BreakerOptions,
    onOpen: (group: string, cause: OpenCause) => void,
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
      this.unanswered = 0;
      onOpen(group, this.cause);
    });
    this.circuit.on('close', () => {
      this.cause = 'failureRate';
      this.unanswered = 0;
    });
  }

  get state(): BreakerState {
    if (this.circuit.closed) return 'closed';
    return this.circuit.halfOpen ? 'halfOpen' : 'open';
  }

  async run<T>(task: () => Promise<T>): Promise<T> {
    const probing = this.circuit.halfOpen;
    const cause = this.cause;
    try {
      const answer = (await this.circuit.fire(task)) as T;
      this.unanswered = 0;
      return answer;
    } catch (error) {
      if (error instanceof Error && CircuitBreaker.isOurError(error)) throw this.openError();
      this.countAnswer(error);
      // opossum counts a filtered error as a success and closes; a probe its caller abandoned
      // proved nothing about Leaf, so the circuit stays open for another cooldown.
      if (probing && error instanceof LeafError && error.details.aborted && this.circuit.closed) this.open(cause);
      throw error;
    }
  }

  private open(cause: OpenCause): void {
    this.cause = cause;
    this.circuit.open();
  }

  /** Any answer, even a 5xx, ends a run of unanswered calls; a call its caller abandoned says nothing. */
  private countAnswer(error: unknown): void {
    // A call the client gave up on, or one the open circuit refused, says nothing about Leaf.
    if (error instanceof LeafError && (error.details.aborted || error.details.circuitOpen)) return;
    if (!isUnanswered(error)) {
      this.unanswered = 0;
      return;
    }
    this.unanswered += 1;
    const limit = this.options.consecutiveFailures;
    if (limit > 0 && this.unanswered >= limit && this.circuit.closed) this.open('unanswered');
  }

  private openError(): LeafError {
    // While a half-open probe is in flight the cooldown is over; a second is a fair hint.
    const retryAfterSeconds = Math.max(1, Math.ceil((this.openedAt + this.options.cooldownMs - Date.now()) / 1000));
    const why =
      this.cause === 'unanswered'
        ? `its ${this.group} endpoints left ${this.options.consecutiveFailures} calls in a row unanswered`
        : `most recent calls to its ${this.group} endpoints failed`;
    return new LeafError(
      'UPSTREAM_ERROR',
      `The Leaf API is unavailable: ${why}, so the gateway stopped calling them for a while (circuit open). ` +
        `Retry in ${retryAfterSeconds} s.`,
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

  /** `onOpen`: told each time a group's circuit opens, and why (readiness listens for `unanswered`). */
  constructor(
    private readonly options: BreakerOptions,
    private readonly onOpen: (group: string, cause: OpenCause) => void = () => undefined,
  ) {}

  async run<T>(group: string, task: () => Promise<T>): Promise<T> {
    if (!this.options.enabled) return task();
    let circuit = this.groups.get(group);
    if (!circuit) {
      circuit = new GroupCircuit(group, this.options, this.onOpen);
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
