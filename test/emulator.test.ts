// The embedded Leaf emulator over real HTTP: what a gateway (or a person with curl) sees.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USER_IDS, DEMO_USER_SIZE, FIXED_SHAPES, LARGE_POINT_COUNT, startEmulator, type Emulator } from '../src/emulator/index.js';
import { seedStore } from '../src/emulator/seed.js';
import { BENCH_PROFILE } from '../src/emulator/seed-tables.js';
import { OPERATION_TYPES } from '../src/emulator/summaries.js';
import type {
  LeafFieldOperation,
  LeafFile,
  LeafImage,
  LeafImplement,
  LeafMachine,
  LeafMachineFile,
  LeafOperator,
  LeafSummary,
} from '../src/emulator/index.js';
import { httpJson, type RequestOptions } from './support/http.js';
import { expectLeafProblem, queryString } from './support/leaf-http.js';
import { until } from './support/wait.js';

const USER = DEMO_USER_IDS.prairieFarms;
const OTHER_USER = DEMO_USER_IDS.otherFarm;
const ASSETS = '/services/beta/api';
const OPERATIONS = '/services/operations/api';
const UNKNOWN_ID = '0f0f0f0f-0f0f-4f0f-8f0f-0f0f0f0f0f0f';

let emulator: Emulator;

beforeAll(async () => {
  emulator = await startEmulator();
});

afterAll(async () => {
  await emulator?.close();
});

function get<T>(path: string, options: RequestOptions = {}) {
  return httpJson<T>(`${emulator.url}${path}`, { token: emulator.demoToken, ...options });
}

const ids = (records: { id: string }[]): string[] => records.map((record) => record.id);

type SortValue = string | number | null | undefined;

/** An independent statement of Leaf's order: nulls last ascending, first descending, ties by id. */
function expectedOrder<T extends { id: string }>(records: T[], keys: [(record: T) => SortValue, 'asc' | 'desc'][]): string[] {
  const compare = (a: SortValue, b: SortValue): number => {
    if (a == null || b == null) return a == null && b == null ? 0 : a == null ? 1 : -1;
    if (typeof a === 'number' && typeof b === 'number') return a - b;
    return a < b ? -1 : a > b ? 1 : 0;
  };
  return [...records]
    .sort((x, y) => {
      for (const [getValue, direction] of keys) {
        const order = compare(getValue(x), getValue(y));
        if (order !== 0) return direction === 'desc' ? -order : order;
      }
      return x.id < y.id ? -1 : 1;
    })
    .map((record) => record.id);
}

async function allPages<T extends { id: string }>(path: string, size: number, extra: [string, string][] = []): Promise<string[]> {
  const collected: string[] = [];
  for (let page = 0; page < 200; page++) {
    const answer = await get<T[]>(`${path}${queryString([...extra, ['page', page], ['size', size]])}`);
    expect(answer.status).toBe(200);
    if (answer.body.length === 0) return collected;
    expect(answer.body.length).toBeLessThanOrEqual(size);
    collected.push(...ids(answer.body));
  }
  throw new Error('paging never ended');
}

describe('seeded data', () => {
  it('is deterministic: two seeds of one scale give the same ids and values', () => {
    const a = seedStore('demo');
    const b = seedStore('demo');
    expect(JSON.stringify([...a.machines.values()])).toBe(JSON.stringify([...b.machines.values()]));
    expect(JSON.stringify([...a.files.values()])).toBe(JSON.stringify([...b.files.values()]));
    expect([...a.operations.keys()]).toEqual([...b.operations.keys()]);
  });

  it('gives demo-token two users and other-token a third, each with the documented volumes', () => {
    expect(emulator.demoToken).toBe('demo-token');
    expect(emulator.tokens).toEqual([
      { token: 'demo-token', leafUserIds: [DEMO_USER_IDS.prairieFarms, DEMO_USER_IDS.riverBend] },
      { token: 'other-token', leafUserIds: [DEMO_USER_IDS.otherFarm] },
    ]);
    expect(emulator.users).toHaveLength(3);
    for (const user of emulator.users) {
      expect(user.machines).toBe(DEMO_USER_SIZE.machines);
      expect(user.implements).toBe(DEMO_USER_SIZE.implements);
      expect(user.operators).toBe(DEMO_USER_SIZE.operators);
      expect(user.machineFiles).toBeGreaterThanOrEqual(120);
      const store = emulator.store;
      expect(store.filesOf(user.leafUserId)).toHaveLength(DEMO_USER_SIZE.files);
      expect(store.operationsOf(user.leafUserId).length).toBeGreaterThanOrEqual(15);
      const machines = store.machinesOf(user.leafUserId);
      expect(machines.filter((m) => m.originType === 'USER_CREATED').length).toBeGreaterThanOrEqual(5);
      const linkCounts = machines.map((machine) => store.linksOf(machine.id).length);
      expect(Math.max(...linkCounts)).toBe(FIXED_SHAPES.mostLinks);
      expect(linkCounts).toContain(0);
    }
  });

  it('covers every origin type, provider and operation type, with nulls and both distance units', () => {
    const store = emulator.store;
    const machines = store.machinesOf(USER);
    expect(new Set(machines.map((m) => m.originType))).toEqual(new Set(['USER_CREATED', 'FILE_POOLED', 'PROVIDER_POOLED']));
    for (const provider of ['JohnDeere', 'CNHi', 'Stara', 'Trimble', 'Leaf']) expect(machines.some((m) => m.provider === provider)).toBe(true);
    for (const key of ['name', 'serialNumber', 'vin', 'modelYear', 'createdTime', 'updatedTime', 'model', 'make', 'category'] as const) {
      expect(machines.some((m) => m[key] === null), key).toBe(true);
    }
    expect(new Set(store.implementsOf(USER).map((i) => i.provider))).toEqual(new Set(['JohnDeere', 'Trimble']));
    expect(new Set(store.operatorsOf(USER).map((o) => o.provider))).toEqual(new Set(['JohnDeere']));
    expect(store.operatorsOf(USER).some((o) => o.license === null)).toBe(true);
    const links = store.linksOfUser(USER);
    expect(new Set(links.map((l) => l.distance?.unit ?? null))).toEqual(new Set(['ft', 'mi', null]));
    expect(links.some((l) => l.fuelConsumption === null)).toBe(true);
    expect(links.some((l) => l.createdTime === null)).toBe(true);
    const files = store.filesOf(USER);
    expect(new Set(files.map((f) => f.summary?.properties.operationType ?? null))).toEqual(new Set([...OPERATION_TYPES, null]));
    expect(new Set(files.map((f) => f.origin))).toEqual(new Set(['provider', 'merged', 'uploaded', 'automerged']));
    const years = new Set(links.flatMap((l) => (l.startTime ? [l.startTime.slice(0, 4)] : [])));
    expect([...years].sort()).toEqual(['2019', '2020', '2021', '2022', '2023', '2024', '2025']);
    // Several machines share a file, so a gateway must batch file lookups by id.
    const linkCounts = new Map<string, number>();
    for (const link of links) linkCounts.set(link.leafFileId, (linkCounts.get(link.leafFileId) ?? 0) + 1);
    const [firstSharing, lastSharing] = FIXED_SHAPES.machinesSharingFirstFile;
    expect(Math.max(...linkCounts.values())).toBeGreaterThanOrEqual(lastSharing - firstSharing + 1);
    for (const link of links) expect(store.files.get(link.leafFileId)?.leafUserId).toBe(USER);
  });

  it('seeds the large scale with the benchmark user, leaving its big yield map’s points to be made on request', () => {
    const store = seedStore('large');
    // Seeding is bounded by the records it holds: the 500,000-point file is a count, its
    // points are generated only as a client streams them (src/emulator/points.ts).
    expect([...store.pointCounts.values()]).toEqual([LARGE_POINT_COUNT]);
    expect(store.tokens.find((t) => t.token === 'bench-token')?.leafUserIds).toEqual([DEMO_USER_IDS.bench]);
    const bench = DEMO_USER_IDS.bench;
    expect(store.machinesOf(bench)).toHaveLength(BENCH_PROFILE.machines);
    expect(store.linksOfUser(bench).length).toBeGreaterThanOrEqual(10_000);
    expect(store.filesOf(bench)).toHaveLength(BENCH_PROFILE.files);
    expect(store.implementsOf(bench)).toHaveLength(BENCH_PROFILE.implements);
    expect(store.operatorsOf(bench)).toHaveLength(BENCH_PROFILE.operators);
    // Nothing else is seeded: the three demo users and the benchmark user, each at its size.
    const demoUsers = [DEMO_USER_IDS.prairieFarms, DEMO_USER_IDS.riverBend, DEMO_USER_IDS.otherFarm];
    expect(store.machines.size).toBe(demoUsers.length * DEMO_USER_SIZE.machines + BENCH_PROFILE.machines);
    expect(store.files.size).toBe(demoUsers.length * DEMO_USER_SIZE.files + BENCH_PROFILE.files);
    expect(store.operationsOf(bench).length).toBeGreaterThanOrEqual(250);
    expect(store.operationsOf(bench).length).toBeLessThanOrEqual(350);
    const files = store.filesOf(bench);
    expect(new Set(files.map((f) => f.origin)).size).toBe(4);
    expect(new Set(files.map((f) => f.summary?.properties.operationType)).size).toBe(OPERATION_TYPES.length + 1);
    expect(new Set(store.machinesOf(bench).map((m) => m.provider)).size).toBeGreaterThanOrEqual(5);
    // Demo users are the same at every scale.
    expect(ids(store.machinesOf(USER))).toEqual(ids(emulator.store.machinesOf(USER)));
  });
});

