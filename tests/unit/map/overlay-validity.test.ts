/**
 * applyOps (src/lib/map/sync.ts) sets filters and paint and layout values without MapLibre's
 * run-time validation, which was most of a time step's main-thread cost. That is safe because
 * those values only ever come from buildOverlay and the time expressions; this test validates
 * the overlay for every time mode, certainty setting, claimant and confidence filter and visible
 * set the controls can produce, at days across and beyond the timeline.
 */
import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import { describe, expect, it } from 'vitest';
import { indexDataset } from '../../../src/lib/data/evidence.ts';
import { CATEGORY_IDS, type CategoryId } from '../../../src/lib/data/schema.ts';
import { buildStyle } from '../../../src/lib/map/basemap-style.ts';
import { buildOverlay } from '../../../src/lib/map/deployment-layers.ts';
import { buildDeploymentData } from '../../../src/lib/map/map-data.ts';
import { defaultTheme } from '../../../src/lib/map/theme.ts';
import { normalizeFilters } from '../../../src/lib/state/filter-state.ts';
import {
	combinedFilter,
	fadeOpacity,
	mapGlobalState,
	mapTimeQuery,
	timeDomain,
	type TimeSelection
} from '../../../src/lib/state/time.ts';
import type { CredibilityGrade } from '../../../src/lib/data/map-features.ts';
import { realDataset } from '../real-dataset.ts';

const dataset = realDataset();
const data = buildDeploymentData(indexDataset(dataset));
const domain = timeDomain(dataset);
const claimants = dataset.claimants.map((c) => c.id);

const days = [
	domain.first - 400,
	domain.first,
	Math.round((domain.first + domain.last) / 2),
	domain.last + 4000
];
const times: Array<TimeSelection | null> = [
	null,
	...(['present-on', 'reported-by'] as const).flatMap((mode) =>
		[false, true].flatMap((certainOnly) => days.map((day) => ({ mode, day, certainOnly })))
	)
];
const evidence: Array<{ claimants: string[]; minCredibility: CredibilityGrade }> = [
	{ claimants: [], minCredibility: 6 },
	{ claimants: claimants.slice(0, 1), minCredibility: 6 },
	{ claimants: [], minCredibility: 2 },
	{ claimants: claimants.slice(0, 3), minCredibility: 3 }
];
const visibleSets: Array<ReadonlySet<CategoryId>> = [
	new Set(CATEGORY_IDS),
	new Set(['combat', 'event'] as const),
	new Set()
];

describe('the overlay the map is given', () => {
	it('is a valid style for every time, evidence filter and visible set', () => {
		let checked = 0;
		// Both forms: the day as a number (briefing steps, handouts) and as the map's global
		// state (the page's map and its exports), with the state declared in the style.
		for (const dayState of [false, true]) {
			for (const time of times) {
				for (const { claimants: who, minCredibility } of evidence) {
					for (const visible of visibleSets) {
						const filters = normalizeFilters({
							categories: [...visible],
							claimants: who,
							minCredibility
						});
						const query = mapTimeQuery(time, filters, { dayState });
						const overlay = buildOverlay(data, defaultTheme, {
							visible,
							filter: combinedFilter(query),
							fade: fadeOpacity(query),
							state: mapGlobalState(query)
						});
						const style = buildStyle(defaultTheme, { siteRoot: 'https://x.example/' }, overlay);
						expect(
							validateStyleMin(style),
							JSON.stringify({ dayState, time, who, minCredibility })
						).toEqual([]);
						if (dayState && time) expect(style.state, JSON.stringify(time)).toBeDefined();
						checked += 1;
					}
				}
			}
		}
		expect(checked).toBe(2 * times.length * evidence.length * visibleSets.length);
	});
});
