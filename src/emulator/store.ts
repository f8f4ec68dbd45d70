// The emulator's in-memory data: every record keyed by id, with the lookups the routes
// and tests need. Records are replaced, never mutated, so a reference a test holds stays
// a snapshot of what was served. The records the rest of the emulator reads by name (the
// simulated activity, the points, the control API's counts, the tests) are named here; a
// resource whose records only its own routes read declares a collection beside them
// (src/emulator/resources/) and needs nothing here.
import type { LeafFile, LeafImage } from './resources/files.js';
import type { LeafImplement } from './resources/implements.js';
import type { LeafMachineFile } from './resources/machine-files.js';
import type { LeafMachine } from './resources/machines.js';
import type { LeafFieldOperation } from './resources/operations.js';
import type { LeafOperator } from './resources/operators.js';
import type { LeafSummary } from './summaries.js';

/** A record filed under one Leaf user. */
export interface UserRecord {
  id: string;
  leafUserId: string;
}

/** A name that carries the type of what it names (a collection's records, a value seeding hands on). */
export interface Named<T> {
  readonly name: string;
  /** Only carries the type. */
  readonly type?: (value: T) => void;
}

export function named<T>(name: string): Named<T> {
  return { name };
}

/** One kind of record the store holds, declared with its resource: `named<LeafField>('fields')`. */
export type Collection<T> = Named<T>;

export interface EmulatorToken {
  token: string;
  leafUserIds: string[];
}

export interface SeededUser {
  leafUserId: string;
  apiOwnerUsername: string;
}

/** Change records through the put/add/delete methods so cached per-user lists stay right. */
export class EmulatorStore {
  readonly tokens: EmulatorToken[] = [];
  readonly users: SeededUser[] = [];
  readonly machines = new Map<string, LeafMachine>();
  readonly implements = new Map<string, LeafImplement>();
  readonly operators = new Map<string, LeafOperator>();
  /** Machine-file links, keyed by machine id. */
  readonly machineFiles = new Map<string, LeafMachineFile[]>();
  readonly files = new Map<string, LeafFile>();
  /** `GET /files/{id}/images` answers, keyed by file id. */
  readonly images = new Map<string, LeafImage[]>();
  readonly operations = new Map<string, LeafFieldOperation>();
  /** `GET /operations/{id}/summary` answers, keyed by operation id. */
  readonly operationSummaries = new Map<string, LeafSummary>();
  /** Point counts of files whose standard GeoJSON is not the default size (src/emulator/points.ts). */
  readonly pointCounts = new Map<string, number>();

  private readonly collections = new Map<Collection<never>, Map<string, unknown>>();

  /** Bumped by every write, so cached per-user lists are rebuilt after it. */
  private version = 0;
  private readonly byUser = new Map<string, { version: number; records: unknown[] }>();

  /** The leafUserIds a token may read, or undefined for an unknown token. */
  usersOfToken(token: string): readonly string[] | undefined {
    return this.tokens.find((entry) => entry.token === token)?.leafUserIds;
  }

  /**
   * A copy of one user's records in id order, cached until the next write: id order is the
   * default list order, and sorting an already-ordered list is nearly free.
   */
  private ofUser<T extends { id: string; leafUserId?: string }>(kind: string, records: Map<string, T>, leafUserId: string): T[] {
    const key = `${kind}:${leafUserId}`;
    const cached = this.byUser.get(key);
    if (cached && cached.version === this.version) return (cached.records as T[]).slice();
    const fresh = [...records.values()].filter((record) => record.leafUserId === leafUserId).sort(byId);
    this.byUser.set(key, { version: this.version, records: fresh });
    return fresh.slice();
  }

  /** A declared collection's records by id; change them through `put`. */
  records<T>(declared: Collection<T>): ReadonlyMap<string, T> {
    return this.collection(declared);
  }

  /** One user's records of a declared collection, in id order. */
  recordsOf<T extends UserRecord>(declared: Collection<T>, leafUserId: string): T[] {
    return this.ofUser(`collection:${declared.name}`, this.collection(declared), leafUserId);
  }

  put<T extends { id: string }>(declared: Collection<T>, record: T): void {
    this.collection(declared).set(record.id, record);
    this.version += 1;
  }

  private collection<T>(declared: Collection<T>): Map<string, T> {
    let records = this.collections.get(declared);
    if (!records) {
      records = new Map();
      this.collections.set(declared, records);
    }
    return records as Map<string, T>;
  }

  machinesOf(leafUserId: string): LeafMachine[] {
    return this.ofUser('machines', this.machines, leafUserId);
  }

  implementsOf(leafUserId: string): LeafImplement[] {
    return this.ofUser('implements', this.implements, leafUserId);
  }

  operatorsOf(leafUserId: string): LeafOperator[] {
    return this.ofUser('operators', this.operators, leafUserId);
  }

  filesOf(leafUserId: string): LeafFile[] {
    return this.ofUser('files', this.files, leafUserId);
  }

  operationsOf(leafUserId: string): LeafFieldOperation[] {
    return this.ofUser('operations', this.operations, leafUserId);
  }

  linksOf(machineId: string): LeafMachineFile[] {
    return [...(this.machineFiles.get(machineId) ?? [])];
  }

  linksOfUser(leafUserId: string): LeafMachineFile[] {
    return this.machinesOf(leafUserId).flatMap((machine) => this.linksOf(machine.id));
  }

  putMachine(machine: LeafMachine): void {
    this.machines.set(machine.id, machine);
    this.version += 1;
  }

  /** A new or changed file, with its images (simulated provider activity). */
  putFile(file: LeafFile, images: LeafImage[] = []): void {
    this.files.set(file.id, file);
    this.images.set(file.id, images);
    this.version += 1;
  }

  addLink(link: LeafMachineFile): void {
    this.machineFiles.set(link.machineId, [...this.linksOf(link.machineId), link]);
    this.version += 1;
  }

  putOperation(operation: LeafFieldOperation, summary?: LeafSummary): void {
    this.operations.set(operation.id, operation);
    if (summary) this.operationSummaries.set(operation.id, summary);
    this.version += 1;
  }

  /** Removes the machine and its machine-file links (the files themselves stay). */
  deleteMachine(machineId: string): void {
    this.machines.delete(machineId);
    this.machineFiles.delete(machineId);
    this.version += 1;
  }

  /** Counts per user, as they stand now. */
  userCounts(): { leafUserId: string; machines: number; implements: number; operators: number; machineFiles: number }[] {
    return this.users.map(({ leafUserId }) => ({
      leafUserId,
      machines: this.machinesOf(leafUserId).length,
      implements: this.implementsOf(leafUserId).length,
      operators: this.operatorsOf(leafUserId).length,
      machineFiles: this.linksOfUser(leafUserId).length,
    }));
  }
}

function byId(a: { id: string }, b: { id: string }): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
