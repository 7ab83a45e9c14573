import { describe, expect, test } from 'vitest';
import { realDataset } from '../real-dataset.ts';
import type { Figure } from '../../../src/lib/data/schema.ts';
import {
	formatDayRange,
	unplacedClaims,
	whatChanged,
	type ChangeEntry
} from '../../../src/lib/state/changes.ts';
import { claim, dataset, date, day, doc, feature } from './helpers.ts';

const about = (value: number, unit: Figure['unit'] = 'personnel'): Figure => ({
	qualifier: 'about',
	value,
	unit,
	text: `about ${value}`
});

function brief(entries: ChangeEntry[]) {
	return entries.map((e) => [e.kind, e.featureId, e.when, e.certain]);
}

describe('formatDayRange', () => {
	test('says a range as briefly as is true', () => {
		expect(formatDayRange(day('2025-11-04'), day('2025-11-04'))).toBe('4 Nov 2025');
		expect(formatDayRange(day('2025-11-01'), day('2025-11-30'))).toBe('Nov 2025');
		expect(formatDayRange(day('2025-01-01'), day('2025-12-31'))).toBe('2025');
		expect(formatDayRange(day('2025-11-04'), day('2025-11-30'))).toBe('4–30 Nov 2025');
		expect(formatDayRange(day('2025-09-01'), day('2025-12-31'))).toBe('1 Sep – 31 Dec 2025');
		expect(formatDayRange(day('2024-12-30'), day('2025-01-02'))).toBe('30 Dec 2024 – 2 Jan 2025');
	});
});

describe('new and ended, from the presence intervals', () => {
	function builders() {
		return dataset({
			documents: [doc('doc-a', date('2025-12-01'))],
			claims: [claim('c1')],
			features: [
				feature('builders', { start: date('2025-09'), seen: date('2025-11-04'), claims: ['c1'] }),
				feature('fighting', {
					start: date('2024-10'),
					end: date('2025-04'),
					seen: date('2025-04'),
					claims: ['c1']
				})
			]
		});
	}

	test('a start wholly inside the window is certainly new', () => {
		const [entry] = whatChanged(builders(), day('2025-08-01'), day('2025-10-01'));
		expect(entry).toMatchObject({
			kind: 'new',
			featureId: 'builders',
			featureName: 'Feature builders',
			first: day('2025-09-01'),
			last: day('2025-09-30'),
			certain: true,
			when: 'Sep 2025',
			text: 'Feature builders: started Sep 2025.',
			claims: ['c1']
		});
	});

	test('a start the window cuts through may be new, on either side of the cut', () => {
		expect(brief(whatChanged(builders(), day('2025-08-01'), day('2025-09-15')))).toEqual([
			['new', 'builders', '1–15 Sep 2025', false]
		]);
		const later = whatChanged(builders(), day('2025-09-15'), day('2025-10-15'));
		expect(brief(later)).toEqual([['new', 'builders', '16–30 Sep 2025', false]]);
		expect(later[0]?.text).toBe(
			'Feature builders: may have started in this period (start Sep 2025).'
		);
	});

	test('ends are listed like starts; an open presence never ends', () => {
		const entries = whatChanged(builders(), day('2025-01-15'), day('2025-11-15'));
		expect(brief(entries)).toEqual([
			['ended', 'fighting', 'Apr 2025', true],
			['new', 'builders', 'Sep 2025', true]
		]);
		expect(entries[0]?.text).toBe('Feature fighting: ended Apr 2025.');
	});

	test('the two days may come in either order; equal days change nothing', () => {
		const ds = builders();
		expect(whatChanged(ds, day('2025-11-15'), day('2025-01-15'))).toEqual(
			whatChanged(ds, day('2025-01-15'), day('2025-11-15'))
		);
		expect(whatChanged(ds, day('2025-09-15'), day('2025-09-15'))).toEqual([]);
	});

	test('a change on the first day belongs to the earlier window', () => {
		const ds = dataset({
			claims: [claim('c1')],
			features: [
				feature('f', { start: date('2025-09-01'), seen: date('2025-09-01'), claims: ['c1'] })
			]
		});
		expect(whatChanged(ds, day('2025-09-01'), day('2025-10-01'))).toEqual([]);
		expect(brief(whatChanged(ds, day('2025-08-31'), day('2025-09-01')))).toEqual([
			['new', 'f', '1 Sep 2025', true]
		]);
	});

	test('an event appears once, as having taken place; an undated one never', () => {
		const ds = dataset({
			claims: [claim('c1', { kind: 'event' })],
			features: [
				feature('meeting', {
					category: 'event',
					start: date('2025-07'),
					end: date('2025-07'),
					seen: date('2025-07'),
					claims: ['c1']
				}),
				feature('visit', {
					category: 'event',
					start: date(null),
					end: date(null),
					seen: date(null),
					claims: ['c1']
				})
			]
		});
		const entries = whatChanged(ds, day('2025-01-01'), day('2025-12-31'));
		expect(entries.map((e) => e.text)).toEqual(['Feature meeting: took place Jul 2025.']);
	});

	test('a start known only by its latest bound appears once, in the window holding it', () => {
		const ds = dataset({
			claims: [claim('c1')],
			features: [
				feature('guards', {
					start: date(null, { latest: '2025-11-30' }),
					seen: date('2025-11'),
					claims: ['c1']
				})
			]
		});
		expect(whatChanged(ds, day('2020-01-01'), day('2025-11-29'))).toEqual([]);
		const [entry] = whatChanged(ds, day('2025-11-15'), day('2025-12-31'));
		expect(entry?.text).toBe(
			'Feature guards: may have started in this period (start not dated; by 30 Nov 2025 at the latest).'
		);
	});
});

