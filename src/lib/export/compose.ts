/**
 * Draws an export figure from a layout: white page, title block, the off-screen map image, legend
 * (symbols by the caller's callback), north arrow, scale bar, caveat, attribution and numbered
 * footnotes. The footnote numbers on the map are already in the map image (they are part of the
 * map's labels), so only the footnote list is drawn here.
 *
 * Greyscale-safe by construction: text is black or dark grey on white, and the arrow and scale
 * bar use black and white fills with black outlines. Nothing here means anything by colour; the
 * legend symbols' own encoding (hatching, dashes) is the callback's job.
 *
 * Works on any object with the subset of CanvasRenderingContext2D below, so a recording fake can
 * test it in Node and an OffscreenCanvas can render it in a worker.
 */
import type { FigureLayout, Rect, TextLine } from './layout.ts';
import type { ScaleBar } from './scale-bar.ts';
import { canvasFont } from './text-layout.ts';

type Paint = string | CanvasGradient | CanvasPattern;

/** The part of CanvasRenderingContext2D the figure uses. */
export interface FigureContext<Image = CanvasImageSource> {
	fillStyle: Paint;
	strokeStyle: Paint;
	lineWidth: number;
	font: string;
	textAlign: CanvasTextAlign;
	textBaseline: CanvasTextBaseline;
	save(): void;
	restore(): void;
	translate(x: number, y: number): void;
	rotate(angle: number): void;
	beginPath(): void;
	moveTo(x: number, y: number): void;
	lineTo(x: number, y: number): void;
	closePath(): void;
	fill(): void;
	stroke(): void;
	fillRect(x: number, y: number, width: number, height: number): void;
	strokeRect(x: number, y: number, width: number, height: number): void;
	fillText(text: string, x: number, y: number): void;
	drawImage(image: Image, dx: number, dy: number, dw: number, dh: number): void;
}

/** Draws one layer's legend symbol inside `rect`; state changes are undone after it returns. */
export type DrawLegendSymbol<Image = CanvasImageSource> = (
	ctx: FigureContext<Image>,
	categoryId: string,
	rect: Rect
) => void;

export interface FigureContent {
	/** From scaleBar(metersPerPixel(...), layout.scaleBar.maxBarWidth); null draws no bar. */
	scaleBar: ScaleBar | null;
	/** Map bearing in degrees (MapLibre's): the arrow turns so it still points north. */
	bearing: number;
}

export const FIGURE_COLOURS = {
	page: '#ffffff',
	text: '#000000',
	/** Secondary text (as-of, attribution, notes): dark enough for print at 7 pt. */
	muted: '#404040',
	frame: '#333333',
	legendBorder: '#808080'
} as const;

function drawLine<I>(ctx: FigureContext<I>, line: TextLine, colour: string): void {
	ctx.font = canvasFont(line.font);
	ctx.textAlign = line.align;
	ctx.textBaseline = 'alphabetic';
	ctx.fillStyle = colour;
	ctx.fillText(line.text, line.x, line.baseline);
}

function drawLines<I>(ctx: FigureContext<I>, lines: readonly TextLine[], colour: string): void {
	for (const line of lines) drawLine(ctx, line, colour);
}

/**
 * A north arrow that fits its square at any bearing: an "N" and a split arrowhead (black left
 * half, white right half, black outline), all within the square's inscribed circle.
 */
function drawNorthArrow<I>(
	ctx: FigureContext<I>,
	rect: Rect,
	bearing: number,
	hairline: number,
	fontFamily: string
): void {
	const r = Math.min(rect.width, rect.height) / 2;
	ctx.save();
	ctx.translate(rect.x + rect.width / 2, rect.y + rect.height / 2);
	// MapLibre's bearing turns the map clockwise; north then points that many degrees to the left.
	ctx.rotate((-bearing * Math.PI) / 180);
	const tip = -0.3 * r;
	const tail = 0.9 * r;
	const notch = 0.6 * r;
	const half = 0.3 * r;
	ctx.lineWidth = hairline;
	ctx.strokeStyle = FIGURE_COLOURS.text;
	ctx.fillStyle = FIGURE_COLOURS.text;
	ctx.beginPath();
	ctx.moveTo(0, tip);
	ctx.lineTo(-half, tail);
	ctx.lineTo(0, notch);
	ctx.closePath();
	ctx.fill();
	ctx.fillStyle = FIGURE_COLOURS.page;
	ctx.beginPath();
	ctx.moveTo(0, tip);
	ctx.lineTo(half, tail);
	ctx.lineTo(0, notch);
	ctx.closePath();
	ctx.fill();
	ctx.beginPath();
	ctx.moveTo(0, tip);
	ctx.lineTo(-half, tail);
	ctx.lineTo(0, notch);
	ctx.lineTo(half, tail);
	ctx.closePath();
	ctx.stroke();
	ctx.fillStyle = FIGURE_COLOURS.text;
	ctx.font = `normal 700 ${0.5 * r}px ${fontFamily}`;
	ctx.textAlign = 'center';
	ctx.textBaseline = 'middle';
	ctx.fillText('N', 0, -0.62 * r);
	ctx.restore();
}

