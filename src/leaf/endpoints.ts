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

const ASSETS_USER = `${ASSETS_PREFIX}/users/{id}`;

function segment(id: string): string {
  return encodeURIComponent(id);
}

function assetsPath(leafUserId: string, rest: string): string {
  return `${ASSETS_PREFIX}/users/${segment(leafUserId)}${rest}`;
}

function get<T>(path: string, endpoint: string, leafUserId: string | null, read: (body: unknown) => T): LeafCall<T> {
  return { method: 'GET', path, endpoint, leafUserId, read };
}

/** Every endpoint, as the call it makes. */
export const endpoints = {
  machines: (leafUserId: string, query: Query) =>
    get(assetsPath(leafUserId, `/machines${toSearch(query)}`), `${ASSETS_USER}/machines`, leafUserId, readMachines),
  machine: (leafUserId: string, machineId: string) =>
    get(assetsPath(leafUserId, `/machines/${segment(machineId)}`), `${ASSETS_USER}/machines/{id}`, leafUserId, readMachine),
  machineFiles: (leafUserId: string, machineId: string, query: Query) =>
    get(
      assetsPath(leafUserId, `/machines/${segment(machineId)}/files${toSearch(query)}`),
      `${ASSETS_USER}/machines/{id}/files`,
      leafUserId,
      readMachineFiles,
    ),
  createMachine: (leafUserId: string, input: LeafMachineInput) => ({
    method: 'POST' as const,
    path: assetsPath(leafUserId, '/machines'),
    endpoint: `${ASSETS_USER}/machines`,
    leafUserId,
    body: input,
    read: readMachine,
  }),
  updateMachine: (leafUserId: string, machineId: string, input: LeafMachineInput) => ({
    method: 'PATCH' as const,
    path: assetsPath(leafUserId, `/machines/${segment(machineId)}`),
    endpoint: `${ASSETS_USER}/machines/{id}`,
    leafUserId,
    body: input,
    read: readMachine,
  }),
  deleteMachine: (leafUserId: string, machineId: string) => ({
    method: 'DELETE' as const,
    path: assetsPath(leafUserId, `/machines/${segment(machineId)}`),
    endpoint: `${ASSETS_USER}/machines/{id}`,
    leafUserId,
    read: readNothing,
  }),
  implements: (leafUserId: string, query: Query) =>
    get(assetsPath(leafUserId, `/implements${toSearch(query)}`), `${ASSETS_USER}/implements`, leafUserId, readImplements),
  implement: (leafUserId: string, implementId: string) =>
    get(assetsPath(leafUserId, `/implements/${segment(implementId)}`), `${ASSETS_USER}/implements/{id}`, leafUserId, readImplement),
  operators: (leafUserId: string, query: Query) =>
    get(assetsPath(leafUserId, `/operators${toSearch(query)}`), `${ASSETS_USER}/operators`, leafUserId, readOperators),
  operator: (leafUserId: string, operatorId: string) =>
    get(assetsPath(leafUserId, `/operators/${segment(operatorId)}`), `${ASSETS_USER}/operators/{id}`, leafUserId, readOperator),
  file: (fileId: string) => get(`${OPERATIONS_PREFIX}/files/${segment(fileId)}`, `${OPERATIONS_PREFIX}/files/{id}`, null, readFile),
  fileImages: (fileId: string) =>
    get(`${OPERATIONS_PREFIX}/files/${segment(fileId)}/images`, `${OPERATIONS_PREFIX}/files/{id}/images`, null, readImages),
  operation: (operationId: string) =>
    get(`${OPERATIONS_PREFIX}/operations/${segment(operationId)}`, `${OPERATIONS_PREFIX}/operations/{id}`, null, readOperation),
  operationSummary: (operationId: string) =>
    get(
      `${OPERATIONS_PREFIX}/operations/${segment(operationId)}/summary`,
      `${OPERATIONS_PREFIX}/operations/{id}/summary`,
      null,
      readSummary,
    ),
};

/** One request's view of Leaf: every endpoint, called with that request's token and id. */
export class LeafApi {
  constructor(
    private readonly client: LeafClient,
    private readonly options: CallOptions,
  ) {}

  listMachines(leafUserId: string, query: Query) {
    return this.client.read(endpoints.machines(leafUserId, query), this.options);
  }

  getMachine(leafUserId: string, machineId: string) {
    return this.client.read(endpoints.machine(leafUserId, machineId), this.options);
  }

  listMachineFiles(leafUserId: string, machineId: string, query: Query) {
    return this.client.read(endpoints.machineFiles(leafUserId, machineId, query), this.options);
  }

  listImplements(leafUserId: string, query: Query) {
    return this.client.read(endpoints.implements(leafUserId, query), this.options);
  }

  getImplement(leafUserId: string, implementId: string) {
    return this.client.read(endpoints.implement(leafUserId, implementId), this.options);
  }

  listOperators(leafUserId: string, query: Query) {
    return this.client.read(endpoints.operators(leafUserId, query), this.options);
  }

  getOperator(leafUserId: string, operatorId: string) {
    return this.client.read(endpoints.operator(leafUserId, operatorId), this.options);
  }

  getFile(fileId: string) {
    return this.client.read(endpoints.file(fileId), this.options);
  }

  getFileImages(fileId: string) {
    return this.client.read(endpoints.fileImages(fileId), this.options);
  }

  getOperation(operationId: string) {
    return this.client.read(endpoints.operation(operationId), this.options);
  }

  getOperationSummary(operationId: string) {
    return this.client.read(endpoints.operationSummary(operationId), this.options);
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
