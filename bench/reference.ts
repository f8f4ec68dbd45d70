// What the benchmark measures against, and the checks that make its comparison fair: the
// setup (a deep cursor, a list of node ids) read from a gateway, each query's reference answer,
// and whether the direct client and Tailcall fetch the same records as the gateway. Both
// `npm run bench` and test/bench.test.ts use them.
import { isDeepStrictEqual } from 'node:util';
import { BENCH_TOKEN, DEMO_USER_IDS } from '../src/emulator/seed-tables.js';
import { idsOfDirect, idsOfGateway } from './compare.js';
import { nodeRefOf, type DirectInput, type DirectResult } from './direct.js';
import { recordsOfGateway, recordsOfTailcall } from './peers/tailcall.js';
import { NODE_IDS, NODE_REPEATS, WALK, type QueryName, type Setup } from './queries.js';

export interface GraphQLAnswer<T = Record<string, unknown>> {
  data?: T | null;
  errors?: { message: string }[];
}

/** A GraphQL POST with the benchmark token; anything but a 200 with data and no errors throws. */
export async function post<T = Record<string, unknown>>(
  server: { url: string },
  document: string,
  variables: Record<string, unknown>,
  name = 'The gateway',
): Promise<{ text: string; body: GraphQLAnswer<T>; data: T }> {
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${BENCH_TOKEN}` },
    body: JSON.stringify({ query: document, variables }),
  });
  const text = await response.text();
  const body = JSON.parse(text) as GraphQLAnswer<T>;
  if (response.status !== 200 || body.errors?.length || !body.data) {
    throw new Error(`${name} answered ${response.status}: ${text.slice(0, 500)}`);
  }
  return { text, body, data: body.data };
}

/** The bench user's setup, read from `gateway`: the cursor of the item at `deepCursorOffset`, walked to the way a client pages. */
export async function discoverSetup(gateway: { url: string }, deepCursorOffset: number): Promise<Setup> {
  const user = DEMO_USER_IDS.bench;
  let after: string | null = null;
  let remaining = deepCursorOffset + 1;
  while (remaining > 0) {
    const first = Math.min(100, remaining);
    type Walked = { leafUser: { machines: { pageInfo: { endCursor: string | null } } } };
    const walked: Walked = (await post<Walked>(gateway, WALK, { user, first, after })).data;
    const machines = walked.leafUser.machines;
    after = machines.pageInfo.endCursor;
    if (after === null) throw new Error(`The bench user has fewer than ${deepCursorOffset + 1} machines`);
    remaining -= first;
  }

  const { body } = await post(gateway, NODE_IDS, { user });
  const lists = body.data?.leafUser as Record<'machines' | 'implements' | 'operators', { nodes: { id: string }[] }>;
  const distinct = [...lists.machines.nodes, ...lists.implements.nodes, ...lists.operators.nodes].map((node) => node.id);
  // Repeats spread through the list, as a client merging several screens' ids would send them.
  const nodeIds = [...distinct];
  for (let index = 0; index < NODE_REPEATS; index++) nodeIds.splice(index * 3 + 1, 0, distinct[(index * 7) % distinct.length] as string);
  return { user, deepCursor: after as string, nodeIds };
}

/** The same setup as the direct client and Tailcall take it: Leaf ids rather than global IDs. */
export function directInputOf(setup: Setup, deepCursorOffset: number): DirectInput {
  return { user: setup.user, deepCursorOffset, nodes: setup.nodeIds.map(nodeRefOf) };
}

/** Why the direct client's answer names other records than the gateway's, or null when they agree. */
export function directMismatch(name: QueryName, gatewayData: unknown, direct: DirectResult): string | null {
  const ours = idsOfGateway(name, gatewayData);
  const theirs = idsOfDirect(direct);
  return isDeepStrictEqual(ours, theirs)
    ? null
    : `The direct client fetched different data from the gateway for query ${name}: ${JSON.stringify(theirs).slice(0, 500)}`;
}

/** Why Tailcall's answer holds other records than the gateway's, field by field, or null when they agree. */
export function tailcallMismatch(name: QueryName, gatewayData: Record<string, unknown>, tailcallData: Record<string, unknown>, input: DirectInput): string | null {
  const ours = recordsOfGateway(name, gatewayData);
  const theirs = recordsOfTailcall(name, tailcallData, input);
  return isDeepStrictEqual(theirs, ours)
    ? null
    : `Tailcall fetched different data from the gateway for query ${name}: ${JSON.stringify(theirs).slice(0, 500)}`;
}
