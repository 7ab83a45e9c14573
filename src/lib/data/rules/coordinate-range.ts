/**
 * coordinate-range: longitudes lie in [-180, 180] and latitudes in [-90, 90]. A swapped pair
 * ([lat, lon] instead of [lon, lat]) is the usual cause, and the message says so.
 */
import type { Finding, Rule } from './types.ts';
import { formatPosition, geometriesIn, positionsOf } from './walk.ts';

function problem(lon: number, lat: number): string | null {
	const lonBad = !(lon >= -180 && lon <= 180);
	const latBad = !(lat >= -90 && lat <= 90);
	if (!lonBad && !latBad) return null;
	const parts: string[] = [];
	if (lonBad) parts.push(`longitude ${lon} is outside -180 to 180`);
	if (latBad) parts.push(`latitude ${lat} is outside -90 to 90`);
	const swapped = latBad && lon >= -90 && lon <= 90 && lat >= -180 && lat <= 180;
	return `${parts.join(' and ')}${swapped ? ' (are longitude and latitude swapped? GeoJSON puts longitude first)' : ''}`;
}

export const coordinateRange: Rule = {
	id: 'coordinate-range',
	severity: 'error',
	check({ geojson, model }) {
		const findings: Finding[] = [];
		for (const source of geojson) {
			for (const visit of geometriesIn(source)) {
				for (const { position, path } of positionsOf(visit)) {
					const why = problem(position[0] as number, position[1] as number);
					if (!why) continue;
					findings.push({
						source,
						path,
						message: `In ${visit.label}, the position ${formatPosition(position)} is off the globe: ${why}.`
					});
				}
			}
		}
		for (const b of model.briefings) {
			b.value.steps.forEach((step, i) => {
				const [lon, lat] = step.camera.center;
				const why = problem(lon, lat);
				if (!why) return;
				findings.push({
					source: b.source,
					path: [...b.path, 'steps', i, 'camera', 'center'],
					message: `Step "${step.id}" of briefing "${b.value.id}" centres the camera off the globe: ${why}.`
				});
			});
		}
		return findings;
	}
};
