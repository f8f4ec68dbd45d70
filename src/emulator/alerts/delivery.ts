// Signed deliveries to webhooks, as Leaf makes them: a JSON POST with X-Leaf-Signature
// (base64 HMAC-SHA256 of the body bytes under the webhook's secret); without a 2xx, retries
// 1, 30, 60 and 240 minutes after the first failure (times a scale, so tests take
// milliseconds), then a failed call. A deleted webhook gets nothing more.
import { createHmac } from 'node:crypto';
import { Agent, request } from 'undici';
import type { LeafFailedCall, LeafWebhook } from '../../leaf/types.js';

/** Leaf's retry schedule: minutes after the first failed attempt. */
export const RETRY_MINUTES: readonly number[] = [1, 30, 60, 240];
const MINUTE_MS = 60_000;
/** How long a receiver may take to answer one delivery before it counts as failed. */
const DELIVERY_TIMEOUT_MS = 10_000;
/** How much of a failing receiver's answer a failed call keeps. */
const MAX_RESPONSE_CHARS = 4096;
/** Deliveries kept for inspection; the oldest go first, so a demo left running stays small. */
export const MAX_DELIVERIES_KEPT = 10_000;

/** One POST the emulator made to a webhook (confirmation or event), for tests and demos to inspect. */
export interface AlertDelivery {
  webhookId: string;
  url: string;
  /** The event's type, or 'confirmation' for the body sent on registration. */
  type: string;
  /** The bytes sent, exactly. */
  body: string;
  /** The X-Leaf-Signature header sent. */
  signature: string;
  /** 0 for the first attempt, 1 to 4 for Leaf's retries. */
  attempt: number;
  /** The receiver's status; 0 when it did not answer. */
  status: number;
  /** Why there was no answer, when there was none. */
  error: string | null;
  /** Date.now() when the attempt was sent. */
  at: number;
  /** Date.now() when the receiver's answer (status and headers) arrived; null without one. The bench times acknowledgements by it. */
  answeredAt: number | null;
}

export function signatureOf(secret: string, body: string): string {
  return createHmac('sha256', secret).update(body, 'utf8').digest('base64');
}

function validScale(scale: number): number {
  if (!Number.isFinite(scale) || scale <= 0) throw new RangeError(`the retry scale must be a number > 0, got ${scale}`);
  return scale;
}

interface Job {
  owner: string;
  webhook: LeafWebhook;
  type: string;
  body: string;
  /** Only events are retried and recorded as failed calls; the confirmation is sent once. */
  retried: boolean;
  attempt: number;
  firstFailureAt: number | null;
}

export interface DelivererOptions {
  retryScale: number;
  /** False once the webhook is deleted: its pending retries stop. */
  isLive(webhookId: string): boolean;
  /** The `apiOwner` a failed call names. */
  ownerName(owner: string): string;
}

export class Deliverer {
  readonly deliveries: AlertDelivery[] = [];
  private readonly failed: { owner: string; call: LeafFailedCall }[] = [];
  private readonly agent = new Agent({ connect: { timeout: DELIVERY_TIMEOUT_MS }, headersTimeout: DELIVERY_TIMEOUT_MS, bodyTimeout: DELIVERY_TIMEOUT_MS });
  private readonly aborter = new AbortController();
  private readonly retries = new Map<NodeJS.Timeout, string>();
  private inFlight = 0;
  private waiters: (() => void)[] = [];
  private scale: number;

  constructor(private readonly options: DelivererOptions) {
    this.scale = validScale(options.retryScale);
  }

  get retryScale(): number {
    return this.scale;
  }

  /** Applies to retries scheduled from now on. */
  setRetryScale(scale: number): void {
    this.scale = validScale(scale);
  }

  send(owner: string, webhook: LeafWebhook, type: string, body: string, retried: boolean): void {
    if (this.aborter.signal.aborted) return;
    void this.attempt({ owner, webhook, type, body, retried, attempt: 0, firstFailureAt: null });
  }

