// A hard cap on the upstream calls one request may make (MAX_UPSTREAM_CALLS), behind the cost
// rule: the cost counts objects before execution, and each object costs at most one call (a
// page of a list at most two, `totalCount` a few probes), so a query within MAX_QUERY_COST stays
// near that many calls; this stops whatever the estimate misses, call by call, with a code.
import { GraphQLError } from 'graphql';
import type { SecurityErrorCode } from './errors.js';

/** What the Leaf client asks before each call of a request (src/leaf/client.ts CallOptions). */
export interface CallBudget {
  /** Counts one call; throws QUERY_TOO_COMPLEX once the request has used its allowance. */
  spend(): void;
}

export function callBudget(limit: number): CallBudget {
  let spent = 0;
  return {
    spend() {
      spent += 1;
      if (spent <= limit) return;
      const code: SecurityErrorCode = 'QUERY_TOO_COMPLEX';
      throw new GraphQLError(
        `This request reached its limit of ${limit} upstream calls; the fields beyond it are null: ask for fewer items, or split the query.`,
        { extensions: { code, limit: 'upstreamCalls' } },
      );
    },
  };
}
