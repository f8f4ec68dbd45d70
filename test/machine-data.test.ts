// Machine data as a frontend uses it: machine → files → file → summary in one round trip
// (and what it costs upstream), every operation type, field operations, images, unit
// conversion, and files the upstream no longer has or cannot send.
import { describe, expect, it } from 'vitest';
import { DEMO_USER_IDS, OTHER_TOKEN } from '../src/emulator/index.js';
import type { LeafFile, LeafSummary } from '../src/emulator/index.js';
import { graphql } from './__generated__/index.js';
import { useStack } from './support/stack.js';

const USER = DEMO_USER_IDS.prairieFarms;
const BUSHEL_LITRES = 35.23907016688;

const MachineFileSummaries = graphql(`
  query MachineFileSummaries($user: LeafId!, $volumeUnit: String) {
    leafUser(id: $user) {
      machines(first: 45) {
        nodes {
          leafId
          files(first: 10) {
            nodes {
              leafFileId
              file {
                leafId
                fileName
                summary {
                  __typename
                  operationType
                  ... on HarvestedSummary { totalDryVolume(unit: $volumeUnit) { value unit } }
                }
              }
            }
          }
        }
      }
    }
  }
`);

const FileDetails = graphql(`
  fragment FileDetails on LeafFile {
    id
    leafId
    fileName
    fileFormat
    provider
    origin
    leafUserId
    apiOwnerUsername
    fieldIds
    downloadOriginalFile
    downloadStandardGeojson
    summary {
      __typename
      operationType
      startTime
      endTime
      crops
      totalArea { value unit }
      totalDistance { value unit }
      elevation { avg min max unit }
      speed { avg min max unit }
      totalFuelUsed { value unit }
      machinery { name type serialNumber brand }
      originalOperationType
      operationDescription
      geometry
      ... on HarvestedSummary {
        harvestMoisture { avg min max unit }
        wetMass { avg unit }
        totalWetMass { value unit }
        wetMassPerArea { avg unit }
        dryMass { avg unit }
        totalDryMass { value unit }
        dryMassPerArea { avg min max unit }
        wetVolume { avg unit }
        totalWetVolume { value unit }
        wetVolumePerArea { avg unit }
        dryVolume { avg unit }
        totalDryVolume { value unit }
        dryVolumePerArea { avg unit }
        varieties { name harvestMoisture { avg unit } wetMass { value unit } dryMass { value unit } wetVolume { value unit } dryVolume { value unit } area { value unit } }
      }
      ... on PlantedSummary {
        seedRate { avg min max unit }
        seedRateTarget { avg unit }
        seedDepth { avg unit }
        totalPlanted { value unit }
        singulation { avg unit }
        downForce { avg unit }
        varieties { name rate { avg min max unit } rateTarget { avg min max unit } area { value unit } totalPlanted { value unit } }
      }
      ... on AppliedSummary {
        appliedRate { avg min max unit }
        appliedRateTarget { avg unit }
        totalApplied { value unit }
        tankMix
        products { name type rate { value unit } totalApplied { value unit } area { value unit } }
      }
      ... on TillageSummary {
        tillType
        tillageDepthTarget { avg min max unit }
        tillageDepthActual { avg min max unit }
      }
      ... on OtherSummary { properties }
    }
  }
`);

const FilesByType = graphql(`
  query FilesByType($harvested: LeafId!, $planted: LeafId!, $applied: LeafId!, $tillage: LeafId!, $irrigated: LeafId!, $other: LeafId!) {
    harvested: file(id: $harvested) { ...FileDetails }
    planted: file(id: $planted) { ...FileDetails }
    applied: file(id: $applied) { ...FileDetails }
    tillage: file(id: $tillage) { ...FileDetails }
    irrigated: file(id: $irrigated) { ...FileDetails }
    other: file(id: $other) { ...FileDetails }
  }
`);

const OneFile = graphql(`
  query OneFile($id: LeafId!) {
    file(id: $id) { ...FileDetails }
  }
`);

