/**
 * Antimeridian repair, shared by the basemap build (Natural Earth data) and layer import.
 *
 * TopoJSON quantisation leaves some rings (Chukotka, Wrangel Island) with edges that jump from
 * about +179.9 to -180 degrees. Drawn as-is, those edges become stripes across the whole map.
 * Rings are unwrapped into one continuous longitude range, clipped at 180 degrees, and the part
 * beyond 180 is shifted back by 360 degrees so every ring stays within [-180, 180].
 */
import { bboxClip, rewind } from '@turf/turf';
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

/**
 * Makes a ring's longitudes continuous: each jump of more than 180 degrees is undone by adding or
 * subtracting 360 from everything after it. Only the points past the jump move, so a ring that
 * runs from western Europe to Chukotka becomes one span from about -25 to 190 degrees.
 */
function unwrapRing(ring: Position[]): Position[] {
	let offset = 0;
	return ring.map(([lon, lat], i) => {
		const prev = ring[i - 1];
		if (prev) {
			const d = lon! - prev[0]!;
			if (d > 180) offset -= 360;
			else if (d < -180) offset += 360;
		}
		return [lon! + offset, lat!];
	});
}

function lonRange(rings: Position[][]): [number, number] {
	let lo = Infinity;
	let hi = -Infinity;
	for (const ring of rings) {
		for (const [lon] of ring) {
			lo = Math.min(lo, lon!);
			hi = Math.max(hi, lon!);
		}
	}
	return [lo, hi];
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
	const outer = unwrapRing(poly[0]!);
	const first = outer[0]!;
	const last = outer[outer.length - 1]!;
	// A ring around a pole does not close once unwrapped; there is no single crossing to cut at.
	if (Math.abs(first[0]! - last[0]!) > 1e-9) return [poly];
	const [outerLo, outerHi] = lonRange([outer]);
	const mid = (outerLo + outerHi) / 2;
	// Holes are unwrapped the same way, then moved by whole turns next to the outer ring.
	const holes = poly.slice(1).map((ring) => {
		const unwrapped = unwrapRing(ring);
		const [lo, hi] = lonRange([unwrapped]);
		const turns = Math.round((mid - (lo + hi) / 2) / 360);
		return unwrapped.map(([lon, lat]) => [lon! + turns * 360, lat!]);
	});
	const unwrapped = [outer, ...holes];
	const parts: Position[][][] = [];
	for (const turn of [-1, 0, 1]) {
		const west = -180 + turn * 360;
		const east = 180 + turn * 360;
		if (outerHi <= west || outerLo >= east) continue;
		parts.push(shift(clipPolygon(unwrapped, [west, -90, east, 90]), -turn * 360));
	}
	return parts.filter(isUsable);
}

/** Returns a geometry whose rings never cross the antimeridian, wound as RFC 7946 asks. */
export function fixPolygonal(geometry: Polygon | MultiPolygon): Polygon | MultiPolygon {
	const polys = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
	const out = polys.flatMap(splitPolygon);
	// TopoJSON (d3) winds exterior rings clockwise; vector tiles need RFC 7946 winding
	// (exterior counter-clockwise), or fills come out inverted tile by tile.
	const fixed: Polygon | MultiPolygon =
		out.length === 1
			? { type: 'Polygon', coordinates: out[0]! }
			: { type: 'MultiPolygon', coordinates: out };
	return rewind(fixed, { reverse: false }) as Polygon | MultiPolygon;
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
