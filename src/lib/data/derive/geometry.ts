/**
 * Derived geometry for geo/features.geojson, computed from the committed basemap only (no
 * network), deterministically: the same basemap and recipe give the same bytes.
 *
 * Coordinates are rounded to 3 decimals (about 100 m), the basemap's own precision; finer would
 * be false precision for zones the sources locate to a region at best.
 */
import {
	area,
	booleanPointInPolygon,
	buffer,
	distance,
	featureCollection,
	greatCircle,
	intersect,
	kinks,
	point,
	pointOnFeature,
	polygon,
	union
} from '@turf/turf';
import type {
	Feature,
	FeatureCollection,
	LineString,
	MultiLineString,
	MultiPolygon,
	Point,
	Polygon,
	Position
} from 'geojson';

export type LonLat = [number, number];
export type Polygonal = Polygon | MultiPolygon;

export interface Admin1Properties {
	iso_3166_2: string;
	country: string;
	name_en: string;
	ne_region: string;
	label: LonLat;
}
export type Admin1 = FeatureCollection<Polygonal, Admin1Properties>;

export interface PlaceProperties {
	name: string;
	geonames_id: number;
}
export type Places = FeatureCollection<Point, PlaceProperties>;

const DECIMALS = 1000;

export function round3(n: number): number {
	return Math.round(n * DECIMALS) / DECIMALS;
}

function roundPosition(p: Position): LonLat {
	return [round3(p[0]!), round3(p[1]!)];
}

/** Rounds a ring and drops the repeated positions rounding creates; null if it degenerates. */
function roundRing(ring: Position[]): LonLat[] | null {
	const out: LonLat[] = [];
	for (const p of ring) {
		const r = roundPosition(p);
		const prev = out[out.length - 1];
		if (!prev || prev[0] !== r[0] || prev[1] !== r[1]) out.push(r);
	}
	const [first, last] = [out[0], out[out.length - 1]];
	if (first && last && (first[0] !== last[0] || first[1] !== last[1]))
		out.push([first[0], first[1]]);
	return out.length >= 4 ? out : null;
}

function polygonsOf(g: Polygonal): Position[][][] {
	return g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
}

/** Indices of the positions Douglas-Peucker keeps at `tolerance` degrees (first and last always). */
function douglasPeucker(line: Position[], tolerance: number): number[] {
	const keep = new Uint8Array(line.length);
	keep[0] = 1;
	keep[line.length - 1] = 1;
	const stack: [number, number][] = [[0, line.length - 1]];
	while (stack.length > 0) {
		const [a, b] = stack.pop()!;
		const [ax, ay] = [line[a]![0]!, line[a]![1]!];
		const [dx, dy] = [line[b]![0]! - ax, line[b]![1]! - ay];
		const len2 = dx * dx + dy * dy;
		let far = -1;
		let farDistance = tolerance;
		for (let i = a + 1; i < b; i++) {
			const [px, py] = [line[i]![0]! - ax, line[i]![1]! - ay];
			const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, (px * dx + py * dy) / len2));
			const d = Math.hypot(px - t * dx, py - t * dy);
			if (d > farDistance) {
				farDistance = d;
				far = i;
			}
		}
		if (far >= 0) {
			keep[far] = 1;
			stack.push([a, far], [far, b]);
		}
	}
	const out: number[] = [];
	keep.forEach((k, i) => {
		if (k) out.push(i);
	});
	return out;
}

function onSegment(p: Position, a: LonLat, b: LonLat): boolean {
	const [dx, dy] = [b[0] - a[0], b[1] - a[1]];
	const len2 = dx * dx + dy * dy;
	const t =
		len2 === 0 ? 0 : Math.max(0, Math.min(1, ((p[0]! - a[0]) * dx + (p[1]! - a[1]) * dy) / len2));
	return Math.hypot(a[0] + t * dx - p[0]!, a[1] + t * dy - p[1]!) < 1e-7;
}

/**
 * Simplifies one polygon (outer ring and holes) with Douglas-Peucker, rounds it, and wherever
 * that makes edges cross, restores the original positions along the crossing edges and tries
 * again. Plain simplification of a long, ragged coastline crosses itself in places; this keeps
 * the saving everywhere else. Returns null for a polygon that rounds away to nothing.
 */
