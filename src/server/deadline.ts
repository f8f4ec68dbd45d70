// One deadline per GraphQL request (REQUEST_DEADLINE_MS): without it each nested level
// (machines → files → file → summary) may wait its own full LEAF_TIMEOUT_MS in turn. Armed when
// execution starts, so a subscription (which never executes this way) is not cut; once it passes,
// every read of the request still waiting answers UPSTREAM_ERROR on its field, later reads fail
// at once, and the rest of the answer arrives. Writes are never cut (src/leaf/client.ts).
import { isAsyncIterable, type Plugin } from 'graphql-yoga';
import type { Context } from '../context.js';

export function useRequestDeadline(ms: number): Plugin {
  return {
    onExecute({ args }) {
      const { deadline } = args.contextValue as unknown as Context;
      deadline.arm(ms);
      return {
        onExecuteDone({ result }) {
          if (!isAsyncIterable(result)) return deadline.disarm();
          // @defer and @stream: the clock runs until the last part is sent.
          return { onEnd: () => deadline.disarm() };
        },
      };
    },
  };
}
