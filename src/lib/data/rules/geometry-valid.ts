/**
 * geometry-valid: polygons must not cross themselves, and no line or ring may jump across the
 * antimeridian: an edge from 179.9 to -179.9 degrees is drawn the long way round the world, as a
 * stripe. Each polygon of a MultiPolygon is checked on its own, because separate islands may touch
 * at a point. Rings and lines over LIMITS.ringPoints are refused before any check.
 *
 * The self-intersection check stops at the first crossing (Turf's kinks collects every crossing:
 * seconds and hundreds of thousands of points on a scribbled ring). It sweeps the edges from west
 * to east and compares each only with the edges whose longitudes overlap it.
 */
import { LIMITS } from '../source-file.ts';
import type { Finding, Rule } from './types.ts';
import { formatPosition, geometriesIn, linesOf, ringsOf, type Position2 } from './walk.ts';

function round(n: number): number {
	return Math.round(n * 1e5) / 1e5;
}

/** Twice the signed area of a, b, c: > 0 when c is left of a->b, 0 when the three are in line. */
function orient(a: Position2, b: Position2, c: Position2): number {
	return (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]);
}

/** Whether p, known to be in line with a->b, lies on the segment. */
function within(a: Position2, b: Position2, p: Position2): boolean {
	return (
		Math.min(a[0], b[0]) <= p[0] &&
		p[0] <= Math.max(a[0], b[0]) &&
		Math.min(a[1], b[1]) <= p[1] &&
		p[1] <= Math.max(a[1], b[1])
	);
}

/** A point the two segments share (a crossing, a touch, an overlap), or null. */
function meet(a: Position2, b: Position2, c: Position2, d: Position2): Position2 | null {
	const d1 = orient(c, d, a);
	const d2 = orient(c, d, b);
	const d3 = orient(a, b, c);
	const d4 = orient(a, b, d);
	if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0))) {
		const t = d1 / (d1 - d2);
		return [a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])];
	}
	if (d1 === 0 && within(c, d, a)) return a;
	if (d2 === 0 && within(c, d, b)) return b;
	if (d3 === 0 && within(a, b, c)) return c;
	if (d4 === 0 && within(a, b, d)) return d;
	return null;
}

interface Edge {
	ring: number;
	/** Index of the edge's first point in the ring as written. */
	index: number;
	/** Position among the ring's edges once repeated points are skipped, for adjacency. */
	order: number;
	/** Edges in the ring after skipping repeated points. */
	count: number;
	a: Position2;
	b: Position2;
	minX: number;
	maxX: number;
}

/**
 * The first place where a polygon's closed rings cross or touch themselves or each other, with
 * the ring and the edge to point at; null when there is none. Neighbouring edges of a ring share
 * a point by construction and are not compared; repeated points are skipped.
 */
export function firstSelfIntersection(
	rings: readonly Position2[][]
): { at: Position2; ring: number; edge: number } | null {
	const edges: Edge[] = [];
	rings.forEach((ring, r) => {
		const own: Edge[] = [];
		for (let i = 0; i + 1 < ring.length; i++) {
			const [a, b] = [ring[i]!, ring[i + 1]!];
			if (a[0] === b[0] && a[1] === b[1]) continue;
			const [minX, maxX] = a[0] < b[0] ? [a[0], b[0]] : [b[0], a[0]];
			own.push({ ring: r, index: i, order: own.length, count: 0, a, b, minX, maxX });
		}
		for (const e of own) e.count = own.length;
		edges.push(...own);
	});
	edges.sort((p, q) => p.minX - q.minX);
	const active: Edge[] = [];
	for (const e of edges) {
		let kept = 0;
		for (const other of active) {
			if (other.maxX < e.minX) continue;
			active[kept++] = other;
			if (other.ring === e.ring) {
				const gap = Math.abs(other.order - e.order);
				if (gap === 1 || gap === e.count - 1) continue;
			}
			const at = meet(e.a, e.b, other.a, other.b);
			if (at) {
				const first = other.ring < e.ring || (other.ring === e.ring && other.index < e.index);
				const pick = first ? other : e;
				return { at, ring: pick.ring, edge: pick.index };
			}
		}
		active.length = kept;
		active.push(e);
	}
	return null;
}

export const geometryValid: Rule = {
	id: 'geometry-valid',
	severity: 'error',
	check({ geojson }) {
		const findings: Finding[] = [];
		for (const source of geojson) {
			for (const visit of geometriesIn(source)) {
				const rings = ringsOf(visit);
				const paths = [
					...rings.map((r) => ({ coords: r.ring, path: r.path, label: r.label })),
					...linesOf(visit).map((l) => ({ coords: l.line, path: l.path, label: l.label }))
				];
				const tooLong = new Set<Position2[]>();
				for (const { coords, path, label } of paths) {
					if (coords.length > LIMITS.ringPoints) {
						tooLong.add(coords);
						findings.push({
							source,
							path,
							message: `In ${visit.label}, ${label} has ${coords.length.toLocaleString('en')} points; the validator checks up to ${LIMITS.ringPoints.toLocaleString('en')} per ring or line (see geo/README.md). Simplify it.`
						});
						continue;
					}
					for (let i = 1; i < coords.length; i++) {
						if (Math.abs(coords[i]![0] - coords[i - 1]![0]) <= 180) continue;
						findings.push({
							source,
							path: [...path, i],
							message: `In ${visit.label}, ${label} jumps across the antimeridian from ${formatPosition(coords[i - 1]!)} to ${formatPosition(coords[i]!)}; split it at 180 degrees so each part stays on its own side.`
						});
						break;
					}
				}
				const polygons =
					visit.type === 'Polygon'
						? [{ rings: visit.coordinates as Position2[][], path: [...visit.path, 'coordinates'] }]
						: visit.type === 'MultiPolygon'
							? (visit.coordinates as Position2[][][]).map((rs, p) => ({
									rings: rs,
									path: [...visit.path, 'coordinates', p]
								}))
							: [];
				for (const poly of polygons) {
					// Rings too short, open or too long are other checks' business.
					const usable = poly.rings.every((r) => {
						if (tooLong.has(r)) return false;
						const [a, b] = [r[0], r[r.length - 1]];
						return r.length >= 4 && a && b && a[0] === b[0] && a[1] === b[1];
					});
					if (!usable) continue;
					const crossing = firstSelfIntersection(poly.rings);
					if (!crossing) continue;
					findings.push({
						source,
						path: [...poly.path, crossing.ring, crossing.edge],
						message: `In ${visit.label}, the polygon's edges cross each other at about ${formatPosition([round(crossing.at[0]), round(crossing.at[1])])}; a polygon's boundary must not cross itself.`
					});
				}
			}
		}
		return findings;
	}
};
