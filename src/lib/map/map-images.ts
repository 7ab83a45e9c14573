/**
 * Draws the overlay's images (hatch tiles, flow arrowheads) on demand, from the same parameters
 * the legend uses. MapView adds them when MapLibre reports a missing image, which also covers a
 * style reload or a restored WebGL context.
 */
import { CATEGORY_IDS, type CategoryId } from '../data/vocabulary.ts';
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
