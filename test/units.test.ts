// Unit conversion (pure): Leaf's spellings of one unit convert to each other, the common
// spellings Leaf uses are accepted, and nothing converts across dimensions.
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
    for (const [a, b] of pairs) {
      for (let i = 0; i < 50; i++) {
        const value = Math.round(Math.random() * 1e6) / 100;
        const back = unitConverter(b, a)(unitConverter(a, b)(value));
        expect(Math.abs(back - value)).toBeLessThanOrEqual(Math.abs(value) * 1e-9 + 1e-9);
      }
    }
  });
});
