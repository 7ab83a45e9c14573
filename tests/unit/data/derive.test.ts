/**
 * Derived geometry from the committed basemap: the border band, the Far East macro-region and
 * the flows are valid, where they should be, and reproduced byte for byte in geo/.
 */
import { readFileSync } from 'node:fs';
import {
	area,
	featureCollection,
	intersect,
	kinks,
	pointToPolygonDistance,
	polygon,
	union
} from '@turf/turf';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import { describe, expect, test } from 'vitest';
import {
	deriveBorderBand,
	deriveGreatCircle,
	deriveRegionUnion,
	type Admin1,
	type Polygonal
} from '../../../src/lib/data/derive/geometry.ts';
import { deriveFeaturesText, parseBasemap } from '../../../src/lib/data/derive/features.ts';

const basemap = parseBasemap(
	readFileSync('geo/basemap/admin1.geojson', 'utf8'),
	readFileSync('geo/basemap/places.geojson', 'utf8')
);

function regions(admin1: Admin1, pick: (iso: string, country: string) => boolean) {
	return admin1.features.filter((f) => pick(f.properties.iso_3166_2, f.properties.country));
}

function polygonsOf(g: Polygonal): Position[][][] {
	return g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
}

function expectValid(g: Polygonal): void {
	for (const rings of polygonsOf(g)) {
		expect(kinks(polygon(rings)).features).toEqual([]);
		for (const ring of rings) {
			expect(ring[0]).toEqual(ring[ring.length - 1]);
			for (const [lon, lat] of ring) {
				expect(Math.abs(lon!)).toBeLessThanOrEqual(180);
				expect(Math.abs(lat!)).toBeLessThanOrEqual(90);
			}
		}
	}
}

const bandParams = {
	inside_country: 'RU',
	border_country: 'UA',
	min_shared_border_km: 10,
	simplify_tolerance_deg: 0.01
};

describe('border band', () => {
	const band = deriveBorderBand(basemap.admin1, { ...bandParams, width_km: 50 });

	test('finds the Russian and Ukrainian regions that share the land border', () => {
		expect(band.derived.inside_regions).toEqual(['RU-BEL', 'RU-BRY', 'RU-KRS', 'RU-ROS', 'RU-VOR']);
		expect(band.derived.border_regions).toEqual(['UA-09', 'UA-14', 'UA-59', 'UA-63', 'UA-74']);
	});

	test('is valid geometry', () => {
		expectValid(band.geometry);
	});

	test('lies inside Russia', () => {
		const russia = union(
			featureCollection(
				regions(basemap.admin1, (iso, c) => c === 'RU' && band.derived.inside_regions.includes(iso))
			)
		)!;
		const inside = intersect(
			featureCollection([{ type: 'Feature', properties: {}, geometry: band.geometry }, russia])
		);
		expect(inside).not.toBeNull();
		expect(area(inside!) / area(band.geometry)).toBeGreaterThan(0.99);
	});

	test('reaches about 50 km from Ukraine and no further', () => {
		const ukraine = union(
			featureCollection(regions(basemap.admin1, (iso) => band.derived.border_regions.includes(iso)))
		)! as Feature<Polygon | MultiPolygon>;
		let farthest = 0;
		for (const rings of polygonsOf(band.geometry)) {
			for (const p of rings[0]!.filter((_, i) => i % 5 === 0)) {
				farthest = Math.max(farthest, pointToPolygonDistance(p, ukraine, { units: 'kilometers' }));
			}
		}
		expect(farthest).toBeGreaterThan(45);
		expect(farthest).toBeLessThan(52);
		// A strip 50 km deep along ~1,500 km of border, less the overlap at the border's bends.
		const expectedKm2 = band.derived.shared_border_km * 50;
		expect(band.derived.area_km2).toBeGreaterThan(0.7 * expectedKm2);
		expect(band.derived.area_km2).toBeLessThan(1.05 * expectedKm2);
	});

	test('grows with its width', () => {
		const narrow = deriveBorderBand(basemap.admin1, { ...bandParams, width_km: 20 });
		expect(narrow.derived.area_km2).toBeLessThan(band.derived.area_km2 * 0.5);
	});
});

describe('Far East macro-region', () => {
	const farEast = deriveRegionUnion(basemap.admin1, {
		country: 'RU',
		ne_region: 'Far Eastern',
		simplify_tolerance_deg: 0.05
	});

	test('is the union of the nine regions Natural Earth labels Far Eastern', () => {
		expect(farEast.derived.members).toHaveLength(9);
		expect(farEast.derived.members).toContain('RU-CHU');
		expect(farEast.derived.members).toContain('RU-PRI');
	});

	test('is valid and stays within [-180, 180] without any ring spanning the globe', () => {
		expectValid(farEast.geometry);
		for (const rings of polygonsOf(farEast.geometry)) {
			for (const ring of rings) {
				const lons = ring.map((p) => p[0]!);
				expect(Math.max(...lons) - Math.min(...lons)).toBeLessThan(180);
				for (let i = 1; i < ring.length; i++) {
					expect(Math.abs(ring[i]![0]! - ring[i - 1]![0]!)).toBeLessThanOrEqual(180);
				}
			}
		}
	});

	test('keeps Chukotka on both sides of the antimeridian', () => {
		const lons = polygonsOf(farEast.geometry).flatMap((rings) => rings[0]!.map((p) => p[0]!));
		expect(Math.min(...lons)).toBeLessThan(-169);
		expect(Math.max(...lons)).toBe(180);
	});

	test('has its label point inside the shape, in the eastern hemisphere', () => {
		const [lon, lat] = farEast.derived.label_point;
		expect(lon).toBeGreaterThan(100);
		expect(lat).toBeGreaterThan(45);
		const total = area(farEast.geometry);
		expect(total / 1e6).toBeGreaterThan(5_000_000);
	});
});

describe('great-circle flows', () => {
	test('join their end points', () => {
		const flow = deriveGreatCircle([125.754, 39.034], [36.292, 51.736], 64);
		expect(flow.geometry.type).toBe('LineString');
		const coords = flow.geometry.coordinates as Position[];
		expect(coords).toHaveLength(64);
		expect(coords[0]).toEqual([125.754, 39.034]);
		expect(coords[63]).toEqual([36.292, 51.736]);
	});

	test('split at the antimeridian instead of jumping across it', () => {
		const flow = deriveGreatCircle([170, 60], [-170, 62], 32);
		expect(flow.geometry.type).toBe('MultiLineString');
		for (const line of flow.geometry.coordinates as Position[][]) {
			for (let i = 1; i < line.length; i++) {
				expect(Math.abs(line[i]![0]! - line[i - 1]![0]!)).toBeLessThan(180);
			}
		}
	});
});

describe('geo/features.geojson', () => {
	const committed = readFileSync('geo/features.geojson', 'utf8');

	test('is exactly what npm run geo:derive writes (derived, deterministic, committed)', () => {
		expect(deriveFeaturesText(committed, basemap)).toBe(committed);
	});

	test('stays small enough for the app to load', () => {
		expect(Buffer.byteLength(committed)).toBeLessThan(300 * 1024);
	});
});
