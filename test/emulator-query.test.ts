// The emulator's pure list logic, checked over many generated inputs.
import { describe, expect, it } from 'vitest';
import { LeafHttpError } from '../src/emulator/errors.js';
import { equalsFilter, listPage, parseInstant, type ListSpec, type QueryParams } from '../src/emulator/query.js';
import { Random } from '../src/emulator/random.js';

interface Row {
  id: string;
  name: string | null;
  year: number | null;
}

const SPEC: ListSpec<Row> = {
  filters: [equalsFilter('name', (row) => row.name)],
  sorts: { id: (row) => row.id, name: (row) => row.name, year: (row) => row.year },
};

function rows(rng: Random, count: number): Row[] {
  return Array.from({ length: count }, () => ({
    id: rng.uuid(),
    name: rng.chance(0.2) ? null : rng.pick(['a', 'B', 'b', 'c', 'Z']),
    year: rng.chance(0.2) ? null : rng.int(2000, 2005),
  }));
}

describe('listPage', () => {
  it('pages of any size concatenate to the whole ordered list, for any sort', () => {
    const rng = new Random(7);
    for (let round = 0; round < 200; round++) {
      const data = rows(rng, rng.int(0, 60));
      const sort = rng.sample(['name,asc', 'name,desc', 'year,asc', 'year,desc', 'id,desc', 'name', 'year'], rng.int(0, 3));
      const whole = listPage(data, { sort, size: ['100'] }, SPEC);
      expect(whole).toHaveLength(data.length);
      const size = rng.int(1, 100);
      const pages: Row[] = [];
      for (let page = 0; page * size <= data.length; page++) {
        pages.push(...listPage(data, { sort, size: [String(size)], page: [String(page)] }, SPEC));
      }
      expect(pages).toEqual(whole);
    }
  });

  it('orders nulls last ascending and first descending, ties by id ascending', () => {
    const rng = new Random(11);
    for (let round = 0; round < 100; round++) {
      const data = rows(rng, 40);
      const ascending = listPage(data, { sort: ['year,asc'], size: ['100'] }, SPEC);
      const descending = listPage(data, { sort: ['year,desc'], size: ['100'] }, SPEC);
      const nulls = data.filter((row) => row.year === null).length;
      expect(ascending.slice(ascending.length - nulls).every((row) => row.year === null)).toBe(true);
      expect(descending.slice(0, nulls).every((row) => row.year === null)).toBe(true);
      for (const list of [ascending, descending]) {
        for (let i = 1; i < list.length; i++) {
          const [previous, current] = [list[i - 1]!, list[i]!];
          if (previous.year === current.year) expect(previous.id < current.id).toBe(true);
        }
      }
    }
  });

  it('never returns a record with null for a filtered field', () => {
    const data = rows(new Random(3), 50);
    for (const name of ['a', 'b', 'null', '']) {
      const query: QueryParams = { name: [name], size: ['100'] };
      expect(listPage(data, query, SPEC).every((row) => row.name === name)).toBe(true);
    }
  });

  it('rejects out-of-range paging with a 400 naming the parameter', () => {
    for (const [param, value] of [
      ['size', '0'],
      ['size', '101'],
      ['page', '-1'],
      ['page', '1e3'],
      ['size', ' 5'],
    ] as const) {
      try {
        listPage([], { [param]: [value] }, SPEC);
        expect.unreachable(`${param}=${value} accepted`);
      } catch (error) {
        expect(error).toBeInstanceOf(LeafHttpError);
        expect((error as LeafHttpError).status).toBe(400);
        expect((error as LeafHttpError).detail).toContain(param);
      }
    }
  });
});

describe('parseInstant', () => {
  it('reads every ISO 8601 spelling of an instant as that instant', () => {
    const rng = new Random(5);
    for (let round = 0; round < 500; round++) {
      const ms = Date.UTC(2019, 0, 1) + Math.floor(rng.float(0, 7 * 365 * 86_400_000));
      const iso = new Date(ms).toISOString();
      expect(parseInstant(iso)).toBe(ms);
      const offsetMinutes = rng.pick([-300, -90, 0, 60, 330]);
      const local = new Date(ms + offsetMinutes * 60_000).toISOString().slice(0, -1);
      const sign = offsetMinutes < 0 ? '-' : '+';
      const hours = String(Math.floor(Math.abs(offsetMinutes) / 60)).padStart(2, '0');
      const minutes = String(Math.abs(offsetMinutes) % 60).padStart(2, '0');
      expect(parseInstant(`${local}${sign}${hours}:${minutes}`)).toBe(ms);
      expect(parseInstant(`${local}${sign}${hours}${minutes}`)).toBe(ms);
    }
    // An unencoded '+' arrives as a space in a query string.
    expect(parseInstant('2022-02-22T21:06:25.411 01:00')).toBe(Date.parse('2022-02-22T20:06:25.411Z'));
    expect(parseInstant('2022-02-22')).toBe(Date.UTC(2022, 1, 22));
  });

  it('rejects impossible or non-ISO dates', () => {
    for (const text of ['2023-02-29T00:00:00Z', '2023-13-01', '2023-01-01T24:00:00Z', 'yesterday', '1674000000000', '2023/01/01', '']) {
      expect(parseInstant(text), text).toBeNaN();
    }
  });
});
