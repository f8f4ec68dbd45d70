// The Leaf endpoints the emulator serves: routing, auth, and the Alerts API's webhooks; each
// resource's own routes are in src/emulator/resources/. Everything here is synchronous over
// the store; the server adds latency, faults and I/O.
import { ALERTS_PREFIX } from '../leaf/types.js';
import type { Alerts } from './alerts/index.js';
import { DOCUMENTED_TOKEN, handleDocumentedRequest } from './documented/routes.js';
import { LeafHttpError, badRequest, notFound } from './errors.js';
import type { LeafRequest, LeafResponse } from './exchange.js';
import { EMULATOR_RESOURCES } from './resources/index.js';
import { ok, param, route, uuidParam, type Route, type RouteContext } from './route.js';
import type { EmulatorStore } from './store.js';

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

const ROUTES: Route[] = [
  ...EMULATOR_RESOURCES.flatMap((resource) => resource.routes),
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
