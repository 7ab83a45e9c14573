import { describe, expect, it } from 'vitest';
import { realDataset } from '../real-dataset.ts';
import {
	claimsOf,
	formatDateShort,
	formatPeriod,
	headlineFigures,
	indexDataset,
	number,
	placeClaimsOf,
	shortFigure,
	sourcesOf
} from '../../../src/lib/data/evidence.ts';
import {
	describeProvenance,
	disputesOf,
	figureGroups,
	formatFigure,
	safeHttpUrl
} from '../../../src/lib/data/evidence-detail.ts';
import type { Claim, Dataset, Figure } from '../../../src/lib/data/schema.ts';

const real = indexDataset(realDataset());

const date = { value: '2025-11', precision: 'month', resolution: 'stated' } as const;

function claim(id: string, over: Partial<Claim>): Claim {
	return {
		id,
		statement: `Statement ${id}.`,
		kind: 'deployment',
		basis: 'report',
		claimant: 'a',
		via: null,
		documents: ['d1'],
		figure: null,
		scope: { kind: 'none', words: null, note: 'Somewhere.' },
		as_of: date,
		credibility: { grade: 3, reason: 'Because.' },
		status: 'reported',
		disputed_by: [],
		...over
	};
}

function dataset(claims: Claim[]): Dataset {
	return {
		documents: ['d1', 'd2', 'd3'].map((id) => ({
			id,
			outlet: id === 'd1' ? null : `Outlet ${id}`,
			byline: null,
			title: null,
			summary: 'A document.',
			published: date,
			url: null,
			corpus_ref: null,
			language: 'en',
			kind: 'press' as const,
			reliability: { grade: 'C' as const, reason: 'Because.' },
			cites: []
		})),
		claimants: [
			{ id: 'a', name: 'Agency A', kind: 'government', country: 'KR' },
			{ id: 'b', name: 'Agency B', kind: 'government', country: 'UA' }
		],
		claims,
		features: [],
		briefings: []
	};
}

const about = (value: number, unit: Figure['unit'] = 'personnel'): Figure => ({
	qualifier: 'about',
	value,
	unit,
	text: `about ${value}`
});

describe('figure groups', () => {
	it('keeps different figures from different claimants side by side and says they differ', () => {
		const claims = [
			claim('c1', { claimant: 'a', figure: about(5000) }),
			claim('c2', {
				claimant: 'b',
				figure: { qualifier: 'up-to', high: 10000, unit: 'troops', text: 'up to 10,000' }
			})
		];
		const [group, ...rest] = figureGroups(indexDataset(dataset(claims)), claims);
		expect(rest).toEqual([]);
		expect(group!.label).toBe('Personnel deployed');
		expect(group!.rows.map((r) => [r.claimant?.name, formatFigure(r.figure)])).toEqual([
			['Agency A', 'about 5,000 personnel'],
			['Agency B', 'up to 10,000 troops']
		]);
		expect(group!.differ).toBe(true);
	});

	it('does not flag agreement as a conflict', () => {
		const claims = [
			claim('c1', { claimant: 'a', figure: about(1000) }),
			claim('c2', { claimant: 'b', figure: about(1000) })
		];
		expect(figureGroups(indexDataset(dataset(claims)), claims)[0]!.differ).toBe(false);
	});

	it('never puts deaths or labourers in the same group as personnel sent', () => {
		const claims = [
			claim('c1', { figure: about(10000) }),
			claim('c2', { figure: about(600, 'deaths') }),
			claim('c3', { figure: about(15000, 'labourers') })
		];
		const groups = figureGroups(indexDataset(dataset(claims)), claims);
		expect(groups.map((g) => [g.label, g.rows.length])).toEqual([
			['Personnel deployed', 1],
			['Labourers', 1],
			['Deaths', 1]
		]);
	});

	it('shows about 5,000 builders from both the NIS and the Russian Security Council', () => {
		const claims = claimsOf(real, 'kursk-construction');
		const deployed = figureGroups(real, claims).find((g) => g.id === 'deployed')!;
		const rows = deployed.rows.map((r) => `${formatFigure(r.figure)} (${r.claimant?.name})`);
		expect(rows).toContain('about 5,000 personnel (National Intelligence Service (South Korea))');
		expect(rows.some((r) => r.startsWith('about 5,000') && r.includes('Security Council'))).toBe(
			true
		);
	});

	it('keeps the 15,000 sent and the 40,000 planned labourers as separate claims', () => {
		const rows = figureGroups(real, claimsOf(real, 'far-east-labour'))
			.flatMap((g) => g.rows)
			.map((r) => formatFigure(r.figure));
		expect(rows).toContain('about 15,000 labourers');
		// The monitoring team prints a bare "40,000": no "about" the document does not print.
		expect(rows).toContain('40,000 labourers');
	});
});

