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
import { hash } from 'node:crypto';
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

export function fingerprintOf(params: Record<string, unknown>): string {
  const { query, operationName, variables, documentId, extensions } = params;
  const persisted = (extensions as { persistedQuery?: unknown } | undefined)?.persistedQuery;
  try {
    return JSON.stringify([query ?? null, operationName ?? null, variables ?? null, documentId ?? null, persisted ?? null]);
  } catch {
    return '';
  }
}

/**
 * The ETag of an answer for this caller: SHA-256 over the token's hash, the request's
 * fingerprint, the media type and the body's text, each followed by a NUL. One call of
 * crypto's one-shot hash: a Hash object and an update per part cost as much as hashing a
 * small answer.
 */
export function entityTagOf(tokenHash: string | null, fingerprint: string, type: string, body: string): string {
  return `"${hash('sha256', `${tokenHash ?? ''}\u0000${fingerprint}\u0000${type}\u0000${body}\u0000`)}"`;
}

/**
 * entityTagOf with the last answer of each request remembered beside its tag: a caller asking
 * the same thing again and getting the same text back (polling, or many clients of one token)
 * costs one comparison of the text instead of hashing it all (the hash is about 1 ms per MB).
 * The answers kept are bounded by their total length, the least recently used dropped first;
 * they are keyed by the token's hash, never the token, so one caller's text is only ever
 * compared with that caller's own.
 */
export class EntityTags {
  private readonly answers = new Map<string, { body: string; tag: string }>();
  private kept = 0;

  constructor(
    /** The most text kept, in UTF-16 code units (an answer longer than a tenth of it is not kept). */
    private readonly maxKept = 8 * 1024 * 1024,
  ) {}

  tagOf(tokenHash: string | null, fingerprint: string, type: string, body: string): string {
    const key = `${tokenHash ?? ''}\u0000${fingerprint}\u0000${type}`;
    const last = this.answers.get(key);
    if (last !== undefined) {
      this.answers.delete(key);
      this.kept -= key.length + last.body.length;
      if (last.body === body) {
        this.keep(key, last);
        return last.tag;
      }
    }
    const tag = entityTagOf(tokenHash, fingerprint, type, body);
    if ((key.length + body.length) * 10 <= this.maxKept) this.keep(key, { body, tag });
    return tag;
  }

  private keep(key: string, answer: { body: string; tag: string }): void {
    this.answers.set(key, answer);
    this.kept += key.length + answer.body.length;
    for (const [oldest, { body }] of this.answers) {
      if (this.kept <= this.maxKept) break;
      this.answers.delete(oldest);
      this.kept -= oldest.length + body.length;
    }
  }
}

/** Cache-Control of an answer that may be revalidated (with its ETag), and of any other. */
export const REVALIDATE = 'private, no-cache';
export const NO_STORE = 'no-store';

/**
 * Whether an answer gets an ETag and may be revalidated: a query's 200 without errors, in a
 * JSON media type, whose request parameters could be read.
 */
export function revalidatable(status: number, query: boolean | undefined, clean: boolean | undefined, fingerprint: string | undefined, type: string): boolean {
  return status === 200 && query === true && clean === true && !!fingerprint && JSON_ANSWER.test(type);
}

/** RFC 9110 If-None-Match: a list of (possibly weak) tags; `*` never matches an answer computed per caller. */
export function matchesIfNoneMatch(header: string | null, tag: string): boolean {
  if (!header) return false;
  return header.split(',').some((candidate) => candidate.trim().replace(/^W\//, '') === tag);
}

/** The Vary header of an answer: what it varies on already (null: nothing), then VARY. */
export function varyOf(present: string | null): string {
  const names = (present ?? '').split(',').map((name) => name.trim()).filter(Boolean);
  const lower = new Set(names.map((name) => name.toLowerCase()));
  return [...names, ...VARY.filter((name) => !lower.has(name.toLowerCase()))].join(', ');
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
      headers.set('vary', varyOf(headers.get('vary')));
      const type = headers.get('content-type') ?? '';
      if (!revalidatable(response.status, entry?.query, entry?.clean, entry?.fingerprint, type)) {
        headers.set('cache-control', NO_STORE);
        setResponse(new fetchAPI.Response(response.body, { status: response.status, statusText: response.statusText, headers }));
        return;
      }
      const body = await response.text();
      const tag = entityTagOf(identityOf(request).tokenHash, entry!.fingerprint!, type, body);
      headers.set('cache-control', REVALIDATE);
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
