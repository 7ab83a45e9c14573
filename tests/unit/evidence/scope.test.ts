/**
 * Where a claim puts people (issue 10): a zone's label, confidence and count of claims rest only
 * on reports naming its own place; figures for Russia as a whole, for a wider area or for no
 * place are grouped apart and listed as unlocated reporting; opinions never count; an announced
 * figure says so on the label.
 */
import { describe, expect, it } from 'vitest';
import { realDataset } from '../real-dataset.ts';
import {
	claimsOf,
	headlineFigures,
	indexDataset,
	placeClaimsOf,
	placeOf,
	regionNamer
} from '../../../src/lib/data/evidence.ts';
import { mapFeatureProperties } from '../../../src/lib/data/map-features.ts';
import {
	claimsByScope,
	describeScope,
	type Place,
	scopeIsPlace,
	supportClaims,
	unlocatedClaims
} from '../../../src/lib/data/scope.ts';
import { buildDeploymentData } from '../../../src/lib/map/map-data.ts';
import type { Claim, Scope } from '../../../src/lib/data/schema.ts';

const data = realDataset();
const real = indexDataset(data);
const names = regionNamer(real);

function claim(id: string, scope: Scope, over: Partial<Claim> = {}): Claim {
	return {
		id,
		statement: `Statement ${id}.`,
		kind: 'deployment',
		basis: 'report',
		claimant: 'a',
		via: null,
		documents: ['d1'],
		figure: { qualifier: 'about', value: 5000, unit: 'personnel', text: 'about 5,000' },
		scope,
		as_of: { value: '2025', precision: 'year', resolution: 'stated' },
		credibility: { grade: 2, reason: 'Because.' },
		status: 'reported',
		disputed_by: [],
		...over
	};
}

const kursk: Scope = { kind: 'regions', regions: ['RU-KRS'], words: 'to Kursk' };
const russia: Scope = { kind: 'country', country: 'RU', words: 'to Russia' };
const nowhere: Scope = { kind: 'none', words: null, note: 'No place.' };

describe('the place a feature stands for', () => {
	it('is the region for a region zone, the named area for the Far East and the border band', () => {
		expect(placeOf(real, 'kursk-construction')).toEqual({ kind: 'regions', regions: ['RU-KRS'] });
		expect(placeOf(real, 'far-east-labour')).toEqual({ kind: 'area', area: 'russian-far-east' });
		expect(placeOf(real, 'border-guard-band')).toEqual({
			kind: 'area',
			area: 'russia-ukraine-border'
		});
	});

	it('is where a flow leads: Kursk region, or the Far East through its zone', () => {
		expect(placeOf(real, 'enlisted-labourers-far-east-to-kursk')).toEqual({
			kind: 'regions',
			regions: ['RU-KRS']
		});
		expect(placeOf(real, 'dispatch-north-korea-to-far-east')).toEqual({
			kind: 'area',
			area: 'russian-far-east'
		});
	});

	it('matches a claim only when the claim names exactly that place', () => {
		const place: Place = { kind: 'regions', regions: ['RU-KRS'] };
		expect(scopeIsPlace(kursk, place)).toBe(true);
		expect(scopeIsPlace({ ...kursk, regions: ['RU-KRS', 'RU-BEL'] }, place)).toBe(false);
		expect(scopeIsPlace(russia, place)).toBe(false);
		expect(scopeIsPlace(nowhere, place)).toBe(false);
	});
});

describe('labels and headline figures (issue 10, section 1)', () => {
	const labels = new Map(
		buildDeploymentData(real).labels.features.map((f) => [f.properties.id, f.properties.full])
	);

	it('never put a figure for Russia as a whole on the Far East', () => {
		expect(headlineFigures(claimsOf(real, 'far-east-labour'))).toMatch(/15,000/);
		expect(labels.get('far-east-labour')).not.toMatch(/15,000|40,000/);
	});

	it('show the Kursk builders as announced, without the intelligence figures for Russia', () => {
		expect(labels.get('kursk-construction')).toBe('Reconstruction\n~5,000 announced');
		expect(labels.get('kursk-demining')).not.toMatch(/10,000/);
		expect(labels.get('kursk-demining')).toMatch(/1,000 announced/);
	});

	it('use a figure only from a report, not an opinion, that names the place', () => {
		const claims = [
			claim('here', kursk),
			claim('russia', russia, {
				figure: { qualifier: 'about', value: 15000, unit: 'labourers', text: 'around 15,000' }
			}),
			claim('view', kursk, {
				basis: 'opinion',
				figure: null,
				credibility: { grade: 6, reason: 'x' }
			})
		];
		const place: Place = { kind: 'regions', regions: ['RU-KRS'] };
		expect(supportClaims(claims, place).map((c) => c.id)).toEqual(['here']);
	});
});

describe('confidence and the count of claims (issue 10, sections 1 and 3)', () => {
	it('rest on reports naming the place, never on opinions or figures for Russia', () => {
		const f = data.features.find((x) => x.id === 'kursk-construction')!;
		const props = mapFeatureProperties(data, f);
		// Only Shoigu's announcement names Kursk region for the builders.
		expect(props.claim_count).toBe(1);
		expect(props.best_credibility).toBe(2);
		expect(placeClaimsOf(real, 'kursk-construction').map((c) => c.id)).toEqual([
			'shoigu-builders-5000-kursk'
		]);
	});

	it('would not rise for an opinion graded better than the reports', () => {
		const opinion = claim('view', kursk, {
			basis: 'opinion',
			figure: null,
			credibility: { grade: 1, reason: 'x' }
		});
		const report = claim('here', kursk, { credibility: { grade: 3, reason: 'x' } });
		const place: Place = { kind: 'regions', regions: ['RU-KRS'] };
		expect(supportClaims([opinion, report], place)).toEqual([report]);
	});
});

describe('figures for wider places, in the panel and in their own list', () => {
	it('group the Far East zone claims under "Figures for Russia as a whole"', () => {
		const { here, elsewhere } = claimsByScope(
			claimsOf(real, 'far-east-labour'),
			placeOf(real, 'far-east-labour'),
			names
		);
		expect(here.map((c) => c.id)).toContain('ua-intel-labourers-in-far-east');
		const russiaGroup = elsewhere.find((g) => g.key === 'country:RU')!;
		expect(russiaGroup.heading).toBe('Figures for Russia as a whole');
		expect(russiaGroup.claims.map((c) => c.id)).toEqual(
			expect.arrayContaining(['nis-labourers-15000', 'msmt-labourers-40000-planned'])
		);
	});

	it('say where the source puts people, in its own words', () => {
		const c = real.claims.get('nis-labourers-15000')!;
		expect(describeScope(c.scope, names)).toMatch(
			/^Place: Russia as a whole \(the source says "to Russia"\)\./
		);
		expect(describeScope(real.claims.get('shoigu-builders-5000-kursk')!.scope, names)).toMatch(
			/^Place: Kursk region/
		);
	});

	it('list as unlocated the claims no drawn feature can show as its own', () => {
		const ids = unlocatedClaims(data.claims, data.features).map((c) => c.id);
		expect(ids).toEqual(
			expect.arrayContaining([
				'nis-labourers-15000',
				'msmt-labourers-40000-planned',
				'nis-construction-troops-5000',
				'nis-engineers-5000-smo-zone',
				'mwm-combat-engineers-1000'
			])
		);
		expect(ids).not.toContain('shoigu-builders-5000-kursk');
		expect(ids).not.toContain('nis-border-guard-10000');
	});
});
