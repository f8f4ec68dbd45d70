// The gateway composed into a company's graph, through a real federation gateway: a second,
// small subgraph (a team's notes about machines, holding only Leaf's ids) is composed with
// schema/subgraph.graphql by @theguild/federation-composition, and Hive Gateway serves the
// supergraph. Clients query Hive Gateway only; the calls Leaf sees are counted at the emulator.
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { createGatewayRuntime, type GatewayRuntime } from '@graphql-hive/gateway-runtime';
import { composeServices } from '@theguild/federation-composition';
import { parse } from 'graphql';
import { createYoga } from 'graphql-yoga';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_TOKEN, DEMO_USER_IDS, OTHER_TOKEN } from '../src/emulator/index.js';
import { SUBGRAPH_FILE } from '../src/schema/print.js';
import { OBJECT_WEIGHT, UPSTREAM_COST } from '../src/schema/demand.js';
import { gatewayClient, useStack, type GatewayClient } from './support/stack.js';

const USER = DEMO_USER_IDS.prairieFarms;
/** Hive Gateway's budget in these tests: below the Leaf gateway's own (MAX_QUERY_COST), so a refusal is Hive's. */
const HIVE_MAX_COST = 500;

/** The team's subgraph: notes about machines, which it knows by Leaf's ids only. */
const NOTES_SDL = `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@key"])
  scalar LeafId
  type LeafUser @key(fields: "leafUserId", resolvable: false) { leafUserId: LeafId! }
  type Machine @key(fields: "leafId leafUser { leafUserId }") {
    leafId: LeafId!
    leafUser: LeafUser!
    "The team's notes about this machine."
    notes: [Note!]!
  }
  "A note; its machine is null where the caller's token cannot read it."
  type Note { text: String! machine: Machine }
  type Query { notes: [Note!]! }
`;

interface Note {
  text: string;
  machineId: string;
}

interface MachineReference {
  leafId: string;
  leafUser: { leafUserId: string };
}

function notesSubgraph(notes: Note[]) {
  const machineOf = (note: Note): MachineReference => ({ leafId: note.machineId, leafUser: { leafUserId: USER } });
  return buildSubgraphSchema({
    typeDefs: parse(NOTES_SDL),
    resolvers: {
      Query: { notes: () => notes },
      Note: { machine: machineOf },
      Machine: {
        __resolveReference: (machine: MachineReference) => machine,
        notes: (machine: MachineReference) => notes.filter((note) => note.machineId === machine.leafId),
      },
    },
  });
}

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const close = (server: Server) => new Promise<void>((resolve) => server.close(() => resolve()));

const leaf = useStack();
let machines: { leafId: string; name: string | null }[];
let notes: Note[];
let notesServer: Server;
let hiveServer: Server;
let hive: GatewayRuntime;
let hiveUrl: string;

const client = (token: string | null): GatewayClient => gatewayClient(hiveUrl, token);

beforeAll(async () => {
  const mine = await leaf.query<{ leafUser: { machines: { nodes: { leafId: string; name: string | null }[] } } }>(
    'query Mine($user: LeafId!) { leafUser(id: $user) { machines(first: 3) { nodes { leafId name } } } }',
    { user: USER },
  );
  machines = mine.data!.leafUser.machines.nodes;
  const [a, b, c] = machines.map((machine) => machine.leafId) as [string, string, string];
  notes = [
    { text: 'Check the hydraulics before harvest.', machineId: a },
    { text: 'New tyres fitted.', machineId: b },
    { text: 'Hydraulics checked: fine.', machineId: a },
    { text: 'Due for service in March.', machineId: c },
  ];

  notesServer = createServer(createYoga({ schema: notesSubgraph(notes), logging: false }));
  const notesUrl = await listen(notesServer);
  const composed = composeServices([
    { name: 'leaf', typeDefs: parse(readFileSync(SUBGRAPH_FILE, 'utf8')), url: `${leaf.gateway.url}/graphql` },
    { name: 'notes', typeDefs: parse(NOTES_SDL), url: `${notesUrl}/graphql` },
  ]);
  if (!composed.supergraphSdl) throw new Error(`composition failed: ${composed.errors?.map((error) => error.message).join('; ')}`);

  hive = createGatewayRuntime({
    supergraph: composed.supergraphSdl,
    logging: false,
    // As Hive Gateway's header-propagation docs show: the client's token goes on to the Leaf subgraph.
    propagateHeaders: {
      fromClientToSubgraphs: ({ request, subgraphName }) =>
        subgraphName === 'leaf' ? { authorization: request.headers.get('authorization') } : undefined,
    },
    demandControl: { maxCost: HIVE_MAX_COST, includeExtensionMetadata: true },
  });
  hiveServer = createServer(hive);
  hiveUrl = await listen(hiveServer);
});

afterAll(async () => {
  if (hiveServer) await close(hiveServer);
  await hive?.dispose();
  if (notesServer) await close(notesServer);
});

