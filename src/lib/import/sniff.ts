/**
 * What a file really is, from its first bytes, before anything parses it: a PNG renamed
 * `.geojson`, a ZIP (or KMZ) archive, an empty file and other binary data are refused here with
 * a message saying what the file looks like. Archives are never unpacked, so a zip bomb costs
 * nothing.
 */
import type { ImportFormat, ImportIssue } from './types.ts';

const SIGNATURES: Array<{ bytes: number[]; what: string }> = [
	{ bytes: [0x89, 0x50, 0x4e, 0x47], what: 'a PNG image' },
	{ bytes: [0xff, 0xd8, 0xff], what: 'a JPEG image' },
	{ bytes: [0x47, 0x49, 0x46, 0x38], what: 'a GIF image' },
	{ bytes: [0x25, 0x50, 0x44, 0x46], what: 'a PDF document' },
	{
		bytes: [0x50, 0x4b, 0x03, 0x04],
		what: 'a ZIP archive (KMZ, XLSX and DOCX files are ZIP archives)'
	},
	{ bytes: [0x50, 0x4b, 0x05, 0x06], what: 'an empty ZIP archive' },
	{ bytes: [0x1f, 0x8b], what: 'a gzip-compressed file' },
	{ bytes: [0x42, 0x5a, 0x68], what: 'a bzip2-compressed file' },
	{ bytes: [0x37, 0x7a, 0xbc, 0xaf], what: 'a 7-Zip archive' },
	{ bytes: [0x52, 0x61, 0x72, 0x21], what: 'a RAR archive' },
	{ bytes: [0x53, 0x51, 0x4c, 0x69, 0x74, 0x65], what: 'an SQLite database (a GeoPackage?)' },
	{ bytes: [0xd0, 0xcf, 0x11, 0xe0], what: 'an old Microsoft Office document' }
];

const EXTENSIONS: Record<string, ImportFormat> = {
	geojson: 'geojson',
	json: 'geojson',
	kml: 'kml',
	gpx: 'gpx',
	csv: 'csv',
	tsv: 'csv',
	txt: 'csv'
};

export const ACCEPTED_EXTENSIONS = Object.keys(EXTENSIONS).map((e) => `.${e}`);

export function extensionOf(name: string): string {
	const dot = name.lastIndexOf('.');
	return dot === -1 ? '' : name.slice(dot + 1).toLowerCase();
}

const refuse = (message: string): { ok: false; issue: ImportIssue } => ({
	ok: false,
	issue: { where: 'the file', message }
});

/** The format named by the file's extension, checked against its first bytes. */
export function sniff(
	name: string,
	head: Uint8Array
): { ok: true; format: ImportFormat } | { ok: false; issue: ImportIssue } {
	if (head.length === 0) return refuse('The file is empty (0 bytes).');
	for (const { bytes, what } of SIGNATURES) {
		if (bytes.every((b, i) => head[i] === b)) {
			const extra = what.startsWith('a ZIP')
				? ' The atlas does not unpack archives: unzip it and import the GeoJSON, KML, GPX or CSV file inside.'
				: '';
			return refuse(
				`"${name}" is ${what}, not a GeoJSON, KML, GPX or CSV file, whatever its name says.${extra}`
			);
		}
	}
	// Text never holds NUL bytes (UTF-16 files do, and are refused with the same words).
	if (head.includes(0)) {
		return refuse(
			`"${name}" holds binary data, not text: it is not a GeoJSON, KML, GPX or CSV file (UTF-16 text must be saved as UTF-8).`
		);
	}
	const text = new TextDecoder()
		.decode(head)
		.replace(/^\uFEFF/, '')
		.trimStart();
	const looks: ImportFormat | null =
		text.startsWith('{') || text.startsWith('[')
			? 'geojson'
			: /^<(\?xml|!--|kml|gpx|!DOCTYPE)/i.test(text)
				? /<gpx[\s>]/i.test(text)
					? 'gpx'
					: 'kml'
				: null;
	const ext = extensionOf(name);
	const named = EXTENSIONS[ext];
	if (!named) {
		if (looks) return { ok: true, format: looks };
		return refuse(
			`"${name}" has no extension the atlas reads: use .geojson, .json, .kml, .gpx or .csv.`
		);
	}
	if (named === 'csv') {
		if (looks === 'geojson' || looks === 'kml' || looks === 'gpx') {
			return refuse(
				`"${name}" is named as CSV but its content starts like ${looks === 'geojson' ? 'JSON' : 'XML'}: rename it to match what it holds.`
			);
		}
		return { ok: true, format: 'csv' };
	}
	if (named === 'geojson' && looks !== 'geojson') {
		return refuse(
			`"${name}" is named as GeoJSON but does not start with "{" or "[": ${looks ? `it looks like ${looks.toUpperCase()}` : 'it is not JSON'}.`
		);
	}
	if ((named === 'kml' || named === 'gpx') && looks !== 'kml' && looks !== 'gpx') {
		return refuse(`"${name}" is named as ${named.toUpperCase()} but does not start like XML.`);
	}
	if ((named === 'kml' || named === 'gpx') && looks && looks !== named) {
		return { ok: true, format: looks };
	}
	return { ok: true, format: named };
}
