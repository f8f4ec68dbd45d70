// FieldOperation: Leaf's merge of the files of one operation on some fields
// (`GET /operations/{id}`), its files (through the LeafFile loader) and its summary
// (`GET /operations/{id}/summary`, fetched only when selected).
import type { LeafFieldOperation, LeafFile } from '../../leaf/types.js';
import { builder } from '../builder.js';
import { loadEach, toDate } from '../loading.js';
import { idParts } from '../relay/global-id.js';
import { LeafFileRef } from './file.js';
import { OperationSummaryRef } from './summary.js';

type Coverage = LeafFieldOperation['fields'][number];

const FieldCoverageRef = builder.objectRef<Coverage>('FieldCoverage').implement({
  description: 'A field an operation touched, and how much of it.',
  fields: (t) => ({
    fieldId: t.expose('id', { type: 'UUID', nullable: false, description: 'The Leaf field id.' }),
    coverage: t.float({
      description: 'Share of the field covered, from 0 to 1.',
      resolve: (field) => (typeof field.coverage === 'number' && Number.isFinite(field.coverage) ? field.coverage : null),
    }),
  }),
});

function stringsOf(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

export const FieldOperationRef = builder.loadableNode('FieldOperation', {
  description: 'One operation (a harvest, a planting, ...) on one or more fields, merged by Leaf from the files that recorded it.',
  id: { resolve: (operation: LeafFieldOperation) => operation.id },
  load: (keys: string[], context) =>
    loadEach(keys, (key) => {
      const [operationId] = idParts(key, 'FieldOperation', 1) as [string];
      return context.client.getOperation(operationId, context.call);
    }) as Promise<LeafFieldOperation[]>,
  fields: (t) => ({
    leafId: t.expose('id', { type: 'UUID', nullable: false, description: 'The Leaf field operation id.' }),
    type: t.string({
      description: 'Operation type: harvested, planted, applied, tillage, or another Leaf sends.',
      resolve: (operation) => (typeof operation.type === 'string' ? operation.type : null),
    }),
    startTime: t.field({ type: 'DateTime', description: 'When the first file of the operation started.', resolve: (o) => toDate(o.startTime) }),
    endTime: t.field({ type: 'DateTime', description: 'When the last file of the operation ended.', resolve: (o) => toDate(o.endTime) }),
    updatedTime: t.field({ type: 'DateTime', description: 'When Leaf last updated the operation.', resolve: (o) => toDate(o.updatedTime) }),
    leafUserId: t.field({ type: 'UUID', description: 'The Leaf user who owns the operation.', resolve: (o) => o.leafUserId ?? null }),
    apiOwnerUsername: t.exposeString('apiOwnerUsername', { description: 'The Leaf API account that owns the user.' }),
    providers: t.stringList({ nullable: false, description: 'Providers of its files, e.g. JohnDeere.', resolve: (o) => stringsOf(o.providers) }),
    fields: t.field({
      type: [FieldCoverageRef],
      nullable: false,
      description: 'The fields it touched, with coverage.',
      resolve: (o) =>
        (Array.isArray(o.fields) ? o.fields : []).filter(
          (field): field is Coverage => typeof field === 'object' && field !== null && typeof field.id === 'string',
        ),
    }),
    files: t.field({
      type: [LeafFileRef],
      nullable: false,
      description:
        'The files merged into the operation, through the same per-request loader as every LeafFile. Files Leaf no longer has are left out; an unreadable one fails this field.',
      resolve: async (operation, _args, context) => {
        const loaded = await LeafFileRef.getDataloader(context).loadMany(stringsOf(operation.files).map((id) => id.toLowerCase()));
        const failed = loaded.find((file): file is Error => file instanceof Error);
        if (failed) throw failed;
        return loaded.filter((file): file is LeafFile => file !== null && !(file instanceof Error));
      },
    }),
    summary: t.loadable({
      type: OperationSummaryRef,
      nullable: true,
      description: 'The merged summary of all its files (`GET /operations/{id}/summary`); null until Leaf has one.',
      load: (operationIds: string[], context) =>
        loadEach(operationIds, (operationId) => context.client.getOperationSummary(operationId, context.call)),
      resolve: (operation) => operation.id,
    }),
  }),
});

builder.queryField('fieldOperation', (t) =>
  t.field({
    type: FieldOperationRef,
    description: 'One Leaf field operation by id; null when Leaf has no such operation.',
    args: { id: t.arg({ type: 'UUID', required: true, description: 'The Leaf field operation id.' }) },
    resolve: (_root, args) => args.id.toLowerCase(),
  }),
);
