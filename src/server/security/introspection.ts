// INTROSPECTION=false: __schema and __type are refused at validation; __typename stays, as
// clients need it. This is graphql-js's NoSchemaIntrospectionCustomRule (what Yoga's
// disable-introspection plugin installs), reporting with a stable code.
import { GraphQLError, getNamedType, isIntrospectionType, type ValidationRule } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { SecurityErrorCode } from './errors.js';

const NoIntrospectionRule: ValidationRule = (context) => ({
  Field(node) {
    const type = getNamedType(context.getType());
    if (!type || !isIntrospectionType(type)) return;
    const code: SecurityErrorCode = 'INTROSPECTION_DISABLED';
    context.reportError(
      new GraphQLError(
        `Introspection is disabled on this server, so "${node.name.value}" cannot be queried; the schema is published as schema/schema.graphql.`,
        { nodes: node, extensions: { code } },
      ),
    );
  },
});

export const useDisableIntrospection: Plugin = {
  onValidate({ addValidationRule }) {
    addValidationRule(NoIntrospectionRule);
  },
};
