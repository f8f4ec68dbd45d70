// Operations several test files send; one definition each, so codegen sees one name.
import { graphql } from '../__generated__/index.js';

/** Creates a machine with only a name, answering its ids or the typed error. */
export const CREATE_NAMED_MACHINE = graphql(/* GraphQL */ `
  mutation CreateNamedMachine($user: LeafId!, $name: String!) {
    createMachine(leafUserId: $user, input: { name: $name }) {
      __typename
      ... on CreateMachineSuccess {
        machine {
          id
          leafId
          name
        }
      }
      ... on Error {
        message
      }
      ... on UpstreamWriteError {
        upstreamStatus
        mayHaveApplied
      }
    }
  }
`);

/** The smallest query there is: whether the gateway answers at all. */
export const TYPENAME = graphql(/* GraphQL */ `
  query Typename {
    __typename
  }
`);
