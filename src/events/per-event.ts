// A subscription executes once per event, and graphql-js hands every execution the one context
// made when the subscription opened: its loaders would serve the first event's records to every
// later one. This runs each event in a renewed context (src/context.ts `renew`): same caller,
// fresh loaders, reads and call budget, so an event's record is read as it is now.
import { createSourceEventStream, execute, type ExecutionArgs } from 'graphql';
import { isAsyncIterable, mapAsyncIterator, type Plugin } from 'graphql-yoga';
import type { Context } from '../context.js';

function renewed(context: unknown): unknown {
  const renew = (context as Partial<Context>).renew;
  return renew ? { ...(context as object), ...renew() } : context;
}

export const useFreshContextPerEvent: Plugin = {
  onSubscribe({ setSubscribeFn }) {
    setSubscribeFn(async (args: ExecutionArgs) => {
      const stream = await createSourceEventStream(args);
      if (!isAsyncIterable(stream)) return stream;
      return mapAsyncIterator(stream, (payload: unknown) => execute({ ...args, rootValue: payload, contextValue: renewed(args.contextValue) }));
    });
  },
};
