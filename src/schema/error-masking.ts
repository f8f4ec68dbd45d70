// The one place where failures become coded GraphQL errors: Yoga's maskError hook and the
// plugin that codes graphql-js's own value errors. The Error interface and its types: errors.ts.
import { PothosError } from '@pothos/core';
import { GraphQLError, isValueNode } from 'graphql';
import { maskError as yogaMaskError, type Plugin } from 'graphql-yoga';
import { LeafError } from '../leaf/errors.js';
import { RelayArgumentError } from './relay/errors.js';
import { eachPart } from '../server/incremental/index.js';
import type { ErrorCode } from '../errors/codes.js';

/** A bad argument found by a resolver, with the contract's code. */
export function badUserInput(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT' satisfies ErrorCode } });
}

function extensionsFor(error: LeafError): Record<string, unknown> {
  const code: ErrorCode =
    error.code === 'UNAUTHENTICATED' || error.code === 'FORBIDDEN' || error.code === 'RATE_LIMITED'
      ? error.code
      : 'UPSTREAM_ERROR';
  const extensions: Record<string, unknown> = { code };
  if (error.details.retryAfterSeconds !== undefined) extensions.retryAfterSeconds = error.details.retryAfterSeconds;
  if (error.details.status !== undefined) extensions.upstreamStatus = error.details.status;
  return extensions;
}

/**
 * Yoga's maskError hook: typed failures get their stable code and a message meant for
 * clients; anything unexpected is masked (no stack, no upstream body).
 */
export function maskError(error: unknown, message: string, isDev?: boolean): Error {
  const original = error instanceof GraphQLError ? (error.originalError ?? undefined) : error;
  const located = error instanceof GraphQLError ? error : undefined;
  const options = { nodes: located?.nodes ?? null, path: located?.path ?? null };
  if (original instanceof LeafError) {
    return new GraphQLError(original.message, { ...options, extensions: extensionsFor(original) });
  }
  if (original instanceof RelayArgumentError) {
    return new GraphQLError(original.message, { ...options, extensions: { code: original.code } });
  }
  // Pothos refuses, while resolving node(id:)/nodes(ids:), a well-formed ID whose type is not
  // a node type ("Foo has not been implemented", "PageInfo does not support loading by id").
  if (original instanceof PothosError && located?.path) {
    return new GraphQLError('That ID names no type this API can fetch by id: use the `id` of an object it returned.', {
      ...options,
      extensions: { code: 'BAD_USER_INPUT' satisfies ErrorCode },
    });
  }
  const masked = yogaMaskError(error, message, false);
  if (!isDev || !(masked instanceof GraphQLError) || masked.extensions.code !== 'INTERNAL_SERVER_ERROR') return masked;
  // Developer details are the original error's name and message, never its stack: a trace
  // tells an attacker the code's layout and is no use to a client.
  const cause = original instanceof Error ? original : undefined;
  return new GraphQLError(masked.message, {
    nodes: masked.nodes ?? null,
    path: masked.path ?? null,
    extensions: { ...masked.extensions, originalError: { name: cause?.name ?? 'Error', message: cause?.message ?? String(original) } },
  });
}

/**
 * graphql-js reports a bad argument or variable value (an invalid UUID, a string where an
 * Int goes) during validation or variable coercion, without a code; the contract promises
 * BAD_USER_INPUT for those, as for bad arguments found by resolvers.
 */
function isValueError(error: GraphQLError): boolean {
  // ValuesOfCorrectTypeRule points at the offending literal; variable coercion errors name
  // the variable.
  return error.nodes?.some((node) => isValueNode(node)) === true || error.message.startsWith('Variable "$');
}

function withBadUserInput<E extends Error>(errors: readonly E[]): (E | GraphQLError)[] {
  return errors.map((error) =>
    error instanceof GraphQLError && isValueError(error)
      ? new GraphQLError(error.message, {
          nodes: error.nodes ?? null,
          source: error.source ?? null,
          positions: error.positions ?? null,
          path: error.path ?? null,
          extensions: { ...error.extensions, code: 'BAD_USER_INPUT' satisfies ErrorCode },
        })
      : error,
  );
}

export const useBadUserInputCodes: Plugin = {
  onValidate() {
    return ({ valid, result, setResult }) => {
      if (!valid) setResult(withBadUserInput(result));
    };
  },
  onExecute() {
    return {
      // Every part of a @defer/@stream answer too.
      onExecuteDone: (payload) =>
        eachPart(payload, (part, setPart) => {
          const coded = withBadUserInputCodes(part);
          if (coded !== part) setPart(coded);
        }),
    };
  },
};

/** An execution result (or part) without data, its value errors coded BAD_USER_INPUT; others as they are. */
export function withBadUserInputCodes<R extends { data?: unknown; errors?: readonly GraphQLError[] }>(result: R): R {
  if (!result.errors || result.data) return result;
  return { ...result, errors: withBadUserInput(result.errors) };
}
