// A file's standard GeoJSON points as a map frontend reads them: typed points of each
// operation type, pages that walk the file exactly (and resume the upstream read instead of
// starting over), filters, units, and a points URL off the Leaf origin that is never called.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USER_IDS, LARGE_POINT_COUNT, OTHER_TOKEN, pointsOf, seedStore } from '../src/emulator/index.js';
import type { LeafFile } from '../src/emulator/index.js';
import { FILE_RECORD_MAX_AGE_MS } from '../src/leaf/points.js';
import { timestampOf } from '../src/schema/files/points.js';
import { unitConverter } from '../src/schema/units.js';
import { graphql } from './__generated__/index.js';
import type { FilePointsQueryVariables, MapPointsQuery } from './__generated__/graphql.js';
import { httpJson } from './support/http.js';
import { useStack, withStack } from './support/stack.js';

type Json = Record<string, unknown>;

const POINT_FIELDS = graphql(/* GraphQL */ `
  fragment PointFields on OperationPoint {
  __typename
  timestamp
  operationType
  geometry
  crop
  variety
  area { value unit }
  distance { value unit }
  heading
  speed { value unit }
  elevation { value unit }
  equipmentWidth { value unit }
  recordingStatus
  sectionId
  machinery
  ... on HarvestedPoint {
    harvestMoisture
    wetMass { value unit } wetVolume { value unit } wetMassPerArea { value unit } wetVolumePerArea { value unit }
    dryMass { value unit } dryVolume { value unit } dryMassPerArea { value unit } dryVolumePerArea { value unit }
  }
  ... on PlantedPoint {
    seedRate { value unit } seedRateTarget { value unit } seedDepth { value unit } downForce { value unit }
    singulation skips doubles
  }
  ... on AppliedPoint { appliedRate { value unit } appliedRateTarget { value unit } products { name rate { value unit } } }
  ... on TillagePoint { tillageDepthTarget { value unit } tillType }
  ... on OtherPoint { properties }
  }
`);

const FilePoints = graphql(/* GraphQL */ `
  query FilePoints($id: LeafId!, $first: Int, $after: String, $filter: PointFilter) {
    file(id: $id) {
      leafId
      points(first: $first, after: $after, filter: $filter) {
        totalCount
        pageInfo { hasNextPage hasPreviousPage endCursor }
        nodes { ...PointFields }
      }
    }
  }
`);

/** What a yield map draws: where, when, and the yield; cheap enough for pages of 1,000. */
const MapPoints = graphql(/* GraphQL */ `
  query MapPoints($id: LeafId!, $first: Int, $after: String, $filter: PointFilter) {
    file(id: $id) {
      points(first: $first, after: $after, filter: $filter) {
        totalCount
        pageInfo { hasNextPage hasPreviousPage endCursor }
        nodes { timestamp geometry recordingStatus ... on HarvestedPoint { wetMassPerArea { value } } }
      }
    }
  }
`);

const FirstThreePoints = graphql(/* GraphQL */ `
  query FirstThreePoints($id: LeafId!) { file(id: $id) { points(first: 3) { pageInfo { hasNextPage } nodes { timestamp } } } }
`);

const ConvertedPoint = graphql(/* GraphQL */ `
  query ConvertedPoint($id: LeafId!) {
    file(id: $id) {
      points(first: 1) {
        nodes {
          __typename
          area(unit: "ac") { value unit }
          speed(unit: "km/h") { value unit }
          ... on HarvestedPoint { wetMassPerArea(unit: "kg/ha") { value unit } }
        }
      }
    }
  }
`);

/** A unit of another dimension than the field's: refused for that field. */
const PointAreaInKilograms = graphql(/* GraphQL */ `
  query PointAreaInKilograms($id: LeafId!) { file(id: $id) { points(first: 1) { nodes { area(unit: "kg") { value } } } } }
`);

interface PointsPage {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; endCursor: string | null };
  nodes: Json[];
}


function processedFiles(type: string): LeafFile[] {
  return stack.emulator.store
    .filesOf(DEMO_USER_IDS.prairieFarms)
    .filter((file) => file.summary?.properties.operationType === type);
}

function pointsCalls(): number {
  return stack.calls().filter((call) => call.path.endsWith('/standardGeojson')).length;
}

