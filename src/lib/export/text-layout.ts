/**
 * Text measurement and line breaking for the export figure. Measurement is injected (a canvas
 * `measureText` in the browser, a fixed-width stand-in in tests) so the layout stays pure.
 */

export interface FontSpec {
	family: string;
	/** Size in device pixels. */
	sizePx: number;
	weight: 400 | 700;
	style: 'normal' | 'italic';
}

/** Width in device pixels of `text` set in `font`. */
export type MeasureText = (text: string, font: FontSpec) => number;

/** A CSS font shorthand for a canvas context: `italic 700 25px 'Noto Sans', sans-serif`. */
export function canvasFont(font: FontSpec): string {
	return `${font.style} ${font.weight} ${font.sizePx}px ${font.family}`;
}

/**
 * Collapses every run of whitespace, line and paragraph separators included, to one space. Data
 * text with a newline would otherwise break a figure line or start a fake list item in copied
 * citations.
 */
export function oneLine(text: string): string {
	return text.replace(/[\s\u2028\u2029]+/g, ' ').trim();
}

/** The longest prefix of `word` (at least one character) that fits in `maxWidth`. */
function fittingPrefix(
	word: string,
	maxWidth: number,
	font: FontSpec,
	measure: MeasureText
): number {
	const chars = Array.from(word);
	let lo = 1;
	let hi = chars.length;
	while (lo < hi) {
		const mid = Math.ceil((lo + hi) / 2);
		if (measure(chars.slice(0, mid).join(''), font) <= maxWidth) lo = mid;
		else hi = mid - 1;
	}
	return chars.slice(0, lo).join('').length;
}

/**
 * Greedy line breaking at spaces. A word wider than the line (a long URL) is broken between
 * characters, so no line is ever wider than `maxWidth` unless a single character is.
 */
export function wrapText(
	text: string,
	maxWidth: number,
	font: FontSpec,
	measure: MeasureText
): string[] {
	const words = oneLine(text).split(' ').filter(Boolean);
	const lines: string[] = [];
	let current = '';
	for (let word of words) {
		const candidate = current ? `${current} ${word}` : word;
		if (measure(candidate, font) <= maxWidth) {
			current = candidate;
			continue;
		}
		if (current) lines.push(current);
		current = '';
		while (measure(word, font) > maxWidth) {
			const cut = fittingPrefix(word, maxWidth, font, measure);
			lines.push(word.slice(0, cut));
			word = word.slice(cut);
		}
		current = word;
	}
	if (current) lines.push(current);
	return lines;
}

export const ELLIPSIS = '\u2026';

/**
 * At most `maxLines` lines; when text is cut, the last kept line ends with an ellipsis and still
 * fits. `truncated` tells the caller to warn: a figure must not silently drop words.
 */
export function clampLines(
	lines: readonly string[],
	maxLines: number,
	maxWidth: number,
	font: FontSpec,
	measure: MeasureText
): { lines: string[]; truncated: boolean } {
	if (lines.length <= maxLines) return { lines: [...lines], truncated: false };
	const kept = lines.slice(0, Math.max(1, maxLines));
	let last = kept[kept.length - 1] ?? '';
	while (last.length > 0 && measure(`${last}${ELLIPSIS}`, font) > maxWidth) {
		last = Array.from(last).slice(0, -1).join('').trimEnd();
	}
	kept[kept.length - 1] = `${last}${ELLIPSIS}`;
	return { lines: kept, truncated: true };
}

/** The measuring part of a canvas context. */
export interface TextMeasuringContext {
	font: string;
	measureText(text: string): { width: number };
}

/**
 * A MeasureText backed by a canvas context. The fonts must be loaded first (for example with
 * `document.fonts.load`), or the widths are those of a fallback font and lines may overflow.
 */
export function measureWithContext(ctx: TextMeasuringContext): MeasureText {
	return (text, font) => {
		ctx.font = canvasFont(font);
		return ctx.measureText(text).width;
	};
}
