// What a Leaf resource is, declared once per file of this folder: its path templates, its
// breaker group, the reader of its record (src/leaf/readers.ts) and its list parameters. The
// client's calls (src/leaf/api.ts), the breaker grouping, the metric and trace names, the
// Leaf user a call concerns and the schema's filter and order inputs all follow from it.
import type { Query } from '../client.js';
import type { ReadTag } from '../read-tags.js';
import { encodedId, type KeyDeclaration } from './key.js';

/** Leaf's Assets API: a user's machines, implements, operators and machine files. */
export const ASSETS_PREFIX = '/services/beta/api';
/** Leaf's operations API: files, their images and summaries, field operations. */
export const OPERATIONS_PREFIX = '/services/operations/api';

/** The names of a template's `{placeholders}`: `/users/{leafUserId}/machines/{id}` → 'leafUserId' | 'id'. */
type Placeholders<T extends string> = T extends `${string}{${infer P}}${infer Rest}` ? P | Placeholders<Rest> : never;

/** A call's key: one Leaf id per placeholder of the path template it fills. */
export type KeyOf<T extends string> = { readonly [P in Placeholders<T>]: string };

/**
 * One filter of a list, by kind, with the Leaf query parameters it becomes:
 * - `exact`: the value as the parameter `param` (the filter's own name by default);
 * - `leafId`: likewise, for a Leaf id;
 * - `oneOf`: likewise, for one of Leaf's `values` (a GraphQL enum over them);
 * - `time`: `{ equals, before, after }` as `param`, `before<Param>`, `after<Param>`;
 * - `since`: `{ since, before, after }` likewise, where Leaf reads `param` as "from then on";
 * - `distance`: `{ equals, greaterThan, lessThan, unit }` as Leaf's distance parameters.
 */
export type FilterParameter =
  | { readonly kind: 'exact' | 'leafId' | 'time' | 'since' | 'distance'; readonly description: string; readonly param?: string }
  | { readonly kind: 'oneOf'; readonly values: readonly string[]; readonly description: string; readonly param?: string };

/** A list's documented parameters besides page and size: its filters and its sort fields. */
export interface ListParameters {
  /** Lower-case plural, for descriptions (`machine files`). */
  readonly subject: string;
  readonly filters: Readonly<Record<string, FilterParameter>>;
  readonly sorts: readonly string[];
}

export interface Resource<C extends string, I extends string, R, K extends string = string> {
  /** The breaker group: every call of a group shares one circuit (src/leaf/breaker.ts). */
  readonly group: string;
  /** One record's key, a typed value (a loader's key); its text is the record's global ID payload. */
  readonly key: KeyDeclaration<K>;
  /** Template of the list (GET with page/size and the list parameters) and of a create (POST). */
  readonly collection?: C;
  /** Template of one record: a get (GET), update (PATCH) or delete (DELETE). */
  readonly item?: I;
  /** Reads what a get, a create or an update answers. */
  readonly read: (body: unknown) => R;
  /** Reads a page of the list. */
  readonly readList?: (body: unknown) => readonly R[];
  /**
   * What a page of the list and a get show (src/leaf/read-tags.ts): a cached answer is stored
   * under them, and the writes and Leaf events that make them stale drop them.
   */
  readonly shows?: {
    readonly list?: (key: KeyOf<C>) => readonly ReadTag[];
    readonly item?: (key: KeyOf<I>) => readonly ReadTag[];
    /** What an answer names besides its key (a file names its Leaf user). */
    readonly answer?: (record: R) => readonly ReadTag[];
  };
  readonly list?: ListParameters;
}

/** A resource of one Leaf user (Assets API): listed under the user, read by the user and its id. */
export type UserResource<R> = Resource<`${string}/users/{leafUserId}/${string}`, `${string}/users/{leafUserId}/${string}/{id}`, R, 'leafUserId' | 'id'>;

/** A resource as declared; its list parameters keep their literal kinds, for the schema's inputs. */
export function resource<
  const C extends string = never,
  const I extends string = never,
  R = unknown,
  const K extends string = never,
  const L extends ListParameters = ListParameters,
>(declaration: Resource<C, I, R, K> & { readonly list: L }): Resource<C, I, R, K> & { readonly list: L };
export function resource<const C extends string = never, const I extends string = never, R = unknown, const K extends string = never>(
  declaration: Resource<C, I, R, K>,
): Resource<C, I, R, K>;
export function resource<C extends string, I extends string, R, K extends string>(declaration: Resource<C, I, R, K>): Resource<C, I, R, K> {
  return declaration;
}

/**
 * A template as its literal texts and the placeholder names between them
 * (`/users/{leafUserId}/machines` → ['/users/', 'leafUserId', '/machines']), and its endpoint
 * name: worked out once per template (a resource has two), not once per call.
 */
interface Compiled {
  readonly parts: readonly string[];
  readonly endpoint: string;
}

const compiledTemplates = new Map<string, Compiled>();

function compiled(template: string): Compiled {
  let known = compiledTemplates.get(template);
  if (known === undefined) {
    known = { parts: template.split(/\{(\w+)\}/), endpoint: template.replace(/\{\w+\}/g, '{id}') };
    compiledTemplates.set(template, known);
  }
  return known;
}

/** The template filled from the key, each id percent-encoded (Leaf's ids are opaque strings). */
export function pathOf<T extends string>(template: T, key: KeyOf<T>, query?: Query): string {
  const ids = key as Readonly<Record<string, string>>;
  const { parts } = compiled(template);
  let path = parts[0]!;
  for (let index = 1; index < parts.length; index += 2) path += encodedId(ids[parts[index]!] ?? '') + parts[index + 1]!;
  return query ? path + toSearch(query) : path;
}

/** How metrics and traces name a call: the template with every id as `{id}`. */
export function endpointOf(template: string): string {
  return compiled(template).endpoint;
}

/** The Leaf user a call concerns (Assets paths name one), or null (operations API). */
export function leafUserOf(key: object): string | null {
  return 'leafUserId' in key && typeof key.leafUserId === 'string' ? key.leafUserId : null;
}

/** Query parameters; arrays repeat the parameter (`sort=a,asc&sort=b,desc`). */
function toSearch(query: Query | undefined): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value === undefined || value === null) continue;
    if (Array.isArray(value)) for (const item of value) params.append(name, item);
    else params.append(name, String(value));
  }
  const search = params.toString();
  return search ? `?${search}` : '';
}
