import { describe, expect, test } from 'vitest';
import { realDataset } from '../real-dataset.ts';
import { mapFeatureProperties, toMapFeatures } from '../../../src/lib/data/map-features.ts';
import { CATEGORY_IDS } from '../../../src/lib/data/schema.ts';
import {
	countShown,
	DEFAULT_FILTERS,
	matchesFilters,
	normalizeFilters,
	type FilterState
} from '../../../src/lib/state/filters.ts';
import {
	addUnits,
	combinedFilter,
	fadeOpacity,
	featureTimeFlags,
	featureTimeState,
	timeDomain,
	type TimeSelection
} from '../../../src/lib/state/time.ts';
import {
	claim,
	dataset as makeDataset,
	date,
	day,
	doc,
	feature,
	compileFilter,
	compileOpacity,
	pick,
	prng
} from './helpers.ts';

const dataset = realDataset();

describe('matchesFilters and countShown', () => {
	function small() {
		return makeDataset({
			documents: [doc('doc-a', date('2025-03-10'))],
			claims: [
				claim('c-nis', { claimant: 'nis', grade: 3 }),
				claim('c-kp', { claimant: 'kp', grade: 1 })
			],
			features: [
				feature('a', {
					category: 'combat',
					start: date('2024'),
					seen: date('2025'),
					claims: ['c-nis', 'c-kp']
				}),
				feature('b', {
					category: 'labour',
					start: date('2025'),
					seen: date('2025'),
					claims: ['c-nis']
				}),
				feature('c', {
					category: 'event',
					start: date('2023-05-01'),
					end: date('2023-05-01'),
					seen: date('2023-05-01'),
					claims: ['c-kp'],
					located: false
				})
			]
		});
	}

	test('minimum confidence N keeps features with a claim graded N or better', () => {
		const ds = small();
		const grade = (n: FilterState['minCredibility']) =>
			countShown(ds, { ...DEFAULT_FILTERS, minCredibility: n }).ids;
		expect(grade(6)).toEqual(['a', 'b', 'c']);
		expect(grade(3)).toEqual(['a', 'b', 'c']);
		expect(grade(2)).toEqual(['a', 'c']);
		expect(grade(1)).toEqual(['a', 'c']);
	});

	test('claimant and confidence must hold for the same claim', () => {
		const ds = small();
		const nisGood = { ...DEFAULT_FILTERS, claimants: ['nis'], minCredibility: 2 as const };
		expect(matchesFilters(ds, 'a', nisGood, null)).toBe(false);
		expect(matchesFilters(ds, 'a', { ...nisGood, minCredibility: 3 }, null)).toBe(true);
		expect(matchesFilters(ds, 'a', { ...nisGood, claimants: ['nis', 'kp'] }, null)).toBe(true);
	});

	test('combines with time and counts features without geometry, as the list does', () => {
		const ds = small();
		const time: TimeSelection = { mode: 'present-on', day: day('2023-05-01'), certainOnly: false };
		expect(countShown(ds, DEFAULT_FILTERS, time)).toEqual({
			shown: 1,
			total: 3,
			ids: ['c'],
			text: '1 of 3 features shown'
		});
		expect(countShown(ds).text).toBe('All 3 features shown');
		expect(countShown(ds, { ...DEFAULT_FILTERS, categories: ['combat', 'labour'] }).text).toBe(
			'2 of 3 features shown'
		);
		expect(countShown(ds, { ...DEFAULT_FILTERS, categories: [] }).text).toBe(
			'0 of 3 features shown'
		);
	});

	test('unknown feature ids never match', () => {
		expect(matchesFilters(small(), 'nope', DEFAULT_FILTERS, null)).toBe(false);
	});

	test('normalizeFilters puts lists in canonical order without duplicates', () => {
		expect(
			normalizeFilters({
				categories: ['event', 'combat', 'event'],
				claimants: ['nis', 'kp', 'nis'],
				minCredibility: 4
			})
		).toEqual({ categories: ['combat', 'event'], claimants: ['kp', 'nis'], minCredibility: 4 });
	});
});

