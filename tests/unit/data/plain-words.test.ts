/**
 * Text written for the audience, checked in plain words on the real data: briefing captions and
 * speaker notes, feature names, summaries and notes, and what the panel shows of claims,
 * documents and claimants. No internal ids, no grading codes without their meaning, acronyms
 * spelled out at first use in each briefing and each summary; every briefing step names the
 * claims it rests on, and they exist.
 */
import { describe, expect, it } from 'vitest';
import { acronymProblems, idAndCodeProblems } from '../../../src/lib/data/plain-words.ts';
import type { Dataset, DatePrec } from '../../../src/lib/data/schema.ts';
import { realDataset } from '../real-dataset.ts';

const data: Dataset = realDataset();
const ids = [
	...data.claims.map((c) => c.id),
	...data.documents.map((d) => d.id),
	...data.features.map((f) => f.id)
];
const notes = (dates: Array<DatePrec | null>) => dates.flatMap((d) => (d?.note ? [d.note] : []));

describe('the checker', () => {
	it('finds document and claim ids, whatever their case', () => {
		expect(idAndCodeProblems('Doc-003 says so (claim nis-deaths-600).', ids)).toEqual([
			{ kind: 'internal-id', found: 'Doc-003' },
			{ kind: 'internal-id', found: 'nis-deaths-600' }
		]);
	});

	it('finds data field names, and leaves ordinary words and hyphenated names alone', () => {
		expect(
			idAndCodeProblems('Regions whose Natural Earth "ne_region" is "Far Eastern".', []).map(
				(p) => p.found
			)
		).toEqual(['ne_region']);
		expect(idAndCodeProblems('A Russia-Ukraine border band, 2025 (re-reported).', [])).toEqual([]);
	});

	it('finds grading codes without their words, and accepts them with words', () => {
		expect(
			idAndCodeProblems('Credibility 2, reliability D, graded 6, rated B.', []).map((p) => p.found)
		).toEqual(['Credibility 2', 'reliability D', 'graded 6', 'rated B']);
		expect(
			idAndCodeProblems('Rated probably true; reliability D (not usually reliable).', [])
		).toEqual([]);
	});

	it('finds an acronym not spelled out at its first use, but not at later uses', () => {
		expect(
			acronymProblems(['The NIS says so.', 'The National Intelligence Service (NIS).'])
		).toEqual([{ kind: 'acronym', found: 'NIS' }]);
		expect(
			acronymProblems(["South Korea's National Intelligence Service (NIS) says.", 'The NIS adds.'])
		).toEqual([]);
	});

	it('does not take a region code for an acronym', () => {
		expect(acronymProblems(['Kursk region (RU-KRS) is drawn whole.'])).toEqual([]);
	});
});

describe.each(data.briefings.map((b) => [b.id, b] as const))('briefing %s', (_, briefing) => {
	const texts = [
		briefing.title,
		briefing.summary,
		...briefing.steps.flatMap((s) => [s.caption, s.notes])
	];

	it('has no internal ids or bare grading codes', () => {
		expect(texts.flatMap((t) => idAndCodeProblems(t, ids))).toEqual([]);
	});

	it('spells out every acronym at its first use', () => {
		expect(acronymProblems(texts)).toEqual([]);
	});

	it('gives every step the claims it rests on, all of them in the data', () => {
		const known = new Set(data.claims.map((c) => c.id));
		for (const step of briefing.steps) {
			expect(step.claims.length, step.id).toBeGreaterThan(0);
			expect(
				step.claims.filter((id) => !known.has(id)),
				step.id
			).toEqual([]);
		}
	});
});

describe.each(data.features.map((f) => [f.id, f] as const))('feature %s', (_, feature) => {
	const p = feature.properties;
	const gp = p.geometry_provenance;
	const recipeText = [
		'assumption' in gp ? gp.assumption : '',
		'definition' in gp ? gp.definition : '',
		'reason' in gp ? gp.reason : ''
	].filter(Boolean);

	it('has no internal ids or bare grading codes in its name, summary and notes', () => {
		const texts = [
			p.name,
			p.summary,
			p.location_note,
			...recipeText,
			...notes([p.presence.start, p.presence.end, p.presence.last_corroborated])
		];
		expect(texts.flatMap((t) => idAndCodeProblems(t, ids))).toEqual([]);
	});

	it('spells out every acronym in its summary at first use', () => {
		expect(acronymProblems([p.summary])).toEqual([]);
	});
});

describe('what the panel shows of claims, documents and claimants', () => {
	it.each(data.claims.map((c) => [c.id, c] as const))('claim %s', (_, claim) => {
		const texts = [
			claim.statement,
			claim.via ?? '',
			claim.scope.words ?? '',
			claim.scope.note ?? '',
			claim.credibility.reason,
			...notes([claim.as_of])
		];
		expect(texts.flatMap((t) => idAndCodeProblems(t, ids))).toEqual([]);
	});

	it('documents and claimants', () => {
		const texts = [
			...data.documents.flatMap((d) => [
				d.summary,
				d.reliability.reason,
				...notes([d.published]),
				...d.cites
			]),
			...data.claimants.flatMap((c) => [c.name, c.note ?? ''])
		];
		expect(texts.flatMap((t) => idAndCodeProblems(t, ids))).toEqual([]);
	});
});
