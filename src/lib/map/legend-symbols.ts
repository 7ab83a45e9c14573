/**
 * Legend symbols for exported figures, drawn on a 2D canvas from the same parameters as the map
 * images and the on-screen legend. Loaded with the export code only.
 */
import type { CategoryId } from '../data/vocabulary.ts';
import { arrowPath, CATEGORY_SYMBOLS, HATCH_WEIGHT, hatchSegments } from './symbology.ts';
import type { Theme } from './theme.ts';

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
