/**
 * Figure layout: where the title, map, legend, north arrow, scale bar, caveat, attribution and
 * source footnotes go on an export canvas. Pure arithmetic over an injected text measurer, so
 * the same layout drives the browser export, the render CLI and the unit tests.
 *
 * Every size is designed once in points (BASE_DESIGN) and converted at the preset's resolution,
 * 1 pt = dpi / 72 px, so text has the same physical size on a 300 dpi A4 page as on a 144 dpi
 * slide. The page, top to bottom:
 *
 *   title (wrapped beside the right-aligned "as of" line), subtitle
 *   map frame | side column: legend at the top, north arrow and scale bar at the bottom
 *   caveat line, attribution line
 *   "Sources" heading and numbered footnotes, in as many columns as the width allows
 *
 * A canvas taller than it is wide (a portrait browser window exported at 2x) puts the legend,
 * arrow and scale bar in a band under the map instead, because a side column would leave the
 * map too narrow. The map frame fills what is left; when the caller already rendered the map,
 * passing its aspect ratio keeps that ratio exactly (within a pixel) instead of stretching it.
 */
import type { ExportPreset } from './presets.ts';
// Camera maths lives with the map; re-exported because figures and the CLI reach it from here.
export { zoomToKeepExtent } from '../map/camera-math.ts';
import { clampLines, wrapText, type FontSpec, type MeasureText } from './text-layout.ts';

export interface Rect {
	x: number;
	y: number;
	width: number;
	height: number;
}

export const FIGURE_FONT_FAMILY = "'Noto Sans', sans-serif";

/** The design, in points (1/72 inch). Ratios are unitless. */
export const BASE_DESIGN = {
	marginPt: 20,
	blockGapPt: 8,
	smallGapPt: 2,
	/** Line box height as a multiple of the font size. */
	lineHeight: 1.3,
	/**
	 * Baseline position in the line box, as a multiple of the font size from its top. Leaves
	 * 0.3 em under the baseline, more than Noto Sans's descender (0.293 em).
	 */
	baseline: 1.0,
	hairlinePt: 0.75,
	titlePt: 16,
	titleMaxLines: 2,
	subtitlePt: 10,
	subtitleMaxLines: 3,
	asOfPt: 9,
	legendTitlePt: 8.5,
	legendLabelPt: 8,
	legendLabelMaxLines: 3,
	legendSymbolWidthPt: 18,
	legendSymbolHeightPt: 11,
	legendSymbolGapPt: 5,
	legendPaddingPt: 6,
	legendRowGapPt: 3,
	legendColumnGapPt: 10,
	/** Side column width bounds; it never takes more than this share of the content width. */
	sideColumnMinPt: 110,
	sideColumnMaxPt: 190,
	sideColumnMaxShare: 0.3,
	/** Below this content width : height ratio the legend goes under the map. */
	sideArrangementMinAspect: 1.1,
	northArrowPt: 28,
	scaleBarHeightPt: 4,
	scaleLabelPt: 7,
	scaleNotePt: 6.5,
	scaleNoteMaxLines: 2,
	/** Longest scale bar, so it stays a reference mark, not a ruler across the figure. */
	scaleBarMaxPt: 144,
	/** Width of the arrow-and-scale column when they sit under the map: the longest bar and its label. */
	scaleColumnPt: 184,
	scaleColumnMaxShare: 0.4,
	caveatPt: 8,
	attributionPt: 7,
	footerMaxLines: 2,
	footnoteHeadingPt: 8,
	footnotePt: 7,
	footnoteGapPt: 2,
	footnoteGutterPt: 14,
	/** Footnote columns are at least this wide: about 55 characters at 7 pt. */
	footnoteMinColumnPt: 190,
	/** Below this share of the content height the map is too small to be worth exporting. */
	minMapHeightShare: 0.4
} as const;

/** The widest distance label a scale bar can carry; its room is reserved next to the bar. */
const WIDEST_SCALE_LABEL = '20,000 km';

/** Words the figure prints, kept apart from the caller's content so tests can look for them. */
export interface FigureText {
	title: string;
	subtitle: string | null;
	/** The full line, e.g. "As of 4 Nov 2025" or "All dates on file". */
	asOf: string;
	legendTitle: string;
	/** Visible layers in legend order; `id` is handed back to the symbol callback. */
	legend: readonly { id: string; label: string }[];
	/** Under the scale bar: where it is true ("true at 52° N"). Null for none. */
	scaleNote: string | null;
	caveat: string;
	attribution: string;
	footnotesHeading: string;
	/** Numbered source footnotes, in number order. */
	footnotes: readonly { number: number; text: string }[];
}

