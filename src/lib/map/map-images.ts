/**
 * Overlay images (hatch tiles, flow arrowheads) are drawn on demand by the kind that names them,
 * from the same parameters as the legend. The map and the exporter both add them through this
 * function when MapLibre reports a missing image, which also covers a style reload or a restored
 * WebGL context.
 */
import type { Overlay } from './overlays.ts';

export type { DrawnImage } from './kinds/types.ts';

interface ImageTarget {
	hasImage(id: string): boolean;
	addImage(
		id: string,
		image: { width: number; height: number; data: Uint8Array | Uint8ClampedArray },
		options: { pixelRatio: number }
	): unknown;
}

/** Adds the overlay image `id` to the map if one of the overlays draws it. */
export function addOverlayImage(
	map: ImageTarget,
	overlay: Overlay | null,
	id: string,
	ratio: number
): void {
	if (map.hasImage(id)) return;
	const image = overlay?.image?.(id, ratio);
	if (!image) return;
	map.addImage(
		id,
		{ width: image.width, height: image.height, data: image.data },
		{ pixelRatio: image.pixelRatio }
	);
}