const FileImages = graphql(`
  query FileImages($id: LeafId!) {
    first: file(id: $id) { leafId images { property status url downloadUrl legend { ranges { colorCode min max } } extent { xMin xMax yMin yMax } } }
    again: file(id: $id) { images { property } }
  }
`);

const FileWithoutImages = graphql(`
  query FileWithoutImages($id: LeafId!) {
    file(id: $id) { leafId fileName }
  }
`);

const Conversions = graphql(`
  query Conversions($id: LeafId!) {
    file(id: $id) {
      summary {
        totalArea { value unit }
        ha: totalArea(unit: "ha") { value unit }
        ac: totalArea(unit: "ac") { value unit }
        totalDistance { value unit }
        m: totalDistance(unit: "m") { value unit }
        km: totalDistance(unit: "km") { value unit }
        mi: totalDistance(unit: "mi") { value unit }
        speed { avg min max unit }
        kmh: speed(unit: "km/h") { avg min max unit }
        ... on HarvestedSummary {
          totalWetMass { value unit }
          kg: totalWetMass(unit: "kg") { value unit }
          t: totalWetMass(unit: "t") { value unit }
          totalDryVolume { value unit }
          litres: totalDryVolume(unit: "l") { value unit }
          gallons: totalDryVolume(unit: "gal") { value unit }
          dryMassPerArea { avg min max unit }
          kgPerHa: dryMassPerArea(unit: "kg/ha") { avg min max unit }
        }
      }
    }
  }
`);

const ImpossibleConversion = graphql(`
  query ImpossibleConversion($id: LeafId!, $unit: String) {
    file(id: $id) {
      leafId
      summary {
        operationType
        totalArea { value unit }
        ... on HarvestedSummary { totalWetMass(unit: $unit) { value unit } }
      }
    }
  }
`);

const FieldOperationDetails = graphql(`
  query FieldOperationDetails($id: LeafId!) {
    fieldOperation(id: $id) {
      id
      leafId
      type
      startTime
      endTime
      updatedTime
      leafUserId
      providers
      fields { fieldId coverage }
      files { leafId fileName summary { operationType } }
      summary {
        __typename
        operationType
        startTime
        endTime
        totalArea { value unit }
        ... on HarvestedSummary { totalDryVolume(unit: "bu") { value unit } }
        ... on PlantedSummary { totalPlanted { value unit } }
        ... on AppliedSummary { totalApplied { value unit } }
        ... on TillageSummary { tillType }
        ... on OtherSummary { properties }
      }
    }
  }
`);

const FieldOperationHeader = graphql(`
  query FieldOperationHeader($id: LeafId!) {
    fieldOperation(id: $id) { leafId type }
  }
`);

const NodeFile = graphql(`
  query NodeFile($id: ID!) {
    node(id: $id) { id ... on LeafFile { leafId fileName } ... on FieldOperation { leafId type } }
  }
`);

// Every test counts upstream calls for repeated queries: the stack's default keeps the response cache off.
const stack = useStack();

function filesOfUser(): LeafFile[] {
  return [...stack.emulator.store.files.values()].filter((file) => file.leafUserId === USER);
}

function fileOfType(type: string, where: (file: LeafFile) => boolean = () => true): LeafFile {
  const file = filesOfUser().find((candidate) => candidate.summary?.properties.operationType === type && where(candidate));
  if (!file) throw new Error(`the seed has no ${type} file`);
  return file;
}

function property(summary: LeafSummary | null, key: string): unknown {
  return summary?.properties[key];
}

function upstreamPaths(): string[] {
  return stack.calls().map((call) => call.path);
}

