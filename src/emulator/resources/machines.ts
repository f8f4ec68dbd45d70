// A user's machines (Assets API): listed with Leaf's filters and sorts, read, and, for the
// ones created through the API, created, updated and deleted; each write announces its event.
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { OriginType, readMachine } from '../../leaf/readers.js';
import { ASSETS_PREFIX } from '../../leaf/resources/resource.js';
import type { LeafMachineInput } from '../../leaf/types.js';
import { badRequest } from '../errors.js';
import type { LeafResponse } from '../exchange.js';
import { equalsFilter, fieldSorts, originTypeFilter, timeFilters, type ListSpec } from '../query.js';
import { ok, ownedUser, route, userList, userRecord, type RouteContext } from '../route.js';
import { DAY, NAME_SUFFIXES, SEASON_END, SEASON_START } from '../seed-tables.js';
import { named } from '../store.js';
import { emulatorResource, iso, type SeedContext } from './resource.js';

// What the gateway's reader accepts (`z.input` of its schema), narrowed by the owner the emulator
// files it under: a machine seeded with a field of another type than the reader's fails to compile.
export type LeafMachine = z.input<typeof readMachine.schema> & { leafUserId: string };

interface CatalogueEntry {
  make: string;
  model: string;
  category: string;
}

/** The makes, models and categories of each provider's machines, as `[make, model, category]`. */
const MACHINE_CATALOGUE: Record<string, readonly CatalogueEntry[]> = Object.fromEntries(
  Object.entries({
    JohnDeere: [
      ['John Deere', '8R 410', 'Tractor'],
      ['John Deere', 'S780', 'Combine'],
      ['John Deere', 'R4038', 'Sprayer'],
      ['John Deere', '9RX 640', 'Tractor'],
    ],
    CNHi: [
      ['Case IH', 'Magnum 380', 'Tractor'],
      ['Case IH', 'Axial-Flow 8250', 'Combine'],
      ['Case IH', 'Patriot 4440', 'Sprayer'],
      ['New Holland', 'CR10.90', 'Harvester'],
    ],
    Stara: [
      ['Stara', 'Imperador 4000', 'Sprayer'],
      ['Stara', 'Hercules 6.0', 'Spreader'],
    ],
    Trimble: [
      ['Fendt', '1050 Vario', 'Tractor'],
      ['AGCO', 'RoGator 1300C', 'Sprayer'],
      ['Massey Ferguson', '8S.265', 'Tractor'],
    ],
    Leaf: [
      ['Kubota', 'M7-172', 'Tractor'],
      ['Claas', 'Lexion 8900', 'Combine'],
      ['Homemade', 'Shop Trailer', 'Utility'],
    ],
  } satisfies Record<string, (readonly [string, string, string])[]>).map(([provider, entries]) => [
    provider,
    entries.map(([make, model, category]) => ({ make, model, category })),
  ]),
);

const PROVIDER_POOLED_PROVIDERS = ['JohnDeere', 'CNHi', 'Stara', 'Trimble'] as const;

/** The user's machines in seeding order, for the machine-file links drawn for each. */
export const SEEDED_MACHINES = named<LeafMachine[]>('machines');

