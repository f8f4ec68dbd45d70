// The /graphql fast path: the common request (a POST of JSON naming a query whose document this
// gateway has already parsed and validated) answered straight from node:http, without Yoga's
// Fetch-API Request and Response, envelop's hook chain and the promises chaining each hook:
// about a fifth of the CPU of a flat page went there (docs/benchmarks.md, "Cost ledger").
//
// What every plugin of src/server/plugins.ts does to such a request is done here by calling the
// same functions the plugins call: the identity, the parameter checks, the cost limit and
// argument bounds, the compiled operation (graphql-jit), the deadline, suggestions hidden,
// value errors coded, errors masked, Yoga's own result processor for the status and body, the
// caching headers and ETag (and 304), the request log line with its x-request-id, and the
// metrics' series. Anything else goes to Yoga untouched, decided before any of it runs: another
// method, path, media type or Accept, an Origin (CORS), a body without a Content-Length or over
// the bound, parameters beyond query/operationName/variables (persisted documents, APQ), a
// document not yet validated here (Yoga parses and validates it, and the next request with it
// takes this path), a mutation or subscription, @defer/@stream, variables that do not fit, a
// request over the cost limit or an argument bound, an Authorization header that cannot be read.
// The gateway serves it only with the response cache and tracing off and without PERSISTED_ONLY
// (in a cluster worker too, naming the worker as Yoga's answers do); ABLATE=fast-path turns it off to measure it.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { DocumentNode, ExecutionResult, GraphQLError, GraphQLSchema } from 'graphql';
import { processRegularResult, type Plugin } from 'graphql-yoga';
import type { Context } from '../../context.js';
import { CancelSource, type Cancel } from '../../leaf/cancel.js';
import type { CompiledOperations } from '../execution.js';
import type { RequestIdentity } from '../identity.js';
import type { Logger } from '../observability/logger.js';
import { errorCodes, type FastPathMetrics } from '../observability/metrics.js';
import { requestedName, type RequestOperation } from '../observability/operation.js';
import { logRequest, REQUEST_ID_HEADER } from '../observability/request-log.js';
import type { costLimit } from '../security/cost.js';
import { argumentRefusal } from '../security/arguments.js';
import { hideSuggestions } from '../security/suggestions.js';
import { withBadUserInputCodes } from '../../schema/error-masking.js';
import { EntityTags, fingerprintOf, matchesIfNoneMatch, NO_STORE, revalidatable, REVALIDATE, varyOf } from './caching.js';
import { declaredLength } from './body-limit.js';
import { checkParams } from './params.js';

type Handler = (request: IncomingMessage, response: ServerResponse) => void;

export interface FastPathOptions {
  graphqlPath: string;
  schema: GraphQLSchema;
  /** Yoga's parsed documents by their text (src/server/http/document-caches.ts). */
  documents: { get(text: string): DocumentNode | undefined };
  /** Documents Yoga validated with every rule of the gateway: fastPathDocuments().validated. */
  validated: WeakSet<DocumentNode>;
  compiled: CompiledOperations;
  /** The cost limit's refusal (null when ABLATE leaves it out). */
  cost: ReturnType<typeof costLimit> | null;
  identify(authorization: string | null, requestId: string | null): RequestIdentity;
  /** The context Yoga's context factory makes, for this identity and hang-up. */
  context(identity: RequestIdentity, caller: Cancel): Context;
  /** The request log (null when ABLATE leaves it out). */
  logger: Logger | null;
  metrics: FastPathMetrics | null;
  /** Yoga's error masking, as configured (null when ABLATE leaves it out). */
  mask: ((error: GraphQLError) => Error) | null;
  /** INTROSPECTION=false: no "Did you mean …?" in errors. */
  hideSuggestions: boolean;
  /** Caching headers and ETags (false when ABLATE leaves them out). */
  httpCaching: boolean;
  /** REQUEST_DEADLINE_MS (0: none). */
  deadlineMs: number;
  /** MAX_REQUEST_BYTES. */
  maxRequestBytes: number;
  /** The parameter checks of src/server/http/params.ts (false when ABLATE leaves them out). */
  checkParams: boolean;
  /** A header every answer carries: a cluster worker's name (ClusterLink.answerHeader). */
  answerHeader?: { name: string; value: string };
}

