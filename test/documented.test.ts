// The gateway against Leaf's own documented example bodies, served verbatim by the emulator
// under their own token (contract sections 8 and 10): every record and every documented value
// arrives exactly as Leaf sent it, every record refetches by node(id:) and by its lookup, and a
// failing field or mutation nulls nothing but itself.
import { describe, expect, it } from 'vitest';
import { DOCUMENTED, DOCUMENTED_TOKEN, DOCUMENTED_USER_ID } from '../src/emulator/index.js';
import { graphql } from './__generated__/index.js';
import { useStack, type GraphQLResponse } from './support/stack.js';

type Json = Record<string, unknown>;
const bodies = DOCUMENTED.bodies;
const parse = (text: string): unknown => JSON.parse(text) as unknown;

const stack = useStack();

// Documents stay text here: each is built from the documented field lists of its asset.
function ask<T = Json>(query: string, variables?: Json): Promise<GraphQLResponse<T>> {
  return stack.query<T>(query, variables, { token: DOCUMENTED_TOKEN });
}

function noInternalErrors(result: GraphQLResponse<unknown>): void {
  expect(JSON.stringify(result.errors ?? [])).not.toContain('INTERNAL_SERVER_ERROR');
}

/** A documented record as the GraphQL type shows it: Leaf's `id` is `leafId`, every other name is Leaf's. */
function asFields(record: Json, fields: readonly string[]): Json {
  return Object.fromEntries(fields.map((field) => [field, field === 'leafId' ? record.id : (record[field] ?? null)]));
}

const MACHINE_FIELDS = [
  'leafId',
  'leafUserId',
  'name',
  'provider',
  'providerMachineId',
  'providerOrganizationId',
  'originType',
  'createdTime',
  'serialNumber',
  'vin',
  'model',
  'make',
  'category',
  'modelYear',
] as const;
const IMPLEMENT_FIELDS = [
  'leafId',
  'leafUserId',
  'name',
  'provider',
  'providerImplementId',
  'providerOrganizationId',
  'originType',
  'serialNumber',
  'model',
  'make',
  'category',
] as const;
const OPERATOR_FIELDS = ['leafId', 'name', 'provider', 'providerOperatorId', 'providerOrganizationId', 'originType', 'license', 'updatedTime', 'status'] as const;

const ASSETS = [
  { list: 'machines', lookup: 'machine', fields: MACHINE_FIELDS, listed: bodies.MACHINES, single: [bodies.MACHINE, bodies.CREATED_MACHINE] },
  { list: 'implements', lookup: 'implement', fields: IMPLEMENT_FIELDS, listed: bodies.IMPLEMENTS, single: [bodies.IMPLEMENT] },
  { list: 'operators', lookup: 'operator', fields: OPERATOR_FIELDS, listed: bodies.OPERATORS, single: [bodies.OPERATOR] },
] as const;

