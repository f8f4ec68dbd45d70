// Subscription.leafEvents and the event types (contract section 11): Leaf's events for one Leaf
// user, each with its record read through the same loaders as queries, with the subscriber's
// own token, after the caches the event made stale were dropped (src/events/hub.ts).
import { EVENT_NAMES, familyOf, type EventFamily, type LeafEventName } from '../../events/catalogue.js';
import type { FileEvent, ImplementEvent, LeafEvent, MachineEvent, OperationEvent, OperatorEvent } from '../../events/read.js';
import { builder } from '../builder.js';
import { leafEnum } from '../enums.js';
import { FieldOperationRef } from '../files/operation.js';
import { LeafFileRef } from '../files/leaf-file.js';
import { ImplementRef } from '../implements/types.js';
import { MachineRef } from '../machines/types.js';
import { OperatorRef } from '../operators/types.js';
import { leafEventsOf } from './subscribe.js';
import type { Context } from '../../context.js';
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

/** An event's record as it is now, read through the request's loader; null where `keyOf` names none (a deletion). */
function currentRecord<E, Shape, P extends string>(ref: KeyedNodeRef<Shape, P>, description: string, keyOf: (event: E) => RecordKey<P> | null) {
  return {
    type: ref,
    nullable: true,
    description,
    resolve: (event: E, _args: object, context: Context) => {
      const key = keyOf(event);
      return key === null ? null : ref.getDataloader(context).load(key);
    },
  } as const;
}

export const LeafEventRef = builder.interfaceRef<LeafEvent>('LeafEvent').implement({
  description: 'Something changed at Leaf for one Leaf user (Leaf signed and sent it to this gateway).',
  resolveType: (event) => {
    switch (event.family) {
      case 'machine':
        return 'MachineEvent';
      case 'implement':
        return 'ImplementEvent';
      case 'operator':
        return 'OperatorEvent';
      case 'file':
        return 'FileEvent';
      case 'operation':
        return 'OperationEvent';
    }
  },
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

builder.objectRef<MachineEvent>('MachineEvent').implement({
  description: 'A machine was created, updated or deleted at Leaf.',
  interfaces: [LeafEventRef],
  isTypeOf: (event) => (event as LeafEvent).family === 'machine',
  fields: (t) => ({
    machineId: t.field({ type: 'LeafId', nullable: false, description: 'The Leaf machine id.', resolve: (event) => event.machineId }),
    machine: t.field(
      currentRecord(
        MachineRef,
        "The machine as it is now, read with the subscriber's token; null after MACHINE_DELETED or when Leaf no longer has it.",
        (event: MachineEvent) => (event.type === 'machineDeleted' ? null : { leafUserId: event.leafUserId, id: event.machineId }),
      ),
    ),
  }),
});

builder.objectRef<ImplementEvent>('ImplementEvent').implement({
  description: 'An implement was created or updated at Leaf.',
  interfaces: [LeafEventRef],
  isTypeOf: (event) => (event as LeafEvent).family === 'implement',
  fields: (t) => ({
    implementId: t.field({ type: 'LeafId', nullable: false, description: 'The Leaf implement id.', resolve: (event) => event.implementId }),
    implement: t.field(
      currentRecord(ImplementRef, "The implement as it is now, read with the subscriber's token; null when Leaf no longer has it.", (event: ImplementEvent) => ({
        leafUserId: event.leafUserId,
        id: event.implementId,
      })),
    ),
  }),
});

builder.objectRef<OperatorEvent>('OperatorEvent').implement({
  description: 'An operator was created or updated at Leaf.',
  interfaces: [LeafEventRef],
  isTypeOf: (event) => (event as LeafEvent).family === 'operator',
  fields: (t) => ({
    operatorId: t.field({ type: 'LeafId', nullable: false, description: 'The Leaf operator id.', resolve: (event) => event.operatorId }),
    operator: t.field(
      currentRecord(OperatorRef, "The operator as it is now, read with the subscriber's token; null when Leaf no longer has it.", (event: OperatorEvent) => ({
        leafUserId: event.leafUserId,
        id: event.operatorId,
      })),
    ),
  }),
});

builder.objectRef<FileEvent>('FileEvent').implement({
  description: 'Leaf finished (or failed) processing a machine file: from a provider, an upload, a batch upload or a merge.',
  interfaces: [LeafEventRef],
  isTypeOf: (event) => (event as LeafEvent).family === 'file',
  fields: (t) => ({
    fileId: t.field({ type: 'LeafId', nullable: false, description: 'The Leaf file id.', resolve: (event) => event.fileId }),
    file: t.field(
      currentRecord(LeafFileRef, "The file as it is now, read with the subscriber's token; null when Leaf has no such file.", (event: FileEvent) => ({ id: event.fileId })),
    ),
    message: t.string({ description: 'Why processing failed, as Leaf wrote it (may be empty); null for other events.', resolve: (event) => event.message }),
  }),
});

builder.objectRef<OperationEvent>('OperationEvent').implement({
  description: 'A field operation was created, updated, or its processing finished or failed at Leaf.',
  interfaces: [LeafEventRef],
  isTypeOf: (event) => (event as LeafEvent).family === 'operation',
  fields: (t) => ({
    operationId: t.field({ type: 'LeafId', nullable: false, description: 'The Leaf field operation id.', resolve: (event) => event.operationId }),
    operation: t.field(
      currentRecord(
        FieldOperationRef,
        "The field operation as it is now, read with the subscriber's token; null when Leaf has no such operation.",
        (event: OperationEvent) => ({ id: event.operationId }),
      ),
    ),
  }),
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