describe('list paging', () => {
  const machinesPath = `${ASSETS}/users/${USER}/machines`;

  it('answers a bare array of 20 by default, ordered by id', async () => {
    for (const path of [machinesPath, `${ASSETS}/users/${USER}/implements`]) {
      const answer = await get<{ id: string }[]>(path);
      expect(answer.status).toBe(200);
      expect(answer.headers.get('content-type')).toMatch(/^application\/json/);
      expect(Array.isArray(answer.body)).toBe(true);
      expect(answer.body).toHaveLength(20);
      expect(ids(answer.body)).toEqual([...ids(answer.body)].sort());
    }
    const operators = await get<LeafOperator[]>(`${ASSETS}/users/${USER}/operators`);
    expect(operators.body).toHaveLength(DEMO_USER_SIZE.operators);
    expect(operators.body.every((o) => o.provider === 'JohnDeere')).toBe(true);
  });

  it('concatenating pages of any size gives the same ordered list', async () => {
    const sort: [string, string][] = [
      ['sort', 'make,asc'],
      ['sort', 'modelYear,desc'],
    ];
    const whole = await get<LeafMachine[]>(`${machinesPath}${queryString([...sort, ['size', 100]])}`);
    const count = DEMO_USER_SIZE.machines;
    expect(whole.body).toHaveLength(count);
    for (const size of [1, 7, 20, count - 1, count, 100]) {
      expect(await allPages<LeafMachine>(machinesPath, size, sort)).toEqual(ids(whole.body));
    }
    const operators = await get<LeafOperator[]>(`${ASSETS}/users/${USER}/operators?size=100`);
    expect(await allPages<LeafOperator>(`${ASSETS}/users/${USER}/operators`, 5)).toEqual(ids(operators.body));
  });

  it('page p of size s is items [p*s, p*s+s); past the end is []', async () => {
    const whole = await get<LeafMachine[]>(`${machinesPath}?size=100`);
    const page = await get<LeafMachine[]>(`${machinesPath}?page=2&size=7`);
    expect(ids(page.body)).toEqual(ids(whole.body).slice(14, 21));
    // The last page of 10 holds what is left of the user's machines.
    const lastPage = Math.floor((DEMO_USER_SIZE.machines - 1) / 10);
    const last = await get<LeafMachine[]>(`${machinesPath}?page=${lastPage}&size=10`);
    expect(ids(last.body)).toEqual(ids(whole.body).slice(lastPage * 10, DEMO_USER_SIZE.machines));
    const past = await get<LeafMachine[]>(`${machinesPath}?page=${lastPage + 1}&size=10`);
    expect(past.status).toBe(200);
    expect(past.body).toEqual([]);
  });

  it.each([
    ['size', '0'],
    ['size', '101'],
    ['size', 'ten'],
    ['size', '1.5'],
    ['page', '-1'],
    ['page', 'abc'],
  ])('rejects %s=%s with a Leaf-style 400', async (param, value) => {
    const answer = await get(`${machinesPath}?${param}=${value}`);
    expect(expectLeafProblem(answer, 400, machinesPath)).toContain(param);
    expect((answer.body as { title: string }).title).toBe('Bad Request');
  });

  it('accepts the limits: size=1 and size=100', async () => {
    expect((await get<unknown[]>(`${machinesPath}?size=1`)).body).toHaveLength(1);
    expect((await get<unknown[]>(`${machinesPath}?size=100`)).body).toHaveLength(DEMO_USER_SIZE.machines);
  });
});

type Filter<T> = { param: string; value: string; expected: (record: T) => boolean; extra?: [string, string][] };

/** Checks the emulator returns exactly the records the predicate selects, and that it selects some but not all. */
async function expectFilter<T extends { id: string }>(path: string, records: T[], filter: Filter<T>): Promise<void> {
  const expected = records.filter(filter.expected);
  expect(expected.length, `${filter.param} selects something`).toBeGreaterThan(0);
  expect(expected.length, `${filter.param} excludes something`).toBeLessThan(records.length);
  const answer = await get<T[]>(`${path}${queryString([[filter.param, filter.value], ...(filter.extra ?? []), ['size', 100]])}`);
  expect(answer.status, `${filter.param}=${filter.value}`).toBe(200);
  expect(ids(answer.body).sort(), `${filter.param}=${filter.value}`).toEqual(ids(expected).sort());
}

const ms = (value: string | null | undefined): number | null => (value ? Date.parse(value) : null);

/** A time in the middle of the records' non-null values, so before/after both select some. */
function middleTime(values: (string | null | undefined)[]): string {
  const sorted = values.filter((v): v is string => typeof v === 'string').sort();
  const middle = sorted[Math.floor(sorted.length / 2)];
  if (!middle) throw new Error('no times to choose from');
  return middle;
}

/** The same instant written with a +02:00 offset, to prove filters compare instants, not text. */
function withOffset(iso: string): string {
  const shifted = new Date(Date.parse(iso) + 2 * 3_600_000).toISOString();
  return shifted.replace('Z', '+02:00');
}

describe('machine filters', () => {
  const path = `${ASSETS}/users/${USER}/machines`;
  const machines = (): LeafMachine[] => emulator.store.machinesOf(USER);

  it('filters on every documented string field by exact match', async () => {
    const all = machines();
    const sample = all.find((m) => m.name && m.serialNumber && m.vin && m.providerOrganizationId && m.originType === 'PROVIDER_POOLED');
    if (!sample) throw new Error('no fully populated machine');
    const filters: Filter<LeafMachine>[] = [
      { param: 'name', value: sample.name ?? '', expected: (m) => m.name === sample.name },
      { param: 'provider', value: 'Stara', expected: (m) => m.provider === 'Stara' },
      { param: 'providerOrganizationId', value: sample.providerOrganizationId ?? '', expected: (m) => m.providerOrganizationId === sample.providerOrganizationId },
      { param: 'providerMachineId', value: sample.providerMachineId ?? '', expected: (m) => m.providerMachineId === sample.providerMachineId },
      { param: 'serialNumber', value: sample.serialNumber ?? '', expected: (m) => m.serialNumber === sample.serialNumber },
      { param: 'vin', value: sample.vin ?? '', expected: (m) => m.vin === sample.vin },
      { param: 'originType', value: 'USER_CREATED', expected: (m) => m.originType === 'USER_CREATED' },
      { param: 'originType', value: 'FILE_POOLED', expected: (m) => m.originType === 'FILE_POOLED' },
    ];
    for (const filter of filters) await expectFilter(path, all, filter);
    const none = await get<LeafMachine[]>(`${path}?name=${encodeURIComponent((sample.name ?? '').toLowerCase())}`);
    expect(none.body).toEqual([]);
  });

  it('filters on creation and update times: exact instants, strictly before and after', async () => {
    const all = machines();
    expect(all.some((m) => m.createdTime === null)).toBe(true);
    const created = middleTime(all.map((m) => m.createdTime));
    const updated = middleTime(all.map((m) => m.updatedTime));
    const filters: Filter<LeafMachine>[] = [
      { param: 'createdTime', value: created, expected: (m) => m.createdTime === created },
      { param: 'createdTime', value: withOffset(created), expected: (m) => m.createdTime === created },
      { param: 'beforeCreatedTime', value: created, expected: (m) => m.createdTime !== null && ms(m.createdTime)! < ms(created)! },
      { param: 'afterCreatedTime', value: created, expected: (m) => m.createdTime !== null && ms(m.createdTime)! > ms(created)! },
      { param: 'updatedAt', value: updated, expected: (m) => m.updatedTime === updated },
      { param: 'beforeUpdatedAt', value: updated, expected: (m) => m.updatedTime != null && ms(m.updatedTime)! < ms(updated)! },
      { param: 'afterUpdatedAt', value: updated, expected: (m) => m.updatedTime != null && ms(m.updatedTime)! > ms(updated)! },
      { param: 'afterCreatedTime', value: '2022-01-01', expected: (m) => m.createdTime !== null && ms(m.createdTime)! > Date.UTC(2022, 0, 1) },
    ];
    for (const filter of filters) await expectFilter(path, all, filter);
  });

  it('combines filters with AND and ignores unknown parameters', async () => {
    const all = machines();
    await expectFilter(path, all, {
      param: 'provider',
      value: 'JohnDeere',
      extra: [
        ['originType', 'PROVIDER_POOLED'],
        ['colour', 'green'],
      ],
      expected: (m) => m.provider === 'JohnDeere' && m.originType === 'PROVIDER_POOLED',
    });
  });

  it.each([
    ['beforeCreatedTime', 'yesterday'],
    ['createdTime', '2023-02-30T00:00:00Z'],
    ['updatedAt', '2023-01-01T25:00:00Z'],
    ['originType', 'ROBOT_POOLED'],
  ])('rejects %s=%s with a 400 naming the parameter', async (param, value) => {
    const answer = await get(`${path}?${param}=${encodeURIComponent(value)}`);
    expect(expectLeafProblem(answer, 400)).toContain(param);
  });
});