/** One page of a file's points, each point as the plain object the assertions read. */
async function page(id: string, variables: Omit<FilePointsQueryVariables, 'id'> = {}, document: typeof FilePoints | typeof MapPoints = FilePoints): Promise<PointsPage> {
  const answer = await stack.query(document, { id, ...variables });
  expect(answer.errors).toBeUndefined();
  const points = answer.data!.file!.points!;
  return { ...points, nodes: points.nodes.map((node): Json => ({ ...node })) };
}
const stack = useStack();

describe('points of each operation type', () => {
  const TYPED = { harvested: 'HarvestedPoint', planted: 'PlantedPoint', applied: 'AppliedPoint', tillage: 'TillagePoint', irrigated: 'OtherPoint' };

  for (const [type, typename] of Object.entries(TYPED)) {
    it(`serves ${type} points as ${typename} under Leaf's property names`, async () => {
      const file = processedFiles(type)[0]!;
      const expected = pointsOf(stack.emulator.store, file);
      const points = await page(file.id, { first: 5 });
      expect(points.totalCount).toBe(expected.count);
      expect(points.nodes).toHaveLength(5);
      points.nodes.forEach((node, index) => {
        const leaf = expected.at(index) as { geometry: Json; properties: Json };
        const properties = leaf.properties;
        expect(node.__typename).toBe(typename);
        expect(node.operationType).toBe(type);
        expect(node.timestamp).toBe(properties.timestamp);
        expect(node.geometry).toEqual(leaf.geometry);
        expect(node.recordingStatus).toBe(properties.recordingStatus);
        expect(node.sectionId).toBe(properties.sectionId);
        expect(node.heading).toBe(properties.heading);
        expect(node.machinery).toEqual(properties.machinery);
        expect((node.area as Json).value).toBe(properties.area);
        expect((node.speed as Json).value).toBe(properties.speed);
        if (type === 'harvested') {
          expect(node.harvestMoisture).toBe(properties.harvestMoisture);
          expect(node.wetMassPerArea).toEqual({ value: properties.wetMassPerArea, unit: 'lb/ac' });
          expect(node.dryVolume).toEqual({ value: properties.dryVolume, unit: 'bu' });
          expect(node.variety).toBe(properties.variety);
        } else if (type === 'planted') {
          expect(node.seedRate).toEqual({ value: properties.seedRate, unit: 'seeds/ac' });
          expect(node.singulation).toBe(properties.singulation);
          expect(node.skips).toBe(properties.skips);
        } else if (type === 'applied') {
          expect(node.appliedRate).toEqual({ value: properties.appliedRate, unit: 'gal/ac' });
          const products = properties.products as { name: string; rate: { value: number } }[];
          expect((node.products as Json[]).map((product) => product.name)).toEqual(products.map((product) => product.name));
          expect((node.products as { rate: Json }[])[0]!.rate.value).toBe(products[0]!.rate.value);
        } else if (type === 'tillage') {
          expect(node.tillType).toEqual(properties.tillType);
          expect(node.tillageDepthTarget).toEqual({ value: properties.tillageDepthTarget, unit: 'in' });
        } else {
          expect(node.properties).toEqual(properties);
        }
      });
    });
  }

  it('keeps points inside the summary: time window, type and area adding up to totalArea', async () => {
    const file = processedFiles('harvested')[1]!;
    const summary = file.summary!.properties as Json;
    const expected = pointsOf(stack.emulator.store, file);
    expect(expected.at(0).properties).toMatchObject({ timestamp: summary.startTime, operationType: 'harvested' });
    expect((expected.at(expected.count - 1).properties as Json).timestamp).toBe(summary.endTime);
    let area = 0;
    for (let index = 0; index < expected.count; index++) area += (expected.at(index).properties as { area: number }).area;
    expect(area).toBeCloseTo((summary.totalArea as { value: number }).value, -1);
  });
});

