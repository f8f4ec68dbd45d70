// The Leaf endpoints the gateway calls, in a layer of their own above the transport
// (src/leaf/client.ts): each names its path template, the Leaf user it concerns and the reader
// of its answer (src/leaf/readers.ts), so nothing downstream recovers them from a path.
// Ids go into paths percent-encoded: Leaf's ids are opaque strings.
import { toSearch, type CallOptions, type LeafCall, type LeafClient, type Query } from './client.js';
import {
  readFile,
  readImages,
  readImplement,
  readImplements,
  readMachine,
  readMachineFiles,
  readMachines,
  readNothing,
  readOperation,
  readOperator,
  readOperators,
  readSummary,
} from './readers.js';
import { ASSETS_PREFIX, OPERATIONS_PREFIX, type LeafMachineInput } from './types.js';
import { readTags as tags, type ReadTag, type ReadTagSet } from './read-tags.js';

const ASSETS_USER = `${ASSETS_PREFIX}/users/{id}`;

function segment(id: string): string {
  return encodeURIComponent(id);
}

function assetsPath(leafUserId: string, rest: string): string {
  return `${ASSETS_PREFIX}/users/${segment(leafUserId)}${rest}`;
}

function get<T>(path: string, endpoint: string, leafUserId: string | null, shows: ReadTag[], read: (body: unknown) => T): LeafCall<T> {
  return { method: 'GET', path, endpoint, leafUserId, tags: shows, read };
}

/** Every endpoint, as the call it makes. */
export const endpoints = {
  machines: (leafUserId: string, query: Query) =>
    get(assetsPath(leafUserId, `/machines${toSearch(query)}`), `${ASSETS_USER}/machines`, leafUserId, [tags.user(leafUserId), tags.machines(leafUserId)], readMachines),
  machine: (leafUserId: string, machineId: string) =>
    get(assetsPath(leafUserId, `/machines/${segment(machineId)}`), `${ASSETS_USER}/machines/{id}`, leafUserId, [tags.user(leafUserId), tags.machine(machineId)], readMachine),
  machineFiles: (leafUserId: string, machineId: string, query: Query) =>
    get(
      assetsPath(leafUserId, `/machines/${segment(machineId)}/files${toSearch(query)}`),
      `${ASSETS_USER}/machines/{id}/files`,
      leafUserId,
      [tags.user(leafUserId), tags.machineFiles(leafUserId), tags.machineFilesOf(machineId)],
      readMachineFiles,
    ),
  createMachine: (leafUserId: string, input: LeafMachineInput) => ({
    method: 'POST' as const,
    path: assetsPath(leafUserId, '/machines'),
    endpoint: `${ASSETS_USER}/machines`,
    leafUserId,
    tags: [],
    body: input,
    read: readMachine,
  }),
  updateMachine: (leafUserId: string, machineId: string, input: LeafMachineInput) => ({
    method: 'PATCH' as const,
    path: assetsPath(leafUserId, `/machines/${segment(machineId)}`),
    endpoint: `${ASSETS_USER}/machines/{id}`,
    leafUserId,
    tags: [],
    body: input,
    read: readMachine,
  }),
  deleteMachine: (leafUserId: string, machineId: string) => ({
    method: 'DELETE' as const,
    path: assetsPath(leafUserId, `/machines/${segment(machineId)}`),
    endpoint: `${ASSETS_USER}/machines/{id}`,
    leafUserId,
    tags: [],
    read: readNothing,
  }),
  implements: (leafUserId: string, query: Query) =>
    get(assetsPath(leafUserId, `/implements${toSearch(query)}`), `${ASSETS_USER}/implements`, leafUserId, [tags.user(leafUserId), tags.implements(leafUserId)], readImplements),
  implement: (leafUserId: string, implementId: string) =>
    get(assetsPath(leafUserId, `/implements/${segment(implementId)}`), `${ASSETS_USER}/implements/{id}`, leafUserId, [tags.user(leafUserId), tags.implement(implementId)], readImplement),
  operators: (leafUserId: string, query: Query) =>
    get(assetsPath(leafUserId, `/operators${toSearch(query)}`), `${ASSETS_USER}/operators`, leafUserId, [tags.user(leafUserId), tags.operators(leafUserId)], readOperators),
  operator: (leafUserId: string, operatorId: string) =>
    get(assetsPath(leafUserId, `/operators/${segment(operatorId)}`), `${ASSETS_USER}/operators/{id}`, leafUserId, [tags.user(leafUserId), tags.operator(operatorId)], readOperator),
  file: (fileId: string) => get(`${OPERATIONS_PREFIX}/files/${segment(fileId)}`, `${OPERATIONS_PREFIX}/files/{id}`, null, [tags.file(fileId)], readFile),
  fileImages: (fileId: string) =>
    get(`${OPERATIONS_PREFIX}/files/${segment(fileId)}/images`, `${OPERATIONS_PREFIX}/files/{id}/images`, null, [tags.file(fileId)], readImages),
  operation: (operationId: string) =>
    get(`${OPERATIONS_PREFIX}/operations/${segment(operationId)}`, `${OPERATIONS_PREFIX}/operations/{id}`, null, [tags.operation(operationId)], readOperation),
  operationSummary: (operationId: string) =>
    get(
      `${OPERATIONS_PREFIX}/operations/${segment(operationId)}/summary`,
      `${OPERATIONS_PREFIX}/operations/{id}/summary`,
      null,
      [tags.operation(operationId)],
      readSummary,
    ),
};

