// The control API (`/__emulator/...`): the same knobs as the in-process Emulator object,
// for when the emulator runs in another process (benchmarks). Not logged, no token.
import { LeafHttpError, badRequest, notFound } from './errors.js';
import { faultRuleFromJson, type FaultRule } from './faults.js';
import type { CallRecord, LeafResponse } from './exchange.js';
import type { EmulatorToken } from './store.js';

export const CONTROL_PREFIX = '/__emulator';

export interface ControlTarget {
  calls: CallRecord[];
  tokens: EmulatorToken[];
  users: unknown;
  scale: string;
  resetCalls(): void;
  latency(): number;
  setLatency(ms: number): void;
  addFault(rule: FaultRule): () => void;
  clearFaults(): void;
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
    default:
      throw notFound(`No control endpoint ${method} ${pathname}`);
  }
}
