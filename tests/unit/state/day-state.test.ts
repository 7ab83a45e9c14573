/**
 * The map reads the timeline's day from MapLibre's global state (`DAY_STATE`), so a step is one
 * `setGlobalStateProperty` call. These tests check, with MapLibre's own evaluator on the real
 * data, that the global-state form keeps and fades exactly the features the number form does,
 * and that a step within one mode changes the map's state and nothing else.
 */
import {
	createExpression,
	featureFilter,
	latest,
	type ExpressionSpecification,
	type StylePropertySpecification
} from '@maplibre/maplibre-gl-style-spec';
import { describe, expect, it } from 'vitest';
import { indexDataset } from '../../../src/lib/data/evidence.ts';
import { mapFeatureProperties } from '../../../src/lib/data/map-features.ts';
import { CATEGORY_IDS } from '../../../src/lib/data/schema.ts';
import { buildOverlay } from '../../../src/lib/map/deployment-layers.ts';
import { buildDeploymentData } from '../../../src/lib/map/map-data.ts';
import { diffOverlay } from '../../../src/lib/map/sync.ts';
import { defaultTheme } from '../../../src/lib/map/theme.ts';
import { normalizeFilters } from '../../../src/lib/state/filter-state.ts';
import {
	combinedFilter,
	DAY_STATE,
	fadeOpacity,
	mapGlobalState,
	mapTimeQuery,
	timeDomain,
	type TimeSelection
} from '../../../src/lib/state/time.ts';
import { realDataset } from '../real-dataset.ts';

const dataset = realDataset();
const domain = timeDomain(dataset);
const props = dataset.features.map((f) => mapFeatureProperties(dataset, f));
const OPACITY = latest.paint_fill['fill-opacity'] as StylePropertySpecification;

function drawn(
	filter: ReturnType<typeof combinedFilter>,
	fade: ExpressionSpecification | number,
	state: Record<string, unknown>
): string[] {
	const keep = featureFilter(filter, 'filter', state);
	const opacity =
		typeof fade === 'number' ? null : createExpression(fade, 'fill-opacity', OPACITY, state);
	if (opacity && opacity.result !== 'success') throw new Error('fade does not compile');
	return props.map((p, i) => {
		const feature = { type: 3 as const, properties: p };
		if (!keep.filter({ zoom: 5 }, feature)) return `${dataset.features[i]!.id}: -`;
		const value =
			opacity && opacity.result === 'success' ? opacity.value.evaluate({ zoom: 5 }, feature) : fade;
		return `${dataset.features[i]!.id}: ${String(value)}`;
	});
}

const filters = normalizeFilters({
	categories: [...CATEGORY_IDS],
	claimants: [dataset.claimants[0]!.id],
	minCredibility: 6
});
const everyFilters = normalizeFilters({
	categories: [...CATEGORY_IDS],
	claimants: [],
	minCredibility: 6
});
const days: number[] = [];
for (let d = domain.first - 200; d <= domain.last + 400; d += 45) days.push(d);

describe('the day as the map global state', () => {
	it('keeps and fades the same features as the day written into the expressions', () => {
		let compared = 0;
		for (const mode of ['present-on', 'reported-by'] as const) {
			for (const certainOnly of [false, true]) {
				for (const f of [everyFilters, filters]) {
					for (const day of days) {
						const time: TimeSelection = { mode, day, certainOnly };
						const number = mapTimeQuery(time, f);
						const state = mapTimeQuery(time, f, { dayState: true });
						expect(JSON.stringify(combinedFilter(state))).toContain('global-state');
						expect(
							drawn(combinedFilter(state), fadeOpacity(state), mapGlobalState(state)),
							JSON.stringify(time)
						).toEqual(drawn(combinedFilter(number), fadeOpacity(number), {}));
						compared += 1;
					}
				}
			}
		}
		expect(compared).toBe(2 * 2 * 2 * days.length);
	});

	it('makes a timeline step within one mode a single global-state call', () => {
		const data = buildDeploymentData(indexDataset(dataset));
		const visible = new Set(CATEGORY_IDS);
		const overlayOn = (day: number) => {
			const query = mapTimeQuery({ mode: 'present-on', day, certainOnly: false }, everyFilters, {
				dayState: true
			});
			return buildOverlay(data, defaultTheme, {
				visible,
				filter: combinedFilter(query),
				fade: fadeOpacity(query),
				state: mapGlobalState(query)
			});
		};
		const day = Math.round((domain.first + domain.last) / 2);
		expect(diffOverlay(overlayOn(day), overlayOn(day + 30))).toEqual([
			{ op: 'setGlobalState', name: DAY_STATE, value: day + 30 }
		]);
	});
});