/** The validated documents, learnt from Yoga: a plugin's after-validation hook, last in the list. */
export function fastPathDocuments(): { validated: WeakSet<DocumentNode>; plugin: Plugin } {
  const validated = new WeakSet<DocumentNode>();
  return {
    validated,
    plugin: {
      onValidate({ params }) {
        return ({ valid }) => {
          if (valid) validated.add(params.documentAST);
        };
      },
    },
  };
}

const JSON_BODY = /^application\/json\s*(;\s*charset\s*=\s*"?utf-8"?\s*)?$/i;
const PARAMS = new Set(['query', 'operationName', 'variables']);

/** Its answers vary on what every /graphql answer varies on: nothing else sets Vary on them. */
const VARY_HEADER = varyOf(null);

/** The media types of Yoga's JSON answers, in the order its result processor tries them. */
const JSON_TYPES = ['application/graphql-response+json', 'application/json'];
/** What an Accept header may name for this path to answer it: anything else (streams, a 406) goes to Yoga. */
const COVERED_ACCEPT = new Set(['*/*', 'application/*', ...JSON_TYPES]);

/** Yoga's isMatchingMediaType, with its arguments in Yoga's order. */
function matches(processorType: string, askedType: string): boolean {
  const [pre, suf] = processorType.split('/');
  const [askedPre, askedSuf] = askedType.split('/');
  return (askedPre === '*' || askedPre === pre) && (askedSuf === '*' || askedSuf === suf);
}

/**
 * The media type Yoga's result processor (useResultProcessors) answers a single result in, for an
 * Accept header naming only JSON types or wildcards; null for any other header.
 */
export function answeredIn(accept: string | undefined): string | null {
  const asked: string[] = [];
  for (const entry of (accept || '*/*').replace(/\s/g, '').toLowerCase().split(',')) {
    const [type = '', ...parameters] = entry.split(';');
    // Yoga skips a type asked in another charset.
    if ((parameters.find((parameter) => parameter.includes('charset=')) ?? 'charset=utf-8') !== 'charset=utf-8') continue;
    if (!COVERED_ACCEPT.has(type)) return null;
    asked.push(type);
  }
  let chosen: string | null = null;
  for (const type of asked.reverse()) for (const processorType of JSON_TYPES) if (matches(processorType, type)) chosen = processorType;
  return chosen;
}

/** The caller hanging up (the response closing before it was sent), followed only once something listens. */
class HangUp implements Cancel {
  private source: CancelSource | null = null;

  constructor(private readonly response: ServerResponse) {}

  get cancelled(): boolean {
    return this.source ? this.source.cancelled : this.response.destroyed && !this.response.writableFinished;
  }

  get reason(): Error | undefined {
    return this.source?.reason;
  }

  listen(listener: () => void): () => void {
    if (!this.source) {
      const source = (this.source = new CancelSource());
      const { response } = this;
      if (response.destroyed && !response.writableFinished) source.cancel();
      else response.once('close', () => response.writableFinished || source.cancel());
    }
    return this.source.listen(listener);
  }
}

/** processRegularResult's Response, as the plain body and init it was made from. */
class Answer {
  constructor(
    readonly body: string,
    readonly init: { status: number; headers: Record<string, string> },
  ) {}
}
const ANSWER_API = { Response: Answer } as unknown as Parameters<typeof processRegularResult>[1];

/**
 * The status, headers and body Yoga's result processor gives a result. A result without errors
 * or HTTP extensions is 200 and its JSON, made here without the Response object around it.
 */
function processed(result: ExecutionResult, mediaType: string): { status: number; headers: Record<string, string>; body: string } {
  if (!result.errors?.length && result.extensions === undefined) {
    return { status: 200, headers: { 'Content-Type': `${mediaType}; charset=utf-8` }, body: JSON.stringify(result) };
  }
  const answer = processRegularResult(result, ANSWER_API, mediaType) as unknown as Answer;
  return { status: answer.init.status, headers: { ...answer.init.headers }, body: answer.body };
}