export interface LayoutOptions {
	/** Width / height of an already rendered map image; omit to let the frame fill its area. */
	mapAspect?: number;
	fontFamily?: string;
}

export interface TextLine {
	text: string;
	font: FontSpec;
	/** Left edge for left-aligned text, right edge for right-aligned. */
	x: number;
	baseline: number;
	align: 'left' | 'right';
	/** The line's box: measured width by line height. Everything drawn stays inside it. */
	box: Rect;
}

export interface TextBlock {
	rect: Rect;
	lines: TextLine[];
}

export interface LegendEntryLayout {
	id: string;
	/** Where the caller's symbol is drawn. */
	symbol: Rect;
	lines: TextLine[];
	rect: Rect;
}

export interface LegendLayout {
	rect: Rect;
	title: TextLine;
	entries: LegendEntryLayout[];
}

export interface ScaleBarLayout {
	rect: Rect;
	/** The bar may be at most this long; pass it to `scaleBar()`. */
	maxBarWidth: number;
	barHeight: number;
	/** Top of the bar. */
	barY: number;
	labelFont: FontSpec;
	/** Baseline for the distance label, set right of the bar's end. */
	labelBaseline: number;
	labelGap: number;
	note: TextLine[];
}

export interface FootnoteEntryLayout {
	number: number;
	/** "[3]", right-aligned in the number column. */
	marker: TextLine;
	lines: TextLine[];
	rect: Rect;
}

export interface FootnotesLayout {
	rect: Rect;
	heading: TextLine;
	columns: Rect[];
	entries: FootnoteEntryLayout[];
}

export interface FigureLayout {
	width: number;
	height: number;
	dpi: number;
	pxPerPt: number;
	/** Margin on every side, in device pixels. */
	margin: number;
	/** Line width for frames and outlines. */
	hairline: number;
	arrangement: 'side' | 'below';
	title: TextBlock;
	asOf: TextBlock;
	subtitle: TextBlock | null;
	/** The area the map frame was fitted into. */
	mapArea: Rect;
	/** Where the map image goes: whole pixels, so the off-screen map can be rendered to it. */
	map: Rect;
	legend: LegendLayout | null;
	northArrow: Rect;
	scaleBar: ScaleBarLayout;
	caveat: TextBlock;
	attribution: TextBlock;
	footnotes: FootnotesLayout | null;
}

export type LayoutResult =
	{ ok: true; layout: FigureLayout; warnings: string[] } | { ok: false; reason: string };

/* ------------------------------------------------------------------------------------------ */

/** Slack for comparisons of sums of fractional pixels. */
const EPSILON = 1e-6;

const bottom = (r: Rect): number => r.y + r.height;
const right = (r: Rect): number => r.x + r.width;

/**
 * Splits items, in order, into at most `columns` runs so the tallest run is as short as possible;
 * items never split. Returns the item indexes per column (trailing columns may be empty).
 */
export function balanceColumns(
	heights: readonly number[],
	columns: number,
	gap: number
): number[][] {
	const n = heights.length;
	const count = Math.max(1, Math.floor(columns));
	if (n === 0) return Array.from({ length: count }, () => []);
	const fill = (limit: number): number[][] | null => {
		const cols: number[][] = [[]];
		let used = 0;
		for (let i = 0; i < n; i++) {
			const h = heights[i] ?? 0;
			const col = cols[cols.length - 1] ?? [];
			const next = col.length === 0 ? h : used + gap + h;
			if (next <= limit + 1e-9) {
				col.push(i);
				used = next;
			} else {
				if (col.length === 0 || cols.length === count) return null;
				cols.push([i]);
				used = h;
			}
		}
		while (cols.length < count) cols.push([]);
		return cols;
	};
	// The best height is the height of some run of consecutive items; try them smallest first.
	const candidates = new Set<number>();
	for (let i = 0; i < n; i++) {
		let sum = 0;
		for (let j = i; j < n; j++) {
			sum += (heights[j] ?? 0) + (j > i ? gap : 0);
			candidates.add(sum);
		}
	}
	const sorted = [...candidates].sort((a, b) => a - b);
	let lo = 0;
	let hi = sorted.length - 1;
	while (lo < hi) {
		const mid = Math.floor((lo + hi) / 2);
		if (fill(sorted[mid] ?? 0)) hi = mid;
		else lo = mid + 1;
	}
	return fill(sorted[lo] ?? 0) ?? [heights.map((_, i) => i)];
}

