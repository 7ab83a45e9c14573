/**
 * The atlas's own checks on each imported geometry, after the format's parser: positions that
 * are not numbers or out of range, empty geometries, too-short lines and rings, unclosed rings
 * (closed, with a warning), GeometryCollections nested too deep, and rings or lines that cross
 * 180 degrees (cut at the antimeridian the way the basemap build cuts Chukotka).
 */
import type { Feature, Geometry, Position } from 'geojson';
import { fixFeature, hasAntimeridianJump } from '../geometry/antimeridian.ts';
import { LIMITS } from './limits.ts';
import type { GeometryCounts } from './types.ts';

export type SymbolKind = keyof GeometryCounts;

export type GeometryCheck =
	| { ok: true; geometry: Geometry; kinds: Set<SymbolKind>; notes: string[] }
	| { ok: false; reason: string };

const DEPTH: Record<string, number> = {
	Point: 0,
	MultiPoint: 1,
	LineString: 1,
	MultiLineString: 2,
	Polygon: 2,
	MultiPolygon: 3
};

const KIND: Record<string, SymbolKind> = {
	Point: 'points',
	MultiPoint: 'points',
	LineString: 'lines',
	MultiLineString: 'lines',
	Polygon: 'polygons',
	MultiPolygon: 'polygons'
};

function fmt(n: unknown): string {
	return typeof n === 'number' ? String(n) : (JSON.stringify(n)?.slice(0, 30) ?? String(n));
}

function checkPosition(p: unknown): string | null {
	if (!Array.isArray(p) || p.length < 2) return 'a position is not a pair of numbers';
	const [lon, lat] = p as unknown[];
	if (typeof lon !== 'number' || !Number.isFinite(lon))
		return `the longitude ${fmt(lon)} is not a number`;
	if (typeof lat !== 'number' || !Number.isFinite(lat))
		return `the latitude ${fmt(lat)} is not a number`;
	if (lon < -180 || lon > 180) {
		const swap = Math.abs(lat) <= 90 ? '' : ' (are latitude and longitude swapped?)';
		if (Math.abs(lon) <= 90 && Math.abs(lat) <= 180 && Math.abs(lat) > 90)
			return `the latitude ${lat} is outside -90 to 90 (are latitude and longitude swapped?)`;
		return `the longitude ${lon} is outside -180 to 180${swap}`;
	}
	if (lat < -90 || lat > 90) {
		const swap = Math.abs(lon) <= 90 ? ' (are latitude and longitude swapped?)' : '';
		return `the latitude ${lat} is outside -90 to 90${swap}`;
	}
	return null;
}

/** Walks coordinates of a known depth; returns the first problem, or null. */
function checkCoordinates(coords: unknown, depth: number, type: string): string | null {
	if (depth === 0) return checkPosition(coords);
	if (!Array.isArray(coords)) return `the ${type} coordinates are not a list`;
	if (coords.length === 0) return `the ${type} is empty (no coordinates)`;
	for (const c of coords) {
		const problem = checkCoordinates(c, depth - 1, type);
		if (problem) return problem;
	}
	return null;
}

const samePosition = (a: Position, b: Position) => a[0] === b[0] && a[1] === b[1];

/** Lines need two positions, rings four with the last equal to the first (closed here if not). */
function checkShape(g: Geometry, notes: string[]): string | null {
	const lines =
		g.type === 'LineString' ? [g.coordinates] : g.type === 'MultiLineString' ? g.coordinates : [];
	for (const line of lines) {
		if (line.length < 2) return 'a line has fewer than two positions';
	}
	const polys =
		g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : [];
	let closed = 0;
	for (const poly of polys) {
		for (const ring of poly) {
			if (ring.length > 0 && !samePosition(ring[0]!, ring[ring.length - 1]!)) {
				ring.push([...ring[0]!]);
				closed += 1;
			}
			if (ring.length < 4) return 'a polygon ring has fewer than four positions';
		}
	}
	if (closed > 0) {
		notes.push(
			`had ${closed === 1 ? 'a ring' : `${closed} rings`} whose last position was not its first; the atlas closed ${closed === 1 ? 'it' : 'them'}`
		);
	}
	return null;
}

function checkInto(
	g: unknown,
	depth: number,
	kinds: Set<SymbolKind>,
	notes: string[]
): string | null {
	if (g === null || g === undefined) return 'it has no geometry';
	if (typeof g !== 'object') return 'its geometry is not an object';
	const type = (g as { type?: unknown }).type;
	if (type === 'GeometryCollection') {
		if (depth >= LIMITS.maxCollectionDepth)
			return `GeometryCollections are nested more than ${LIMITS.maxCollectionDepth} deep`;
		const members = (g as { geometries?: unknown }).geometries;
		if (!Array.isArray(members)) return 'its GeometryCollection has no "geometries" list';
		if (members.length === 0) return 'its GeometryCollection is empty';
		for (const m of members) {
			const problem = checkInto(m, depth + 1, kinds, notes);
			if (problem) return problem;
		}
		return null;
	}
	if (typeof type !== 'string' || !(type in DEPTH)) {
		return `its geometry type ${fmt(type)} is not a GeoJSON geometry type`;
	}
	const problem = checkCoordinates(
		(g as { coordinates?: unknown }).coordinates,
		DEPTH[type]!,
		type
	);
	if (problem) return problem;
	const shape = checkShape(g as Geometry, notes);
	if (shape) return shape;
	kinds.add(KIND[type]!);
	return null;
}

/** Checks one feature's geometry; a geometry that cannot be drawn is refused with the reason. */
export function checkGeometry(geometry: unknown): GeometryCheck {
	const kinds = new Set<SymbolKind>();
	const notes: string[] = [];
	const problem = checkInto(geometry, 0, kinds, notes);
	if (problem) return { ok: false, reason: problem };
	let g = geometry as Geometry;
	if (hasAntimeridianJump(g)) {
		g = cutAtAntimeridian(g);
		notes.push('crosses 180° longitude; it was cut there, so it is not drawn across the whole map');
	}
	return { ok: true, geometry: g, kinds, notes };
}

function cutAtAntimeridian(g: Geometry): Geometry {
	if (g.type === 'GeometryCollection') {
		return { ...g, geometries: g.geometries.map(cutAtAntimeridian) };
	}
	const feature: Feature = { type: 'Feature', properties: {}, geometry: g };
	return fixFeature(feature).geometry;
}

/** Widens a [west, south, east, north] box by every position of a geometry. */
export function extendBBox(box: [number, number, number, number], g: Geometry): void {
	const visit = (c: unknown): void => {
		if (typeof (c as number[])[0] === 'number') {
			const [x, y] = c as [number, number];
			if (x < box[0]) box[0] = x;
			if (y < box[1]) box[1] = y;
			if (x > box[2]) box[2] = x;
			if (y > box[3]) box[3] = y;
			return;
		}
		for (const inner of c as unknown[]) visit(inner);
	};
	if (g.type === 'GeometryCollection') g.geometries.forEach((m) => extendBBox(box, m));
	else visit(g.coordinates);
}