describe('implement filters', () => {
  const path = `${ASSETS}/users/${USER}/implements`;
  const implementsOf = (): LeafImplement[] => emulator.store.implementsOf(USER);

  it('filters on every documented string field', async () => {
    const all = implementsOf();
    const sample = all.find((i) => i.name && i.providerImplementId && i.providerOrganizationId);
    if (!sample) throw new Error('no fully populated implement');
    const filters: Filter<LeafImplement>[] = [
      { param: 'provider', value: 'Trimble', expected: (i) => i.provider === 'Trimble' },
      { param: 'providerImplementId', value: sample.providerImplementId ?? '', expected: (i) => i.providerImplementId === sample.providerImplementId },
      { param: 'providerOrganizationId', value: sample.providerOrganizationId ?? '', expected: (i) => i.providerOrganizationId === sample.providerOrganizationId },
      { param: 'name', value: sample.name ?? '', expected: (i) => i.name === sample.name },
    ];
    for (const filter of filters) await expectFilter(path, all, filter);
    const byUser = await get<LeafImplement[]>(`${path}?leafUserId=${USER}&size=100`);
    expect(byUser.body).toHaveLength(25);
    const byOtherUser = await get<LeafImplement[]>(`${path}?leafUserId=${OTHER_USER}`);
    expect(byOtherUser.body).toEqual([]);
  });

  it('treats createdTime and updatedTime as "from this time onward", before/after as strict', async () => {
    const all = implementsOf();
    const created = middleTime(all.map((i) => i.createdTime));
    const updated = middleTime(all.map((i) => i.updatedTime));
    const filters: Filter<LeafImplement>[] = [
      { param: 'createdTime', value: created, expected: (i) => i.createdTime != null && ms(i.createdTime)! >= ms(created)! },
      { param: 'beforeCreatedTime', value: created, expected: (i) => i.createdTime != null && ms(i.createdTime)! < ms(created)! },
      { param: 'afterCreatedTime', value: created, expected: (i) => i.createdTime != null && ms(i.createdTime)! > ms(created)! },
      { param: 'updatedTime', value: updated, expected: (i) => i.updatedTime != null && ms(i.updatedTime)! >= ms(updated)! },
      { param: 'beforeUpdatedTime', value: updated, expected: (i) => i.updatedTime != null && ms(i.updatedTime)! < ms(updated)! },
      { param: 'afterUpdatedTime', value: updated, expected: (i) => i.updatedTime != null && ms(i.updatedTime)! > ms(updated)! },
    ];
    for (const filter of filters) await expectFilter(path, all, filter);
    // "From onward" includes the boundary record; "after" does not.
    const from = await get<LeafImplement[]>(`${path}?createdTime=${encodeURIComponent(created)}&size=100`);
    const after = await get<LeafImplement[]>(`${path}?afterCreatedTime=${encodeURIComponent(created)}&size=100`);
    expect(from.body.length).toBe(after.body.length + 1);
  });
});

