// The Leaf endpoints the emulator serves: routing, auth, ownership and each handler.
// Everything here is synchronous over the store; the server adds latency, faults and I/O.
import { randomUUID } from 'node:crypto';
import {
  ALERTS_PREFIX,
  ASSETS_PREFIX,
  OPERATIONS_PREFIX,
  type LeafImplement,
  type LeafMachine,
  type LeafMachineFile,
  type LeafMachineInput,
  type LeafOperator,
} from '../leaf/types.js';
import type { Alerts } from './alerts/index.js';
import { DOCUMENTED_TOKEN, handleDocumentedRequest } from './documented/routes.js';
import { LeafHttpError, badRequest, notFound } from './errors.js';
import {
  distanceFilter,
  distanceUnitFilter,
  equalsFilter,
  instantOf,
  isUuid,
  listPage,
  originTypeFilter,
  timeFilter,
  uuidFilter,
  type ListSpec,
  type QueryParams,
} from './query.js';
import type { EmulatorStore } from './store.js';

export interface LeafRequest {
  method: string;
  /** Raw (still percent-encoded) pathname. */
  pathname: string;
  query: QueryParams;
  token: string | null;
  body: string;
}

export interface LeafResponse {
  status: number;
  /** Omitted for 204. */
  body?: unknown;
  /** The body as JSON text, sent as it is (Leaf's documented examples, verbatim); wins over `body`. */
  text?: string;
  headers?: Record<string, string>;
}

interface RouteContext {
  store: EmulatorStore;
  /** Where writes announce themselves, and the Alerts API's webhooks. */
  alerts: Alerts;
  request: LeafRequest;
  /** The caller's token, known to the store: the API owner whose webhooks the Alerts API serves. */
  token: string;
  /** The leafUserIds the caller's token owns. */
  owned: readonly string[];
  params: string[];
}

type Handler = (context: RouteContext) => LeafResponse;

interface Route {
  pattern: RegExp;
  methods: Record<string, Handler>;
}

const MACHINE_LIST: ListSpec<LeafMachine> = {
  filters: [
    equalsFilter('name', (m) => m.name),
    equalsFilter('provider', (m) => m.provider),
    equalsFilter('providerOrganizationId', (m) => m.providerOrganizationId),
    equalsFilter('providerMachineId', (m) => m.providerMachineId),
    equalsFilter('serialNumber', (m) => m.serialNumber),
    originTypeFilter('originType', (m) => m.originType),
    timeFilter('createdTime', 'equals', (m) => m.createdTime),
    timeFilter('beforeCreatedTime', 'before', (m) => m.createdTime),
    timeFilter('afterCreatedTime', 'after', (m) => m.createdTime),
    // Leaf names these filters updatedAt but the record field is updatedTime.
    timeFilter('updatedAt', 'equals', (m) => m.updatedTime),
    timeFilter('beforeUpdatedAt', 'before', (m) => m.updatedTime),
    timeFilter('afterUpdatedAt', 'after', (m) => m.updatedTime),
    equalsFilter('vin', (m) => m.vin),
  ],
  sorts: {
    id: (m) => m.id,
    leafUserId: (m) => m.leafUserId,
    name: (m) => m.name,
    provider: (m) => m.provider,
    providerOrganizationId: (m) => m.providerOrganizationId,
    providerMachineId: (m) => m.providerMachineId,
    serialNumber: (m) => m.serialNumber,
    vin: (m) => m.vin,
    model: (m) => m.model,
    make: (m) => m.make,
    category: (m) => m.category,
    modelYear: (m) => m.modelYear,
  },
};

const MACHINE_FILE_LIST: ListSpec<LeafMachineFile> = {
  filters: [
    uuidFilter('leafFileId', (f) => f.leafFileId),
    originTypeFilter('originType', (f) => f.originType),
    timeFilter('createdTime', 'equals', (f) => f.createdTime),
    timeFilter('beforeCreatedTime', 'before', (f) => f.createdTime),
    timeFilter('afterCreatedTime', 'after', (f) => f.createdTime),
    timeFilter('startTime', 'equals', (f) => f.startTime),
    timeFilter('endTime', 'equals', (f) => f.endTime),
    timeFilter('beforeStartTime', 'before', (f) => f.startTime),
    timeFilter('afterStartTime', 'after', (f) => f.startTime),
    timeFilter('beforeEndTime', 'before', (f) => f.endTime),
    timeFilter('afterEndTime', 'after', (f) => f.endTime),
    distanceUnitFilter('distanceUnit'),
    distanceFilter('distanceValue', 'equals', 'distanceUnit', (f) => f.distance),
    distanceFilter('greaterThanDistanceValue', 'greater', 'distanceUnit', (f) => f.distance),
    distanceFilter('lessThanDistanceValue', 'less', 'distanceUnit', (f) => f.distance),
  ],
  sorts: {
    id: (f) => f.id,
    leafUserId: (f) => f.leafUserId,
    machineId: (f) => f.machineId,
    startTime: (f) => instantOf(f.startTime),
    endTime: (f) => instantOf(f.endTime),
    createdTime: (f) => instantOf(f.createdTime),
    leafFileId: (f) => f.leafFileId,
  },
};

