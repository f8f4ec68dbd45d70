// LeafFile: one machine data file (`GET /files/{id}`), its summary and its images, reached
// from Query.file and MachineFile.file. Files load through one per-request loader, so a
// file many machines share costs one call.
import { leafError } from '../../leaf/errors.js';
import type { LeafFile, LeafImage } from '../../leaf/types.js';
import { builder } from '../builder.js';
import { loadEach } from '../loading.js';
import { MachineFileRef } from '../machines/files.js';
import { idParts } from '../relay/global-id.js';
import { OperationSummaryRef } from './summary.js';

/** The URL if it is an absolute one; Leaf sometimes sends placeholders, which read as null. */
function asUrl(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  return URL.canParse(value) ? value : null;
}

function finite(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

const HEX_COLOR = /^#(?:[0-9a-f]{3}|[0-9a-f]{4}|[0-9a-f]{6}|[0-9a-f]{8})$/i;

type LegendRange = NonNullable<LeafImage['legend']>['ranges'][number];
type Extent = NonNullable<LeafImage['extent']>;

const LegendRangeRef = builder.objectRef<LegendRange>('LegendRange').implement({
  description: 'One colour band of an image legend: values from min to max are drawn in colorCode.',
  fields: (t) => ({
    colorCode: t.field({
      type: 'HexColorCode',
      nullable: false,
      description: 'The colour, e.g. #C80000.',
      resolve: (range) => {
        if (typeof range.colorCode !== 'string' || !HEX_COLOR.test(range.colorCode)) {
          throw leafError('UPSTREAM_ERROR', 'The Leaf API sent an image legend colour that is not a hex colour code.');
        }
        return range.colorCode;
      },
    }),
    min: t.float({ description: 'Lower bound of the band; null when open-ended.', resolve: (range) => finite(range.min) }),
    max: t.float({ description: 'Upper bound of the band; null when open-ended.', resolve: (range) => finite(range.max) }),
  }),
});

const ImageLegendRef = builder.objectRef<NonNullable<LeafImage['legend']>>('ImageLegend').implement({
  description: 'How the colours of an image map to values of its property.',
  fields: (t) => ({
    ranges: t.field({
      type: [LegendRangeRef],
      nullable: false,
      description: 'Colour bands, lowest values first, as Leaf sent them.',
      resolve: (legend) => (Array.isArray(legend.ranges) ? legend.ranges : []),
    }),
  }),
});

const ImageExtentRef = builder.objectRef<Extent>('ImageExtent').implement({
  description: 'The bounding box an image covers, in longitude (x) and latitude (y).',
  fields: (t) => ({
    xMin: t.float({ description: 'Western edge.', resolve: (extent) => finite(extent.xMin) }),
    xMax: t.float({ description: 'Eastern edge.', resolve: (extent) => finite(extent.xMax) }),
    yMin: t.float({ description: 'Southern edge.', resolve: (extent) => finite(extent.yMin) }),
    yMax: t.float({ description: 'Northern edge.', resolve: (extent) => finite(extent.yMax) }),
  }),
});

const OperationImageRef = builder.objectRef<LeafImage>('OperationImage').implement({
  description: "A map image of one property of a file (e.g. wetMassPerArea): Leaf's V2 PNG with legend, or a GeoTIFF.",
  fields: (t) => ({
    property: t.exposeString('property', { nullable: false, description: 'The summary property drawn, e.g. wetMassPerArea.' }),
    legend: t.field({
      type: ImageLegendRef,
      description: 'Colour legend; null for GeoTIFF images.',
      resolve: (image) => (typeof image.legend === 'object' && image.legend !== null ? image.legend : null),
    }),
    status: t.string({ description: 'Processing status, e.g. PROCESSED.', resolve: (image) => (typeof image.status === 'string' ? image.status : null) }),
    url: t.field({ type: 'URL', description: 'Where the image itself is stored.', resolve: (image) => asUrl(image.url) }),
    downloadUrl: t.field({ type: 'URL', description: 'Leaf API URL to download the image (needs the Leaf token).', resolve: (image) => asUrl(image.downloadUrl) }),
    extent: t.field({
      type: ImageExtentRef,
      description: 'Bounding box of the image; null when Leaf does not send one.',
      resolve: (image) => (typeof image.extent === 'object' && image.extent !== null ? image.extent : null),
    }),
  }),
});

export const LeafFileRef = builder.loadableNode('LeafFile', {
  description: 'A machine data file Leaf received or merged: where it came from, its fields, downloads and what the operation did.',
  id: { resolve: (file: LeafFile) => file.id },
  load: (keys: string[], context) =>
    loadEach(keys, (key) => {
      const [fileId] = idParts(key, 'LeafFile', 1) as [string];
      return context.client.getFile(fileId, context.call);
    }) as Promise<LeafFile[]>,
  fields: (t) => ({
    leafId: t.expose('id', { type: 'UUID', nullable: false, description: 'The Leaf file id.' }),
    fileName: t.exposeString('fileName', { description: 'Name of the uploaded or synced file; null for files Leaf merged.' }),
    fileFormat: t.exposeString('fileFormat', { description: 'Format of the original file, e.g. CN1, ADAPT, ISOXML.' }),
    provider: t.exposeString('provider', { description: 'Where the file comes from, e.g. JohnDeere, CNHi, Leaf (merged).' }),
    origin: t.string({
      description: 'How Leaf got the file: provider, uploaded, merged or automerged.',
      resolve: (file) => (typeof file.origin === 'string' ? file.origin : null),
    }),
    leafUserId: t.field({ type: 'UUID', description: 'The Leaf user who owns the file.', resolve: (file) => file.leafUserId ?? null }),
    apiOwnerUsername: t.exposeString('apiOwnerUsername', { description: 'The Leaf API account that owns the user.' }),
    fieldIds: t.field({
      type: ['UUID'],
      nullable: false,
      description: 'Ids of the Leaf fields the file covers.',
      resolve: (file) => file.fields.filter((id): id is string => typeof id === 'string'),
    }),
    downloadOriginalFile: t.field({
      type: 'URL',
      description: 'Leaf API URL of the original file (needs the Leaf token); null for merged files.',
      resolve: (file) => asUrl(file.downloadOriginalFile),
    }),
    downloadStandardGeojson: t.field({
      type: 'URL',
      description: "Leaf API URL of the file's standard GeoJSON points; null until Leaf has processed the file.",
      resolve: (file) => asUrl(file.downloadStandardGeojson),
    }),
    summary: t.field({
      type: OperationSummaryRef,
      description: 'What the operation in this file did; null until Leaf has processed the file.',
      resolve: (file) => file.summary,
    }),
    images: t.loadableList({
      type: OperationImageRef,
      nullable: false,
      description: 'Map images of the file, one per property; fetched (`GET /files/{id}/images`) only when selected.',
      load: (fileIds: string[], context) =>
        loadEach(fileIds, (fileId) => context.client.getFileImages(fileId, context.call)).then((results) =>
          results.map((images) => images ?? []),
        ),
      resolve: (file) => file.id,
    }),
  }),
});

builder.queryField('file', (t) =>
  t.field({
    type: LeafFileRef,
    description: 'One Leaf machine data file by id; null when Leaf has no such file.',
    args: { id: t.arg({ type: 'UUID', required: true, description: 'The Leaf file id.' }) },
    resolve: (_root, args) => args.id.toLowerCase(),
  }),
);

builder.objectField(MachineFileRef, 'file', (t) =>
  t.field({
    type: LeafFileRef,
    description: 'The Leaf file itself (`GET /files/{leafFileId}`), batched: files shared by several machines load once. Null when Leaf no longer has it.',
    resolve: (machineFile) => machineFile.leafFileId.toLowerCase(),
  }),
);