describe('nested machine → files → file → summary', () => {
  it('costs 1 + machines + distinct files calls, however many machines share a file', async () => {
    stack.resetCalls();
    const result = await stack.query(MachineFileSummaries, { user: USER, volumeUnit: 'l' });
    expect(result.errors).toBeUndefined();
    const machines = result.data!.leafUser.machines!.nodes.map((machine) => machine!);
    const links = machines.flatMap((machine) => machine.files!.nodes.map((link) => link!));
    const distinctFiles = new Set(links.map((link) => link.leafFileId));
    // The seed shares files between machines, so batching is what keeps the count down.
    expect(distinctFiles.size).toBeLessThan(links.length);

    const paths = upstreamPaths();
    expect(paths.filter((path) => path.endsWith(`/users/${USER}/machines`))).toHaveLength(1);
    expect(paths.filter((path) => /\/machines\/[^/]+\/files$/.test(path))).toHaveLength(machines.length);
    const fileCalls = paths.filter((path) => path.includes('/services/operations/api/files/'));
    expect(fileCalls).toHaveLength(distinctFiles.size);
    expect(new Set(fileCalls).size).toBe(distinctFiles.size);
    expect(paths).toHaveLength(1 + machines.length + distinctFiles.size);

    let harvests = 0;
    for (const link of links) {
      const stored = stack.emulator.store.files.get(link.leafFileId)!;
      expect(link.file!.leafId).toBe(link.leafFileId);
      expect(link.file!.fileName).toBe(stored.fileName);
      if (!stored.summary) {
        expect(link.file!.summary).toBeNull();
        continue;
      }
      expect(link.file!.summary!.operationType).toBe(stored.summary.properties.operationType);
      if (link.file!.summary!.__typename === 'HarvestedSummary') {
        harvests += 1;
        const bushels = (property(stored.summary, 'totalDryVolume') as { value: number }).value;
        expect(link.file!.summary!.totalDryVolume!.unit).toBe('l');
        expect(link.file!.summary!.totalDryVolume!.value).toBeCloseTo(bushels * BUSHEL_LITRES, 6);
      }
    }
    expect(harvests).toBeGreaterThan(0);
  });

  it('shows a file Leaf no longer has as null, with no error and the link still there', async () => {
    const link = stack.emulator.store.linksOfUser(USER).find((candidate) => stack.emulator.store.files.has(candidate.leafFileId))!;
    const stored = stack.emulator.store.files.get(link.leafFileId)!;
    stack.emulator.store.files.delete(link.leafFileId);
    try {
      const result = await stack.query(MachineFileSummaries, { user: USER });
      expect(result.errors).toBeUndefined();
      const links = result.data!.leafUser.machines!.nodes.flatMap((machine) => machine!.files!.nodes.map((node) => node!));
      const gone = links.filter((node) => node.leafFileId === link.leafFileId);
      expect(gone.length).toBeGreaterThan(0);
      for (const node of gone) expect(node.file).toBeNull();
      expect(links.filter((node) => node.file !== null).length).toBeGreaterThan(10);
    } finally {
      stack.emulator.store.files.set(stored.id, stored);
    }
  });

  it('fails only the file field of an unreadable file, with UPSTREAM_ERROR', async () => {
    const shared = stack.emulator.store.linksOfUser(USER)[0]!.leafFileId;
    const removeFault = stack.emulator.addFault({ method: 'GET', path: new RegExp(`/files/${shared}$`), malformed: true });
    try {
      const result = await stack.query(MachineFileSummaries, { user: USER });
      const errors = result.errors ?? [];
      expect(errors.length).toBeGreaterThan(0);
      for (const error of errors) {
        expect(error.extensions?.code).toBe('UPSTREAM_ERROR');
        expect(error.path?.at(-1)).toBe('file');
        expect(error.message).not.toMatch(/3f2a9c1e|stack|at /);
      }
      const links = result.data!.leafUser.machines!.nodes.flatMap((machine) => machine!.files!.nodes.map((node) => node!));
      const broken = links.filter((node) => node.leafFileId === shared);
      expect(broken.length).toBe(errors.length);
      for (const node of broken) expect(node.file).toBeNull();
      const healthy = links.filter((node) => node.leafFileId !== shared);
      expect(healthy.length).toBeGreaterThan(10);
      expect(healthy.every((node) => node.file?.leafId === node.leafFileId)).toBe(true);
    } finally {
      removeFault();
    }
  });
});

