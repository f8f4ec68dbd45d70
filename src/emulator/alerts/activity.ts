// Simulated provider activity: what happens at Leaf without a call from the gateway (a machine
// renamed at John Deere, a machine file synced and processed, a field operation finished).
// Each changes the emulator's data first, then raises the event Leaf would send. Tests and
// demos trigger one at a time; the activity switch triggers one every few seconds.
import { randomUUID } from 'node:crypto';
import type { LeafFile } from '../resources/files.js';
import type { LeafMachineFile } from '../resources/machine-files.js';
import type { LeafMachine } from '../resources/machines.js';
import type { LeafFieldOperation } from '../resources/operations.js';
import { badRequest, notFound } from '../errors.js';
import { pointsUrl } from '../points.js';
import { Random } from '../random.js';
import { FILE_FORMATS, FILES_HOST, NAME_SUFFIXES } from '../seed-tables.js';
import type { EmulatorStore } from '../store.js';
import { OPERATION_TYPES, buildSummary, mergeSummaries, type LeafSummary, type MultiPolygon, type OperationType } from '../summaries.js';
import type { Alerts, RenderedEvent } from './index.js';

export interface MachineRenamedInput {
  /** Default: the machine's user, else the demo token's first user. */
  leafUserId?: string;
  /** Default: one of the user's machines that came from a provider. */
  machineId?: string;
  /** Default: a new name made from the machine's model and the time. */
  name?: string;
}

export interface MachineFileInput {
  leafUserId?: string;
  /** The machine the new file is linked to; default: one of the user's provider machines. */
  machineId?: string;
}

export interface OperationFinishedInput {
  leafUserId?: string;
  /** An existing operation to finish again (its updatedTime moves); default: a new operation. */
  operationId?: string;
  /** The processed files a new operation gathers; default: the user's latest simulated file, else one of theirs. */
  fileIds?: string[];
}

/** Simulated provider activity, as tests and demos drive it; the emulator's `activity`. */
export interface EmulatorActivity {
  /** A machine renamed at its provider: the record changes, then machineUpdated. */
  renameMachine(input?: MachineRenamedInput): { events: RenderedEvent[]; machine: LeafMachine };
  /** A processed machine file synced from a provider, linked to a machine: providerFileProcessingFinished. */
  processMachineFile(input?: MachineFileInput): { events: RenderedEvent[]; file: LeafFile; machineFile: LeafMachineFile };
  /** A field operation finished: operationCreated (when new) and operationProcessingFinished. */
  finishOperation(input?: OperationFinishedInput): { events: RenderedEvent[]; operation: LeafFieldOperation };
  /** The activity switch: one of the three, for one of `leafUserIds` (default: the demo token's users), every `everyMs`. */
  start(everyMs?: number, leafUserIds?: readonly string[]): void;
  stop(): void;
  /** The switch's setting, or null when off. */
  readonly running: { everyMs: number; leafUserIds: string[] } | null;
}

export const DEFAULT_ACTIVITY_MS = 5_000;
/** The switch's fastest pace: a demo, not a load test. */
export const MIN_ACTIVITY_MS = 100;
const PROVIDER_ORIGINS = new Set(['PROVIDER_POOLED', 'FILE_POOLED']);

/** Throws a RangeError unless `everyMs` is a whole number of milliseconds the switch can keep. */
export function validActivityInterval(everyMs: number): number {
  if (!Number.isInteger(everyMs) || everyMs < MIN_ACTIVITY_MS) throw new RangeError(`the activity interval must be an integer >= ${MIN_ACTIVITY_MS} ms, got ${everyMs}`);
  return everyMs;
}

function clockTime(ms: number): string {
  return new Date(ms).toISOString().slice(11, 19);
}

function pickFrom<T>(rng: Random, items: readonly T[]): T | undefined {
  return items.length > 0 ? rng.pick(items) : undefined;
}

function isMultiPolygon(geometry: LeafSummary['geometry']): geometry is MultiPolygon {
  return geometry?.type === 'MultiPolygon' && Array.isArray(geometry.coordinates);
}

function operationTypeOf(summary: LeafSummary): OperationType {
  const type = summary.properties.operationType;
  return (OPERATION_TYPES as readonly string[]).includes(type) ? (type as OperationType) : 'other';
}

export class Activity implements EmulatorActivity {
  private readonly rng = new Random(0x1eaf);
  private timer: NodeJS.Timeout | null = null;
  private setting: { everyMs: number; leafUserIds: string[] } | null = null;
  /** Per user, the last file processMachineFile made: what a new operation gathers by default. */
  private readonly latestFile = new Map<string, string>();

