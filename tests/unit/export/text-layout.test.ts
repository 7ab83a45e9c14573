import { describe, expect, it } from 'vitest';
import {
	canvasFont,
	clampLines,
	ELLIPSIS,
	measureWithContext,
	oneLine,
	wrapText,
	type FontSpec,
	type MeasureText
} from '../../../src/lib/export/text-layout.ts';

const font: FontSpec = { family: 'Test', sizePx: 10, weight: 400, style: 'normal' };
/** Every character is 5 px wide at 10 px. */
const measure: MeasureText = (text, f) => Array.from(text).length * f.sizePx * 0.5;

describe('wrapText', () => {
	it('breaks at spaces so no line is wider than the limit', () => {
		const lines = wrapText('the quick brown fox jumps over the lazy dog', 60, font, measure);
		expect(lines).toEqual(['the quick', 'brown fox', 'jumps over', 'the lazy dog']);
		for (const l of lines) expect(measure(l, font)).toBeLessThanOrEqual(60);
	});

	it('breaks a word longer than the line, such as a URL, between characters', () => {
		const url = 'https://example.org/a/very/long/path';
		const lines = wrapText(`see ${url}`, 50, font, measure);
		expect(lines.join('')).toBe(`see${url}`);
		for (const l of lines) expect(measure(l, font)).toBeLessThanOrEqual(50);
	});

	it('treats newlines and runs of spaces as one space', () => {
		expect(wrapText('a\n\nb\t c\u2028d', 1000, font, measure)).toEqual(['a b c d']);
	});

	it('returns no lines for empty text', () => {
		expect(wrapText('  \n ', 100, font, measure)).toEqual([]);
	});
});

describe('clampLines', () => {
	it('keeps short text as it is', () => {
		expect(clampLines(['a', 'b'], 2, 100, font, measure)).toEqual({
			lines: ['a', 'b'],
			truncated: false
		});
	});

	it('cuts to the maximum and ends the last line with an ellipsis that still fits', () => {
		const { lines, truncated } = clampLines(
			['abcdefghij', 'klmnopqrst', 'uvwxyz'],
			2,
			50,
			font,
			measure
		);
		expect(truncated).toBe(true);
		expect(lines).toHaveLength(2);
		expect(lines[1]!.endsWith(ELLIPSIS)).toBe(true);
		expect(measure(lines[1]!, font)).toBeLessThanOrEqual(50);
	});
});

describe('fonts and measuring', () => {
	it('writes a canvas font shorthand', () => {
		expect(
			canvasFont({ family: "'Noto Sans', sans-serif", sizePx: 25, weight: 700, style: 'italic' })
		).toBe("italic 700 25px 'Noto Sans', sans-serif");
	});

	it('measures with a canvas context after setting its font', () => {
		const ctx = {
			font: '',
			measureText(text: string) {
				return { width: text.length * (this.font.includes('20px') ? 10 : 1) };
			}
		};
		const m = measureWithContext(ctx);
		expect(m('abc', { ...font, sizePx: 20 })).toBe(30);
		expect(ctx.font).toBe('normal 400 20px Test');
	});

	it('flattens text to one line', () => {
		expect(oneLine('  a\r\nb  ')).toBe('a b');
	});
});
