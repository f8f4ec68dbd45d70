// HTTP caching of /graphql answers, per caller. Every answer depends on the caller's token, so
// none may be kept by a shared cache:
// - a query answered without errors is `Cache-Control: private, no-cache` with an ETag over
//   what identifies it for this caller: the token (hashed), the request's document, operation
//   name and variables, and the answer itself; `If-None-Match` with that ETag gets 304;
// - anything else (errors, mutations, refusals) is `no-store`, with no ETag;
// - every answer varies on Authorization (the token chooses the data), Accept (the media type
//   and status) and Origin (the CORS headers), and none carries Last-Modified, which would let
//   heuristics keep it.
// The ETag is computed from the answer this request got (executed now, or a response-cache
// entry, which writes invalidate), so a 304 only ever confirms the current answer, and a
// mutation, never eligible, always executes.
import { createHash } from 'node:crypto';
import type { Plugin } from 'graphql-yoga';
import { identityOf } from '../identity.js';
import { executedOperation, servedFromResponseCache } from '../observability/operation.js';

/** The request headers that choose an answer; a cache keying on fewer could cross callers. */
export const VARY = ['Authorization', 'Accept', 'Origin'];

const JSON_ANSWER = /^application\/(graphql-response\+)?json\b/;

interface Seen {
  /** The request's own parameters: document (or its id), operation name, variables. */
  fingerprint?: string;
  query?: boolean;
  clean?: boolean;
}

function fingerprintOf(params: Record<string, unknown>): string {
  const { query, operationName, variables, documentId, extensions } = params;
  const persisted = (extensions as { persistedQuery?: unknown } | undefined)?.persistedQuery;
  try {
    return JSON.stringify([query ?? null, operationName ?? null, variables ?? null, documentId ?? null, persisted ?? null]);
  } catch {
    return '';
  }
}

function entityTag(parts: string[]): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part).update('\u0000');
  return `"${hash.digest('hex')}"`;
}

/** RFC 9110 If-None-Match: a list of (possibly weak) tags; `*` never matches an answer computed per caller. */
export function matchesIfNoneMatch(header: string | null, tag: string): boolean {
  if (!header) return false;
  return header.split(',').some((candidate) => candidate.trim().replace(/^W\//, '') === tag);
}

function appendVary(headers: Headers): void {
  const present = (headers.get('vary') ?? '').split(',').map((name) => name.trim()).filter(Boolean);
  const lower = new Set(present.map((name) => name.toLowerCase()));
  headers.set('vary', [...present, ...VARY.filter((name) => !lower.has(name.toLowerCase()))].join(', '));
}

export function useHttpCaching(options: { graphqlPath: string }): Plugin {
  const seen = new WeakMap<Request, Seen>();
  // Requests to the GraphQL path, told apart once from the URL the server parsed already.
  const graphql = new WeakSet<Request>();
  const record = (request: Request): Seen => {
    let entry = seen.get(request);
    if (!entry) seen.set(request, (entry = {}));
    return entry;
  };
  return {
    onRequest({ request, url }) {
      if (url.pathname === options.graphqlPath) graphql.add(request);
    },
    onParams({ request, params }) {
      record(request).fingerprint = fingerprintOf(params as Record<string, unknown>);
    },
    onExecute({ args }) {
      const request = (args.contextValue as { request?: Request }).request;
      if (request) record(request).query = executedOperation(args).type === 'query';
    },
    onResultProcess({ request, result }) {
      if (Array.isArray(result)) return;
      const entry = record(request);
      const fromCache = servedFromResponseCache(result);
      // The response cache holds queries only, and only answers without errors.
      if (fromCache) entry.query = true;
      entry.clean = !('errors' in result && result.errors && result.errors.length > 0);
    },
    async onResponse({ request, response, setResponse, fetchAPI }) {
      if (!graphql.has(request)) return;
      const entry = seen.get(request);
      // Copied name by name: Yoga's Headers, handed to a new Headers, keep their original entries.
      const headers = new fetchAPI.Headers();
      response.headers.forEach((value, name) => {
        const lower = name.toLowerCase();
        if (lower !== 'last-modified' && lower !== 'etag') headers.append(name, value);
      });
      appendVary(headers);
      const type = headers.get('content-type') ?? '';
      const cacheable = response.status === 200 && entry?.query === true && entry.clean === true && entry.fingerprint && JSON_ANSWER.test(type);
      if (!cacheable) {
        headers.set('cache-control', 'no-store');
        setResponse(new fetchAPI.Response(response.body, { status: response.status, statusText: response.statusText, headers }));
        return;
      }
      const body = await response.text();
      const tag = entityTag([identityOf(request).tokenHash ?? '', entry.fingerprint!, type, body]);
      headers.set('cache-control', 'private, no-cache');
      headers.set('etag', tag);
      if (matchesIfNoneMatch(request.headers.get('if-none-match'), tag)) {
        for (const name of ['content-type', 'content-length']) headers.delete(name);
        setResponse(new fetchAPI.Response(null, { status: 304, headers }));
        return;
      }
      setResponse(new fetchAPI.Response(body, { status: 200, statusText: response.statusText, headers }));
    },
  };
}