/** The body handed back to Yoga for a request this path read but does not answer. */
function replayable(body: Buffer): AsyncIterable<Buffer> & { body: Buffer } {
  return {
    body,
    async *[Symbol.asyncIterator]() {
      yield body;
    },
  };
}

export function withFastPath(options: FastPathOptions, yoga: Handler): Handler {
  const { graphqlPath, maxRequestBytes, metrics } = options;
  const tags = new EntityTags();

  /** Whether the request's line and headers fit this path: decided before its body is read. */
  function fits(request: IncomingMessage): string | null {
    if (request.method !== 'POST' || request.url !== graphqlPath) return null;
    const { headers } = request;
    if (headers.origin !== undefined || headers['transfer-encoding'] !== undefined || headers.upgrade !== undefined) return null;
    // No body, or one Yoga answers 400 or 413 (src/server/http/body-limit.ts): Yoga's to answer.
    const length = headers['content-length'];
    const declared = length === undefined ? null : declaredLength(length);
    if (!declared || declared > maxRequestBytes) return null;
    if (!JSON_BODY.test(headers['content-type'] ?? '')) return null;
    return answeredIn(headers.accept);
  }

  function fallBack(request: IncomingMessage, response: ServerResponse, body: Buffer, reason: 'document' | 'request'): void {
    metrics?.fallback(reason);
    // The body is read already: Yoga's node adapter takes it from here instead of the stream.
    (request as IncomingMessage & { body?: unknown }).body = replayable(body);
    yoga(request, response);
  }

  function handle(request: IncomingMessage, response: ServerResponse, mediaType: string, startedAt: number, body: Buffer): void {
    let params: Record<string, unknown>;
    try {
      params = JSON.parse(body.toString('utf8'));
      if (options.checkParams) checkParams(params);
    } catch {
      return fallBack(request, response, body, 'request');
    }
    if (params === null || typeof params !== 'object' || Array.isArray(params)) return fallBack(request, response, body, 'request');
    for (const name in params) if (!PARAMS.has(name)) return fallBack(request, response, body, 'request');
    const { query, operationName = null, variables = null } = params as { query?: unknown; operationName?: string | null; variables?: Record<string, unknown> | null };
    if (typeof query !== 'string') return fallBack(request, response, body, 'request');
    const document = options.documents.get(query);
    if (!document || !options.validated.has(document)) return fallBack(request, response, body, 'document');
    const compiled = options.compiled.compiledFor(options.schema, document, operationName);
    if (!compiled || compiled.operation.operation !== 'query') return fallBack(request, response, body, 'request');
    const { headers } = request;
    const identity = options.identify(headers.authorization ?? null, (headers[REQUEST_ID_HEADER] as string | undefined) ?? null);
    if (identity.authorizationProblem) return fallBack(request, response, body, 'request');
    if (options.cost?.(options.schema, document, operationName, variables) || argumentRefusal(document, variables)) {
      return fallBack(request, response, body, 'request');
    }
    const contextStart = performance.now();
    const context = options.context(identity, new HangUp(response));
    const executeStart = performance.now();
    const args = { schema: options.schema, document, contextValue: context, variableValues: variables, operationName };
    if (options.deadlineMs > 0) context.deadline.arm(options.deadlineMs);
    const result = options.compiled.run(compiled, args);
    // Variables that do not fit: graphql-js reports them through Yoga, and nothing has run yet.
    if (result === null) {
      context.deadline.disarm();
      return fallBack(request, response, body, 'request');
    }
    const operation: RequestOperation = { name: compiled.operation.name?.value ?? requestedName(params), type: compiled.operation.operation, executed: true };
    const answer = (executed: ExecutionResult): void => {
      context.deadline.disarm();
      const executeSeconds = (performance.now() - executeStart) / 1000;
      const executionErrors = executed.errors?.length ?? 0;
      if (options.hideSuggestions && executed.errors) hideSuggestions(executed.errors);
      let final = withBadUserInputCodes(executed);
      if (options.mask && final.errors?.length) final = { ...final, errors: final.errors.map((error) => options.mask!(error) as GraphQLError) };
      reply(request, response, { mediaType, startedAt, params, identity, operation, result: final, document: compiled.operation.name?.value, contextSeconds: (executeStart - contextStart) / 1000, executeSeconds, executionErrors });
    };
    if (result instanceof Promise) result.then(answer).catch((error: unknown) => failed(request, response, identity, error));
    else answer(result);
  }

  function failed(request: IncomingMessage, response: ServerResponse, identity: RequestIdentity, error: unknown): void {
    // graphql-jit settles every resolver's failure into the result: this is a fault of the path itself.
    options.logger?.log('error', 'fast path failed', { requestId: identity.requestId, error });
    if (response.writableEnded) return;
    if (!response.headersSent) {
      const headers: Record<string, string> = { 'content-type': 'application/json; charset=utf-8', 'cache-control': NO_STORE, [REQUEST_ID_HEADER]: identity.requestId };
      if (options.answerHeader) headers[options.answerHeader.name] = options.answerHeader.value;
      response.writeHead(500, headers);
    }
    response.end(JSON.stringify({ errors: [{ message: 'Unexpected error.', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] }));
  }

  interface Reply {
    mediaType: string;
    startedAt: number;
    params: Record<string, unknown>;
    identity: RequestIdentity;
    operation: RequestOperation;
    result: ExecutionResult;
    document: string | undefined;
    contextSeconds: number;
    executeSeconds: number;
    executionErrors: number;
  }

  function reply(request: IncomingMessage, response: ServerResponse, answer: Reply): void {
    const { status: processedStatus, headers, body } = processed(answer.result, answer.mediaType);
    let status = processedStatus;
    const type = headers['Content-Type'] ?? '';
    let text: string | null = body;
    if (options.httpCaching) {
      headers.vary = VARY_HEADER;
      const clean = !answer.result.errors?.length;
      const fingerprint = fingerprintOf(answer.params);
      if (!revalidatable(status, true, clean, fingerprint, type)) headers['cache-control'] = NO_STORE;
      else {
        const tag = tags.tagOf(answer.identity.tokenHash, fingerprint, type, body);
        headers['cache-control'] = REVALIDATE;
        headers.etag = tag;
        if (matchesIfNoneMatch((request.headers['if-none-match'] as string | undefined) ?? null, tag)) {
          delete headers['Content-Type'];
          status = 304;
          text = null;
        }
      }
    }
    const length = text === null ? 0 : Buffer.byteLength(text);
    if (text !== null) headers['content-length'] = String(length);
    if (options.logger) headers[REQUEST_ID_HEADER] = answer.identity.requestId;
    if (options.answerHeader) headers[options.answerHeader.name] = options.answerHeader.value;
    response.writeHead(status, headers);
    // A string: node:http joins the head and the body into one string (no Buffer made here). A
    // body of as many bytes as characters is ASCII, whose UTF-8 is its Latin-1: a plain copy.
    if (text === null) response.end();
    else response.end(text, length === text.length ? 'latin1' : 'utf8');
    const codes = errorCodes(answer.result);
    metrics?.served({
      operationType: 'query',
      documentName: answer.document,
      requestName: answer.operation.name,
      status,
      httpSeconds: (performance.now() - answer.startedAt) / 1000,
      contextSeconds: answer.contextSeconds,
      executeSeconds: answer.executeSeconds,
      executionErrors: answer.executionErrors,
      codes,
    });
    if (options.logger) {
      logRequest(options.logger, graphqlPath, {
        requestId: answer.identity.requestId,
        method: 'POST',
        path: graphqlPath,
        status,
        startedAt: answer.startedAt,
        operation: answer.operation,
        errors: codes,
      });
    }
  }

  return (request, response) => {
    const mediaType = fits(request);
    if (mediaType === null) return yoga(request, response);
    const startedAt = performance.now();
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.once('end', () => {
      const body = chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks);
      try {
        handle(request, response, mediaType, startedAt, body);
      } catch (error) {
        failed(request, response, options.identify(null, null), error);
      }
    });
    request.once('error', () => response.destroy());
  };
}