describe('machine file filters', () => {
  const machinesOf = (): LeafMachine[] => emulator.store.machinesOf(USER);

  /** Runs a filter on the first machine whose links it splits (some but not all). */
  async function expectLinkFilter(filter: Filter<LeafMachineFile>, accept: (links: LeafMachineFile[]) => boolean = () => true): Promise<void> {
    for (const machine of machinesOf()) {
      const links = emulator.store.linksOf(machine.id);
      const selected = links.filter(filter.expected).length;
      if (selected === 0 || selected === links.length || !accept(links)) continue;
      await expectFilter(`${ASSETS}/users/${USER}/machines/${machine.id}/files`, links, filter);
      return;
    }
    throw new Error(`no machine where ${filter.param}=${filter.value} is selective`);
  }

  it('filters on leafFileId and originType', async () => {
    const links = emulator.store.linksOfUser(USER);
    const shared = links[0];
    if (!shared) throw new Error('no links');
    await expectLinkFilter({ param: 'leafFileId', value: shared.leafFileId, expected: (l) => l.leafFileId === shared.leafFileId });
    const machine = machinesOf().find((m) => m.originType === 'FILE_POOLED' && emulator.store.linksOf(m.id).length > 0);
    if (!machine) throw new Error('no file-pooled machine with files');
    const filesPath = `${ASSETS}/users/${USER}/machines/${machine.id}/files`;
    const same = await get<LeafMachineFile[]>(`${filesPath}?originType=FILE_POOLED`);
    expect(same.body.length).toBe(emulator.store.linksOf(machine.id).length);
    const other = await get<LeafMachineFile[]>(`${filesPath}?originType=PROVIDER_POOLED`);
    expect(other.body).toEqual([]);
  });

  it('filters on created, start and end times', async () => {
    const links = emulator.store.linksOfUser(USER);
    const sample = links.find((l) => l.startTime && l.endTime && l.createdTime && emulator.store.linksOf(l.machineId).length > 1);
    if (!sample?.startTime || !sample.endTime || !sample.createdTime) throw new Error('no complete link');
    const { startTime, endTime, createdTime } = sample;
    const filters: Filter<LeafMachineFile>[] = [
      { param: 'createdTime', value: withOffset(createdTime), expected: (l) => l.createdTime === createdTime },
      { param: 'startTime', value: startTime, expected: (l) => l.startTime === startTime },
      { param: 'endTime', value: endTime, expected: (l) => l.endTime === endTime },
    ];
    for (const filter of filters) await expectLinkFilter(filter);
    const middle = middleTime(links.map((l) => l.startTime));
    const middleEnd = middleTime(links.map((l) => l.endTime));
    const middleCreated = middleTime(links.map((l) => l.createdTime));
    const comparisons: Filter<LeafMachineFile>[] = [
      { param: 'beforeCreatedTime', value: middleCreated, expected: (l) => l.createdTime != null && ms(l.createdTime)! < ms(middleCreated)! },
      { param: 'afterCreatedTime', value: middleCreated, expected: (l) => l.createdTime != null && ms(l.createdTime)! > ms(middleCreated)! },
      { param: 'beforeStartTime', value: middle, expected: (l) => l.startTime != null && ms(l.startTime)! < ms(middle)! },
      { param: 'afterStartTime', value: middle, expected: (l) => l.startTime != null && ms(l.startTime)! > ms(middle)! },
      { param: 'beforeEndTime', value: middleEnd, expected: (l) => l.endTime != null && ms(l.endTime)! < ms(middleEnd)! },
      { param: 'afterEndTime', value: middleEnd, expected: (l) => l.endTime != null && ms(l.endTime)! > ms(middleEnd)! },
    ];
    // Prefer machines with a null in the field, so "null never matches" is exercised too.
    for (const filter of comparisons) await expectLinkFilter(filter);
    await expectLinkFilter(comparisons[2]!, (all) => all.some((l) => l.startTime === null));
  });

  const inFeet = (l: LeafMachineFile): number | null => (l.distance ? (l.distance.unit === 'mi' ? l.distance.value * 5280 : l.distance.value) : null);
  const mixedUnits = (links: LeafMachineFile[]): boolean =>
    links.some((l) => l.distance?.unit === 'mi') && links.some((l) => l.distance?.unit === 'ft');

  it('compares distances in feet by default, converting miles', async () => {
    await expectLinkFilter({ param: 'greaterThanDistanceValue', value: '15000', expected: (l) => (inFeet(l) ?? -1) > 15000 }, mixedUnits);
    await expectLinkFilter({ param: 'lessThanDistanceValue', value: '15000', expected: (l) => inFeet(l) !== null && inFeet(l)! < 15000 }, mixedUnits);
    const feet = emulator.store.linksOfUser(USER).find((l) => l.distance?.unit === 'ft');
    await expectLinkFilter({ param: 'distanceValue', value: String(feet?.distance?.value), expected: (l) => inFeet(l) === feet?.distance?.value });
  });

  it('compares distances in the requested unit: Mile, mile, Feet, ft', async () => {
    for (const unit of ['Mile', 'mile']) {
      await expectLinkFilter(
        { param: 'greaterThanDistanceValue', value: '3', extra: [['distanceUnit', unit]], expected: (l) => (inFeet(l) ?? -1) / 5280 > 3 },
        mixedUnits,
      );
      await expectLinkFilter(
        { param: 'lessThanDistanceValue', value: '3', extra: [['distanceUnit', unit]], expected: (l) => inFeet(l) !== null && inFeet(l)! / 5280 < 3 },
        mixedUnits,
      );
    }
    for (const unit of ['Feet', 'ft']) {
      await expectLinkFilter(
        { param: 'greaterThanDistanceValue', value: '5280', extra: [['distanceUnit', unit]], expected: (l) => (inFeet(l) ?? -1) > 5280 },
        mixedUnits,
      );
    }
    const miles = emulator.store.linksOfUser(USER).find((l) => l.distance?.unit === 'mi');
    if (!miles?.distance) throw new Error('no distance in miles');
    const value = miles.distance.value;
    await expectLinkFilter({
      param: 'distanceValue',
      value: String(value),
      extra: [['distanceUnit', 'mile']],
      expected: (l) => l.distance?.unit === 'mi' && l.distance.value === value,
    });
    // The same distance asked in feet still finds the record stored in miles.
    await expectLinkFilter({
      param: 'distanceValue',
      value: String(value * 5280),
      expected: (l) => l.distance?.unit === 'mi' && l.distance.value === value,
    });
  });

  it.each([
    ['distanceValue', 'far'],
    ['greaterThanDistanceValue', ''],
    ['distanceUnit', 'km'],
    ['leafFileId', 'not-a-uuid'],
    ['afterEndTime', '2023-13-01T00:00:00Z'],
    ['originType', 'user_created'],
  ])('rejects %s=%s with a 400 naming the parameter', async (param, value) => {
    const machine = machinesOf()[0]!;
    const answer = await get(`${ASSETS}/users/${USER}/machines/${machine.id}/files?${param}=${encodeURIComponent(value)}`);
    expect(expectLeafProblem(answer, 400)).toContain(param);
  });
});

describe('sorting', () => {
  const path = `${ASSETS}/users/${USER}/machines`;

  it.each([
    ['name', 'asc'],
    ['name', 'desc'],
    ['modelYear', 'asc'],
    ['modelYear', 'desc'],
    ['serialNumber', 'desc'],
    ['provider', 'asc'],
    ['vin', 'asc'],
    ['category', 'desc'],
    ['providerMachineId', 'asc'],
  ] as const)('sorts machines by %s %s, nulls last ascending and first descending', async (field, direction) => {
    const answer = await get<LeafMachine[]>(`${path}?sort=${field},${direction}&size=100`);
    expect(answer.status).toBe(200);
    const machines = emulator.store.machinesOf(USER);
    expect(ids(answer.body)).toEqual(expectedOrder(machines, [[(m) => m[field], direction]]));
  });

  it('puts nulls last ascending and first descending', async () => {
    const ascending = await get<LeafMachine[]>(`${path}?sort=name,asc&size=100`);
    const descending = await get<LeafMachine[]>(`${path}?sort=name,desc&size=100`);
    const nulls = emulator.store.machinesOf(USER).filter((m) => m.name === null).length;
    expect(nulls).toBeGreaterThan(0);
    expect(ascending.body.slice(-nulls).every((m) => m.name === null)).toBe(true);
    expect(ascending.body[0]?.name).not.toBeNull();
    expect(descending.body.slice(0, nulls).every((m) => m.name === null)).toBe(true);
    expect(descending.body.at(-1)?.name).not.toBeNull();
  });

  it('applies repeated sort parameters in order, the first primary, ties by id', async () => {
    const answer = await get<LeafMachine[]>(`${path}?sort=make,desc&sort=modelYear&sort=id,desc&size=100`);
    const machines = emulator.store.machinesOf(USER);
    expect(ids(answer.body)).toEqual(
      expectedOrder(machines, [
        [(m) => m.make, 'desc'],
        [(m) => m.modelYear, 'asc'],
        [(m) => m.id, 'desc'],
      ]),
    );
    const byLeafUser = await get<LeafMachine[]>(`${path}?sort=leafUserId,desc&size=100`);
    expect(ids(byLeafUser.body)).toEqual(expectedOrder(machines, []));
  });

  it('sorts implements and machine files on their own fields', async () => {
    const implementsAnswer = await get<LeafImplement[]>(`${ASSETS}/users/${USER}/implements?sort=providerImplementId,desc&sort=model,asc&size=100`);
    expect(ids(implementsAnswer.body)).toEqual(
      expectedOrder(emulator.store.implementsOf(USER), [
        [(i) => i.providerImplementId, 'desc'],
        [(i) => i.model, 'asc'],
      ]),
    );
    const machine = emulator.store.machinesOf(USER).reduce((best, m) =>
      emulator.store.linksOf(m.id).length > emulator.store.linksOf(best.id).length ? m : best,
    );
    const links = emulator.store.linksOf(machine.id);
    for (const field of ['startTime', 'endTime', 'createdTime', 'leafFileId'] as const) {
      const answer = await get<LeafMachineFile[]>(`${ASSETS}/users/${USER}/machines/${machine.id}/files?sort=${field},desc`);
      expect(ids(answer.body)).toEqual(expectedOrder(links, [[(l) => l[field], 'desc']]));
    }
  });

  it('rejects an unknown sort field or direction with a 400', async () => {
    expect(expectLeafProblem(await get(`${path}?sort=colour,asc`), 400)).toContain('colour');
    expect(expectLeafProblem(await get(`${path}?sort=name,upwards`), 400)).toContain('upwards');
    // updatedTime is filterable but not a documented sort field.
    expectLeafProblem(await get(`${path}?sort=updatedTime`), 400);
    expectLeafProblem(await get(`${ASSETS}/users/${USER}/implements?sort=vin,asc`), 400);
    expectLeafProblem(await get(`${ASSETS}/users/${USER}/machines/${emulator.store.machinesOf(USER)[0]!.id}/files?sort=name`), 400);
  });

  it('ignores sort on operators, which document none', async () => {
    const answer = await get<LeafOperator[]>(`${ASSETS}/users/${USER}/operators?sort=colour,sideways&size=100`);
    expect(answer.status).toBe(200);
    expect(ids(answer.body)).toEqual(expectedOrder(emulator.store.operatorsOf(USER), []));
  });
});

