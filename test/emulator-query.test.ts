// The emulator's pure list logic, checked over many generated inputs.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LeafHttpError } from '../src/emulator/errors.js';
import { equalsFilter, listPage, parseInstant, type ListSpec, type QueryParams } from '../src/emulator/query.js';

interface Row {
  id: string;
  name: string | null;
  year: number | null;
}

const SPEC: ListSpec<Row> = {
  filters: [equalsFilter('name', (row) => row.name)],
  sorts: { id: (row) => row.id, name: (row) => row.name, year: (row) => row.year },
};

/** Rows with distinct ids (ties sort by id) and names and years that repeat or are null. */
function rows(maxLength: number, minLength = 0): fc.Arbitrary<Row[]> {
  const row = fc.record({
    id: fc.uuid(),
    name: fc.option(fc.constantFrom('a', 'B', 'b', 'c', 'Z'), { freq: 5 }),
    year: fc.option(fc.integer({ min: 2000, max: 2005 }), { freq: 5 }),
  });
  return fc.uniqueArray(row, { selector: (generated) => generated.id, minLength, maxLength });
}

const SORTS = ['name,asc', 'name,desc', 'year,asc', 'year,desc', 'id,desc', 'name', 'year'];

describe('listPage', () => {
  it('pages of any size concatenate to the whole ordered list, for any sort', () => {
    const sort = fc.uniqueArray(fc.constantFrom(...SORTS), { maxLength: 3 });
    fc.assert(
      fc.property(rows(60), sort, fc.integer({ min: 1, max: 100 }), (data, sort, size) => {
        const whole = listPage(data, { sort, size: ['100'] }, SPEC);
        expect(whole).toHaveLength(data.length);
        const pages: Row[] = [];
        for (let page = 0; page * size <= data.length; page++) {
          pages.push(...listPage(data, { sort, size: [String(size)], page: [String(page)] }, SPEC));
        }
        expect(pages).toEqual(whole);
      }),
      { numRuns: 200 },
    );
  });

  it('orders nulls last ascending and first descending, ties by id ascending', () => {
    fc.assert(
      fc.property(rows(40, 40), (data) => {
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
      }),
      { numRuns: 100 },
    );
  });

  it('never returns a record with null for a filtered field', () => {
    fc.assert(
      fc.property(rows(50, 50), (data) => {
        for (const name of ['a', 'b', 'null', '']) {
          const query: QueryParams = { name: [name], size: ['100'] };
          expect(listPage(data, query, SPEC).every((row) => row.name === name)).toBe(true);
        }
      }),
    );
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
    const instant = fc.integer({ min: Date.UTC(2019, 0, 1), max: Date.UTC(2019, 0, 1) + 7 * 365 * 86_400_000 - 1 });
    fc.assert(
      fc.property(instant, fc.constantFrom(-300, -90, 0, 60, 330), (ms, offsetMinutes) => {
        const iso = new Date(ms).toISOString();
        expect(parseInstant(iso)).toBe(ms);
        const local = new Date(ms + offsetMinutes * 60_000).toISOString().slice(0, -1);
        const sign = offsetMinutes < 0 ? '-' : '+';
        const hours = String(Math.floor(Math.abs(offsetMinutes) / 60)).padStart(2, '0');
        const minutes = String(Math.abs(offsetMinutes) % 60).padStart(2, '0');
        expect(parseInstant(`${local}${sign}${hours}:${minutes}`)).toBe(ms);
        expect(parseInstant(`${local}${sign}${hours}${minutes}`)).toBe(ms);
      }),
      { numRuns: 500 },
    );
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
