import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { addPngText, readPngText } from '../../../src/lib/export/png-text.ts';

function tinyPng(): Uint8Array {
	const png = new PNG({ width: 2, height: 1 });
	png.data.fill(255);
	return new Uint8Array(PNG.sync.write(png));
}

describe('PNG text metadata', () => {
	it('adds UTF-8 entries that read back unchanged and leave the image intact', () => {
		const text = 'Sources:\n[1] Outlet not named — «Курск», 평양 (no link on file)';
		const out = addPngText(tinyPng(), { Title: 'Kursk builders', Description: text });
		expect(readPngText(out)).toEqual({ Title: 'Kursk builders', Description: text });
		const decoded = PNG.sync.read(Buffer.from(out));
		expect([decoded.width, decoded.height]).toEqual([2, 1]);
	});

	it('refuses what is not a PNG and keywords PNG does not allow', () => {
		expect(() => addPngText(new Uint8Array([1, 2, 3]), {})).toThrow('Not a PNG');
		expect(() => addPngText(tinyPng(), { '': 'x' })).toThrow('keyword');
		expect(() => addPngText(tinyPng(), { ['a'.repeat(80)]: 'x' })).toThrow('keyword');
	});
});