function simplifyPolygon(rings: Position[][], tolerance: number): LonLat[][] | null {
	const keeps = rings.map((ring) => {
		const k = douglasPeucker(ring, tolerance);
		return new Set(k.length >= 4 ? k : ring.map((_, i) => i));
	});
	for (let attempt = 0; attempt < 1000; attempt++) {
		const indices = keeps.map((k) => [...k].sort((a, b) => a - b));
		const rounded = indices.map((idx, r) => roundRing(idx.map((i) => rings[r]![i]!)));
		if (!rounded[0]) return null;
		const candidate = [rounded[0], ...rounded.slice(1).filter((r): r is LonLat[] => r !== null)];
		const crossings = kinks(polygon(candidate)).features;
		if (crossings.length === 0) return candidate;
		let restored = false;
		indices.forEach((idx, r) => {
			const ring = rings[r]!;
			for (let e = 0; e + 1 < idx.length; e++) {
				const [from, to] = [idx[e]!, idx[e + 1]!];
				if (to - from < 2) continue;
				const a = roundPosition(ring[from]!);
				const b = roundPosition(ring[to]!);
				if (!crossings.some((k) => onSegment(k.geometry.coordinates, a, b))) continue;
				for (let i = from + 1; i < to; i++) keeps[r]!.add(i);
				restored = true;
			}
		});
		if (!restored) {
			// The crossing comes from rounding alone, not simplification: keep what was there.
			const original = rings.map(roundRing);
			if (!original[0]) return null;
			const fallback = [original[0], ...original.slice(1).filter((r): r is LonLat[] => r !== null)];
			if (kinks(polygon(fallback)).features.length > 0) {
				throw new Error('A basemap polygon crosses itself after rounding.');
			}
			return fallback;
		}
	}
	throw new Error('Simplification did not converge.');
}

/**
 * Simplifies each polygon on its own and rounds it to the basemap's precision, never letting a
 * boundary cross itself. Polygons that vanish under rounding (islets under about 100 m) are
 * dropped.
 */
export function cleanPolygonal(g: Polygonal, toleranceDeg: number): Polygonal {
	const polys: LonLat[][][] = [];
	for (const rings of polygonsOf(g)) {
		const kept = simplifyPolygon(rings, toleranceDeg);
		if (kept) polys.push(kept);
	}
	if (polys.length === 1) return { type: 'Polygon', coordinates: polys[0]! };
	return { type: 'MultiPolygon', coordinates: polys };
}

/** Square kilometres, rounded to a whole number. */
export function areaKm2(g: Polygonal): number {
	return Math.round(area(g) / 1e6);
}

function regionByIso(admin1: Admin1, iso: string): Feature<Polygonal, Admin1Properties> {
	const f = admin1.features.find((x) => x.properties.iso_3166_2 === iso);
	if (!f) throw new Error(`Region ${iso} is not in the basemap.`);
	return f;
}

/* ---------------------------------------------------------------------------------------- */

export function deriveAdmin1(admin1: Admin1, iso: string) {
	const f = regionByIso(admin1, iso);
	return {
		geometry: f.geometry,
		derived: {
			name_en: f.properties.name_en,
			label_point: roundPosition(f.properties.label),
			area_km2: areaKm2(f.geometry)
		}
	};
}

export function deriveAdmin1Label(admin1: Admin1, iso: string) {
	const f = regionByIso(admin1, iso);
	const at = roundPosition(f.properties.label);
	return {
		geometry: { type: 'Point', coordinates: at } as Point,
		derived: { name_en: f.properties.name_en, label_point: at }
	};
}

export function derivePlace(places: Places, geonamesId: number) {
	const f = places.features.find((x) => x.properties.geonames_id === geonamesId);
	if (!f) throw new Error(`GeoNames id ${geonamesId} is not in the basemap places.`);
	const at = roundPosition(f.geometry.coordinates);
	return {
		geometry: { type: 'Point', coordinates: at } as Point,
		derived: { name: f.properties.name, label_point: at }
	};
}

/* ---------------------------------------------------------------------------------------- */

/**
 * Length of boundary each pair of regions shares, in km. The basemap is one topology, so
 * neighbours share their border vertex for vertex and a shared edge is an identical segment.
 */
