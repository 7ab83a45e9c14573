/**
 * Picks the @fontsource font files the map's labels need and copies them into `static/fonts/`.
 *
 * Labels are drawn by MapLibre from the style's `font-faces` (no glyph server). Each @fontsource
 * package splits a typeface into unicode-range subsets; only the subsets that cover a character
 * actually used in a label are shipped, so the Hangul font costs a few files, not a hundred.
 */
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

export interface FontFaceFile {
	/** Path relative to the site root, e.g. `fonts/noto-sans-latin-400-normal.woff2`. */
	url: string;
	'unicode-range': string[];
}

interface CssFace {
	file: string;
	ranges: Array<[number, number]>;
	rangeText: string[];
}

function parseCss(cssPath: string): CssFace[] {
	const css = readFileSync(cssPath, 'utf8');
	const faces: CssFace[] = [];
	for (const block of css.split('@font-face').slice(1)) {
		const src = /url\(\.\/files\/([^)]+\.woff2)\)/.exec(block);
		const range = /unicode-range:\s*([^;]+);/.exec(block);
		if (!src?.[1] || !range?.[1]) continue;
		const rangeText = range[1].split(',').map((r) => r.trim());
		const ranges = rangeText.map((r): [number, number] => {
			const [a, b] = r.replace(/^U\+/i, '').split('-');
			const lo = parseInt(a!, 16);
			return [lo, b ? parseInt(b, 16) : lo];
		});
		faces.push({ file: join(dirname(cssPath), 'files', src[1]), ranges, rangeText });
	}
	return faces;
}

function covers(face: CssFace, codePoint: number): boolean {
	return face.ranges.some(([lo, hi]) => codePoint >= lo && codePoint <= hi);
}

function hex(cp: number): string {
	return cp.toString(16).toUpperCase().padStart(4, '0');
}

/**
 * The unicode-range to declare for a face. Hangul subsets each cover a scatter of a few hundred
 * syllables, listed in dozens of ranges; declaring only the characters the labels use keeps the
 * style (and the page's JavaScript) small. Alphabetic subsets keep their whole ranges, so data
 * labels can use any Latin or Cyrillic letter.
 */
function rangesFor(face: CssFace, used: number[]): string[] {
	if (face.rangeText.length <= 12) return face.rangeText;
	const mine = used.filter((cp) => covers(face, cp));
	const out: string[] = [];
	for (let i = 0; i < mine.length; i++) {
		let j = i;
		while (j + 1 < mine.length && mine[j + 1] === mine[j]! + 1) j++;
		out.push(i === j ? `U+${hex(mine[i]!)}` : `U+${hex(mine[i]!)}-${hex(mine[j]!)}`);
		i = j;
	}
	return out;
}

/**
 * Copies the subsets of `cssPaths` needed to draw `text` into `outDir` and returns them as
 * MapLibre font-face entries. Throws if some character is covered by none of the fonts.
 */
export function selectFontFiles(
	cssPaths: string[],
	text: string,
	outDir: string,
	urlPrefix: string
): FontFaceFile[] {
	const faces = cssPaths.flatMap(parseCss);
	const needed = new Set<CssFace>();
	const missing = new Set<string>();
	for (const ch of new Set(text)) {
		const cp = ch.codePointAt(0)!;
		if (cp < 0x20 || ch === ' ') continue;
		const face = faces.find((f) => covers(f, cp));
		if (face) needed.add(face);
		else missing.add(ch);
	}
	if (missing.size > 0) {
		throw new Error(`no font covers these label characters: ${[...missing].join(' ')}`);
	}
	mkdirSync(outDir, { recursive: true });
	const used = [...new Set(text)].map((ch) => ch.codePointAt(0)!).sort((a, b) => a - b);
	return faces
		.filter((f) => needed.has(f))
		.map((f) => {
			copyFileSync(f.file, join(outDir, basename(f.file)));
			return { url: `${urlPrefix}${basename(f.file)}`, 'unicode-range': rangesFor(f, used) };
		});
}