/** Height of a column of items separated by `gap`. */
function columnHeight(indexes: readonly number[], heights: readonly number[], gap: number): number {
	return indexes.reduce((sum, i, k) => sum + (heights[i] ?? 0) + (k > 0 ? gap : 0), 0);
}

/**
 * The largest whole-pixel rectangle inside `area`, anchored at its top-left corner, with the
 * given width / height ratio (or all of the area when no ratio is given).
 */
export function fitAspect(area: Rect, aspect?: number): Rect {
	const x = Math.ceil(area.x);
	const y = Math.ceil(area.y);
	const maxW = Math.max(0, Math.floor(right(area)) - x);
	const maxH = Math.max(0, Math.floor(bottom(area)) - y);
	if (aspect === undefined || !(aspect > 0) || !Number.isFinite(aspect)) {
		return { x, y, width: maxW, height: maxH };
	}
	if (maxW / aspect <= maxH) {
		return { x, y, width: maxW, height: Math.min(maxH, Math.round(maxW / aspect)) };
	}
	return { x, y, width: Math.min(maxW, Math.round(maxH * aspect)), height: maxH };
}

/* ------------------------------------------------------------------------------------------ */

interface Typesetter {
	pt: (points: number) => number;
	font: (sizePt: number, weight?: 400 | 700, style?: 'normal' | 'italic') => FontSpec;
	lineHeight: (font: FontSpec) => number;
	line: (
		text: string,
		font: FontSpec,
		x: number,
		top: number,
		align?: 'left' | 'right'
	) => TextLine;
	measure: MeasureText;
}

function typesetter(pxPerPt: number, family: string, measure: MeasureText): Typesetter {
	const lineHeight = (font: FontSpec): number => font.sizePx * BASE_DESIGN.lineHeight;
	return {
		pt: (points) => points * pxPerPt,
		font: (sizePt, weight = 400, style = 'normal') => ({
			family,
			sizePx: sizePt * pxPerPt,
			weight,
			style
		}),
		lineHeight,
		line: (text, font, x, top, align = 'left') => {
			const width = measure(text, font);
			return {
				text,
				font,
				x,
				baseline: top + font.sizePx * BASE_DESIGN.baseline,
				align,
				box: { x: align === 'left' ? x : x - width, y: top, width, height: lineHeight(font) }
			};
		},
		measure
	};
}

/** Lines stacked from `top`; the block's rect hugs the widest line. */
function stack(
	ts: Typesetter,
	texts: readonly string[],
	font: FontSpec,
	x: number,
	top: number
): TextBlock {
	const lh = ts.lineHeight(font);
	const lines = texts.map((t, i) => ts.line(t, font, x, top + i * lh));
	const width = Math.max(0, ...lines.map((l) => l.box.width));
	return { rect: { x, y: top, width, height: lines.length * lh }, lines };
}

function wrapClamped(
	ts: Typesetter,
	text: string,
	width: number,
	font: FontSpec,
	maxLines: number,
	what: string,
	warnings: string[]
): string[] {
	const { lines, truncated } = clampLines(
		wrapText(text, width, font, ts.measure),
		maxLines,
		width,
		font,
		ts.measure
	);
	if (truncated) warnings.push(`The ${what} was cut to ${maxLines} line(s) to fit the figure.`);
	return lines;
}

