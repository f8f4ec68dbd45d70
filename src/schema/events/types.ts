// Subscription.leafEvents and the event types (contract section 11): Leaf's events for one Leaf
// user, each with its record read through the same loaders as queries, with the subscriber's
// own token, after the caches the event made stale were dropped (src/events/hub.ts).
import type { FieldRef } from '@pothos/core';
import { EVENT_NAMES, familyOf, type EventFamily, type LeafEventName } from '../../events/catalogue.js';
import type { LeafEvent } from '../../events/read.js';
import { builder, type Types } from '../builder.js';
import { leafEnum } from '../enums.js';
import { FieldOperationRef } from '../files/operation.js';
import { LeafFileRef } from '../files/leaf-file.js';
import { ImplementRef } from '../implements/types.js';
import { MachineRef } from '../machines/types.js';
import { OperatorRef } from '../operators/types.js';
import { leafEventsOf } from './subscribe.js';
import type { RecordKey } from '../../leaf/resources/key.js';
import type { KeyedNodeRef } from '../loading.js';

const FAMILY_WORDS: Record<EventFamily, string> = {
  machine: 'a machine',
  implement: 'an implement',
  operator: 'an operator',
  file: 'a machine file (from a provider, an upload or a merge)',
  operation: 'a field operation',
};

export const LeafEventTypeEnum = leafEnum(
  'LeafEventType',
  "Leaf's event names (its Alerts), in UPPER_SNAKE_CASE: MACHINE_UPDATED is Leaf's machineUpdated.",
  EVENT_NAMES,
  (name: LeafEventName) => `Leaf's \`${name}\`: about ${FAMILY_WORDS[familyOf(name) ?? 'machine']}.`,
);

/** The event type of a family's events: `MachineEvent` for `machine`. */
const eventTypeName = (family: EventFamily) => `${family.charAt(0).toUpperCase()}${family.slice(1)}Event`;

export const LeafEventRef = builder.interfaceRef<LeafEvent>('LeafEvent').implement({
  description: 'Something changed at Leaf for one Leaf user (Leaf signed and sent it to this gateway).',
  resolveType: (event) => eventTypeName(event.family),
  fields: (t) => ({
    type: t.field({ type: LeafEventTypeEnum, nullable: false, description: "Leaf's name for the event.", resolve: (event) => event.type }),
    timestamp: t.field({
      type: 'DateTime',
      nullable: false,
      description: 'When Leaf says it happened, as Leaf wrote it (when the gateway received it, if Leaf sent no readable time).',
      resolve: (event) => event.timestamp,
    }),
    leafUserId: t.field({ type: 'LeafId', nullable: false, description: 'The Leaf user the event concerns.', resolve: (event) => event.leafUserId }),
  }),
});

/** A family's events: each names its record's Leaf id as `<family>Id`. */
type EventOf<F extends EventFamily> = Extract<LeafEvent, { family: F }> & Record<`${F}Id`, string>;

interface EventTypeOptions<F extends EventFamily, P extends string> {
  description: string;
  /** What the record is called in the fields' descriptions. */
  noun: string;
  /** When the record field is null. */
  nullWhen: string;
  /** The record's key; null where the event names none (a deletion). */
  keyOf: (event: EventOf<F>) => RecordKey<P> | null;
  /** Fields only this family's events have. */
  fields?: (t: PothosSchemaTypes.ObjectFieldBuilder<Types, EventOf<F>>) => Record<string, FieldRef<Types>>;
}

/**
 * A family's event type (`MachineEvent`): the LeafEvent fields, the record's Leaf id
 * (`machineId`) and the record as it is now (`machine`), read through the request's loader.
 * The record's ref is taken as a ref of `object`: Pothos cannot check a resolver against a
 * generic shape, and the field only hands on what that ref's own loader read.
 */
function eventType<F extends EventFamily, P extends string>(family: F, record: KeyedNodeRef<object, P>, options: EventTypeOptions<F, P>) {
  const { noun, keyOf } = options;
  const idField: `${F}Id` = `${family}Id`;
  builder.objectRef<EventOf<F>>(eventTypeName(family)).implement({
    description: options.description,
    interfaces: [LeafEventRef],
    isTypeOf: (event) => (event as LeafEvent).family === family,
    fields: (t) => ({
      [idField]: t.field({ type: 'LeafId', nullable: false, description: `The Leaf ${noun} id.`, resolve: (event) => event[idField] }),
      [family]: t.field({
        type: record,
        nullable: true,
        description: `The ${noun} as it is now, read with the subscriber's token; null ${options.nullWhen}.`,
        resolve: (event, _args, context) => {
          const key = keyOf(event);
          return key === null ? null : record.getDataloader(context).load(key);
        },
      }),
      ...options.fields?.(t),
    }),
  });
}

eventType('machine', MachineRef, {
  description: 'A machine was created, updated or deleted at Leaf.',
  noun: 'machine',
  nullWhen: 'after MACHINE_DELETED or when Leaf no longer has it',
  keyOf: (event) => (event.type === 'machineDeleted' ? null : { leafUserId: event.leafUserId, id: event.machineId }),
});

eventType('implement', ImplementRef, {
  description: 'An implement was created or updated at Leaf.',
  noun: 'implement',
  nullWhen: 'when Leaf no longer has it',
  keyOf: (event) => ({ leafUserId: event.leafUserId, id: event.implementId }),
});

eventType('operator', OperatorRef, {
  description: 'An operator was created or updated at Leaf.',
  noun: 'operator',
  nullWhen: 'when Leaf no longer has it',
  keyOf: (event) => ({ leafUserId: event.leafUserId, id: event.operatorId }),
});

eventType('file', LeafFileRef, {
  description: 'Leaf finished (or failed) processing a machine file: from a provider, an upload, a batch upload or a merge.',
  noun: 'file',
  nullWhen: 'when Leaf has no such file',
  keyOf: (event) => ({ id: event.fileId }),
  fields: (t) => ({
    message: t.string({ description: 'Why processing failed, as Leaf wrote it (may be empty); null for other events.', resolve: (event) => event.message }),
  }),
});

eventType('operation', FieldOperationRef, {
  description: 'A field operation was created, updated, or its processing finished or failed at Leaf.',
  noun: 'field operation',
  nullWhen: 'when Leaf has no such operation',
  keyOf: (event) => ({ id: event.operationId }),
});

builder.subscriptionType({ description: 'Live data from Leaf, over Server-Sent Events or WebSocket (graphql-transport-ws) on /graphql.' });

builder.subscriptionField('leafEvents', (t) =>
  t.field({
    type: LeafEventRef,
    nullable: false,
    description:
      "Leaf's events for one Leaf user, as Leaf sends them to this gateway, with their records read with your token. Your token must be able to read that user: checked before the first event and again periodically; a refusal ends the stream with FORBIDDEN or UNAUTHENTICATED. Past the gateway's bounds: TOO_MANY_SUBSCRIPTIONS.",
    args: {
      leafUserId: t.arg({ type: 'LeafId', required: true, description: 'The Leaf user whose events to receive.' }),
      types: t.arg({ type: [LeafEventTypeEnum], required: false, description: 'Only events of these types; every type when absent.' }),
    },
    subscribe: (_root, args, context) => leafEventsOf(context, { leafUserId: args.leafUserId, types: args.types ?? null }),
    resolve: (item) => {
      if ('refused' in item) throw item.refused;
      return item.event;
    },
  }),
);
