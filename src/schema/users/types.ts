// LeafUser: a handle on one Leaf user. Resolving it calls nothing upstream; its fields
// (machines, implements, operators) are added by those domains.
import { builder } from '../builder.js';
import { idOf, idParts } from '../relay/global-id.js';

export interface LeafUserShape {
  leafUserId: string;
}

export const LeafUserRef = builder.node(builder.objectRef<LeafUserShape>('LeafUser'), {
  description: 'A Leaf user: the owner of machines, implements, operators and machine files.',
  id: { resolve: (user) => idOf(user.leafUserId) },
  isTypeOf: (value) => typeof value === 'object' && value !== null && Object.keys(value).length === 1 && 'leafUserId' in value,
  loadOne: (id) => {
    const [leafUserId] = idParts(id, 'LeafUser', 1);
    return { leafUserId: leafUserId! };
  },
  fields: (t) => ({
    leafUserId: t.expose('leafUserId', {
      type: 'LeafId',
      nullable: false,
      description: 'The Leaf user id, exactly as given (usually a UUID), as used in Leaf API paths.',
    }),
  }),
});

builder.queryField('leafUser', (t) =>
  t.field({
    type: LeafUserRef,
    nullable: false,
    description:
      'A handle on one Leaf user: resolving it calls nothing upstream. Its lists fail with FORBIDDEN if the token does not own that user.',
    args: { id: t.arg({ type: 'LeafId', required: true, description: 'The Leaf user id.' }) },
    resolve: (_root, args) => ({ leafUserId: args.id }),
  }),
);
