/**
 * A synthetic deployment dataset for the timeline benchmark: any number of features with the
 * property schema `buildDeploymentData` writes (DeploymentProps: presence bounds, corroboration,
 * publication per claimant and grade, kind, confidence, status), in the same three sources
 * (deployments, outlines of the zones, one label per feature). Random but seeded, so every run
 * draws the same data; pure, so the browser page can build it itself instead of downloading it.
 */
import type { Feature, Geometry, LineString, MultiLineString, Point, Polygon } from 'geojson';
import { UNBOUNDED_FUTURE, UNBOUNDED_PAST } from '../../src/lib/data/dates.ts';
import {
	ANY_CLAIMANT,
	evidenceKey,
	type CredibilityGrade
} from '../../src/lib/data/map-features.ts';
import type { ClaimStatus, LocationPrecision } from '../../src/lib/data/schema.ts';
import {
	outlineOf,
	type DeploymentData,
	type DeploymentProps,
	type LabelProps
} from '../../src/lib/map/map-data.ts';
import { CATEGORY_ORDER, CATEGORY_SYMBOLS, confidenceTier } from '../../src/lib/map/symbology.ts';
import { seededRandom } from '../lib/random.ts';

export interface SyntheticOptions {
	count: number;
	seed: number;
	/** First and last day (day numbers) the dates are drawn around: the timeline's domain. */
	domain: { first: number; last: number };
	/**
	 * One label per this many features (1: every feature has one, as in the bundled data). Text
	 * layout of 100,000 labels alone takes the worker most of a minute here, on both sides alike.
	 */
	labelEvery?: number;
	/**
	 * 'mixed': each feature the shape of its category (small polygons for zones, short lines for
	 * flows, points for events). 'points': every feature a point, whatever its category.
	 */
	shapes?: 'mixed' | 'points';
}

const CLAIMANTS = [
	'nis',
	'ua-government',
	'ru-government',
	'kp-state-media',
	'western-intelligence',
	'unattributed',
	'ru-mfa',
	'msmt'
];
const STATUSES: ClaimStatus[] = ['confirmed', 'reported', 'claimed', 'disputed'];
const ZONE_PRECISIONS: LocationPrecision[] = ['region', 'band', 'macro-region'];

/** A date as the range of days it may fall on: known to the day, month or year, or not at all. */
function imprecise(rand: () => number, day: number): [number, number] {
	const r = rand();
	if (r < 0.3) return [day, day];
	if (r < 0.75) return [day, day + 29];
	if (r < 0.92) return [day, day + 364];
	return [UNBOUNDED_PAST, day];
}

