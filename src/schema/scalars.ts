// The gateway's own scalars. LeafId is contract section 4's identifier; URL and DateTime keep
// graphql-scalars' input checks but send on Leaf's value exactly as it came (readers in
// src/leaf/readers.ts have already checked it), e.g. `https://...` is not rewritten to
// `https://.../` and a `+00:00` offset stays one.
import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { DateTimeResolver, URLResolver } from 'graphql-scalars';
import { LeafError } from '../leaf/errors.js';
import type { ErrorCode } from '../errors/codes.js';

export const MAX_LEAF_ID_LENGTH = 128;
// Nothing that would change the meaning of an upstream path: `/ ? # %`, whitespace, controls.
const NOT_IN_LEAF_ID = /[/?#%\s\p{Cc}]/u;

/** Why `value` could not be a Leaf id, or null when it could be one. */
export function leafIdProblem(value: string): string | null {
  if (value.length === 0) return 'is empty';
  if (value.length > MAX_LEAF_ID_LENGTH) return `is longer than ${MAX_LEAF_ID_LENGTH} characters`;
  if (NOT_IN_LEAF_ID.test(value)) return 'holds `/`, `?`, `#`, `%`, whitespace or a control character';
  return null;
}

function leafIdInput(value: unknown): string {
  if (typeof value !== 'string') throw new GraphQLError('A LeafId is a string: pass the Leaf id as Leaf sent it.', { extensions: { code: 'BAD_USER_INPUT' satisfies ErrorCode } });
  const problem = leafIdProblem(value);
  if (problem) {
    throw new GraphQLError(`"${value.slice(0, 80)}" is not a Leaf id: it ${problem}. Pass an id exactly as Leaf (or this API) returned it.`, {
      extensions: { code: 'BAD_USER_INPUT' satisfies ErrorCode },
    });
  }
  return value;
}

export const LeafIdScalar = new GraphQLScalarType<string, string>({
  name: 'LeafId',
  description:
    'An identifier exactly as Leaf sends it: usually a UUID, but opaque to clients (Leaf\'s own examples show `uuid-1` and `aa8c917bc-…`). As an argument it accepts any id Leaf could have sent: 1 to 128 characters, without `/`, `?`, `#`, `%`, whitespace or control characters.',
  serialize: (value) => {
    if (typeof value !== 'string' || value === '') throw new LeafError('UPSTREAM_ERROR', 'The Leaf API sent an id that is not a string.');
    return value;
  },
  parseValue: leafIdInput,
  parseLiteral: (node) => {
    if (node.kind !== Kind.STRING) throw new GraphQLError('A LeafId is a string literal.', { nodes: node, extensions: { code: 'BAD_USER_INPUT' satisfies ErrorCode } });
    return leafIdInput(node.value);
  },
});

/** graphql-scalars' URL, sending a string on as it is (Leaf's spelling, not WHATWG's). */
export const ExactURLScalar = new GraphQLScalarType({
  ...URLResolver.toConfig(),
  serialize: (value) => (typeof value === 'string' && URL.canParse(value) ? value : String(URLResolver.serialize(value))),
});

/** graphql-scalars' DateTime, sending a string on as it is (a checked RFC 3339 timestamp from Leaf). */
export const ExactDateTimeScalar = new GraphQLScalarType({
  ...DateTimeResolver.toConfig(),
  serialize: (value) => (typeof value === 'string' ? value : DateTimeResolver.serialize(value)),
});
