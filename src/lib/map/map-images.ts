/**
 * Draws the overlay's images (hatch tiles, flow arrowheads) on demand, from the same parameters
 * the legend uses. MapView adds them when MapLibre reports a missing image, which also covers a
 * style reload or a restored WebGL context.
 */
import { CATEGORY_IDS, type CategoryId } from '../data/schema.ts';
import {
	arrowPath,
	CATEGORY_SYMBOLS,
	CONFIDENCE_TIERS,
	HATCH_WEIGHT,
	hatchSegments,
	type ConfidenceTier
} from './symbology.ts';
import type { Theme } from './theme.ts';

export interface DrawnImage {
	width: number;
	height: number;
	data: Uint8ClampedArray;
	pixelRatio: number;
}

type Ctx = CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D;

function canvas(width: number, height: number): { ctx: Ctx; done: () => DrawnImage } | null {
	const c =
		typeof OffscreenCanvas !== 'undefined'
			? new OffscreenCanvas(width, height)
			: Object.assign(document.createElement('canvas'), { width, height });
	const ctx = c.getContext('2d') as Ctx | null;
	if (!ctx) return null;
	return {
		ctx,
		done: () => ({
			width,
			height,
			data: ctx.getImageData(0, 0, width, height).data,
			pixelRatio: 1
		})
	};
}

function drawHatch(category: CategoryId, tier: ConfidenceTier, theme: Theme, ratio: number) {
	const hatch = CATEGORY_SYMBOLS[category].hatch;
	if (!hatch) return null;
	const size = Math.round(hatch.spacing * ratio);
	const c = canvas(size, size);
	if (!c) return null;
	const weight = HATCH_WEIGHT[tier];
	c.ctx.strokeStyle = theme.overlay.categories[category];
	c.ctx.globalAlpha = weight.opacity;
	c.ctx.lineWidth = weight.width * ratio;
	c.ctx.lineCap = 'square';
	for (const [x1, y1, x2, y2] of hatchSegments(hatch)) {
		c.ctx.beginPath();
		c.ctx.moveTo(x1 * ratio, y1 * ratio);
		c.ctx.lineTo(x2 * ratio, y2 * ratio);
		c.ctx.stroke();
	}
	return { ...c.done(), pixelRatio: ratio };
}

function drawArrow(category: CategoryId, theme: Theme, ratio: number) {
	const size = Math.round(14 * ratio);
	const c = canvas(size, size);
	if (!c) return null;
	const points = arrowPath(size);
	c.ctx.beginPath();
	points.forEach(([x, y], i) => (i === 0 ? c.ctx.moveTo(x, y) : c.ctx.lineTo(x, y)));
	c.ctx.closePath();
	c.ctx.fillStyle = theme.overlay.categories[category];
	c.ctx.strokeStyle = theme.overlay.selectionCasing;
	c.ctx.lineWidth = 1.2 * ratio;
	c.ctx.lineJoin = 'round';
	c.ctx.stroke();
	c.ctx.fill();
	return { ...c.done(), pixelRatio: ratio };
}

/** The image MapLibre asked for, or null if the id is not one of the overlay's. */
export function drawOverlayImage(id: string, theme: Theme, ratio: number): DrawnImage | null {
	const hatch = /^hatch-(.+)-(high|medium|low)$/.exec(id);
	if (hatch) {
		const category = hatch[1] as CategoryId;
		const tier = hatch[2] as ConfidenceTier;
		if (!CATEGORY_IDS.includes(category) || !CONFIDENCE_TIERS.includes(tier)) return null;
		return drawHatch(category, tier, theme, ratio);
	}
	const arrow = /^arrow-(.+)$/.exec(id);
	if (arrow && CATEGORY_IDS.includes(arrow[1] as CategoryId)) {
		return drawArrow(arrow[1] as CategoryId, theme, ratio);
	}
	return null;
}

/**
 * A category's legend symbol on a 2D canvas, inside `rect` (device pixels), for exported figures.
 * The same parameters as the map images and the on-screen legend; `scale` is device pixels per
 * CSS pixel of the symbol's line widths and spacings.
 */
export function drawCategorySymbol(
	ctx: CanvasRenderingContext2D,
	category: CategoryId,
	rect: { x: number; y: number; width: number; height: number },
	theme: Theme,
	scale: number
): void {
	const symbol = CATEGORY_SYMBOLS[category];
	const colour = theme.overlay.categories[category];
	const { x, y, width: w, height: h } = rect;
	ctx.save();
	if (symbol.kind === 'zone' && symbol.hatch) {
		ctx.beginPath();
		ctx.rect(x, y, w, h);
		ctx.clip();
		ctx.globalAlpha = 0.1;
		ctx.fillStyle = colour;
		ctx.fillRect(x, y, w, h);
		const weight = HATCH_WEIGHT.high;
		ctx.globalAlpha = weight.opacity;
		ctx.strokeStyle = colour;
		ctx.lineWidth = weight.width * scale;
		const s = symbol.hatch.spacing * scale;
		for (let ox = -s; ox < w + s; ox += s) {
			for (let oy = -s; oy < h + s; oy += s) {
				for (const [x1, y1, x2, y2] of hatchSegments(symbol.hatch)) {
					ctx.beginPath();
					ctx.moveTo(x + ox + x1 * scale, y + oy + y1 * scale);
					ctx.lineTo(x + ox + x2 * scale, y + oy + y2 * scale);
					ctx.stroke();
				}
			}
		}
		ctx.globalAlpha = 1;
		ctx.lineWidth = 1.6 * scale;
		ctx.strokeRect(
			x + ctx.lineWidth / 2,
			y + ctx.lineWidth / 2,
			w - ctx.lineWidth,
			h - ctx.lineWidth
		);
	} else if (symbol.kind === 'flow') {
		const mid = y + h / 2;
		ctx.lineWidth = 2.6 * scale;
		ctx.strokeStyle = colour;
		ctx.setLineDash((symbol.dash ?? [1, 0]).map((d) => d * 2.6 * scale));
		ctx.beginPath();
		ctx.moveTo(x, mid);
		ctx.lineTo(x + w - h * 0.6, mid);
		ctx.stroke();
		ctx.setLineDash([]);
		const size = h;
		const pts = arrowPath(size);
		ctx.beginPath();
		pts.forEach(([px, py], i) => {
			const ax = x + w - size + px;
			const ay = mid - size / 2 + py;
			if (i === 0) ctx.moveTo(ax, ay);
			else ctx.lineTo(ax, ay);
		});
		ctx.closePath();
		ctx.fillStyle = colour;
		ctx.fill();
	} else {
		const r = Math.min(w, h) / 2 - 1.5 * scale;
		ctx.beginPath();
		ctx.arc(x + w / 2, y + h / 2, r, 0, Math.PI * 2);
		ctx.fillStyle = colour;
		ctx.fill();
		ctx.lineWidth = 1.5 * scale;
		ctx.strokeStyle = theme.overlay.markerFill;
		ctx.stroke();
	}
	ctx.restore();
}