describe("Leaf's documented asset examples", () => {
  for (const asset of ASSETS) {
    it(`${asset.list}: every record and value arrives exactly, under the path's user, and refetches by node(id:) and ${asset.lookup}(id:)`, async () => {
      const selection = `id ${asset.fields.join(' ')} leafUser { leafUserId }`;
      const listed = await ask<{ leafUser: { list: { totalCount: number; nodes: Json[] } } }>(
        `query ($user: LeafId!) { leafUser(id: $user) { list: ${asset.list}(first: 20) { totalCount nodes { ${selection} } } } }`,
        { user: DOCUMENTED_USER_ID },
      );
      expect(listed.errors).toBeUndefined();
      const documented = parse(asset.listed) as Json[];
      const nodes = listed.data!.leafUser.list.nodes;
      expect(listed.data!.leafUser.list.totalCount).toBe(documented.length);
      expect(nodes.map(({ id: _id, leafUser: _user, ...rest }) => rest)).toEqual(documented.map((record) => asFields(record, asset.fields)));
      // Navigation follows the path the record was read from, whatever the body's leafUserId says.
      expect(nodes.every((node) => (node.leafUser as Json).leafUserId === DOCUMENTED_USER_ID)).toBe(true);

      const records = [...documented, ...asset.single.map((text) => parse(text) as Json)];
      for (const record of records) {
        const expected = asFields(record, asset.fields);
        const looked = await ask<{ leafUser: { one: Json | null } }>(
          `query ($user: LeafId!, $id: LeafId!) { leafUser(id: $user) { one: ${asset.lookup}(id: $id) { ${selection} } } }`,
          { user: DOCUMENTED_USER_ID, id: record.id },
        );
        expect(looked.errors).toBeUndefined();
        const { id, leafUser: _user, ...fields } = looked.data!.leafUser.one!;
        expect(fields).toEqual(expected);
        const again = await ask<{ node: Json | null }>(`query ($id: ID!) { node(id: $id) { id ... on ${asset.fields === MACHINE_FIELDS ? 'Machine' : asset.fields === IMPLEMENT_FIELDS ? 'Implement' : 'Operator'} { ${asset.fields.join(' ')} } } }`, { id });
        expect(again.errors).toBeUndefined();
        expect(again.data!.node).toEqual({ id, ...expected });
      }
    });
  }

  it("machine files: the body's machineId is Leaf's, `machine` is the path's, and each link refetches by node(id:)", async () => {
    const [file] = parse(bodies.MACHINE_FILES) as Json[];
    const result = await ask<{ leafUser: { machine: { files: { nodes: Json[] } } } }>(
      `query ($user: LeafId!) { leafUser(id: $user) { machine(id: "e89b1861-bdbb-49b9-8e11-74840f7e1ea8") { files(first: 10) { nodes {
        id leafId machineId leafFileId startTime endTime distance { value unit } fuelConsumption { value unit } machine { leafId }
      } } } } }`,
      { user: DOCUMENTED_USER_ID },
    );
    expect(result.errors).toBeUndefined();
    const [link] = result.data!.leafUser.machine.files.nodes;
    const { id, ...fields } = link!;
    expect(fields).toEqual({
      leafId: file!.id,
      machineId: '98b244fc-7b2d-4acf-a51a-58d20ae27355',
      leafFileId: file!.leafFileId,
      startTime: file!.startTime,
      endTime: file!.endTime,
      distance: { value: 4152.255, unit: 'ft' },
      fuelConsumption: { value: 28.89, unit: 'US gal' },
      machine: { leafId: 'e89b1861-bdbb-49b9-8e11-74840f7e1ea8' },
    });
    const again = await ask<{ node: Json }>(`query ($id: ID!) { node(id: $id) { id ... on MachineFile { leafId machineId } } }`, { id });
    expect(again.errors).toBeUndefined();
    expect(again.data!.node).toEqual({ id, leafId: file!.id, machineId: '98b244fc-7b2d-4acf-a51a-58d20ae27355' });
  });
});

const FILE_SELECTION = `id leafId fileName fileFormat provider leafUserId apiOwnerUsername fieldIds downloadOriginalFile downloadStandardGeojson
  summary { __typename operationType startTime endTime crops properties geometry totalArea { value unit } totalDistance { value unit }
    elevation { avg min max unit } speed { avg min max unit } originalOperationType operationDescription
    ... on HarvestedSummary { harvestMoisture { avg min max unit } totalWetMass { value unit } varieties { name area { value unit } } }
    ... on PlantedSummary { seedRate { avg min max unit } singulation { avg unit } varieties { name rate { avg unit } rateTarget { avg min max unit } } }
    ... on AppliedSummary { appliedRate { avg unit } tankMix products { name type rate { value unit } totalApplied { value unit } } }
    ... on TillageSummary { tillType tillageDepthTarget { avg unit } tillageDepthActual { avg unit } } }
  images { property status url downloadUrl legend { ranges { colorCode min max } } extent { xMin xMax yMin yMax } }`;

const SUMMARY_TYPES: Record<string, string> = {
  harvested: 'HarvestedSummary',
  planted: 'PlantedSummary',
  applied: 'AppliedSummary',
  tillage: 'TillageSummary',
};

