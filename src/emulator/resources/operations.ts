// Field operations (operations API): a season's files of one type merged into one operation,
// read one by one with the summary Leaf merges from its files' summaries.
import type { z } from 'zod';
import type { readOperation } from '../../leaf/readers.js';
import { OPERATIONS_PREFIX } from '../../leaf/resources/resource.js';
import { notFound } from '../errors.js';
import { ok, ownedRecord, route, type RouteContext } from '../route.js';
import { DAY } from '../seed-tables.js';
import { OPERATION_TYPES, mergeSummaries, type LeafSummary } from '../summaries.js';
import { SEEDED_FILES } from './files.js';
import { emulatorResource, iso, type SeedContext } from './resource.js';

/** `GET /services/operations/api/operations/{id}`. */
export type LeafFieldOperation = z.input<typeof readOperation.schema> & {
  leafUserId: string;
  files: string[];
  fields: { id: string; coverage: number | null }[];
  providers: string[];
};

function seedOperations({ rng, store, profile, handed }: SeedContext): void {
  const files = handed(SEEDED_FILES);
  const [low, high] = profile.filesPerOperation;
  for (const type of OPERATION_TYPES) {
    // In time order, so an operation gathers one season's work rather than spanning years.
    const candidates = files
      .filter((seeded) => seeded.type === type && seeded.file.summary)
      .sort((a, b) => a.start - b.start);
    for (let offset = 0; offset < candidates.length; ) {
      const group = candidates.slice(offset, offset + rng.int(low, high));
      offset += group.length;
      const start = Math.min(...group.map((seeded) => seeded.start));
      const end = Math.max(...group.map((seeded) => seeded.end));
      const fieldIds = [...new Set(group.flatMap((seeded) => seeded.file.fields))];
      const operation: LeafFieldOperation = {
        id: rng.uuid(),
        apiOwnerUsername: profile.apiOwnerUsername,
        leafUserId: profile.leafUserId,
        startTime: iso(start),
        endTime: iso(end),
        updatedTime: rng.chance(0.1) ? null : iso(end + rng.float(1, 60) * DAY),
        type,
        files: group.map((seeded) => seeded.file.id),
        fields: fieldIds.map((id) => ({ id, coverage: rng.chance(0.1) ? null : rng.round(0.55, 1) })),
        providers: [...new Set(group.map((seeded) => seeded.file.provider).filter((p): p is string => p !== null))],
      };
      store.operations.set(operation.id, operation);
      store.operationSummaries.set(
        operation.id,
        mergeSummaries(group.map((seeded) => seeded.file.summary).filter((s): s is LeafSummary => s !== null)),
      );
    }
  }
}

function operationOf(context: RouteContext): LeafFieldOperation {
  return ownedRecord(context, context.store.operations, 'operationId', 'Field operation');
}

export default emulatorResource({
  seed: seedOperations,
  routes: [
    route(OPERATIONS_PREFIX, '/operations/:id', { GET: (context) => ok(operationOf(context)) }),
    route(OPERATIONS_PREFIX, '/operations/:id/summary', {
      GET: (context) => {
        const { id } = operationOf(context);
        const summary = context.store.operationSummaries.get(id);
        if (!summary) throw notFound(`Field operation ${id} has no summary yet`);
        return ok(summary);
      },
    }),
  ],
});