describe('a machine file Leaf sends without its leafFileId', () => {
  it('fails that machine\'s files with UPSTREAM_ERROR and leaves the other machines whole', async () => {
    const [machineId, links] = [...stack.emulator.store.machineFiles.entries()].find(
      ([id, candidates]) => candidates.length > 0 && stack.emulator.store.machines.get(id)?.leafUserId === USER,
    )!;
    const broken = links.map((link, index) => (index === 0 ? ({ ...link, leafFileId: undefined } as unknown as typeof link) : link));
    stack.emulator.store.machineFiles.set(machineId, broken);
    try {
      const result = await stack.query(MachineFileSummaries, { user: USER });
      expect(result.errors?.map((error) => error.extensions?.code)).toEqual(['UPSTREAM_ERROR']);
      expect(result.errors?.[0]?.path?.at(-1)).toBe('files');
      const machines = result.data!.leafUser.machines!.nodes;
      // The machine survives with its files null; every other machine keeps its files.
      expect(machines.every((machine) => machine !== null)).toBe(true);
      expect(machines.filter((machine) => machine!.files === null)).toHaveLength(1);
      expect(machines.filter((machine) => machine!.files !== null).length).toBeGreaterThan(10);
    } finally {
      stack.emulator.store.machineFiles.set(machineId, links);
    }
  });
});

