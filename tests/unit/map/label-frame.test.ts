import type { Feature, FeatureCollection, Point } from 'geojson';
import { describe, expect, it } from 'vitest';
import { projectToFrame, unprojectFromFrame } from '../../../src/lib/map/camera-math.ts';
import { keepLabelsInFrame, labelSize, type Frame } from '../../../src/lib/map/label-frame.ts';

const frame: Frame = { center: [40, 52], zoom: 5, width: 800, height: 500 };

function labels(
	...points: Array<[number, number, string]>
): FeatureCollection<Point, { full: string; short: string }> {
	return {
		type: 'FeatureCollection',
		features: points.map(
			([lon, lat, text]): Feature<Point, { full: string; short: string }> => ({
				type: 'Feature',
				geometry: { type: 'Point', coordinates: [lon, lat] },
				properties: { full: text, short: text.split('\n')[0]! }
			})
		)
	};
}

describe('frame projection', () => {
	it('puts the centre in the middle and round-trips points, across the antimeridian too', () => {
		expect(projectToFrame([40, 52], [40, 52], 5, 800, 500)).toEqual({ x: 400, y: 250 });
		for (const [center, point] of [
			[
				[40, 52],
				[43.5, 50.2]
			],
			[
				[178, 65],
				[-178, 66]
			]
		] as Array<[[number, number], [number, number]]>) {
			const at = projectToFrame(point, center, 5, 800, 500);
			const back = unprojectFromFrame(at, center, 5, 800, 500);
			expect(((back[0] - point[0] + 540) % 360) - 180).toBeCloseTo(0, 9);
			expect(back[1]).toBeCloseTo(point[1], 9);
		}
		// 4 degrees east of 178 E is 178 W: right of the centre, not 356 degrees to the left.
		expect(projectToFrame([-178, 65], [178, 65], 5, 800, 500).x).toBeGreaterThan(400);
	});
});

describe('labels of an exported figure', () => {
	it('move a label block near the edge in far enough to fit, on any side of its point', () => {
		const right = unprojectFromFrame({ x: 795, y: 10 }, frame.center, frame.zoom, 800, 500);
		const text = 'Combat: more than 10,000\nDemining: 1,000\nReconstruction: ~5,000';
		const out = keepLabelsInFrame(labels([...right, text]), frame);
		const at = projectToFrame(
			out.features[0]!.geometry.coordinates as [number, number],
			frame.center,
			frame.zoom,
			800,
			500
		);
		const size = labelSize(frame.zoom);
		const halfWidth = (24 * 0.58 * size) / 2;
		expect(at.x + halfWidth).toBeLessThanOrEqual(800);
		expect(at.y - 3 * 1.15 * size).toBeGreaterThanOrEqual(0);
	});

	it('leave labels well inside the frame, and those outside it, where they are', () => {
		const input = labels([40, 52, 'Centre'], [80, 52, 'Far away']);
		const out = keepLabelsInFrame(input, frame);
		expect(out.features[0]).toBe(input.features[0]);
		expect(out.features[1]).toBe(input.features[1]);
	});
});
