/**
 * Text metadata in PNG files: the exported figure carries its title and its numbered source list
 * (PNG iTXt chunks, UTF-8), so the citations travel with the image into a report's asset folder.
 * Pure byte handling; no DOM.
 */

const SIGNATURE = [137, 80, 78, 71, 13, 10, 26, 10];

let table: Uint32Array | null = null;

function crc32(bytes: Uint8Array): number {
	if (!table) {
		table = new Uint32Array(256);
		for (let n = 0; n < 256; n++) {
			let c = n;
			for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
			table[n] = c >>> 0;
		}
	}
	let crc = 0xffffffff;
	for (const b of bytes) crc = table[(crc ^ b) & 0xff]! ^ (crc >>> 8);
	return (crc ^ 0xffffffff) >>> 0;
}

function isPng(bytes: Uint8Array): boolean {
	return SIGNATURE.every((b, i) => bytes[i] === b);
}

/** One iTXt chunk: keyword (Latin-1, 1-79 chars), uncompressed UTF-8 text. */
function itxtChunk(keyword: string, text: string): Uint8Array {
	if (!/^[\x20-\x7e]{1,79}$/.test(keyword)) throw new Error(`Bad PNG text keyword: ${keyword}`);
	const enc = new TextEncoder();
	const body = [
		...enc.encode(keyword),
		0, // keyword terminator
		0, // not compressed
		0, // compression method
		0, // empty language tag, terminated
		0, // empty translated keyword, terminated
		...enc.encode(text)
	];
	const type = enc.encode('iTXt');
	const chunk = new Uint8Array(12 + body.length);
	const view = new DataView(chunk.buffer);
	view.setUint32(0, body.length);
	chunk.set(type, 4);
	chunk.set(body, 8);
	view.setUint32(8 + body.length, crc32(chunk.subarray(4, 8 + body.length)));
	return chunk;
}

/** The PNG with the entries added as iTXt chunks just before its end (IEND). */
export function addPngText(png: Uint8Array, entries: Record<string, string>): Uint8Array {
	if (!isPng(png)) throw new Error('Not a PNG file.');
	const iend = png.length - 12;
	const chunks = Object.entries(entries).map(([k, v]) => itxtChunk(k, v));
	const size = chunks.reduce((n, c) => n + c.length, 0);
	const out = new Uint8Array(png.length + size);
	out.set(png.subarray(0, iend), 0);
	let at = iend;
	for (const c of chunks) {
		out.set(c, at);
		at += c.length;
	}
	out.set(png.subarray(iend), at);
	return out;
}

/** Reads the iTXt and tEXt entries of a PNG (for tests and the render CLI's checks). */
export function readPngText(png: Uint8Array): Record<string, string> {
	if (!isPng(png)) throw new Error('Not a PNG file.');
	const out: Record<string, string> = {};
	const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
	const dec = new TextDecoder();
	for (let at = 8; at + 12 <= png.length;) {
		const length = view.getUint32(at);
		const type = dec.decode(png.subarray(at + 4, at + 8));
		const data = png.subarray(at + 8, at + 8 + length);
		if (type === 'iTXt' || type === 'tEXt') {
			const zero = data.indexOf(0);
			const keyword = dec.decode(data.subarray(0, zero));
			if (type === 'tEXt') {
				out[keyword] = new TextDecoder('latin1').decode(data.subarray(zero + 1));
			} else if (data[zero + 1] === 0) {
				// Skip compression flag and method, then the language tag and translated keyword.
				let p = zero + 3;
				p = data.indexOf(0, p) + 1;
				p = data.indexOf(0, p) + 1;
				out[keyword] = dec.decode(data.subarray(p));
			}
		}
		at += 12 + length;
	}
	return out;
}
