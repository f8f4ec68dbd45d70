// LeafFile: one machine data file (`GET /files/{id}`), its summary and its images, reached
// from Query.file and MachineFile.file (machines/machine-files.ts). Files load through one per-request loader, so a
// file many machines share costs one call.
import {
  valueOf,
  type ExtentRecord,
  type ImageRecord,
  type LegendRangeRecord,
  type LegendRecord,
} from '../../leaf/readers.js';
import { fileImages, files } from '../../leaf/resources/files.js';
import type { GraphQLResolveInfo } from 'graphql';
import { builder } from '../builder.js';
import { loadEach, queryById, recordNode } from '../loading.js';
import { leafField } from '../leaf-fields.js';
import { OperationSummaryRef, summaryShape } from './summary.js';
import { UPSTREAM_COST } from '../demand.js';
import { selectedFieldNames } from '../relay/selection.js';

const LegendRangeRef = builder.objectRef<LegendRangeRecord>('LegendRange').implement({
  description: 'One colour band of an image legend: values from min to max are drawn in colorCode.',
  fields: (t) => ({
    colorCode: leafField(t, 'colorCode', { type: 'HexColorCode', nullable: false, description: 'The colour, e.g. #C80000, as Leaf sent it.' }),
    min: leafField(t, 'min', { type: 'Float', description: 'Lower bound of the band; null when open-ended.' }),
    max: leafField(t, 'max', { type: 'Float', description: 'Upper bound of the band; null when open-ended.' }),
  }),
});

const ImageLegendRef = builder.objectRef<LegendRecord>('ImageLegend').implement({
  description: 'How the colours of an image map to values of its property.',
  fields: (t) => ({
    ranges: leafField(t, 'ranges', { type: [LegendRangeRef], nullable: false, description: 'Colour bands, lowest values first, as Leaf sent them.' }),
  }),
});

const ImageExtentRef = builder.objectRef<ExtentRecord>('ImageExtent').implement({
  description: 'The bounding box an image covers, in longitude (x) and latitude (y).',
  fields: (t) => ({
    xMin: leafField(t, 'xMin', { type: 'Float', description: 'Western edge.' }),
    xMax: leafField(t, 'xMax', { type: 'Float', description: 'Eastern edge.' }),
    yMin: leafField(t, 'yMin', { type: 'Float', description: 'Southern edge.' }),
    yMax: leafField(t, 'yMax', { type: 'Float', description: 'Northern edge.' }),
  }),
});

const OperationImageRef = builder.objectRef<ImageRecord>('OperationImage').implement({
  description: "A map image of one property of a file (e.g. wetMassPerArea): Leaf's V2 PNG with legend, or a GeoTIFF.",
  fields: (t) => ({
    property: leafField(t, 'property', { type: 'String', nullable: false, description: 'The summary property drawn, e.g. wetMassPerArea.' }),
    legend: leafField(t, 'legend', { type: ImageLegendRef, description: 'Colour legend; null for GeoTIFF images.' }),
    status: leafField(t, 'status', { type: 'String', description: 'Processing status, e.g. PROCESSED.' }),
    url: leafField(t, 'url', {
      type: 'URL',
      description: 'Where the image itself is stored, exactly as Leaf sent it; UPSTREAM_ERROR when Leaf sent something that is not an absolute URL.',
    }),
    downloadUrl: leafField(t, 'downloadUrl', {
      type: 'URL',
      description: 'Leaf API URL to download the image (needs the Leaf token), exactly as Leaf sent it.',
    }),
    extent: leafField(t, 'extent', { type: ImageExtentRef, description: 'Bounding box of the image; null when Leaf does not send one.' }),
  }),
});

export const LeafFileRef = recordNode('LeafFile', files, {
  description: 'A machine data file Leaf received or merged: where it came from, its fields, downloads and what the operation did.',
  fields: (t) => ({
    leafId: t.field({ type: 'LeafId', nullable: false, description: 'The Leaf file id, exactly as Leaf sent it.', resolve: (file) => file.id }),
    fileName: leafField(t, 'fileName', { type: 'String', description: 'Name of the uploaded or synced file; null for files Leaf merged.' }),
    fileFormat: leafField(t, 'fileFormat', { type: 'String', description: 'Format of the original file, e.g. CN1, ADAPT, ISOXML.' }),
    provider: leafField(t, 'provider', { type: 'String', description: 'Where the file comes from, e.g. JohnDeere, CNHi, Leaf (merged).' }),
    origin: leafField(t, 'origin', { type: 'String', description: 'How Leaf got the file: provider, uploaded, merged or automerged.' }),
    leafUserId: leafField(t, 'leafUserId', { type: 'LeafId', description: 'The Leaf user who owns the file, as Leaf sent it.' }),
    apiOwnerUsername: leafField(t, 'apiOwnerUsername', { type: 'String', description: 'The Leaf API account that owns the user.' }),
    fieldIds: t.field({
      type: ['LeafId'],
      nullable: false,
      description: "Ids of the Leaf fields the file covers (Leaf's `fields`).",
      resolve: (file) => valueOf(file.fields),
    }),
    downloadOriginalFile: leafField(t, 'downloadOriginalFile', {
      type: 'URL',
      description:
        'Leaf API URL of the original file (needs the Leaf token), exactly as Leaf sent it; null for merged files; UPSTREAM_ERROR when Leaf sent something that is not an absolute URL.',
    }),
    downloadStandardGeojson: leafField(t, 'downloadStandardGeojson', {
      type: 'URL',
      description:
        "Leaf API URL of the file's standard GeoJSON points, exactly as Leaf sent it; null until Leaf has processed the file; UPSTREAM_ERROR when Leaf sent something that is not an absolute URL.",
    }),
    summary: t.field({
      type: OperationSummaryRef,
      description: 'What the operation in this file did; null until Leaf has processed the file.',
      resolve: (file) => summaryShape(valueOf(file.summary)),
    }),
    images: t.loadableList({
      type: OperationImageRef,
      nullable: { list: true, items: true },
      ...UPSTREAM_COST,
      description:
        'Map images of the file, one per property; fetched (`GET /files/{id}/images`) only when selected. Null (with the error) when that call fails.',
      load: (fileIds: string[], context) =>
        loadEach(fileIds, (fileId) => context.leaf.get(fileImages, { id: fileId })).then((results) => results.map((images) => images ?? [])),
      resolve: (file) => file.id,
    }),
  }),
});

queryById(
  'file',
  LeafFileRef,
  { field: 'One Leaf machine data file by id; null when Leaf has no such file.', id: 'The Leaf file id.' },
  (id, context, info) => (answersFromKeptRecord(info) ? context.leaf.keptPointsFile(id) : undefined),
);

/**
 * What a page of points may ask of its file and still be answered from the record its parked
 * cursor keeps (src/leaf/points.ts): the points, read under that record's URL and units, and the
 * ids, which never change. Anything else of the file is read from Leaf as always.
 */
const KEPT_RECORD_FIELDS = new Set(['points', 'id', 'leafId', '__typename']);

function answersFromKeptRecord(info: GraphQLResolveInfo): boolean {
  const names = selectedFieldNames(info);
  return names.has('points') && [...names].every((name) => KEPT_RECORD_FIELDS.has(name));
}