/** Legend entries in `columns` balanced columns inside a padded, framed box. */
function layoutLegend(
	ts: Typesetter,
	text: FigureText,
	x: number,
	y: number,
	width: number,
	columns: number,
	warnings: string[]
): LegendLayout {
	const d = BASE_DESIGN;
	const pad = ts.pt(d.legendPaddingPt);
	const titleFont = ts.font(d.legendTitlePt, 700);
	const labelFont = ts.font(d.legendLabelPt);
	const symW = ts.pt(d.legendSymbolWidthPt);
	const symH = ts.pt(d.legendSymbolHeightPt);
	const symGap = ts.pt(d.legendSymbolGapPt);
	const colGap = ts.pt(d.legendColumnGapPt);
	const rowGap = ts.pt(d.legendRowGapPt);
	const lh = ts.lineHeight(labelFont);
	const innerW = width - 2 * pad;
	const colW = (innerW - colGap * (columns - 1)) / columns;
	const labelW = Math.max(1, colW - symW - symGap);
	const titleLines = wrapClamped(
		ts,
		text.legendTitle,
		innerW,
		titleFont,
		1,
		'legend title',
		warnings
	);
	const title = ts.line(titleLines[0] ?? '', titleFont, x + pad, y + pad);
	const wrapped = text.legend.map((e) =>
		wrapClamped(
			ts,
			e.label,
			labelW,
			labelFont,
			d.legendLabelMaxLines,
			`legend label "${e.label}"`,
			warnings
		)
	);
	const firstRow = Math.max(symH, lh);
	const heights = wrapped.map((lines) => firstRow + Math.max(0, lines.length - 1) * lh);
	const cols = balanceColumns(heights, columns, rowGap);
	const entriesTop = bottom(title.box) + ts.pt(d.smallGapPt) * 2;
	const entries: LegendEntryLayout[] = [];
	cols.forEach((indexes, c) => {
		const cx = x + pad + c * (colW + colGap);
		let cy = entriesTop;
		for (const i of indexes) {
			const entry = text.legend[i];
			const lines = wrapped[i] ?? [];
			const h = heights[i] ?? 0;
			if (!entry) continue;
			const textTop = cy + (firstRow - lh) / 2;
			entries.push({
				id: entry.id,
				symbol: { x: cx, y: cy + (firstRow - symH) / 2, width: symW, height: symH },
				lines: lines.map((t, k) => ts.line(t, labelFont, cx + symW + symGap, textTop + k * lh)),
				rect: { x: cx, y: cy, width: colW, height: h }
			});
			cy += h + rowGap;
		}
	});
	const contentH = Math.max(0, ...cols.map((c) => columnHeight(c, heights, rowGap)));
	return {
		rect: { x, y, width, height: entriesTop - y + contentH + pad },
		title,
		entries
	};
}

/** Natural width of a one-column legend: the widest unwrapped label beside its symbol. */
function legendNaturalWidth(ts: Typesetter, text: FigureText): number {
	const d = BASE_DESIGN;
	const labelFont = ts.font(d.legendLabelPt);
	const titleFont = ts.font(d.legendTitlePt, 700);
	const widest = Math.max(
		ts.measure(text.legendTitle, titleFont) - ts.pt(d.legendSymbolWidthPt + d.legendSymbolGapPt),
		...text.legend.map((e) => ts.measure(e.label, labelFont))
	);
	return 2 * ts.pt(d.legendPaddingPt) + ts.pt(d.legendSymbolWidthPt + d.legendSymbolGapPt) + widest;
}

function scaleBlockHeight(ts: Typesetter, noteLines: number): number {
	const d = BASE_DESIGN;
	const labelLh = ts.lineHeight(ts.font(d.scaleLabelPt));
	const barRow = Math.max(ts.pt(d.scaleBarHeightPt), labelLh);
	return (
		barRow +
		(noteLines > 0 ? ts.pt(d.smallGapPt) + noteLines * ts.lineHeight(ts.font(d.scaleNotePt)) : 0)
	);
}

function layoutScaleBar(ts: Typesetter, rect: Rect, note: readonly string[]): ScaleBarLayout {
	const d = BASE_DESIGN;
	const labelFont = ts.font(d.scaleLabelPt);
	const noteFont = ts.font(d.scaleNotePt);
	const labelLh = ts.lineHeight(labelFont);
	const barH = ts.pt(d.scaleBarHeightPt);
	const barRow = Math.max(barH, labelLh);
	const labelGap = ts.pt(3);
	const reserved = ts.measure(WIDEST_SCALE_LABEL, labelFont) + labelGap;
	const noteTop = rect.y + barRow + ts.pt(d.smallGapPt);
	return {
		rect,
		maxBarWidth: Math.max(0, Math.min(rect.width - reserved, ts.pt(d.scaleBarMaxPt))),
		barHeight: barH,
		barY: rect.y + (barRow - barH) / 2,
		labelFont,
		labelBaseline: rect.y + (barRow - labelLh) / 2 + labelFont.sizePx * d.baseline,
		labelGap,
		note: note.map((t, i) => ts.line(t, noteFont, rect.x, noteTop + i * ts.lineHeight(noteFont)))
	};
}