describe("Leaf's documented machine-data examples", () => {
  it('serves the file example with each of the four summaries, every value exactly, "url" as UPSTREAM_ERROR on that field alone', async () => {
    for (const fileId of DOCUMENTED.fileIds) {
      const body = parse(DOCUMENTED.fileBody(fileId)!) as Json;
      const summary = body.summary as { properties: Json; geometry: Json };
      const result = await ask<{ file: Json }>(`query ($id: LeafId!) { file(id: $id) { ${FILE_SELECTION} } }`, { id: fileId });
      noInternalErrors(result);
      // Leaf's "url" is not an absolute URL: null, with UPSTREAM_ERROR on exactly those two fields.
      expect(result.errors?.map((error) => [error.extensions?.code, error.path])).toEqual([
        ['UPSTREAM_ERROR', ['file', 'downloadOriginalFile']],
        ['UPSTREAM_ERROR', ['file', 'downloadStandardGeojson']],
      ]);
      const file = result.data!.file;
      expect(file).toMatchObject({
        leafId: fileId,
        fileName: 'testFile.zip',
        fileFormat: 'CN1',
        provider: 'providerName',
        leafUserId: '286eeb50-8e85-4e33-9f2d-1b9dcf0e56d7',
        apiOwnerUsername: 'test',
        fieldIds: ['696b5df6-e401-4d13-bafe-3d2689723254'],
        downloadOriginalFile: null,
        downloadStandardGeojson: null,
      });
      const answer = file.summary as Json;
      const properties = summary.properties;
      expect(answer.__typename).toBe(SUMMARY_TYPES[properties.operationType as string]);
      expect(answer.properties).toEqual(properties);
      expect(answer.geometry).toEqual(summary.geometry);
      expect(answer.startTime).toBe(properties.startTime);
      expect(answer.endTime).toBe(properties.endTime);
      expect(answer.crops).toEqual(properties.crop ?? []);
      expect(answer.totalArea).toEqual(properties.totalArea);
      expect(answer.elevation).toEqual(properties.elevation);
      for (const typed of ['harvestMoisture', 'totalWetMass', 'seedRate', 'tillageDepthTarget', 'tillageDepthActual', 'tillType', 'tankMix']) {
        if (typed in answer) {
          const sent = properties[typed];
          const got = answer[typed];
          expect(typeof sent === 'object' && sent !== null && !Array.isArray(sent) ? expect.objectContaining(got as Json) : got).toEqual(sent);
        }
      }
      if (properties.operationType === 'applied') {
        expect((answer.products as Json[]).map((product) => product.rate)).toEqual([
          { value: 3.4, unit: 'floz/ac' },
          { value: 15, unit: 'gal/ac' },
        ]);
      }
      if (properties.operationType === 'planted') {
        expect((answer.varieties as Json[])[0]!.rateTarget).toEqual({ avg: 32890.79, min: 32000, max: 33000, unit: 'seeds/ac' });
        expect(answer.singulation).toEqual({ avg: 99.62, unit: 'prcnt' });
      }

      const images = parse(fileId === DOCUMENTED.fileIds[0] ? bodies.V2_IMAGES : bodies.GEOTIFF_IMAGES) as Json[];
      expect(file.images).toEqual(
        images.map((image) => ({
          property: image.property,
          status: image.status ?? null,
          url: image.url,
          downloadUrl: image.downloadUrl,
          legend: image.legend ?? null,
          extent: image.extent ?? null,
        })),
      );

      const again = await ask<{ node: Json }>(`query ($id: ID!) { node(id: $id) { id ... on LeafFile { leafId fileName } } }`, { id: file.id });
      expect(again.data!.node).toEqual({ id: file.id, leafId: fileId, fileName: 'testFile.zip' });
    }
  });

  it('reads the field operation exactly (`uuid` ids, +00:00 offsets), its files in order, its summary, and refetches it', async () => {
    const operation = parse(bodies.FIELD_OPERATION) as Json;
    const result = await ask<{ fieldOperation: Json }>(`{ fieldOperation(id: "uuid") {
      id leafId type startTime endTime updatedTime leafUserId apiOwnerUsername providers fields { fieldId coverage }
      files { leafId summary { operationType } } summary { operationType properties }
    } }`);
    noInternalErrors(result);
    expect(result.errors).toBeUndefined();
    const answer = result.data!.fieldOperation;
    expect(answer).toMatchObject({
      leafId: 'uuid',
      type: 'harvested',
      startTime: '2016-09-19T18:30:51.640+00:00',
      endTime: '2016-09-21T21:48:25.000+00:00',
      updatedTime: '2023-04-15T12:00:00.000+00:00',
      leafUserId: 'uuid',
      apiOwnerUsername: 'leaf@withleaf.io',
      providers: ['JohnDeere'],
      fields: [{ fieldId: 'uuid', coverage: 0.95 }],
      files: [
        { leafId: 'uuid-1', summary: { operationType: 'planted' } },
        { leafId: 'uuid-2', summary: { operationType: 'applied' } },
        { leafId: 'uuid-3', summary: { operationType: 'tillage' } },
      ],
      summary: { operationType: 'harvested', properties: (parse(bodies.HARVESTED_SUMMARY) as Json).properties },
    });
    expect(answer.fields).toEqual((operation.fields as Json[]).map((field) => ({ fieldId: field.id, coverage: field.coverage })));
    const again = await ask<{ node: Json }>(`query ($id: ID!) { node(id: $id) { id ... on FieldOperation { leafId type } } }`, { id: answer.id });
    expect(again.data!.node).toEqual({ id: answer.id, leafId: 'uuid', type: 'harvested' });
  });
});

