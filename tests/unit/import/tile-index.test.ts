import { readFileSync } from 'node:fs';
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import { describe, expect, it } from 'vitest';
import { importFile } from '../../../src/lib/import/parse.ts';
import {
	featureName,
	ImportedTileIndex,
	THIN_ABOVE,
	THIN_CELL,
	TILE_LAYER,
	TILE_MAX_ZOOM
} from '../../../src/lib/import/tile-index.ts';
import { parseTileAddress, tileTemplate } from '../../../src/lib/import/tiles-client.ts';

/** The features text an import of `path` produces (what the page stores and hands the worker). */
async function imported(path: string, layerId: string): Promise<string> {
	const name = path.split('/').pop()!;
	const file = new Blob([readFileSync(`tests/fixtures/import/${path}`)]);
	const outcome = await importFile({ file, name, layerId });
	if (outcome.kind !== 'layer') throw new Error(`expected a layer, got ${outcome.kind}`);
	return outcome.layer.features.text();
}

/** Features written as an import writes them: id, category, and the file's properties as text. */
function written(layerId: string, features: Array<{ geometry: object; props: object }>): string {
	return features
		.map((f, n) =>
			JSON.stringify({
				type: 'Feature',
				geometry: f.geometry,
				properties: { id: `${layerId}:${n}`, category: layerId, props: JSON.stringify(f.props) }
			})
		)
		.join(',');
}

function decode(bytes: Uint8Array | null, z: number, x: number, y: number) {
	if (!bytes) return [];
	const layer = new VectorTile(new PbfReader(bytes)).layers[TILE_LAYER];
	if (!layer) throw new Error(`no "${TILE_LAYER}" layer in the tile`);
	return Array.from({ length: layer.length }, (_, i) => layer.feature(i).toGeoJSON(x, y, z));
}

const kursk = {
	geometry: { type: 'Point', coordinates: [36.19, 51.73] },
	props: { name: 'Kursk depot', note: '<img src=x onerror=alert(1)>' }
};
const area = {
	geometry: {
		type: 'Polygon',
		coordinates: [
			[
				[35, 51],
				[37, 51],
				[37, 52.5],
				[35, 52.5],
				[35, 51]
			]
		]
	},
	props: { title: 'Training area' }
};
const unnamed = { geometry: { type: 'Point', coordinates: [132, 43.1] }, props: { workers: 40 } };

describe('imported tiles', () => {
	it('encodes tiles that decode to the features, with only id and category as properties', () => {
		const index = new ImportedTileIndex();
		index.set('a', written('a', [kursk, area, unnamed]));
		// Tile 5/19/10 holds Kursk; the Far East point is elsewhere.
		const features = decode(index.tile(5, 19, 10), 5, 19, 10);
		expect(features.map((f) => f.properties)).toEqual([
			{ id: 'a:0', category: 'a' },
			{ id: 'a:1', category: 'a' }
		]);
		const [point, polygon] = features;
		expect(point!.geometry.type).toBe('Point');
		const [lon, lat] = (point!.geometry as { coordinates: number[] }).coordinates;
		expect(lon).toBeCloseTo(36.19, 1);
		expect(lat).toBeCloseTo(51.73, 1);
		expect(polygon!.geometry.type).toBe('Polygon');
		expect(index.tile(5, 0, 0)).toBeNull();
	});

	it('joins every layer into one tile layer, in the legend order, and forgets removed layers', () => {
		const index = new ImportedTileIndex();
		index.set('a', written('a', [kursk]));
		index.set('b', written('b', [area]));
		const ids = () => decode(index.tile(0, 0, 0), 0, 0, 0).map((f) => f.properties?.['id']);
		expect(ids()).toEqual(['a:0', 'b:0']);
		index.setOrder(['b', 'a']);
		expect(ids()).toEqual(['b:0', 'a:0']);
		index.remove('b');
		expect(ids()).toEqual(['a:0']);
		expect(index.props('b:0')).toBeNull();
	});

	it("keeps the file's properties, as text, for the panel", async () => {
		const index = new ImportedTileIndex();
		index.set('L1', await imported('valid/labour-sites.csv', 'L1'));
		const props = JSON.parse(index.props('L1:0') ?? 'null') as Record<string, unknown>;
		expect(Object.keys(props).length).toBeGreaterThan(0);
		expect(index.props('L1:99999')).toBeNull();
		expect(index.props('nope')).toBeNull();
	});

	it('draws features cut at 180 degrees on both sides of it', () => {
		const index = new ImportedTileIndex();
		const across = {
			geometry: {
				type: 'MultiPolygon',
				coordinates: [
					[
						[
							[179, 60],
							[180, 60],
							[180, 61],
							[179, 61],
							[179, 60]
						]
					],
					[
						[
							[-180, 60],
							[-179, 60],
							[-179, 61],
							[-180, 61],
							[-180, 60]
						]
					]
				]
			},
			props: {}
		};
		index.set('x', written('x', [across]));
		// At zoom 2 the east edge is tile x 3, the west edge tile x 0.
		const ids = (x: number) =>
			decode(index.tile(2, x, 1), 2, x, 1).map((f) => f.properties?.['id']);
		expect(ids(3)).toContain('x:0');
		expect(ids(0)).toContain('x:0');
		expect(index.tile(2, 1, 1)).toBeNull();
	});

	it("refuses text that is not an import's features, saying so", () => {
		const index = new ImportedTileIndex();
		expect(() => index.set('a', written('b', [kursk]))).toThrow(/no id of that layer/);
		expect(index.has('a')).toBe(false);
	});
});

