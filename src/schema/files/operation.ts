// FieldOperation: Leaf's merge of the files of one operation on some fields
// (`GET /operations/{id}`), its files (through the LeafFile loader) and its summary
// (`GET /operations/{id}/summary`, fetched only when selected).
import { valueOf, type CoverageRecord } from '../../leaf/readers.js';
import { operations, operationSummaries } from '../../leaf/resources/operations.js';
import { builder } from '../builder.js';
import { loadEach, queryById, recordNode } from '../loading.js';
import { leafField } from '../leaf-fields.js';
import { LeafFileRef } from './leaf-file.js';
import { OperationSummaryRef, summaryShape } from './summary.js';
import { UPSTREAM_COST } from '../demand.js';

const FieldCoverageRef = builder.objectRef<CoverageRecord>('FieldCoverage').implement({
  description: 'A field an operation touched, and how much of it.',
  fields: (t) => ({
    fieldId: t.field({ type: 'LeafId', nullable: false, description: 'The Leaf field id, exactly as Leaf sent it.', resolve: (field) => field.id }),
    coverage: leafField(t, 'coverage', { type: 'Float', description: 'Share of the field covered, from 0 to 1.' }),
  }),
});

export const FieldOperationRef = recordNode('FieldOperation', operations, {
  description: 'One operation (a harvest, a planting, ...) on one or more fields, merged by Leaf from the files that recorded it.',
  fields: (t) => ({
    leafId: t.field({ type: 'LeafId', nullable: false, description: 'The Leaf field operation id, exactly as Leaf sent it.', resolve: (o) => o.id }),
    type: leafField(t, 'type', { type: 'String', description: 'Operation type: harvested, planted, applied, tillage, or another Leaf sends.' }),
    startTime: leafField(t, 'startTime', { type: 'DateTime', description: 'When the first file of the operation started.' }),
    endTime: leafField(t, 'endTime', { type: 'DateTime', description: 'When the last file of the operation ended.' }),
    updatedTime: leafField(t, 'updatedTime', { type: 'DateTime', description: 'When Leaf last updated the operation.' }),
    leafUserId: leafField(t, 'leafUserId', { type: 'LeafId', description: 'The Leaf user who owns the operation, as Leaf sent it.' }),
    apiOwnerUsername: leafField(t, 'apiOwnerUsername', { type: 'String', description: 'The Leaf API account that owns the user.' }),
    providers: leafField(t, 'providers', { type: ['String'], nullable: false, description: 'Providers of its files, e.g. JohnDeere.' }),
    fields: leafField(t, 'fields', { type: [FieldCoverageRef], nullable: false, description: 'The fields it touched, with coverage.' }),
    files: t.field({
      type: [LeafFileRef],
      nullable: { list: false, items: true },
      ...UPSTREAM_COST,
      description:
        "The files merged into the operation, in Leaf's order, through the same per-request loader as every LeafFile. An item is null where Leaf no longer has that file or cannot send it (with the error at that item's path).",
      resolve: (operation, _args, context) => valueOf(operation.files).map((id) => LeafFileRef.getDataloader(context).load({ id })),
    }),
    summary: t.loadable({
      type: OperationSummaryRef,
      nullable: true,
      ...UPSTREAM_COST,
      description: 'The merged summary of all its files (`GET /operations/{id}/summary`); null until Leaf has one, or (with the error) when that call fails.',
      load: (operationIds: string[], context) =>
        loadEach(operationIds, async (operationId) => summaryShape(await context.leaf.get(operationSummaries, { id: operationId }))),
      resolve: (operation) => operation.id,
    }),
  }),
});

queryById('fieldOperation', FieldOperationRef, {
  field: 'One Leaf field operation by id; null when Leaf has no such operation.',
  id: 'The Leaf field operation id.',
});
