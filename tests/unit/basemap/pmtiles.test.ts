import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import { PMTiles, TileType, type RangeResponse, type Source } from 'pmtiles';
import { describe, expect, it } from 'vitest';
import { PmtilesWriter } from '../../../scripts/lib/pmtiles-writer.ts';

/** Serves an in-memory archive to the official PMTiles reader. */
class BufferSource implements Source {
	constructor(private readonly bytes: Uint8Array) {}
	getKey(): string {
		return 'memory';
	}
	async getBytes(offset: number, length: number): Promise<RangeResponse> {
		const slice = this.bytes.slice(offset, offset + length);
		return { data: slice.buffer };
	}
}

const archivePath = resolve(import.meta.dirname, '../../../static/basemap/basemap.pmtiles');

function lonLatToTile(lon: number, lat: number, z: number): [number, number] {
	const n = 2 ** z;
	const x = Math.floor(((lon + 180) / 360) * n);
	const rad = (lat * Math.PI) / 180;
	const y = Math.floor(((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2) * n);
	return [x, y];
}

async function layersAt(archive: PMTiles, z: number, lon: number, lat: number) {
	const [x, y] = lonLatToTile(lon, lat, z);
	const tile = await archive.getZxy(z, x, y);
	if (!tile) return null;
	return new VectorTile(new PbfReader(new Uint8Array(tile.data))).layers;
}

describe('PMTiles writer', () => {
	it('writes an archive the official reader opens, with tiles and metadata intact', async () => {
		const writer = new PmtilesWriter();
		const a = new Uint8Array([1, 2, 3]);
		const b = new Uint8Array([9, 8, 7, 6]);
		writer.addTile(0, 0, 0, a);
		writer.addTile(1, 0, 0, b);
		writer.addTile(1, 1, 0, b); // same bytes: stored once
		writer.addTile(1, 0, 1, new Uint8Array()); // empty: left out
		const bytes = writer.finish({
			minZoom: 0,
			maxZoom: 1,
			bounds: [-180, -85, 180, 85],
			center: [0, 0, 0],
			metadata: { name: 'test' }
		});
		const archive = new PMTiles(new BufferSource(new Uint8Array(bytes)));
		const header = await archive.getHeader();
		expect(header).toMatchObject({
			specVersion: 3,
			minZoom: 0,
			maxZoom: 1,
			numAddressedTiles: 3,
			numTileContents: 2,
			tileType: TileType.Mvt,
			clustered: true
		});
		expect(await archive.getMetadata()).toEqual({ name: 'test' });
		expect(new Uint8Array((await archive.getZxy(0, 0, 0))!.data)).toEqual(a);
		expect(new Uint8Array((await archive.getZxy(1, 1, 0))!.data)).toEqual(b);
		expect(await archive.getZxy(1, 0, 1)).toBeUndefined();
	});
});

describe('the committed basemap archive', () => {
	const archive = new PMTiles(new BufferSource(new Uint8Array(readFileSync(archivePath))));

	it('covers zoom 0 to 6 with vector tiles and names its sources', async () => {
		const header = await archive.getHeader();
		expect(header.minZoom).toBe(0);
		expect(header.maxZoom).toBe(6);
		expect(header.tileType).toBe(TileType.Mvt);
		const metadata = (await archive.getMetadata()) as { attribution: string };
		expect(metadata.attribution).toMatch(/Natural Earth/);
		expect(metadata.attribution).toMatch(/GeoNames/);
	});

	it('has detailed tiles over Kursk with borders, regions and the city', async () => {
		const layers = await layersAt(archive, 6, 36.19, 51.73);
		expect(layers).not.toBeNull();
		expect(Object.keys(layers!)).toEqual(
			expect.arrayContaining(['land', 'countries', 'boundaries', 'region_labels', 'places'])
		);
		const places = layers!['places']!;
		const names = Array.from(
			{ length: places.length },
			(_, i) => places.feature(i).properties['name']
		);
		expect(names).toContain('Kursk');
		const regions = layers!['region_labels']!;
		const local = Array.from(
			{ length: regions.length },
			(_, i) => regions.feature(i).properties['name_local']
		);
		expect(local).toContain('Курская область');
	});

	it('draws the Russia-Ukraine border as long continuous lines, not fragments', async () => {
		// Tile 6/38/21 holds the Kursk-Sumy stretch of the border.
		const layers = await layersAt(archive, 6, 35.5, 51.3);
		const boundaries = layers!['boundaries']!;
		let countryParts = 0;
		let longest = 0;
		for (let i = 0; i < boundaries.length; i++) {
			const f = boundaries.feature(i);
			if (f.properties['kind'] !== 'country') continue;
			for (const line of f.loadGeometry()) {
				countryParts++;
				longest = Math.max(longest, line.length);
			}
		}
		expect(countryParts).toBeGreaterThan(0);
		expect(countryParts).toBeLessThanOrEqual(4);
		expect(longest).toBeGreaterThan(50);
	});

	it('has land on both sides of the antimeridian in Chukotka', async () => {
		const west = await layersAt(archive, 5, 178, 66);
		const east = await layersAt(archive, 5, -175, 66);
		expect(west?.['land']?.length).toBeGreaterThan(0);
		expect(east?.['land']?.length).toBeGreaterThan(0);
	});

	it('leaves empty ocean out of the archive instead of storing blank tiles', async () => {
		expect(await layersAt(archive, 6, -150, 0)).toBeNull();
	});
});