const IMPLEMENT_LIST: ListSpec<LeafImplement> = {
  filters: [
    equalsFilter('leafUserId', (i) => i.leafUserId),
    equalsFilter('provider', (i) => i.provider),
    equalsFilter('providerImplementId', (i) => i.providerImplementId),
    equalsFilter('providerOrganizationId', (i) => i.providerOrganizationId),
    equalsFilter('name', (i) => i.name),
    // Leaf documents the plain time filters of implements as "from the given time onward".
    timeFilter('createdTime', 'from', (i) => i.createdTime),
    timeFilter('beforeCreatedTime', 'before', (i) => i.createdTime),
    timeFilter('afterCreatedTime', 'after', (i) => i.createdTime),
    timeFilter('updatedTime', 'from', (i) => i.updatedTime),
    timeFilter('beforeUpdatedTime', 'before', (i) => i.updatedTime),
    timeFilter('afterUpdatedTime', 'after', (i) => i.updatedTime),
  ],
  sorts: {
    id: (i) => i.id,
    leafUserId: (i) => i.leafUserId,
    name: (i) => i.name,
    provider: (i) => i.provider,
    providerOrganizationId: (i) => i.providerOrganizationId,
    providerImplementId: (i) => i.providerImplementId,
    serialNumber: (i) => i.serialNumber,
    model: (i) => i.model,
    make: (i) => i.make,
    category: (i) => i.category,
  },
};

// Leaf documents neither filters nor sort for operators.
const OPERATOR_LIST: ListSpec<LeafOperator> = { filters: [], sorts: null };

function ok(body: unknown): LeafResponse {
  return { status: 200, body };
}

function param(context: RouteContext, index: number): string {
  return context.params[index] ?? '';
}

function uuidParam(value: string, name: string): string {
  if (!isUuid(value)) throw badRequest(`${name} must be a UUID, got '${value}'`);
  return value.toLowerCase();
}

/** The path's leafUserId, once the caller's token is known to own it. */
function ownedUser(context: RouteContext): string {
  const leafUserId = uuidParam(param(context, 0), 'leafUserId');
  if (!context.owned.includes(leafUserId)) {
    throw new LeafHttpError(403, `This token has no access to Leaf user ${leafUserId}`);
  }
  return leafUserId;
}

function ensureOwner(context: RouteContext, leafUserId: string, what: string): void {
  if (!context.owned.includes(leafUserId)) throw new LeafHttpError(403, `This token has no access to ${what}`);
}

function findMachine(context: RouteContext, leafUserId: string): LeafMachine {
  const machineId = uuidParam(param(context, 1), 'machineId');
  const machine = context.store.machines.get(machineId);
  if (!machine || machine.leafUserId !== leafUserId) throw notFound(`Machine ${machineId} not found for Leaf user ${leafUserId}`);
  return machine;
}

const MACHINE_INPUT_TYPES: Record<keyof LeafMachineInput, 'string' | 'integer'> = {
  name: 'string',
  serialNumber: 'string',
  vin: 'string',
  model: 'string',
  make: 'string',
  category: 'string',
  modelYear: 'integer',
};

type MachineChanges = { [K in keyof LeafMachineInput]?: LeafMachineInput[K] | null };

/** The documented body fields that were sent; null clears a field, unknown fields are ignored. */
function parseMachineInput(body: string): MachineChanges {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    throw badRequest('Request body must be a JSON object');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw badRequest('Request body must be a JSON object');
  }
  const input = parsed as Record<string, unknown>;
  const changes: Record<string, string | number | null> = {};
  for (const [field, type] of Object.entries(MACHINE_INPUT_TYPES)) {
    if (!Object.hasOwn(input, field)) continue;
    const value = input[field];
    if (value === null) changes[field] = null;
    else if (type === 'string' && typeof value === 'string') changes[field] = value;
    else if (type === 'integer' && typeof value === 'number' && Number.isInteger(value)) changes[field] = value;
    else throw badRequest(`Field '${field}' must be ${type === 'string' ? 'a string' : 'an integer'}`);
  }
  return changes as MachineChanges;
}

