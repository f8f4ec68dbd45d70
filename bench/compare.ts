// What must match between the gateway's answer and the direct client's: the Leaf records
// each names, in order. The bench refuses to measure two clients that fetch different data.
import type { DirectResult } from './direct.js';
import type { QueryName } from './queries.js';

/** The leaf ids a query's answer names, in order: what must match between gateway and direct client. */
export function idsOfGateway(name: QueryName, data: unknown): string[] {
  const leafUser = (data as { leafUser?: { machines: { nodes: Record<string, unknown>[] } } }).leafUser;
  switch (name) {
    case 'flat':
    case 'deep':
      return (leafUser?.machines.nodes ?? []).map((machine) => String(machine.leafId));
    case 'nodes':
      return (data as { nodes: ({ leafId: string } | null)[] }).nodes.map((node) => node?.leafId ?? 'null');
    case 'nested':
      return (leafUser?.machines.nodes ?? []).flatMap((machine) => {
        const links = (machine.files as { nodes: { leafFileId: string; file?: { id: string } | null }[] }).nodes;
        return [String(machine.id), ...links.map((link) => link.leafFileId)];
      });
  }
}

export function idsOfDirect(result: DirectResult): string[] {
  switch (result.name) {
    case 'flat':
    case 'deep':
      return result.machines.map((machine) => machine.id);
    case 'nodes':
      return result.nodes.map((node) => node?.id ?? 'null');
    case 'nested':
      return result.machines.flatMap(({ machine, links }) => [
        Buffer.from(`Machine:${machine.leafUserId}:${machine.id}`, 'utf8').toString('base64url'),
        ...links.map(({ link }) => link.leafFileId),
      ]);
  }
}
