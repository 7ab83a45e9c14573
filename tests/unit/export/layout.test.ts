/**
 * Figure layout maths: every preset lays out without overlaps inside its margins, text keeps its
 * physical size at any resolution, the map keeps its aspect ratio, and long source lists flow
 * into balanced columns or fail with a reason.
 */
import { describe, expect, it } from 'vitest';
import {
	balanceColumns,
	BASE_DESIGN,
	fitAspect,
	layoutBlocks,
	layoutFigure,
	mapRenderSize,
	zoomToKeepExtent,
	type FigureLayout,
	type FigureText,
	type LayoutResult,
	type Rect,
	type TextLine
} from '../../../src/lib/export/layout.ts';
import { exportPreset, exportPresets } from '../../../src/lib/export/presets.ts';
import type { MeasureText } from '../../../src/lib/export/text-layout.ts';

/** A proportional font's average: 0.55 em per character. */
const measure: MeasureText = (text, font) => Array.from(text).length * font.sizePx * 0.55;
const laptopMap = { width: 896, height: 737 };
const EPS = 1e-6;

function citation(n: number, words = 30): string {
	return `Outlet ${n}. "A headline about deployments number ${n}". Published c. Nov 2025. Reliability D: not usually reliable. ${'word '.repeat(words)}No link on file.`;
}

function content(overrides: Partial<FigureText> = {}): FigureText {
	return {
		title: 'North Korean personnel in Russia, 2024-2025',
		subtitle: 'Kursk region: the NIS estimates about 10,000 personnel near the border.',
		asOf: 'As of 4 Nov 2025',
		legendTitle: 'Layers shown',
		legend: [
			{ id: 'combat', label: 'Combat deployment' },
			{ id: 'construction', label: 'Reconstruction (military builders)' },
			{ id: 'demining', label: 'Demining' },
			{ id: 'border-guard', label: 'Border guard duty' },
			{ id: 'labour', label: 'Labour' },
			{ id: 'enlistment', label: 'Labourers enlisted in the Russian military' },
			{ id: 'dispatch', label: 'Dispatch from North Korea' },
			{ id: 'event', label: 'Event' }
		],
		scaleNote: 'true at 52° N',
		caveat: 'Open-source reporting; figures are estimates.',
		attribution: 'Basemap: Natural Earth (public domain), GeoNames (CC BY 4.0). MapLibre.',
		footnotesHeading: 'Sources (the numbers in brackets on the map refer to these)',
		footnotes: [1, 2, 3, 4].map((n) => ({ number: n, text: citation(n) })),
		...overrides
	};
}

function ok(result: LayoutResult): FigureLayout {
	if (!result.ok) throw new Error(`layout failed: ${result.reason}`);
	return result.layout;
}

const right = (r: Rect): number => r.x + r.width;
const bottom = (r: Rect): number => r.y + r.height;

function expectInside(inner: Rect, outer: Rect): void {
	expect(inner.x).toBeGreaterThanOrEqual(outer.x - EPS);
	expect(inner.y).toBeGreaterThanOrEqual(outer.y - EPS);
	expect(right(inner)).toBeLessThanOrEqual(right(outer) + EPS);
	expect(bottom(inner)).toBeLessThanOrEqual(bottom(outer) + EPS);
}

function overlapArea(a: Rect, b: Rect): number {
	const w = Math.min(right(a), right(b)) - Math.max(a.x, b.x);
	const h = Math.min(bottom(a), bottom(b)) - Math.max(a.y, b.y);
	return w > EPS && h > EPS ? w * h : 0;
}