interface FootnoteDraft {
	headingFont: FontSpec;
	columns: number;
	columnWidth: number;
	numberWidth: number;
	wrapped: string[][];
	heights: number[];
	assignment: number[][];
	height: number;
}

function draftFootnotes(ts: Typesetter, text: FigureText, width: number): FootnoteDraft | null {
	const d = BASE_DESIGN;
	const n = text.footnotes.length;
	if (n === 0) return null;
	const font = ts.font(d.footnotePt);
	const headingFont = ts.font(d.footnoteHeadingPt, 700);
	const gutter = ts.pt(d.footnoteGutterPt);
	const fitting = Math.floor((width + gutter) / (ts.pt(d.footnoteMinColumnPt) + gutter));
	const columns = Math.max(1, Math.min(n, fitting));
	const columnWidth = (width - gutter * (columns - 1)) / columns;
	const numberWidth =
		Math.max(...text.footnotes.map((f) => ts.measure(`[${f.number}]`, font))) + ts.pt(3);
	const lh = ts.lineHeight(font);
	const wrapped = text.footnotes.map((f) =>
		wrapText(f.text, Math.max(1, columnWidth - numberWidth), font, ts.measure)
	);
	const heights = wrapped.map((lines) => Math.max(1, lines.length) * lh);
	const gap = ts.pt(d.footnoteGapPt);
	const assignment = balanceColumns(heights, columns, gap);
	const tallest = Math.max(...assignment.map((c) => columnHeight(c, heights, gap)));
	const height = ts.lineHeight(headingFont) + ts.pt(d.smallGapPt) + tallest;
	return { headingFont, columns, columnWidth, numberWidth, wrapped, heights, assignment, height };
}

function placeFootnotes(
	ts: Typesetter,
	text: FigureText,
	draft: FootnoteDraft,
	x: number,
	y: number,
	width: number
): FootnotesLayout {
	const d = BASE_DESIGN;
	const font = ts.font(d.footnotePt);
	const lh = ts.lineHeight(font);
	const gap = ts.pt(d.footnoteGapPt);
	const gutter = ts.pt(d.footnoteGutterPt);
	const heading = ts.line(text.footnotesHeading, draft.headingFont, x, y);
	const top = bottom(heading.box) + ts.pt(d.smallGapPt);
	const columns: Rect[] = [];
	const entries: FootnoteEntryLayout[] = [];
	draft.assignment.forEach((indexes, c) => {
		const cx = x + c * (draft.columnWidth + gutter);
		columns.push({
			x: cx,
			y: top,
			width: draft.columnWidth,
			height: columnHeight(indexes, draft.heights, gap)
		});
		let cy = top;
		for (const i of indexes) {
			const note = text.footnotes[i];
			if (!note) continue;
			const lines = draft.wrapped[i] ?? [];
			entries.push({
				number: note.number,
				marker: ts.line(`[${note.number}]`, font, cx + draft.numberWidth - ts.pt(3), cy, 'right'),
				lines: lines.map((t, k) => ts.line(t, font, cx + draft.numberWidth, cy + k * lh)),
				rect: { x: cx, y: cy, width: draft.columnWidth, height: draft.heights[i] ?? 0 }
			});
			cy += (draft.heights[i] ?? 0) + gap;
		}
	});
	return { rect: { x, y, width, height: draft.height }, heading, columns, entries };
}

/* ------------------------------------------------------------------------------------------ */

interface Header {
	title: TextBlock;
	asOf: TextBlock;
	subtitle: TextBlock | null;
	bottom: number;
}

