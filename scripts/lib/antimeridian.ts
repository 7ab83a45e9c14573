/**
 * Antimeridian repair for Natural Earth data.
 *
 * TopoJSON quantisation leaves some rings (Chukotka, Wrangel Island) with edges that jump from
 * about +179.9 to -180 degrees. Drawn as-is, those edges become stripes across the whole map.
 * Rings are unwrapped into one continuous longitude range, clipped at 180 degrees, and the part
 * beyond 180 is shifted back by 360 degrees so every ring stays within [-180, 180].
 */
import { bboxClip } from '@turf/turf';
import type {
	Feature,
	LineString,
	MultiLineString,
	MultiPolygon,
	Polygon,
	Position
} from 'geojson';

function crosses(ring: Position[]): boolean {
	for (let i = 1; i < ring.length; i++) {
		if (Math.abs(ring[i]![0]! - ring[i - 1]![0]!) > 180) return true;
	}
	return false;
}

function unwrapRing(ring: Position[]): Position[] {
	return ring.map(([lon, lat]) => [lon! < 0 ? lon! + 360 : lon!, lat!]);
}

function shift(poly: Position[][], dLon: number): Position[][] {
	return poly.map((ring) => ring.map(([lon, lat]) => [lon! + dLon, lat!]));
}

function isUsable(poly: Position[][]): boolean {
	const outer = poly[0];
	return !!outer && outer.length >= 4;
}

function clipPolygon(poly: Position[][], bbox: [number, number, number, number]): Position[][] {
	const clipped = bboxClip({ type: 'Polygon', coordinates: poly }, bbox).geometry;
	if (clipped.type === 'Polygon') return clipped.coordinates.filter((r) => r.length >= 4);
	return [];
}

/** Splits one polygon (outer ring plus holes) that crosses the antimeridian into valid parts. */
export function splitPolygon(poly: Position[][]): Position[][][] {
	if (!poly.some(crosses)) return [poly];
	const unwrapped = poly.map(unwrapRing);
	const west = clipPolygon(unwrapped, [-180, -90, 180, 90]);
	const east = shift(clipPolygon(unwrapped, [180, -90, 540, 90]), -360);
	return [west, east].filter(isUsable);
}

/** Returns a geometry whose rings never cross the antimeridian. */
export function fixPolygonal(geometry: Polygon | MultiPolygon): Polygon | MultiPolygon {
	const polys = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
	const out = polys.flatMap(splitPolygon);
	if (out.length === 1) return { type: 'Polygon', coordinates: out[0]! };
	return { type: 'MultiPolygon', coordinates: out };
}

/** Splits a line wherever it jumps across the antimeridian, interpolating the crossing latitude. */
export function splitLine(line: Position[]): Position[][] {
	const parts: Position[][] = [];
	let current: Position[] = [];
	for (let i = 0; i < line.length; i++) {
		const p = line[i]!;
		const prev = line[i - 1];
		if (prev && Math.abs(p[0]! - prev[0]!) > 180) {
			const eastward = prev[0]! > 0; // leaving at +180, entering at -180
			const lonA = prev[0]!;
			const lonB = eastward ? p[0]! + 360 : p[0]! - 360;
			const edge = eastward ? 180 : -180;
			const t = lonB === lonA ? 0 : (edge - lonA) / (lonB - lonA);
			const lat = prev[1]! + t * (p[1]! - prev[1]!);
			current.push([edge, lat]);
			parts.push(current);
			current = [[-edge, lat]];
		}
		current.push(p);
	}
	parts.push(current);
	return parts.filter((part) => part.length >= 2);
}

export function fixLinear(geometry: LineString | MultiLineString): MultiLineString {
	const lines = geometry.type === 'LineString' ? [geometry.coordinates] : geometry.coordinates;
	return { type: 'MultiLineString', coordinates: lines.flatMap(splitLine) };
}

/** Applies the repair to any feature; points pass through unchanged. */
export function fixFeature<F extends Feature>(feature: F): F {
	const g = feature.geometry;
	if (!g) return feature;
	if (g.type === 'Polygon' || g.type === 'MultiPolygon') {
		return { ...feature, geometry: fixPolygonal(g) };
	}
	if (g.type === 'LineString' || g.type === 'MultiLineString') {
		return { ...feature, geometry: fixLinear(g) };
	}
	return feature;
}

/** True when some ring or line of the geometry jumps more than 180 degrees in longitude. */
export function hasAntimeridianJump(geometry: Feature['geometry']): boolean {
	if (!geometry) return false;
	switch (geometry.type) {
		case 'LineString':
			return crosses(geometry.coordinates);
		case 'MultiLineString':
		case 'Polygon':
			return geometry.coordinates.some(crosses);
		case 'MultiPolygon':
			return geometry.coordinates.some((p) => p.some(crosses));
		case 'GeometryCollection':
			return geometry.geometries.some(hasAntimeridianJump);
		default:
			return false;
	}
}
