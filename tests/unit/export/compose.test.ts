/**
 * Drawing the figure, checked on a recording context: what is drawn, where, in which order and
 * in which colours, without a browser.
 */
import { describe, expect, expectTypeOf, it } from 'vitest';
import {
	composeFigure,
	type DrawLegendSymbol,
	type FigureContext
} from '../../../src/lib/export/compose.ts';
import { figureText } from '../../../src/lib/export/figure.ts';
import {
	layoutFigure,
	type FigureLayout,
	type Rect,
	type TextLine
} from '../../../src/lib/export/layout.ts';
import { exportPreset } from '../../../src/lib/export/presets.ts';
import { metersPerPixel, scaleBar } from '../../../src/lib/export/scale-bar.ts';
import type { MeasureText } from '../../../src/lib/export/text-layout.ts';
import { loadGeo } from '../../../src/lib/data/geo-files.server.ts';
import { RecordingContext, type DrawOp, type FakeImage } from './recording-context.ts';

const measure: MeasureText = (text, font) => Array.from(text).length * font.sizePx * 0.55;
const { dataset } = loadGeo('geo');
const mapImage: FakeImage = { name: 'map' };

function a4Layout(): FigureLayout {
	const { text } = figureText(dataset, {
		title: 'North Korean personnel in Russia, 2024-2025',
		subtitle: 'Border guard duty near the Russia-Ukraine border',
		time: { mode: 'present-on', date: '2025-11-04' },
		layers: ['border-guard', 'construction', 'demining'],
		visibleFeatureIds: ['border-guard-band', 'kursk-construction', 'kursk-demining'],
		attribution: 'Natural Earth; GeoNames; MapLibre',
		scaleNote: 'true at 50° N'
	});
	const result = layoutFigure(
		exportPreset('a4-landscape-300dpi', { width: 896, height: 737 })!,
		text,
		measure
	);
	if (!result.ok) throw new Error(result.reason);
	return result.layout;
}

function draw(
	layout: FigureLayout,
	options: {
		bearing?: number;
		symbol?: DrawLegendSymbol<FakeImage>;
		bar?: 'fit' | 'none' | 'too-long';
	} = {}
) {
	const ctx = new RecordingContext();
	const symbols: { id: string; rect: Rect }[] = [];
	const symbol: DrawLegendSymbol<FakeImage> =
		options.symbol ??
		((c, id, rect) => {
			symbols.push({ id, rect });
			c.fillStyle = '#d62728';
			c.fillRect(rect.x, rect.y, rect.width, rect.height);
		});
	const fitting = scaleBar(metersPerPixel(50, 5.5, 300 / 96), layout.scaleBar.maxBarWidth);
	const bar =
		options.bar === 'none'
			? null
			: options.bar === 'too-long' && fitting
				? { ...fitting, widthPx: layout.scaleBar.maxBarWidth * 2 }
				: fitting;
	const result = composeFigure(
		ctx,
		layout,
		{ scaleBar: bar, bearing: options.bearing ?? 0 },
		mapImage,
		symbol
	);
	return { ctx, symbols, result };
}

const points = (op: DrawOp): [number, number][] => (op.op === 'fillText' ? [op.at] : op.points);

function inside(p: [number, number], r: Rect, slack = 1e-6): boolean {
	return (
		p[0] >= r.x - slack &&
		p[0] <= r.x + r.width + slack &&
		p[1] >= r.y - slack &&
		p[1] <= r.y + r.height + slack
	);
}

function allLines(l: FigureLayout): TextLine[] {
	return [
		...l.title.lines,
		...l.asOf.lines,
		...(l.subtitle?.lines ?? []),
		...(l.legend ? [l.legend.title, ...l.legend.entries.flatMap((e) => e.lines)] : []),
		...l.scaleBar.note,
		...l.caveat.lines,
		...l.attribution.lines,
		...(l.footnotes
			? [l.footnotes.heading, ...l.footnotes.entries.flatMap((e) => [e.marker, ...e.lines])]
			: [])
	];
}

