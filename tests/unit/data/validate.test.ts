/**
 * The validator core and loader beyond the one-mistake fixtures: the real geo/ passes, every
 * feature is traceable, already-parsed data is checked the same way, and syntax problems are
 * named in words.
 */
import { describe, expect, test } from 'vitest';
import { loadGeo, readGeoDir } from '../../../src/lib/data/geo-files.server.ts';
import { formatIssue, GeoValidationError } from '../../../src/lib/data/issues.ts';
import { toMapFeatures } from '../../../src/lib/data/map-features.ts';
import { UNBOUNDED_FUTURE } from '../../../src/lib/data/dates.ts';
import {
	parseDataset,
	validateGeoFiles,
	validateGeoFilesOrThrow
} from '../../../src/lib/data/validate.ts';

const loaded = loadGeo('geo');
const validFiles = readGeoDir('tests/fixtures/geo/valid');

describe('the real geo/ tree', () => {
	test('passes with no errors and no warnings', () => {
		expect(loaded.warnings.map(formatIssue)).toEqual([]);
		expect(loaded.dataset.features.length).toBeGreaterThanOrEqual(14);
	});

	test('has every layer the design lists', () => {
		const categories = new Set(loaded.dataset.features.map((f) => f.properties.category));
		for (const c of [
			'combat',
			'construction',
			'demining',
			'border-guard',
			'labour',
			'enlistment',
			'event'
		]) {
			expect(categories).toContain(c);
		}
	});

	test('answers, for every figure on the map, who said it, when, where, how reliable and what disputes it', () => {
		const { documents, claimants, claims, features } = loaded.dataset;
		const doc = new Map(documents.map((d) => [d.id, d]));
		const who = new Map(claimants.map((c) => [c.id, c]));
		const claim = new Map(claims.map((c) => [c.id, c]));
		for (const feature of features) {
			expect(feature.properties.claims.length).toBeGreaterThan(0);
			for (const id of feature.properties.claims) {
				const c = claim.get(id)!;
				expect(who.get(c.claimant)).toBeDefined();
				expect(c.as_of.precision).toBeDefined();
				expect(c.credibility.reason.length).toBeGreaterThan(0);
				for (const d of c.documents)
					expect(doc.get(d)?.reliability.reason.length).toBeGreaterThan(0);
				for (const other of c.disputed_by) expect(claim.get(other)).toBeDefined();
			}
		}
	});

	test('records no invented links: no document in the corpus gives one', () => {
		expect(loaded.dataset.documents.map((d) => d.url)).toEqual(
			loaded.dataset.documents.map(() => null)
		);
	});

	test('keeps conflicting or differently scoped figures as separate claims', () => {
		const ids = loaded.dataset.claims.map((c) => c.id);
		expect(ids).toContain('nis-border-guard-10000');
		expect(ids).toContain('nis-deployment-could-reach-10000');
		expect(ids).toContain('nis-labourers-15000');
		expect(ids).toContain('msmt-labourers-40000-planned');
	});

	test('states the border band width as an assumption', () => {
		const band = loaded.dataset.features.find((f) => f.properties.category === 'border-guard')!;
		const gp = band.properties.geometry_provenance;
		expect(gp.method).toBe('buffer-inside-border');
		expect(band.properties.location_basis).toBe('assumed');
		expect(band.properties.location_note).toContain("Width is an analyst's assumption");
	});
});

describe('parseDataset', () => {
	test('accepts what loadGeo produces, once serialised as JSON', () => {
		const result = parseDataset(JSON.parse(JSON.stringify(loaded.dataset)));
		expect(result.ok).toBe(true);
	});

	test('reports broken references by JSON path, at line 0 since there is no text', () => {
		const dataset = structuredClone(loaded.dataset);
		dataset.claims[0]!.documents = ['doc-999'];
		const result = parseDataset(dataset);
		expect(result.ok).toBe(false);
		const issues = result.ok ? [] : result.issues;
		expect(issues).toEqual([
			{
				file: 'dataset/claims.json',
				line: 0,
				column: 0,
				rule: 'unknown-reference',
				severity: 'error',
				message: `Claim "${dataset.claims[0]!.id}" cites document "doc-999", but dataset/documents.json has no document with that id.`,
				path: ['claims', 0, 'documents', 0]
			}
		]);
	});

	test('rejects something that is not a dataset, in words', () => {
		const result = parseDataset([1, 2]);
		expect(result.ok).toBe(false);
		expect(result.ok ? '' : result.issues[0]!.message).toBe(
			'The dataset must be an object with the lists documents, claimants, claims, features, briefings.'
		);
	});
});

describe('validateGeoFilesOrThrow', () => {
	test('throws one error carrying every issue', () => {
		const files = { ...validFiles, 'claims.json': '{"claims": [}' };
		let caught: unknown = null;
		try {
			validateGeoFilesOrThrow(files);
		} catch (e) {
			caught = e;
		}
		expect(caught).toBeInstanceOf(GeoValidationError);
		const error = caught as GeoValidationError;
		expect(error.issues.map((i) => i.rule)).toEqual(['json-syntax']);
		expect(error.message).toContain(
			'geo/claims.json:1:13: json-syntax: A value was expected here.'
		);
	});
});

describe('json-syntax', () => {
	const check = (text: string) =>
		validateGeoFiles({ ...validFiles, 'claimants.json': text }).issues.filter(
			(i) => i.rule === 'json-syntax'
		);

	test('names a repeated key and where it is', () => {
		const text = '{\n\t"claimants": [],\n\t"claimants": []\n}\n';
		expect(check(text).map(formatIssue)).toEqual([
			'geo/claimants.json:3:2: json-syntax: The field "claimants" appears twice in this object; JSON readers keep only the last one, so the first is silently lost.'
		]);
	});

	test('refuses comments', () => {
		const text = '{\n\t// who says what\n\t"claimants": []\n}\n';
		expect(check(text).map((i) => [i.line, i.message])).toEqual([
			[2, 'JSON does not allow comments; move the remark into a "note" field.']
		]);
	});
});

describe('toMapFeatures', () => {
	test('gives flat, numeric properties and leaves out features with no geometry', () => {
		const fc = toMapFeatures(loaded.dataset);
		const ids = fc.features.map((f) => f.properties.id);
		expect(ids).not.toContain('event-lavrov-thanks');
		const construction = fc.features.find((f) => f.properties.id === 'kursk-construction')!;
		expect(construction.properties.end_max).toBe(UNBOUNDED_FUTURE);
		expect(Object.values(construction.properties).every((v) => typeof v !== 'object')).toBe(true);
		expect(construction.id).toBe('kursk-construction');
	});
});