describe('behind Hive Gateway', () => {
  it('joins Leaf data and the other subgraph in one query, with one upstream call for the list', async () => {
    leaf.resetCalls();
    const result = await client(DEMO_TOKEN).query<{ leafUser: { machines: { nodes: { name: string | null; notes: { text: string }[] }[] } } }>(
      'query MachinesWithNotes($user: LeafId!) { leafUser(id: $user) { machines(first: 3) { nodes { name notes { text } } } } }',
      { user: USER },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.leafUser.machines.nodes).toEqual(
      machines.map((machine) => ({
        name: machine.name,
        notes: notes.filter((note) => note.machineId === machine.leafId).map((note) => ({ text: note.text })),
      })),
    );
    expect(leaf.calls().map((call) => call.path)).toEqual([`/services/beta/api/users/${USER}/machines`]);
  });

  it('resolves the machines the other subgraph references by Leaf ids through _entities, one call per distinct machine', async () => {
    leaf.resetCalls();
    const result = await client(DEMO_TOKEN).query<{ notes: { text: string; machine: { name: string | null; leafUser: { leafUserId: string } } }[] }>(
      '{ notes { text machine { name leafUser { leafUserId } } } }',
    );
    expect(result.errors).toBeUndefined();
    const nameOf = new Map(machines.map((machine) => [machine.leafId, machine.name]));
    expect(result.data!.notes).toEqual(
      notes.map((note) => ({ text: note.text, machine: { name: nameOf.get(note.machineId), leafUser: { leafUserId: USER } } })),
    );
    // Four references to three machines: three calls, as three node(id:) lookups would cost.
    const calls = leaf.calls();
    expect(calls.map((call) => call.path).sort()).toEqual(
      [...new Set(notes.map((note) => note.machineId))].map((id) => `/services/beta/api/users/${USER}/machines/${id}`).sort(),
    );
    // The caller's own token reached Leaf through Hive Gateway.
    expect(calls.every((call) => call.token === DEMO_TOKEN)).toBe(true);
  });

  it("refuses another token the Leaf records it does not own, and still answers the other subgraph's fields", async () => {
    leaf.resetCalls();
    const result = await client(OTHER_TOKEN).query<{ notes: { text: string; machine: { name: string | null } | null }[] }>(
      '{ notes { text machine { name } } }',
    );
    // Hive Gateway keeps the notes subgraph's reference and nulls what Leaf refused to fill in.
    expect(result.data!.notes).toEqual(notes.map((note) => ({ text: note.text, machine: { name: null } })));
    expect(result.errors?.length).toBeGreaterThan(0);
    expect(result.errors!.every((error) => error.extensions?.code === 'FORBIDDEN')).toBe(true);
    expect(leaf.calls()).toHaveLength(3);
    expect(leaf.calls().every((call) => call.token === OTHER_TOKEN && call.status === 403)).toBe(true);
  });

  it('sends no token on when the client sends none: Leaf is never asked without one', async () => {
    leaf.resetCalls();
    const result = await client(null).query('query NoToken($user: LeafId!) { leafUser(id: $user) { machines(first: 1) { nodes { name } } } }', { user: USER });
    expect(result.errors?.map((error) => error.extensions?.code)).toContain('UNAUTHENTICATED');
    expect(leaf.calls()).toEqual([]);
  });

  it("prices queries by the subgraph's @listSize and @cost, and refuses an over-budget one before Leaf is called", async () => {
    const sized = (first: number) => `{ leafUser(id: "${USER}") { machines(first: ${first}) { nodes { name } } } }`;
    const small = await client(DEMO_TOKEN).query(sized(5));
    const larger = await client(DEMO_TOKEN).query(sized(10));
    expect(small.errors).toBeUndefined();
    // Hive Gateway's includeExtensionMetadata: the estimate rides in the answer's extensions.
    const estimated = (answer: object) => (answer as { extensions: { cost: { estimated: number } } }).extensions.cost.estimated;
    // Hive adds a field's @cost to its type's weight: leafUser (an object), machines (its @cost
    // and an object), then `nodes`, sized by the slicing argument `first`: one object per machine.
    expect(estimated(small)).toBe(OBJECT_WEIGHT + (UPSTREAM_COST.cost + OBJECT_WEIGHT) + 5 * OBJECT_WEIGHT);
    expect(estimated(larger) - estimated(small)).toBe(5 * OBJECT_WEIGHT);

    leaf.resetCalls();
    const heavy = await client(DEMO_TOKEN).query(`{ leafUser(id: "${USER}") { machines(first: 50) { nodes { files(first: 10) { nodes { leafFileId } } } } } }`);
    expect(heavy.errors?.map((error) => error.extensions?.code)).toEqual(['COST_ESTIMATED_TOO_EXPENSIVE']);
    expect(leaf.calls()).toEqual([]);
  });
});
