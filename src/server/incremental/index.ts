// Incremental delivery: @defer and @stream (The Guild's @graphql-yoga/plugin-defer-stream),
// answered as multipart/mixed or text/event-stream to clients that ask for either; any other
// client gets the parts merged into one whole answer (not a bodiless 406, not parts it cannot read).
// The helpers let the other plugins (error codes, logs, metrics, traces) see every part.
import { useDeferStream } from '@graphql-yoga/plugin-defer-stream';
import { mergeIncrementalResult } from '@graphql-tools/utils';
import type { ExecutionResult, GraphQLError } from 'graphql';
import { handleStreamOrSingleExecutionResult, isAsyncIterable, type Plugin } from 'graphql-yoga';

/** One part of an incremental answer: the first (data) or a later one (incremental entries). */
export interface ResultPart extends ExecutionResult {
  hasNext?: boolean;
  incremental?: readonly { errors?: readonly GraphQLError[]; [key: string]: unknown }[];
}

/** Every error of a part, its incremental entries' included. */
export function errorsOfPart(part: ResultPart): GraphQLError[] {
  return [...(part.errors ?? []), ...(part.incremental ?? []).flatMap((entry) => entry.errors ?? [])];
}

/** The part with each error (its incremental entries' too) passed through `map`. */
export function mapPartErrors(part: ResultPart, map: (errors: readonly GraphQLError[]) => GraphQLError[]): ResultPart {
  const mapped: ResultPart = part.errors ? { ...part, errors: map(part.errors) } : { ...part };
  if (part.incremental) {
    mapped.incremental = part.incremental.map((entry) => (entry.errors ? { ...entry, errors: map(entry.errors) } : entry));
  }
  return mapped;
}

/**
 * Runs `onPart` on the result or on each part as it is sent, and `onEnd` once the last one is;
 * for an onExecuteDone hook.
 */
type ExecuteDonePayload = Parameters<typeof handleStreamOrSingleExecutionResult>[0];

/**
 * For an onExecuteDone hook: runs `onPart` on the result, or on each part of an incremental
 * answer as it is sent, and `onEnd` once the last one is.
 */
export function eachPart(
  payload: ExecuteDonePayload,
  onPart: (part: ResultPart, setPart: (part: ResultPart) => void) => void,
  onEnd?: () => void,
): ReturnType<typeof handleStreamOrSingleExecutionResult> {
  const handled = handleStreamOrSingleExecutionResult(payload, ({ result, setResult }) => {
    onPart(result as ResultPart, (part) => setResult(part as ExecutionResult));
  });
  if (!isAsyncIterable(payload.result)) {
    onEnd?.();
    return handled;
  }
  return { ...handled, onEnd: () => onEnd?.() };
}

const STREAMING_TYPES = /multipart\/mixed|text\/event-stream/i;

/**
 * Whether Yoga may answer this request in parts: only when the client names a streaming type.
 * `*\/*` (fetch's default) or no Accept at all gets one JSON answer a plain client can read.
 */
function acceptsParts(request: Request | undefined): boolean {
  return STREAMING_TYPES.test(request?.headers.get('accept') ?? '');
}

async function wholeAnswer(parts: AsyncIterable<ResultPart>): Promise<ExecutionResult> {
  let whole: ExecutionResult | undefined;
  for await (const part of parts) {
    if (whole === undefined) {
      const { hasNext: _hasNext, incremental, ...first } = part;
      whole = first;
      for (const entry of incremental ?? []) mergeIncrementalResult({ executionResult: whole, incrementalResult: entry });
    } else {
      for (const entry of part.incremental ?? []) mergeIncrementalResult({ executionResult: whole, incrementalResult: entry });
    }
  }
  return whole ?? {};
}

/**
 * JSON-only clients of a @defer/@stream query get one answer with every part merged in. First
 * in the plugin list, so every later plugin (logs, metrics, cache) sees that one answer.
 */
export const useWholeAnswerForJsonClients: Plugin = {
  onExecute({ args }) {
    if (acceptsParts((args.contextValue as { request?: Request }).request)) return;
    return {
      async onExecuteDone({ result, setResult }) {
        if (isAsyncIterable(result)) setResult(await wholeAnswer(result as AsyncIterable<ResultPart>));
      },
    };
  },
};

/**
 * Yoga masks the errors of each part but not those inside its `incremental` entries: the
 * errors of a deferred fragment or streamed item get the same masking (codes, no internals)
 * here. Early in the plugin list, so logs and metrics read the codes clients get.
 */
export function useMaskedIncrementalErrors(mask: (error: GraphQLError) => Error): Plugin {
  return {
    onExecute: () => ({
      onExecuteDone: (payload) => {
        if (!isAsyncIterable(payload.result)) return;
        return eachPart(payload, (part, setPart) => {
          if (!part.incremental?.some((entry) => entry.errors)) return;
          setPart({
            ...part,
            incremental: part.incremental.map((entry) =>
              entry.errors ? { ...entry, errors: entry.errors.map((error) => mask(error) as GraphQLError) } : entry,
            ),
          });
        });
      },
    }),
  };
}

export { useDeferStream };
