// A request whose Accept header names no media type Yoga can answer in gets 406 with an empty
// body from Yoga; this gives it a GraphQL error body saying what to accept, as every other
// refusal has.
import type { Plugin } from 'graphql-yoga';
import type { ErrorCode } from '../../errors/codes.js';

const ANSWERED_IN = ['application/graphql-response+json', 'application/json', 'multipart/mixed', 'text/event-stream'];

export const useNotAcceptableBody: Plugin = {
  onResultProcess({ resultProcessor, setResultProcessor }) {
    if (resultProcessor) return;
    setResultProcessor(
      (_result, fetchAPI) =>
        new fetchAPI.Response(
          JSON.stringify({
            errors: [
              {
                message: `This endpoint answers in ${ANSWERED_IN.join(', ')}: send an Accept header that allows one of them.`,
                extensions: { code: 'NOT_ACCEPTABLE' satisfies ErrorCode },
              },
            ],
          }),
          { status: 406, headers: { 'content-type': 'application/json; charset=utf-8', accept: ANSWERED_IN.join(', ') } },
        ),
      'application/json',
    );
  },
};
