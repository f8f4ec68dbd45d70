// A user's implements (Assets API), synced from John Deere or Trimble: listed with Leaf's
// filters and sorts, and read one by one.
import type { z } from 'zod';
import type { readImplement } from '../../leaf/readers.js';
import { ASSETS_PREFIX } from '../../leaf/resources/resource.js';
import { equalsFilter, fieldSorts, timeFilters, type ListSpec } from '../query.js';
import { ok, route, userList, userRecord } from '../route.js';
import { DAY, SEASON_END, SEASON_START } from '../seed-tables.js';
import { emulatorResource, iso, type SeedContext } from './resource.js';

export type LeafImplement = z.input<typeof readImplement.schema> & { leafUserId: string };

const IMPLEMENT_CATALOGUE = [
  { make: 'KINZE', model: '3600', category: 'Planter', name: 'Kinze 3600 Planter' },
  { make: 'JOHN DEERE', model: 'StMax150', category: 'Cotton Harvester Implement', name: 'c3po_implement' },
  { make: 'JOHN DEERE', model: '2730', category: 'Ripper', name: 'JD 2730 Ripper' },
  { make: 'GREAT PLAINS', model: 'Turbo-Max 3000', category: 'Tillage', name: 'Turbo-Max' },
  { make: 'HAGIE', model: 'STS16', category: 'Sprayer Boom', name: 'Hagie Boom' },
  { make: 'JOHN DEERE', model: '740FD', category: 'Header', name: 'Draper Header' },
] as const;

function seedImplements({ rng, store, profile, orgs }: SeedContext): void {
  for (let i = 0; i < profile.implements; i++) {
    const provider = i % 2 === 0 ? 'JohnDeere' : 'Trimble';
    const entry = rng.pick(IMPLEMENT_CATALOGUE);
    const createdMs = rng.float(SEASON_START, SEASON_END - 30 * DAY);
    const hasCreated = !rng.chance(0.1);
    const implement: LeafImplement = {
      id: rng.uuid(),
      leafUserId: profile.leafUserId,
      name: rng.chance(0.1) ? null : entry.name,
      provider,
      providerImplementId: rng.chance(0.05) ? null : rng.code(6, '0123456789'),
      providerOrganizationId: rng.chance(0.1) ? null : rng.pick(orgs[provider] ?? ['000000']),
      originType: i % 5 === 3 ? 'FILE_POOLED' : 'PROVIDER_POOLED',
      createdTime: hasCreated ? iso(createdMs) : null,
      updatedTime: hasCreated && !rng.chance(0.15) ? iso(createdMs + rng.float(0, 300) * DAY) : null,
      serialNumber: rng.chance(0.15) ? null : rng.code(5, '0123456789'),
      model: rng.chance(0.08) ? null : entry.model,
      make: rng.chance(0.08) ? null : entry.make,
      category: rng.chance(0.08) ? null : entry.category,
    };
    store.implements.set(implement.id, implement);
  }
}

const IMPLEMENT_LIST: ListSpec<LeafImplement> = {
  filters: [
    equalsFilter('leafUserId', (i) => i.leafUserId),
    equalsFilter('provider', (i) => i.provider),
    equalsFilter('providerImplementId', (i) => i.providerImplementId),
    equalsFilter('providerOrganizationId', (i) => i.providerOrganizationId),
    equalsFilter('name', (i) => i.name),
    // Leaf documents the plain time filters of implements as "from the given time onward".
    ...timeFilters<LeafImplement>('createdTime', 'from', (i) => i.createdTime),
    ...timeFilters<LeafImplement>('updatedTime', 'from', (i) => i.updatedTime),
  ],
  sorts: fieldSorts(['id', 'leafUserId', 'name', 'provider', 'providerOrganizationId', 'providerImplementId', 'serialNumber', 'model', 'make', 'category']),
};

export default emulatorResource({
  seed: seedImplements,
  routes: [
    route(ASSETS_PREFIX, '/users/:id/implements', { GET: (context) => userList(context, (u) => context.store.implementsOf(u), IMPLEMENT_LIST) }),
    route(ASSETS_PREFIX, '/users/:id/implements/:id', { GET: (context) => ok(userRecord(context, context.store.implements, 'Implement')) }),
  ],
});
