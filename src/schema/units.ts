// Unit conversion for Leaf's measurements, on mathjs's unit system (pure: no I/O, no GraphQL).
// Leaf spells a few units mathjs lacks (ac, ha, bu, seeds); they are defined once here.
import { createRequire } from 'node:module';
import type { FactoryFunctionMap, MathJsInstance, Unit } from 'mathjs';
import { LRUCache } from 'lru-cache';

const load = createRequire(import.meta.url);
let instance: MathJsInstance | undefined;

/**
 * mathjs takes about a second and 80 MB to load, so it is loaded on the first conversion,
 * not at start: a gateway whose clients never pass `unit` never pays for it.
 */
function mathjs(): MathJsInstance {
  if (instance) return instance;
  const { all, create } = load('mathjs') as typeof import('mathjs');
  // mathjs declares `all` through a Record lookup, so its type reads as possibly undefined.
  const math = create(all as FactoryFunctionMap);
  math.createUnit({
    // mathjs's acre is rounded to 4046.86 m2; the international acre is exactly this.
    ac: '4046.8564224 m2',
    ha: '1 hectare',
    // Leaf reports grain volume in US (Winchester) bushels.
    bu: '35.23907016688 L',
    // A count, not a physical quantity: seeds/ac converts to seeds/ha and to nothing else.
    seeds: '',
    // A share: Leaf spells it prcnt, percentage or % (aliases below); it converts only to itself.
    percent: '',
    mph: '1 mi/hr',
    ft2: '1 ft^2',
  });
  return (instance = math);
}

/**
 * Leaf spellings mathjs would misread or not know, mapped to ones it knows. mathjs itself
 * knows sqft, in, floz and gal; mph and ft2 are defined above.
 */
const LEAF_ALIASES: Record<string, string> = {
  'US gal': 'gal',
  mile: 'mi',
  acre: 'ac',
  prcnt: 'percent',
  percentage: 'percent',
  '%': 'percent',
};

export class UnitConversionError extends Error {}

function parseUnit(name: string, role: 'target' | 'source'): Unit {
  const spelled = LEAF_ALIASES[name] ?? name;
  let unit: Unit;
  try {
    unit = mathjs().unit(spelled);
  } catch {
    throw new UnitConversionError(
      role === 'target'
        ? `"${name}" is not a unit this API knows: try e.g. ha, ac, m2, ft, m, km, mi, lb, kg, t, gal, l, bu, mi/hr, km/h.`
        : `The Leaf unit "${name}" cannot be converted.`,
    );
  }
  // A target like "5 kg" carries an amount: that is a quantity, not a unit.
  if (unit.value !== null) throw new UnitConversionError(`"${name}" is not a unit: give a unit name alone, e.g. kg.`);
  return unit;
}

/** Twelve significant digits: enough for any field reading, without float noise like 0.30000000000000004. */
function tidy(value: number): number {
  return Number(value.toPrecision(12));
}

/**
 * A function converting amounts in `from` to `to`. Throws UnitConversionError when `to` is not
 * a unit or measures something else than `from` (mass to length, say).
 */
export function unitConverter(from: string, to: string): (value: number) => number {
  const key = `${from}\u0000${to}`;
  let converter = converters.get(key);
  if (!converter) {
    converter = makeConverter(from, to);
    converters.set(key, converter);
  }
  return converter;
}

/**
 * A page of 100 files converted to one unit parses the pair once, not 100 times. Pairs come
 * from Leaf's units and clients' targets: few in practice, bounded regardless (least recently
 * used pair out first).
 */
const converters = new LRUCache<string, (value: number) => number>({ max: 256 });

function makeConverter(from: string, to: string): (value: number) => number {
  const target = to.trim();
  if (target === '') throw new UnitConversionError('The target unit is empty: give a unit, e.g. kg, or leave the argument out.');
  if (target === from) return (value) => value;
  const targetUnit = parseUnit(target, 'target');
  const sourceUnit = parseUnit(from, 'source');
  if (!sourceUnit.equalBase(targetUnit)) {
    throw new UnitConversionError(`Cannot convert ${from} to ${target}: they measure different things.`);
  }
  const source = LEAF_ALIASES[from] ?? from;
  const destination = LEAF_ALIASES[target] ?? target;
  const math = mathjs();
  const convert = (value: number): number => math.unit(value, source).toNumber(destination);
  // Leaf's quantities convert by a factor (no offsets, as temperatures would have): compute it once.
  if (convert(0) !== 0) return (value) => tidy(convert(value));
  const factor = convert(1);
  return (value) => tidy(value * factor);
}
