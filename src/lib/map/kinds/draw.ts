/** Canvas helpers the kinds share to draw their map images. */
import type { DrawnImage } from './types.ts';

export type Ctx = CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D;

/** A 2D canvas of the size (offscreen where the browser has it), or null without canvas support. */
export function imageCanvas(
	width: number,
	height: number,
	ratio: number
): { ctx: Ctx; done: () => DrawnImage } | null {
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
			pixelRatio: ratio
		})
	};
}

/** Traces a closed polygon of points. */
export function polygonPath(
	ctx: Ctx,
	points: Array<[number, number]>,
	at: (p: [number, number]) => [number, number] = (p) => p
) {
	ctx.beginPath();
	points.forEach((p, i) => {
		const [x, y] = at(p);
		if (i === 0) ctx.moveTo(x, y);
		else ctx.lineTo(x, y);
	});
	ctx.closePath();
}
