import { describe, expect, it } from 'vitest';
import { geometryBounds } from '../../../src/lib/map/bounds.ts';

describe('feature bounds', () => {
	it('frames an ordinary polygon by its extremes', () => {
		expect(
			geometryBounds({
				type: 'Polygon',
				coordinates: [
					[
						[34, 50],
						[38, 50],
						[38, 52],
						[34, 50]
					]
				]
			})
		).toEqual([
			[34, 50],
			[38, 52]
		]);
	});

	it('crosses the antimeridian for a shape with parts on both sides, not the whole world', () => {
		const farEast = {
			type: 'MultiPolygon' as const,
			coordinates: [
				[
					[
						[120, 50],
						[180, 60],
						[120, 60],
						[120, 50]
					]
				],
				[
					[
						[-180, 65],
						[-170, 66],
						[-180, 67],
						[-180, 65]
					]
				]
			]
		};
		expect(geometryBounds(farEast)).toEqual([
			[120, 50],
			[190, 67]
		]);
	});

	it('returns a point as a zero-size box', () => {
		expect(geometryBounds({ type: 'Point', coordinates: [125.75, 39.03] })).toEqual([
			[125.75, 39.03],
			[125.75, 39.03]
		]);
	});

	it('walks a line of 300,000 points (an imported track) without spreading it into arguments', () => {
		const coordinates = Array.from({ length: 300_000 }, (_, i) => [30 + i / 10_000, 50]);
		expect(geometryBounds({ type: 'LineString', coordinates })).toEqual([
			[30, 50],
			[30 + 299_999 / 10_000, 50]
		]);
	});

	it('has no bounds for an empty geometry or none', () => {
		expect(geometryBounds({ type: 'MultiPoint', coordinates: [] })).toBeNull();
		expect(geometryBounds(null)).toBeNull();
	});
});
