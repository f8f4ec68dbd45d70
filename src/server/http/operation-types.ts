// graphql-js 16 validates a `subscription` against a schema that has no Subscription type and
// only fails at execution, with no code. This refuses any operation whose root type the
// schema lacks at validation, as graphql-js 17's KnownOperationTypesRule does.
import { GraphQLError, type ValidationRule } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { ErrorCode } from '../../errors/codes.js';

const KnownOperationTypesRule: ValidationRule = (context) => ({
  OperationDefinition(node) {
    if (context.getSchema().getRootType(node.operation)) return;
    context.reportError(
      new GraphQLError(`This API has no ${node.operation} operations: send a query or a mutation.`, {
        nodes: node,
        extensions: { code: 'GRAPHQL_VALIDATION_FAILED' satisfies ErrorCode },
      }),
    );
  },
});

export const useKnownOperationTypes: Plugin = {
  onValidate({ addValidationRule }) {
    addValidationRule(KnownOperationTypesRule);
  },
};
