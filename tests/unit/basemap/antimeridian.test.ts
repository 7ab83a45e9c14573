import { area } from '@turf/turf';
import type { Polygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import {
	fixFeature,
	fixPolygonal,
	hasAntimeridianJump,
	splitLine
} from '../../../src/lib/geometry/antimeridian.ts';

function ring(points: Array<[number, number]>): Position[] {
	return [...points, points[0]!];
}

function polygonArea(coordinates: Position[][][]): number {
	return coordinates.reduce((sum, p) => sum + area({ type: 'Polygon', coordinates: p }), 0);
}

describe('antimeridian repair', () => {
	// Like Chukotka in world-atlas: a ring that jumps from +179 to -180 and back.
	const crossing: Polygon = {
		type: 'Polygon',
		coordinates: [
			ring([
				[170, 60],
				[179.5, 60],
				[-175, 61],
				[-175, 66],
				[179.5, 66],
				[170, 66]
			])
		]
	};

	it('detects a ring that jumps across 180 degrees', () => {
		expect(hasAntimeridianJump(crossing)).toBe(true);
	});

	it('splits such a ring into parts that each stay on one side, keeping the area', () => {
		const fixed = fixPolygonal(crossing);
		expect(fixed.type).toBe('MultiPolygon');
		expect(hasAntimeridianJump(fixed)).toBe(false);
		const parts = fixed.type === 'MultiPolygon' ? fixed.coordinates : [fixed.coordinates];
		for (const part of parts) {
			const lons = part[0]!.map((p) => p[0]!);
			expect(Math.max(...lons) - Math.min(...lons)).toBeLessThan(180);
		}
		// The unwrapped original spans 170..185 degrees; its area is what the parts must add up to.
		const unwrapped = crossing.coordinates.map((r) =>
			r.map(([x, y]) => [x! < 0 ? x! + 360 : x!, y!])
		);
		const ratio = polygonArea(parts) / polygonArea([unwrapped]);
		expect(ratio).toBeGreaterThan(0.999);
		expect(ratio).toBeLessThan(1.001);
	});

	it('leaves coordinates far from the antimeridian where they were', () => {
		// Eurasia in one ring: from the Atlantic (negative longitudes) to Chukotka past 180.
		const eurasia: Polygon = {
			type: 'Polygon',
			coordinates: [
				ring([
					[-9, 40],
					[179, 60],
					[-172, 65],
					[179, 70],
					[-9, 60]
				])
			]
		};
		const fixed = fixPolygonal(eurasia);
		const all = (fixed.type === 'MultiPolygon' ? fixed.coordinates : [fixed.coordinates]).flat(2);
		expect(all).toContainEqual([-9, 40]);
		expect(all).toContainEqual([-9, 60]);
		expect(hasAntimeridianJump(fixed)).toBe(false);
	});

	it('winds exterior rings counter-clockwise as RFC 7946 asks', () => {
		const clockwise: Polygon = {
			type: 'Polygon',
			coordinates: [
				ring([
					[0, 0],
					[0, 1],
					[1, 1],
					[1, 0]
				])
			]
		};
		const fixed = fixPolygonal(clockwise) as Polygon;
		const r = fixed.coordinates[0]!;
		let signed = 0;
		for (let i = 1; i < r.length; i++)
			signed += (r[i]![0]! - r[i - 1]![0]!) * (r[i]![1]! + r[i - 1]![1]!);
		expect(signed).toBeLessThan(0);
	});

	it('splits a line at the crossing, interpolating the latitude on both sides', () => {
		const parts = splitLine([
			[178, 60],
			[-178, 62]
		]);
		expect(parts).toEqual([
			[
				[178, 60],
				[180, 61]
			],
			[
				[-180, 61],
				[-178, 62]
			]
		]);
	});

	it('passes points through untouched', () => {
		const point = {
			type: 'Feature' as const,
			properties: {},
			geometry: { type: 'Point' as const, coordinates: [179.9, 65] }
		};
		expect(fixFeature(point)).toBe(point);
	});
});