/** Title, the "as of" line right-aligned on the title's first baseline, and the subtitle. */
function layoutHeader(
	ts: Typesetter,
	text: FigureText,
	content: Rect,
	warnings: string[]
): Header | string {
	const d = BASE_DESIGN;
	const asOfFont = ts.font(d.asOfPt);
	const titleFont = ts.font(d.titlePt, 700);
	const asOfWidth = ts.measure(text.asOf, asOfFont);
	// The title wraps short of the "as of" line rather than running under it.
	const titleWidth = content.width - (asOfWidth > 0 ? asOfWidth + ts.pt(d.blockGapPt) : 0);
	if (titleWidth < content.width / 2) {
		return `The "as of" line is too long for a ${Math.round(content.width)} px wide text area.`;
	}
	const titleLines = wrapClamped(
		ts,
		text.title,
		titleWidth,
		titleFont,
		d.titleMaxLines,
		'title',
		warnings
	);
	const title = stack(ts, titleLines, titleFont, content.x, content.y);
	const firstBaseline = title.lines[0]?.baseline ?? content.y + titleFont.sizePx * d.baseline;
	const asOfTop = firstBaseline - asOfFont.sizePx * d.baseline;
	const asOfLine = ts.line(text.asOf, asOfFont, right(content), asOfTop, 'right');
	const asOf: TextBlock = { rect: asOfLine.box, lines: [asOfLine] };
	if (!text.subtitle?.trim()) return { title, asOf, subtitle: null, bottom: bottom(title.rect) };
	const subFont = ts.font(d.subtitlePt);
	const subLines = wrapClamped(
		ts,
		text.subtitle,
		content.width,
		subFont,
		d.subtitleMaxLines,
		'subtitle',
		warnings
	);
	const subtitle = stack(
		ts,
		subLines,
		subFont,
		content.x,
		bottom(title.rect) + ts.pt(d.smallGapPt)
	);
	return { title, asOf, subtitle, bottom: bottom(subtitle.rect) };
}

/** The map with its legend, north arrow and scale bar, between header and footer. */
interface Middle {
	mapArea: Rect;
	map: Rect;
	legend: LegendLayout | null;
	northArrow: Rect;
	scaleRect: Rect;
	noteLines: string[];
	bottom: number;
}

interface MiddleSpace {
	/** Left edge, width and top of the space between header and footer, and its height. */
	x: number;
	y: number;
	width: number;
	height: number;
	/** The map may not be shorter than this. */
	minMapHeight: number;
	/** Says why the map would be too small, given the height it would get. */
	tooSmall: (mapHeight: number) => string;
}

/** Landscape: the map on the left, a column on the right with the legend above arrow and scale. */
function layoutSide(
	ts: Typesetter,
	text: FigureText,
	space: MiddleSpace,
	mapAspect: number | undefined,
	warnings: string[]
): Middle | string {
	const d = BASE_DESIGN;
	const gap = ts.pt(d.blockGapPt);
	const arrowSize = ts.pt(d.northArrowPt);
	const sideW = Math.min(
		Math.max(legendNaturalWidth(ts, text), ts.pt(d.sideColumnMinPt), arrowSize),
		ts.pt(d.sideColumnMaxPt),
		space.width * d.sideColumnMaxShare
	);
	if (space.height < space.minMapHeight) return space.tooSmall(space.height);
	const noteLines = scaleNoteLines(ts, text, sideW, warnings);
	const mapArea = {
		x: space.x,
		y: space.y,
		width: space.width - sideW - gap,
		height: space.height
	};
	const map = fitAspect(mapArea, mapAspect);
	const sideX = right(map) + gap;
	const scaleH = scaleBlockHeight(ts, noteLines.length);
	const legend =
		text.legend.length > 0 ? layoutLegend(ts, text, sideX, map.y, sideW, 1, warnings) : null;
	// The arrow and scale bar line up with the map's foot, unless the legend above them reaches
	// lower: then the column runs on below a short (letterboxed) map.
	const legendFoot = legend ? bottom(legend.rect) + gap : map.y;
	const columnBottom = Math.max(bottom(map), legendFoot + arrowSize + gap + scaleH);
	if (columnBottom > space.y + space.height + EPSILON) {
		return (
			`The legend's ${text.legend.length} entries, the north arrow and the scale bar need ${Math.round(columnBottom - map.y)} px beside the map, ` +
			`but only ${Math.round(space.height)} px are free. Choose a larger preset or hide layers.`
		);
	}
	const scaleRect = { x: sideX, y: columnBottom - scaleH, width: sideW, height: scaleH };
	const northArrow = {
		x: sideX,
		y: scaleRect.y - gap - arrowSize,
		width: arrowSize,
		height: arrowSize
	};
	return { mapArea, map, legend, northArrow, scaleRect, noteLines, bottom: columnBottom };
}

/**
 * Portrait: the map on top, then a band with the legend in columns on the left and the arrow
 * above the scale bar on the right. A side column would leave a portrait map too narrow.
 */
