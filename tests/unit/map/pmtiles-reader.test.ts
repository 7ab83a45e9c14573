import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { PMTiles, zxyToTileId, type RangeResponse, type Source } from 'pmtiles';
import { describe, expect, it } from 'vitest';
import {
	findEntry,
	PmtilesArchive,
	pmtilesProtocol,
	tileId,
	type RangeReader
} from '../../../src/lib/map/pmtiles-reader.ts';

const bytes = new Uint8Array(
	readFileSync(resolve(import.meta.dirname, '../../../static/basemap/basemap.pmtiles'))
);
const read: RangeReader = async (offset, length) => bytes.slice(offset, offset + length);

class BufferSource implements Source {
	getKey = () => 'memory';
	async getBytes(offset: number, length: number): Promise<RangeResponse> {
		return { data: bytes.slice(offset, offset + length).buffer };
	}
}

describe('our PMTiles reader', () => {
	it('numbers tiles exactly as the PMTiles specification (Hilbert order by zoom)', () => {
		for (let z = 0; z <= 8; z++) {
			const n = 2 ** z;
			for (const [x, y] of [
				[0, 0],
				[n - 1, 0],
				[0, n - 1],
				[n - 1, n - 1],
				[Math.floor(n / 3), Math.floor((2 * n) / 3)]
			]) {
				expect(tileId(z, x!, y!), `${z}/${x}/${y}`).toBe(zxyToTileId(z, x!, y!));
			}
		}
	});

	it('returns the same tile bytes as the official library, and nothing where it has none', async () => {
		const ours = new PmtilesArchive(read);
		const theirs = new PMTiles(new BufferSource());
		let compared = 0;
		for (const z of [0, 2, 4, 6]) {
			const n = 2 ** z;
			for (let x = 0; x < n; x += Math.max(1, n / 8)) {
				for (let y = 0; y < n; y += Math.max(1, n / 8)) {
					const a = await ours.tile(z, x, y);
					const b = await theirs.getZxy(z, x, y);
					if (b === undefined) {
						expect(a, `${z}/${x}/${y}`).toBeNull();
					} else {
						expect(a, `${z}/${x}/${y}`).toEqual(new Uint8Array(b.data));
						compared++;
					}
				}
			}
		}
		expect(compared).toBeGreaterThan(20);
		expect(await ours.metadata()).toEqual(await theirs.getMetadata());
	});

	it('finds a tile inside a run of identical tiles', () => {
		const entries = [
			{ tileId: 5, offset: 0, length: 10, runLength: 1 },
			{ tileId: 7, offset: 10, length: 4, runLength: 3 }
		];
		expect(findEntry(entries, 5)?.offset).toBe(0);
		expect(findEntry(entries, 8)?.offset).toBe(10);
		expect(findEntry(entries, 9)?.offset).toBe(10);
		expect(findEntry(entries, 10)).toBeNull();
		expect(findEntry(entries, 6)).toBeNull();
	});

	it('refuses a file that is not a PMTiles archive, saying so', async () => {
		const bad = new PmtilesArchive(async () => new Uint8Array(200));
		await expect(bad.tile(0, 0, 0)).rejects.toThrow('not a PMTiles v3 archive');
	});

	it('serves MapLibre a TileJSON whose tile URLs come back to it', async () => {
		const served = new Map([['https://atlas.example/basemap.pmtiles?v=1', bytes]]);
		const realFetch = globalThis.fetch;
		globalThis.fetch = (async (url: string, init?: RequestInit) => {
			const body = served.get(url)!;
			const [, a, b] = /bytes=(\d+)-(\d+)/.exec(
				String((init?.headers as Record<string, string>).range)
			)!;
			return new Response(body.slice(Number(a), Number(b) + 1), { status: 206 });
		}) as typeof fetch;
		try {
			const handle = pmtilesProtocol();
			const abort = new AbortController();
			const { data } = (await handle(
				{ url: 'pmtiles://https://atlas.example/basemap.pmtiles?v=1', type: 'json' },
				abort
			)) as { data: { tiles: string[]; maxzoom: number } };
			expect(data.maxzoom).toBe(6);
			const url = data.tiles[0]!.replace('{z}/{x}/{y}', '0/0/0');
			const tile = (await handle({ url, type: 'arrayBuffer' }, abort)).data as ArrayBuffer;
			expect(tile.byteLength).toBeGreaterThan(1000);
		} finally {
			globalThis.fetch = realFetch;
		}
	});
});
