/**
 * geometry-valid: polygons must not cross themselves (Turf's kinks), and no line or ring may jump
 * across the antimeridian: an edge from 179.9 to -179.9 degrees is drawn the long way round the
 * world, as a stripe. Each polygon of a MultiPolygon is checked on its own, because separate
 * islands may touch at a point.
 */
import { kinks, polygon } from '@turf/turf';
import type { Finding, Rule } from './types.ts';
import { formatPosition, geometriesIn, linesOf, ringsOf, type Position2 } from './walk.ts';

function round(n: number): number {
	return Math.round(n * 1e5) / 1e5;
}

/** Index of the ring edge nearest to a point, to point the maintainer at the right spot. */
function nearestEdge(ring: Position2[], p: Position2): number {
	let best = 0;
	let bestDistance = Infinity;
	for (let i = 0; i + 1 < ring.length; i++) {
		const [a, b] = [ring[i]!, ring[i + 1]!];
		const dx = b[0] - a[0];
		const dy = b[1] - a[1];
		const len2 = dx * dx + dy * dy;
		const t =
			len2 === 0 ? 0 : Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2));
		const d = Math.hypot(a[0] + t * dx - p[0], a[1] + t * dy - p[1]);
		if (d < bestDistance) {
			bestDistance = d;
			best = i;
		}
	}
	return best;
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
				for (const { coords, path, label } of paths) {
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
					// Rings too short or open are other rules' business; Turf would throw on them.
					const usable = poly.rings.every((r) => {
						const [a, b] = [r[0], r[r.length - 1]];
						return r.length >= 4 && a && b && a[0] === b[0] && a[1] === b[1];
					});
					if (!usable) continue;
					const crossings = kinks(polygon(poly.rings)).features;
					const kink = crossings[0];
					if (!kink) continue;
					const at = kink.geometry.coordinates as Position2;
					let ringIndex = 0;
					let edge = 0;
					let bestDistance = Infinity;
					poly.rings.forEach((ring, r) => {
						const e = nearestEdge(ring, at);
						const [a] = [ring[e]!];
						const d = Math.hypot(a[0] - at[0], a[1] - at[1]);
						if (d < bestDistance) {
							bestDistance = d;
							ringIndex = r;
							edge = e;
						}
					});
					findings.push({
						source,
						path: [...poly.path, ringIndex, edge],
						message: `In ${visit.label}, the polygon's edges cross each other at about ${formatPosition([round(at[0]), round(at[1])])}${crossings.length > 1 ? ` (and ${crossings.length - 1} more place${crossings.length > 2 ? 's' : ''})` : ''}; a polygon's boundary must not cross itself.`
					});
				}
			}
		}
		return findings;
	}
};
