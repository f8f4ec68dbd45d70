// LeafUser: a handle on one Leaf user. Resolving it calls nothing upstream; its fields
// (machines, implements, operators) are added by those domains.
import { recordKey } from '../../leaf/resources/key.js';
import { builder } from '../builder.js';
import { GlobalIdError } from '../relay/errors.js';

export interface LeafUserShape {
  leafUserId: string;
}

/** What a LeafUser's global ID carries: the Leaf user id. */
export const leafUserKey = recordKey('leafUserId');

export const LeafUserRef = builder.node(builder.objectRef<LeafUserShape>('LeafUser'), {
  description: 'A Leaf user: the owner of machines, implements, operators and machine files.',
  id: { resolve: (user) => leafUserKey.text(user) },
  isTypeOf: (value) => typeof value === 'object' && value !== null && Object.keys(value).length === 1 && 'leafUserId' in value,
  loadOne: (id) => {
    const key = leafUserKey.parse(id);
    if (key === null) throw new GlobalIdError('That ID is not a valid LeafUser ID.');
    return { leafUserId: key.leafUserId };
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
