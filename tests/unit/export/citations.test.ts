import { describe, expect, it } from 'vitest';
import {
	citationsMarkdown,
	citationsText,
	escapeMarkdown,
	FIGURE_CAVEAT
} from '../../../src/lib/export/citations.ts';
import { footnoteOrder, numberFootnotes } from '../../../src/lib/export/footnotes.ts';
import { loadGeo } from '../../../src/lib/data/geo-files.server.ts';
import { claim, claimant, dataset, doc, feature } from './dataset-builders.ts';

const TRICKY_TITLE =
	'Troops *not* [seen](javascript:alert(1)) in `Kursk`_\nreally <b>bold</b> & #1 ~x~ |a|';

function tricky(url: string | null = 'https://news.example/a_(b)?q=1*2') {
	return dataset({
		documents: [
			doc('doc-1', { outlet: 'The *Star* [Daily]', title: TRICKY_TITLE, url }),
			doc('doc-2', { outlet: '- 1. # Heading?', title: null })
		],
		claimants: [claimant('gov', 'Ministry of *Truth*')],
		claims: [claim('c1', 'gov', ['doc-1', 'doc-2'])],
		features: [feature('zone', 'combat', 'Zone [A] *east*', ['c1'])]
	});
}

const heading = { title: 'Kursk *combat* [1]', asOf: 'As of 4 Nov 2025' };

describe('citationsText', () => {
	it('gives a title line, the as-of line and one "[n] citation" line per footnote', () => {
		const notes = numberFootnotes(tricky(), ['zone']);
		const lines = citationsText(heading, notes).split('\n');
		expect(lines[0]).toBe('Kursk *combat* [1]');
		expect(lines[1]).toBe('As of 4 Nov 2025');
		expect(lines.filter((l) => /^\[\d+\] /.test(l))).toHaveLength(2);
		expect(lines).toContain('Zone [A] *east* [1, 2]');
		expect(lines).toContain(FIGURE_CAVEAT);
	});

	it('keeps each citation on one line even when a title holds a newline', () => {
		const text = citationsText(heading, numberFootnotes(tricky(), ['zone']));
		const first = text.split('\n').find((l) => l.startsWith('[1] '))!;
		expect(first).toContain('in `Kursk`_ really <b>bold</b>');
	});

	it('numbers exactly as the figure footnotes do', () => {
		const notes = numberFootnotes(tricky(), ['zone']);
		const text = citationsText(heading, notes);
		for (const f of notes.footnotes) expect(text).toContain(`[${f.number}] ${f.text}`);
	});

	it('says so when nothing shown cites a source, and can leave out the feature list and caveat', () => {
		const empty = numberFootnotes(tricky(), []);
		const text = citationsText({ title: 'Empty', asOf: null }, empty, {
			includeFeatures: false,
			caveat: null
		});
		expect(text).toBe('Empty\n\nSources:\nNo sources: nothing with a cited source is shown.\n');
	});
});

describe('citationsMarkdown', () => {
	const md = citationsMarkdown(heading, numberFootnotes(tricky(), ['zone']));
	const item = (n: number): string => md.split('\n').find((l) => l.startsWith(`${n}. `))!;

	it('escapes emphasis, code, links, HTML, entities, strikethrough and tables in data text', () => {
		const one = item(1);
		expect(one).toContain('The \\*Star\\* \\[Daily\\]');
		expect(one).toContain(
			'"Troops \\*not\\* \\[seen\\]\\(javascript:alert\\(1\\)\\) in \\`Kursk\\`\\_ really \\<b\\>bold\\</b\\> \\& \\#1 \\~x\\~ \\|a\\|"'
		);
		expect(md).not.toMatch(/\]\(javascript:/);
		expect(md).not.toMatch(/<b>/);
	});

	it('writes the http(s) link as an autolink and nothing else as a link', () => {
		expect(item(1)).toContain('<https://news.example/a_(b)?q=1*2>');
		expect(md.match(/<https?:/g)).toHaveLength(1);
	});

	it('drops a javascript: link and says there is no link on file', () => {
		const unsafe = citationsMarkdown(
			heading,
			numberFootnotes(tricky('javascript:alert(1)'), ['zone'])
		);
		expect(unsafe).not.toContain('javascript:alert(1)>');
		expect(unsafe.split('\n').find((l) => l.startsWith('1. '))).toContain('No link on file.');
	});

	it('numbers the list 1, 2, ... to match the footnotes, one line per item', () => {
		const numbered = md.split('\n').filter((l) => /^\d+\. /.test(l));
		expect(numbered.map((l) => l.split('.')[0])).toEqual(['1', '2']);
		expect(item(2)).toContain('\\- 1. \\# Heading?');
	});

	it('escapes the title and as-of line, and lists features with their markers', () => {
		expect(md.split('\n')[0]).toBe('**Kursk \\*combat\\* \\[1\\]**');
		expect(md).toContain('- Zone \\[A\\] \\*east\\* \\[1, 2\\]');
		expect(md).toContain(`_${FIGURE_CAVEAT}_`);
	});
});

describe('escapeMarkdown', () => {
	it.each([
		['a*b*c', 'a\\*b\\*c'],
		['[x](y)', '\\[x\\]\\(y\\)'],
		['`code`', '\\`code\\`'],
		['<script>', '\\<script\\>'],
		['&amp;', '\\&amp;'],
		['back\\slash', 'back\\\\slash'],
		['- item', '\\- item'],
		['+ item', '\\+ item'],
		['1. item', '1\\. item'],
		['12) item', '12\\) item'],
		['# title', '\\# title'],
		['line\nbreak', 'line break'],
		['plain words, 4 Nov 2025.', 'plain words, 4 Nov 2025.']
	])('escapes %j as %j', (input, expected) => {
		expect(escapeMarkdown(input)).toBe(expected);
	});
});

// Loaded once, outside any test, so its validation time never counts against a test's timeout.
const { dataset: real } = loadGeo('geo');

describe('the real data', () => {
	it('cites the NIS, outlets not named, and no link for the Kursk builders', () => {
		const notes = numberFootnotes(real, footnoteOrder(real, ['kursk-construction']));
		const text = citationsText({ title: 'Builders', asOf: 'As of 4 Nov 2025' }, notes);
		expect(text).toContain('Outlet not named.');
		expect(text).toContain('National Intelligence Service (South Korea)');
		expect(text).not.toMatch(/https?:/);
		expect(notes.footnotes.length).toBeGreaterThanOrEqual(3);
	});
});
