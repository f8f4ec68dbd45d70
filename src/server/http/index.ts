// The HTTP edge of /graphql, in the order a request meets it: its parameters parsed and
// checked (params.ts), operations the schema cannot run refused (operation-types.ts), and an
// answer in a media type the client accepts, or a coded 406 (media-types.ts), and caching
// headers per caller, with 304 for a current answer (caching.ts).
import type { Plugin } from 'graphql-yoga';
import type { Config } from '../../config.js';
import { useHttpCaching } from './caching.js';
import { useNotAcceptableBody } from './media-types.js';
import { useKnownOperationTypes } from './operation-types.js';
import { useRequestParams } from './params.js';

export const GRAPHQL_PATH = '/graphql';

export function httpPlugins(config: Config): Plugin[] {
  return [
    useRequestParams({ exposeErrorDetails: config.exposeErrorDetails }),
    useKnownOperationTypes,
    useNotAcceptableBody,
    useHttpCaching({ graphqlPath: GRAPHQL_PATH, defaultToken: config.upstream.defaultToken }),
  ];
}
