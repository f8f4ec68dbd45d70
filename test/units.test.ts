// Unit conversion (pure): Leaf's spellings of one unit convert to each other, the common
// spellings Leaf uses are accepted, and nothing converts across dimensions.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { UnitConversionError, unitConverter } from '../src/schema/units.js';

describe('unit spellings', () => {
  it('reads prcnt, percentage and % as one unit', () => {
    const spellings = ['prcnt', 'percentage', '%'];
    for (const from of spellings) {
      for (const to of spellings) {
        for (const value of [0, 18.22, 99.62, 100, -3.5]) expect(unitConverter(from, to)(value)).toBe(value);
      }
    }
    expect(() => unitConverter('prcnt', 'lb')).toThrow(UnitConversionError);
  });

  it('accepts mph, ft2, sqft, in, floz and US gal, each by its exact factor', () => {
    expect(unitConverter('mi/hr', 'mph')(4.93)).toBe(4.93);
    expect(unitConverter('mph', 'km/h')(10)).toBe(16.09344);
    expect(unitConverter('ft2', 'sqft')(24963.04)).toBe(24963.04);
    expect(unitConverter('m2', 'ft2')(1)).toBe(10.7639104167);
    expect(unitConverter('in', 'cm')(6)).toBe(15.24);
    expect(unitConverter('floz', 'gal')(128)).toBe(1);
    expect(unitConverter('US gal', 'l')(28.89)).toBe(109.36054644);
    expect(unitConverter('floz/ac', 'gal/ac')(3.4)).toBe(0.0265625);
  });

  it('round-trips every accepted spelling through another of its dimension', () => {
    const pairs: [string, string][] = [
      ['mph', 'km/h'],
      ['ft2', 'ha'],
      ['sqft', 'ac'],
      ['in', 'ft'],
      ['floz', 'l'],
      ['US gal', 'floz'],
      ['percentage', 'prcnt'],
    ];
    const value = fc.integer({ min: 0, max: 1e8 }).map((n) => n / 100);
    for (const [a, b] of pairs) {
      fc.assert(
        fc.property(value, (value) => {
          const back = unitConverter(b, a)(unitConverter(a, b)(value));
          expect(Math.abs(back - value)).toBeLessThanOrEqual(Math.abs(value) * 1e-9 + 1e-9);
        }),
        { numRuns: 50 },
      );
    }
  });
});

describe('conversion within a dimension', () => {
  it('round-trips any amount between units of one dimension (mathjs, tidied to 12 digits)', () => {
    const pairs = [
      ['m2', 'ha'], ['m2', 'ac'], ['ac', 'ha'], ['ft', 'm'], ['ft', 'km'], ['ft', 'mi'], ['lb', 'kg'], ['lb', 't'],
      ['bu', 'l'], ['bu', 'gal'], ['gal', 'l'], ['US gal', 'l'], ['mi/hr', 'km/h'], ['lb/ac', 'kg/ha'], ['bu/ac', 'l/ha'],
      ['seeds/ac', 'seeds/ha'], ['floz/ac', 'l/ha'], ['in', 'cm'],
    ] as const;
    // Amounts from hundredths to millions, as Leaf's measurements run.
    const amount = fc.oneof(fc.double({ min: 0, max: 1e6, noNaN: true }), fc.integer({ min: 0, max: 1e8 }).map((n) => n / 100));
    for (const [from, to] of pairs) {
      const there = unitConverter(from, to);
      const back = unitConverter(to, from);
      fc.assert(
        fc.property(amount, (amount) => {
          expect(back(there(amount))).toBeCloseTo(amount, Math.max(0, 9 - Math.ceil(Math.log10(amount + 1))));
        }),
        { numRuns: 200 },
      );
      expect(there(0)).toBe(0);
    }
    for (const [from, to] of [['lb', 'm'], ['seeds/ac', 'kg/ha'], ['percentage', 'kg'], ['bu', 'lb'], ['m2', 'ft']] as const) {
      expect(() => unitConverter(from, to)).toThrow(UnitConversionError);
    }
    expect(unitConverter('percentage', 'percentage')(17.5)).toBe(17.5);
  });
});
