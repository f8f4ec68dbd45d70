// One page of a Leaf user's machines, and the first error of an answer: the read the
// resilience and breaker tests send while Leaf misbehaves under them.
import { expect } from 'vitest';
import { DEMO_USER_IDS } from '../../src/emulator/index.js';
import { graphql } from '../__generated__/index.js';
import type { MachinesUnderFaultsQuery } from '../__generated__/graphql.js';
import type { GraphQLResponse, Stack } from './stack.js';

/** The Leaf user whose machines these reads list. */
export const MACHINES_USER = DEMO_USER_IDS.prairieFarms;

export const MachinesUnderFaults = graphql(/* GraphQL */ `
  query MachinesUnderFaults($user: LeafId!, $first: Int!) {
    leafUser(id: $user) { machines(first: $first) { nodes { leafId name serialNumber modelYear } } }
  }
`);

export type MachinesData = MachinesUnderFaultsQuery;

export function machines(stack: Stack, first = 5, token?: string): Promise<GraphQLResponse<MachinesData>> {
  return stack.query(MachinesUnderFaults, { user: MACHINES_USER, first }, token === undefined ? {} : { token });
}

export function firstError(result: GraphQLResponse<unknown>): { message: string; extensions?: Record<string, unknown> } {
  expect(result.errors?.length).toBeGreaterThan(0);
  return result.errors![0]!;
}
