/**
 * The time and filter expressions, evaluated by MapLibre's own style-spec evaluator: these tests
 * show which features the map would draw and how faded, not just what the expressions look like.
 */
import {
	validateStyleMin,
	type ExpressionFilterSpecification,
	type StyleSpecification
} from '@maplibre/maplibre-gl-style-spec';
import { afterEach, beforeEach, describe, expect, test, vi, type MockInstance } from 'vitest';
import { mapFeatureProperties } from '../../../src/lib/data/map-features.ts';
import type { Dataset } from '../../../src/lib/data/schema.ts';
import { DEFAULT_FILTERS, type FilterState } from '../../../src/lib/state/filters.ts';
import {
	certaintyExpression,
	combinedFilter,
	fadeOpacity,
	featureTimeState,
	possibleExpression,
	presentOnFilter,
	reportedByFilter,
	staleExpression,
	type MapTimeQuery,
	type TimeSelection
} from '../../../src/lib/state/time.ts';
import { claim, dataset, date, day, doc, feature, mapKeeps, mapOpacity } from './helpers.ts';

let warn: MockInstance;
beforeEach(() => {
	// MapLibre warns, then treats the feature as filtered out, when a property has the wrong
	// type; the expressions must never rely on that.
	warn = vi.spyOn(console, 'warn');
});
afterEach(() => {
	expect(warn).not.toHaveBeenCalled();
	warn.mockRestore();
});

/** Four features covering the shapes of date the corpus has. */
function sample(): Dataset {
	return dataset({
		documents: [
			doc('doc-day', date('2025-03-10')),
			doc('doc-month', date('2025-11', { earliest: '2025-11-04' })),
			doc('doc-undated', date(null))
		],
		claims: [
			claim('kp', { claimant: 'kp', grade: 1, documents: ['doc-day'] }),
			claim('nis-3', { claimant: 'nis', grade: 3, documents: ['doc-month'] }),
			claim('nis-2', { claimant: 'nis', grade: 2, documents: ['doc-month'] }),
			claim('anon', { claimant: 'anon', grade: 6, documents: ['doc-undated'] })
		],
		features: [
			feature('fighting', {
				category: 'combat',
				start: date(null, { earliest: '2024-08-01', latest: '2025-04-30' }),
				end: date('2025-04'),
				seen: date('2025-04'),
				claims: ['kp', 'nis-3']
			}),
			feature('builders', {
				category: 'construction',
				start: date('2025-09'),
				seen: date('2025-11-04'),
				claims: ['nis-2', 'anon']
			}),
			feature('guards', {
				category: 'border-guard',
				start: date(null, { latest: '2025-11-30' }),
				seen: date('2025-11', { earliest: '2025-11-04' }),
				claims: ['nis-3']
			}),
			feature('meeting', {
				category: 'event',
				start: date(null),
				end: date(null),
				seen: date(null),
				claims: ['anon'],
				located: false
			})
		]
	});
}

function shownOnMap(ds: Dataset, filter: ExpressionFilterSpecification): string[] {
	return ds.features.filter((f) => mapKeeps(filter, mapFeatureProperties(ds, f))).map((f) => f.id);
}

const present = (iso: string, certainOnly = false): TimeSelection => ({
	mode: 'present-on',
	day: day(iso),
	certainOnly
});
const reported = (iso: string, certainOnly = false): TimeSelection => ({
	mode: 'reported-by',
	day: day(iso),
	certainOnly
});