function layoutBelow(
	ts: Typesetter,
	text: FigureText,
	space: MiddleSpace,
	mapAspect: number | undefined,
	warnings: string[]
): Middle | string {
	const d = BASE_DESIGN;
	const gap = ts.pt(d.blockGapPt);
	const arrowSize = ts.pt(d.northArrowPt);
	const rightW = Math.max(
		arrowSize,
		Math.min(ts.pt(d.scaleColumnPt), space.width * d.scaleColumnMaxShare)
	);
	const noteLines = scaleNoteLines(ts, text, rightW, warnings);
	const scaleH = scaleBlockHeight(ts, noteLines.length);
	const legendW = space.width - rightW - gap;
	const padding = ts.pt(d.legendPaddingPt);
	const colGap = ts.pt(d.legendColumnGapPt);
	const entryW = Math.min(legendNaturalWidth(ts, text) - 2 * padding, ts.pt(d.sideColumnMaxPt));
	const fitting = Math.floor((legendW - 2 * padding + colGap) / (entryW + colGap));
	const columns = Math.max(1, Math.min(text.legend.length, fitting));
	// Laid out once at y = 0 for its height: the band's height decides how tall the map can be.
	const legendH =
		text.legend.length > 0
			? layoutLegend(ts, text, space.x, 0, legendW, columns, []).rect.height
			: 0;
	const bandH = Math.max(legendH, arrowSize + gap + scaleH);
	const areaH = space.height - bandH - gap;
	if (areaH < space.minMapHeight) return space.tooSmall(areaH);
	const mapArea = { x: space.x, y: space.y, width: space.width, height: areaH };
	const map = fitAspect(mapArea, mapAspect);
	const bandY = bottom(map) + gap;
	const legend =
		text.legend.length > 0
			? layoutLegend(ts, text, space.x, bandY, legendW, columns, warnings)
			: null;
	const rightX = space.x + space.width - rightW;
	return {
		mapArea,
		map,
		legend,
		northArrow: { x: rightX, y: bandY, width: arrowSize, height: arrowSize },
		scaleRect: { x: rightX, y: bandY + arrowSize + gap, width: rightW, height: scaleH },
		noteLines,
		bottom: bandY + bandH
	};
}

function scaleNoteLines(
	ts: Typesetter,
	text: FigureText,
	width: number,
	warnings: string[]
): string[] {
	if (!text.scaleNote) return [];
	const font = ts.font(BASE_DESIGN.scaleNotePt);
	return wrapClamped(
		ts,
		text.scaleNote,
		width,
		font,
		BASE_DESIGN.scaleNoteMaxLines,
		'scale note',
		warnings
	);
}

/**
 * Lays out a figure on a preset's canvas. Returns every rectangle and text line in device
 * pixels, or, when the content cannot fit with a map of useful size, a reason in words that
 * says what to change.
 */
