// The webhooks registered with the emulator's Alerts API, per API owner (the token that
// created them), and the checks Leaf makes on `POST /webhooks`: the four fields, known event
// names, and no event in two webhooks of one owner (`eventRegisteredTwice`).
import { randomUUID } from 'node:crypto';
import { LEAF_EVENT_NAMES, type LeafEventName, type LeafWebhook } from '../../leaf/types.js';
import { LeafHttpError, badRequest } from '../errors.js';

/** A webhook with the owner it belongs to; `webhook` is what the API answers. */
export interface StoredWebhook {
  owner: string;
  webhook: LeafWebhook;
}

/** Longest name, URL or secret accepted: Leaf states none, and a bound keeps the emulator whole. */
const MAX_FIELD_LENGTH = 2048;
const KNOWN_EVENTS = new Set<string>(LEAF_EVENT_NAMES);

function parseObject(body: string): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    throw badRequest('Request body must be a JSON object');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw badRequest('Request body must be a JSON object');
  return parsed as Record<string, unknown>;
}

function requiredString(input: Record<string, unknown>, field: string): string {
  const value = input[field];
  if (typeof value !== 'string' || value.trim() === '') throw badRequest(`Field '${field}' is required and must be a non-empty string`);
  if (value.length > MAX_FIELD_LENGTH) throw badRequest(`Field '${field}' must be at most ${MAX_FIELD_LENGTH} characters`);
  return value;
}

function webhookUrl(input: Record<string, unknown>): string {
  const value = requiredString(input, 'url');
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw badRequest(`Field 'url' must be a valid HTTP URL, got '${value}'`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw badRequest(`Field 'url' must be an http or https URL, got '${value}'`);
  return value;
}

function eventRegisteredTwice(detail: string): LeafHttpError {
  return new LeafHttpError(400, `eventRegisteredTwice: ${detail}`, {}, 'eventRegisteredTwice');
}

function eventNames(input: Record<string, unknown>): LeafEventName[] {
  const value = input['events'];
  if (!Array.isArray(value) || value.length === 0) throw badRequest("Field 'events' is required and must be a non-empty array of event names");
  const seen = new Set<string>();
  for (const name of value) {
    if (typeof name !== 'string' || !KNOWN_EVENTS.has(name)) {
      throw badRequest(`Field 'events' holds ${JSON.stringify(name)}, which is not a Leaf event name (e.g. machineUpdated)`);
    }
    if (seen.has(name)) throw eventRegisteredTwice(`event ${name} is listed twice`);
    seen.add(name);
  }
  return value as LeafEventName[];
}

export class WebhookRegistry {
  /** In creation order, which is the order `GET /webhooks` lists them in. */
  private readonly byId = new Map<string, StoredWebhook>();

  /** Validates a `POST /webhooks` body and registers it for `owner`; throws a LeafHttpError. */
  create(owner: string, body: string): LeafWebhook {
    const input = parseObject(body);
    const name = requiredString(input, 'name');
    const url = webhookUrl(input);
    const secret = requiredString(input, 'secret');
    const events = eventNames(input);
    for (const { webhook } of this.ofOwner(owner)) {
      const taken = events.filter((event) => webhook.events.includes(event));
      if (taken.length > 0) throw eventRegisteredTwice(`${taken.join(', ')} already registered in webhook ${webhook.id}`);
    }
    // Leaf's examples list the fields in this order.
    const webhook: LeafWebhook = { id: randomUUID(), events, name, secret, url };
    this.byId.set(webhook.id, { owner, webhook });
    return webhook;
  }

  ofOwner(owner: string): StoredWebhook[] {
    return [...this.byId.values()].filter((stored) => stored.owner === owner);
  }

  /** Another owner's webhook is not found, as if it did not exist. */
  get(owner: string, id: string): LeafWebhook | undefined {
    const stored = this.byId.get(id);
    return stored?.owner === owner ? stored.webhook : undefined;
  }

  delete(owner: string, id: string): boolean {
    if (!this.get(owner, id)) return false;
    return this.byId.delete(id);
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  /** The webhooks of these owners that listen to `type`. */
  listening(owners: readonly string[], type: LeafEventName): StoredWebhook[] {
    return [...this.byId.values()].filter((stored) => owners.includes(stored.owner) && stored.webhook.events.includes(type));
  }

  all(): StoredWebhook[] {
    return [...this.byId.values()];
  }
}