/** Every text line of a layout with the rectangle it must stay in. */
function linesWithContainers(l: FigureLayout): { line: TextLine; container: Rect }[] {
	const out: { line: TextLine; container: Rect }[] = [];
	const add = (lines: TextLine[], container: Rect): void => {
		for (const line of lines) out.push({ line, container });
	};
	add(l.title.lines, l.title.rect);
	add(l.asOf.lines, l.asOf.rect);
	if (l.subtitle) add(l.subtitle.lines, l.subtitle.rect);
	if (l.legend) {
		add([l.legend.title], l.legend.rect);
		for (const e of l.legend.entries) add(e.lines, l.legend.rect);
	}
	add(l.scaleBar.note, l.scaleBar.rect);
	add(l.caveat.lines, l.caveat.rect);
	add(l.attribution.lines, l.attribution.rect);
	if (l.footnotes) {
		add([l.footnotes.heading], l.footnotes.rect);
		for (const e of l.footnotes.entries) add([e.marker, ...e.lines], e.rect);
	}
	return out;
}

function expectSound(l: FigureLayout): void {
	const page: Rect = {
		x: l.margin,
		y: l.margin,
		width: l.width - 2 * l.margin,
		height: l.height - 2 * l.margin
	};
	const blocks = layoutBlocks(l);
	for (const b of blocks) expectInside(b.rect, page);
	for (let i = 0; i < blocks.length; i++) {
		for (let j = i + 1; j < blocks.length; j++) {
			const [a, b] = [blocks[i]!, blocks[j]!];
			expect(overlapArea(a.rect, b.rect), `${a.name} overlaps ${b.name}`).toBe(0);
		}
	}
	for (const { line, container } of linesWithContainers(l)) {
		expectInside(line.box, container);
		expect(line.box.width).toBeCloseTo(measure(line.text, line.font), 6);
	}
	if (l.legend) for (const e of l.legend.entries) expectInside(e.symbol, l.legend.rect);
	if (l.footnotes) {
		for (const e of l.footnotes.entries) {
			expect(l.footnotes.columns.some((c) => overlapArea(e.rect, c) > 0)).toBe(true);
			expectInside(e.rect, l.footnotes.rect);
		}
	}
	// The longest bar plus the widest label fit in the reserved scale-bar room.
	const s = l.scaleBar;
	const widest = measure('20,000 km', s.labelFont);
	expect(s.rect.x + s.maxBarWidth + s.labelGap + widest).toBeLessThanOrEqual(right(s.rect) + EPS);
}

describe('layoutFigure on every preset', () => {
	for (const preset of exportPresets(laptopMap)) {
		it(`${preset.id}: blocks stay inside the margins, never overlap, and text stays in its boxes`, () => {
			const l = ok(layoutFigure(preset, content(), measure));
			expect(l.width).toBe(preset.width);
			expect(l.height).toBe(preset.height);
			expect(l.arrangement).toBe('side');
			expectSound(l);
		});
	}

	it('gives A4 at 300 dpi a 3508 x 2480 canvas with every part present', () => {
		const l = ok(layoutFigure(exportPreset('a4-landscape-300dpi', laptopMap)!, content(), measure));
		expect([l.width, l.height]).toEqual([3508, 2480]);
		expect(
			layoutBlocks(l)
				.map((b) => b.name)
				.sort()
		).toEqual(
			[
				'as-of',
				'attribution',
				'caveat',
				'footnotes',
				'legend',
				'map',
				'north-arrow',
				'scale-bar',
				'subtitle',
				'title'
			].sort()
		);
		expect(l.footnotes!.entries.map((e) => e.number)).toEqual([1, 2, 3, 4]);
	});
});

