/**
 * A small writer for PMTiles v3 archives (https://github.com/protomaps/PMTiles/blob/main/spec/v3/spec.md).
 *
 * The basemap is one static file read with HTTP range requests, so tiles that hold nothing (open
 * ocean) are simply absent instead of being thousands of empty files or 404s. Everything fits in
 * the root directory at this size; the writer refuses to produce an archive that would need leaf
 * directories rather than writing one readers cannot open.
 */
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { zxyToTileId } from 'pmtiles';

export interface ArchiveOptions {
	minZoom: number;
	maxZoom: number;
	bounds: [number, number, number, number];
	center: [number, number, number];
	metadata: Record<string, unknown>;
}

interface Entry {
	tileId: number;
	offset: number;
	length: number;
	runLength: number;
}

const HEADER_BYTES = 127;
/** Readers fetch the header and root directory in the first 16 KiB of the archive. */
const ROOT_LIMIT = 16384 - HEADER_BYTES;

function varint(out: number[], value: number): void {
	let v = value;
	while (v >= 0x80) {
		out.push((v % 0x80) | 0x80);
		v = Math.floor(v / 0x80);
	}
	out.push(v);
}

function serializeDirectory(entries: Entry[]): Buffer {
	const bytes: number[] = [];
	varint(bytes, entries.length);
	let last = 0;
	for (const e of entries) {
		varint(bytes, e.tileId - last);
		last = e.tileId;
	}
	for (const e of entries) varint(bytes, e.runLength);
	for (const e of entries) varint(bytes, e.length);
	entries.forEach((e, i) => {
		const prev = entries[i - 1];
		if (prev && e.offset === prev.offset + prev.length) varint(bytes, 0);
		else varint(bytes, e.offset + 1);
	});
	return gzipSync(Buffer.from(bytes), { level: 9 });
}

function writeU64(view: DataView, at: number, value: number): void {
	view.setBigUint64(at, BigInt(value), true);
}

function e7(value: number): number {
	return Math.round(value * 1e7);
}

export class PmtilesWriter {
	private tiles = new Map<number, Buffer>();

	/** Adds an uncompressed MVT tile; it is stored gzip-compressed. Empty tiles are skipped. */
	addTile(z: number, x: number, y: number, mvt: Uint8Array): void {
		if (mvt.byteLength === 0) return;
		this.tiles.set(zxyToTileId(z, x, y), gzipSync(mvt, { level: 9 }));
	}

	get tileCount(): number {
		return this.tiles.size;
	}

	finish(options: ArchiveOptions): Buffer {
		const ids = [...this.tiles.keys()].sort((a, b) => a - b);
		const contents: Buffer[] = [];
		const byHash = new Map<string, { offset: number; length: number }>();
		const entries: Entry[] = [];
		let dataLength = 0;
		for (const id of ids) {
			const data = this.tiles.get(id)!;
			const hash = createHash('sha256').update(data).digest('hex');
			let stored = byHash.get(hash);
			if (!stored) {
				stored = { offset: dataLength, length: data.length };
				byHash.set(hash, stored);
				contents.push(data);
				dataLength += data.length;
			}
			const prev = entries[entries.length - 1];
			if (prev && prev.tileId + prev.runLength === id && prev.offset === stored.offset) {
				prev.runLength += 1;
			} else {
				entries.push({ tileId: id, offset: stored.offset, length: stored.length, runLength: 1 });
			}
		}

		const root = serializeDirectory(entries);
		if (root.length > ROOT_LIMIT) {
			throw new Error(
				`PMTiles root directory is ${root.length} bytes; more than ${ROOT_LIMIT} would need leaf directories, which this writer does not produce`
			);
		}
		const metadata = gzipSync(Buffer.from(JSON.stringify(options.metadata)), { level: 9 });

		const header = Buffer.alloc(HEADER_BYTES);
		const view = new DataView(header.buffer, header.byteOffset, HEADER_BYTES);
		header.write('PMTiles', 0, 'ascii');
		view.setUint8(7, 3);
		const rootOffset = HEADER_BYTES;
		const metadataOffset = rootOffset + root.length;
		const leafOffset = metadataOffset + metadata.length;
		const dataOffset = leafOffset;
		writeU64(view, 8, rootOffset);
		writeU64(view, 16, root.length);
		writeU64(view, 24, metadataOffset);
		writeU64(view, 32, metadata.length);
		writeU64(view, 40, leafOffset);
		writeU64(view, 48, 0);
		writeU64(view, 56, dataOffset);
		writeU64(view, 64, dataLength);
		writeU64(view, 72, ids.length);
		writeU64(view, 80, entries.length);
		writeU64(view, 88, contents.length);
		view.setUint8(96, 1); // clustered: tile data is in tile-id order
		view.setUint8(97, 2); // internal compression: gzip
		view.setUint8(98, 2); // tile compression: gzip
		view.setUint8(99, 1); // tile type: MVT
		view.setUint8(100, options.minZoom);
		view.setUint8(101, options.maxZoom);
		const [w, s, e, n] = options.bounds;
		view.setInt32(102, e7(w), true);
		view.setInt32(106, e7(s), true);
		view.setInt32(110, e7(e), true);
		view.setInt32(114, e7(n), true);
		view.setUint8(118, options.center[2]);
		view.setInt32(119, e7(options.center[0]), true);
		view.setInt32(123, e7(options.center[1]), true);
		return Buffer.concat([header, root, metadata, ...contents]);
	}
}
