// Tailcall 1.0.0, the Rust GraphQL runtime, as a peer in `npm run bench`: its binary from the npm
// package @tailcallhq/core-linux-x64-gnu (an optional dependency: newer builds need a newer
// glibc than these machines have), its config (tailcall.graphql) over the same emulator, and the
// benchmark's four queries written for its schema. Before anything is measured, every Tailcall
// answer is read into the same records as the gateway's answer and must equal them.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { toPageRequests } from '../../src/schema/relay/window.js';
import type { DirectInput, NodeRef } from '../direct.js';
import { startServer, type Server } from '../processes.js';
import type { QueryName } from '../queries.js';

export const TAILCALL_PACKAGE = '@tailcallhq/core-linux-x64-gnu';
const CONFIG = fileURLToPath(new URL('./tailcall.graphql', import.meta.url));

/** The Tailcall binary and its version, or why it cannot run here. */
export function findTailcall(): { binary: string; version: string } | { reason: string } {
  let binary: string;
  try {
    const require = createRequire(import.meta.url);
    binary = `${require.resolve(`${TAILCALL_PACKAGE}/package.json`).replace(/package\.json$/, '')}bin/tailcall`;
  } catch {
    return { reason: `${TAILCALL_PACKAGE} is not installed (an optional dependency, for linux-x64 with glibc)` };
  }
  const probe = spawnSync(binary, ['--version'], { encoding: 'utf8', timeout: 10_000 });
  const version = /tailcall v(\S+)/.exec(probe.stdout ?? '')?.[1];
  if (probe.status !== 0 || !version) {
    const why = probe.error?.message ?? (probe.stderr || probe.stdout || `exit ${probe.status}`).trim().split('\n')[0];
    return { reason: `the Tailcall binary does not run on this machine: ${why}` };
  }
  return { binary, version };
}

/**
 * Starts Tailcall on `port` over the emulator at `upstream`; the config is written to `workDir`.
 * With `cacheMaxAgeMs`, every type carries `@cache(maxAge:)`, so each of its `@http` fields
 * answers from Tailcall's in-memory cache for that long (Tailcall hears no events).
 */
export function startTailcall(binary: string, upstream: string, port: number, workDir: string, options: { cacheMaxAgeMs?: number } = {}): Promise<Server> {
  mkdirSync(workDir, { recursive: true });
  const cached = options.cacheMaxAgeMs !== undefined;
  const config = `${workDir}/tailcall${cached ? '-cached' : ''}.graphql`;
  let text = readFileSync(CONFIG, 'utf8').replace(/port: 8000\b/, `port: ${port}`);
  if (cached) text = text.replace(/^type (\w+) \{/gm, `type $1 @cache(maxAge: ${options.cacheMaxAgeMs}) {`);
  writeFileSync(config, text);
  return startServer(['start', config], { ...process.env, LEAF_ORIGIN: upstream, NO_COLOR: '1' }, /Tailcall launched at \[([^\]\s]+)\]/, 'Tailcall', {
    command: binary,
    urlOf: (match) => (match[1] ? `http://${match[1]}` : undefined),
  });
}

export interface TailcallQuery {
  document: string;
  variables: Record<string, unknown>;
}

const MACHINE_ROW = 'id name provider originType serialNumber make model modelYear updatedTime';
const FILE_LINK = 'id leafFileId startTime endTime file { id fileName provider summary { properties { operationType startTime endTime totalArea { value unit } } } }';

/** The Leaf pages the gateway fetches for items [start, end), as aliased fields p0, p1, … */
function pages(field: string, start: number, end: number, selection: string): string {
  return toPageRequests(start, end)
    .map(({ page, size }, index) => `p${index}: ${field}(page: ${page}, size: ${size}) { ${selection} }`)
    .join(' ');
}

const NODE_FIELD: Record<NodeRef['typename'], string> = { Machine: 'machine', Implement: 'implement', Operator: 'operator' };

/** Each benchmark query as Tailcall's schema spells it, with the gateway's upstream calls. */
export function tailcallQuery(name: QueryName, input: DirectInput): TailcallQuery {
  switch (name) {
    case 'flat':
    case 'deep': {
      // One more item than the page, as the gateway fetches to know `hasNextPage`.
      const start = name === 'flat' ? 0 : input.deepCursorOffset + 1;
      const first = name === 'flat' ? 50 : 20;
      return {
        document: `query ${name === 'flat' ? 'TailcallFlat' : 'TailcallDeep'}($user: String!) { leafUser(id: $user) { ${pages('machines', start, start + first + 1, MACHINE_ROW)} } }`,
        variables: { user: input.user },
      };
    }
    case 'nested':
      return {
        document: `query TailcallNested($user: String!) { leafUser(id: $user) { ${pages('machines', 0, 20, `id name ${pages('files', 0, 5, FILE_LINK)}`)} } }`,
        variables: { user: input.user },
      };
    case 'nodes': {
      const fields = input.nodes.map(
        (ref, index) => `n${index}: ${NODE_FIELD[ref.typename]}(leafUserId: "${ref.leafUserId}", id: "${ref.leafId}") { id name provider originType }`,
      );
      return { document: `query TailcallNodes { ${fields.join(' ')} }`, variables: {} };
    }
  }
}