/** One request's view of Leaf: every endpoint, called with that request's token and id; what it
 * reads is noted in `reads` (the tags its cached answer is stored under). */
export class LeafApi {
  constructor(
    private readonly client: LeafClient,
    private readonly options: CallOptions,
    private readonly reads?: ReadTagSet,
  ) {}

  /** Noted before the call: an answer saying "not found" is stale once the record appears. */
  private read<T>(call: LeafCall<T>): Promise<T> {
    this.reads?.add(call.tags);
    return this.client.read(call, this.options);
  }

  listMachines(leafUserId: string, query: Query) {
    return this.read(endpoints.machines(leafUserId, query));
  }

  getMachine(leafUserId: string, machineId: string) {
    return this.read(endpoints.machine(leafUserId, machineId));
  }

  listMachineFiles(leafUserId: string, machineId: string, query: Query) {
    return this.read(endpoints.machineFiles(leafUserId, machineId, query));
  }

  listImplements(leafUserId: string, query: Query) {
    return this.read(endpoints.implements(leafUserId, query));
  }

  getImplement(leafUserId: string, implementId: string) {
    return this.read(endpoints.implement(leafUserId, implementId));
  }

  listOperators(leafUserId: string, query: Query) {
    return this.read(endpoints.operators(leafUserId, query));
  }

  getOperator(leafUserId: string, operatorId: string) {
    return this.read(endpoints.operator(leafUserId, operatorId));
  }

  async getFile(fileId: string) {
    const file = await this.read(endpoints.file(fileId));
    // The operations API names no user, but the file does: an event Leaf cannot place for that user drops it too.
    if (typeof file.leafUserId === 'string') this.reads?.add([tags.user(file.leafUserId)]);
    return file;
  }

  getFileImages(fileId: string) {
    return this.read(endpoints.fileImages(fileId));
  }

  getOperation(operationId: string) {
    return this.read(endpoints.operation(operationId));
  }

  getOperationSummary(operationId: string) {
    return this.read(endpoints.operationSummary(operationId));
  }

  createMachine(leafUserId: string, input: LeafMachineInput) {
    return this.client.write(endpoints.createMachine(leafUserId, input), this.options);
  }

  updateMachine(leafUserId: string, machineId: string, input: LeafMachineInput) {
    return this.client.write(endpoints.updateMachine(leafUserId, machineId, input), this.options);
  }

  deleteMachine(leafUserId: string, machineId: string) {
    return this.client.write(endpoints.deleteMachine(leafUserId, machineId), this.options);
  }
}