function seedMachines({ rng, store, profile, orgs, handOn }: SeedContext): void {
  const machines: LeafMachine[] = [];
  let pooled = 0;
  for (let i = 0; i < profile.machines; i++) {
    const originType: OriginType = i % 8 === 0 ? 'USER_CREATED' : i % 3 === 1 ? 'FILE_POOLED' : 'PROVIDER_POOLED';
    let provider: string | null;
    if (originType === 'USER_CREATED') provider = 'Leaf';
    else if (originType === 'PROVIDER_POOLED') provider = PROVIDER_POOLED_PROVIDERS[pooled++ % PROVIDER_POOLED_PROVIDERS.length] ?? 'JohnDeere';
    else provider = rng.chance(0.15) ? null : rng.pick(['JohnDeere', 'CNHi', 'Trimble']);
    const entry = rng.pick(MACHINE_CATALOGUE[provider ?? 'Leaf'] ?? []);
    const orgIds = orgs[provider ?? ''];
    const createdMs = rng.float(SEASON_START, SEASON_END - 30 * DAY);
    const hasCreated = originType === 'USER_CREATED' || !rng.chance(0.08);
    const createdTime = hasCreated ? iso(createdMs) : null;
    const updatedTime = hasCreated && !rng.chance(0.1) ? iso(createdMs + rng.float(0, 400) * DAY) : null;
    const machine: LeafMachine = {
      id: rng.uuid(),
      leafUserId: profile.leafUserId,
      name: rng.chance(0.1) ? null : `${entry.model} ${rng.pick(NAME_SUFFIXES)}`,
      provider,
      providerMachineId: originType === 'PROVIDER_POOLED' ? rng.code(rng.int(6, 8), '0123456789') : rng.uuid(),
      providerOrganizationId: originType === 'USER_CREATED' || !orgIds || rng.chance(0.1) ? null : rng.pick(orgIds),
      originType,
      createdTime,
      updatedTime,
      serialNumber: rng.chance(0.12) ? null : rng.code(rng.int(7, 10)),
      vin: rng.chance(0.2) ? null : rng.code(17, 'ABCDEFGHJKLMNPRSTUVWXYZ0123456789'),
      model: rng.chance(0.07) ? null : entry.model,
      make: rng.chance(0.07) ? null : entry.make,
      category: rng.chance(0.07) ? null : entry.category,
      modelYear: rng.chance(0.12) ? null : rng.int(2008, 2025),
    };
    store.putMachine(machine);
    machines.push(machine);
  }
  handOn(SEEDED_MACHINES, machines);
}

const MACHINE_LIST: ListSpec<LeafMachine> = {
  filters: [
    equalsFilter('name', (m) => m.name),
    equalsFilter('provider', (m) => m.provider),
    equalsFilter('providerOrganizationId', (m) => m.providerOrganizationId),
    equalsFilter('providerMachineId', (m) => m.providerMachineId),
    equalsFilter('serialNumber', (m) => m.serialNumber),
    originTypeFilter('originType', (m) => m.originType),
    ...timeFilters<LeafMachine>('createdTime', 'equals', (m) => m.createdTime),
    // Leaf names these filters updatedAt but the record field is updatedTime.
    ...timeFilters<LeafMachine>('updatedAt', 'equals', (m) => m.updatedTime),
    equalsFilter('vin', (m) => m.vin),
  ],
  sorts: fieldSorts(['id', 'leafUserId', 'name', 'provider', 'providerOrganizationId', 'providerMachineId', 'serialNumber', 'vin', 'model', 'make', 'category', 'modelYear']),
};

/** The path's machine (`/users/{leafUserId}/machines/{machineId}`), or 404. */
export function machineOf(context: RouteContext): LeafMachine {
  return userRecord(context, context.store.machines, 'Machine');
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

function updateMachine(context: RouteContext): LeafResponse {
  const machine = machineOf(context);
  ensureUserCreated(machine, 'updated');
  const changes = parseMachineInput(context.request.body);
  const updated: LeafMachine = { ...machine, ...changes, updatedTime: new Date().toISOString() };
  context.store.putMachine(updated);
  context.alerts.publish({ type: 'machineUpdated', leafUserId: updated.leafUserId, entity: 'machine', id: updated.id });
  return ok(updated);
}

function deleteMachine(context: RouteContext): LeafResponse {
  const machine = machineOf(context);
  ensureUserCreated(machine, 'deleted');
  context.store.deleteMachine(machine.id);
  context.alerts.publish({ type: 'machineDeleted', leafUserId: machine.leafUserId, entity: 'machine', id: machine.id });
  return { status: 204 };
}

export default emulatorResource({
  seed: seedMachines,
  routes: [
    route(ASSETS_PREFIX, '/users/:id/machines', {
      GET: (context) => userList(context, (leafUserId) => context.store.machinesOf(leafUserId), MACHINE_LIST),
      POST: createMachine,
    }),
    route(ASSETS_PREFIX, '/users/:id/machines/:id', { GET: (context) => ok(machineOf(context)), PATCH: updateMachine, DELETE: deleteMachine }),
  ],
});