describe('physical sizes', () => {
	const a4 = ok(layoutFigure(exportPreset('a4-landscape-300dpi', laptopMap)!, content(), measure));
	const slide = ok(layoutFigure(exportPreset('slide-16x9', laptopMap)!, content(), measure));

	it('sets text in points: 1 pt = dpi / 72 px', () => {
		expect(a4.title.lines[0]!.font.sizePx).toBeCloseTo((BASE_DESIGN.titlePt * 300) / 72, 9);
		expect(slide.title.lines[0]!.font.sizePx).toBeCloseTo((BASE_DESIGN.titlePt * 144) / 72, 9);
		expect(a4.footnotes!.entries[0]!.lines[0]!.font.sizePx).toBeCloseTo(
			(BASE_DESIGN.footnotePt * 300) / 72,
			9
		);
	});

	it('keeps margins, hairlines and text the same size in inches at any resolution', () => {
		expect(a4.margin / a4.dpi).toBeCloseTo(slide.margin / slide.dpi, 9);
		expect(a4.hairline / a4.dpi).toBeCloseTo(slide.hairline / slide.dpi, 9);
		expect(a4.caveat.lines[0]!.font.sizePx / 300).toBeCloseTo(
			slide.caveat.lines[0]!.font.sizePx / 144,
			9
		);
	});

	it('keeps the 20 pt margin on every side of the content', () => {
		expect(a4.margin).toBeCloseTo((20 * 300) / 72, 9);
		expect(a4.title.rect.x).toBeCloseTo(a4.margin, 9);
		expect(a4.title.rect.y).toBeCloseTo(a4.margin, 9);
		expect(right(a4.asOf.rect)).toBeCloseTo(a4.width - a4.margin, 9);
	});
});

describe('the map frame', () => {
	const a4 = exportPreset('a4-landscape-300dpi', laptopMap)!;

	it('fills its area in whole pixels when the map is rendered to fit it', () => {
		const l = ok(layoutFigure(a4, content(), measure));
		for (const v of [l.map.x, l.map.y, l.map.width, l.map.height])
			expect(Number.isInteger(v)).toBe(true);
		expectInside(l.map, l.mapArea);
		expect(l.mapArea.width - l.map.width).toBeLessThan(2);
		expect(l.mapArea.height - l.map.height).toBeLessThan(2);
	});

	it.each([0.5, 896 / 737, 16 / 9, 4])(
		'keeps the aspect ratio %s the map was rendered at, to within a pixel',
		(aspect) => {
			const l = ok(layoutFigure(a4, content(), measure, { mapAspect: aspect }));
			expectInside(l.map, l.mapArea);
			// Rounded to whole pixels, one side is within half a pixel of the exact ratio.
			const offBy = Math.min(
				Math.abs(l.map.width - l.map.height * aspect),
				Math.abs(l.map.height - l.map.width / aspect)
			);
			expect(offBy).toBeLessThanOrEqual(0.5 + EPS);
			// It uses all of one dimension of its area.
			const fullWidth = l.mapArea.width - l.map.width < 2;
			const fullHeight = l.mapArea.height - l.map.height < 2;
			expect(fullWidth || fullHeight).toBe(true);
			expectSound(l);
		}
	);

	it('keeps the legend beside a letterboxed map and the footer right under it', () => {
		const l = ok(layoutFigure(a4, content(), measure, { mapAspect: 0.8 }));
		expect(l.legend!.rect.x).toBeCloseTo(right(l.map) + (BASE_DESIGN.blockGapPt * 300) / 72, 6);
		expect(l.caveat.rect.y).toBeCloseTo(bottom(l.map) + (BASE_DESIGN.blockGapPt * 300) / 72, 6);
	});
});

