// Leaf's Alerts in the emulator: the webhooks each API owner registered, the events the
// emulator's data changes raise, and their signed deliveries. Routes and simulated provider
// activity call into it; tests and demos read what it sent.
import { WEBHOOK_CONFIRMATION, type LeafFailedCall, type LeafWebhook } from '../../leaf/types.js';
import { notFound } from '../errors.js';
import type { EmulatorStore } from '../store.js';
import { Deliverer, type AlertDelivery } from './delivery.js';
import { ASSET_ID_FIELDS, leafJson, renderEvent, type AssetIdField, type EmulatorEvent, type RenderedEvent } from './events.js';
import { WebhookRegistry } from './webhooks.js';

export type { AlertDelivery } from './delivery.js';
export type { AssetIdField, EmulatorEvent, RenderedEvent } from './events.js';

export interface AlertsOptions {
  /** Multiplies Leaf's retry schedule (1, 30, 60, 240 minutes); default 1. 1/60000 makes minutes milliseconds. */
  retryScale?: number;
  /** Which id field asset events carry: `named` (machineId, …; default) or `id`. */
  assetIdField?: AssetIdField;
}

/** What tests, demos and the control API may read and set; the emulator's `alerts`. */
export interface EmulatorAlerts {
  /** The POSTs made to webhooks (confirmations, events, retries), oldest first, the last 10,000; a live array. */
  readonly deliveries: readonly AlertDelivery[];
  resetDeliveries(): void;
  readonly retryScale: number;
  /** Scales the retries scheduled from now on; throws a RangeError unless > 0. */
  setRetryScale(scale: number): void;
  readonly assetIdField: AssetIdField;
  setAssetIdField(field: AssetIdField): void;
  /** Every owner's webhooks, as registered. */
  webhooks(): { owner: string; webhook: LeafWebhook }[];
  /** Sends `event` to the webhooks listening to it, as the emulator's own changes do; returns the body sent. */
  publish(event: EmulatorEvent): RenderedEvent;
  /** Resolves once nothing is being delivered and no retry is pending. */
  settled(): Promise<void>;
}

export class Alerts implements EmulatorAlerts {
  private readonly registry = new WebhookRegistry();
  private readonly deliverer: Deliverer;
  private idField: AssetIdField;

  constructor(
    private readonly store: EmulatorStore,
    options: AlertsOptions = {},
  ) {
    this.idField = validIdField(options.assetIdField ?? 'named');
    this.deliverer = new Deliverer({
      retryScale: options.retryScale ?? 1,
      isLive: (id) => this.registry.has(id),
      ownerName: (owner) => this.ownerName(owner),
    });
  }

  get deliveries(): readonly AlertDelivery[] {
    return this.deliverer.deliveries;
  }

  resetDeliveries(): void {
    this.deliverer.deliveries.length = 0;
  }

  get retryScale(): number {
    return this.deliverer.retryScale;
  }

  setRetryScale(scale: number): void {
    this.deliverer.setRetryScale(scale);
  }

  get assetIdField(): AssetIdField {
    return this.idField;
  }

  setAssetIdField(field: AssetIdField): void {
    this.idField = validIdField(field);
  }

  webhooks(): { owner: string; webhook: LeafWebhook }[] {
    return this.registry.all();
  }

  // The Alerts API, for the token `owner`.

  createWebhook(owner: string, body: string): LeafWebhook {
    const webhook = this.registry.create(owner, body);
    this.deliverer.send(owner, webhook, 'confirmation', leafJson(WEBHOOK_CONFIRMATION), false);
    return webhook;
  }

  listWebhooks(owner: string): LeafWebhook[] {
    return this.registry.ofOwner(owner).map((stored) => stored.webhook);
  }

  getWebhook(owner: string, id: string): LeafWebhook {
    const webhook = this.registry.get(owner, id);
    if (!webhook) throw notFound(`Webhook ${id} not found`);
    return webhook;
  }

  deleteWebhook(owner: string, id: string): void {
    if (!this.registry.delete(owner, id)) throw notFound(`Webhook ${id} not found`);
    this.deliverer.cancel(id);
  }

  failedCalls(owner: string): { items: LeafFailedCall[] } {
    return { items: this.deliverer.failedCalls(owner) };
  }

  publish(event: EmulatorEvent): RenderedEvent {
    const rendered = renderEvent(event, this.idField);
    const owners = this.store.tokens.filter((entry) => entry.leafUserIds.includes(event.leafUserId)).map((entry) => entry.token);
    for (const { owner, webhook } of this.registry.listening(owners, rendered.type)) {
      this.deliverer.send(owner, webhook, rendered.type, rendered.text, true);
    }
    return rendered;
  }

  settled(): Promise<void> {
    return this.deliverer.settled();
  }

  close(): Promise<void> {
    return this.deliverer.close();
  }

  /** An API owner is named by its first Leaf user's owner username, as Leaf's failed calls name theirs. */
  private ownerName(owner: string): string {
    const firstUser = this.store.usersOfToken(owner)?.[0];
    return this.store.users.find((user) => user.leafUserId === firstUser)?.apiOwnerUsername ?? 'unknown';
  }
}

function validIdField(field: AssetIdField): AssetIdField {
  if (!ASSET_ID_FIELDS.includes(field)) throw new RangeError(`the asset id field must be one of ${ASSET_ID_FIELDS.join(', ')}, got ${String(field)}`);
  return field;
}
