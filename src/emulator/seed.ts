// Deterministic seeded data: the same scale always yields the same ids and values, and
// every origin type, provider, operation type and nullable field shows up somewhere. Each
// user's records come from one random stream: its fields and provider organizations first,
// then each resource's records (src/emulator/resources/) in the order ./resources/index.ts
// lists them. What they draw from (users, sizes, fixed shapes) is in seed-tables.ts.
import { LARGE_POINT_COUNT } from './points.js';
import { Random } from './random.js';
import { EMULATOR_RESOURCES } from './resources/index.js';
import type { SeedContext, SeededField, Slot } from './resources/resource.js';
import { BENCH_PROFILE, BENCH_TOKEN, DEMO_PROFILES, DEMO_TOKENS, DEMO_USER_IDS, type Scale, type UserProfile } from './seed-tables.js';
import { EmulatorStore } from './store.js';

function makeField(rng: Random): SeededField {
  const lon = rng.float(-97, -88);
  const lat = rng.float(38, 44);
  const radius = rng.float(0.002, 0.006);
  const ring: number[][] = [];
  for (let k = 0; k < 8; k++) {
    const angle = (k / 8) * 2 * Math.PI;
    const wobble = rng.float(0.85, 1.15);
    ring.push([
      Math.round((lon + Math.cos(angle) * radius * wobble) * 1e6) / 1e6,
      Math.round((lat + Math.sin(angle) * radius * wobble * 0.75) * 1e6) / 1e6,
    ]);
  }
  const first = ring[0];
  if (first) ring.push([...first]);
  return { id: rng.uuid(), geometry: { type: 'MultiPolygon', coordinates: [[ring]] } };
}

function organizations(rng: Random): Record<string, string[]> {
  const ids = (): string[] => [rng.code(6, '0123456789'), rng.code(6, '0123456789')];
  return { JohnDeere: ids(), CNHi: ids(), Stara: ids(), Trimble: ids() };
}

function seedUser(store: EmulatorStore, profile: UserProfile): void {
  const rng = new Random(profile.seed);
  store.users.push({ leafUserId: profile.leafUserId, apiOwnerUsername: profile.apiOwnerUsername });
  const fields = Array.from({ length: profile.fields }, () => makeField(rng));
  const orgs = organizations(rng);
  const handedOn = new Map<object, unknown>();
  const context: SeedContext = {
    rng,
    store,
    profile,
    fields,
    orgs,
    handed<T>(slot: Slot<T>): T {
      if (!handedOn.has(slot)) throw new Error(`Nothing seeded before hands on ${slot.name} (src/emulator/resources/index.ts lists the seeding order)`);
      return handedOn.get(slot) as T;
    },
    handOn<T>(slot: Slot<T>, value: T): void {
      handedOn.set(slot, value);
    },
  };
  for (const resource of EMULATOR_RESOURCES) resource.seed?.(context);
}

/** A fresh store for one emulator; the demo users are identical at every scale. */
export function seedStore(scale: Scale): EmulatorStore {
  const store = new EmulatorStore();
  for (const profile of DEMO_PROFILES) seedUser(store, profile);
  store.tokens.push(...DEMO_TOKENS.map(({ token, leafUserIds }) => ({ token, leafUserIds: [...leafUserIds] })));
  if (scale === 'large') {
    seedUser(store, BENCH_PROFILE);
    store.tokens.push({ token: BENCH_TOKEN, leafUserIds: [DEMO_USER_IDS.bench] });
    // One yield map of real size, for the points benchmark.
    const large = store.filesOf(DEMO_USER_IDS.bench).find((file) => file.summary?.properties.operationType === 'harvested');
    if (large) store.pointCounts.set(large.id, LARGE_POINT_COUNT);
  }
  return store;
}

