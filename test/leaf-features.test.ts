// The GeoJSON feature splitter (src/leaf/features.ts): over many generated FeatureCollections,
// cut into chunks at every kind of boundary, it yields exactly JSON.parse's `features`, and it
// refuses a document that is cut short or is not JSON. Seeded (the emulator's mulberry32), so a
// failure names its seed.
import { describe, expect, it } from 'vitest';
import { mulberry32 as random } from '../src/emulator/random.js';
import { FeatureSplitter, NotJson } from '../src/leaf/features.js';

const AWKWARD = ['plain', 'with "quotes"', 'brackets ] } [ {', 'comma, colon:', 'back\\slash', 'tab\tnew\nline', 'é ünïcödé 🌾', '\u0000ctrl', 'a cut },{"type":"Feature"}, ', ''];

function valueOf(next: () => number, depth: number): unknown {
  const pick = Math.floor(next() * (depth > 3 ? 5 : 8));
  switch (pick) {
    case 0:
      return null;
    case 1:
      return next() < 0.5;
    case 2:
      return Math.round((next() - 0.5) * 1e6) / 1e3;
    case 3:
    case 4:
      return AWKWARD[Math.floor(next() * AWKWARD.length)];
    case 5:
      return Array.from({ length: Math.floor(next() * 4) }, () => valueOf(next, depth + 1));
    default:
      return Object.fromEntries(Array.from({ length: Math.floor(next() * 4) }, (_, index) => [`${AWKWARD[index % AWKWARD.length]}${index}`, valueOf(next, depth + 1)]));
  }
}

function collection(seed: number): string {
  const next = random(seed);
  const features = Array.from({ length: Math.floor(next() * 30) }, () =>
    next() < 0.9
      ? {
          type: 'Feature',
          geometry: { type: 'Point', coordinates: [next(), next()] },
          // Features nested in a feature: where one ends and the next begins looks like two features.
          properties: { features: [1, 2], name: valueOf(next, 2), nested: next() < 0.1 ? [{ type: 'Feature' }, { type: 'Feature' }] : valueOf(next, 1) },
        }
      : valueOf(next, 1),
  );
  const before = next() < 0.5 ? { bbox: [0, 1, 2, 3], name: 'features' } : {};
  const after = next() < 0.5 ? { crs: { properties: { features: ['not these'] } } } : {};
  const text = JSON.stringify({ type: 'FeatureCollection', ...before, features, ...after }, null, next() < 0.3 ? 2 : undefined);
  return text;
}

/** The text in chunks of random sizes (1 byte up to `largest`), the way a socket may deliver it. */
function chunksOf(text: string, next: () => number, largest = 200): Buffer[] {
  const bytes = Buffer.from(text);
  const chunks: Buffer[] = [];
  for (let at = 0; at < bytes.length; ) {
    const size = 1 + Math.floor(next() * (next() < 0.2 ? 3 : largest));
    chunks.push(bytes.subarray(at, at + size));
    at += size;
  }
  return chunks;
}

function split(chunks: Buffer[]): unknown[] {
  const found: unknown[] = [];
  const splitter = new FeatureSplitter((value) => found.push(value));
  for (const chunk of chunks) splitter.write(chunk);
  splitter.end();
  return found;
}

describe('the feature splitter', () => {
  it('yields exactly the features JSON.parse reads, however the text is cut', () => {
    for (let seed = 1; seed <= 400; seed++) {
      const text = collection(seed);
      const expected = (JSON.parse(text) as { features: unknown[] }).features;
      expect(split(chunksOf(text, random(seed * 7))), `seed ${seed}`).toEqual(expected);
      // Chunks holding many features: those are read with one JSON.parse where it can.
      expect(split(chunksOf(text, random(seed * 11), 4096)), `seed ${seed}, large chunks`).toEqual(expected);
      expect(split([Buffer.from(text)]), `seed ${seed}, one chunk`).toEqual(expected);
    }
  });

  it('yields nothing for a collection without features, and reads only the top-level array', () => {
    expect(split([Buffer.from('{"type":"FeatureCollection","features":[]}')])).toEqual([]);
    expect(split([Buffer.from('{"type":"FeatureCollection"}')])).toEqual([]);
    expect(split([Buffer.from('{"other":{"features":[1,2]},"features":[3]}')])).toEqual([3]);
  });

  it('refuses a document cut short, with unbalanced brackets, a broken feature, or text after its end', () => {
    const whole = '{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"a":1}},{"type":"Feature"}]}';
    for (let cut = 1; cut < whole.length; cut++) {
      expect(() => split([Buffer.from(whole.slice(0, cut))]), `cut at ${cut}`).toThrow(NotJson);
    }
    for (const bad of [
      '{"features":[{"a":1]]}',
      '{"features":[{"a":}]}',
      '{"features":[1,,2]}',
      '{"features":[1]} trailing',
      'features',
      '{"features":[{"a":"unterminated}]}',
    ]) {
      expect(() => split([Buffer.from(bad)]), bad).toThrow(NotJson);
    }
  });
});
