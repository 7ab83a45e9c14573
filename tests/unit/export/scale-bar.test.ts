import { describe, expect, it } from 'vitest';
import {
	EARTH_CIRCUMFERENCE_M,
	formatDistance,
	frameBounds,
	metersPerPixel,
	scaleBar,
	scaleBarNote,
	scaleVariation
} from '../../../src/lib/export/scale-bar.ts';

describe('metersPerPixel', () => {
	it('spreads the equator over 512 pixels at zoom 0', () => {
		expect(metersPerPixel(0, 0)).toBeCloseTo(EARTH_CIRCUMFERENCE_M / 512, 6);
	});

	it('halves with each zoom level and with a doubled pixel ratio', () => {
		const base = metersPerPixel(51.7, 6);
		expect(metersPerPixel(51.7, 7)).toBeCloseTo(base / 2, 9);
		expect(metersPerPixel(51.7, 6, 2)).toBeCloseTo(base / 2, 9);
	});

	it('shrinks with the cosine of latitude (half at 60 degrees)', () => {
		expect(metersPerPixel(60, 4)).toBeCloseTo(metersPerPixel(0, 4) / 2, 6);
		expect(metersPerPixel(-60, 4)).toBeCloseTo(metersPerPixel(60, 4), 9);
	});

	it('stays finite at the poles by clamping to the Mercator limit', () => {
		expect(metersPerPixel(90, 2)).toBeGreaterThan(0);
	});
});

describe('scaleBar', () => {
	it('picks the longest 1, 2 or 5 x 10^n distance that fits', () => {
		expect(scaleBar(1000, 120)).toMatchObject({ meters: 100_000, widthPx: 100, label: '100 km' });
		expect(scaleBar(1000, 260)).toMatchObject({ meters: 200_000, widthPx: 200, label: '200 km' });
		expect(scaleBar(1000, 600)).toMatchObject({ meters: 500_000, widthPx: 500, label: '500 km' });
		expect(scaleBar(2.5, 100)).toMatchObject({ meters: 200, widthPx: 80, label: '200 m' });
	});

	it('never exceeds the width, and uses at least 40% of it', () => {
		for (const mpp of [0.7, 3.3, 123.4, 2_345, 98_765]) {
			for (const max of [50, 97, 144, 600]) {
				const bar = scaleBar(mpp, max);
				expect(bar).not.toBeNull();
				expect(bar!.widthPx).toBeLessThanOrEqual(max + 1e-9);
				expect(bar!.widthPx).toBeGreaterThanOrEqual(0.4 * max);
			}
		}
	});

	it('keeps an exact fit rather than losing it to rounding', () => {
		expect(scaleBar(10, 100)?.meters).toBe(1000);
		expect(scaleBar(0.1 + 0.2, 1000 / 3)?.meters).toBe(100);
	});

	it('groups thousands and switches to metres below a kilometre', () => {
		expect(formatDistance(2_000_000)).toBe('2,000 km');
		expect(formatDistance(1000)).toBe('1 km');
		expect(formatDistance(500)).toBe('500 m');
	});

	it('splits 5 units into five segments and 1 or 2 units into two', () => {
		expect(scaleBar(1000, 600)?.segments).toBe(5);
		expect(scaleBar(1000, 260)?.segments).toBe(2);
		expect(scaleBar(1000, 120)?.segments).toBe(2);
	});

	it.each([
		[0, 100],
		[-5, 100],
		[Number.NaN, 100],
		[Number.POSITIVE_INFINITY, 100],
		[10, 0],
		[0.001, 10]
	])('returns null for metersPerPixel %s and width %s', (mpp, max) => {
		expect(scaleBar(mpp, max)).toBeNull();
	});
});

describe('frame bounds and the scale note', () => {
	it('puts the centre in the middle of what a frame shows', () => {
		const b = frameBounds([36.3, 51.66], 6.8, 896, 737);
		expect((b.west + b.east) / 2).toBeCloseTo(36.3, 9);
		expect(b.south).toBeLessThan(51.66);
		expect(b.north).toBeGreaterThan(51.66);
		expect(b.east - b.west).toBeCloseTo((896 / (512 * 2 ** 6.8)) * 360, 9);
	});

	it('lets a frame run past the antimeridian instead of wrapping', () => {
		expect(frameBounds([170, 60], 3, 896, 737).east).toBeGreaterThan(180);
	});

	it('measures how much the scale varies across latitudes', () => {
		expect(scaleVariation(50, 50)).toBeCloseTo(1, 9);
		expect(scaleVariation(0, 60)).toBeCloseTo(2, 9);
		expect(scaleVariation(-10, 10)).toBeCloseTo(1 / Math.cos((10 * Math.PI) / 180), 9);
	});

	it('says where the bar is true, and warns on a frame that spans many latitudes', () => {
		expect(scaleBarNote(51.66, 50.2, 53.1)).toBe('true at 52° N');
		expect(scaleBarNote(63.25, 7.9, 82.6)).toBe('true at 63° N only; scale varies across the map');
		expect(scaleBarNote(-33.9, -35, -33)).toBe('true at 34° S');
	});
});