/** Alternating black and white segments, outlined, with the distance label after the bar. */
function drawScaleBar<I>(ctx: FigureContext<I>, layout: FigureLayout, bar: ScaleBar): void {
	const s = layout.scaleBar;
	const x = s.rect.x;
	const segment = bar.widthPx / bar.segments;
	for (let i = 0; i < bar.segments; i++) {
		ctx.fillStyle = i % 2 === 0 ? FIGURE_COLOURS.text : FIGURE_COLOURS.page;
		ctx.fillRect(x + i * segment, s.barY, segment, s.barHeight);
	}
	ctx.lineWidth = layout.hairline;
	ctx.strokeStyle = FIGURE_COLOURS.text;
	ctx.strokeRect(x, s.barY, bar.widthPx, s.barHeight);
	ctx.font = canvasFont(s.labelFont);
	ctx.textAlign = 'left';
	ctx.textBaseline = 'alphabetic';
	ctx.fillStyle = FIGURE_COLOURS.text;
	ctx.fillText(bar.label, x + bar.widthPx + s.labelGap, s.labelBaseline);
}

/**
 * Draws the whole figure. Returns what it had to leave out (a scale bar longer than the room the
 * layout reserved), so the caller can tell the user rather than ship a figure that overflows.
 */
export function composeFigure<I>(
	ctx: FigureContext<I>,
	layout: FigureLayout,
	content: FigureContent,
	mapImage: I,
	drawLegendSymbol: DrawLegendSymbol<I>
): { warnings: string[] } {
	const warnings: string[] = [];
	const family = layout.title.lines[0]?.font.family ?? 'sans-serif';

	ctx.save();
	ctx.fillStyle = FIGURE_COLOURS.page;
	ctx.fillRect(0, 0, layout.width, layout.height);

	drawLines(ctx, layout.title.lines, FIGURE_COLOURS.text);
	drawLines(ctx, layout.asOf.lines, FIGURE_COLOURS.muted);
	if (layout.subtitle) drawLines(ctx, layout.subtitle.lines, FIGURE_COLOURS.text);

	const m = layout.map;
	ctx.drawImage(mapImage, m.x, m.y, m.width, m.height);
	// The frame is drawn inside the map rectangle so its stroke never spills into the margin.
	const inset = layout.hairline / 2;
	ctx.lineWidth = layout.hairline;
	ctx.strokeStyle = FIGURE_COLOURS.frame;
	ctx.strokeRect(m.x + inset, m.y + inset, m.width - layout.hairline, m.height - layout.hairline);

	if (layout.legend) {
		const l = layout.legend;
		ctx.lineWidth = layout.hairline;
		ctx.strokeStyle = FIGURE_COLOURS.legendBorder;
		ctx.strokeRect(
			l.rect.x + inset,
			l.rect.y + inset,
			l.rect.width - layout.hairline,
			l.rect.height - layout.hairline
		);
		drawLine(ctx, l.title, FIGURE_COLOURS.text);
		for (const entry of l.entries) {
			ctx.save();
			drawLegendSymbol(ctx, entry.id, entry.symbol);
			ctx.restore();
			drawLines(ctx, entry.lines, FIGURE_COLOURS.text);
		}
	}

	drawNorthArrow(ctx, layout.northArrow, content.bearing, layout.hairline, family);

	if (content.scaleBar) {
		if (content.scaleBar.widthPx <= layout.scaleBar.maxBarWidth + 0.5) {
			drawScaleBar(ctx, layout, content.scaleBar);
		} else {
			warnings.push(
				`The scale bar (${Math.round(content.scaleBar.widthPx)} px) is longer than the ${Math.round(layout.scaleBar.maxBarWidth)} px reserved for it and was left out.`
			);
		}
	}
	drawLines(ctx, layout.scaleBar.note, FIGURE_COLOURS.muted);

	drawLines(ctx, layout.caveat.lines, FIGURE_COLOURS.text);
	drawLines(ctx, layout.attribution.lines, FIGURE_COLOURS.muted);

	if (layout.footnotes) {
		drawLine(ctx, layout.footnotes.heading, FIGURE_COLOURS.text);
		for (const entry of layout.footnotes.entries) {
			drawLine(ctx, entry.marker, FIGURE_COLOURS.text);
			drawLines(ctx, entry.lines, FIGURE_COLOURS.text);
		}
	}
	ctx.restore();
	return { warnings };
}