export function syntheticData({
	count,
	seed,
	domain,
	labelEvery = 1,
	shapes = 'mixed'
}: SyntheticOptions): DeploymentData {
	const rand = seededRandom(seed);
	const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
	const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)]!;
	const span = domain.last - domain.first;

	const features: Array<Feature<Geometry, DeploymentProps>> = [];
	const outlines: Array<Feature<MultiLineString, DeploymentProps>> = [];
	const labels: Array<Feature<Point, LabelProps>> = [];
	for (let i = 0; i < count; i++) {
		const category = CATEGORY_ORDER[i % CATEGORY_ORDER.length]!;
		const kind = CATEGORY_SYMBOLS[category].kind;

		// Presence: an imprecise start, an imprecise end or none (open), a last corroboration
		// inside it; the same invariants presenceBounds guarantees for real data.
		const [startMin, rawStartMax] = imprecise(rand, domain.first - 200 + int(0, span));
		const open = rand() < 0.35;
		let endMin = UNBOUNDED_FUTURE;
		let endMax = UNBOUNDED_FUTURE;
		if (!open) {
			const [lo, hi] = imprecise(rand, rawStartMax + int(30, 700));
			endMin = lo === UNBOUNDED_PAST ? rawStartMax : lo;
			endMax = hi;
		}
		const startMax = Math.max(startMin, Math.min(rawStartMax, endMax));
		let corroboratedMin = UNBOUNDED_PAST;
		let corroboratedMax = UNBOUNDED_FUTURE;
		if (rand() < 0.95) {
			const from = startMin === UNBOUNDED_PAST ? startMax : startMin;
			const to = Math.max(from, Math.min(endMax, domain.last));
			corroboratedMin = int(from, to);
			corroboratedMax = Math.min(corroboratedMin + 29, Math.max(corroboratedMin, endMax));
		}

		// One to three claims, each with a claimant, a grade and a publication range.
		const props: DeploymentProps = {
			id: `syn-${i}`,
			name: `Synthetic ${category} ${i}`,
			category,
			location_precision:
				kind === 'zone' ? pick(ZONE_PRECISIONS) : kind === 'flow' ? 'schematic' : 'city',
			schematic: kind === 'flow',
			start_min: startMin,
			start_max: startMax,
			end_min: endMin,
			end_max: endMax,
			corroborated_min: corroboratedMin,
			corroborated_max: corroboratedMax,
			reported_by: UNBOUNDED_FUTURE,
			reported_from: UNBOUNDED_FUTURE,
			best_credibility: 6,
			claim_count: 0,
			claimants: '',
			kind,
			confidence: 'low',
			status: pick(STATUSES)
		};
		const who = new Set<string>();
		const claims = int(1, 3);
		for (let c = 0; c < claims; c++) {
			const claimant = pick(CLAIMANTS);
			const grade = int(1, 6) as CredibilityGrade;
			const published = (startMin === UNBOUNDED_PAST ? startMax : startMin) + int(0, 400);
			const [from, by] =
				rand() < 0.05 ? [UNBOUNDED_PAST, UNBOUNDED_FUTURE] : [published, published + int(0, 29)];
			who.add(claimant);
			props.best_credibility = Math.min(props.best_credibility, grade);
			props.reported_from = Math.min(props.reported_from, from);
			props.reported_by = Math.min(props.reported_by, by);
			for (const key of [claimant, ANY_CLAIMANT]) {
				const f = evidenceKey('from', grade, key);
				const b = evidenceKey('by', grade, key);
				props[f] = Math.min(props[f] ?? UNBOUNDED_FUTURE, from);
				props[b] = Math.min(props[b] ?? UNBOUNDED_FUTURE, by);
			}
		}
		props.claim_count = claims;
		props.claimants = `|${[...who].sort().join('|')}|`;
		props.confidence = confidenceTier(props.best_credibility);

		// Small shapes spread over Russia, from the Kursk region to Chukotka.
		const lon = 30 + rand() * 140;
		const lat = 44 + rand() * 27;
		let geometry: Polygon | LineString | Point;
		let at: [number, number] = [lon, lat];
		if (shapes === 'points') {
			geometry = { type: 'Point', coordinates: [lon, lat] };
		} else if (kind === 'zone') {
			const d = 0.15 + rand() * 0.35;
			geometry = {
				type: 'Polygon',
				coordinates: [
					[
						[lon - d, lat - d / 2],
						[lon + d, lat - d / 2],
						[lon + d, lat + d / 2],
						[lon - d, lat + d / 2],
						[lon - d, lat - d / 2]
					]
				]
			};
		} else if (kind === 'flow') {
			const end: [number, number] = [lon + 1 + rand() * 3, lat + (rand() - 0.5) * 2];
			geometry = { type: 'LineString', coordinates: [[lon, lat], end] };
			at = [(lon + end[0]) / 2, (lat + end[1]) / 2];
		} else {
			geometry = { type: 'Point', coordinates: [lon, lat] };
		}
		const feature: Feature<Geometry, DeploymentProps> = {
			type: 'Feature',
			id: props.id,
			geometry,
			properties: props
		};
		features.push(feature);
		const lines = outlineOf(geometry);
		if (lines.length > 0) {
			outlines.push({ ...feature, geometry: { type: 'MultiLineString', coordinates: lines } });
		}
		const short = kind === 'point' ? props.name : CATEGORY_SYMBOLS[category].short;
		const figure = int(1, 20) * 500;
		if (i % labelEvery !== 0) continue;
		labels.push({
			type: 'Feature',
			id: props.id,
			geometry: { type: 'Point', coordinates: at },
			properties: { ...props, short, full: `${short}\n~${figure}`, group: null }
		});
	}
	return {
		features: { type: 'FeatureCollection', features },
		outlines: { type: 'FeatureCollection', features: outlines },
		labels: { type: 'FeatureCollection', features: labels }
	};
}
