// The control API (`/__emulator/...`): the same knobs as the in-process Emulator object,
// for when the emulator runs in another process (benchmarks). Not logged, no token.
import type { EmulatorActivity, MachineFileInput, MachineRenamedInput, OperationFinishedInput } from './alerts/activity.js';
import { ASSET_ID_FIELDS, eventOf, type AssetIdField } from './alerts/events.js';
import type { EmulatorAlerts } from './alerts/index.js';
import { LeafHttpError, badRequest, notFound } from './errors.js';
import { faultRuleFromJson, type FaultRule } from './faults.js';
import type { LeafResponse } from './routes.js';
import type { CallRecord } from './index.js';
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

function methodNotAllowed(method: string, allowed: string[]): LeafHttpError {
  return new LeafHttpError(405, `Request method '${method}' is not supported`, { allow: allowed.join(', ') });
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

function handleAlerts(target: ControlTarget, method: string, resource: string, body: string): LeafResponse | null {
  const { alerts, activity } = target;
  switch (resource) {
    case '/alerts': {
      if (method === 'GET') return { status: 200, body: alertsSettings(target) };
      if (method !== 'PUT') throw methodNotAllowed(method, ['GET', 'PUT']);
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
      return { status: 200, body: alertsSettings(target) };
    }
    case '/alerts/events': {
      if (method !== 'POST') throw methodNotAllowed(method, ['POST']);
      const input = parseObject(body);
      const { type, leafUserId, id } = stringFields(input, ['type', 'leafUserId', 'id']);
      if (type === undefined || leafUserId === undefined || id === undefined) throw badRequest("Fields 'type', 'leafUserId' and 'id' are required");
      // A failure's message may be empty, as Leaf says.
      const { message } = input;
      if (message !== undefined && typeof message !== 'string') throw badRequest("Field 'message' must be a string");
      if (!target.users.some((user) => user.leafUserId === leafUserId)) throw notFound(`Leaf user ${leafUserId} not found`);
      const event = eventOf(type, leafUserId, id, message);
      if (!event) throw badRequest(`'${type}' is not an asset, machine-file or operation event the emulator can send`);
      return { status: 200, body: alerts.publish(event) };
    }
    case '/alerts/deliveries':
      if (method === 'GET') return { status: 200, body: alerts.deliveries };
      if (method === 'DELETE') {
        alerts.resetDeliveries();
        return { status: 204 };
      }
      throw methodNotAllowed(method, ['GET', 'DELETE']);
    case '/activity': {
      if (method === 'GET') return { status: 200, body: { running: activity.running } };
      if (method === 'DELETE') {
        activity.stop();
        return { status: 204 };
      }
      if (method !== 'PUT') throw methodNotAllowed(method, ['GET', 'PUT', 'DELETE']);
      const input = parseObject(body);
      const { everyMs } = input;
      if (everyMs !== undefined && typeof everyMs !== 'number') throw badRequest("Field 'everyMs' must be a number of milliseconds");
      const leafUserIds = optionalStrings(input, 'leafUserIds');
      applySetting(() => activity.start(everyMs, leafUserIds));
      return { status: 200, body: { running: activity.running } };
    }
    case '/activity/machine-renamed': {
      if (method !== 'POST') throw methodNotAllowed(method, ['POST']);
      const request: MachineRenamedInput = stringFields(parseObject(body), ['leafUserId', 'machineId', 'name']);
      return { status: 200, body: activity.renameMachine(request) };
    }
    case '/activity/machine-file-processed': {
      if (method !== 'POST') throw methodNotAllowed(method, ['POST']);
      const request: MachineFileInput = stringFields(parseObject(body), ['leafUserId', 'machineId']);
      return { status: 200, body: activity.processMachineFile(request) };
    }
    case '/activity/operation-finished': {
      if (method !== 'POST') throw methodNotAllowed(method, ['POST']);
      const input = parseObject(body);
      const fileIds = optionalStrings(input, 'fileIds');
      const request: OperationFinishedInput = { ...stringFields(input, ['leafUserId', 'operationId']), ...(fileIds ? { fileIds } : {}) };
      return { status: 200, body: activity.finishOperation(request) };
    }
    default:
      return null;
  }
}

export function isControlPath(pathname: string): boolean {
  return pathname === CONTROL_PREFIX || pathname.startsWith(`${CONTROL_PREFIX}/`);
}

export function handleControlRequest(target: ControlTarget, method: string, pathname: string, body: string): LeafResponse {
  const resource = pathname.slice(CONTROL_PREFIX.length);
  switch (resource) {
    case '/health':
      if (method !== 'GET') throw methodNotAllowed(method, ['GET']);
      return { status: 200, body: { ok: true } };
    case '/info':
      if (method !== 'GET') throw methodNotAllowed(method, ['GET']);
      return { status: 200, body: { scale: target.scale, latencyMs: target.latency(), tokens: target.tokens, users: target.users } };
    case '/calls':
      if (method === 'GET') return { status: 200, body: target.calls };
      if (method === 'DELETE') {
        target.resetCalls();
        return { status: 204 };
      }
      throw methodNotAllowed(method, ['GET', 'DELETE']);
    case '/latency': {
      if (method === 'GET') return { status: 200, body: { ms: target.latency() } };
      if (method !== 'PUT') throw methodNotAllowed(method, ['GET', 'PUT']);
      const parsed = parseJson(body);
      const ms = typeof parsed === 'object' && parsed !== null ? (parsed as { ms?: unknown }).ms : undefined;
      if (typeof ms !== 'number' || !Number.isFinite(ms) || ms < 0) throw badRequest("Body must be { \"ms\": <number >= 0> }");
      target.setLatency(ms);
      return { status: 200, body: { ms } };
    }
    case '/faults': {
      if (method === 'DELETE') {
        target.clearFaults();
        return { status: 204 };
      }
      if (method !== 'POST') throw methodNotAllowed(method, ['POST', 'DELETE']);
      let rule: FaultRule;
      try {
        rule = faultRuleFromJson(parseJson(body));
      } catch (error) {
        if (error instanceof LeafHttpError) throw error;
        throw badRequest(error instanceof Error ? error.message : 'Invalid fault rule');
      }
      target.addFault(rule);
      return { status: 201, body: rule };
    }
    default: {
      const answer = handleAlerts(target, method, resource, body);
      if (answer) return answer;
      throw notFound(`No control endpoint ${method} ${pathname}`);
    }
  }
}
