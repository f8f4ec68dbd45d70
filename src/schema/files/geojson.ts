// GeoJSON geometry (RFC 7946, section 3.1) checked before it reaches a client: the
// summary's geometry is exposed as a JSON object, so the shape is promised here.

type Json = unknown;

export interface Geometry {
  type: string;
  [member: string]: Json;
}

function isPosition(value: Json): boolean {
  return Array.isArray(value) && value.length >= 2 && value.every((n) => typeof n === 'number' && Number.isFinite(n));
}

function isPositions(value: Json, minimum: number): value is Json[] {
  return Array.isArray(value) && value.length >= minimum && value.every(isPosition);
}

function samePosition(a: Json, b: Json): boolean {
  return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((n, i) => n === b[i]);
}

/** A linear ring: four or more positions, the last equal to the first. */
function isRing(value: Json): boolean {
  return isPositions(value, 4) && samePosition(value[0], value.at(-1));
}

function isPolygon(value: Json): boolean {
  return Array.isArray(value) && value.length >= 1 && value.every(isRing);
}

function isListOf(value: Json, check: (item: Json) => boolean): boolean {
  return Array.isArray(value) && value.every(check);
}

const COORDINATES: Record<string, (coordinates: Json) => boolean> = {
  Point: isPosition,
  MultiPoint: (c) => isPositions(c, 0),
  LineString: (c) => isPositions(c, 2),
  MultiLineString: (c) => isListOf(c, (line) => isPositions(line, 2)),
  Polygon: isPolygon,
  MultiPolygon: (c) => isListOf(c, isPolygon),
};

export function isGeometry(value: Json): value is Geometry {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const { type, coordinates, geometries } = value as Record<string, Json>;
  if (type === 'GeometryCollection') return isListOf(geometries, isGeometry);
  const check = typeof type === 'string' ? COORDINATES[type] : undefined;
  return check !== undefined && check(coordinates);
}