describe('files of every operation type', () => {
  it('types each summary by operationType, with every documented property', async () => {
    const ids = {
      harvested: fileOfType('harvested', (file) => Array.isArray(property(file.summary, 'varieties'))).id,
      planted: fileOfType('planted').id,
      applied: fileOfType('applied', (file) => property(file.summary, 'tankMix') === true).id,
      tillage: fileOfType('tillage').id,
      irrigated: fileOfType('irrigated').id,
      other: fileOfType('other').id,
    };
    stack.resetCalls();
    const result = await stack.query(FilesByType, ids);
    expect(result.errors).toBeUndefined();
    const data = result.data!;
    expect(stack.calls()).toHaveLength(6);

    for (const [type, id] of Object.entries(ids)) {
      const stored = stack.emulator.store.files.get(id)!;
      const file = data[type as keyof typeof data]!;
      const summary = file.summary!;
      const props = stored.summary!.properties;
      expect(file.leafId).toBe(id);
      expect(file.fileName).toBe(stored.fileName);
      expect(file.fileFormat).toBe(stored.fileFormat);
      expect(file.provider).toBe(stored.provider);
      expect(file.leafUserId).toBe(USER);
      expect(file.fieldIds).toEqual(stored.fields);
      expect(file.downloadStandardGeojson).toBe(stored.downloadStandardGeojson);
      expect(summary.operationType).toBe(type);
      expect(summary.startTime).toBe(props.startTime);
      expect(summary.totalArea).toEqual(props.totalArea);
      expect(summary.totalDistance).toEqual(props.totalDistance);
      expect(summary.elevation).toEqual(props.elevation);
      expect(summary.crops).toEqual(props.crop ?? []);
      expect(summary.machinery).toEqual(((props.machinery as object[] | undefined) ?? []).map((m) => ({ serialNumber: null, ...m })));
      expect(summary.originalOperationType).toBe(props.originalOperationType);
      expect(summary.geometry).toEqual(stored.summary!.geometry);
    }

    const harvested = data.harvested!.summary!;
    const harvestedProps = stack.emulator.store.files.get(ids.harvested)!.summary!.properties;
    if (harvested.__typename !== 'HarvestedSummary') throw new Error(`expected HarvestedSummary, got ${harvested.__typename}`);
    expect(harvested.totalWetMass).toEqual(harvestedProps.totalWetMass);
    expect(harvested.totalDryMass).toEqual(harvestedProps.totalDryMass);
    expect(harvested.totalWetVolume).toEqual(harvestedProps.totalWetVolume);
    expect(harvested.totalDryVolume).toEqual(harvestedProps.totalDryVolume);
    expect(harvested.harvestMoisture).toEqual(harvestedProps.harvestMoisture);
    expect(harvested.dryMassPerArea).toEqual(harvestedProps.dryMassPerArea);
    expect(harvested.wetMass!.unit).toBe('lb');
    expect(harvested.dryVolumePerArea!.unit).toBe('bu/ac');
    expect(harvested.varieties.map((variety) => variety.name)).toEqual(
      (harvestedProps.varieties as { name: string }[]).map((variety) => variety.name),
    );
    expect(harvested.varieties[0]!.area).toEqual((harvestedProps.varieties as { area: unknown }[])[0]!.area);

    const planted = data.planted!.summary!;
    const plantedProps = stack.emulator.store.files.get(ids.planted)!.summary!.properties;
    if (planted.__typename !== 'PlantedSummary') throw new Error(`expected PlantedSummary, got ${planted.__typename}`);
    expect(planted.seedRate).toEqual(plantedProps.seedRate);
    expect(planted.totalPlanted).toEqual(plantedProps.totalPlanted);
    expect(planted.singulation!.unit).toBe('prcnt');
    expect(planted.downForce!.unit).toBe('lbf');
    const variety = (plantedProps.varieties as { name: string; rate: Record<string, number | string> }[])[0]!;
    expect(planted.varieties[0]!.name).toBe(variety.name);
    expect(planted.varieties[0]!.rateTarget).toEqual({
      avg: variety.rate.avgTarget,
      min: variety.rate.minTarget,
      max: variety.rate.maxTarget,
      unit: variety.rate.unit,
    });

    const applied = data.applied!.summary!;
    const appliedProps = stack.emulator.store.files.get(ids.applied)!.summary!.properties;
    if (applied.__typename !== 'AppliedSummary') throw new Error(`expected AppliedSummary, got ${applied.__typename}`);
    expect(applied.tankMix).toBe(true);
    expect(applied.appliedRate).toEqual(appliedProps.appliedRate);
    expect(applied.totalApplied).toEqual(appliedProps.totalApplied);
    expect(applied.products).toEqual(appliedProps.products);
    expect(applied.products.some((product) => product.type === 'Carrier')).toBe(true);

    const tillage = data.tillage!.summary!;
    const tillageProps = stack.emulator.store.files.get(ids.tillage)!.summary!.properties;
    if (tillage.__typename !== 'TillageSummary') throw new Error(`expected TillageSummary, got ${tillage.__typename}`);
    expect(tillage.tillType).toEqual(tillageProps.tillType);
    expect(tillage.tillageDepthTarget).toEqual(tillageProps.tillageDepthTarget);
    expect(tillage.tillageDepthActual).toEqual(tillageProps.tillageDepthActual);

    for (const type of ['irrigated', 'other'] as const) {
      const summary = data[type]!.summary!;
      if (summary.__typename !== 'OtherSummary') throw new Error(`expected OtherSummary, got ${summary.__typename}`);
      expect(summary.properties).toEqual(stack.emulator.store.files.get(ids[type])!.summary!.properties);
    }
  });

  it('ignores properties Leaf does not document, and keeps them in OtherSummary', async () => {
    const extras = filesOfUser().filter((file) => file.summary && 'leafInternalScore' in file.summary.properties);
    expect(extras.length).toBeGreaterThan(1);
    for (const file of extras) {
      const result = await stack.query(OneFile, { id: file.id });
      expect(result.errors).toBeUndefined();
      const summary = result.data!.file!.summary!;
      expect(summary.operationType).toBe(file.summary!.properties.operationType);
      if (summary.__typename === 'OtherSummary') expect(summary.properties.leafInternalScore).toBe(file.summary!.properties.leafInternalScore);
    }
  });

  it('fails only the fields Leaf sent unreadable values for (geometry, a measurement), keeping the rest', async () => {
    const stored = fileOfType('harvested');
    const summary = stored.summary!;
    stack.emulator.store.files.set(stored.id, {
      ...stored,
      summary: {
        ...summary,
        properties: { ...summary.properties, totalArea: 'a lot', crop: 'corn', machinery: { name: 'Lone combine' } },
        geometry: { type: 'MultiPolygon', coordinates: [[[[-89.8, 40.4], [-89.7, 40.5]]]] },
      },
    });
    try {
      const result = await stack.query(OneFile, { id: stored.id });
      expect(result.errors?.map((error) => error.extensions?.code)).toEqual(['UPSTREAM_ERROR', 'UPSTREAM_ERROR']);
      expect(result.errors!.map((error) => error.path).sort()).toEqual([
        ['file', 'summary', 'geometry'],
        ['file', 'summary', 'totalArea'],
      ]);
      const answer = result.data!.file!.summary!;
      expect(answer.geometry).toBeNull();
      expect(answer.totalArea).toBeNull();
      expect(answer.crops).toEqual(['corn']);
      expect(answer.machinery).toEqual([{ name: 'Lone combine', type: null, serialNumber: null, brand: null }]);
      expect(answer.totalDistance).toEqual(summary.properties.totalDistance);
    } finally {
      stack.emulator.store.files.set(stored.id, stored);
    }
  });

  it('answers null for a summary Leaf has not produced yet', async () => {
    const unprocessed = filesOfUser().find((file) => file.summary === null)!;
    const result = await stack.query(OneFile, { id: unprocessed.id });
    expect(result.errors).toBeUndefined();
    expect(result.data!.file).toMatchObject({ leafId: unprocessed.id, summary: null, downloadStandardGeojson: null });
  });

  it('answers null without an error for a file Leaf does not have', async () => {
    stack.resetCalls();
    const result = await stack.query(OneFile, { id: '0b6f4a3e-9d1c-4f2e-8a7b-5c3d2e1f0a9b' });
    expect(result.errors).toBeUndefined();
    expect(result.data!.file).toBeNull();
    expect(stack.calls().map((call) => call.status)).toEqual([404]);
  });

  it('refuses another token\'s file with FORBIDDEN, and an invalid id with BAD_USER_INPUT', async () => {
    const mine = filesOfUser()[0]!;
    const forbidden = await stack.query(OneFile, { id: mine.id }, { token: OTHER_TOKEN });
    expect(forbidden.data!.file).toBeNull();
    expect(forbidden.errors!.map((error) => error.extensions?.code)).toEqual(['FORBIDDEN']);
    const invalid = await stack.query(OneFile, { id: 'not/a/file' });
    expect(invalid.errors![0]!.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('fetches a file again by its global ID', async () => {
    const stored = filesOfUser()[5]!;
    const first = await stack.query(OneFile, { id: stored.id });
    const result = await stack.query(NodeFile, { id: first.data!.file!.id });
    expect(result.errors).toBeUndefined();
    expect(result.data!.node).toEqual({ id: first.data!.file!.id, leafId: stored.id, fileName: stored.fileName });
  });
});

describe('images', () => {
  it('are typed from Leaf\'s image JSON and fetched once per file, only when selected', async () => {
    const withLegend = filesOfUser().find((file) => stack.emulator.store.images.get(file.id)?.some((image) => image.legend))!;
    const stored = stack.emulator.store.images.get(withLegend.id)!;

    stack.resetCalls();
    await stack.query(FileWithoutImages, { id: withLegend.id });
    expect(upstreamPaths().some((path) => path.endsWith('/images'))).toBe(false);

    stack.resetCalls();
    const result = await stack.query(FileImages, { id: withLegend.id });
    expect(result.errors).toBeUndefined();
    expect(upstreamPaths().filter((path) => path.endsWith('/images'))).toHaveLength(1);
    expect(upstreamPaths()).toHaveLength(2);
    const images = result.data!.first!.images!.map((image) => image!);
    expect(result.data!.again!.images!.map((image) => image!.property)).toEqual(stored.map((image) => image.property));
    expect(images).toEqual(
      stored.map((image) => ({
        property: image.property,
        status: image.status ?? null,
        url: image.url ?? null,
        downloadUrl: image.downloadUrl ?? null,
        legend: image.legend ?? null,
        extent: image.extent ?? null,
      })),
    );
    expect(images.flatMap((image) => image.legend?.ranges ?? []).every((range) => /^#[0-9A-F]{6}$/i.test(range.colorCode))).toBe(true);
  });

  it('shows GeoTIFF images without a legend, and a file without images as an empty list', async () => {
    const geotiff = filesOfUser().find((file) => {
      const images = stack.emulator.store.images.get(file.id) ?? [];
      return images.length > 0 && images.every((image) => !image.legend);
    })!;
    const result = await stack.query(FileImages, { id: geotiff.id });
    expect(result.errors).toBeUndefined();
    for (const image of result.data!.first!.images!.map((each) => each!)) {
      expect(image.legend).toBeNull();
      expect(image.url).toMatch(/\.tif$/);
    }
    const none = filesOfUser().find((file) => (stack.emulator.store.images.get(file.id) ?? []).length === 0)!;
    const empty = await stack.query(FileImages, { id: none.id });
    expect(empty.data!.first!.images!).toEqual([]);
  });
});

describe('field operations', () => {
  it('answer times, type, providers, field coverage, files (batched) and the merged summary', async () => {
    const operations = [...stack.emulator.store.operations.values()].filter((operation) => operation.leafUserId === USER);
    const types = new Set(operations.map((operation) => operation.type));
    expect([...types].sort()).toEqual(['applied', 'harvested', 'irrigated', 'other', 'planted', 'tillage']);
    for (const type of types) {
      const operation = operations.find((candidate) => candidate.type === type)!;
      stack.resetCalls();
      const result = await stack.query(FieldOperationDetails, { id: operation.id });
      expect(result.errors).toBeUndefined();
      const answer = result.data!.fieldOperation!;
      expect(answer.leafId).toBe(operation.id);
      expect(answer.type).toBe(type);
      expect(answer.startTime).toBe(operation.startTime);
      expect(answer.endTime).toBe(operation.endTime);
      expect(answer.updatedTime).toBe(operation.updatedTime);
      expect(answer.leafUserId).toBe(USER);
      expect(answer.providers).toEqual(operation.providers);
      expect(answer.fields).toEqual(operation.fields.map((field) => ({ fieldId: field.id, coverage: field.coverage })));
      expect(answer.files.map((file) => file!.leafId)).toEqual(operation.files);
      expect(answer.files.every((file) => file!.summary?.operationType === type)).toBe(true);
      const merged = stack.emulator.store.operationSummaries.get(operation.id)!;
      expect(answer.summary!.operationType).toBe(type);
      expect(answer.summary!.totalArea).toEqual(merged.properties.totalArea);
      expect(answer.summary!.__typename).toBe(
        { harvested: 'HarvestedSummary', planted: 'PlantedSummary', applied: 'AppliedSummary', tillage: 'TillageSummary' }[
          type as string
        ] ?? 'OtherSummary',
      );
      // One call for the operation, one per file, one for the summary.
      expect(stack.calls()).toHaveLength(2 + operation.files.length);
    }
  });

  it('fetch the summary and files only when selected', async () => {
    const operation = [...stack.emulator.store.operations.values()].find((candidate) => candidate.leafUserId === USER)!;
    stack.resetCalls();
    const result = await stack.query(FieldOperationHeader, { id: operation.id });
    expect(result.data!.fieldOperation).toEqual({ leafId: operation.id, type: operation.type });
    expect(upstreamPaths()).toEqual([`/services/operations/api/operations/${operation.id}`]);
  });

  it('answer null for an operation Leaf does not have, and come back by global ID', async () => {
    const missing = await stack.query(FieldOperationHeader, { id: '7d3c2b1a-0f9e-4d8c-b7a6-958473625140' });
    expect(missing.errors).toBeUndefined();
    expect(missing.data!.fieldOperation).toBeNull();

    const operation = [...stack.emulator.store.operations.values()].find((candidate) => candidate.leafUserId === USER)!;
    const full = await stack.query(FieldOperationDetails, { id: operation.id });
    const node = await stack.query(NodeFile, { id: full.data!.fieldOperation!.id });
    expect(node.data!.node).toEqual({ id: full.data!.fieldOperation!.id, leafId: operation.id, type: operation.type });
  });
});

describe('unit conversion', () => {
  it('converts areas, distances, masses, volumes, speeds and rates to the unit asked for', async () => {
    const file = fileOfType('harvested', (candidate) => property(candidate.summary, 'speed') !== undefined);
    const result = await stack.query(Conversions, { id: file.id });
    expect(result.errors).toBeUndefined();
    const summary = result.data!.file!.summary!;
    if (!('totalWetMass' in summary)) throw new Error('expected a harvest');
    const area = summary.totalArea!.value; // m2
    expect(summary.totalArea!.unit).toBe('m2');
    expect(summary.ha).toEqual({ value: expect.closeTo(area / 10_000, 9), unit: 'ha' });
    expect(summary.ac).toEqual({ value: expect.closeTo(area / 4046.8564224, 9), unit: 'ac' });
    const feet = summary.totalDistance!.value;
    expect(summary.m!.value).toBeCloseTo(feet * 0.3048, 6);
    expect(summary.km!.value).toBeCloseTo((feet * 0.3048) / 1000, 9);
    expect(summary.mi!.value).toBeCloseTo(feet / 5280, 9);
    expect(summary.kmh).toEqual({
      avg: expect.closeTo(summary.speed!.avg! * 1.609344, 6),
      min: expect.closeTo(summary.speed!.min! * 1.609344, 6),
      max: expect.closeTo(summary.speed!.max! * 1.609344, 6),
      unit: 'km/h',
    });
    const pounds = summary.totalWetMass!.value;
    expect(summary.kg!.value).toBeCloseTo(pounds * 0.45359237, 6);
    expect(summary.t!.value).toBeCloseTo((pounds * 0.45359237) / 1000, 9);
    const bushels = summary.totalDryVolume!.value;
    expect(summary.litres!.value).toBeCloseTo(bushels * BUSHEL_LITRES, 6);
    expect(summary.gallons!.value).toBeCloseTo((bushels * BUSHEL_LITRES) / 3.785411784, 6);
    expect(summary.kgPerHa!.avg).toBeCloseTo(summary.dryMassPerArea!.avg! * 1.1208511531, 4);
    expect(summary.kgPerHa!.unit).toBe('kg/ha');
  });

  it('answers BAD_USER_INPUT for an impossible conversion, on that field only', async () => {
    const file = fileOfType('harvested');
    for (const unit of ['m', 'furlongs per fortnight', '5 kg', ' ']) {
      const result = await stack.query(ImpossibleConversion, { id: file.id, unit });
      expect(result.errors).toHaveLength(1);
      expect(result.errors![0]!.extensions?.code).toBe('BAD_USER_INPUT');
      expect(result.errors![0]!.path).toEqual(['file', 'summary', 'totalWetMass']);
      const summary = result.data!.file!.summary!;
      expect(summary.operationType).toBe('harvested');
      expect(summary.totalArea).toEqual(property(file.summary, 'totalArea'));
      expect('totalWetMass' in summary && summary.totalWetMass).toBeNull();
    }
    const same = await stack.query(ImpossibleConversion, { id: file.id, unit: 'lb' });
    expect(same.errors).toBeUndefined();
  });
});