describe("Leaf's documented units", () => {
  it('converts prcnt to % and percentage, mi/hr to mph, m2 to ft2, US gal to gal, floz/ac to gal/ac', async () => {
    const result = await ask<Json>(`{
      planted: file(id: "uuid-1") { summary { speed(unit: "mph") { avg unit } ... on PlantedSummary { singulation(unit: "%") { avg unit } percentage: singulation(unit: "percentage") { avg unit } } } }
      harvested: file(id: "${DOCUMENTED.fileIds[0]}") { summary { totalArea(unit: "ft2") { value unit } ... on HarvestedSummary { harvestMoisture(unit: "prcnt") { avg unit } } } }
      applied: file(id: "uuid-2") { summary { ... on AppliedSummary { products { rate(unit: "gal/ac") { value unit } } } } }
      leafUser(id: "${DOCUMENTED_USER_ID}") { machine(id: "e89b1861-bdbb-49b9-8e11-74840f7e1ea8") { files(first: 1) { nodes { fuelConsumption(unit: "gal") { value unit } } } } }
    }`);
    expect(result.errors).toBeUndefined();
    const data = result.data as Record<string, Record<string, Record<string, unknown>>>;
    expect(data.planted!.summary).toEqual({
      speed: { avg: 3.91, unit: 'mph' },
      singulation: { avg: 99.62, unit: '%' },
      percentage: { avg: 99.62, unit: 'percentage' },
    });
    expect(data.harvested!.summary).toEqual({ totalArea: { value: 268699.926289, unit: 'ft2' }, harvestMoisture: { avg: 18.22, unit: 'prcnt' } });
    expect(data.applied!.summary).toEqual({ products: [{ rate: { value: 0.0265625, unit: 'gal/ac' } }, { rate: { value: 15, unit: 'gal/ac' } }] });
    expect(JSON.stringify(data.leafUser)).toContain('{"value":28.89,"unit":"gal"}');
  });
});