function isGrey(colour: string): boolean {
	const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(colour);
	return m !== null && m[1] === m[2] && m[2] === m[3];
}

describe('composeFigure', () => {
	it('accepts a real CanvasRenderingContext2D and OffscreenCanvasRenderingContext2D', () => {
		expectTypeOf<CanvasRenderingContext2D>().toExtend<FigureContext>();
		expectTypeOf<OffscreenCanvasRenderingContext2D>().toExtend<FigureContext<ImageBitmap>>();
	});

	it('starts with a white page covering the whole canvas', () => {
		const layout = a4Layout();
		const first = draw(layout).ctx.ops[0]!;
		expect(first).toEqual({
			op: 'fillRect',
			points: [
				[0, 0],
				[layout.width, 0],
				[layout.width, layout.height],
				[0, layout.height]
			],
			style: '#ffffff',
			lineWidth: 1
		});
	});

	it('draws every text line of the layout once, at its place', () => {
		const layout = a4Layout();
		const texts = draw(layout).ctx.ops.filter((o) => o.op === 'fillText');
		for (const line of allLines(layout)) {
			const drawn = texts.filter(
				(t) =>
					t.op === 'fillText' &&
					t.text === line.text &&
					t.at[0] === line.x &&
					t.at[1] === line.baseline
			);
			expect(drawn, line.text).toHaveLength(1);
			expect(inside([line.x, line.baseline], line.box)).toBe(true);
		}
	});

	it('draws the footnotes of the visible features, numbered, below the map', () => {
		const layout = a4Layout();
		const texts = draw(layout).ctx.ops.flatMap((o) => (o.op === 'fillText' ? [o] : []));
		const markers = texts.filter((t) => /^\[\d+\]$/.test(t.text));
		expect(markers.map((m) => m.text)).toEqual(
			layout.footnotes!.entries.map((e) => `[${e.number}]`)
		);
		for (const m of markers) expect(m.at[1]).toBeGreaterThan(layout.map.y + layout.map.height);
		// The map image carries its own footnote markers; nothing is written over the map.
		for (const t of texts) expect(inside(t.at, layout.map, -1)).toBe(false);
	});

	it('puts the map image exactly in the frame, then frames it', () => {
		const layout = a4Layout();
		const ops = draw(layout).ctx.ops;
		const image = ops.findIndex((o) => o.op === 'drawImage');
		const m = layout.map;
		expect(ops[image]).toEqual({
			op: 'drawImage',
			image: mapImage,
			points: [
				[m.x, m.y],
				[m.x + m.width, m.y],
				[m.x + m.width, m.y + m.height],
				[m.x, m.y + m.height]
			]
		});
		const frame = ops[image + 1]!;
		expect(frame.op).toBe('strokeRect');
		for (const p of points(frame)) expect(inside(p, m)).toBe(true);
	});

	it('layers page, title, map, legend, arrow, scale bar, footer, footnotes in that order', () => {
		const layout = a4Layout();
		const ops = draw(layout).ctx.ops;
		const textIndex = (s: string): number =>
			ops.findIndex((o) => o.op === 'fillText' && o.text === s);
		const order = [
			0,
			textIndex(layout.title.lines[0]!.text),
			ops.findIndex((o) => o.op === 'drawImage'),
			textIndex(layout.legend!.title.text),
			textIndex('N'),
			textIndex(layout.caveat.lines[0]!.text),
			textIndex(layout.footnotes!.heading.text)
		];
		expect(order.every((i) => i >= 0)).toBe(true);
		expect(order).toEqual([...order].sort((a, b) => a - b));
	});

	it('asks the callback for each legend symbol in legend order, then undoes its drawing state', () => {
		const layout = a4Layout();
		const { ctx, symbols } = draw(layout);
		expect(symbols.map((s) => s.id)).toEqual(['construction', 'demining', 'border-guard']);
		expect(symbols.map((s) => s.rect)).toEqual(layout.legend!.entries.map((e) => e.symbol));
		const labelOps = ctx.ops.filter((o) => o.op === 'fillText' && o.text === 'Demining');
		expect(labelOps).toHaveLength(1);
		expect(labelOps[0]!.op === 'fillText' && labelOps[0]!.style).toBe('#000000');
		expect(ctx.depth).toBe(0);
	});

	it('stays inside the canvas and its margins, whatever it draws', () => {
		const layout = a4Layout();
		const page = {
			x: layout.margin,
			y: layout.margin,
			width: layout.width - 2 * layout.margin,
			height: layout.height - 2 * layout.margin
		};
		for (const bearing of [0, 37, 90, 180, 271]) {
			const ops = draw(layout, { bearing }).ctx.ops;
			for (const op of ops.slice(1)) for (const p of points(op)) expect(inside(p, page)).toBe(true);
		}
	});

	it('uses only greys, black and white of its own: meaning never rests on colour', () => {
		const { ctx } = draw(a4Layout());
		const own = ctx.ops.filter((o) => !(o.op === 'fillRect' && o.style === '#d62728'));
		for (const op of own) if ('style' in op) expect(isGrey(op.style), op.style).toBe(true);
	});

	it('turns the north arrow with the bearing and keeps it in its box', () => {
		const layout = a4Layout();
		const box = layout.northArrow;
		const centre: [number, number] = [box.x + box.width / 2, box.y + box.height / 2];
		const nAt = (bearing: number): [number, number] => {
			const n = draw(layout, { bearing }).ctx.ops.find(
				(o) => o.op === 'fillText' && o.text === 'N'
			);
			return n && n.op === 'fillText' ? n.at : [Number.NaN, Number.NaN];
		};
		expect(nAt(0)[1]).toBeLessThan(centre[1]);
		expect(nAt(0)[0]).toBeCloseTo(centre[0], 6);
		// Bearing 90: east is up, so north points left.
		expect(nAt(90)[0]).toBeLessThan(centre[0]);
		expect(nAt(90)[1]).toBeCloseTo(centre[1], 6);
		for (const bearing of [0, 45, 90, 200]) {
			const ops = draw(layout, { bearing }).ctx.ops.filter(
				(o) => o.op === 'fill' || o.op === 'stroke'
			);
			for (const op of ops) for (const p of points(op)) expect(inside(p, box)).toBe(true);
		}
	});

	it('draws the scale bar as outlined alternating segments with its label after it', () => {
		const layout = a4Layout();
		const { ctx } = draw(layout);
		const bar = scaleBar(metersPerPixel(50, 5.5, 300 / 96), layout.scaleBar.maxBarWidth)!;
		const segments = ctx.ops.filter(
			(o) =>
				o.op === 'fillRect' && inside(o.points[0]!, layout.scaleBar.rect) && o.style !== '#d62728'
		);
		expect(segments).toHaveLength(bar.segments);
		expect(segments.map((s) => s.op === 'fillRect' && s.style)).toEqual(
			Array.from({ length: bar.segments }, (_, i) => (i % 2 === 0 ? '#000000' : '#ffffff'))
		);
		const label = ctx.ops.find((o) => o.op === 'fillText' && o.text === bar.label);
		expect(label && label.op === 'fillText' && label.at[0]).toBeGreaterThan(
			layout.scaleBar.rect.x + bar.widthPx
		);
	});

	it('leaves out a scale bar longer than its room, and says so', () => {
		const layout = a4Layout();
		const { ctx, result } = draw(layout, { bar: 'too-long' });
		expect(result.warnings[0]).toMatch(/scale bar/);
		expect(
			ctx.ops.some((o) => o.op === 'strokeRect' && inside(o.points[0]!, layout.scaleBar.rect))
		).toBe(false);
		expect(draw(layout, { bar: 'none' }).result.warnings).toEqual([]);
	});
});