export function layoutFigure(
	preset: Pick<ExportPreset, 'width' | 'height' | 'dpi'>,
	text: FigureText,
	measure: MeasureText,
	options: LayoutOptions = {}
): LayoutResult {
	const d = BASE_DESIGN;
	const { width, height, dpi } = preset;
	if (!(width > 0 && height > 0 && dpi > 0)) {
		return {
			ok: false,
			reason: `The figure size ${width} x ${height} px at ${dpi} dpi is not valid.`
		};
	}
	const pxPerPt = dpi / 72;
	const ts = typesetter(pxPerPt, options.fontFamily ?? FIGURE_FONT_FAMILY, measure);
	const warnings: string[] = [];
	const margin = ts.pt(d.marginPt);
	const gap = ts.pt(d.blockGapPt);
	const content: Rect = {
		x: margin,
		y: margin,
		width: width - 2 * margin,
		height: height - 2 * margin
	};
	if (content.width <= 0 || content.height <= 0) {
		return { ok: false, reason: `A ${width} x ${height} px figure is smaller than its margins.` };
	}

	const header = layoutHeader(ts, text, content, warnings);
	if (typeof header === 'string') return { ok: false, reason: header };

	// Footer heights come first: they decide how much height the map keeps.
	const caveatFont = ts.font(d.caveatPt, 400, 'italic');
	const attributionFont = ts.font(d.attributionPt);
	const footerLines = (t: string, font: FontSpec, what: string): string[] =>
		wrapClamped(ts, t, content.width, font, d.footerMaxLines, what, warnings);
	const caveatLines = footerLines(text.caveat, caveatFont, 'caveat');
	const attributionLines = footerLines(text.attribution, attributionFont, 'attribution');
	const draft = draftFootnotes(ts, text, content.width);
	const footerH =
		gap +
		caveatLines.length * ts.lineHeight(caveatFont) +
		ts.pt(d.smallGapPt) +
		attributionLines.length * ts.lineHeight(attributionFont) +
		(draft ? gap + draft.height : 0);

	const minMapHeight = content.height * d.minMapHeightShare;
	const space: MiddleSpace = {
		x: content.x,
		y: header.bottom + gap,
		width: content.width,
		height: bottom(content) - footerH - (header.bottom + gap),
		minMapHeight,
		tooSmall: (mapH) =>
			`The map would be ${Math.max(0, Math.round(mapH))} px tall, under the ${Math.round(minMapHeight)} px minimum for a ${width} x ${height} px figure: ` +
			(draft
				? `the ${text.footnotes.length} source footnote(s) need ${Math.round(draft.height)} px in ${draft.columns} column(s). `
				: '') +
			'Choose a larger preset, hide layers to cite fewer sources, or shorten the title.'
	};
	const arrangement: 'side' | 'below' =
		content.width >= d.sideArrangementMinAspect * content.height ? 'side' : 'below';
	const middle = (arrangement === 'side' ? layoutSide : layoutBelow)(
		ts,
		text,
		space,
		options.mapAspect,
		warnings
	);
	if (typeof middle === 'string') return { ok: false, reason: middle };

	// The footer follows the map directly, so a letterboxed map leaves its spare room at the foot.
	const caveat = stack(ts, caveatLines, caveatFont, content.x, middle.bottom + gap);
	const attributionTop = bottom(caveat.rect) + ts.pt(d.smallGapPt);
	const attribution = stack(ts, attributionLines, attributionFont, content.x, attributionTop);
	const footnotes = draft
		? placeFootnotes(ts, text, draft, content.x, bottom(attribution.rect) + gap, content.width)
		: null;

	return {
		ok: true,
		warnings,
		layout: {
			width,
			height,
			dpi,
			pxPerPt,
			margin,
			hairline: ts.pt(d.hairlinePt),
			arrangement,
			title: header.title,
			asOf: header.asOf,
			subtitle: header.subtitle,
			mapArea: middle.mapArea,
			map: middle.map,
			legend: middle.legend,
			northArrow: middle.northArrow,
			scaleBar: layoutScaleBar(ts, middle.scaleRect, middle.noteLines),
			caveat,
			attribution,
			footnotes
		}
	};
}

/** The named top-level blocks of a layout, for checks that nothing overlaps or leaves the page. */
export function layoutBlocks(layout: FigureLayout): { name: string; rect: Rect }[] {
	const blocks: { name: string; rect: Rect }[] = [
		{ name: 'title', rect: layout.title.rect },
		{ name: 'as-of', rect: layout.asOf.rect },
		{ name: 'map', rect: layout.map },
		{ name: 'north-arrow', rect: layout.northArrow },
		{ name: 'scale-bar', rect: layout.scaleBar.rect },
		{ name: 'caveat', rect: layout.caveat.rect },
		{ name: 'attribution', rect: layout.attribution.rect }
	];
	if (layout.subtitle) blocks.push({ name: 'subtitle', rect: layout.subtitle.rect });
	if (layout.legend) blocks.push({ name: 'legend', rect: layout.legend.rect });
	if (layout.footnotes) blocks.push({ name: 'footnotes', rect: layout.footnotes.rect });
	return blocks;
}

/**
 * CSS size and pixel ratio for the off-screen map that fills `frame`. MapLibre refuses canvases
 * above its `maxCanvasSize` (4096 px a side by default) by lowering the pixel ratio; doing it
 * here first lets the caller say so, and the image is then scaled up into the frame.
 */
export function mapRenderSize(
	frame: Pick<Rect, 'width' | 'height'>,
	pixelRatio: number,
	maxCanvasPx = 4096
): { cssWidth: number; cssHeight: number; pixelRatio: number; reduced: boolean } {
	const cssWidth = frame.width / pixelRatio;
	const cssHeight = frame.height / pixelRatio;
	const limit = Math.min(1, maxCanvasPx / frame.width, maxCanvasPx / frame.height);
	return { cssWidth, cssHeight, pixelRatio: pixelRatio * limit, reduced: limit < 1 };
}
