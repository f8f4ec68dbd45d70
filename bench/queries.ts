// The canonical benchmark queries (issue 7): what a frontend sends, the variables the setup
// step finds, how deep their upstream dependency chain is, and the fewest upstream calls
// (distinct resources) their answer can cost.

/** The machine fields every list query selects: a typical table row. */
const MACHINE_ROW = 'id leafId name provider originType serialNumber make model modelYear updatedTime';

export const FLAT = /* GraphQL */ `
  query BenchFlat($user: LeafId!) {
    leafUser(id: $user) {
      machines(first: 50) {
        pageInfo { hasNextPage endCursor }
        nodes { ${MACHINE_ROW} }
      }
    }
  }
`;

/** machines → files → file → summary. */
export const NESTED = /* GraphQL */ `
  query BenchNested($user: LeafId!) {
    leafUser(id: $user) {
      machines(first: 20) {
        nodes {
          id
          name
          files(first: 5) {
            nodes {
              id
              leafFileId
              startTime
              endTime
              file {
                id
                fileName
                provider
                summary { operationType startTime endTime totalArea { value unit } }
              }
            }
          }
        }
      }
    }
  }
`;


export const NODES = /* GraphQL */ `
  query BenchNodes($ids: [ID!]!) {
    nodes(ids: $ids) {
      id
      __typename
      ... on Machine { leafId name provider originType }
      ... on Implement { leafId name provider originType }
      ... on Operator { leafId name provider originType }
    }
  }
`;

export const DEEP = /* GraphQL */ `
  query BenchDeep($user: LeafId!, $after: String!) {
    leafUser(id: $user) {
      machines(first: 20, after: $after) {
        pageInfo { hasNextPage endCursor }
        nodes { ${MACHINE_ROW} }
      }
    }
  }
`;

/** Setup: walks the machine list to learn cursors and global IDs. */
export const WALK = /* GraphQL */ `
  query BenchWalk($user: LeafId!, $first: Int!, $after: String) {
    leafUser(id: $user) {
      machines(first: $first, after: $after) {
        pageInfo { endCursor }
        nodes { id }
      }
    }
  }
`;

export const NODE_IDS = /* GraphQL */ `
  query BenchNodeIds($user: LeafId!) {
    leafUser(id: $user) {
      machines(first: 20) { nodes { id } }
      implements(first: 10) { nodes { id } }
      operators(first: 5) { nodes { id } }
    }
  }
`;

export type QueryName = 'flat' | 'nested' | 'nodes' | 'deep';
export const QUERY_NAMES: readonly QueryName[] = ['flat', 'nested', 'nodes', 'deep'];

export interface BenchQuery {
  name: QueryName;
  title: string;
  document: string;
  variables: Record<string, unknown>;
  /** Upstream round trips that must follow one another: the critical path is depth × latency. */
  depth: number;
}

/** Offset of the item whose cursor the deep page starts after. */
export const DEEP_CURSOR_OFFSET = 900;
/** 35 distinct objects of three types, then 15 of them again: 50 ids. */
export const NODE_REPEATS = 15;

export interface Setup {
  user: string;
  deepCursor: string;
  nodeIds: string[];
}

export function benchQueries(setup: Setup): BenchQuery[] {
  return [
    { name: 'flat', title: '(a) machines(first: 50)', document: FLAT, variables: { user: setup.user }, depth: 1 },
    {
      name: 'nested',
      title: '(b) machines(20) → files(5) → file → summary',
      document: NESTED,
      variables: { user: setup.user },
      depth: 3,
    },
    { name: 'nodes', title: '(c) nodes(ids:) ×50, 35 distinct', document: NODES, variables: { ids: setup.nodeIds }, depth: 1 },
    {
      name: 'deep',
      title: `(d) machines(first: 20, after: offset ${DEEP_CURSOR_OFFSET})`,
      document: DEEP,
      variables: { user: setup.user, after: setup.deepCursor },
      depth: 1,
    },
  ];
}

interface NestedAnswer {
  leafUser: { machines: { nodes: { files: { nodes: { leafFileId: string }[] } }[] } };
}

/**
 * The fewest upstream calls that can produce a query's answer: one per distinct resource
 * Leaf has to send (Leaf has no batch endpoints), read off the answer itself.
 */
export function optimumCalls(query: BenchQuery, data: unknown): number {
  switch (query.name) {
    case 'flat':
    case 'deep':
      return 1;
    case 'nodes':
      return new Set(query.variables.ids as string[]).size;
    case 'nested': {
      const machines = (data as NestedAnswer).leafUser.machines.nodes;
      const files = new Set(machines.flatMap((machine) => machine.files.nodes.map((link) => link.leafFileId)));
      return 1 + machines.length + files.size;
    }
  }
}