describe('figures in words', () => {
	it.each([
		[
			{ qualifier: 'about', value: 5000, unit: 'personnel', text: '' },
			'about 5,000 personnel',
			'~5,000'
		],
		[
			{ qualifier: 'more-than', low: 10000, unit: 'troops', text: '' },
			'more than 10,000 troops',
			'>10,000'
		],
		[{ qualifier: 'at-least', low: 600, unit: 'deaths', text: '' }, 'at least 600 deaths', '≥600'],
		[
			{ qualifier: 'up-to', high: 10000, unit: 'troops', text: '' },
			'up to 10,000 troops',
			'≤10,000'
		],
		[{ qualifier: 'between', low: 5, high: 9, unit: 'troops', text: '' }, '5–9 troops', '5–9']
	] as Array<[Figure, string, string]>)('%j reads "%s" and "%s"', (figure, long, short) => {
		expect(formatFigure(figure)).toBe(long);
		expect(shortFigure(figure)).toBe(short);
	});

	it('groups counts in thousands as en-GB does, without the locale machinery', () => {
		for (const n of [0, 7, 999, 1000, 15000, 40000, 123456, 1234567, 100000000, -2500, 2.5]) {
			expect(number(n)).toBe(n.toLocaleString('en-GB'));
		}
	});

	it('says so when a source gives no number', () => {
		const f: Figure = { qualifier: 'unquantified', unit: 'personnel', text: 'hundreds' };
		expect(formatFigure(f)).toBe('personnel: "hundreds" (no number given)');
	});

	it('puts on a label only the figures whose claims name the zone itself', () => {
		// The 15,000 sent and the 40,000 planned are for Russia as a whole, not the Far East.
		expect(headlineFigures(claimsOf(real, 'far-east-labour'))).toContain('15,000');
		expect(headlineFigures(placeClaimsOf(real, 'far-east-labour'))).toBe('');
		expect(headlineFigures(placeClaimsOf(real, 'border-guard-band'))).toBe('~10,000');
	});
});

describe('sources', () => {
	it('numbers documents once each, in order of first citation', () => {
		const claims = [
			claim('c1', { documents: ['d2'] }),
			claim('c2', { documents: ['d1', 'd2'], claimant: 'b' }),
			claim('c3', { documents: ['d3'] })
		];
		const sources = sourcesOf(indexDataset(dataset(claims)), claims);
		expect(sources.map((s) => [s.number, s.document.id, s.claims.map((c) => c.id)])).toEqual([
			[1, 'd2', ['c1', 'c2']],
			[2, 'd1', ['c2']],
			[3, 'd3', ['c3']]
		]);
		expect(sources[0]!.claimants.map((c) => c.id)).toEqual(['a', 'b']);
	});

	it('links only http and https addresses', () => {
		expect(safeHttpUrl('https://example.org/a?b=1')).toBe('https://example.org/a?b=1');
		expect(safeHttpUrl('http://example.org')).toBe('http://example.org/');
		for (const bad of [
			'javascript:alert(1)',
			'data:text/html,x',
			'ftp://x',
			'/relative',
			'',
			null
		]) {
			expect(safeHttpUrl(bad)).toBeNull();
		}
	});
});

describe('disputes', () => {
	it('lists a disputed claim with the claim contesting it, whichever side records the link', () => {
		const claims = [
			claim('c1', { status: 'disputed', disputed_by: ['c2'] }),
			claim('c2', { claimant: 'b', status: 'claimed' })
		];
		const index = indexDataset(dataset(claims));
		expect(
			disputesOf(index, claims).map((d) => [d.claim.id, d.disputedBy.map((c) => c.id)])
		).toEqual([['c1', ['c2']]]);
	});

	it('shows the Russian Foreign Ministry claim on Kursk as disputed by Western intelligence', () => {
		const disputes = disputesOf(real, claimsOf(real, 'kursk-combat'));
		expect(
			disputes.some((d) => d.disputedBy.some((b) => b.claimant === 'western-intelligence'))
		).toBe(true);
	});
});

describe('dates and geometry in words', () => {
	it('writes periods without claiming more precision than the data has', () => {
		expect(
			formatPeriod({
				start: { value: '2025-09', precision: 'month', resolution: 'stated' },
				end: null,
				last_corroborated: date
			})
		).toBe('Sep 2025 – ongoing');
		expect(
			formatDateShort({
				value: null,
				precision: 'unknown',
				resolution: 'unresolved',
				earliest: '2024-08-01'
			})
		).toBe('after Aug 2024');
		expect(
			formatDateShort({
				value: null,
				precision: 'unknown',
				resolution: 'unresolved',
				latest: '2025-11-30'
			})
		).toBe('by Nov 2025');
	});

	it('states the border band width as an assumption', () => {
		const band = real.features.get('border-guard-band')!;
		const text = describeProvenance(band.properties.geometry_provenance, real);
		expect(text).toMatch(/within 50 km/);
		expect(text).toMatch(/assumption/);
	});
});
