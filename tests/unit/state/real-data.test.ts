/**
 * Issue 5's "done when" checks and the presence table, against the real geo/ data, evaluated
 * both by MapLibre's expression evaluator (what the map draws) and the JS predicate (the list).
 */
import { describe, expect, test } from 'vitest';
import { realDataset } from '../real-dataset.ts';
import { mapFeatureProperties } from '../../../src/lib/data/map-features.ts';
import { DEFAULT_FILTERS } from '../../../src/lib/state/filters.ts';
import {
	combinedFilter,
	fadeOpacity,
	featureTimeState,
	formatDay,
	knownOn,
	timeDomain,
	type TimeSelection
} from '../../../src/lib/state/time.ts';
import { day, mapKeeps, mapOpacity } from './helpers.ts';

const dataset = realDataset();

/** What the map draws for a feature: hidden, or its fade ('certain' is full opacity). */
function onMap(id: string, time: TimeSelection): string {
	const f = dataset.features.find((x) => x.id === id);
	if (!f) throw new Error(`no feature ${id} in geo/`);
	const props = mapFeatureProperties(dataset, f);
	const query = { time, filters: DEFAULT_FILTERS };
	if (!mapKeeps(combinedFilter(query), props)) return '-';
	const possible = mapOpacity(fadeOpacity(query, { possible: 0.5, stale: 1 }), props) < 1;
	const stale = mapOpacity(fadeOpacity(query, { possible: 1, stale: 0.5 }), props) < 1;
	return stale ? 'stale' : possible ? 'possible' : 'certain';
}

const present = (iso: string): TimeSelection => ({
	mode: 'present-on',
	day: day(iso),
	certainOnly: false
});
const reported = (iso: string): TimeSelection => ({
	mode: 'reported-by',
	day: day(iso),
	certainOnly: false
});

describe('done when', () => {
	test.each(['2025-01-01', '2025-01-15', '2025-01-31'])(
		'on %s Kursk combat shows, and the undated announced reconstruction only faded',
		(iso) => {
			expect(onMap('kursk-combat', present(iso))).not.toBe('-');
			// No report dates the builders in Kursk region, so no date rules them out (issue 10).
			expect(onMap('kursk-construction', present(iso))).toBe('possible');
		}
	);

	test('in January 2025 combat shows faded: no document dates the arrival', () => {
		const state = featureTimeState(dataset, 'kursk-combat', present('2025-01-15'));
		expect(state.certainty).toBe('possible');
		expect(state.reasons.join(' ')).toContain(
			'Start not dated: not before 1 Aug 2024, 30 Apr 2025 at the latest.'
		);
	});

	test.each(['2025-11-01', '2025-11-15', '2025-11-30'])(
		'on %s the announced reconstruction and demining show, faded, and combat is over',
		(iso) => {
			// Announced for Kursk region, but no report dates an arrival there.
			expect(onMap('kursk-construction', present(iso))).toBe('possible');
			expect(onMap('kursk-demining', present(iso))).not.toBe('-');
			expect(onMap('kursk-combat', present(iso))).toBe('-');
			expect(featureTimeState(dataset, 'kursk-combat', present(iso)).reasons).toEqual([
				`No longer present on ${formatDay(day(iso))}: it ended c. Apr 2025.`
			]);
		}
	);

	test.each(['2025-07-01', '2025-07-15', '2025-07-31'])(
		'as reported by %s, no NIS November figure is in the panel, not even as possible',
		(iso) => {
			const novemberNis = dataset.claims
				.filter((c) => c.claimant === 'nis' && c.documents.includes('doc-000'))
				.map((c) => c.id);
			expect(novemberNis).toEqual(
				expect.arrayContaining(['nis-construction-troops-5000', 'nis-border-guard-10000'])
			);
			for (const f of dataset.features) {
				const known = knownOn(dataset, f.id, day(iso));
				const ids = [...known.claims, ...known.possibleClaims].map((c) => c.id);
				for (const id of novemberNis) expect(ids).not.toContain(id);
				expect([...known.documents, ...known.possibleDocuments].map((d) => d.id)).not.toContain(
					'doc-000'
				);
			}
		}
	);

	test('as reported by 30 Nov 2025 the NIS November figures are in, the year-dated ones not yet', () => {
		const known = knownOn(dataset, 'kursk-construction', day('2025-11-30'));
		expect(known.claims.map((c) => c.id)).toEqual([
			'nis-construction-troops-5000',
			'nis-additional-deployments-in-preparation',
			'daily-nk-labour-export-currency',
			'unattributed-dispatch-breaches-un-sanctions'
		]);
		expect(known.possibleClaims.map((c) => c.id)).toEqual([
			'shoigu-builders-5000-kursk',
			'nis-engineers-5000-smo-zone',
			'nis-deployment-could-reach-10000',
			'ru-military-sources-foreign-engineers',
			'unattributed-ru-state-media-not-confirmed',
			'unattributed-kp-silent-on-engineer-deployment',
			'expert-park-engineering-support',
			'analysis-kursk-builders-likely-tasks',
			'analysis-builders-un-resolutions',
			'analysis-military-rather-than-civilian-builders',
			'analysis-builders-state-controlled-workforce'
		]);
	});
});