describe('footnotes', () => {
	const a4 = exportPreset('a4-landscape-300dpi', laptopMap)!;

	it('flows a long list into balanced columns, numbered down each column in turn', () => {
		const notes = Array.from({ length: 24 }, (_, i) => ({
			number: i + 1,
			text: citation(i + 1, 10)
		}));
		const l = ok(layoutFigure(a4, content({ footnotes: notes }), measure));
		const f = l.footnotes!;
		expect(f.columns.length).toBeGreaterThan(1);
		expect(f.entries.map((e) => e.number)).toEqual(notes.map((n) => n.number));
		const columnOf = (x: number): number => f.columns.findIndex((c) => Math.abs(c.x - x) < EPS);
		const cols = f.entries.map((e) => columnOf(e.rect.x));
		expect(cols.every((c) => c >= 0)).toBe(true);
		expect(cols).toEqual([...cols].sort((a, b) => a - b));
		for (const e of f.entries) expect(e.marker.box.x).toBeGreaterThanOrEqual(e.rect.x - EPS);
		const tallest = Math.max(...f.entries.map((e) => e.rect.height));
		const heights = f.columns.filter((c) => c.height > 0).map((c) => c.height);
		expect(Math.max(...heights) - Math.min(...heights)).toBeLessThanOrEqual(tallest + 1e-6);
		for (let i = 0; i < f.columns.length - 1; i++) {
			expect(right(f.columns[i]!)).toBeLessThanOrEqual(f.columns[i + 1]!.x);
		}
		expectSound(l);
	});

	it('uses one column per footnote when there are few, and none when there are none', () => {
		const two = ok(
			layoutFigure(a4, content({ footnotes: content().footnotes.slice(0, 2) }), measure)
		);
		expect(two.footnotes!.columns).toHaveLength(2);
		const none = ok(layoutFigure(a4, content({ footnotes: [] }), measure));
		expect(none.footnotes).toBeNull();
		expectSound(none);
	});

	it('gives the map the room a shorter source list leaves', () => {
		const few = ok(
			layoutFigure(a4, content({ footnotes: content().footnotes.slice(0, 1) }), measure)
		);
		const many = ok(
			layoutFigure(
				a4,
				content({
					footnotes: Array.from({ length: 12 }, (_, i) => ({
						number: i + 1,
						text: citation(i + 1)
					}))
				}),
				measure
			)
		);
		expect(few.map.height).toBeGreaterThan(many.map.height);
	});

	it('refuses, with a reason, a list that would leave the map too small', () => {
		const notes = Array.from({ length: 120 }, (_, i) => ({
			number: i + 1,
			text: citation(i + 1, 40)
		}));
		const result = layoutFigure(
			exportPreset('slide-16x9', laptopMap)!,
			content({ footnotes: notes }),
			measure
		);
		expect(result.ok).toBe(false);
		if (!result.ok) {
			expect(result.reason).toMatch(/120 source footnote/);
			expect(result.reason).toMatch(/larger preset/);
		}
	});
});

describe('awkward content and canvases', () => {
	it('puts the legend under the map on a portrait canvas', () => {
		const portrait = exportPreset('view-2x', { width: 600, height: 900 })!;
		const l = ok(layoutFigure(portrait, content(), measure));
		expect(l.arrangement).toBe('below');
		expect(l.legend!.rect.y).toBeGreaterThan(bottom(l.map));
		expect(l.legend!.entries.length).toBe(8);
		expectSound(l);
	});

	it('cuts an overlong title to two lines with an ellipsis and says so', () => {
		const result = layoutFigure(
			exportPreset('slide-16x9', laptopMap)!,
			content({ title: 'A very long title '.repeat(20) }),
			measure
		);
		const l = ok(result);
		expect(l.title.lines).toHaveLength(2);
		expect(l.title.lines[1]!.text.endsWith('\u2026')).toBe(true);
		expect(result.ok && result.warnings.some((w) => /title/.test(w))).toBe(true);
		expectSound(l);
	});

	it('wraps a title so it never runs into the "as of" line', () => {
		const l = ok(
			layoutFigure(
				exportPreset('view-2x', laptopMap)!,
				content({ title: 'word '.repeat(30) }),
				measure
			)
		);
		for (const line of l.title.lines) expect(overlapArea(line.box, l.asOf.rect)).toBe(0);
	});

	it('lays out a figure with no layers shown and no subtitle', () => {
		const l = ok(
			layoutFigure(
				exportPreset('slide-16x9', laptopMap)!,
				content({ legend: [], subtitle: null, footnotes: [], scaleNote: null }),
				measure
			)
		);
		expect(l.legend).toBeNull();
		expect(l.subtitle).toBeNull();
		expectSound(l);
	});

	it('refuses a canvas too small for its margins or its map', () => {
		expect(layoutFigure({ width: 100, height: 80, dpi: 300 }, content(), measure).ok).toBe(false);
		expect(layoutFigure({ width: 0, height: 80, dpi: 96 }, content(), measure).ok).toBe(false);
		const flat = layoutFigure({ width: 1200, height: 300, dpi: 192 }, content(), measure);
		expect(flat.ok).toBe(false);
		if (!flat.ok) expect(flat.reason).toMatch(/map would be/);
	});
});