describe('present on a day, as the map draws it', () => {
	test('shows possibly and certainly present features; certainOnly only the certain', () => {
		const ds = sample();
		expect(shownOnMap(ds, presentOnFilter(day('2025-01-15')))).toEqual([
			'fighting',
			'guards',
			'meeting'
		]);
		expect(shownOnMap(ds, presentOnFilter(day('2025-01-15'), { certainOnly: true }))).toEqual([]);
		expect(shownOnMap(ds, presentOnFilter(day('2025-11-15')))).toEqual([
			'builders',
			'guards',
			'meeting'
		]);
		expect(shownOnMap(ds, presentOnFilter(day('2025-11-15'), { certainOnly: true }))).toEqual([
			'builders'
		]);
	});

	test('fades exactly the possibly present and the stale', () => {
		const ds = sample();
		const query = { time: present('2025-04-15'), filters: DEFAULT_FILTERS };
		const opacity = fadeOpacity(query, { possible: 0.5, stale: 0.25 });
		const byId = Object.fromEntries(
			ds.features.map((f) => [f.id, mapOpacity(opacity, mapFeatureProperties(ds, f))])
		);
		// The fighting's end is known only to the month: possibly present on 15 April.
		expect(byId).toMatchObject({ fighting: 0.5, guards: 0.5, meeting: 0.5 });
		const later = { time: present('2026-07-15'), filters: DEFAULT_FILTERS };
		const guards = ds.features.find((f) => f.id === 'guards');
		if (!guards) throw new Error('fixture lost its guards');
		// Certainly present (open interval), but last corroborated in November 2025: stale.
		expect(
			mapOpacity(
				fadeOpacity(later, { possible: 0.5, stale: 0.25 }),
				mapFeatureProperties(ds, guards)
			)
		).toBe(0.25);
	});
});

describe('as reported by a day, as the map draws it', () => {
	test('shows features with a claim possibly published by then; certainOnly waits for certainty', () => {
		const ds = sample();
		expect(shownOnMap(ds, reportedByFilter(day('2025-03-09')))).toEqual(['builders', 'meeting']);
		expect(shownOnMap(ds, reportedByFilter(day('2025-03-10')))).toEqual([
			'fighting',
			'builders',
			'meeting'
		]);
		expect(shownOnMap(ds, reportedByFilter(day('2025-11-04')))).toEqual([
			'fighting',
			'builders',
			'guards',
			'meeting'
		]);
		const certain = { certainOnly: true };
		expect(shownOnMap(ds, reportedByFilter(day('2025-11-29'), DEFAULT_FILTERS, certain))).toEqual([
			'fighting'
		]);
		expect(shownOnMap(ds, reportedByFilter(day('2025-11-30'), DEFAULT_FILTERS, certain))).toEqual([
			'fighting',
			'builders',
			'guards'
		]);
	});

	test('claimant and confidence are required of one claim, together with its publication', () => {
		const ds = sample();
		const nisGood: FilterState = { ...DEFAULT_FILTERS, claimants: ['nis'], minCredibility: 2 };
		// The fighting has an NIS claim (grade 3) and a grade-1 claim (KCNA), but no NIS claim graded 2.
		expect(shownOnMap(ds, combinedFilter({ time: null, filters: nisGood }))).toEqual(['builders']);
		const nisAny: FilterState = { ...DEFAULT_FILTERS, claimants: ['nis'] };
		// In March only KCNA's claim about the fighting is out; the NIS claims come in November.
		expect(
			shownOnMap(ds, combinedFilter({ time: reported('2025-03-15'), filters: nisAny }))
		).toEqual([]);
		expect(
			shownOnMap(ds, combinedFilter({ time: reported('2025-11-15'), filters: nisAny }))
		).toEqual(['fighting', 'builders', 'guards']);
	});

	test('fades features known only from possibly published documents', () => {
		const ds = sample();
		const query: MapTimeQuery = { time: reported('2025-11-15'), filters: DEFAULT_FILTERS };
		const possible = possibleExpression(query);
		const faded = ds.features
			.filter((f) => mapKeeps(possible, mapFeatureProperties(ds, f)))
			.map((f) => f.id);
		expect(faded).toEqual(['builders', 'guards', 'meeting']);
	});
});

