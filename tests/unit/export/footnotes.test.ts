import { describe, expect, it } from 'vitest';
import {
	citationText,
	footnoteMarker,
	footnoteOrder,
	labelWithFootnotes,
	numberFootnotes
} from '../../../src/lib/export/footnotes.ts';
import { loadGeo } from '../../../src/lib/data/geo-files.server.ts';
import { claim, claimant, dataset, doc, feature } from './dataset-builders.ts';

/** Three documents, three claimants, four features sharing sources in different ways. */
function sample() {
	return dataset({
		documents: [
			doc('doc-a', { outlet: 'Outlet A', title: 'Headline A', url: 'https://a.example/story' }),
			doc('doc-b'),
			doc('doc-c', { outlet: 'Outlet C', reliability: { grade: 'D', reason: 'Test.' } })
		],
		claimants: [claimant('gov', 'A government'), claimant('spy', 'An intelligence service')],
		claims: [
			claim('c1', 'gov', ['doc-b']),
			claim('c2', 'spy', ['doc-a', 'doc-b']),
			claim('c3', 'spy', ['doc-c']),
			claim('c4', 'gov', ['doc-c'])
		],
		features: [
			feature('builders', 'construction', 'Builders', ['c2']),
			feature('fighting', 'combat', 'Fighting', ['c1', 'c3']),
			feature('meeting', 'event', 'A meeting with no place', ['c4'], false),
			feature('empty', 'labour', 'Nothing cited', [])
		]
	});
}

describe('numberFootnotes', () => {
	it('numbers documents by first use: features in order, claims in order, documents in order', () => {
		const notes = numberFootnotes(sample(), ['fighting', 'builders']);
		expect(notes.footnotes.map((f) => [f.number, f.documentId])).toEqual([
			[1, 'doc-b'],
			[2, 'doc-c'],
			[3, 'doc-a']
		]);
		expect(notes.features).toEqual([
			{ featureId: 'fighting', name: 'Fighting', numbers: [1, 2] },
			{ featureId: 'builders', name: 'Builders', numbers: [1, 3] }
		]);
	});

	it('gives a document cited by several features or claims one number only', () => {
		const notes = numberFootnotes(sample(), ['fighting', 'builders']);
		const ids = notes.footnotes.map((f) => f.documentId);
		expect(new Set(ids).size).toBe(ids.length);
		expect(notes.footnotes.map((f) => f.number)).toEqual([1, 2, 3]);
	});

	it('lists every claimant a document relays for the shown features, once each', () => {
		const notes = numberFootnotes(sample(), ['fighting', 'builders']);
		expect(notes.footnotes.find((f) => f.documentId === 'doc-b')!.claimants).toEqual([
			'A government',
			'An intelligence service'
		]);
	});

	it('leaves out features that are not on the map, unknown ids and repeats, and says why', () => {
		const notes = numberFootnotes(sample(), ['meeting', 'nope', 'builders', 'builders']);
		expect(notes.features.map((f) => f.featureId)).toEqual(['builders']);
		expect(notes.skipped).toEqual([
			{ featureId: 'meeting', reason: 'not-located' },
			{ featureId: 'nope', reason: 'unknown-feature' },
			{ featureId: 'builders', reason: 'duplicate' }
		]);
		// doc-c is cited only by the unlocated meeting, so it gets no number.
		expect(notes.footnotes.map((f) => f.documentId)).toEqual(['doc-a', 'doc-b']);
	});

	it("lists statements without a named source as the outlet's own", () => {
		const data = sample();
		data.claimants.push({
			id: 'none',
			name: 'No source named',
			kind: 'unattributed',
			country: null
		});
		data.claims.push(claim('c5', 'none', ['doc-a']));
		data.features[0]!.properties.claims.push('c5');
		const note = numberFootnotes(data, ['builders']).footnotes[0]!;
		expect(note.claimants).toEqual(['An intelligence service', 'its own unattributed statements']);
	});

	it('keeps a feature without claims, with no numbers and no footnotes', () => {
		const notes = numberFootnotes(sample(), ['empty']);
		expect(notes.features).toEqual([{ featureId: 'empty', name: 'Nothing cited', numbers: [] }]);
		expect(notes.footnotes).toEqual([]);
	});

	it('is deterministic: the same input gives the same output', () => {
		expect(numberFootnotes(sample(), ['builders', 'fighting'])).toEqual(
			numberFootnotes(sample(), ['builders', 'fighting'])
		);
	});
});

