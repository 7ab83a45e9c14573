/**
 * ring-closed: RFC 7946 requires every polygon ring to end where it starts. Renderers disagree
 * on how to close an open ring, so an open one can draw differently in every tool.
 */
import type { Finding, Rule } from './types.ts';
import { formatPosition, geometriesIn, ringsOf } from './walk.ts';

export const ringClosed: Rule = {
	id: 'ring-closed',
	severity: 'error',
	check({ geojson }) {
		const findings: Finding[] = [];
		for (const source of geojson) {
			for (const visit of geometriesIn(source)) {
				for (const { ring, path, label } of ringsOf(visit)) {
					const first = ring[0];
					const last = ring[ring.length - 1];
					if (!first || !last || (first[0] === last[0] && first[1] === last[1])) continue;
					findings.push({
						source,
						path: [...path, ring.length - 1],
						message: `In ${visit.label}, ${label} is not closed: it starts at ${formatPosition(first)} but ends at ${formatPosition(last)}; repeat the first position at the end.`
					});
				}
			}
		}
		return findings;
	}
};