describe('balanceColumns', () => {
	function bruteForceBest(heights: number[], columns: number, gap: number): number {
		// Every way to cut the list into at most `columns` runs.
		let best = Infinity;
		const n = heights.length;
		const walk = (start: number, left: number, worst: number): void => {
			if (start === n) {
				best = Math.min(best, worst);
				return;
			}
			if (left === 0) return;
			let sum = 0;
			for (let end = start; end < n; end++) {
				sum += heights[end]! + (end > start ? gap : 0);
				walk(end + 1, left - 1, Math.max(worst, sum));
			}
		};
		walk(0, columns, 0);
		return best;
	}

	it('keeps order and finds the shortest tallest column', () => {
		let seed = 7;
		const random = (): number => {
			seed = (seed * 16807) % 2147483647;
			return seed / 2147483647;
		};
		for (let trial = 0; trial < 60; trial++) {
			const n = 1 + Math.floor(random() * 9);
			const heights = Array.from({ length: n }, () => 1 + Math.floor(random() * 10));
			const columns = 1 + Math.floor(random() * 4);
			const cols = balanceColumns(heights, columns, 1);
			expect(cols).toHaveLength(columns);
			expect(cols.flat()).toEqual(heights.map((_, i) => i));
			const tallest = Math.max(
				...cols.map((c) => c.reduce((s, i, k) => s + heights[i]! + (k > 0 ? 1 : 0), 0))
			);
			expect(tallest).toBe(bruteForceBest(heights, columns, 1));
		}
	});

	it('returns empty columns for no items', () => {
		expect(balanceColumns([], 3, 2)).toEqual([[], [], []]);
	});
});

describe('frame helpers', () => {
	it('fits an aspect ratio in whole pixels at the top-left of an area', () => {
		expect(fitAspect({ x: 10.2, y: 5.5, width: 300, height: 100 }, 2)).toEqual({
			x: 11,
			y: 6,
			width: 198,
			height: 99
		});
		expect(fitAspect({ x: 0, y: 0, width: 100, height: 300 }, 2)).toEqual({
			x: 0,
			y: 0,
			width: 100,
			height: 50
		});
	});

	it('renders the map at the frame size divided by the pixel ratio', () => {
		expect(mapRenderSize({ width: 3000, height: 1500 }, 3.125)).toEqual({
			cssWidth: 960,
			cssHeight: 480,
			pixelRatio: 3.125,
			reduced: false
		});
	});

	it("lowers the pixel ratio, not the extent, for frames beyond MapLibre's 4096 px canvas", () => {
		const r = mapRenderSize({ width: 5000, height: 2000 }, 3);
		expect(r.reduced).toBe(true);
		expect(r.cssWidth * r.pixelRatio).toBeCloseTo(4096, 6);
		expect(r.cssWidth).toBeCloseTo(5000 / 3, 9);
	});

	it('zooms out just enough for a smaller frame to show the same ground', () => {
		expect(
			zoomToKeepExtent(5, { width: 800, height: 600 }, { width: 400, height: 400 })
		).toBeCloseTo(4, 9);
		expect(zoomToKeepExtent(5, { width: 800, height: 600 }, { width: 800, height: 600 })).toBe(5);
	});
});