export function sharedBoundaryKm(
	admin1: Admin1,
	countryA: string,
	countryB: string
): Map<string, Map<string, number>> {
	const key = (a: Position, b: Position) => {
		const s = `${a[0]},${a[1]}`;
		const t = `${b[0]},${b[1]}`;
		return s < t ? `${s}|${t}` : `${t}|${s}`;
	};
	const edgesOf = (g: Polygonal) =>
		polygonsOf(g).flatMap((rings) =>
			rings.flatMap((ring) => ring.slice(1).map((p, i) => [ring[i]!, p] as [Position, Position]))
		);
	const owner = new Map<string, string>();
	for (const f of admin1.features) {
		if (f.properties.country !== countryB) continue;
		for (const [a, b] of edgesOf(f.geometry)) owner.set(key(a, b), f.properties.iso_3166_2);
	}
	const out = new Map<string, Map<string, number>>();
	for (const f of admin1.features) {
		if (f.properties.country !== countryA) continue;
		for (const [a, b] of edgesOf(f.geometry)) {
			const other = owner.get(key(a, b));
			if (!other) continue;
			const row = out.get(f.properties.iso_3166_2) ?? new Map<string, number>();
			row.set(other, (row.get(other) ?? 0) + distance(a, b, { units: 'kilometers' }));
			out.set(f.properties.iso_3166_2, row);
		}
	}
	return out;
}

export interface BandParams {
	inside_country: string;
	border_country: string;
	width_km: number;
	min_shared_border_km: number;
	simplify_tolerance_deg: number;
}

/** Segments per quarter circle in the buffer's rounded ends; recorded here so output is stable. */
const BUFFER_STEPS = 16;

/**
 * The part of `inside_country` within `width_km` of `border_country`'s territory: regions on
 * both sides that share at least `min_shared_border_km` of boundary are found from the
 * topology, the border country's ones are buffered, and the buffer is cut to the inside
 * country's ones. Distances are geodesic enough: Turf buffers in an azimuthal equidistant
 * projection centred on the shape.
 */
export function deriveBorderBand(admin1: Admin1, p: BandParams) {
	const shared = sharedBoundaryKm(admin1, p.inside_country, p.border_country);
	const inside = new Set<string>();
	const border = new Set<string>();
	let sharedKm = 0;
	for (const [a, row] of shared) {
		for (const [b, km] of row) {
			if (km < p.min_shared_border_km) continue;
			inside.add(a);
			border.add(b);
			sharedKm += km;
		}
	}
	const pick = (ids: Set<string>) =>
		admin1.features.filter((f) => ids.has(f.properties.iso_3166_2));
	const borderUnion = union(featureCollection(pick(border)));
	const insideUnion = union(featureCollection(pick(inside)));
	if (!borderUnion || !insideUnion) throw new Error('No regions share a border.');
	const zone = buffer(borderUnion, p.width_km, { units: 'kilometers', steps: BUFFER_STEPS });
	if (!zone) throw new Error('Buffer failed.');
	const band = intersect(featureCollection([zone as Feature<Polygonal>, insideUnion]));
	if (!band) throw new Error('The buffer does not reach into the inside country.');
	const geometry = cleanPolygonal(band.geometry, p.simplify_tolerance_deg);
	return {
		geometry,
		derived: {
			inside_regions: [...inside].sort(),
			border_regions: [...border].sort(),
			shared_border_km: Math.round(sharedKm),
			label_point: roundPosition(pointOnFeature(largestPolygon(geometry)).geometry.coordinates),
			area_km2: areaKm2(geometry)
		}
	};
}

function largestPolygon(g: Polygonal): Feature<Polygon> {
	const polys = polygonsOf(g).map((rings) => polygon(rings));
	return polys.reduce((best, p) => (area(p) > area(best) ? p : best));
}

/* ---------------------------------------------------------------------------------------- */

/** Longitude moved into [0, 360) so shapes that straddle 180 degrees are contiguous. */
function eastward(lon: number): number {
	return lon < 0 ? lon + 360 : lon;
}

/**
 * Area-weighted centroid of the outer rings, computed in longitudes shifted to [0, 360) so a
 * shape straddling the antimeridian (Chukotka) is not averaged across the whole globe. Planar
 * in degrees: good enough for a schematic anchor, and stable.
 */
