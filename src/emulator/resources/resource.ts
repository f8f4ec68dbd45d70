// What one Leaf resource is to the emulator, declared once per file of this folder: the
// seeding of its records and its routes, with its own list semantics (a ListSpec). Every file
// that default-exports `emulatorResource(...)` is listed by `npm run codegen` in ./index.ts,
// in the order they seed (a new one is appended, so the records seeded before it keep theirs).
import type { Random } from '../random.js';
import type { Route } from '../route.js';
import { SEASON_END, type UserProfile } from '../seed-tables.js';
import type { EmulatorStore, Named } from '../store.js';
import type { MultiPolygon } from '../summaries.js';

/** A field's id and boundary, drawn for each user before any resource seeds. */
export interface SeededField {
  id: string;
  geometry: MultiPolygon;
}

/** What a resource's records are drawn for one user from: the user's one random stream, shared in seeding order. */
export interface SeedContext {
  rng: Random;
  store: EmulatorStore;
  profile: UserProfile;
  fields: readonly SeededField[];
  /** Provider organization ids by provider. */
  orgs: Readonly<Record<string, string[]>>;
  /** What a resource seeded before this one handed on (its records with what they were drawn from). */
  handed<T>(slot: Slot<T>): T;
  handOn<T>(slot: Slot<T>, value: T): void;
}

/** A value one resource's seeding hands on to those seeded after it: `named<SeededFile[]>('files')`. */
export type Slot<T> = Named<T>;

export interface EmulatorResource {
  /** Seeds one user's records; resources seed in ./index.ts's order. */
  seed?(context: SeedContext): void;
  routes: readonly Route[];
}

export function emulatorResource(resource: EmulatorResource): EmulatorResource {
  return resource;
}

/** A seeded instant, no later than the end of the seasons. */
export function iso(ms: number): string {
  return new Date(Math.min(ms, SEASON_END)).toISOString();
}