describe('the list and the map agree on the real data', () => {
	const claimants = [...new Set(dataset.claims.map((c) => c.claimant))].sort();
	const domain = timeDomain(dataset);
	const properties = new Map(dataset.features.map((f) => [f.id, mapFeatureProperties(dataset, f)]));

	function days(): number[] {
		const out: number[] = [];
		for (
			let d = addUnits(domain.first, 'month', -2);
			d <= domain.last + 62;
			d = addUnits(d, 'month', 1)
		) {
			out.push(d, d + 14);
		}
		// The days the corpus's imprecise dates turn on.
		return [
			...out,
			day('2025-04-30'),
			day('2025-07-01'),
			day('2025-09-01'),
			day('2025-11-04'),
			day('2025-11-30'),
			day('2025-12-31')
		];
	}

	function check(time: TimeSelection | null, filters: FilterState) {
		const query = { time, filters };
		const keeps = compileFilter(combinedFilter(query));
		const opacity = compileOpacity(fadeOpacity(query, { possible: 0.5, stale: 0.25 }));
		for (const f of dataset.features) {
			const props = properties.get(f.id);
			if (!props) throw new Error(`lost ${f.id}`);
			const js = featureTimeFlags(dataset, f.id, time, filters);
			const label = `${f.id} ${JSON.stringify(query)}`;
			expect(keeps(props), label).toBe(js.shown);
			expect(matchesFilters(dataset, f.id, filters, time), label).toBe(js.shown);
			if (js.shown) {
				expect(opacity(props), label).toBe((js.possible ? 0.5 : 1) * (js.stale ? 0.25 : 1));
			}
		}
	}

	test('for every day in the grid, both modes, with and without certainOnly, default filters', () => {
		for (const d of days()) {
			for (const mode of ['present-on', 'reported-by'] as const) {
				for (const certainOnly of [false, true])
					check({ mode, day: d, certainOnly }, DEFAULT_FILTERS);
			}
		}
		check(null, DEFAULT_FILTERS);
	});

	test('for each claimant alone and each minimum confidence, at month steps', () => {
		const steps = days().filter((_, i) => i % 6 === 0);
		for (const who of [[], ...claimants.map((c) => [c])]) {
			for (const minCredibility of [1, 2, 3, 4, 5, 6] as const) {
				const filters = { ...DEFAULT_FILTERS, claimants: who, minCredibility };
				check(null, filters);
				for (const d of steps) {
					check({ mode: 'present-on', day: d, certainOnly: false }, filters);
					check({ mode: 'reported-by', day: d, certainOnly: false }, filters);
				}
			}
		}
	});

	test('for 400 random combinations of layers, claimants, confidence, mode and day', () => {
		const random = prng(5);
		const allDays = days();
		for (let i = 0; i < 400; i += 1) {
			const filters: FilterState = {
				categories: CATEGORY_IDS.filter(() => random() < 0.6),
				claimants: claimants.filter(() => random() < 0.15),
				minCredibility: pick(random, [1, 2, 3, 4, 5, 6] as const)
			};
			const time =
				random() < 0.1
					? null
					: {
							mode: pick(random, ['present-on', 'reported-by'] as const),
							day: pick(random, allDays),
							certainOnly: random() < 0.3
						};
			check(time, filters);
		}
	});

	test('the worded state agrees with the flags, and words every shown feature', () => {
		for (const d of days()) {
			for (const mode of ['present-on', 'reported-by'] as const) {
				const time = { mode, day: d, certainOnly: false };
				for (const f of dataset.features) {
					const state = featureTimeState(dataset, f.id, time);
					const { shown, possible, stale } = state;
					expect({ shown, possible, stale }).toEqual(featureTimeFlags(dataset, f.id, time));
					expect(state.reasons.length).toBeGreaterThan(0);
				}
			}
		}
	});

	test('toMapFeatures writes the properties the expressions read, for every drawn feature', () => {
		const drawn = toMapFeatures(dataset).features;
		expect(drawn.length).toBe(dataset.features.filter((f) => f.geometry !== null).length);
		for (const f of drawn) {
			const source = dataset.features.find((x) => x.id === f.id);
			if (!source) throw new Error(`lost ${String(f.id)}`);
			expect(f.properties).toEqual(mapFeatureProperties(dataset, source));
			expect(Object.values(f.properties).every((v) => typeof v !== 'object')).toBe(true);
		}
		const combat = drawn.find((f) => f.id === 'kursk-combat')?.properties;
		expect(combat?.claimants).toBe(
			'|kp-state-media|nis|ru-government|ru-mfa|ua-government|unattributed|western-intelligence|'
		);
		expect(combat?.['from:1:kp-state-media']).toBe(day('2025-01-01'));
		expect(combat?.['by:3:nis']).toBe(day('2025-11-30'));
		expect(combat?.['from:3:*']).toBeLessThan(day('2000-01-01'));
	});
});