describe('footnoteOrder', () => {
	it('orders by legend (category) order, then name, then id, whatever the input order', () => {
		const data = sample();
		data.features.push(feature('fighting-2', 'combat', 'Alpha fighting', ['c1']));
		const order = footnoteOrder(data, ['empty', 'builders', 'fighting', 'fighting-2', 'ghost']);
		expect(order).toEqual(['fighting-2', 'fighting', 'builders', 'empty', 'ghost']);
		const shuffled = footnoteOrder(data, ['ghost', 'fighting', 'empty', 'fighting-2', 'builders']);
		expect(shuffled).toEqual(order);
	});
});

describe('citation text', () => {
	it('spells out outlet, title, date, grade and its meaning, claimants and link, and no record id', () => {
		const notes = numberFootnotes(sample(), ['builders']);
		expect(notes.footnotes[0]!.documentId).toBe('doc-a');
		expect(notes.footnotes[0]!.text).not.toContain('doc-a');
		expect(notes.footnotes[0]!.text).toBe(
			'Outlet A. "Headline A". Published Nov 2025. Reliability C: fairly reliable. ' +
				'Claims relayed from: An intelligence service. https://a.example/story'
		);
	});

	it('says what is missing: outlet not named, untitled, no link on file, unknown date', () => {
		const data = sample();
		data.documents[1] = doc('doc-b', {
			published: {
				value: null,
				precision: 'unknown',
				resolution: 'unresolved',
				earliest: '2025-09-01'
			}
		});
		const note = numberFootnotes(data, ['fighting']).footnotes[0]!;
		expect(note.text).toContain('Outlet not named. Untitled.');
		expect(note.text).toContain('Publication date unknown (not before 1 Sep 2025).');
		expect(note.text).toContain('No link on file.');
		expect(note.outletNamed).toBe(false);
	});

	it.each([
		'javascript:alert(1)',
		'data:text/html,<b>x</b>',
		'ftp://a.example/x',
		'https://user@evil.example/'
	])('drops the unsafe link %s and says there is none', (url) => {
		const data = sample();
		data.documents[0] = doc('doc-a', { url });
		const note = numberFootnotes(data, ['builders']).footnotes.find(
			(f) => f.documentId === 'doc-a'
		)!;
		expect(note.url).toBeNull();
		expect(note.text).toContain('No link on file.');
		expect(note.text).not.toContain(url);
	});

	it('keeps a sentence that already ends in punctuation from getting a second full stop', () => {
		const text = citationText({
			documentId: 'd',
			outlet: 'Who?',
			outletNamed: true,
			title: 'Really?',
			published: '2025',
			reliability: { grade: 'B', meaning: 'usually reliable' },
			claimants: [],
			url: null
		});
		expect(text).toBe(
			'Who? "Really?" Published 2025. Reliability B: usually reliable. No link on file.'
		);
	});

	it('flattens a newline in a title so a footnote stays one line', () => {
		const data = sample();
		data.documents[0] = doc('doc-a', { title: 'Line one\nLine two' });
		const note = numberFootnotes(data, ['builders']).footnotes.find(
			(f) => f.documentId === 'doc-a'
		)!;
		expect(note.text).toContain('"Line one Line two"');
	});
});

describe('footnote markers for map labels', () => {
	it('writes "[1, 3]" and shortens runs of three or more', () => {
		expect(footnoteMarker([3, 1])).toBe('[1, 3]');
		expect(footnoteMarker([1, 2, 3, 4, 7, 8])).toBe('[1\u20134, 7, 8]');
		expect(footnoteMarker([])).toBe('');
		expect(labelWithFootnotes('Kursk reconstruction', [1, 3])).toBe('Kursk reconstruction [1, 3]');
		expect(labelWithFootnotes('Nothing cited', [])).toBe('Nothing cited');
	});
});

describe('the real data', () => {
	const { dataset: real } = loadGeo('geo');

	it('numbers every document behind the visible features exactly once, and nothing else', () => {
		const visible = real.features.filter((f) => f.geometry !== null).map((f) => f.id);
		const notes = numberFootnotes(real, footnoteOrder(real, visible));
		const claims = new Map(real.claims.map((c) => [c.id, c]));
		const expected = new Set(
			real.features
				.filter((f) => f.geometry !== null)
				.flatMap((f) => f.properties.claims.flatMap((id) => claims.get(id)?.documents ?? []))
		);
		expect(new Set(notes.footnotes.map((f) => f.documentId))).toEqual(expected);
		expect(notes.footnotes.map((f) => f.number)).toEqual(notes.footnotes.map((_, i) => i + 1));
		expect(notes.skipped).toEqual([]);
	});

	it('cites the Kursk combat zone first, since combat leads the legend', () => {
		const notes = numberFootnotes(real, footnoteOrder(real, ['far-east-labour', 'kursk-combat']));
		expect(notes.features[0]!.featureId).toBe('kursk-combat');
		expect(notes.features[0]!.numbers[0]).toBe(1);
	});
});
