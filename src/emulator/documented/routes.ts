// Leaf's documented examples, served as Leaf's documentation prints them (contract section 8),
// quirks included: ids that are not UUIDs (`aa8c917bc-…`, `uuid-1`), `"url"` where a URL
// belongs, `+00:00` offsets, bodies whose leafUserId or machineId differ from their path.
// A request with DOCUMENTED_TOKEN reaches these through the usual endpoints; nothing else does.
// The data is fixed: a write answers its documented body and changes nothing.
import { ASSETS_PREFIX, OPERATIONS_PREFIX } from '../../leaf/resources/resource.js';
import { LeafHttpError, badRequest, notFound } from '../errors.js';
import type { QueryParams } from '../query.js';
import type { LeafRequest, LeafResponse } from '../exchange.js';
import * as documented from './bodies.js';

export const DOCUMENTED_TOKEN = 'leaf-documented-examples-token';
/** The path user of the documented Assets examples: the first machine's leafUserId. */
export const DOCUMENTED_USER_ID = 'faa6691a-7bf7-49c2-8934-b5b4c823aef8';

const FILE_ID = '7b525b72-a8e7-4d34-80bb-9ea2dde87a09';
const OPERATION_ID = 'uuid';

/** The file example with each of the four summaries: the documented id first, then the operation's files. */
const FILES: Record<string, string> = {
  [FILE_ID]: fileWith(FILE_ID, documented.HARVESTED_SUMMARY),
  'uuid-1': fileWith('uuid-1', documented.PLANTED_SUMMARY),
  'uuid-2': fileWith('uuid-2', documented.APPLIED_SUMMARY),
  'uuid-3': fileWith('uuid-3', documented.TILLAGE_SUMMARY),
};

function fileWith(id: string, summary: string): string {
  return documented.FILE.replace(`"id": "${FILE_ID}"`, `"id": "${id}"`).replace('"summary": { ... }', `"summary": ${summary}`);
}

/** Records of a documented list, by id, as the single lookups answer them. */
function byId(listText: string): Map<string, string> {
  const records = JSON.parse(listText) as { id: string }[];
  return new Map(records.map((record) => [record.id, JSON.stringify(record)]));
}

const MACHINES = new Map([
  ...byId(documented.MACHINES),
  // The "get a machine" example is the first listed machine; the created one can be read, changed, deleted.
  ['e89b1861-bdbb-49b9-8e11-74840f7e1ea8', documented.MACHINE],
  ['d5efe8a1-98be-40db-b2b2-2da332e8f69c', documented.CREATED_MACHINE],
]);
const USER_CREATED_MACHINE = 'd5efe8a1-98be-40db-b2b2-2da332e8f69c';
const IMPLEMENTS = new Map([['38d313fc-e4ce-442b-9147-f469b30aedab', documented.IMPLEMENT]]);
const OPERATORS = new Map([['aa8c917bc-7e9b-47bc-99b8-4a0df818ab07', documented.OPERATOR]]);
const IMAGES: Record<string, string> = {
  [FILE_ID]: documented.V2_IMAGES,
  'uuid-1': documented.GEOTIFF_IMAGES,
  'uuid-2': documented.GEOTIFF_IMAGES,
  'uuid-3': documented.GEOTIFF_IMAGES,
};

function text(body: string): LeafResponse {
  return { status: 200, text: body };
}

function integer(query: QueryParams, name: string, fallback: number): number {
  const value = query[name]?.[0];
  if (value === undefined) return fallback;
  const number = Number(value);
  if (!Number.isInteger(number) || number < 0) throw badRequest(`${name} must be a non-negative integer`);
  return number;
}

/** A page of a documented list: the text itself when the page holds all of it, as Leaf's defaults do. */
function page(listText: string, query: QueryParams): LeafResponse {
  const records = JSON.parse(listText) as unknown[];
  const size = integer(query, 'size', 20);
  if (size > 100) throw badRequest('size must be at most 100');
  const start = integer(query, 'page', 0) * size;
  if (start === 0 && size >= records.length) return text(listText);
  return text(JSON.stringify(records.slice(start, start + size)));
}