  /** Stops the pending retries of a deleted webhook. */
  cancel(webhookId: string): void {
    for (const [timer, id] of this.retries) {
      if (id !== webhookId) continue;
      clearTimeout(timer);
      this.retries.delete(timer);
    }
    this.notifyIfSettled();
  }

  failedCalls(owner: string): LeafFailedCall[] {
    return this.failed.filter((entry) => entry.owner === owner).map((entry) => entry.call);
  }

  /** Resolves once no delivery is under way and no retry is pending (at Leaf's schedule that can be hours). */
  settled(): Promise<void> {
    if (this.isSettled()) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  async close(): Promise<void> {
    this.aborter.abort();
    for (const timer of this.retries.keys()) clearTimeout(timer);
    this.retries.clear();
    await this.agent.destroy();
    this.notifyIfSettled();
  }

  private isSettled(): boolean {
    return this.inFlight === 0 && this.retries.size === 0;
  }

  private notifyIfSettled(): void {
    if (!this.isSettled()) return;
    const waiters = this.waiters;
    this.waiters = [];
    for (const resolve of waiters) resolve();
  }

  private async attempt(job: Job): Promise<void> {
    this.inFlight += 1;
    const signature = signatureOf(job.webhook.secret, job.body);
    const delivery: AlertDelivery = {
      webhookId: job.webhook.id,
      url: job.webhook.url,
      type: job.type,
      body: job.body,
      signature,
      attempt: job.attempt,
      status: 0,
      error: null,
      at: Date.now(),
      answeredAt: null,
    };
    let response = '';
    try {
      const answer = await request(job.webhook.url, {
        method: 'POST',
        body: job.body,
        headers: { 'content-type': 'application/json', accept: '*/*', 'x-leaf-signature': signature },
        dispatcher: this.agent,
        signal: this.aborter.signal,
      });
      delivery.answeredAt = Date.now();
      delivery.status = answer.statusCode;
      response = (await answer.body.text()).slice(0, MAX_RESPONSE_CHARS);
    } catch (error) {
      delivery.error = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    }
    this.deliveries.push(delivery);
    if (this.deliveries.length > MAX_DELIVERIES_KEPT) this.deliveries.splice(0, this.deliveries.length - MAX_DELIVERIES_KEPT);
    const acknowledged = delivery.status >= 200 && delivery.status < 300;
    if (!acknowledged && job.retried && !this.aborter.signal.aborted && this.options.isLive(job.webhook.id)) {
      job.firstFailureAt ??= delivery.at;
      const minutes = RETRY_MINUTES[job.attempt];
      if (minutes === undefined) this.recordFailure(job, delivery, response);
      else this.scheduleRetry(job, job.firstFailureAt + minutes * MINUTE_MS * this.scale);
    }
    this.inFlight -= 1;
    this.notifyIfSettled();
  }

  private scheduleRetry(job: Job, dueAt: number): void {
    const timer = setTimeout(() => {
      this.retries.delete(timer);
      void this.attempt({ ...job, attempt: job.attempt + 1 });
    }, Math.max(0, dueAt - Date.now()));
    this.retries.set(timer, job.webhook.id);
  }

  private recordFailure(job: Job, last: AlertDelivery, response: string): void {
    const call: LeafFailedCall = {
      apiOwner: this.options.ownerName(job.owner),
      // Leaf's failed calls carry whole seconds.
      createdAt: `${new Date(last.at).toISOString().slice(0, 19)}Z`,
      url: job.webhook.url,
      requestBody: job.body,
      webhookId: job.webhook.id,
    };
    if (last.status !== 0) {
      call.status = last.status;
      call.response = response;
    } else {
      call.connectionError = last.error ?? 'no answer';
    }
    this.failed.push({ owner: job.owner, call });
  }
}
