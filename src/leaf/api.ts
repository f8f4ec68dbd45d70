// One request's view of Leaf: a generic list, get and write over the resources declared in
// src/leaf/resources/, sent through the transport (src/leaf/client.ts) with that request's
// token and id. Each call names its endpoint template, breaker group and Leaf user from the
// resource, so nothing downstream recovers them from a path.
import type { CallOptions, LeafCall, LeafClient, Query } from './client.js';
import type { PointsQuery, PointsWindow } from './points.js';
import type { ReadTag, ReadTagSet } from './read-tags.js';
import { readNothing, type FileRecord } from './readers.js';
import { endpointOf, leafUserOf, pathOf, type KeyOf, type Resource } from './resources/resource.js';

function declared<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`This Leaf resource has no ${what} endpoint.`);
  return value;
}

/** The call a resource's template makes with this key. */
function callOf<T extends string, V>(
  resource: { readonly group: string },
  method: LeafCall<V>['method'],
  template: T,
  key: KeyOf<T>,
  read: (body: unknown) => V,
  tags: readonly ReadTag[],
  query?: Query,
): LeafCall<V> {
  return { method, path: pathOf(template, key, query), endpoint: endpointOf(template), group: resource.group, leafUserId: leafUserOf(key), tags, read };
}

export class LeafApi {
  /** What this request reads is noted in `reads`: the tags its cached answer is stored under. */
  constructor(
    private readonly client: LeafClient,
    private readonly options: CallOptions,
    private readonly reads?: ReadTagSet,
  ) {}

  /** Noted before the call: an answer saying "not found" is stale once the record appears. */
  private read<T>(call: LeafCall<T>): Promise<T> {
    this.reads?.add(call.tags);
    return this.client.read(call, this.options);
  }

  /** One page of a resource's list: `query` holds page, size and the list parameters. */
  list<C extends string, R>(resource: Resource<C, string, R>, key: KeyOf<C>, query: Query): Promise<readonly R[]> {
    const template = declared(resource.collection, 'list');
    const read = declared(resource.readList, 'list');
    return this.read(callOf(resource, 'GET', template, key, read, resource.shows?.list?.(key) ?? [], query));
  }

  /**
   * One record, by the ids its item template names. Not an async function: it runs for every key
   * of every loader, and only an answer that names more tags needs a step after the read.
   */
  get<I extends string, R>(resource: Resource<string, I, R>, key: KeyOf<I>): Promise<R> {
    let reading: Promise<R>;
    try {
      reading = this.read(callOf(resource, 'GET', declared(resource.item, 'single'), key, resource.read, resource.shows?.item?.(key) ?? []));
    } catch (error) {
      // A key no call can be made of fails as a rejection, as from an async function.
      return Promise.reject(error);
    }
    const answer = resource.shows?.answer;
    const reads = this.reads;
    if (!answer || !reads) return reading;
    return reading.then((record) => {
      reads.add(answer(record));
      return record;
    });
  }

  /** Accepted points [start, end) of a file's standard GeoJSON, and with `probe` whether one exists at `end`. */
  pointsWindow(query: PointsQuery, start: number, end: number, probe: boolean): Promise<PointsWindow> {
    return this.client.points.window(query, start, end, probe, this.options);
  }

  /**
   * The file record a parked points cursor of this token keeps for the file (PointsReader.keptFile),
   * noted as read like the record it stands for; undefined when none is kept.
   */
  keptPointsFile(fileId: string): FileRecord | undefined {
    const kept = this.client.points.keptFile(fileId, this.options);
    if (kept) this.reads?.add(kept.tags);
    return kept?.record;
  }

  /** How many points of a file's standard GeoJSON the filter accepts. */
  pointsCount(query: PointsQuery): Promise<number> {
    return this.client.points.count(query, this.options);
  }

  /** A create (POST to the list), an update (PATCH) or a delete of one record: sent once, for the Leaf user its key names. */
  write<C extends string, R>(resource: Resource<C, string, R>, method: 'POST', key: KeyOf<C> & { leafUserId: string }, body: unknown): Promise<R>;
  write<I extends string, R>(resource: Resource<string, I, R>, method: 'PATCH', key: KeyOf<I> & { leafUserId: string }, body: unknown): Promise<R>;
  write<I extends string, R>(resource: Resource<string, I, R>, method: 'DELETE', key: KeyOf<I> & { leafUserId: string }): Promise<undefined>;
  write<R>(
    resource: Resource<string, string, R>,
    method: 'POST' | 'PATCH' | 'DELETE',
    key: KeyOf<string> & { leafUserId: string },
    body?: unknown,
  ): Promise<R | undefined> {
    const template = method === 'POST' ? declared(resource.collection, 'create') : declared(resource.item, 'single');
    const read = method === 'DELETE' ? readNothing : resource.read;
    const call = { ...callOf<string, R | undefined>(resource, method, template, key, read, []), leafUserId: key.leafUserId, body };
    return this.client.write(call, this.options);
  }
}
