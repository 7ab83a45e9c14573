/**
 * Reads the basemap's PMTiles v3 archive (https://github.com/protomaps/PMTiles/blob/main/spec/v3/spec.md)
 * for MapLibre, through HTTP range requests to the site's own origin.
 *
 * This is a reader for the archives scripts/build-basemap.ts writes, not for any PMTiles file:
 * one root directory (the writer refuses to write leaf directories), gzip for directories and
 * tiles. Anything else is refused with an error naming what is unsupported. It is a fifth of the
 * size of the general pmtiles library; a unit test checks it against that library tile by tile.
 */
import type { AddProtocolAction } from 'maplibre-gl';

export interface PmtilesHeader {
	rootOffset: number;
	rootLength: number;
	metadataOffset: number;
	metadataLength: number;
	leafLength: number;
	tileDataOffset: number;
	internalCompression: number;
	tileCompression: number;
	tileType: number;
	minZoom: number;
	maxZoom: number;
	bounds: [number, number, number, number];
	center: [number, number, number];
}

export interface DirectoryEntry {
	tileId: number;
	offset: number;
	length: number;
	runLength: number;
}

/** Reads `length` bytes at `offset` of the archive. */
export type RangeReader = (
	offset: number,
	length: number,
	signal?: AbortSignal
) => Promise<Uint8Array>;

const HEADER_BYTES = 127;
const FIRST_FETCH = 16384;
const GZIP = 2;
const MVT = 1;

function u64(view: DataView, at: number): number {
	return view.getUint32(at + 4, true) * 2 ** 32 + view.getUint32(at, true);
}

export function parseHeader(bytes: Uint8Array): PmtilesHeader {
	const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	const magic = new TextDecoder().decode(bytes.subarray(0, 7));
	if (magic !== 'PMTiles' || view.getUint8(7) !== 3) {
		throw new Error('The basemap file is not a PMTiles v3 archive.');
	}
	const e7 = (at: number) => view.getInt32(at, true) / 1e7;
	return {
		rootOffset: u64(view, 8),
		rootLength: u64(view, 16),
		metadataOffset: u64(view, 24),
		metadataLength: u64(view, 32),
		leafLength: u64(view, 48),
		tileDataOffset: u64(view, 56),
		internalCompression: view.getUint8(97),
		tileCompression: view.getUint8(98),
		tileType: view.getUint8(99),
		minZoom: view.getUint8(100),
		maxZoom: view.getUint8(101),
		bounds: [e7(102), e7(106), e7(110), e7(114)],
		center: [e7(119), e7(123), view.getUint8(118)]
	};
}

export async function gunzip(bytes: Uint8Array): Promise<Uint8Array> {
	const stream = new Blob([bytes as BlobPart])
		.stream()
		.pipeThrough(new DecompressionStream('gzip'));
	return new Uint8Array(await new Response(stream).arrayBuffer());
}

export function parseDirectory(bytes: Uint8Array): DirectoryEntry[] {
	let pos = 0;
	const varint = (): number => {
		let value = 0;
		let scale = 1;
		for (;;) {
			const b = bytes[pos++];
			if (b === undefined) throw new Error('The basemap directory is cut short.');
			value += (b & 0x7f) * scale;
			if (b < 0x80) return value;
			scale *= 128;
		}
	};
	const n = varint();
	const entries: DirectoryEntry[] = [];
	let last = 0;
	for (let i = 0; i < n; i++) {
		last += varint();
		entries.push({ tileId: last, offset: 0, length: 0, runLength: 1 });
	}
	for (const e of entries) e.runLength = varint();
	for (const e of entries) e.length = varint();
	entries.forEach((e, i) => {
		const v = varint();
		const prev = entries[i - 1];
		e.offset = v === 0 && prev ? prev.offset + prev.length : v - 1;
	});
	return entries;
}

/** The tile id of z/x/y: tiles of lower zooms first, then the Hilbert curve order within a zoom. */
export function tileId(z: number, x: number, y: number): number {
	let base = 0;
	for (let i = 0; i < z; i++) base += 4 ** i;
	const n = 2 ** z;
	let d = 0;
	let tx = x;
	let ty = y;
	for (let s = n / 2; s >= 1; s /= 2) {
		const rx = (tx & s) > 0 ? 1 : 0;
		const ry = (ty & s) > 0 ? 1 : 0;
		d += s * s * ((3 * rx) ^ ry);
		// Rotate the quadrant so the curve continues.
		if (ry === 0) {
			if (rx === 1) {
				tx = s - 1 - tx;
				ty = s - 1 - ty;
			}
			[tx, ty] = [ty, tx];
		}
	}
	return base + d;
}

