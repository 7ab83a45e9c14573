import { describe, expect, it } from 'vitest';
import { minZoomForWidth, TILE_SIZE } from '../../../src/lib/map/camera-math.ts';
import { fitCamera } from '../../../src/lib/state/framing.ts';
import { VIEWS } from '../../../src/lib/map/views.ts';

describe('minZoomForWidth', () => {
	it('is the zoom at which the world is exactly as wide as the map', () => {
		expect(minZoomForWidth(TILE_SIZE * 2)).toBeCloseTo(1, 10);
		expect(TILE_SIZE * 2 ** minZoomForWidth(864)).toBeCloseTo(864, 6);
	});

	it('never goes below 0, and a missing or empty width gives 0', () => {
		expect(minZoomForWidth(390)).toBe(0);
		expect(minZoomForWidth(0)).toBe(0);
		expect(minZoomForWidth(Number.NaN)).toBe(0);
	});

	it("lets a phone's map fit both theatres with the overview's room for the Kursk labels", () => {
		const overview = VIEWS.find((v) => v.id === 'overview')!;
		const size = { width: 390, height: 670 };
		const padding = { top: 60, right: 8, bottom: 112, left: overview.minPadding!.left! };
		const fitted = fitCamera(overview.bounds, size, padding, {
			minZoom: minZoomForWidth(size.width)
		});
		// The fit is not clamped: the bounds' span of longitude fills the uncovered width.
		const span = ((overview.bounds[1][0] - overview.bounds[0][0]) / 360) * TILE_SIZE;
		expect(span * 2 ** fitted.zoom).toBeCloseTo(size.width - padding.left - padding.right, 6);
		// The old floor of zoom 1 would have cut the view.
		expect(fitted.zoom).toBeLessThan(1);
	});
});

describe('MapController.paddingFor', () => {
	it("keeps a view's least padding on top of the panels' own, and never lessens theirs", async () => {
		const { MapController } = await import('../../../src/lib/map/map-controller.svelte.ts');
		const controller = new MapController();
		const [overview, kursk] = [VIEWS[0]!, VIEWS[1]!];
		controller.padding = { top: 60, right: 8, bottom: 112, left: 8 };
		expect(controller.paddingFor(overview)).toEqual({ top: 60, right: 8, bottom: 112, left: 98 });
		expect(controller.paddingFor(kursk)).toEqual(controller.padding);
		// A desk's legend already takes more than the labels need.
		controller.padding = { top: 40, right: 40, bottom: 40, left: 360 };
		expect(controller.paddingFor(overview).left).toBe(360);
	});
});
