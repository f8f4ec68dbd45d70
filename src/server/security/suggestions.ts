// With introspection off, "Did you mean …?" would still map the schema one guess at a time.
// GraphQL Armor's blockFieldSuggestion only catches `Did you mean "x"?` at validation; graphql-js
// also suggests enum values ("Did you mean the enum value …?") and input fields while coercing
// variables, which happens at execution. This strips every suggestion from both phases.
import type { Plugin } from 'graphql-yoga';
import { eachPart, errorsOfPart } from '../incremental/index.js';

const SUGGESTION = /\s*Did you mean [^?]*\?/g;

/** Strips every "Did you mean …?" from these errors' messages, in place. */
export function hideSuggestions(errors: readonly Error[]): void {
  for (const error of errors) error.message = error.message.replace(SUGGESTION, '');
}

export const useHideSuggestions: Plugin = {
  onValidate() {
    return ({ valid, result }) => {
      if (!valid) hideSuggestions(result);
    };
  },
  onExecute() {
    return {
      onExecuteDone: (payload) => eachPart(payload, (part) => hideSuggestions(errorsOfPart(part))),
    };
  },
};