  constructor(
    private readonly store: EmulatorStore,
    private readonly alerts: Alerts,
    /** The emulator's origin, for the new files' points URLs. */
    private readonly origin: () => string,
  ) {}

  get running(): { everyMs: number; leafUserIds: string[] } | null {
    return this.setting ? { everyMs: this.setting.everyMs, leafUserIds: [...this.setting.leafUserIds] } : null;
  }

  renameMachine(input: MachineRenamedInput = {}): { events: RenderedEvent[]; machine: LeafMachine } {
    const current = this.machine(input.machineId, input.leafUserId);
    const now = Date.now();
    const name = input.name ?? `${current.model ?? 'Machine'} ${this.rng.pick(NAME_SUFFIXES)} (renamed ${clockTime(now)})`;
    const machine: LeafMachine = { ...current, name, updatedTime: new Date(now).toISOString() };
    this.store.putMachine(machine);
    const event = this.alerts.publish({ type: 'machineUpdated', leafUserId: machine.leafUserId, entity: 'machine', id: machine.id });
    return { events: [event], machine };
  }

  processMachineFile(input: MachineFileInput = {}): { events: RenderedEvent[]; file: LeafFile; machineFile: LeafMachineFile } {
    const machine = this.machine(input.machineId, input.leafUserId);
    const { leafUserId } = machine;
    const template = pickFrom(this.rng, this.processedFiles(leafUserId));
    if (!template?.summary || !isMultiPolygon(template.summary.geometry)) throw badRequest(`Leaf user ${leafUserId} has no processed file to take a field from`);
    const end = Date.now() - 5 * 60_000;
    const start = end - 2 * 3_600_000;
    const type = operationTypeOf(template.summary);
    const summary = buildSummary(this.rng, {
      type,
      startTime: new Date(start).toISOString(),
      endTime: new Date(end).toISOString(),
      geometry: template.summary.geometry,
      undocumentedExtra: false,
    });
    const provider = machine.provider && machine.provider !== 'Leaf' && FILE_FORMATS[machine.provider] ? machine.provider : 'JohnDeere';
    const id = randomUUID();
    const file: LeafFile = {
      id,
      provider,
      fields: [...template.fields],
      fileFormat: FILE_FORMATS[provider]?.[0] ?? 'ZIP',
      fileName: `${type}_${new Date(start).getUTCFullYear()}_${id.slice(0, 8)}.zip`,
      downloadOriginalFile: `${FILES_HOST}/files/${id}/original.zip`,
      downloadStandardGeojson: pointsUrl(this.origin(), id),
      leafUserId,
      apiOwnerUsername: template.apiOwnerUsername,
      origin: 'provider',
      summary,
    };
    const machineFile: LeafMachineFile = {
      id: randomUUID(),
      leafFileId: id,
      machineId: machine.id,
      leafUserId,
      originType: machine.originType,
      createdTime: new Date().toISOString(),
      startTime: new Date(start).toISOString(),
      endTime: new Date(end).toISOString(),
      distance: { value: this.rng.round(300, 60_000, 3), unit: 'ft' },
      fuelConsumption: { value: this.rng.round(2, 180), unit: 'US gal' },
    };
    this.store.putFile(file);
    this.store.addLink(machineFile);
    this.latestFile.set(leafUserId, id);
    const event = this.alerts.publish({ type: 'providerFileProcessingFinished', leafUserId, entity: 'file', id });
    return { events: [event], file, machineFile };
  }

