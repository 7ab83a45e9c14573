/**
 * The editor's draft checked with the geo:check rules: each invalid entry's message lands on the
 * field it concerns, and a complete draft has no problem.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
	checkDraft,
	emptyDraft,
	FIELD_LABELS,
	groupFieldLabel,
	wordingAtField,
	type Draft
} from '../../../src/lib/editor/draft.ts';

const base = Object.fromEntries(
	['documents.json', 'claimants.json', 'claims.json', 'features.geojson'].map((f) => [
		f,
		readFileSync(`geo/${f}`, 'utf8')
	])
);

const KEYS = [
	'document.id',
	'document.published',
	'claim.0.id',
	'claim.0.as_of',
	'claim.0.scope',
	'claim.0.feature',
	'claim.0.feature.geometry'
];

function complete(): Draft {
	const d = emptyDraft();
	Object.assign(d.document, {
		id: 'doc-unit',
		outlet: 'Unit Outlet',
		summary: 'A unit-test document.',
		gradeReason: 'Test.'
	});
	d.document.published.value = '2025-11-20';
	const c = d.claims[0]!;
	Object.assign(c, {
		id: 'unit-claim',
		statement: 'A unit-test claim.',
		claimant: 'nis',
		gradeReason: 'Test.',
		where: 'russia-wide'
	});
	c.asOf.value = '2025-11-18';
	return d;
}

describe('checkDraft', () => {
	it('finds no problem in a complete Russia-wide claim', () => {
		const r = checkDraft(base, complete(), KEYS);
		expect([...r.byField.values()].flat().concat(r.general)).toEqual([]);
		expect(r.errors).toBe(0);
	});

	it('puts a claim dated after its document at the claim date', () => {
		const d = complete();
		d.claims[0]!.asOf.value = '2025-12-24';
		const r = checkDraft(base, d, KEYS);
		expect(r.byField.get('claim.0.as_of')?.join(' ')).toMatch(/later than document "doc-unit"/);
	});

	it('words a message for the field it sits beside, without the location the files need', () => {
		const d = complete();
		d.document.id = 'doc-000';
		const [message] = checkDraft(base, d, KEYS).byField.get('document.id') ?? [];
		expect(message).toMatch(/^[A-Z]/);
		expect(message).not.toMatch(/^In |in the list/);
		expect(
			wordingAtField(
				'In the 15th feature in the list, the field "properties.name" is missing; it is required.',
				true
			)
		).toBe('This field is missing; it is required.');
		expect(
			wordingAtField('In feature "Kursk, east", the field "summary" must not be empty.', false)
		).toBe('The field "summary" must not be empty.');
		expect(wordingAtField('A message with no location.', true)).toBe('A message with no location.');
	});

	it('names a field inside a group of fields by the label the form gives it', () => {
		const d = complete();
		const c = d.claims[0]!;
		Object.assign(c, {
			where: 'existing',
			feature: 'kursk-combat',
			scopeKind: 'country',
			scopeCountry: 'russia',
			qualifier: 'between',
			figureLow: '-5',
			figureHigh: '7',
			gradeReason: ''
		});
		const keys = [...KEYS, 'claim.0.figure', 'claim.0.credibility'];
		const r = checkDraft(base, d, keys);
		expect(r.byField.get('claim.0.figure')).toContain(
			'The field "Lowest number" must not be negative (it is -5).'
		);
		expect(r.byField.get('claim.0.scope')?.join(' ')).toMatch(
			/^The field "Country \(two letters\)" must be a two-letter ISO country code/
		);
		expect(r.byField.get('claim.0.credibility')).toContain(
			'The field "Reason for the grade" must not be empty (it is "").'
		);
		// No data paths are left in what the form shows.
		const shown = [...r.byField.values()].flat().join(' ');
		expect(shown).not.toMatch(/"(figure|scope|credibility)\./);

		expect(groupFieldLabel('claim.0.scope', 'claim.0.scope.regions')).toBe('Regions it names');
		expect(groupFieldLabel('document.published', 'document.published.earliest')).toBe('Earliest');
		// A field the form does not label, or a key outside the group, keeps the validator's words.
		expect(groupFieldLabel('claim.0.feature', 'claim.0.feature.period')).toBeUndefined();
		expect(groupFieldLabel('claim.0.scope', 'claim.0.scoped')).toBeUndefined();
		expect(groupFieldLabel('claim.0.scope', 'claim.0.scope.toString')).toBeUndefined();
		expect(wordingAtField('In claim "x", the field "scope.area" is missing.', false, 'Area')).toBe(
			'The field "Area" is missing.'
		);
	});

	it("names a new feature's shape fields by their labels, and an empty one as missing", () => {
		const cases = [
			{
				where: 'band',
				set: { bandWidthKm: '-5', bandAssumption: '' },
				want: [
					'The field "Width in km" must be at least 1 km (it is -5).',
					'The field "Why this width" must not be empty (it is "").'
				]
			},
			{
				where: 'band',
				set: { bandWidthKm: ' ', bandAssumption: 'Artillery range.' },
				want: ['The field "Width in km" is missing; it is required.']
			},
			{
				where: 'flow',
				set: { flowFrom: '', flowTo: '' },
				want: [
					'The field "From" is missing; it is required.',
					'The field "To" is missing; it is required.'
				]
			},
			{
				where: 'point',
				set: { place: '' },
				want: ['The field "Place" is missing; it is required.']
			},
			{
				where: 'regions',
				set: { regions: [] },
				want: ['The field "Regions" must list at least one region (it is empty).']
			}
		] as const;
		for (const { where, set, want } of cases) {
			const d = complete();
			const c = d.claims[0]!;
			c.where = where;
			Object.assign(c.feature, { id: 'unit-feature', name: 'Unit', summary: 'S.' }, set);
			c.feature.locationNote = 'Known.';
			const r = checkDraft(base, d, [...KEYS, 'claim.0.feature.geometry_provenance']);
			expect(r.byField.get('claim.0.feature.geometry_provenance'), where).toEqual(want);
		}
	});

	it('gives every labelled field of a group a label, and no two fields of a group the same', () => {
		for (const [group, labels] of Object.entries(FIELD_LABELS)) {
			const words = Object.values(labels);
			expect(
				words.every((w) => w.trim().length > 0),
				group
			).toBe(true);
			expect(new Set(words).size, group).toBe(words.length);
		}
	});

	it('puts a duplicate document id at the id field', () => {
		const d = complete();
		d.document.id = 'doc-000';
		const r = checkDraft(base, d, KEYS);
		expect(r.byField.get('document.id')?.join(' ')).toMatch(/"doc-000" is already used/);
	});

	it('puts a longitude of 245 at the polygon field', () => {
		const d = complete();
		const c = d.claims[0]!;
		c.where = 'polygon';
		Object.assign(c.feature, {
			id: 'unit-polygon',
			name: 'Unit polygon',
			summary: 'Test.',
			locationNote: 'Drawn.',
			geojson: JSON.stringify({
				type: 'Polygon',
				coordinates: [
					[
						[36, 51],
						[245, 51],
						[36, 52],
						[36, 51]
					]
				]
			})
		});
		const r = checkDraft(base, d, KEYS);
		expect(r.byField.get('claim.0.feature.geometry')?.join(' ')).toMatch(/245/);
		expect(r.errors).toBeGreaterThan(0);
	});
});