export function unwrappedCentroid(g: Polygonal): LonLat {
	let sumA = 0;
	let sumX = 0;
	let sumY = 0;
	for (const rings of polygonsOf(g)) {
		const ring = rings[0]!;
		for (let i = 0; i + 1 < ring.length; i++) {
			const [x0, y0] = [eastward(ring[i]![0]!), ring[i]![1]!];
			const [x1, y1] = [eastward(ring[i + 1]![0]!), ring[i + 1]![1]!];
			const cross = x0 * y1 - x1 * y0;
			sumA += cross;
			sumX += (x0 + x1) * cross;
			sumY += (y0 + y1) * cross;
		}
	}
	const lon = sumX / (3 * sumA);
	const lat = sumY / (3 * sumA);
	return roundPosition([lon > 180 ? lon - 360 : lon, lat]);
}

function contains(g: Polygonal, at: LonLat): boolean {
	return booleanPointInPolygon(point(at), g);
}

export interface UnionParams {
	country: string;
	ne_region: string;
	simplify_tolerance_deg: number;
}

/** One shape for the regions Natural Earth groups under `ne_region` in `country`. */
export function deriveRegionUnion(admin1: Admin1, p: UnionParams) {
	const members = admin1.features.filter(
		(f) => f.properties.country === p.country && f.properties.ne_region === p.ne_region
	);
	if (members.length === 0) throw new Error(`No ${p.country} regions in "${p.ne_region}".`);
	const { geometry, label_point, area_km2 } = uniteRegions(members, p.simplify_tolerance_deg);
	return {
		geometry,
		derived: {
			members: members.map((f) => f.properties.iso_3166_2).sort(),
			label_point,
			area_km2
		}
	};
}

/** One shape for regions picked by code, in the order given (the editor's region picker). */
export function deriveRegionSet(admin1: Admin1, isos: string[], toleranceDeg: number) {
	const members = isos.map((iso) => regionByIso(admin1, iso));
	const { geometry, label_point, area_km2 } = uniteRegions(members, toleranceDeg);
	return {
		geometry,
		derived: { names_en: members.map((f) => f.properties.name_en), label_point, area_km2 }
	};
}

/** A drawn or imported outline kept as drawn, rounded to the basemap's precision. */
export function deriveDrawn(g: Polygonal) {
	const geometry = cleanPolygonal(g, 0);
	return { geometry, derived: { label_point: labelOf(geometry), area_km2: areaKm2(geometry) } };
}

function labelOf(geometry: Polygonal): LonLat {
	const centre = unwrappedCentroid(geometry);
	return contains(geometry, centre)
		? centre
		: roundPosition(pointOnFeature(largestPolygon(geometry)).geometry.coordinates);
}

function uniteRegions(members: Feature<Polygonal, Admin1Properties>[], toleranceDeg: number) {
	const merged = members.length === 1 ? members[0]! : union(featureCollection(members));
	if (!merged) throw new Error('Union failed.');
	const geometry = cleanPolygonal(merged.geometry, toleranceDeg);
	return { geometry, label_point: labelOf(geometry), area_km2: areaKm2(geometry) };
}

/* ---------------------------------------------------------------------------------------- */

/**
 * Great-circle line between two points. Turf splits it into a MultiLineString if it crosses the
 * antimeridian; each part then stays on its own side of 180 degrees.
 */
export function deriveGreatCircle(from: LonLat, to: LonLat, npoints: number) {
	const line = greatCircle(point(from), point(to), { npoints }).geometry as
		LineString | MultiLineString;
	const roundLine = (coords: Position[]) => coords.map(roundPosition);
	const geometry: LineString | MultiLineString =
		line.type === 'LineString'
			? { type: 'LineString', coordinates: roundLine(line.coordinates) }
			: { type: 'MultiLineString', coordinates: line.coordinates.map(roundLine) };
	const all = geometry.type === 'LineString' ? geometry.coordinates : geometry.coordinates.flat();
	return {
		geometry,
		derived: {
			from_point: roundPosition(from),
			to_point: roundPosition(to),
			label_point: all[Math.floor(all.length / 2)] as LonLat,
			length_km: Math.round(distance(from, to, { units: 'kilometers' }))
		}
	};
}