describe('one failure nulls only its own field', () => {
  it('a FORBIDDEN leafUser.machines leaves a sibling root field (file) intact', async () => {
    const result = await ask<{ leafUser: { machines: unknown }; file: { provider: string } }>(`{
      leafUser(id: "325f5ac0-6c57-4b4a-bdea-490ccddb06c4") { leafUserId machines(first: 1) { nodes { name } } }
      file(id: "${DOCUMENTED.fileIds[0]}") { provider }
    }`);
    expect(result.errors?.map((error) => [error.extensions?.code, error.path])).toEqual([['FORBIDDEN', ['leafUser', 'machines']]]);
    expect(result.data).toEqual({
      leafUser: { leafUserId: '325f5ac0-6c57-4b4a-bdea-490ccddb06c4', machines: null },
      file: { provider: 'providerName' },
    });
  });

  it("a file of a field operation Leaf cannot send is null in its place, Leaf's order kept; failing images null only images", async () => {
    const failing = stack.emulator.addFault({ path: /\/files\/uuid-2$/, status: 500 });
    const gone = stack.emulator.addFault({ path: /\/files\/uuid-3$/, status: 404 });
    const noImages = stack.emulator.addFault({ path: /\/files\/uuid-1\/images$/, status: 503 });
    try {
      const result = await ask<{ fieldOperation: { files: (Json | null)[] } }>(
        `{ fieldOperation(id: "uuid") { leafId files { leafId images { property } } } }`,
      );
      noInternalErrors(result);
      expect(result.data!.fieldOperation).toEqual({ leafId: 'uuid', files: [{ leafId: 'uuid-1', images: null }, null, null] });
      expect(result.errors?.map((error) => [error.extensions?.code, error.path]).sort()).toEqual([
        ['UPSTREAM_ERROR', ['fieldOperation', 'files', 0, 'images']],
        ['UPSTREAM_ERROR', ['fieldOperation', 'files', 1]],
      ]);
    } finally {
      failing();
      gone();
      noImages();
    }
  });

  it('a mutation refused upstream answers its typed member while its sibling mutation answers too', async () => {
    const result = await ask<{ refused: Json; created: Json }>(`mutation {
      refused: createMachine(leafUserId: "325f5ac0-6c57-4b4a-bdea-490ccddb06c4", input: { name: "nameTest" }) { __typename ... on Error { message } }
      created: createMachine(leafUserId: "${DOCUMENTED_USER_ID}", input: { name: "nameTest" }) {
        __typename ... on CreateMachineSuccess { machine { leafId leafUserId name originType leafUser { leafUserId } } }
      }
    }`);
    expect(result.errors).toBeUndefined();
    expect(result.data!.refused).toEqual({ __typename: 'ForbiddenError', message: expect.stringMatching(/Nothing was changed/) });
    expect(result.data!.created).toEqual({
      __typename: 'CreateMachineSuccess',
      machine: {
        leafId: 'd5efe8a1-98be-40db-b2b2-2da332e8f69c',
        leafUserId: '9e081c9d-6185-49e1-8df7-7788d6aa1211',
        name: 'nameTest',
        originType: 'USER_CREATED',
        leafUser: { leafUserId: DOCUMENTED_USER_ID },
      },
    });
  });

  it('RATE_LIMITED answers RateLimitedError with the retry hint; UNAUTHENTICATED answers UnauthenticatedError', async () => {
    const limited = stack.emulator.addFault({ method: 'POST', path: '/machines', status: 429, retryAfter: 7, times: 1 });
    try {
      const result = await ask<{ limited: Json; updated: Json }>(`mutation ($id: ID!) {
        limited: createMachine(leafUserId: "${DOCUMENTED_USER_ID}", input: { name: "x" }) {
          __typename ... on RateLimitedError { message retryAfterSeconds }
        }
        updated: updateMachine(id: $id, input: { name: "updatedName" }) { __typename ... on UpdateMachineSuccess { machine { name } } }
      }`, { id: await createdMachineId() });
      expect(result.errors).toBeUndefined();
      expect(result.data!.limited).toEqual({ __typename: 'RateLimitedError', message: expect.stringMatching(/rate limiting/), retryAfterSeconds: 7 });
      expect(result.data!.updated).toEqual({ __typename: 'UpdateMachineSuccess', machine: { name: 'updatedName' } });
    } finally {
      limited();
    }
    const refused = await stack.query(DELETE_MACHINE, { id: await createdMachineId() }, { token: 'a-token-leaf-does-not-know' });
    expect(refused.errors).toBeUndefined();
    expect(refused.data!.deleteMachine.__typename).toBe('UnauthenticatedError');
  });
});

const DELETE_MACHINE = graphql(/* GraphQL */ `
  mutation DocumentedDeleteMachine($id: ID!) { deleteMachine(id: $id) { __typename ... on Error { message } } }
`);

const MACHINE_GLOBAL_ID = graphql(/* GraphQL */ `
  query DocumentedMachineGlobalId($user: LeafId!, $id: LeafId!) { leafUser(id: $user) { machine(id: $id) { id } } }
`);

async function createdMachineId(): Promise<string> {
  const result = await stack.query(MACHINE_GLOBAL_ID, { user: DOCUMENTED_USER_ID, id: DOCUMENTED.userCreatedMachineId }, { token: DOCUMENTED_TOKEN });
  return result.data!.leafUser!.machine!.id;
}
