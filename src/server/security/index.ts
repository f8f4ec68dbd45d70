// The hostile-query defences, in the order a request meets them: CSRF check on the HTTP
// request, token limit while parsing, depth/alias/directive limits and introspection at
// validation (and, with introspection off, no "Did you mean" hints), cost and argument bounds
// (a short `unit`, at most 100 `nodes(ids:)`) before execution.
import type { Plugin } from 'graphql-yoga';
import type { Config } from '../../config.js';
import { useArgumentBounds } from './arguments.js';
import { useQueryCost } from './cost.js';
import { useCsrfPrevention } from './csrf.js';
import { useDisableIntrospection } from './introspection.js';
import { useQueryLimits } from './limits.js';
import { useHideSuggestions } from './suggestions.js';

export function securityPlugins(config: Config): Plugin[] {
  return [
    ...(config.security.csrfPrevention ? [useCsrfPrevention(config.upstream.defaultToken)] : []),
    useQueryLimits(config.security),
    ...(config.introspection ? [] : [useDisableIntrospection, useHideSuggestions]),
    useQueryCost(config.security.maxCost),
    useArgumentBounds,
  ];
}
