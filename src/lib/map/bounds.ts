/**
 * Bounds of a geometry for "zoom to feature", aware of the antimeridian: a shape with parts on
 * both sides of 180 degrees (the Far East reaches Chukotka) gets bounds that cross it, east > 180,
 * instead of bounds spanning the whole world.
 */
import type { Geometry, Position } from 'geojson';

export type LngLatBounds = [[number, number], [number, number]];

function positions(g: Geometry): Position[] {
	switch (g.type) {
		case 'Point':
			return [g.coordinates];
		case 'MultiPoint':
		case 'LineString':
			return g.coordinates;
		case 'MultiLineString':
		case 'Polygon':
			return g.coordinates.flat();
		case 'MultiPolygon':
			return g.coordinates.flat(2);
		case 'GeometryCollection':
			return g.geometries.flatMap(positions);
	}
}

export function geometryBounds(geometry: Geometry): LngLatBounds | null {
	const pts = positions(geometry);
	if (pts.length === 0) return null;
	const lats = pts.map((p) => p[1]!);
	const lons = pts.map((p) => p[0]!);
	const south = Math.min(...lats);
	const north = Math.max(...lats);
	const west = Math.min(...lons);
	const east = Math.max(...lons);
	// Moving the western hemisphere's points east by 360 degrees may give a narrower span.
	const shifted = lons.map((l) => (l < 0 ? l + 360 : l));
	const sWest = Math.min(...shifted);
	const sEast = Math.max(...shifted);
	if (sEast - sWest < east - west) {
		return [
			[sWest, south],
			[sEast, north]
		];
	}
	return [
		[west, south],
		[east, north]
	];
}
