// Whether Leaf answers, kept in the background, so GET /readiness answers from memory at once
// (an orchestrator's probe gives up after 1 s by default) instead of waiting on Leaf itself.
//
// - Every `intervalMs` a probe asks Leaf for something (any HTTP status proves it answers), with
//   the normal timeout. A new probe starts on schedule even while an older one still waits, so
//   recovery is seen within one period of Leaf coming back.
// - A probe still unanswered after one period already counts as unanswered: a hang is reported
//   within about two periods (the next probe, then its period), not after a whole timeout.
// - The breakers are read too: a circuit that opened because Leaf left calls unanswered makes the
//   gateway unready at once, and starts a probe; a probe sent after it that Leaf answers makes it
//   ready again (so a single group hanging, with Leaf otherwise up, is a blip, not an outage).
// - Probes go on a small pool of their own, so they measure Leaf, not a queue behind hung calls.
import { Pool } from 'undici';
import { ASSETS_PREFIX } from './resources/resource.js';

/** Sent with every probe, so Leaf's logs (and the emulator's call log) can tell it from a query's call. */
export const PROBE_USER_AGENT = 'leaf-graphql-gateway (readiness probe)';

export interface ReadinessOptions {
  /** Leaf's origin. */
  url: string;
  /** How often Leaf is probed; a probe unanswered this long already counts as unanswered. */
  intervalMs: number;
  /** How long one probe waits for Leaf's answer (LEAF_TIMEOUT_MS). */
  timeoutMs: number;
}

export interface ReadinessState {
  ready: boolean;
  /** Why, in words an operator can act on. */
  reason: string;
}

interface Probe {
  seq: number;
  startedAt: number;
}

interface Settled extends Probe {
  /** Leaf's status, or null when no answer came. */
  status: number | null;
  ms: number;
}

export class UpstreamReadiness {
  private readonly pool: Pool;
  private readonly timer: NodeJS.Timeout;
  private readonly inFlight = new Set<Probe>();
  private seq = 0;
  /** The newest probe that got an answer or gave up. */
  private settled: Settled | null = null;
  /** The latest circuit opened for calls left unanswered. */
  private unanswered: { group: string; at: number } | null = null;
  private closed = false;

  constructor(private readonly options: ReadinessOptions) {
    this.pool = new Pool(options.url, {
      connect: { timeout: options.timeoutMs },
      headersTimeout: options.timeoutMs,
      bodyTimeout: options.timeoutMs,
      keepAliveTimeout: options.intervalMs * 2,
    });
    // Never what keeps the process alive: an idle gateway exits as if the probe were not there.
    this.timer = setInterval(() => this.probe(), options.intervalMs);
    this.timer.unref();
    this.probe();
  }

  /** A circuit opened because Leaf left its calls unanswered (the breaker's `unanswered` cause). */
  noticeUnanswered(group: string): void {
    if (this.closed) return;
    this.unanswered = { group, at: performance.now() };
    this.probe();
  }

  private probe(): void {
    if (this.closed) return;
    this.seq += 1;
    const probe: Probe = { seq: this.seq, startedAt: performance.now() };
    this.inFlight.add(probe);
    this.ask().then(
      (status) => this.settle(probe, status),
      () => this.settle(probe, null),
    );
  }

  private async ask(): Promise<number> {
    const response = await this.pool.request({
      method: 'GET',
      path: `${ASSETS_PREFIX}/users`,
      headers: { 'user-agent': PROBE_USER_AGENT },
      headersTimeout: this.options.timeoutMs,
      bodyTimeout: this.options.timeoutMs,
    });
    await response.body.dump();
    return response.statusCode;
  }

  private settle(probe: Probe, status: number | null): void {
    this.inFlight.delete(probe);
    // An old probe that gave up after a newer one was answered says nothing new.
    if (this.closed || (this.settled && this.settled.seq > probe.seq)) return;
    this.settled = { ...probe, status, ms: performance.now() - probe.startedAt };
  }

  /** What /readiness answers: read from memory, never waiting on Leaf. */
  get state(): ReadinessState {
    const now = performance.now();
    let overdue: Probe | null = null;
    for (const probe of this.inFlight) {
      if (now - probe.startedAt >= this.options.intervalMs && (!overdue || probe.seq > overdue.seq)) overdue = probe;
    }
    const settled = this.settled;
    if (overdue && (!settled || overdue.seq > settled.seq)) {
      return { ready: false, reason: `Leaf has not answered a probe sent ${Math.round(now - overdue.startedAt)} ms ago.` };
    }
    if (!settled) return { ready: false, reason: 'Leaf has not been probed yet.' };
    if (settled.status === null) {
      return { ready: false, reason: `Leaf did not answer the last probe (gave up after ${Math.round(settled.ms)} ms).` };
    }
    if (this.unanswered && this.unanswered.at > settled.startedAt) {
      return {
        ready: false,
        reason: `Calls to Leaf's ${this.unanswered.group} endpoints went unanswered (circuit open); a probe is on its way.`,
      };
    }
    return { ready: true, reason: `Leaf answered the last probe in ${Math.round(settled.ms)} ms (HTTP ${settled.status}).` };
  }

  /** Stops probing and drops the probes in flight. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    clearInterval(this.timer);
    await this.pool.destroy();
  }
}
