import { describe, expect, it } from 'vitest';
import {
	cameraBounds,
	DESK_BRIEFING_PADDING,
	DESK_VIEWPORT,
	fitCamera,
	reframe,
	safePadding,
	type Bounds
} from '../../../src/lib/state/framing.ts';

const PHONE = { width: 390, height: 560 };
const KURSK: Bounds = [
	[31.5, 49],
	[40.5, 54]
];

function contains(outer: Bounds, inner: Bounds, slack = 1e-6) {
	return (
		outer[0][0] <= inner[0][0] + slack &&
		outer[0][1] <= inner[0][1] + slack &&
		outer[1][0] >= inner[1][0] - slack &&
		outer[1][1] >= inner[1][1] - slack
	);
}

describe('safePadding', () => {
	it('keeps padding that leaves enough of the map', () => {
		const p = { top: 40, right: 40, bottom: 40, left: 40 };
		expect(safePadding(p, { width: 800, height: 600 })).toEqual(p);
	});

	it('scales down panels that would cover more than the map', () => {
		// A desk legend's padding on a phone: more than the whole width.
		const p = safePadding(
			{ top: 40, right: 40, bottom: 40, left: 420 },
			{ width: 390, height: 600 }
		);
		expect(p.left + p.right).toBeCloseTo(390 * 0.6);
		expect(p.left / p.right).toBeCloseTo(420 / 40);
		expect(p.top).toBe(40);
	});

	it('treats negative padding as none', () => {
		expect(safePadding({ top: -5, right: 0, bottom: 0, left: 0 }, PHONE).top).toBe(0);
	});
});

describe('fitCamera', () => {
	it('shows the whole subject, and no more than needed on the tighter axis', () => {
		const camera = fitCamera(KURSK, PHONE);
		const shown = cameraBounds(camera, PHONE);
		expect(contains(shown, KURSK)).toBe(true);
		// The width is the tight axis on a portrait phone: the subject spans it exactly.
		expect(shown[0][0]).toBeCloseTo(31.5, 4);
		expect(shown[1][0]).toBeCloseTo(40.5, 4);
		expect(shown[1][1] - shown[0][1]).toBeGreaterThan(5);
	});

	it('fits the subject into the part of the map the panels leave uncovered', () => {
		const padding = { top: 50, right: 0, bottom: 250, left: 0 };
		const camera = fitCamera(KURSK, PHONE, padding);
		const uncovered = cameraBounds(camera, PHONE, padding);
		expect(contains(uncovered, KURSK)).toBe(true);
		// Centred in the uncovered area, so the centre of the whole map lies south of the subject's.
		expect(camera.center[1]).toBeLessThan(51.5);
	});

	it('never lets a panel push the subject off a small map', () => {
		const legend = { top: 40, right: 40, bottom: 40, left: 400 };
		const camera = fitCamera(KURSK, PHONE, legend);
		expect(Number.isFinite(camera.zoom)).toBe(true);
		const shown = cameraBounds(camera, PHONE);
		expect(contains(shown, KURSK)).toBe(true);
	});

	it('crosses the antimeridian instead of spanning the world', () => {
		const farEast: Bounds = [
			[112, 41],
			[182, 70]
		];
		const camera = fitCamera(farEast, { width: 800, height: 600 });
		expect(camera.center[0]).toBeCloseTo(147, 0);
		expect(camera.zoom).toBeGreaterThan(1.5);
		// A west-of-180 east corner written as negative longitude means the same box.
		const same = fitCamera(
			[
				[112, 41],
				[-178, 70]
			],
			{ width: 800, height: 600 }
		);
		expect(same.zoom).toBeCloseTo(camera.zoom, 6);
	});

	it('clamps the zoom', () => {
		expect(fitCamera(KURSK, PHONE, undefined, { maxZoom: 3 }).zoom).toBe(3);
		const world: Bounds = [
			[-180, -80],
			[180, 80]
		];
		expect(fitCamera(world, PHONE, undefined, { minZoom: 1 }).zoom).toBe(1);
	});
});

describe('reframe', () => {
	const step = { center: [36.5, 51.4] as [number, number], zoom: 6.2 };

	it('gives back the stored camera on the reference desk', () => {
		const camera = reframe(step, DESK_VIEWPORT, DESK_BRIEFING_PADDING);
		expect(camera.zoom).toBeCloseTo(step.zoom, 9);
		expect(camera.center[0]).toBeCloseTo(step.center[0], 9);
		expect(camera.center[1]).toBeCloseTo(step.center[1], 9);
	});

	it('zooms out on a phone until the step’s subject fits', () => {
		const padding = { top: 60, right: 0, bottom: 120, left: 0 };
		const camera = reframe(step, PHONE, padding);
		expect(camera.zoom).toBeLessThan(step.zoom - 1);
		const subject = cameraBounds(step, DESK_VIEWPORT, DESK_BRIEFING_PADDING);
		expect(contains(cameraBounds(camera, PHONE, padding), subject, 1e-4)).toBe(true);
	});

	it('does not zoom past the stored camera on a bigger screen, and keeps bearing', () => {
		const camera = reframe(
			{ ...step, bearing: 20 },
			{ width: 2560, height: 1600 },
			DESK_BRIEFING_PADDING
		);
		expect(camera.zoom).toBe(step.zoom);
		expect(camera.bearing).toBe(20);
	});
});