function ensureUserCreated(machine: LeafMachine, action: 'updated' | 'deleted'): void {
  if (machine.originType !== 'USER_CREATED') {
    throw badRequest(
      `Only machines with originType USER_CREATED can be ${action}; machine ${machine.id} is ${machine.originType}`,
    );
  }
}

function listMachines(context: RouteContext): LeafResponse {
  const leafUserId = ownedUser(context);
  return ok(listPage(context.store.machinesOf(leafUserId), context.request.query, MACHINE_LIST));
}

function createMachine(context: RouteContext): LeafResponse {
  const leafUserId = ownedUser(context);
  const input = parseMachineInput(context.request.body);
  const now = new Date().toISOString();
  const machine: LeafMachine = {
    id: randomUUID(),
    leafUserId,
    name: input.name ?? null,
    provider: 'Leaf',
    providerMachineId: randomUUID(),
    providerOrganizationId: null,
    originType: 'USER_CREATED',
    createdTime: now,
    updatedTime: now,
    serialNumber: input.serialNumber ?? null,
    vin: input.vin ?? null,
    model: input.model ?? null,
    make: input.make ?? null,
    category: input.category ?? null,
    modelYear: input.modelYear ?? null,
  };
  context.store.putMachine(machine);
  context.alerts.publish({ type: 'machineCreated', leafUserId, entity: 'machine', id: machine.id });
  // Leaf's reference shows the created machine as the body and no Location header.
  return ok(machine);
}

function getMachine(context: RouteContext): LeafResponse {
  return ok(findMachine(context, ownedUser(context)));
}

function updateMachine(context: RouteContext): LeafResponse {
  const machine = findMachine(context, ownedUser(context));
  ensureUserCreated(machine, 'updated');
  const changes = parseMachineInput(context.request.body);
  const updated: LeafMachine = { ...machine, ...changes, updatedTime: new Date().toISOString() };
  context.store.putMachine(updated);
  context.alerts.publish({ type: 'machineUpdated', leafUserId: updated.leafUserId, entity: 'machine', id: updated.id });
  return ok(updated);
}

function deleteMachine(context: RouteContext): LeafResponse {
  const machine = findMachine(context, ownedUser(context));
  ensureUserCreated(machine, 'deleted');
  context.store.deleteMachine(machine.id);
  context.alerts.publish({ type: 'machineDeleted', leafUserId: machine.leafUserId, entity: 'machine', id: machine.id });
  return { status: 204 };
}

function listMachineFiles(context: RouteContext): LeafResponse {
  const machine = findMachine(context, ownedUser(context));
  return ok(listPage(context.store.linksOf(machine.id), context.request.query, MACHINE_FILE_LIST));
}

function listImplements(context: RouteContext): LeafResponse {
  const leafUserId = ownedUser(context);
  return ok(listPage(context.store.implementsOf(leafUserId), context.request.query, IMPLEMENT_LIST));
}

function getImplement(context: RouteContext): LeafResponse {
  const leafUserId = ownedUser(context);
  const id = uuidParam(param(context, 1), 'implementId');
  const implement = context.store.implements.get(id);
  if (!implement || implement.leafUserId !== leafUserId) throw notFound(`Implement ${id} not found for Leaf user ${leafUserId}`);
  return ok(implement);
}

function listOperators(context: RouteContext): LeafResponse {
  const leafUserId = ownedUser(context);
  return ok(listPage(context.store.operatorsOf(leafUserId), context.request.query, OPERATOR_LIST));
}

function getOperator(context: RouteContext): LeafResponse {
  const leafUserId = ownedUser(context);
  const id = uuidParam(param(context, 1), 'operatorId');
  const operator = context.store.operators.get(id);
  if (!operator || operator.leafUserId !== leafUserId) throw notFound(`Operator ${id} not found for Leaf user ${leafUserId}`);
  return ok(operator);
}

function findFile(context: RouteContext): string {
  const id = uuidParam(param(context, 0), 'fileId');
  const file = context.store.files.get(id);
  if (!file) throw notFound(`File ${id} not found`);
  ensureOwner(context, file.leafUserId, `file ${id}`);
  return id;
}

function getFile(context: RouteContext): LeafResponse {
  return ok(context.store.files.get(findFile(context)));
}