describe('combined filter', () => {
	test('categories hide whole layers; no categories hides everything', () => {
		const ds = sample();
		const filters: FilterState = { ...DEFAULT_FILTERS, categories: ['combat', 'event'] };
		expect(shownOnMap(ds, combinedFilter({ time: null, filters }))).toEqual([
			'fighting',
			'meeting'
		]);
		expect(combinedFilter({ time: null, filters: { ...DEFAULT_FILTERS, categories: [] } })).toBe(
			false
		);
	});

	test('with default filters and all time, the filter keeps everything and fades nothing', () => {
		const query = { time: null, filters: DEFAULT_FILTERS };
		expect(combinedFilter(query)).toBe(true);
		expect(fadeOpacity(query)).toBe(1);
		expect(certaintyExpression(query)).toBe('certain');
		expect(staleExpression(null)).toBe(false);
	});

	test('depends on no feature id and no data: the same expression serves any number of features', () => {
		const ds = sample();
		const filters: FilterState = {
			categories: ['combat', 'construction'],
			claimants: ['nis', 'kp'],
			minCredibility: 3
		};
		const text = JSON.stringify([
			combinedFilter({ time: reported('2025-11-15'), filters }),
			fadeOpacity({ time: reported('2025-11-15'), filters })
		]);
		for (const f of ds.features) expect(text).not.toContain(`"${f.id}"`);
	});

	test('agrees with the JS predicate on every feature, day, mode and filter in a grid', () => {
		const ds = sample();
		const days = [
			'2024-07-31',
			'2024-08-01',
			'2025-01-15',
			'2025-03-10',
			'2025-04-01',
			'2025-04-15',
			'2025-05-01',
			'2025-09-15',
			'2025-11-04',
			'2025-11-30',
			'2026-06-01'
		];
		const filterSets: FilterState[] = [
			DEFAULT_FILTERS,
			{ ...DEFAULT_FILTERS, claimants: ['nis'] },
			{ ...DEFAULT_FILTERS, claimants: ['kp', 'anon'] },
			{ ...DEFAULT_FILTERS, minCredibility: 1 },
			{ ...DEFAULT_FILTERS, minCredibility: 2 },
			{ ...DEFAULT_FILTERS, claimants: ['nis'], minCredibility: 2 },
			{ ...DEFAULT_FILTERS, categories: ['construction', 'event'] }
		];
		let checked = 0;
		for (const iso of days) {
			for (const time of [present(iso), present(iso, true), reported(iso), reported(iso, true)]) {
				for (const filters of filterSets) {
					const query = { time, filters };
					const filter = combinedFilter(query);
					const opacity = fadeOpacity(query, { possible: 0.5, stale: 0.25 });
					for (const f of ds.features) {
						const props = mapFeatureProperties(ds, f);
						const js = featureTimeState(ds, f.id, time, filters);
						expect(mapKeeps(filter, props), `${f.id} ${iso} ${time.mode}`).toBe(js.shown);
						if (!js.shown) continue;
						const expected = (js.possible ? 0.5 : 1) * (js.stale ? 0.25 : 1);
						expect(mapOpacity(opacity, props), `${f.id} ${iso} opacity`).toBe(expected);
						checked += 1;
					}
				}
			}
		}
		expect(checked).toBeGreaterThan(100);
	});
});

test('the expressions pass the style-spec validator in a style', () => {
	const filters: FilterState = { categories: ['combat'], claimants: ['nis'], minCredibility: 3 };
	for (const time of [null, present('2025-11-15'), reported('2025-11-15', true)]) {
		const query = { time, filters };
		const style: StyleSpecification = {
			version: 8,
			sources: {
				deployments: { type: 'geojson', data: { type: 'FeatureCollection', features: [] } }
			},
			layers: [
				{
					id: 'fill',
					type: 'fill',
					source: 'deployments',
					filter: combinedFilter(query),
					paint: {
						'fill-opacity': fadeOpacity(query),
						'fill-color': [
							'match',
							certaintyExpression(query),
							'certain',
							'#333',
							'possible',
							'#777',
							'#aaa'
						]
					}
				},
				{
					id: 'line',
					type: 'line',
					source: 'deployments',
					filter: ['all', combinedFilter(query), ['==', ['geometry-type'], 'LineString']],
					paint: { 'line-opacity': fadeOpacity(query) }
				}
			]
		};
		expect(validateStyleMin(style)).toEqual([]);
	}
});