/** One machine, as the live bench's readers ask Tailcall for it (the gateway's LIVE_MACHINE). */
export const TAILCALL_MACHINE = /* GraphQL */ `
  query TailcallLiveMachine($user: String!, $id: String!) { machine(leafUserId: $user, id: $id) { id name updatedTime } }
`;

type Json = Record<string, unknown>;

/** Items [start, end) from the aliased pages p0, p1, … of a Tailcall answer (as DirectClient.window). */
function windowOf(parent: Json, start: number, end: number): Json[] {
  const items: Json[] = [];
  toPageRequests(start, end).forEach(({ page, size }, index) => {
    ((parent[`p${index}`] as Json[] | undefined) ?? []).slice(0, size).forEach((item, at) => {
      const offset = page * size + at;
      if (offset >= start && offset < end) items[offset - start] = item;
    });
  });
  return items;
}

/** The Leaf id inside a gateway global ID (base64url of `Type:…:leafId`). */
function leafIdOf(globalId: unknown): string {
  return Buffer.from(String(globalId), 'base64url').toString('utf8').split(':').pop() ?? '';
}

const ROW_FIELDS = ['name', 'provider', 'originType', 'serialNumber', 'make', 'model', 'modelYear', 'updatedTime'] as const;
const pick = (record: Json, fields: readonly string[]): Json => Object.fromEntries(fields.map((field) => [field, record[field] ?? null]));

function linkRecord(link: Json, file: Json | null, fileLeafId: string | null, summary: Json | null): Json {
  return {
    leafFileId: link.leafFileId,
    startTime: link.startTime,
    endTime: link.endTime,
    file: file && { leafId: fileLeafId, fileName: file.fileName ?? null, provider: file.provider ?? null, summary: summary && pick(summary, ['operationType', 'startTime', 'endTime', 'totalArea']) },
  };
}

/** The data a Tailcall answer carries, in the shape `recordsOfGateway` gives the gateway's. */
export function recordsOfTailcall(name: QueryName, data: Json, input: DirectInput): unknown {
  const user = data.leafUser as Json | undefined;
  switch (name) {
    case 'flat':
    case 'deep': {
      const start = name === 'flat' ? 0 : input.deepCursorOffset + 1;
      const first = name === 'flat' ? 50 : 20;
      const items = windowOf(user ?? {}, start, start + first + 1);
      return {
        hasNextPage: items.length > first,
        machines: items.slice(0, first).map((machine) => ({ leafId: machine.id, ...pick(machine, ROW_FIELDS) })),
      };
    }
    case 'nested':
      return windowOf(user ?? {}, 0, 20).map((machine) => ({
        leafId: machine.id,
        name: machine.name,
        files: windowOf(machine, 0, 5).map((link) => {
          const file = (link.file as Json | null) ?? null;
          return linkRecord(link, file, file ? String(file.id) : null, ((file?.summary as Json | undefined)?.properties as Json | undefined) ?? null);
        }),
      }));
    case 'nodes':
      return input.nodes.map((ref, index) => {
        const node = data[`n${index}`] as Json | null;
        return node && { typename: ref.typename, leafId: node.id, ...pick(node, ['name', 'provider', 'originType']) };
      });
  }
}

/** The data a gateway answer to a benchmark query carries, with Leaf ids for global IDs and no cursors. */
export function recordsOfGateway(name: QueryName, data: Json): unknown {
  const machines = ((data.leafUser as Json | undefined)?.machines ?? {}) as { nodes?: Json[]; pageInfo?: { hasNextPage: boolean } };
  switch (name) {
    case 'flat':
    case 'deep':
      return {
        hasNextPage: machines.pageInfo?.hasNextPage,
        machines: (machines.nodes ?? []).map((machine) => ({ leafId: machine.leafId, ...pick(machine, ROW_FIELDS) })),
      };
    case 'nested':
      return (machines.nodes ?? []).map((machine) => ({
        leafId: leafIdOf(machine.id),
        name: machine.name,
        files: ((machine.files as { nodes: Json[] }).nodes ?? []).map((link) => {
          const file = (link.file as Json | null) ?? null;
          return linkRecord(link, file, file ? leafIdOf(file.id) : null, (file?.summary as Json | null) ?? null);
        }),
      }));
    case 'nodes':
      return (data.nodes as (Json | null)[]).map(
        (node) => node && { typename: node.__typename, leafId: node.leafId, ...pick(node, ['name', 'provider', 'originType']) },
      );
  }
}