describe('paging', () => {
  it('walks a whole file in pages of 250: the same points in the same order, from one upstream read', async () => {
    const file = processedFiles('planted')[1]!;
    const expected = pointsOf(stack.emulator.store, file);
    stack.resetCalls();
    const seen: Json[] = [];
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const points: PointsPage = await page(file.id, { first: 250, after }, MapPoints);
      seen.push(...points.nodes);
      pages += 1;
      expect(points.pageInfo.hasPreviousPage).toBe(after !== null);
      if (!points.pageInfo.hasNextPage) break;
      after = points.pageInfo.endCursor;
    }
    expect(pages).toBe(Math.ceil(expected.count / 250));
    expect(seen).toHaveLength(expected.count);
    seen.forEach((node, index) => {
      const leaf = expected.at(index) as { geometry: Json; properties: Json };
      expect([node.timestamp, node.geometry]).toEqual([leaf.properties.timestamp, leaf.geometry]);
    });
    // One read for the pages (each resumed where the last stopped), one to count them.
    expect(pointsCalls()).toBe(2);
  });

  it('pages up to 1,000 points, and refuses more with BAD_USER_INPUT', async () => {
    const file = processedFiles('harvested').find((candidate) => pointsOf(stack.emulator.store, candidate).count > 1000)!;
    const points = await page(file.id, { first: 1000 }, MapPoints);
    expect(points.nodes).toHaveLength(1000);
    expect(points.pageInfo.hasNextPage).toBe(true);
    const refused = await stack.query(MapPoints, { id: file.id, first: 1001 });
    expect(refused.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(refused.errors?.[0]?.message).toContain('between 0 and 1000');
  });

  it('refuses a cursor of another filter', async () => {
    const file = processedFiles('harvested')[0]!;
    const points = await page(file.id, { first: 2 });
    const refused = await stack.query(FilePoints, { id: file.id, first: 2, after: points.pageInfo.endCursor, filter: { recordingStatus: 'On' } });
    expect(refused.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('reads only up to the page asked for: a first page of a 500-point file stops early', async () => {
    const file = processedFiles('tillage').find((candidate) => pointsOf(stack.emulator.store, candidate).count > 500)!;
    const answer = await stack.query(FirstThreePoints, { id: file.id });
    expect(answer.data?.file?.points?.nodes).toHaveLength(3);
    expect(answer.data?.file?.points?.pageInfo).toEqual({ hasNextPage: true });
  });
});

const PointsAndFileName = graphql(/* GraphQL */ `
  query PointsAndFileName($id: LeafId!, $first: Int, $after: String) {
    file(id: $id) { fileName points(first: $first, after: $after) { pageInfo { hasNextPage endCursor } nodes { timestamp } } }
  }
`);

const CreatePointsUserMachine = graphql(/* GraphQL */ `
  mutation CreatePointsUserMachine($user: LeafId!, $input: CreateMachineInput!) { createMachine(leafUserId: $user, input: $input) { __typename } }
`);

describe('the file record of a resumed page', () => {
  const recordCalls = (id: string) => stack.calls().filter((call) => call.method === 'GET' && call.path.endsWith(`/files/${id}`)).length;
  const timestamps = (file: LeafFile, from: number, count: number) =>
    Array.from({ length: count }, (_, index) => (pointsOf(stack.emulator.store, file).at(from + index) as { properties: Json }).properties.timestamp);

  it('answers a page asking only for points from the record its cursor keeps: one GET /files/{id} for the whole walk', async () => {
    await withStack({}, async (fresh) => {
      const file = processedFiles('harvested').find((candidate) => pointsOf(stack.emulator.store, candidate).count > 1000)!;
      const expected = pointsOf(fresh.emulator.store, fresh.emulator.store.files.get(file.id)!);
      const seen: unknown[] = [];
      let after: string | null = null;
      for (;;) {
        const answer: { data?: MapPointsQuery | null; errors?: unknown } = await fresh.query(MapPoints, { id: file.id, first: 250, after });
        expect(answer.errors).toBeUndefined();
        const points = answer.data!.file!.points!;
        expect(points.totalCount).toBe(expected.count);
        seen.push(...points.nodes.map((node) => node?.timestamp));
        if (!points.pageInfo.hasNextPage) break;
        after = points.pageInfo.endCursor;
      }
      expect(seen).toEqual(Array.from({ length: expected.count }, (_, index) => (expected.at(index) as { properties: Json }).properties.timestamp));
      const calls = fresh.calls();
      expect(calls.filter((call) => call.path.endsWith(`/files/${file.id}`))).toHaveLength(1);
      // Still one read for the pages and one to count them.
      expect(calls.filter((call) => call.path.endsWith('/standardGeojson'))).toHaveLength(2);
    });
  });

  it('reads the record for a page that asks for more of the file, and after a write for its user, and never for another token', async () => {
    const file = processedFiles('planted').find((candidate) => pointsOf(stack.emulator.store, candidate).count > 1000)!;
    const first = await page(file.id, { first: 100 }, MapPoints);
    stack.resetCalls();

    // Only points: answered from the cursor's record, resumed where the first page stopped.
    const second = await page(file.id, { first: 100, after: first.pageInfo.endCursor }, MapPoints);
    expect(second.nodes.map((node) => node.timestamp)).toEqual(timestamps(file, 100, 100));
    expect(recordCalls(file.id)).toBe(0);

    // The file's name too: Leaf is asked for the record, and the points still resume.
    const named = await stack.query(PointsAndFileName, { id: file.id, first: 100, after: second.pageInfo.endCursor });
    expect(named.errors).toBeUndefined();
    expect(named.data!.file!.fileName).toBe(file.fileName);
    expect(named.data!.file!.points!.nodes.map((node) => node?.timestamp)).toEqual(timestamps(file, 200, 100));
    expect(recordCalls(file.id)).toBe(1);
    expect(pointsCalls()).toBe(0);

    // A write for the file's user makes what was read under the user stale, the kept record too.
    const created = await stack.query(CreatePointsUserMachine, { user: file.leafUserId, input: { name: 'Written between pages', make: 'Fendt', modelYear: 2021 } });
    expect(created.data?.createMachine.__typename).toBe('CreateMachineSuccess');
    stack.resetCalls();
    const afterWrite = await page(file.id, { first: 100, after: named.data!.file!.points!.pageInfo.endCursor }, MapPoints);
    expect(afterWrite.nodes.map((node) => node.timestamp)).toEqual(timestamps(file, 300, 100));
    expect(recordCalls(file.id)).toBe(1);

    // Another token resuming the same cursor string reads the record itself, and Leaf refuses it.
    stack.resetCalls();
    const other = await stack.query(MapPoints, { id: file.id, first: 100, after: afterWrite.pageInfo.endCursor }, { token: OTHER_TOKEN });
    expect(recordCalls(file.id)).toBe(1);
    expect(other.data?.file ?? null).toBeNull();
    expect(pointsCalls()).toBe(0);
  });

  it(`reads the record again once the kept one is ${FILE_RECORD_MAX_AGE_MS} ms old`, async () => {
    const file = processedFiles('applied').find((candidate) => pointsOf(stack.emulator.store, candidate).count > 1000)!;
    const first = await page(file.id, { first: 100 }, MapPoints);
    await new Promise((resolve) => setTimeout(resolve, FILE_RECORD_MAX_AGE_MS + 200));
    stack.resetCalls();
    const second = await page(file.id, { first: 100, after: first.pageInfo.endCursor }, MapPoints);
    expect(second.nodes.map((node) => node.timestamp)).toEqual(timestamps(file, 100, 100));
    expect(recordCalls(file.id)).toBe(1);
    expect(pointsCalls()).toBe(0);
  });
});

describe('timestamps', () => {
  it('sends a timestamp as it is only where a Date would print it unchanged', () => {
    const samples = [
      '2024-09-15T14:03:00.000Z', '2024-02-29T23:59:59.999Z', '2023-02-29T00:00:00.000Z', '2024-02-30T00:00:00.000Z',
      '2024-04-31T12:00:00.000Z', '1900-02-29T00:00:00.000Z', '2000-02-29T00:00:00.000Z', '0000-01-01T00:00:00.000Z',
      '2024-01-01T24:00:00.000Z', '2024-13-01T00:00:00.000Z', '2024-09-15T14:03:00Z', '2024-09-15T14:03:00.5+02:00',
      '2024-09-15', 'not a date', '',
    ];
    for (const sample of samples) {
      const date = new Date(sample);
      const printed = sample === '' || Number.isNaN(date.getTime()) ? null : date.toISOString();
      const sent = timestampOf(sample);
      expect(sent instanceof Date ? sent.toISOString() : sent, sample).toBe(printed);
      if (typeof sent === 'string') expect(sent).toBe(sample);
    }
    expect(timestampOf('2024-09-15T14:03:00.000Z')).toBe('2024-09-15T14:03:00.000Z');
    expect(timestampOf('2024-02-30T00:00:00.000Z')).toBeInstanceOf(Date);
  });
});

describe('filters', () => {
  it('filters by recordingStatus and time window, counting and paging the matches only', async () => {
    const file = processedFiles('applied')[0]!;
    const expected = pointsOf(stack.emulator.store, file);
    const all = Array.from({ length: expected.count }, (_, index) => expected.at(index).properties as { timestamp: string; recordingStatus: string });
    const after = all[Math.floor(all.length / 4)]!.timestamp;
    const before = all[Math.floor(all.length / 2)]!.timestamp;
    const matching = all.filter((point) => point.recordingStatus === 'Off' && point.timestamp > after && point.timestamp < before);
    expect(matching.length).toBeGreaterThan(3);
    const filter = { recordingStatus: 'Off', timestamp: { after, before } };
    const firstPage = await page(file.id, { first: 2, filter });
    expect(firstPage.totalCount).toBe(matching.length);
    const secondPage = await page(file.id, { first: 2, after: firstPage.pageInfo.endCursor, filter });
    expect([...firstPage.nodes, ...secondPage.nodes].map((node) => node.timestamp)).toEqual(matching.slice(0, 4).map((point) => point.timestamp));
    expect(secondPage.nodes.every((node) => node.recordingStatus === 'Off')).toBe(true);
  });
});

describe('units', () => {
  it('converts measured values with the same unit argument as the summaries', async () => {
    const file = processedFiles('harvested')[0]!;
    const leaf = pointsOf(stack.emulator.store, file).at(0).properties as { wetMassPerArea: number; area: number; speed: number };
    const answer = await stack.query(ConvertedPoint, { id: file.id });
    expect(answer.errors).toBeUndefined();
    const [node] = answer.data!.file!.points!.nodes;
    expect(node!.area).toEqual({ value: unitConverter('m2', 'ac')(leaf.area), unit: 'ac' });
    expect(node!.speed).toEqual({ value: unitConverter('mi/hr', 'km/h')(leaf.speed), unit: 'km/h' });
    expect(node!.__typename === 'HarvestedPoint' ? node!.wetMassPerArea?.value : undefined).toBeCloseTo(leaf.wetMassPerArea * 1.12085, 0);
  });

  it('answers a unit of another dimension with BAD_USER_INPUT', async () => {
    const file = processedFiles('harvested')[0]!;
    const answer = await stack.query(PointAreaInKilograms, { id: file.id });
    expect(answer.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('where the points are', () => {
  let elsewhere: Server;
  let elsewhereCalls = 0;

  beforeAll(async () => {
    elsewhere = createServer((_request, response) => {
      elsewhereCalls += 1;
      response.end('{"type":"FeatureCollection","features":[]}');
    });
    await new Promise<void>((resolve) => elsewhere.listen(0, '127.0.0.1', resolve));
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => elsewhere.close(() => resolve()));
  });

  it('refuses a points URL on another host without calling it, and keeps the rest of the file', async () => {
    const file = processedFiles('harvested')[2]!;
    const { port } = elsewhere.address() as AddressInfo;
    stack.emulator.store.files.set(file.id, { ...file, downloadStandardGeojson: `http://127.0.0.1:${port}/files/${file.id}/standardGeojson` });
    try {
      const answer = await stack.query(FilePoints, { id: file.id, first: 5 });
      expect(answer.data?.file?.leafId).toBe(file.id);
      expect(answer.data?.file?.points).toBeNull();
      expect(answer.errors?.[0]).toMatchObject({ path: ['file', 'points'], extensions: { code: 'UPSTREAM_ERROR' } });
      expect(answer.errors?.[0]?.message).toContain('not on the Leaf API origin');
      expect(elsewhereCalls).toBe(0);
    } finally {
      stack.emulator.store.files.set(file.id, file);
    }
  });

  it('answers null points for a file Leaf has not processed yet, without a points call', async () => {
    const file = stack.emulator.store.filesOf(DEMO_USER_IDS.prairieFarms).find((candidate) => candidate.summary === null)!;
    stack.resetCalls();
    const answer = await stack.query(FilePoints, { id: file.id });
    expect(answer.errors).toBeUndefined();
    expect(answer.data?.file?.points).toBeNull();
    expect(pointsCalls()).toBe(0);
  });
});

describe('a points read is an upstream call like any other', () => {
  it('retries a 503 on opening the stream, and the user sees the points', async () => {
    const file = processedFiles('harvested')[3]!;
    const expected = pointsOf(stack.emulator.store, file);
    const fault = stack.emulator.addFault({ method: 'GET', path: '/standardGeojson', status: 503, times: 1 });
    try {
      stack.resetCalls();
      const answer = await stack.query(FirstThreePoints, { id: file.id });
      expect(answer.errors).toBeUndefined();
      expect(answer.data?.file?.points?.nodes).toEqual([0, 1, 2].map((index) => ({ timestamp: (expected.at(index) as { properties: Json }).properties.timestamp })));
      const statuses = stack.calls().filter((call) => call.path.endsWith('/standardGeojson')).map((call) => call.status);
      expect(statuses).toEqual([503, 200]);
    } finally {
      fault();
    }
  });

  it('counts against MAX_UPSTREAM_CALLS: past the allowance the points are not read, and say why', async () => {
    const file = processedFiles('harvested')[3]!;
    await withStack({ env: { MAX_UPSTREAM_CALLS: '1' } }, async (capped) => {
      capped.resetCalls();
      const answer = await capped.query(FirstThreePoints, { id: file.id });
      // The file record was the one call allowed; the points stream would have been the second.
      expect(answer.data?.file?.points).toBeNull();
      expect(answer.errors?.[0]).toMatchObject({ path: ['file', 'points'], extensions: { code: 'QUERY_TOO_COMPLEX', limit: 'upstreamCalls' } });
      expect(capped.calls().map((call) => call.path)).toEqual([expect.not.stringMatching(/standardGeojson$/)]);
    });
  });

  it('parks its cursor on the points pool: with one record connection, the next record read still answers', async () => {
    const files = processedFiles('harvested').filter((candidate) => pointsOf(stack.emulator.store, candidate).count > 3).slice(0, 3);
    await withStack({ env: { LEAF_POOL_CONNECTIONS: '1', LEAF_TIMEOUT_MS: '2000' } }, async (narrow) => {
      // Each first page stops early, so each read parks a cursor holding an open stream.
      for (const file of files) {
        const answer = await narrow.query(FirstThreePoints, { id: file.id });
        expect(answer.data?.file?.points?.nodes).toHaveLength(3);
      }
      narrow.resetCalls();
      const record = await narrow.query(FilePoints, { id: files[0]!.id, first: 0 });
      expect(record.errors).toBeUndefined();
      expect(record.data?.file?.leafId).toBe(files[0]!.id);
    });
  });
});

describe('the emulator\'s points', () => {
  it('serves a file\'s points at the URL its record gives, to its owner only', async () => {
    const file = stack.emulator.store.files.get(processedFiles('harvested')[0]!.id)!;
    expect(file.downloadStandardGeojson).toBe(`${stack.emulator.url}/services/operations/api/files/${file.id}/standardGeojson`);
    const owner = await httpJson<{ type: string; features: Json[] }>(file.downloadStandardGeojson!, { token: stack.emulator.demoToken });
    const body = owner.body;
    expect(owner.status).toBe(200);
    expect(body.type).toBe('FeatureCollection');
    expect(body.features).toEqual(Array.from({ length: body.features.length }, (_, index) => pointsOf(stack.emulator.store, file).at(index)));
    expect((await httpJson(file.downloadStandardGeojson!, { token: OTHER_TOKEN })).status).toBe(403);
    expect((await httpJson(file.downloadStandardGeojson!)).status).toBe(401);
  });

  it('has one harvest of 500,000 points at the large scale', () => {
    const store = seedStore('large');
    const large = [...store.pointCounts.entries()];
    expect(large).toHaveLength(1);
    const [id, count] = large[0]!;
    expect(count).toBe(LARGE_POINT_COUNT);
    expect(store.files.get(id)?.summary?.properties.operationType).toBe('harvested');
  });
});