describe('auth and lookups', () => {
  const machine = (): LeafMachine => emulator.store.machinesOf(USER)[0]!;
  const otherFile = (): LeafFile => emulator.store.filesOf(OTHER_USER)[0]!;

  it('answers 401 without a token or with an unknown one', async () => {
    const path = `${ASSETS}/users/${USER}/machines`;
    expectLeafProblem(await get(path, { token: null }), 401, path);
    expectLeafProblem(await get(path, { token: 'stolen-token' }), 401, path);
    expectLeafProblem(await get(`${OPERATIONS}/files/${otherFile().id}`, { token: null }), 401);
    const basic = await get(path, { token: null, headers: { authorization: 'Basic ZGVtbzpkZW1v' } });
    expectLeafProblem(basic, 401);
  });

  it("answers 403 for another token's user, file and operation", async () => {
    expectLeafProblem(await get(`${ASSETS}/users/${OTHER_USER}/machines`), 403);
    expectLeafProblem(await get(`${ASSETS}/users/${OTHER_USER}/operators`), 403);
    expectLeafProblem(await get(`${OPERATIONS}/files/${otherFile().id}`), 403);
    expectLeafProblem(await get(`${OPERATIONS}/files/${otherFile().id}/images`), 403);
    const operation = emulator.store.operationsOf(OTHER_USER)[0]!;
    expectLeafProblem(await get(`${OPERATIONS}/operations/${operation.id}`), 403);
    expectLeafProblem(await get(`${OPERATIONS}/operations/${operation.id}/summary`), 403);
    // The owner sees them.
    expect((await get(`${OPERATIONS}/files/${otherFile().id}`, { token: 'other-token' })).status).toBe(200);
    expect((await get(`${ASSETS}/users/${OTHER_USER}/machines`, { token: 'other-token' })).status).toBe(200);
  });

  it('answers single records by id', async () => {
    const expected = machine();
    const answer = await get<LeafMachine>(`${ASSETS}/users/${USER}/machines/${expected.id}`);
    expect(answer.body).toEqual(expected);
    const implement = emulator.store.implementsOf(USER)[0]!;
    expect((await get(`${ASSETS}/users/${USER}/implements/${implement.id}`)).body).toEqual(implement);
    const operator = emulator.store.operatorsOf(USER)[0]!;
    expect((await get(`${ASSETS}/users/${USER}/operators/${operator.id}`)).body).toEqual(operator);
    // Path ids are UUIDs, so case does not matter.
    expect((await get(`${ASSETS}/users/${USER}/machines/${expected.id.toUpperCase()}`)).status).toBe(200);
  });

  it('answers 404 for unknown ids, and for a machine under the wrong user', async () => {
    for (const path of [
      `${ASSETS}/users/${USER}/machines/${UNKNOWN_ID}`,
      `${ASSETS}/users/${USER}/machines/${UNKNOWN_ID}/files`,
      `${ASSETS}/users/${USER}/implements/${UNKNOWN_ID}`,
      `${ASSETS}/users/${USER}/operators/${UNKNOWN_ID}`,
      `${OPERATIONS}/files/${UNKNOWN_ID}`,
      `${OPERATIONS}/files/${UNKNOWN_ID}/images`,
      `${OPERATIONS}/operations/${UNKNOWN_ID}`,
      `${OPERATIONS}/operations/${UNKNOWN_ID}/summary`,
      `${ASSETS}/users/${DEMO_USER_IDS.riverBend}/machines/${machine().id}`,
    ]) {
      expectLeafProblem(await get(path), 404, path);
    }
  });

  it('answers 400 for ids that are not UUIDs', async () => {
    for (const path of [
      `${ASSETS}/users/not-a-user/machines`,
      `${ASSETS}/users/${USER}/machines/42`,
      `${ASSETS}/users/${USER}/machines/42/files`,
      `${ASSETS}/users/${USER}/implements/x`,
      `${ASSETS}/users/${USER}/operators/x`,
      `${OPERATIONS}/files/abc`,
      `${OPERATIONS}/files/abc/images`,
      `${OPERATIONS}/operations/abc`,
      `${OPERATIONS}/operations/abc/summary`,
    ]) {
      expectLeafProblem(await get(path), 400, path);
    }
  });

  it('answers 404 for unknown routes and 405 for a wrong method', async () => {
    expectLeafProblem(await get(`${ASSETS}/users/${USER}/tractors`), 404);
    expectLeafProblem(await get('/'), 404, '/');
    const wrong = await get(`${ASSETS}/users/${USER}/machines`, { method: 'PUT', body: {} });
    expectLeafProblem(wrong, 405);
    expect(wrong.headers.get('allow')).toBe('GET, POST');
    expectLeafProblem(await get(`${OPERATIONS}/files/${otherFile().id}`, { method: 'DELETE' }), 405);
  });
});

describe('machine writes', () => {
  let writable: Emulator;
  const user = DEMO_USER_IDS.riverBend;
  const machinesPath = `${ASSETS}/users/${user}/machines`;
  const call = <T>(path: string, options: RequestOptions = {}) =>
    httpJson<T>(`${writable.url}${path}`, { token: writable.demoToken, ...options });

  beforeAll(async () => {
    writable = await startEmulator();
  });
  afterAll(async () => {
    await writable?.close();
  });

  it('creates, reads, updates and deletes a user-created machine', async () => {
    const input = { name: 'Shop Truck', serialNumber: 'SN-1', vin: '1HGBH41JXMN109186', model: 'F-350', make: 'Ford', category: 'Utility', modelYear: 2021 };
    const created = await call<LeafMachine>(machinesPath, { method: 'POST', body: input });
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({ ...input, leafUserId: user, originType: 'USER_CREATED', provider: 'Leaf' });
    expect(created.body.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(created.body.providerMachineId).toMatch(/^[0-9a-f-]{36}$/);
    expect(Date.now() - Date.parse(created.body.createdTime ?? '')).toBeLessThan(10_000);
    const machinePath = `${machinesPath}/${created.body.id}`;

    expect((await call(machinePath)).body).toEqual(created.body);
    const listed = await call<LeafMachine[]>(`${machinesPath}?name=Shop%20Truck`);
    expect(ids(listed.body)).toEqual([created.body.id]);

    await new Promise((resolve) => setTimeout(resolve, 5));
    const patched = await call<LeafMachine>(machinePath, { method: 'PATCH', body: { name: 'Shop Truck 2', modelYear: 2022, vin: null } });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ ...input, name: 'Shop Truck 2', modelYear: 2022, vin: null, id: created.body.id });
    expect(Date.parse(patched.body.updatedTime ?? '')).toBeGreaterThan(Date.parse(created.body.updatedTime ?? ''));
    expect(patched.body.createdTime).toBe(created.body.createdTime);
    expect((await call(machinePath)).body).toEqual(patched.body);

    const deleted = await call(machinePath, { method: 'DELETE' });
    expect(deleted.status).toBe(204);
    expect(deleted.text).toBe('');
    expectLeafProblem(await call(machinePath), 404);
    expectLeafProblem(await call(machinePath, { method: 'DELETE' }), 404);
  });

  it('deleting a machine removes its machine-file links', async () => {
    const machine = writable.store.machinesOf(user).find((m) => m.originType === 'USER_CREATED' && writable.store.linksOf(m.id).length > 0);
    if (!machine) throw new Error('no user-created machine with files');
    const fileId = writable.store.linksOf(machine.id)[0]!.leafFileId;
    expect((await call(`${machinesPath}/${machine.id}`, { method: 'DELETE' })).status).toBe(204);
    expect(writable.store.linksOf(machine.id)).toEqual([]);
    expectLeafProblem(await call(`${machinesPath}/${machine.id}/files`), 404);
    // The file itself stays.
    expect((await call(`${OPERATIONS}/files/${fileId}`)).status).toBe(200);
  });

  it.each(['PROVIDER_POOLED', 'FILE_POOLED'] as const)('refuses to change or delete a %s machine', async (originType) => {
    const machine = writable.store.machinesOf(user).find((m) => m.originType === originType)!;
    const path = `${machinesPath}/${machine.id}`;
    const before = (await call<LeafMachine>(path)).body;
    expect(expectLeafProblem(await call(path, { method: 'PATCH', body: { name: 'hacked' } }), 400, path)).toMatch(/USER_CREATED/);
    expect(expectLeafProblem(await call(path, { method: 'DELETE' }), 400, path)).toMatch(/USER_CREATED/);
    expect((await call<LeafMachine>(path)).body).toEqual(before);
    expect(writable.store.machines.get(machine.id)).toEqual(before);
  });

  it.each([
    ['not JSON', '{name:'],
    ['an array', '[]'],
    ['a string', '"tractor"'],
    ['empty', ''],
    ['a numeric name', '{"name":5}'],
    ['a string modelYear', '{"modelYear":"2020"}'],
    ['a fractional modelYear', '{"modelYear":2020.5}'],
  ])('rejects a body that is %s with a 400 and creates nothing', async (_label, body) => {
    const before = writable.store.machinesOf(user).length;
    expectLeafProblem(await call(machinesPath, { method: 'POST', body, headers: { 'content-type': 'application/json' } }), 400);
    expect(writable.store.machinesOf(user).length).toBe(before);
  });

  it('rejects a PATCH with wrong field types and leaves the machine unchanged', async () => {
    const machine = writable.store.machinesOf(user).find((m) => m.originType === 'USER_CREATED')!;
    const path = `${machinesPath}/${machine.id}`;
    expect(expectLeafProblem(await call(path, { method: 'PATCH', body: { make: ['Deere'] } }), 400)).toContain('make');
    expect(writable.store.machines.get(machine.id)).toEqual(machine);
  });

  it("refuses writes for another token's user", async () => {
    expectLeafProblem(await call(`${ASSETS}/users/${OTHER_USER}/machines`, { method: 'POST', body: { name: 'x' } }), 403);
  });
});

