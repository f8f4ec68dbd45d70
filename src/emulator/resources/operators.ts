// A user's operators (Assets API), synced from John Deere: listed (Leaf documents neither
// filters nor sort for them) and read one by one.
import type { z } from 'zod';
import type { readOperator } from '../../leaf/resources/operators.js';
import { ASSETS_PREFIX } from '../../leaf/resources/resource.js';
import type { ListSpec } from '../query.js';
import { ok, route, userList, userRecord } from '../route.js';
import { SEASON_END, SEASON_START } from '../seed-tables.js';
import { emulatorResource, iso, type SeedContext } from './resource.js';

export type LeafOperator = z.input<typeof readOperator.schema> & { leafUserId: string };

const OPERATOR_NAMES = ['Brian O.', 'Maria S.', 'Jake T.', 'Ana P.', 'Luis R.', 'Kim W.', 'Dale H.', 'Priya N.', 'Tom B.', 'Eva L.'];

function seedOperators({ rng, store, profile, orgs }: SeedContext): void {
  for (let i = 0; i < profile.operators; i++) {
    const operator: LeafOperator = {
      id: rng.uuid(),
      leafUserId: profile.leafUserId,
      name: rng.chance(0.08) ? null : rng.pick(OPERATOR_NAMES),
      provider: 'JohnDeere',
      providerOperatorId: rng.uuid(),
      providerOrganizationId: rng.pick(orgs['JohnDeere'] ?? ['000000']),
      originType: 'PROVIDER_POOLED',
      license: rng.chance(0.6) ? null : `DL-${rng.code(6, '0123456789')}`,
      updatedTime: rng.chance(0.15) ? null : iso(rng.float(SEASON_START, SEASON_END)),
      status: rng.chance(0.75) ? 'ACTIVE' : 'INACTIVE',
    };
    store.operators.set(operator.id, operator);
  }
}

const OPERATOR_LIST: ListSpec<LeafOperator> = { filters: [], sorts: null };

export default emulatorResource({
  seed: seedOperators,
  routes: [
    route(ASSETS_PREFIX, '/users/:id/operators', { GET: (context) => userList(context, (u) => context.store.operatorsOf(u), OPERATOR_LIST) }),
    route(ASSETS_PREFIX, '/users/:id/operators/:id', { GET: (context) => ok(userRecord(context, context.store.operators, 'Operator')) }),
  ],
});
