// The control API (`/__emulator/...`): the same knobs as the in-process Emulator object,
// for when the emulator runs in another process (benchmarks). Not logged, no token.
import type { EmulatorActivity, MachineFileInput, MachineRenamedInput, OperationFinishedInput } from './alerts/activity.js';
import { ASSET_ID_FIELDS, eventOf, type AssetIdField } from './alerts/events.js';
import type { EmulatorAlerts } from './alerts/index.js';
import { LeafHttpError, badRequest, notFound } from './errors.js';
import { faultRuleFromJson, type FaultRule } from './faults.js';
import type { CallRecord, LeafResponse } from './exchange.js';
import type { EmulatorToken } from './store.js';

export const CONTROL_PREFIX = '/__emulator';

export interface ControlTarget {
  calls: CallRecord[];
  tokens: EmulatorToken[];
  users: readonly { leafUserId: string }[];
  scale: string;
  resetCalls(): void;
  latency(): number;
  setLatency(ms: number): void;
  addFault(rule: FaultRule): () => void;
  clearFaults(): void;
  alerts: EmulatorAlerts;
  activity: EmulatorActivity;
}

function parseJson(body: string): unknown {
  try {
    return JSON.parse(body);
  } catch {
    throw badRequest('Request body must be JSON');
  }
}

/** A JSON object body; an empty body is `{}`. */
function parseObject(body: string): Record<string, unknown> {
  if (body.trim() === '') return {};
  const parsed = parseJson(body);
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw badRequest('Request body must be a JSON object');
  return parsed as Record<string, unknown>;
}

function optionalString(input: Record<string, unknown>, field: string): string | undefined {
  const value = input[field];
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value === '') throw badRequest(`Field '${field}' must be a non-empty string`);
  return value;
}

/** The named string fields the body sets, and only those. */
function stringFields<K extends string>(input: Record<string, unknown>, fields: readonly K[]): Partial<Record<K, string>> {
  const picked: Partial<Record<K, string>> = {};
  for (const field of fields) {
    const value = optionalString(input, field);
    if (value !== undefined) picked[field] = value;
  }
  return picked;
}

function optionalStrings(input: Record<string, unknown>, field: string): string[] | undefined {
  const value = input[field];
  if (value === undefined) return undefined;
  if (!Array.isArray(value) || !value.every((item) => typeof item === 'string')) throw badRequest(`Field '${field}' must be an array of strings`);
  return value as string[];
}

/** Runs a setter that throws RangeError on a bad value, answering 400 with its message. */
function applySetting(set: () => void): void {
  try {
    set();
  } catch (error) {
    if (error instanceof RangeError) throw badRequest(error.message);
    throw error;
  }
}

function alertsSettings(target: ControlTarget): Record<string, unknown> {
  const { alerts } = target;
  return {
    retryScale: alerts.retryScale,
    assetIdField: alerts.assetIdField,
    // Secrets stay with the Alerts API, which answers only their owner.
    webhooks: alerts.webhooks().map(({ owner, webhook }) => ({ owner, id: webhook.id, name: webhook.name, url: webhook.url, events: webhook.events })),
  };
}

function ok(body: unknown): LeafResponse {
  return { status: 200, body };
}

const NO_CONTENT: LeafResponse = { status: 204 };

/** One control endpoint's handler for one method. */
type ControlHandler = (target: ControlTarget, body: string) => LeafResponse;

