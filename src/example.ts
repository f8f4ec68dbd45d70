// The ready-to-paste example query printed at start and pre-filled in GraphiQL.
export function exampleQuery(leafUserId: string): string {
  return `# Machines of a Leaf user, each with its first machine files.
query MachinesWithFiles {
  leafUser(id: "${leafUserId}") {
    machines(first: 5, orderBy: [{ field: NAME, direction: ASC }]) {
      totalCount
      pageInfo { hasNextPage endCursor }
      nodes {
        id
        name
        make
        model
        originType
        editable
      }
    }
  }
}
`;
}