function getFileImages(context: RouteContext): LeafResponse {
  return ok(context.store.images.get(findFile(context)) ?? []);
}

function findOperation(context: RouteContext): string {
  const id = uuidParam(param(context, 0), 'operationId');
  const operation = context.store.operations.get(id);
  if (!operation) throw notFound(`Field operation ${id} not found`);
  ensureOwner(context, operation.leafUserId, `field operation ${id}`);
  return id;
}

function getOperation(context: RouteContext): LeafResponse {
  return ok(context.store.operations.get(findOperation(context)));
}

function getOperationSummary(context: RouteContext): LeafResponse {
  const id = findOperation(context);
  const summary = context.store.operationSummaries.get(id);
  if (!summary) throw notFound(`Field operation ${id} has no summary yet`);
  return ok(summary);
}

// The Alerts API: webhooks belong to the API owner, the caller's token.

function createWebhook(context: RouteContext): LeafResponse {
  return ok(context.alerts.createWebhook(context.token, context.request.body));
}

function listWebhooks(context: RouteContext): LeafResponse {
  return ok(context.alerts.listWebhooks(context.token));
}

function getWebhook(context: RouteContext): LeafResponse {
  return ok(context.alerts.getWebhook(context.token, uuidParam(param(context, 0), 'id')));
}

function deleteWebhook(context: RouteContext): LeafResponse {
  context.alerts.deleteWebhook(context.token, uuidParam(param(context, 0), 'id'));
  return { status: 204 };
}

function listFailedCalls(context: RouteContext): LeafResponse {
  return ok(context.alerts.failedCalls(context.token));
}

const SEGMENT = '([^/]+)';

function route(prefix: string, path: string, methods: Record<string, Handler>): Route {
  return { pattern: new RegExp(`^${prefix}${path.replaceAll(':id', SEGMENT)}$`), methods };
}

const ROUTES: Route[] = [
  route(ASSETS_PREFIX, '/users/:id/machines', { GET: listMachines, POST: createMachine }),
  route(ASSETS_PREFIX, '/users/:id/machines/:id', { GET: getMachine, PATCH: updateMachine, DELETE: deleteMachine }),
  route(ASSETS_PREFIX, '/users/:id/machines/:id/files', { GET: listMachineFiles }),
  route(ASSETS_PREFIX, '/users/:id/implements', { GET: listImplements }),
  route(ASSETS_PREFIX, '/users/:id/implements/:id', { GET: getImplement }),
  route(ASSETS_PREFIX, '/users/:id/operators', { GET: listOperators }),
  route(ASSETS_PREFIX, '/users/:id/operators/:id', { GET: getOperator }),
  route(OPERATIONS_PREFIX, '/files/:id', { GET: getFile }),
  route(OPERATIONS_PREFIX, '/files/:id/images', { GET: getFileImages }),
  route(OPERATIONS_PREFIX, '/operations/:id', { GET: getOperation }),
  route(OPERATIONS_PREFIX, '/operations/:id/summary', { GET: getOperationSummary }),
  route(ALERTS_PREFIX, '/webhooks', { GET: listWebhooks, POST: createWebhook }),
  // Before /webhooks/:id, which would take 'failed-calls' for an id.
  route(ALERTS_PREFIX, '/webhooks/failed-calls', { GET: listFailedCalls }),
  route(ALERTS_PREFIX, '/webhooks/:id', { GET: getWebhook, DELETE: deleteWebhook }),
];

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw badRequest(`Malformed path segment '${segment}'`);
  }
}

/** Answers one Leaf API request, or throws a LeafHttpError the server renders as a problem. */
export function handleLeafRequest(store: EmulatorStore, alerts: Alerts, request: LeafRequest): LeafResponse {
  if (request.token === DOCUMENTED_TOKEN) return handleDocumentedRequest(request);
  for (const candidate of ROUTES) {
    const match = candidate.pattern.exec(request.pathname);
    if (!match) continue;
    const handler = candidate.methods[request.method];
    if (!handler) {
      throw new LeafHttpError(405, `Request method '${request.method}' is not supported`, {
        allow: Object.keys(candidate.methods).join(', '),
      });
    }
    if (request.token === null) throw new LeafHttpError(401, 'Full authentication is required to access this resource');
    const owned = store.usersOfToken(request.token);
    if (!owned) throw new LeafHttpError(401, 'Invalid or expired token');
    return handler({ store, alerts, request, token: request.token, owned, params: match.slice(1).map(decodeSegment) });
  }
  throw notFound(`No endpoint ${request.method} ${request.pathname}`);
}