const STATS_KEYS = ['avg', 'min', 'max', 'unit'];

function expectStats(value: unknown, label: string): void {
  expect(value, label).toBeTypeOf('object');
  const stats = value as Record<string, unknown>;
  for (const key of STATS_KEYS) expect(stats, `${label}.${key}`).toHaveProperty(key);
  expect(stats['min'] as number, label).toBeLessThanOrEqual(stats['avg'] as number);
  expect(stats['avg'] as number, label).toBeLessThanOrEqual(stats['max'] as number);
}

function expectMeasurement(value: unknown, label: string): void {
  expect(value, label).toMatchObject({ value: expect.any(Number), unit: expect.any(String) });
}

/** Per 003: properties every summary of the type carries, and the optional ones that appear on some. */
const DOCUMENTED: Record<string, { always: string[]; sometimes: string[]; stats: string[]; measurements: string[] }> = {
  harvested: {
    always: ['operationType', 'startTime', 'endTime', 'crop', 'totalArea', 'totalDistance', 'elevation', 'harvestMoisture', 'wetMass', 'totalWetMass', 'wetMassPerArea', 'dryMass', 'totalDryMass', 'dryMassPerArea', 'wetVolume', 'totalWetVolume', 'wetVolumePerArea', 'dryVolume', 'totalDryVolume', 'dryVolumePerArea', 'originalOperationType'],
    sometimes: ['speed', 'totalFuelUsed', 'varieties', 'machinery', 'operationDescription'],
    stats: ['elevation', 'harvestMoisture', 'wetMass', 'wetMassPerArea', 'dryMass', 'dryMassPerArea', 'wetVolume', 'wetVolumePerArea', 'dryVolume', 'dryVolumePerArea'],
    measurements: ['totalArea', 'totalDistance', 'totalWetMass', 'totalDryMass', 'totalWetVolume', 'totalDryVolume'],
  },
  planted: {
    always: ['operationType', 'startTime', 'endTime', 'crop', 'totalArea', 'totalDistance', 'elevation', 'seedRate', 'seedRateTarget', 'totalPlanted', 'singulation', 'downForce', 'varieties', 'originalOperationType'],
    sometimes: ['speed', 'seedDepth', 'totalFuelUsed', 'machinery', 'operationDescription'],
    stats: ['elevation', 'seedRate', 'singulation', 'downForce'],
    measurements: ['totalArea', 'totalDistance', 'totalPlanted'],
  },
  applied: {
    always: ['operationType', 'startTime', 'endTime', 'crop', 'totalArea', 'totalDistance', 'elevation', 'appliedRate', 'appliedRateTarget', 'totalApplied', 'tankMix', 'products', 'originalOperationType'],
    sometimes: ['speed', 'totalFuelUsed', 'machinery', 'operationDescription'],
    stats: ['elevation', 'appliedRate'],
    measurements: ['totalArea', 'totalDistance', 'totalApplied'],
  },
  tillage: {
    always: ['operationType', 'startTime', 'endTime', 'totalArea', 'totalDistance', 'elevation', 'tillType', 'tillageDepthActual', 'tillageDepthTarget', 'originalOperationType'],
    sometimes: ['speed', 'totalFuelUsed', 'machinery', 'operationDescription'],
    stats: ['elevation', 'tillageDepthActual', 'tillageDepthTarget'],
    measurements: ['totalArea', 'totalDistance'],
  },
  irrigated: {
    always: ['operationType', 'startTime', 'endTime', 'totalArea', 'elevation', 'totalWaterApplied', 'irrigationRate', 'originalOperationType'],
    sometimes: ['machinery'],
    stats: ['elevation', 'irrigationRate'],
    measurements: ['totalArea', 'totalWaterApplied'],
  },
  other: {
    always: ['operationType', 'startTime', 'endTime', 'totalArea', 'elevation', 'originalOperationType'],
    sometimes: ['machinery', 'baleCount'],
    stats: ['elevation'],
    measurements: ['totalArea'],
  },
};