describe('thinning dense points below the deepest zoom', () => {
	/** Tile of zoom z holding lon/lat, and the lon/lat of tile-unit x/y in it. */
	function tileAt(z: number, lon: number, lat: number): [number, number, number] {
		const n = 2 ** z;
		const x = Math.floor(((lon + 180) / 360) * n);
		const rad = (lat * Math.PI) / 180;
		const y = Math.floor(((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2) * n);
		return [z, x, y];
	}

	/** `count` points within a few metres of lon/lat (all on one screen pixel below zoom 12). */
	function stack(count: number, lon: number, lat: number, name = 'Stacked') {
		return Array.from({ length: count }, (_, k) => ({
			geometry: { type: 'Point', coordinates: [lon + k * 1e-6, lat] },
			props: { name: `${name} ${k}` }
		}));
	}

	/** `count` points spread over a degree, a seeded scatter. */
	function scatter(count: number, lon: number, lat: number) {
		let seed = 7;
		const next = () => ((seed = (seed * 16807) % 2147483647) / 2147483647) as number;
		return Array.from({ length: count }, (_, k) => ({
			geometry: { type: 'Point', coordinates: [lon + next(), lat + next()] },
			props: { name: `Scatter ${k}` }
		}));
	}

	it('keeps one point per cell, at its own place, saying how many it stands for', () => {
		const index = new ImportedTileIndex();
		// 300 points on one spot and 200 on another, in one layer: 500 points, over the threshold.
		index.set('a', written('a', [...stack(300, 36.19, 51.73), ...stack(200, 37.6, 55.75)]));
		const at = tileAt(4, 36.19, 51.73);
		const features = decode(index.tile(...at), ...at);
		expect(features.map((f) => f.properties)).toEqual([
			{ id: 'a:0', category: 'a', count: 300 },
			{ id: 'a:300', category: 'a', count: 200 }
		]);
		const [lon, lat] = (features[0]!.geometry as { coordinates: number[] }).coordinates;
		expect(lon).toBeCloseTo(36.19, 1);
		expect(lat).toBeCloseTo(51.73, 1);
	});

	it('never thins at the deepest zoom', () => {
		const index = new ImportedTileIndex();
		index.set('a', written('a', stack(300, 36.19, 51.73)));
		const at = tileAt(TILE_MAX_ZOOM, 36.19, 51.73);
		const features = decode(index.tile(...at), ...at);
		expect(features).toHaveLength(300);
		expect(features.every((f) => f.properties?.['count'] === undefined)).toBe(true);
	});

	it('leaves a tile of few points as it is, even where they overlap', () => {
		const index = new ImportedTileIndex();
		index.set('a', written('a', stack(THIN_ABOVE, 36.19, 51.73)));
		const at = tileAt(4, 36.19, 51.73);
		expect(decode(index.tile(...at), ...at)).toHaveLength(THIN_ABOVE);
	});

	it('thins each layer on its own: a point never stands for another layer’s', () => {
		const index = new ImportedTileIndex();
		index.set('a', written('a', stack(300, 36.19, 51.73)));
		index.set('b', written('b', stack(300, 36.19, 51.73)));
		const at = tileAt(4, 36.19, 51.73);
		expect(decode(index.tile(...at), ...at).map((f) => f.properties)).toEqual([
			{ id: 'a:0', category: 'a', count: 300 },
			{ id: 'b:0', category: 'b', count: 300 }
		]);
	});

	it('leaves lines and polygons alone', () => {
		const index = new ImportedTileIndex();
		index.set('a', written('a', [...stack(300, 36.19, 51.73), area, area]));
		const at = tileAt(4, 36.19, 51.73);
		const types = decode(index.tile(...at), ...at).map((f) => f.geometry.type);
		expect(types).toEqual(['Point', 'Polygon', 'Polygon']);
	});

	it("thins a multi-point's own points to one per cell, and keeps it one feature", () => {
		const index = new ImportedTileIndex();
		// One multi-point of 400 positions: 300 stacked on one spot, 100 on another.
		const positions = [...stack(300, 36.19, 51.73), ...stack(100, 37.6, 55.75)].map(
			(p) => p.geometry.coordinates
		);
		const many = { geometry: { type: 'MultiPoint', coordinates: positions }, props: {} };
		index.set('a', written('a', [many]));
		const at = tileAt(4, 36.19, 51.73);
		const features = decode(index.tile(...at), ...at);
		expect(features).toHaveLength(1);
		expect(features[0]!.properties).toEqual({ id: 'a:0', category: 'a' });
		const kept = (features[0]!.geometry as { coordinates: number[][] }).coordinates;
		expect(kept).toHaveLength(2);
		expect(kept[0]![0]).toBeCloseTo(36.19, 1);
		expect(kept[1]![0]).toBeCloseTo(37.6, 1);
		// At the deepest zoom every position is drawn.
		const deep = tileAt(TILE_MAX_ZOOM, 36.19, 51.73);
		const all = decode(index.tile(...deep), ...deep);
		expect((all[0]!.geometry as { coordinates: number[][] }).coordinates).toHaveLength(300);
	});

	it('keeps a mark on every occupied cell, so the picture is the same', () => {
		const index = new ImportedTileIndex();
		const points = scatter(5000, 36, 51);
		index.set('a', written('a', points));
		const at = tileAt(5, 36.5, 51.5);
		const [z, x, y] = at;
		const features = decode(index.tile(...at), ...at);
		// Every point of the tile is counted once.
		const counted = features.reduce((sum, f) => sum + Number(f.properties?.['count'] ?? 1), 0);
		const inTile = points.filter((p) => {
			const [tz, tx, ty] = tileAt(z, p.geometry.coordinates[0]!, p.geometry.coordinates[1]!);
			return tz === z && tx === x && ty === y;
		}).length;
		expect(counted).toBe(inTile);
		expect(features.length).toBeLessThan(inTile);
		// The cells (in tile units) of every input point are the cells of the kept ones.
		const cell = (lon: number, lat: number) => {
			const n = 2 ** z;
			const rad = (lat * Math.PI) / 180;
			const px = (((lon + 180) / 360) * n - x) * 4096;
			const py = (((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2) * n - y) * 4096;
			return `${Math.floor(Math.round(px) / THIN_CELL)},${Math.floor(Math.round(py) / THIN_CELL)}`;
		};
		const want = new Set(
			points
				.filter((p) => {
					const [, tx, ty] = tileAt(z, p.geometry.coordinates[0]!, p.geometry.coordinates[1]!);
					return tx === x && ty === y;
				})
				.map((p) => cell(p.geometry.coordinates[0]!, p.geometry.coordinates[1]!))
		);
		const got = new Set(
			features.map((f) => {
				const [lon, lat] = (f.geometry as { coordinates: number[] }).coordinates;
				return cell(lon!, lat!);
			})
		);
		expect(got).toEqual(want);
	});
});

describe('where a feature is', () => {
	it('gives a point its place and a shape its bounds', () => {
		const index = new ImportedTileIndex();
		index.set('a', written('a', [kursk, area]));
		expect(index.place('a:0')).toEqual({
			bbox: [36.19, 51.73, 36.19, 51.73],
			point: true,
			sharing: 0
		});
		expect(index.place('a:1')).toEqual({ bbox: [35, 51, 37, 52.5], point: false, sharing: 0 });
		expect(index.place('a:2')).toBeNull();
		expect(index.place('b:0')).toBeNull();
	});

	it('gives a shape across 180 degrees bounds that cross it, not the whole world', () => {
		const index = new ImportedTileIndex();
		const across = {
			geometry: {
				type: 'LineString',
				coordinates: [
					[179, 65],
					[-179, 66]
				]
			},
			props: {}
		};
		index.set('a', written('a', [across]));
		expect(index.place('a:0')).toEqual({ bbox: [179, 65, 181, 66], point: false, sharing: 0 });
	});

	it("counts the other points of the layer at exactly a point's place, and no other layer's", () => {
		const index = new ImportedTileIndex();
		const near = { ...kursk, geometry: { type: 'Point', coordinates: [36.19, 51.7300001] } };
		index.set('a', written('a', [kursk, area, kursk, near, kursk]));
		index.set('b', written('b', [kursk]));
		expect(index.place('a:0')?.sharing).toBe(2);
		expect(index.place('a:4')?.sharing).toBe(2);
		// A point a hair away is its own place; a shape around them shares with nothing.
		expect(index.place('a:3')?.sharing).toBe(0);
		expect(index.place('a:1')?.sharing).toBe(0);
		expect(index.place('b:0')?.sharing).toBe(0);
		// Replacing the layer counts afresh.
		index.set('a', written('a', [kursk, near]));
		expect(index.place('a:0')?.sharing).toBe(0);
	});
});

describe('the feature list of a layer', () => {
	const many = Array.from({ length: 120 }, (_, n) =>
		n % 10 === 0 ? unnamed : { ...kursk, props: { name: `Site ${n}` } }
	);

	it('pages through the features in file order, naming the unnamed by number', () => {
		const index = new ImportedTileIndex();
		index.set('a', written('a', many));
		const first = index.list('a', '', 0, 50);
		expect(first.total).toBe(120);
		expect(first.matched).toBe(120);
		expect(first.items).toHaveLength(50);
		expect(first.items.slice(0, 2)).toEqual([
			{ id: 'a:0', name: 'Feature 1' },
			{ id: 'a:1', name: 'Site 1' }
		]);
		const last = index.list('a', '', 100, 50);
		expect(last.items.map((i) => i.id)).toEqual(
			Array.from({ length: 20 }, (_, k) => `a:${100 + k}`)
		);
	});

	it('filters by name in any case and counts the matches', () => {
		const index = new ImportedTileIndex();
		index.set('a', written('a', many));
		const page = index.list('a', '  SITE 11', 0, 5);
		expect(page.items.map((i) => i.name)).toEqual([
			'Site 11',
			'Site 111',
			'Site 112',
			'Site 113',
			'Site 114'
		]);
		expect(page.matched).toBe(10);
		expect(page.total).toBe(120);
		expect(index.list('zzz', '', 0, 5)).toEqual({ items: [], matched: 0, total: 0 });
	});

	it('names a feature from name, title or label, else by its number', () => {
		expect(featureName('{"Title":" Depot "}', 0)).toBe('Depot');
		expect(featureName('{"label":"Camp","name":""}', 3)).toBe('Camp');
		expect(featureName('{"name":12}', 4)).toBe('Feature 5');
		expect(featureName('not json', 11)).toBe('Feature 12');
	});
});

describe('tile addresses', () => {
	it('reads z, x and y from the template MapLibre fills in', () => {
		const url = tileTemplate(7).replace('{z}', '4').replace('{x}', '12').replace('{y}', '5');
		expect(url).toBe('atlas-imported://4/12/5?v=7');
		expect(parseTileAddress(url)).toEqual([4, 12, 5]);
		expect(parseTileAddress('https://4/12/5')).toBeNull();
		expect(parseTileAddress('atlas-imported://4/x/5')).toBeNull();
	});
});
