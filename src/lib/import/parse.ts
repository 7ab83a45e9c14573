/**
 * One entry point for every imported file, used by the import worker and by the unit tests:
 * reads the bytes, refuses what is not what its name says, decodes UTF-8 strictly, and hands the
 * text to the format's importer.
 */
import { importCsv } from './csv.ts';
import { importGeojson } from './geojson.ts';
import { formatBytes, LIMITS } from './limits.ts';
import { sniff } from './sniff.ts';
import { refusal, type ImportOutcome, type ImportRequest, type ProgressFn } from './types.ts';
import { importXml } from './xml.ts';

export async function importFile(
	request: ImportRequest,
	progress: ProgressFn = () => {}
): Promise<ImportOutcome> {
	const { file, name, layerId } = request;
	if (file.size > LIMITS.maxBytes) {
		return refusal(
			`"${name}" is ${formatBytes(file.size)}; the atlas imports files up to ${formatBytes(LIMITS.maxBytes)}.`
		);
	}
	progress('Reading the file', 0.05);
	const bytes = new Uint8Array(await file.arrayBuffer());
	const kind = sniff(name, bytes.subarray(0, 512));
	if (!kind.ok) return { kind: 'refused', issues: [kind.issue] };
	let text: string;
	try {
		text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
	} catch {
		return refusal(
			`"${name}" is not UTF-8 text: save it as UTF-8 (most GIS programs and spreadsheets offer it) and import it again.`
		);
	}
	progress('Parsing', 0.15);
	switch (kind.format) {
		case 'geojson':
			return importGeojson(text, layerId, progress);
		case 'kml':
		case 'gpx':
			return importXml(text, kind.format, layerId, progress);
		case 'csv':
			return importCsv(text, layerId, request.columns, progress);
	}
}
