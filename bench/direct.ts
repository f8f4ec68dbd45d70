// The baseline: a plain client that fetches the same data as each benchmark query straight
// from the Leaf REST endpoints, with the same calls in the same dependency order as the
// gateway (same page/size windows, one GET per distinct resource, children started as soon
// as their parent arrives), over an undici keep-alive Pool of the same size.
import { Pool } from 'undici';
import type { LeafFile, LeafMachine, LeafMachineFile } from '../src/emulator/index.js';
import { ASSETS_PREFIX, OPERATIONS_PREFIX } from '../src/leaf/resources/resource.js';
import { toPageRequests } from '../src/schema/relay/window.js';
import type { QueryName } from './queries.js';

/** A node the `nodes(ids:)` query asks for, as the direct client knows it: type and Leaf ids. */
export interface NodeRef {
  typename: 'Machine' | 'Implement' | 'Operator';
  leafUserId: string;
  leafId: string;
}

export interface DirectInput {
  user: string;
  /** Offset of the item whose cursor the deep page starts after. */
  deepCursorOffset: number;
  nodes: NodeRef[];
}

export interface DirectLink {
  link: LeafMachineFile;
  file: LeafFile | null;
}

export type DirectResult =
  | { name: 'flat' | 'deep'; machines: LeafMachine[]; hasNextPage: boolean }
  | { name: 'nested'; machines: { machine: LeafMachine; links: DirectLink[] }[] }
  | { name: 'nodes'; nodes: ({ id: string; name: string | null } | null)[] };

/** A global ID's payload, decoded the way the gateway encodes it (base64url of `Type:ids`). */
export function nodeRefOf(globalId: string): NodeRef {
  const [typename, leafUserId, leafId] = Buffer.from(globalId, 'base64url').toString('utf8').split(':');
  if ((typename !== 'Machine' && typename !== 'Implement' && typename !== 'Operator') || !leafUserId || !leafId) {
    throw new Error(`Not a machine, implement or operator ID: ${globalId}`);
  }
  return { typename, leafUserId, leafId };
}

const COLLECTIONS: Record<NodeRef['typename'], string> = { Machine: 'machines', Implement: 'implements', Operator: 'operators' };

export class DirectClient {
  readonly pool: Pool;
  #calls = 0;

  constructor(
    origin: string,
    connections: number,
    private readonly token: string,
  ) {
    this.pool = new Pool(origin, { connections, keepAliveTimeout: 30_000 });
  }

  /** Upstream calls made since the last `takeCalls()`. */
  takeCalls(): number {
    const calls = this.#calls;
    this.#calls = 0;
    return calls;
  }

  close(): Promise<void> {
    return this.pool.close();
  }

  async get<T>(path: string): Promise<T> {
    this.#calls++;
    const response = await this.pool.request({
      method: 'GET',
      path,
      headers: { authorization: `Bearer ${this.token}`, accept: 'application/json' },
    });
    const text = await response.body.text();
    if (response.statusCode !== 200) throw new Error(`GET ${path} answered ${response.statusCode}`);
    return JSON.parse(text) as T;
  }

  /** Items [start, end) of a list, by the same page/size calls the gateway makes for that window. */
  async window<T>(path: string, start: number, end: number): Promise<T[]> {
    const requests = toPageRequests(start, end);
    const pages = await Promise.all(requests.map(({ page, size }) => this.get<T[]>(`${path}?page=${page}&size=${size}`)));
    const items: T[] = [];
    requests.forEach(({ page, size }, index) => {
      (pages[index] ?? []).slice(0, size).forEach((item, at) => {
        const offset = page * size + at;
        if (offset >= start && offset < end) items[offset - start] = item;
      });
    });
    return items;
  }

  private machinesPath(user: string): string {
    return `${ASSETS_PREFIX}/users/${user}/machines`;
  }

  /** A page of `first` machines from `start`, plus one more to know whether a next page exists. */
  async machinePage(user: string, start: number, first: number): Promise<DirectResult> {
    const items = await this.window<LeafMachine>(this.machinesPath(user), start, start + first + 1);
    return { name: start === 0 ? 'flat' : 'deep', machines: items.slice(0, first), hasNextPage: items.length > first };
  }

  async nested(user: string): Promise<DirectResult> {
    const files = new Map<string, Promise<LeafFile | null>>();
    const fileOf = (id: string): Promise<LeafFile | null> => {
      let pending = files.get(id);
      if (!pending) {
        pending = this.get<LeafFile>(`${OPERATIONS_PREFIX}/files/${id}`);
        files.set(id, pending);
      }
      return pending;
    };
    const machines = await this.window<LeafMachine>(this.machinesPath(user), 0, 20);
    return {
      name: 'nested',
      machines: await Promise.all(
        machines.map(async (machine) => {
          const links = await this.window<LeafMachineFile>(`${this.machinesPath(user)}/${machine.id}/files`, 0, 5);
          const withFiles = await Promise.all(
            links.map(async (link) => ({ link, file: await fileOf(link.leafFileId) })),
          );
          return { machine, links: withFiles };
        }),
      ),
    };
  }

  async nodes(refs: NodeRef[]): Promise<DirectResult> {
    const loaded = new Map<string, Promise<{ id: string; name: string | null }>>();
    const results = await Promise.all(
      refs.map((ref) => {
        const key = `${ref.typename}:${ref.leafUserId}:${ref.leafId}`;
        let pending = loaded.get(key);
        if (!pending) {
          pending = this.get(`${ASSETS_PREFIX}/users/${ref.leafUserId}/${COLLECTIONS[ref.typename]}/${ref.leafId}`);
          loaded.set(key, pending);
        }
        return pending;
      }),
    );
    return { name: 'nodes', nodes: results };
  }

  run(name: QueryName, input: DirectInput): Promise<DirectResult> {
    switch (name) {
      case 'flat':
        return this.machinePage(input.user, 0, 50);
      case 'deep':
        // `after` the cursor of offset N starts at N + 1.
        return this.machinePage(input.user, input.deepCursorOffset + 1, 20);
      case 'nested':
        return this.nested(input.user);
      case 'nodes':
        return this.nodes(input.nodes);
    }
  }
}