/** Every control endpoint, by path under CONTROL_PREFIX, and its methods (a 405 lists them in this order). */
const CONTROL: Readonly<Record<string, Readonly<Record<string, ControlHandler>>>> = {
  '/health': { GET: () => ok({ ok: true }) },
  '/info': {
    GET: (target) => ok({ scale: target.scale, latencyMs: target.latency(), tokens: target.tokens, users: target.users }),
  },
  '/calls': {
    GET: (target) => ok(target.calls),
    DELETE: (target) => {
      target.resetCalls();
      return NO_CONTENT;
    },
  },
  '/latency': {
    GET: (target) => ok({ ms: target.latency() }),
    PUT: (target, body) => {
      const parsed = parseJson(body);
      const ms = typeof parsed === 'object' && parsed !== null ? (parsed as { ms?: unknown }).ms : undefined;
      if (typeof ms !== 'number' || !Number.isFinite(ms) || ms < 0) throw badRequest("Body must be { \"ms\": <number >= 0> }");
      target.setLatency(ms);
      return ok({ ms });
    },
  },
  '/faults': {
    POST: (target, body) => {
      let rule: FaultRule;
      try {
        rule = faultRuleFromJson(parseJson(body));
      } catch (error) {
        if (error instanceof LeafHttpError) throw error;
        throw badRequest(error instanceof Error ? error.message : 'Invalid fault rule');
      }
      target.addFault(rule);
      return { status: 201, body: rule };
    },
    DELETE: (target) => {
      target.clearFaults();
      return NO_CONTENT;
    },
  },
  '/alerts': {
    GET: (target) => ok(alertsSettings(target)),
    PUT: (target, body) => {
      const { alerts } = target;
      const input = parseObject(body);
      const { retryScale, assetIdField } = input;
      if (retryScale !== undefined && typeof retryScale !== 'number') throw badRequest("Field 'retryScale' must be a number > 0");
      if (assetIdField !== undefined && !(ASSET_ID_FIELDS as readonly unknown[]).includes(assetIdField)) {
        throw badRequest(`Field 'assetIdField' must be one of ${ASSET_ID_FIELDS.join(', ')}`);
      }
      applySetting(() => {
        if (retryScale !== undefined) alerts.setRetryScale(retryScale);
        if (assetIdField !== undefined) alerts.setAssetIdField(assetIdField as AssetIdField);
      });
      return ok(alertsSettings(target));
    },
  },
  '/alerts/events': {
    POST: (target, body) => {
      const input = parseObject(body);
      const { type, leafUserId, id } = stringFields(input, ['type', 'leafUserId', 'id']);
      if (type === undefined || leafUserId === undefined || id === undefined) throw badRequest("Fields 'type', 'leafUserId' and 'id' are required");
      // A failure's message may be empty, as Leaf says.
      const { message } = input;
      if (message !== undefined && typeof message !== 'string') throw badRequest("Field 'message' must be a string");
      if (!target.users.some((user) => user.leafUserId === leafUserId)) throw notFound(`Leaf user ${leafUserId} not found`);
      const event = eventOf(type, leafUserId, id, message);
      if (!event) throw badRequest(`'${type}' is not an asset, machine-file or operation event the emulator can send`);
      return ok(target.alerts.publish(event));
    },
  },
  '/alerts/deliveries': {
    GET: (target) => ok(target.alerts.deliveries),
    DELETE: (target) => {
      target.alerts.resetDeliveries();
      return NO_CONTENT;
    },
  },
  '/activity': {
    GET: (target) => ok({ running: target.activity.running }),
    PUT: (target, body) => {
      const { activity } = target;
      const input = parseObject(body);
      const { everyMs } = input;
      if (everyMs !== undefined && typeof everyMs !== 'number') throw badRequest("Field 'everyMs' must be a number of milliseconds");
      const leafUserIds = optionalStrings(input, 'leafUserIds');
      applySetting(() => activity.start(everyMs, leafUserIds));
      return ok({ running: activity.running });
    },
    DELETE: (target) => {
      target.activity.stop();
      return NO_CONTENT;
    },
  },
  '/activity/machine-renamed': {
    POST: (target, body) => {
      const request: MachineRenamedInput = stringFields(parseObject(body), ['leafUserId', 'machineId', 'name']);
      return ok(target.activity.renameMachine(request));
    },
  },
  '/activity/machine-file-processed': {
    POST: (target, body) => {
      const request: MachineFileInput = stringFields(parseObject(body), ['leafUserId', 'machineId']);
      return ok(target.activity.processMachineFile(request));
    },
  },
  '/activity/operation-finished': {
    POST: (target, body) => {
      const input = parseObject(body);
      const fileIds = optionalStrings(input, 'fileIds');
      const request: OperationFinishedInput = { ...stringFields(input, ['leafUserId', 'operationId']), ...(fileIds ? { fileIds } : {}) };
      return ok(target.activity.finishOperation(request));
    },
  },
};

export function isControlPath(pathname: string): boolean {
  return pathname === CONTROL_PREFIX || pathname.startsWith(`${CONTROL_PREFIX}/`);
}

export function handleControlRequest(target: ControlTarget, method: string, pathname: string, body: string): LeafResponse {
  const resource = pathname.slice(CONTROL_PREFIX.length);
  const methods = Object.hasOwn(CONTROL, resource) ? CONTROL[resource] : undefined;
  if (!methods) throw notFound(`No control endpoint ${method} ${pathname}`);
  const handler = Object.hasOwn(methods, method) ? methods[method] : undefined;
  if (!handler) throw new LeafHttpError(405, `Request method '${method}' is not supported`, { allow: Object.keys(methods).join(', ') });
  return handler(target, body);
}
