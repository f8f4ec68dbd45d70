// What a route of the emulator is: a path pattern, its handler per method, and what a handler
// knows (the store, the caller's token and the Leaf users it owns, the path's segments). The
// helpers every resource's routes share (the path user's ownership, UUID segments, one user's
// records listed and read) are here once; each resource's routes are in src/emulator/resources/.
import type { Alerts } from './alerts/index.js';
import { LeafHttpError, badRequest, notFound } from './errors.js';
import type { LeafRequest, LeafResponse } from './exchange.js';
import { isUuid, listPage, type ListSpec } from './query.js';
import type { EmulatorStore, UserRecord } from './store.js';

export interface RouteContext {
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

export type Handler = (context: RouteContext) => LeafResponse;

export interface Route {
  pattern: RegExp;
  methods: Record<string, Handler>;
}

const SEGMENT = '([^/]+)';

/** `path` under `prefix`, each `:id` one path segment handed to the handler in order. */
export function route(prefix: string, path: string, methods: Record<string, Handler>): Route {
  return { pattern: new RegExp(`^${prefix}${path.replaceAll(':id', SEGMENT)}$`), methods };
}

export function ok(body: unknown): LeafResponse {
  return { status: 200, body };
}

export function param(context: RouteContext, index: number): string {
  return context.params[index] ?? '';
}

export function uuidParam(value: string, name: string): string {
  if (!isUuid(value)) throw badRequest(`${name} must be a UUID, got '${value}'`);
  return value.toLowerCase();
}

/** The path's leafUserId, once the caller's token is known to own it. */
export function ownedUser(context: RouteContext): string {
  const leafUserId = uuidParam(param(context, 0), 'leafUserId');
  if (!context.owned.includes(leafUserId)) {
    throw new LeafHttpError(403, `This token has no access to Leaf user ${leafUserId}`);
  }
  return leafUserId;
}

export function ensureOwner(context: RouteContext, leafUserId: string, what: string): void {
  if (!context.owned.includes(leafUserId)) throw new LeafHttpError(403, `This token has no access to ${what}`);
}

/**
 * The record the path's second segment names (`/users/{leafUserId}/<name>/{id}`) among the
 * path user's, or 404; `what` names it in messages (`Implement`, id parameter `implementId`).
 */
export function userRecord<T extends UserRecord>(context: RouteContext, records: ReadonlyMap<string, T>, what: string): T {
  const leafUserId = ownedUser(context);
  const id = uuidParam(param(context, 1), `${what.toLowerCase()}Id`);
  const record = records.get(id);
  if (!record || record.leafUserId !== leafUserId) throw notFound(`${what} ${id} not found for Leaf user ${leafUserId}`);
  return record;
}

/** A page of the path user's records, filtered and sorted by the list's own semantics. */
export function userList<T extends UserRecord>(context: RouteContext, recordsOf: (leafUserId: string) => T[], spec: ListSpec<T>): LeafResponse {
  return ok(listPage(recordsOf(ownedUser(context)), context.request.query, spec));
}

/**
 * The record the path's first segment names (operations API paths name no user), once the
 * caller's token owns its user; `what` names it in messages (`Field operation`), `idName` the segment.
 */
export function ownedRecord<T extends UserRecord>(context: RouteContext, records: ReadonlyMap<string, T>, idName: string, what: string): T {
  const id = uuidParam(param(context, 0), idName);
  const record = records.get(id);
  if (!record) throw notFound(`${what} ${id} not found`);
  ensureOwner(context, record.leafUserId, `${what.toLowerCase()} ${id}`);
  return record;
}