describe('revised figures, as reported', () => {
	function figures() {
		return dataset({
			documents: [
				doc('doc-early', date('2025-03-10')),
				doc('doc-nov', date('2025-11', { earliest: '2025-11-04' })),
				doc('doc-undated', date(null))
			],
			claims: [
				claim('early-5000', { claimant: 'nis', documents: ['doc-early'], figure: about(5000) }),
				claim('same-5000', { claimant: 'ru', documents: ['doc-nov'], figure: about(5000) }),
				claim('more-6000', { claimant: 'ua', documents: ['doc-nov'], figure: about(6000) }),
				claim('deaths', { claimant: 'nis', documents: ['doc-nov'], figure: about(600, 'deaths') }),
				claim('undated', { claimant: 'anon', documents: ['doc-undated'], figure: about(9000) }),
				claim('no-figure', { documents: ['doc-nov'] })
			],
			features: [
				feature('builders', {
					start: date('2024-01'),
					seen: date('2025-11'),
					claims: ['early-5000', 'same-5000', 'more-6000', 'deaths', 'undated', 'no-figure']
				})
			]
		});
	}

	test('lists new and added figures against what was certainly known at the first day', () => {
		const entries = whatChanged(figures(), day('2025-06-01'), day('2025-12-31'));
		expect(entries.map((e) => [e.kind, e.claims, e.certain, e.when])).toEqual([
			['revised', ['deaths'], true, '4–30 Nov 2025'],
			['revised', ['more-6000', 'early-5000'], true, '4–30 Nov 2025']
		]);
		expect(entries[0]?.text).toBe(
			'Feature builders: first figure for deaths, "about 600" (Claimant nis), reported 4–30 Nov 2025.'
		);
		expect(entries[1]?.text).toBe(
			'Feature builders: new figure for personnel, "about 6000" (Claimant ua), reported 4–30 Nov 2025; before: "about 5000" (Claimant nis).'
		);
	});

	test('a figure whose publication the window cuts through is listed as possibly reported there', () => {
		const entries = whatChanged(figures(), day('2025-06-01'), day('2025-11-15'));
		expect(entries.map((e) => [e.claims[0], e.certain, e.when])).toEqual([
			['deaths', false, '4–15 Nov 2025'],
			['more-6000', false, '4–15 Nov 2025']
		]);
		expect(entries[0]?.text).toContain('possibly first reported in this period (4–15 Nov 2025)');
	});

	test('before anything was published, the first figure is an addition', () => {
		const entries = whatChanged(figures(), day('2025-01-01'), day('2025-03-31'));
		expect(entries.map((e) => [e.kind, e.claims, e.text])).toEqual([
			[
				'revised',
				['early-5000'],
				'Feature builders: first figure for personnel, "about 5000" (Claimant nis), reported 10 Mar 2025.'
			]
		]);
	});

	test('claims from wholly undated documents are listed as unplaced', () => {
		expect(unplacedClaims(figures())).toEqual(['undated']);
	});
});

describe('on the real data', () => {
	const real = realDataset();
	const entries = whatChanged(real, day('2025-01-15'), day('2025-11-15'));

	test('January to November 2025: combat ended and the NIS figures came in; the announced builders stay undated', () => {
		const find = (kind: ChangeEntry['kind'], id: string) =>
			entries.filter((e) => e.kind === kind && e.featureId === id);
		expect(find('ended', 'kursk-combat')).toMatchObject([{ certain: true, when: 'Apr 2025' }]);
		// Announced for Kursk region and undated: no report puts its start in any window (issue 10).
		expect(find('new', 'kursk-construction')).toEqual([]);
		expect(find('revised', 'kursk-construction').map((e) => e.claims[0])).toEqual([
			'nis-deployment-could-reach-10000',
			'nis-engineers-5000-smo-zone',
			'nis-construction-troops-5000'
		]);
		// Deminers: announced for Kursk region, undated as well.
		expect(find('new', 'kursk-demining')).toEqual([]);
	});

	test('every entry links to a feature and is sorted by when it may first have happened', () => {
		const ids = new Set(real.features.map((f) => f.id));
		for (const e of entries) {
			expect(ids.has(e.featureId)).toBe(true);
			expect(e.text.startsWith(`${e.featureName}: `)).toBe(true);
			expect(e.first).toBeLessThanOrEqual(e.last);
			expect(e.first).toBeGreaterThan(day('2025-01-15'));
			expect(e.last).toBeLessThanOrEqual(day('2025-11-15'));
		}
		const firsts = entries.map((e) => e.first);
		expect(firsts).toEqual([...firsts].sort((a, b) => a - b));
	});

	test("Shoigu's undated announcement cannot be placed in any window", () => {
		expect(unplacedClaims(real)).toEqual([
			'shoigu-builders-5000-kursk',
			'shoigu-deminers-1000-kursk',
			'nis-labourers-15000',
			'unattributed-thousands-combat-troops',
			'shoigu-visit-pyongyang-announcement',
			'analysis-kursk-builders-likely-tasks',
			'analysis-builders-un-resolutions',
			'analysis-military-rather-than-civilian-builders',
			'analysis-builders-state-controlled-workforce',
			'analysis-manpower-offsets-russian-losses',
			'unattributed-kursk-border-shelling'
		]);
	});
});
