// The GraphQL `Error` interface and the typed errors mutations answer with (contract
// sections 4 and 7). Resolvers throw these classes; @pothos/plugin-errors turns each into
// its object type in the field's result union. src/schema/error-masking.ts maps everything else.
import type { LeafError } from '../leaf/errors.js';
import type { OriginType } from '../leaf/readers.js';
import { builder } from './builder.js';
import { OriginTypeEnum } from './enums.js';

export const ErrorInterface = builder.interfaceRef<Error>('Error').implement({
  description: 'Something a mutation could not do, as a value: query `... on Error { message }` for any of them.',
  fields: (t) => ({
    message: t.exposeString('message', { nullable: false, description: 'What went wrong, in words meant for the user.' }),
  }),
});

/** The object the mutation names does not exist (or no longer does) for that Leaf user. */
export class NotFoundError extends Error {
  override readonly name = 'NotFoundError';

  constructor(
    message: string,
    readonly id: string,
  ) {
    super(message);
  }
}

/** One rejected input field and why. */
export interface ValidationIssue {
  field: string;
  message: string;
}

/** The input was refused before anything was sent upstream. */
export class ValidationError extends Error {
  override readonly name = 'ValidationError';

  constructor(readonly issues: readonly ValidationIssue[]) {
    super(issues.map((issue) => issue.message).join(' '));
  }
}

/** Leaf did not confirm a write. Never retried by the gateway: the caller decides. */
export class UpstreamWriteError extends Error {
  override readonly name = 'UpstreamWriteError';

  constructor(
    message: string,
    /** HTTP status Leaf answered, or null when no answer arrived. */
    readonly upstreamStatus: number | null,
    /** False only when Leaf definitely refused it; a 5xx or a lost answer leaves the outcome unknown. */
    readonly mayHaveApplied: boolean,
  ) {
    super(message);
  }

  /** The read that must precede the write failed, so the write was never sent. */
  static beforeSending(error: LeafError, action: string): UpstreamWriteError {
    const status = typeof error.details.status === 'number' ? error.details.status : null;
    return new UpstreamWriteError(
      `Could not read the machine to check that it may be changed (${error.message}), so nothing was sent; try to ${action} again.`,
      status,
      false,
    );
  }

  static from(error: LeafError, action: string): UpstreamWriteError {
    const status = typeof error.details.status === 'number' ? error.details.status : null;
    if (error.code !== 'UPSTREAM_ERROR') {
      return new UpstreamWriteError(`The Leaf API refused to ${action} (HTTP ${status ?? 'error'}); nothing was changed.`, status, false);
    }
    if (error.details.circuitOpen) {
      // The breaker refused before anything was sent, so the outcome is known: nothing changed.
      return new UpstreamWriteError(`${error.message} Nothing was sent, so nothing changed; try to ${action} again later.`, null, false);
    }
    const answer = status !== null && status >= 500 ? `failed with HTTP ${status}` : 'sent no readable answer';
    return new UpstreamWriteError(
      `The Leaf API ${answer} when asked to ${action}. It was not retried: check whether the change took effect before repeating it.`,
      status,
      true,
    );
  }
}

/** Leaf (or the gateway, for a request without a token) did not accept the caller's credentials. */
export class UnauthenticatedError extends Error {
  override readonly name = 'UnauthenticatedError';
}

/** Leaf refused the caller: the token does not own that Leaf user or machine. */
export class ForbiddenError extends Error {
  override readonly name = 'ForbiddenError';
}

/** Leaf is rate limiting the caller's token; nothing was changed. */
export class RateLimitedError extends Error {
  override readonly name = 'RateLimitedError';

  constructor(
    message: string,
    /** Seconds Leaf asked to wait (its Retry-After), or null when it gave none. */
    readonly retryAfterSeconds: number | null,
  ) {
    super(message);
  }
}

/**
 * The typed member for an upstream refusal of the caller (401, 403, 429), or null for any other
 * failure: a mutation answers these as values, so one refused write never nulls its siblings.
 */