test('the timeline runs from January 2022 to the end of 2025', () => {
	const domain = timeDomain(dataset);
	expect([formatDay(domain.first), formatDay(domain.last)]).toEqual(['1 Jan 2022', '31 Dec 2025']);
});

/**
 * Every feature at the three dates in both modes, as the map draws it: '-' hidden, 'possible'
 * faded for imprecise dates, 'stale' faded for old evidence, 'certain' full. Event-lavrov-thanks
 * has no geometry (the list shows it; the map cannot) but is evaluated the same way.
 */
const TABLE: Record<string, [string, string, string, string, string, string]> = {
	//                                      present on:                     as reported by:
	//                                      Jan 15      Jul 15      Nov 15      Jan 15      Jul 15      Nov 15
	'kursk-combat': ['possible', '-', '-', 'possible', 'possible', 'stale'],
	// Announced for Kursk and undated: possible at most, on any date (issue 10).
	'kursk-construction': ['possible', 'possible', 'possible', 'possible', 'possible', 'possible'],
	'kursk-demining': ['possible', 'possible', 'possible', 'possible', 'possible', 'possible'],
	'border-guard-band': ['possible', 'possible', 'possible', '-', '-', 'possible'],
	'far-east-labour': ['possible', 'possible', 'certain', 'possible', 'possible', 'possible'],
	// The Japan Today article is dated only to its year (issue 10), so possibly reported in January.
	'enlisted-labourers-far-east-to-kursk': [
		'-',
		'possible',
		'certain',
		'possible',
		'possible',
		'possible'
	],
	'dispatch-north-korea-to-kursk': [
		'possible',
		'certain',
		'certain',
		'possible',
		'possible',
		'possible'
	],
	'dispatch-north-korea-to-far-east': [
		'possible',
		'possible',
		'certain',
		'possible',
		'possible',
		'possible'
	],
	'event-shoigu-announcement-pyongyang': [
		'possible',
		'possible',
		'possible',
		'possible',
		'possible',
		'possible'
	],
	'event-lavrov-thanks': ['-', 'possible', '-', '-', '-', 'possible'],
	'event-choe-putin-moscow': ['possible', 'possible', '-', '-', '-', 'possible'],
	// "On Tuesday": 4 November 2025 at the earliest, a later Tuesday possible (issue 10).
	'event-nis-briefing': ['-', '-', 'possible', '-', '-', 'possible'],
	'event-russia-retakes-kursk': ['-', '-', '-', 'possible', 'possible', 'stale'],
	'event-north-korea-confirms-kursk': ['-', '-', '-', 'possible', 'possible', 'stale']
};

test('the presence table for the real data', () => {
	const dates = ['2025-01-15', '2025-07-15', '2025-11-15'];
	const actual = Object.fromEntries(
		dataset.features.map((f) => [
			f.id,
			[...dates.map((d) => onMap(f.id, present(d))), ...dates.map((d) => onMap(f.id, reported(d)))]
		])
	);
	expect(actual).toEqual(TABLE);
});