  finishOperation(input: OperationFinishedInput = {}): { events: RenderedEvent[]; operation: LeafFieldOperation } {
    if (input.operationId !== undefined) {
      const current = this.store.operations.get(input.operationId);
      if (!current || (input.leafUserId !== undefined && current.leafUserId !== input.leafUserId)) {
        throw notFound(`Field operation ${input.operationId} not found${input.leafUserId ? ` for Leaf user ${input.leafUserId}` : ''}`);
      }
      const operation: LeafFieldOperation = { ...current, updatedTime: new Date().toISOString() };
      this.store.putOperation(operation);
      const event = this.alerts.publish({ type: 'operationProcessingFinished', leafUserId: operation.leafUserId, entity: 'operation', id: operation.id });
      return { events: [event], operation };
    }
    const leafUserId = this.user(input.leafUserId);
    const files = this.operationFiles(leafUserId, input.fileIds);
    const summaries = files.map((file) => file.summary).filter((summary): summary is LeafSummary => summary !== null);
    const times = summaries.flatMap((summary) => [summary.properties['startTime'], summary.properties['endTime']]).filter((time): time is string => typeof time === 'string').sort();
    const now = new Date().toISOString();
    const operation: LeafFieldOperation = {
      id: randomUUID(),
      apiOwnerUsername: files[0]?.apiOwnerUsername ?? null,
      leafUserId,
      startTime: times[0] ?? now,
      endTime: times.at(-1) ?? now,
      updatedTime: now,
      type: summaries[0] ? operationTypeOf(summaries[0]) : 'other',
      files: files.map((file) => file.id),
      fields: [...new Set(files.flatMap((file) => file.fields))].map((id) => ({ id, coverage: this.rng.round(0.55, 1) })),
      providers: [...new Set(files.map((file) => file.provider).filter((provider): provider is string => provider !== null))],
    };
    this.store.putOperation(operation, mergeSummaries(summaries));
    const created = this.alerts.publish({ type: 'operationCreated', leafUserId, entity: 'operation', id: operation.id });
    const finished = this.alerts.publish({ type: 'operationProcessingFinished', leafUserId, entity: 'operation', id: operation.id });
    return { events: [created, finished], operation };
  }

  start(everyMs = DEFAULT_ACTIVITY_MS, leafUserIds?: readonly string[]): void {
    validActivityInterval(everyMs);
    const users = leafUserIds ? leafUserIds.map((id) => this.user(id)) : [...(this.store.tokens[0]?.leafUserIds ?? [])];
    if (users.length === 0) throw new RangeError('the activity switch needs at least one Leaf user');
    this.stop();
    this.setting = { everyMs, leafUserIds: users };
    const actions = [
      (leafUserId: string) => this.renameMachine({ leafUserId }),
      (leafUserId: string) => this.processMachineFile({ leafUserId }),
      (leafUserId: string) => this.finishOperation({ leafUserId }),
    ];
    this.timer = setInterval(() => {
      const action = this.rng.pick(actions);
      const leafUserId = this.rng.pick(users);
      try {
        action(leafUserId);
      } catch {
        // A user with nothing to act on (no machine, no processed file) just skips a beat.
      }
    }, everyMs);
    // The switch alone never keeps a process alive.
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.setting = null;
  }

  private user(leafUserId: string | undefined): string {
    const id = leafUserId ?? this.store.tokens[0]?.leafUserIds[0];
    if (!id || !this.store.users.some((user) => user.leafUserId === id)) throw notFound(`Leaf user ${leafUserId ?? '(none)'} not found`);
    return id;
  }

  /** The named machine, or one of the user's provider machines (any machine when they have none). */
  private machine(machineId: string | undefined, leafUserId: string | undefined): LeafMachine {
    if (machineId !== undefined) {
      const machine = this.store.machines.get(machineId);
      if (!machine || (leafUserId !== undefined && machine.leafUserId !== leafUserId)) {
        throw notFound(`Machine ${machineId} not found${leafUserId ? ` for Leaf user ${leafUserId}` : ''}`);
      }
      return machine;
    }
    const machines = this.store.machinesOf(this.user(leafUserId));
    const fromProviders = machines.filter((machine) => PROVIDER_ORIGINS.has(machine.originType));
    const machine = pickFrom(this.rng, fromProviders.length > 0 ? fromProviders : machines);
    if (!machine) throw badRequest(`Leaf user ${leafUserId ?? ''} has no machine`);
    return machine;
  }

  private processedFiles(leafUserId: string): LeafFile[] {
    return this.store.filesOf(leafUserId).filter((file) => file.summary !== null);
  }

  private operationFiles(leafUserId: string, fileIds: readonly string[] | undefined): LeafFile[] {
    if (fileIds === undefined) {
      const latest = this.latestFile.get(leafUserId);
      const file = (latest ? this.store.files.get(latest) : undefined) ?? pickFrom(this.rng, this.processedFiles(leafUserId));
      if (!file) throw badRequest(`Leaf user ${leafUserId} has no processed file to make an operation of`);
      return [file];
    }
    if (fileIds.length === 0) throw badRequest('fileIds must name at least one file');
    return fileIds.map((id) => {
      const file = this.store.files.get(id);
      if (!file || file.leafUserId !== leafUserId) throw notFound(`File ${id} not found for Leaf user ${leafUserId}`);
      if (!file.summary) throw badRequest(`File ${id} is not processed (it has no summary), so no operation can gather it`);
      return file;
    });
  }
}
