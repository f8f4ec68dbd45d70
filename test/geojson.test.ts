// The GeoJSON geometry check (pure): what RFC 7946 calls a geometry passes as Leaf sent it, and
// anything else is refused, so test/machine-data.test.ts can fail only that field over HTTP.
import { describe, expect, it } from 'vitest';
import { isGeometry } from '../src/schema/files/geojson.js';

describe('GeoJSON geometry check', () => {
  const ring = [[-89.8, 40.4], [-89.7, 40.4], [-89.7, 40.5], [-89.8, 40.4]];
  it('accepts every RFC 7946 geometry type', () => {
    for (const geometry of [
      { type: 'Point', coordinates: [-89.8, 40.4] },
      { type: 'Point', coordinates: [-89.8, 40.4, 212.5] },
      { type: 'MultiPoint', coordinates: [[-89.8, 40.4], [-89.7, 40.5]] },
      { type: 'LineString', coordinates: [[-89.8, 40.4], [-89.7, 40.5]] },
      { type: 'MultiLineString', coordinates: [[[-89.8, 40.4], [-89.7, 40.5]]] },
      { type: 'Polygon', coordinates: [ring] },
      { type: 'MultiPolygon', coordinates: [[ring], [ring, ring]] },
      { type: 'GeometryCollection', geometries: [{ type: 'Point', coordinates: [0, 0] }, { type: 'Polygon', coordinates: [ring] }] },
    ]) {
      expect(isGeometry(geometry), geometry.type).toBe(true);
    }
  });

  it('refuses what is not one', () => {
    for (const geometry of [
      null,
      [],
      'MultiPolygon',
      { type: 'Feature', geometry: { type: 'Point', coordinates: [0, 0] } },
      { type: 'Point', coordinates: [0] },
      { type: 'Point', coordinates: ['-89.8', '40.4'] },
      { type: 'LineString', coordinates: [[0, 0]] },
      { type: 'Polygon', coordinates: [ring.slice(0, 3)] },
      { type: 'Polygon', coordinates: [[...ring.slice(0, 3), [0, 0]]] },
      { type: 'MultiPolygon', coordinates: [ring] },
      { type: 'GeometryCollection', geometries: [{ type: 'Point' }] },
      { type: 'Circle', coordinates: [0, 0] },
    ]) {
      expect(isGeometry(geometry), JSON.stringify(geometry)).toBe(false);
    }
  });
});