describe('files, images and field operations', () => {
  const files = (): LeafFile[] => emulator.store.filesOf(USER);

  it.each(OPERATION_TYPES)('serves %s files with every documented summary property', async (type) => {
    const ofType = files().filter((f) => f.summary?.properties.operationType === type);
    expect(ofType.length).toBeGreaterThan(3);
    const doc = DOCUMENTED[type]!;
    const seen = new Set<string>();
    for (const expected of ofType) {
      const answer = await get<LeafFile>(`${OPERATIONS}/files/${expected.id}`);
      expect(answer.status).toBe(200);
      expect(answer.body).toEqual(expected);
      const file = answer.body;
      expect(file).toMatchObject({ id: expected.id, leafUserId: USER, apiOwnerUsername: expect.any(String), fields: expect.any(Array) });
      for (const field of file.fields) expect(field).toMatch(/^[0-9a-f-]{36}$/);
      const summary = file.summary as LeafSummary;
      expect(summary.type).toBe('Feature');
      expect(summary.geometry?.type).toBe('MultiPolygon');
      const properties = summary.properties;
      for (const key of Object.keys(properties)) seen.add(key);
      for (const key of doc.always) expect(properties, `${type}.${key}`).toHaveProperty(key);
      for (const key of doc.stats) expectStats(properties[key], `${type}.${key}`);
      for (const key of doc.measurements) expectMeasurement(properties[key], `${type}.${key}`);
      if (properties['speed'] !== undefined) expectStats(properties['speed'], 'speed');
      if (properties['totalFuelUsed'] !== undefined) expectMeasurement(properties['totalFuelUsed'], 'totalFuelUsed');
      if (properties['machinery'] !== undefined) {
        for (const item of properties['machinery'] as Record<string, unknown>[]) {
          expect(item).toMatchObject({ name: expect.any(String), type: expect.stringMatching(/^(machine|implement)$/), brand: expect.any(String) });
        }
      }
      expect(Date.parse(properties['startTime'] as string)).toBeLessThanOrEqual(Date.parse(properties['endTime'] as string));
    }
    for (const key of doc.sometimes) expect(seen, `${type} shows ${key} somewhere`).toContain(key);
  });

  it('shapes varieties and products as documented', () => {
    const summaries = files().flatMap((f) => (f.summary ? [f.summary.properties] : []));
    const planted = summaries.filter((p) => p.operationType === 'planted');
    for (const properties of planted) {
      for (const variety of properties['varieties'] as Record<string, unknown>[]) {
        expect(variety).toMatchObject({ name: expect.any(String) });
        expect(variety['rate']).toMatchObject({ avg: expect.any(Number), min: expect.any(Number), max: expect.any(Number), unit: 'seeds/ac', minTarget: expect.any(Number), maxTarget: expect.any(Number), avgTarget: expect.any(Number) });
        expectMeasurement(variety['area'], 'variety.area');
        expectMeasurement(variety['totalPlanted'], 'variety.totalPlanted');
      }
    }
    const harvestedVarieties = summaries.filter((p) => p.operationType === 'harvested' && p['varieties']).flatMap((p) => p['varieties'] as Record<string, unknown>[]);
    expect(harvestedVarieties.length).toBeGreaterThan(0);
    for (const variety of harvestedVarieties) {
      expectStats(variety['harvestMoisture'], 'variety.harvestMoisture');
      for (const key of ['wetMass', 'dryMass', 'wetVolume', 'dryVolume', 'area']) expectMeasurement(variety[key], `variety.${key}`);
    }
    const products = summaries.filter((p) => p.operationType === 'applied').flatMap((p) => p['products'] as Record<string, unknown>[]);
    expect(new Set(products.map((p) => p['type']))).toEqual(new Set(['Component', 'Carrier']));
    for (const product of products) {
      expect(product).toMatchObject({ name: expect.any(String), rate: { unit: expect.any(String), value: expect.any(Number) } });
      expectMeasurement(product['totalApplied'], 'product.totalApplied');
      expectMeasurement(product['area'], 'product.area');
    }
    expect(summaries.some((p) => p['leafInternalScore'] !== undefined)).toBe(true);
  });

  it('serves unprocessed files with a null summary and some null download links', async () => {
    const unprocessed = files().find((f) => f.summary === null)!;
    const answer = await get<LeafFile>(`${OPERATIONS}/files/${unprocessed.id}`);
    expect(answer.body.summary).toBeNull();
    expect(answer.body.downloadStandardGeojson).toBeNull();
    expect(files().some((f) => f.downloadOriginalFile === null)).toBe(true);
    expect(files().filter((f) => f.downloadOriginalFile).every((f) => f.downloadOriginalFile!.startsWith('https://'))).toBe(true);
    expect((await get<LeafImage[]>(`${OPERATIONS}/files/${unprocessed.id}/images`)).body).toEqual([]);
  });

  it('serves images: legend-style, GeoTIFF-style and none', async () => {
    const withLegend = files().find((f) => emulator.store.images.get(f.id)?.[0]?.legend);
    const geoTiff = files().find((f) => {
      const images = emulator.store.images.get(f.id) ?? [];
      return images.length > 0 && images.every((image) => image.legend === undefined);
    });
    const none = files().find((f) => f.summary !== null && emulator.store.images.get(f.id)?.length === 0);
    if (!withLegend || !geoTiff || !none) throw new Error('missing an image style');

    const legendImages = (await get<LeafImage[]>(`${OPERATIONS}/files/${withLegend.id}/images`)).body;
    expect(legendImages.length).toBeGreaterThan(0);
    for (const image of legendImages) {
      expect(image).toMatchObject({ property: expect.any(String), status: expect.any(String), url: expect.stringMatching(/^https:\/\//), downloadUrl: expect.stringMatching(/^https:\/\//) });
      expect(image.extent).toMatchObject({ xMin: expect.any(Number), xMax: expect.any(Number), yMin: expect.any(Number), yMax: expect.any(Number) });
      expect(image.legend?.ranges.length).toBeGreaterThan(1);
      for (const range of image.legend?.ranges ?? []) expect(range.colorCode).toMatch(/^#[0-9A-F]{6}$/);
    }
    const tiffs = (await get<LeafImage[]>(`${OPERATIONS}/files/${geoTiff.id}/images`)).body;
    for (const image of tiffs) {
      expect(Object.keys(image).sort()).toEqual(['downloadUrl', 'property', 'url']);
      expect(image.url).toMatch(/\.tif$/);
    }
    expect((await get(`${OPERATIONS}/files/${none.id}/images`)).body).toEqual([]);
  });

  it('serves field operations grouping files of one type, and their merged summary', async () => {
    const operations = emulator.store.operationsOf(USER);
    expect(new Set(operations.map((o) => o.type))).toEqual(new Set(OPERATION_TYPES));
    for (const expected of operations.slice(0, 8)) {
      const answer = await get<LeafFieldOperation>(`${OPERATIONS}/operations/${expected.id}`);
      expect(answer.status).toBe(200);
      const operation = answer.body;
      expect(operation).toEqual(expected);
      expect(operation.files.length).toBeGreaterThan(0);
      const opFiles = operation.files.map((id) => emulator.store.files.get(id)!);
      for (const file of opFiles) {
        expect(file.leafUserId).toBe(USER);
        expect(file.summary?.properties.operationType).toBe(operation.type);
        for (const field of file.fields) expect(operation.fields.map((f) => f.id)).toContain(field);
      }
      expect(operation.providers.length).toBeGreaterThan(0);

      const summary = await get<LeafSummary>(`${OPERATIONS}/operations/${expected.id}/summary`);
      expect(summary.status).toBe(200);
      expect(summary.body.type).toBe('Feature');
      expect(summary.body.properties.operationType).toBe(operation.type);
      expect(summary.body.properties['startTime']).toBe(operation.startTime);
      const totalArea = opFiles.reduce((sum, f) => sum + ((f.summary?.properties['totalArea'] as { value: number }).value ?? 0), 0);
      const merged = summary.body.properties['totalArea'] as { value: number; unit: string };
      expect(merged.unit).toBe('m2');
      expect(merged.value).toBeCloseTo(totalArea, 0);
      expect(summary.body.geometry?.type).toBe('MultiPolygon');
    }
  });
});

describe('latency and faults', () => {
  const path = `${ASSETS}/users/${USER}/operators`;

  async function timed<T>(work: () => Promise<T>): Promise<{ result: T; elapsed: number }> {
    const started = performance.now();
    const result = await work();
    return { result, elapsed: performance.now() - started };
  }

  it('delays every response by the set latency, and stops when it is set back to 0', async () => {
    emulator.setLatency(150);
    try {
      const { result, elapsed } = await timed(() => Promise.all([get(path), get(path), get(path), get(path)]));
      expect(result.every((answer) => answer.status === 200)).toBe(true);
      expect(elapsed).toBeGreaterThanOrEqual(145);
    } finally {
      emulator.setLatency(0);
    }
    expect((await httpJson<{ ms: number }>(`${emulator.url}/__emulator/latency`)).body).toEqual({ ms: 0 });
    expect(() => emulator.setLatency(-1)).toThrow(RangeError);
  });

  it('holds a delayed request without holding up the ones behind it', async () => {
    // A latency far past the test's timeout: were requests answered one after another, the
    // second would never arrive and the health check would never answer.
    const extra = await startEmulator({ latencyMs: 600_000 });
    try {
      const pending = [1, 2, 3, 4].map(() =>
        fetch(`${extra.url}${path}`, { headers: { authorization: `Bearer ${extra.demoToken}` } }).then(
          (response) => response.status,
          () => 'closed' as const,
        ),
      );
      await until(() => extra.calls.length >= 4);
      expect(extra.calls.map((call) => call.status)).toEqual([0, 0, 0, 0]);
      expect((await httpJson(`${extra.url}/__emulator/health`)).status).toBe(200);
      await extra.close();
      expect(await Promise.all(pending)).toEqual(['closed', 'closed', 'closed', 'closed']);
    } finally {
      await extra.close();
    }
  });

  it('answers an injected status with Retry-After, for `times` requests only', async () => {
    const remove = emulator.addFault({ path: '/operators', status: 429, retryAfter: 7, times: 2 });
    try {
      for (let i = 0; i < 2; i++) {
        const limited = await get(path);
        expectLeafProblem(limited, 429, path);
        expect(limited.headers.get('retry-after')).toBe('7');
        expect((limited.body as { title: string }).title).toBe('Too Many Requests');
      }
      expect((await get(path)).status).toBe(200);
    } finally {
      remove();
    }
  });

  it('matches by method and RegExp, applies the first matching rule, and can be removed', async () => {
    const removeRegex = emulator.addFault({ method: 'GET', path: /\/operators$/, status: 503 });
    const removeSecond = emulator.addFault({ path: '/operators', status: 500 });
    try {
      expectLeafProblem(await get(path), 503);
      expect((await get(`${path}/${emulator.store.operatorsOf(USER)[0]!.id}`)).status).toBe(500);
      expectLeafProblem(await get(path, { method: 'POST', body: {} }), 500);
      removeRegex();
      expectLeafProblem(await get(path), 500);
      removeSecond();
      expect((await get(path)).status).toBe(200);
      emulator.addFault({ status: 502 });
      expectLeafProblem(await get(`${ASSETS}/users/${USER}/machines`), 502);
    } finally {
      emulator.clearFaults();
    }
    expect((await get(path)).status).toBe(200);
  });

  it('delays one response by delayMs and answers it normally', async () => {
    emulator.addFault({ path: '/operators', delayMs: 200, times: 1 });
    const slow = await timed(() => get<LeafOperator[]>(path));
    expect(slow.elapsed).toBeGreaterThanOrEqual(195);
    expect(slow.result.status).toBe(200);
    expect(slow.result.body).toHaveLength(12);

    // `times: 1` holds one answer only: with that one held past the test's timeout, the next
    // request is answered (a rule that kept holding would time the test out).
    emulator.addFault({ path: '/operators', delayMs: 600_000, times: 1 });
    emulator.resetCalls();
    const abandon = new AbortController();
    const held = fetch(`${emulator.url}${path}`, { headers: { authorization: 'Bearer demo-token' }, signal: abandon.signal }).then(
      (answer) => answer.status,
      () => 'abandoned' as const,
    );
    await until(() => emulator.calls.length >= 1);
    expect((await get<LeafOperator[]>(path)).body).toHaveLength(12);
    abandon.abort();
    expect(await held).toBe('abandoned');
  });

  it('answers a truncated, unparseable JSON body when malformed', async () => {
    emulator.addFault({ path: '/operators', malformed: true, times: 1 });
    const response = await fetch(`${emulator.url}${path}`, { headers: { authorization: 'Bearer demo-token' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/application\/json/);
    const text = await response.text();
    expect(text.length).toBeGreaterThan(0);
    expect(() => JSON.parse(text)).toThrow(SyntaxError);
    expect((await get(path)).status).toBe(200);
  });

  it('drops the connection without answering, and logs status 0', async () => {
    emulator.resetCalls();
    const remove = emulator.addFault({ path: '/operators', drop: true });
    try {
      await expect(fetch(`${emulator.url}${path}`, { headers: { authorization: 'Bearer demo-token' } })).rejects.toThrow();
    } finally {
      remove();
    }
    expect(emulator.calls.length).toBeGreaterThan(0);
    expect(emulator.calls.every((call) => call.status === 0)).toBe(true);
    expect((await get(path)).status).toBe(200);
  });

  it('rejects invalid rules', () => {
    expect(() => emulator.addFault({ status: 42 })).toThrow(TypeError);
    expect(() => emulator.addFault({ times: -1 })).toThrow(TypeError);
  });
});

describe('call log', () => {
  it('records method, path, every query parameter in order, token, request id and status', async () => {
    const log = emulator.calls;
    emulator.resetCalls();
    expect(emulator.calls).toBe(log);
    const path = `${ASSETS}/users/${USER}/machines`;
    const before = Date.now();
    await get(`${path}?sort=name,asc&sort=modelYear,desc&size=5&provider=CNHi`, { headers: { 'x-request-id': 'req-123' } });
    await get(path, { token: null });
    await get('/__emulator/health');
    expect(log).toHaveLength(2);
    expect(log[0]).toMatchObject({
      method: 'GET',
      path,
      query: { sort: ['name,asc', 'modelYear,desc'], size: ['5'], provider: ['CNHi'] },
      token: 'demo-token',
      requestId: 'req-123',
      status: 200,
    });
    expect(log[0]!.at).toBeGreaterThanOrEqual(before);
    expect(log[1]).toMatchObject({ token: null, requestId: null, status: 401, query: {} });
    emulator.resetCalls();
    expect(log).toHaveLength(0);
  });
});

describe('control API', () => {
  const control = (path: string, options: RequestOptions = {}) => httpJson(`${emulator.url}/__emulator${path}`, { token: null, ...options });

  it('reports health and info without a token', async () => {
    const health = await control('/health');
    expect(health.status).toBe(200);
    expect(health.body).toEqual({ ok: true });
    const info = await control('/info');
    expect(info.body).toMatchObject({ scale: 'demo', tokens: emulator.tokens });
  });

  it('lists and resets calls, sets latency and manages faults; none of it is logged', async () => {
    emulator.resetCalls();
    const path = `${ASSETS}/users/${USER}/operators`;
    await get(`${path}?size=3`);
    const calls = await control('/calls');
    expect(calls.status).toBe(200);
    expect(calls.body).toEqual([expect.objectContaining({ method: 'GET', path, query: { size: ['3'] }, status: 200 })]);
    expect((await control('/calls', { method: 'DELETE' })).status).toBe(204);
    expect(emulator.calls).toHaveLength(0);

    expect((await control('/latency', { method: 'PUT', body: { ms: 120 } })).status).toBe(200);
    try {
      const started = performance.now();
      await get(path);
      expect(performance.now() - started).toBeGreaterThanOrEqual(115);
    } finally {
      await control('/latency', { method: 'PUT', body: { ms: 0 } });
    }
    expectLeafProblem(await control('/latency', { method: 'PUT', body: { ms: -5 } }), 400);

    const added = await control('/faults', { method: 'POST', body: { path: '/operators', status: 503, retryAfter: 2, times: 1 } });
    expect(added.status).toBe(201);
    const faulted = await get(path);
    expectLeafProblem(faulted, 503);
    expect(faulted.headers.get('retry-after')).toBe('2');
    expect((await get(path)).status).toBe(200);

    await control('/faults', { method: 'POST', body: { path: '/operators', status: 500 } });
    expect((await control('/faults', { method: 'DELETE' })).status).toBe(204);
    expect((await get(path)).status).toBe(200);
    expectLeafProblem(await control('/faults', { method: 'POST', body: { status: 'boom' } }), 400);
    expectLeafProblem(await control('/faults', { method: 'POST', body: 'not json' }), 400);
    expectLeafProblem(await control('/nothing'), 404);
    expectLeafProblem(await control('/calls', { method: 'PUT' }), 405);

    expect(emulator.calls.every((call) => !call.path.startsWith('/__emulator'))).toBe(true);
    expect(emulator.calls).toHaveLength(4);
  });
});

describe('closing', () => {
  it('closes with a keep-alive connection open and a request held, instead of waiting them out', async () => {
    const extra = await startEmulator();
    const response = await fetch(`${extra.url}/__emulator/health`, { headers: { connection: 'keep-alive' } });
    await response.text();
    // Held far past the test's timeout: a close() that waited for it would fail the test.
    extra.setLatency(600_000);
    const held = fetch(`${extra.url}${ASSETS}/users/${USER}/operators`, { headers: { authorization: `Bearer ${extra.demoToken}` } }).then(
      (answer) => answer.status,
      () => 'closed' as const,
    );
    await until(() => extra.calls.length >= 1);
    await extra.close();
    expect(await held).toBe('closed');
    await expect(fetch(`${extra.url}/__emulator/health`)).rejects.toThrow();
  });
});

describe('command line', () => {
  const children: ChildProcess[] = [];

  afterAll(() => {
    for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  });

  function runCli(args: string[]): ChildProcess {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/emulator/main.ts', ...args], {
      cwd: new URL('..', import.meta.url).pathname,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.push(child);
    return child;
  }

  async function output(stream: NodeJS.ReadableStream, until: RegExp, timeoutMs = 10_000): Promise<string> {
    let text = '';
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out waiting for ${until}; got: ${text}`)), timeoutMs);
      stream.on('data', (chunk: Buffer) => {
        text += chunk.toString();
        if (until.test(text)) {
          clearTimeout(timer);
          resolve(text);
        }
      });
    });
  }

  it('starts on the given port, prints URL, tokens and a curl example, and stops on SIGTERM', async () => {
    const child = runCli(['--port', '0', '--latency', '1']);
    const stdout = child.stdout;
    if (!stdout) throw new Error('no stdout');
    const text = await output(stdout, /curl .*\n/);
    const url = /listening on (http:\/\/\S+)/.exec(text)?.[1];
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(text).toContain('demo-token');
    expect(text).toContain(DEMO_USER_IDS.prairieFarms);
    expect(text).toContain('other-token');
    const answer = await httpJson<unknown[]>(`${url}${ASSETS}/users/${USER}/machines?size=3`, { token: 'demo-token' });
    expect(answer.status).toBe(200);
    expect(answer.body).toHaveLength(3);
    const exited = once(child, 'exit');
    child.kill('SIGTERM');
    const [code] = await exited;
    expect(code).toBe(0);
  });

  it.each([
    [['--scale', 'huge'], /--scale/],
    [['--port', 'eighty'], /--port/],
    [['--latency', '-3'], /--latency/],
    [['--colour', 'green'], /colour/],
  ])('exits 2 with a message for %j', async (args, message) => {
    const child = runCli(args);
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const [code] = await once(child, 'exit');
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
  });
});
