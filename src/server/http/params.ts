// What a GraphQL request may carry, checked once while it is parsed, before any plugin reads
// it: every parameter as the GraphQL-over-HTTP spec types it (strings, JSON objects), JSON no
// deeper than MAX_INPUT_DEPTH, and a coded 4xx for anything else. Yoga's own parsers answer
// 500 to `variables=x` in a query string (a bare JSON.parse), give multipart failures no code,
// echo the JSON parser's message in production, and leave `operationName: ["a"]` to reach
// the plugins that label metrics by it.
import { createGraphQLError, type Plugin } from 'graphql-yoga';
import { GraphQLError } from 'graphql';
import type { ErrorCode } from '../../errors/codes.js';

/** Deepest nesting of `variables` and `extensions`: no input of the schema comes close. */
export const MAX_INPUT_DEPTH = 32;
/**
 * Longest document text, in characters: the client operations are about 1 KB. Parsed documents
 * are cached by their text, so this also bounds what one cache entry can hold.
 */
export const MAX_DOCUMENT_LENGTH = 100_000;

/** The top-level parameters a request may send, with the JSON type each must have. */
const STRING_PARAMS = ['query', 'operationName', 'documentId'] as const;
const OBJECT_PARAMS = ['variables', 'extensions'] as const;

export type HttpErrorCode = Extract<ErrorCode, 'BAD_REQUEST' | 'UNSUPPORTED_MEDIA_TYPE'>;

export function badRequest(message: string, status = 400, code: HttpErrorCode = 'BAD_REQUEST'): GraphQLError {
  return createGraphQLError(message, { extensions: { code, http: { status } } });
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  return Array.isArray(value) ? 'an array' : `a ${typeof value}`;
}

/** Whether `value` nests objects or arrays deeper than `limit` (iteratively: the input may be 100,000 levels deep). */
export function nestsDeeperThan(value: unknown, limit: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [item, depth] = stack.pop()!;
    if (item === null || typeof item !== 'object') continue;
    if (depth >= limit) return true;
    for (const child of Object.values(item)) {
      if (child !== null && typeof child === 'object') stack.push([child, depth + 1]);
    }
  }
  return false;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Refuses parameters of the wrong JSON type or too deep; returns the params unchanged. */
export function checkParams(params: unknown): Record<string, unknown> {
  if (!isPlainObject(params)) {
    throw badRequest(`The request body must be a JSON object with a "query" string; got ${typeName(params)}.`);
  }
  for (const name of STRING_PARAMS) {
    const value = params[name];
    if (value !== undefined && value !== null && typeof value !== 'string') {
      throw badRequest(`The "${name}" parameter must be a string; got ${typeName(value)}.`);
    }
  }
  if (typeof params.query === 'string' && params.query.length > MAX_DOCUMENT_LENGTH) {
    throw badRequest(
      `The document has ${params.query.length} characters; at most ${MAX_DOCUMENT_LENGTH} are read: pass large values as variables.`,
      413,
    );
  }
  for (const name of OBJECT_PARAMS) {
    const value = params[name];
    if (value === undefined || value === null) continue;
    if (!isPlainObject(value)) throw badRequest(`The "${name}" parameter must be a JSON object; got ${typeName(value)}.`);
    if (nestsDeeperThan(value, MAX_INPUT_DEPTH)) {
      throw badRequest(`The "${name}" parameter nests deeper than ${MAX_INPUT_DEPTH} levels.`);
    }
  }
  return params;
}

/** GET query strings and form bodies: every parameter a string, `variables`/`extensions` JSON text. */
export function paramsFromSearch(search: URLSearchParams): Record<string, unknown> {
  const params: Record<string, unknown> = {};
  for (const name of STRING_PARAMS) {
    const value = search.get(name);
    if (value) params[name] = value;
  }
  for (const name of OBJECT_PARAMS) {
    const text = search.get(name);
    if (!text) continue;
    try {
      params[name] = JSON.parse(text);
    } catch {
      throw badRequest(`The "${name}" parameter must be JSON text of an object, URL-encoded.`);
    }
  }
  return params;
}

type Parser = (request: Request) => unknown;

function isFormRequest(request: Request): boolean {
  const type = request.headers.get('content-type')?.split(',')[0]?.split(';')[0]?.trim().toLowerCase();
  return request.method === 'POST' && type === 'application/x-www-form-urlencoded';
}

/**
 * Keeps a failure's code and status, adding them where the library gave none; drops the
 * parser's own message (`originalError`) unless developer details are exposed.
 */
function clientError(error: unknown, exposeDetails: boolean): unknown {
  if (error instanceof DOMException && error.name === 'AbortError') return error;
  if (!(error instanceof GraphQLError)) {
    return badRequest('The request body could not be read as the content-type it declares.');
  }
  const { originalError, ...extensions } = error.extensions as Record<string, unknown>;
  const http = extensions.http as { status?: number } | undefined;
  const status = http?.status ?? 400;
  if (status >= 500 || typeof extensions.code !== 'string' || (!exposeDetails && originalError !== undefined)) {
    return createGraphQLError(error.message, {
      extensions: {
        ...extensions,
        ...(exposeDetails && originalError !== undefined ? { originalError } : {}),
        code: typeof extensions.code === 'string' ? extensions.code : 'BAD_REQUEST',
        // Without `spec`: Yoga would then answer a body it could not parse with 200 to
        // application/json, where the GraphQL-over-HTTP spec wants 400.
        http: { status: status >= 500 ? 400 : status },
      },
    });
  }
  return error;
}

export function useRequestParams(options: { exposeErrorDetails: boolean }): Plugin {
  return {
    onRequestParse({ request, requestParser, setRequestParser }) {
      let parse: Parser | undefined = requestParser;
      if (request.method === 'GET') parse = (req) => paramsFromSearch(new URL(req.url, 'http://localhost').searchParams);
      else if (isFormRequest(request)) parse = async (req) => paramsFromSearch(new URLSearchParams(await req.text()));
      const chosen = parse;
      setRequestParser(async (req: Request) => {
        if (!chosen) {
          throw badRequest(
            'Send the request as JSON (content-type: application/json), or as a GET with a query string.',
            415,
            'UNSUPPORTED_MEDIA_TYPE',
          );
        }
        let parsed: unknown;
        try {
          parsed = await chosen(req);
        } catch (error) {
          throw clientError(error, options.exposeErrorDetails);
        }
        // A batch is refused by Yoga itself (batching is off); each member is checked all the same.
        return Array.isArray(parsed) ? parsed.map(checkParams) : checkParams(parsed);
      });
    },
  };
}
