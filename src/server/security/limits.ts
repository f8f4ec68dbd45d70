// Depth, alias, directive and token limits from GraphQL Armor. Armor's own cost limit stays
// off: it reads `first`/`last` only when written as literals, so `first: $n` would count as
// one item (see cost.ts, which reads variables too); its suggestion blocker misses some
// suggestions (see suggestions.ts).
import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import type { GraphQLError, ValidationContext } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { SecurityConfig } from '../../config.js';
import { queryTooComplex, type QueryLimit } from './errors.js';

/**
 * Armor's refusals read "Syntax Error: Query depth limit of 12 exceeded, found 40." with no
 * code; this reports them as QUERY_TOO_COMPLEX instead. Validation rules get a context to
 * report to; the token counter runs inside the parser and has none, so it throws.
 */
function refuseAs(limit: QueryLimit) {
  return (context: ValidationContext | null, error: GraphQLError): void => {
    const refusal = queryTooComplex(limit, error.message.replace(/^Syntax Error:\s*/, ''));
    if (context === null) throw refusal;
    context.reportError(refusal);
  };
}

function limit(n: number, name: QueryLimit) {
  return { n, onReject: [refuseAs(name)], propagateOnRejection: false, exposeLimits: true };
}

export function useQueryLimits(config: SecurityConfig): Plugin {
  return EnvelopArmorPlugin({
    // Fragments are a way of writing a selection, not a level of nesting.
    maxDepth: { ...limit(config.maxDepth, 'depth'), flattenFragments: true, ignoreIntrospection: true },
    maxAliases: limit(config.maxAliases, 'aliases'),
    maxDirectives: limit(config.maxDirectives, 'directives'),
    maxTokens: limit(config.maxTokens, 'tokens'),
    costLimit: { enabled: false },
    blockFieldSuggestion: { enabled: false },
  });
}