export function refusalOf(error: LeafError): UnauthenticatedError | ForbiddenError | RateLimitedError | null {
  const nothing = 'Nothing was changed.';
  switch (error.code) {
    case 'UNAUTHENTICATED':
      return new UnauthenticatedError(`${error.message} ${nothing}`);
    case 'FORBIDDEN':
      return new ForbiddenError(`${error.message} ${nothing}`);
    case 'RATE_LIMITED':
      return new RateLimitedError(`${error.message} ${nothing}`, error.details.retryAfterSeconds ?? null);
    default:
      return null;
  }
}

/** The machine comes from a provider or from file data: Leaf only lets API-created machines change. */
export class ReadOnlyMachineError extends Error {
  override readonly name = 'ReadOnlyMachineError';

  constructor(
    readonly id: string,
    readonly originType: OriginType,
    action: 'updated' | 'deleted',
  ) {
    super(`This machine is ${originType}: only USER_CREATED machines can be ${action}. Nothing was sent to Leaf.`);
  }
}

const ValidationIssueRef = builder.objectRef<ValidationIssue>('ValidationIssue').implement({
  description: 'One input field that was refused, and why.',
  fields: (t) => ({
    field: t.exposeString('field', { nullable: false, description: 'The input field, e.g. `modelYear`, or `input` for the whole object.' }),
    message: t.exposeString('message', { nullable: false, description: 'What to change.' }),
  }),
});

builder.objectType(NotFoundError, {
  name: 'NotFoundError',
  description: 'The object does not exist for that Leaf user, or no longer does.',
  interfaces: [ErrorInterface],
  fields: (t) => ({
    id: t.exposeID('id', { nullable: false, description: 'The ID that was asked for.' }),
  }),
});

builder.objectType(ValidationError, {
  name: 'ValidationError',
  description: 'The input was refused before anything was sent to Leaf; `issues` says what to change.',
  interfaces: [ErrorInterface],
  fields: (t) => ({
    fields: t.stringList({
      nullable: false,
      description: 'Names of the offending input fields.',
      resolve: (error) => [...new Set(error.issues.map((issue) => issue.field))],
    }),
    issues: t.field({
      type: [ValidationIssueRef],
      nullable: false,
      description: 'Each refused field with its reason.',
      resolve: (error) => error.issues,
    }),
  }),
});

builder.objectType(UpstreamWriteError, {
  name: 'UpstreamWriteError',
  description: 'Leaf did not confirm the write. The gateway never retries a write on its own.',
  interfaces: [ErrorInterface],
  fields: (t) => ({
    upstreamStatus: t.exposeInt('upstreamStatus', { nullable: true, description: 'HTTP status Leaf answered; null when no answer arrived.' }),
    mayHaveApplied: t.exposeBoolean('mayHaveApplied', {
      nullable: false,
      description: 'False when Leaf refused the write; true when the outcome is unknown (5xx, timeout), so read before retrying.',
    }),
  }),
});

builder.objectType(ReadOnlyMachineError, {
  name: 'ReadOnlyMachineError',
  description: 'The machine is not USER_CREATED, so it cannot be updated or deleted; nothing was sent to Leaf.',
  interfaces: [ErrorInterface],
  fields: (t) => ({
    id: t.exposeID('id', { nullable: false, description: 'Global ID of the machine.' }),
    originType: t.field({
      type: OriginTypeEnum,
      nullable: false,
      description: 'Where Leaf got the machine from.',
      resolve: (error) => error.originType,
    }),
  }),
});

builder.objectType(UnauthenticatedError, {
  name: 'UnauthenticatedError',
  description: "The write was refused because the caller's credentials were missing or not accepted (upstream 401); nothing was changed.",
  interfaces: [ErrorInterface],
  fields: () => ({}),
});

builder.objectType(ForbiddenError, {
  name: 'ForbiddenError',
  description: 'The write was refused because the token does not own that Leaf user or machine (upstream 403); nothing was changed.',
  interfaces: [ErrorInterface],
  fields: () => ({}),
});

builder.objectType(RateLimitedError, {
  name: 'RateLimitedError',
  description: 'Leaf is rate limiting this token (upstream 429); nothing was changed. Retry after `retryAfterSeconds`.',
  interfaces: [ErrorInterface],
  fields: (t) => ({
    retryAfterSeconds: t.exposeInt('retryAfterSeconds', {
      nullable: true,
      description: "Seconds to wait before retrying, from Leaf's Retry-After; null when Leaf gave none.",
    }),
  }),
});