export function findEntry(entries: DirectoryEntry[], id: number): DirectoryEntry | null {
	let lo = 0;
	let hi = entries.length - 1;
	while (lo <= hi) {
		const mid = (lo + hi) >> 1;
		const e = entries[mid]!;
		if (id < e.tileId) hi = mid - 1;
		else if (id > e.tileId) lo = mid + 1;
		else return e;
	}
	// A run covers the ids after its first one: the entry just before the gap.
	const before = entries[hi];
	if (before && before.runLength > 0 && id < before.tileId + before.runLength) return before;
	return null;
}

export class PmtilesArchive {
	private opened: Promise<{ header: PmtilesHeader; entries: DirectoryEntry[] }> | null = null;

	constructor(private readonly read: RangeReader) {}

	open(signal?: AbortSignal) {
		this.opened ??= (async () => {
			const first = await this.read(0, FIRST_FETCH, signal);
			const header = parseHeader(first.subarray(0, HEADER_BYTES));
			if (header.leafLength > 0)
				throw new Error('Basemap archives with leaf directories are not supported.');
			if (header.internalCompression !== GZIP || header.tileCompression !== GZIP) {
				throw new Error('The basemap archive must use gzip compression.');
			}
			if (header.tileType !== MVT) throw new Error('The basemap archive must hold vector tiles.');
			const root = first.subarray(header.rootOffset, header.rootOffset + header.rootLength);
			return { header, entries: parseDirectory(await gunzip(root)) };
		})();
		this.opened.catch(() => (this.opened = null));
		return this.opened;
	}

	async metadata(signal?: AbortSignal): Promise<Record<string, unknown>> {
		const { header } = await this.open(signal);
		const bytes = await this.read(header.metadataOffset, header.metadataLength, signal);
		return JSON.parse(new TextDecoder().decode(await gunzip(bytes))) as Record<string, unknown>;
	}

	/** The tile's decompressed bytes, or null where the archive has no tile (open ocean). */
	async tile(z: number, x: number, y: number, signal?: AbortSignal): Promise<Uint8Array | null> {
		const { header, entries } = await this.open(signal);
		const entry = findEntry(entries, tileId(z, x, y));
		if (!entry) return null;
		return gunzip(await this.read(header.tileDataOffset + entry.offset, entry.length, signal));
	}
}

/** Range requests with fetch; a server that ignores Range and sends the whole file still works. */
export function fetchRange(url: string): RangeReader {
	return async (offset, length, signal) => {
		const res = await fetch(url, {
			signal,
			headers: { range: `bytes=${offset}-${offset + length - 1}` }
		});
		if (!res.ok) throw new Error(`The basemap could not be read (HTTP ${res.status} for ${url}).`);
		const bytes = new Uint8Array(await res.arrayBuffer());
		return res.status === 206 ? bytes : bytes.subarray(offset, offset + length);
	};
}

/**
 * A MapLibre protocol handler for `pmtiles://<archive URL>` (the source's TileJSON) and
 * `pmtiles://<archive URL>/{z}/{x}/{y}` (its tiles).
 */
export function pmtilesProtocol(): AddProtocolAction {
	const archives = new Map<string, PmtilesArchive>();
	const archiveFor = (url: string) => {
		let a = archives.get(url);
		if (!a) archives.set(url, (a = new PmtilesArchive(fetchRange(url))));
		return a;
	};
	return async (params, abort) => {
		const target = params.url.replace(/^pmtiles:\/\//, '');
		const tile = /^(.+)\/(\d+)\/(\d+)\/(\d+)$/.exec(target);
		if (tile) {
			const [, url, z, x, y] = tile;
			const data = await archiveFor(url!).tile(Number(z), Number(x), Number(y), abort.signal);
			// An absent tile is an empty one: MapLibre draws nothing there.
			return { data: (data ?? new Uint8Array()).buffer as ArrayBuffer };
		}
		const archive = archiveFor(target);
		const { header } = await archive.open(abort.signal);
		const metadata = await archive.metadata(abort.signal);
		return {
			data: {
				tilejson: '3.0.0',
				scheme: 'xyz',
				tiles: [`pmtiles://${target}/{z}/{x}/{y}`],
				minzoom: header.minZoom,
				maxzoom: header.maxZoom,
				bounds: header.bounds,
				center: header.center,
				vector_layers: metadata['vector_layers'] as unknown[],
				attribution: String(metadata['attribution'] ?? '')
			}
		};
	};
}