function found(records: Map<string, string> | Record<string, string>, id: string, what: string): LeafResponse {
  const body = records instanceof Map ? records.get(id) : Object.hasOwn(records, id) ? records[id] : undefined;
  if (body === undefined) throw notFound(`${what} ${id} not found`);
  return text(body);
}

function segments(pathname: string, prefix: string): string[] | null {
  if (!pathname.startsWith(`${prefix}/`)) return null;
  return pathname
    .slice(prefix.length + 1)
    .split('/')
    .map((segment) => {
      try {
        return decodeURIComponent(segment);
      } catch {
        throw badRequest(`Malformed path segment '${segment}'`);
      }
    });
}

function assets(request: LeafRequest, path: string[]): LeafResponse {
  const [users, leafUserId, kind, id, rest, ...more] = path;
  if (users !== 'users' || leafUserId === undefined || kind === undefined || more.length > 0) throw notFound(`No endpoint ${request.pathname}`);
  if (leafUserId !== DOCUMENTED_USER_ID) throw new LeafHttpError(403, `This token has no access to Leaf user ${leafUserId}`);
  const { method, query } = request;
  if (kind === 'machines') {
    if (id === undefined) {
      if (method === 'POST') return text(documented.CREATED_MACHINE);
      if (method === 'GET') return page(documented.MACHINES, query);
    } else if (rest === 'files' && method === 'GET') {
      found(MACHINES, id, 'Machine');
      return page(documented.MACHINE_FILES, query);
    } else if (rest === undefined) {
      if (method === 'GET') return found(MACHINES, id, 'Machine');
      found(MACHINES, id, 'Machine');
      if (method !== 'PATCH' && method !== 'DELETE') throw new LeafHttpError(405, `Request method '${method}' is not supported`);
      if (id !== USER_CREATED_MACHINE) throw badRequest(`Only machines with originType USER_CREATED can be changed; machine ${id} is not`);
      return method === 'PATCH' ? text(documented.UPDATED_MACHINE) : { status: 204 };
    }
  } else if (kind === 'implements' && method === 'GET' && rest === undefined) {
    return id === undefined ? page(documented.IMPLEMENTS, query) : found(IMPLEMENTS, id, 'Implement');
  } else if (kind === 'operators' && method === 'GET' && rest === undefined) {
    return id === undefined ? page(documented.OPERATORS, query) : found(OPERATORS, id, 'Operator');
  }
  throw notFound(`No endpoint ${method} ${request.pathname}`);
}

function operations(request: LeafRequest, path: string[]): LeafResponse {
  const [kind, id, rest, ...more] = path;
  if (request.method !== 'GET' || id === undefined || more.length > 0) throw notFound(`No endpoint ${request.method} ${request.pathname}`);
  if (kind === 'files' && rest === undefined) return found(FILES, id, 'File');
  if (kind === 'files' && rest === 'images') {
    found(FILES, id, 'File');
    return found(IMAGES, id, 'File');
  }
  if (kind === 'operations' && id === OPERATION_ID && rest === undefined) return text(documented.FIELD_OPERATION);
  // Leaf documents the operation summary as a file summary of the merged files: the harvest's.
  if (kind === 'operations' && id === OPERATION_ID && rest === 'summary') return text(documented.HARVESTED_SUMMARY);
  if (kind === 'operations' && (rest === undefined || rest === 'summary')) throw notFound(`Field operation ${id} not found`);
  throw notFound(`No endpoint ${request.method} ${request.pathname}`);
}

/** Answers one request made with DOCUMENTED_TOKEN from Leaf's documented examples. */
export function handleDocumentedRequest(request: LeafRequest): LeafResponse {
  const asset = segments(request.pathname, ASSETS_PREFIX);
  if (asset) return assets(request, asset);
  const operation = segments(request.pathname, OPERATIONS_PREFIX);
  if (operation) return operations(request, operation);
  throw notFound(`No endpoint ${request.method} ${request.pathname}`);
}

/** What the documented data holds, for tests and the start banner. */
export const DOCUMENTED = {
  token: DOCUMENTED_TOKEN,
  leafUserId: DOCUMENTED_USER_ID,
  fileIds: Object.keys(FILES),
  operationId: OPERATION_ID,
  userCreatedMachineId: USER_CREATED_MACHINE,
  bodies: documented,
  fileBody: (id: string): string | undefined => FILES[id],
} as const;
