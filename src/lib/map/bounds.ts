/**
 * Bounds of a geometry for "zoom to feature", aware of the antimeridian: a shape with parts on
 * both sides of 180 degrees (the Far East reaches Chukotka) gets bounds that cross it, east > 180,
 * instead of bounds spanning the whole world.
 */
import type { Geometry } from 'geojson';

export type LngLatBounds = [[number, number], [number, number]];

/**
 * The bounds of a geometry, or null when it has no finite position. One pass over the positions,
 * with no intermediate arrays, so an imported line of a million points costs no more than a walk
 * (the imported-tiles worker uses it for every feature of a file).
 */
export function geometryBounds(geometry: Geometry | null | undefined): LngLatBounds | null {
	let west = Infinity;
	let east = -Infinity;
	// The same with the western hemisphere moved east by 360 degrees, which may give a narrower span.
	let shiftedWest = Infinity;
	let shiftedEast = -Infinity;
	let south = Infinity;
	let north = -Infinity;
	const visit = (c: unknown): void => {
		if (!Array.isArray(c)) return;
		if (typeof c[0] !== 'number') {
			for (const inner of c) visit(inner);
			return;
		}
		const [lon, lat] = c as number[];
		if (!Number.isFinite(lon) || !Number.isFinite(lat)) return;
		west = Math.min(west, lon!);
		east = Math.max(east, lon!);
		const shifted = lon! < 0 ? lon! + 360 : lon!;
		shiftedWest = Math.min(shiftedWest, shifted);
		shiftedEast = Math.max(shiftedEast, shifted);
		south = Math.min(south, lat!);
		north = Math.max(north, lat!);
	};
	const walk = (g: Geometry | null | undefined): void => {
		if (!g) return;
		if (g.type === 'GeometryCollection') g.geometries.forEach(walk);
		else visit(g.coordinates);
	};
	walk(geometry);
	if (south > north) return null;
	return shiftedEast - shiftedWest < east - west
		? [
				[shiftedWest, south],
				[shiftedEast, north]
			]
		: [
				[west, south],
				[east, north]
			];
}
