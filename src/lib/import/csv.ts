/**
 * CSV import with papaparse: the first row names the columns; latitude and longitude columns are
 * found by their names (lat/latitude/y, lon/lng/long/longitude/x, in several languages), or the
 * user chooses them. Each row becomes a point; rows whose coordinates are missing, not numbers
 * or out of range are left out with a warning that names the row (counted as in a spreadsheet:
 * the header is row 1).
 */
import Papa from 'papaparse';
import { LayerBuilder } from './layer-builder.ts';
import { LIMITS } from './limits.ts';
import { refusal, tooMany, type CsvColumns, type ImportOutcome, type ProgressFn } from './types.ts';

const LAT_NAMES = [
	'lat',
	'latitude',
	'y',
	'lat_dd',
	'latitude_dd',
	'decimallatitude',
	'широта',
	'위도'
];
const LON_NAMES = [
	'lon',
	'lng',
	'long',
	'longitude',
	'x',
	'lon_dd',
	'longitude_dd',
	'decimallongitude',
	'долгота',
	'경도'
];

const normal = (name: string) =>
	name
		.trim()
		.toLowerCase()
		.replace(/\s*\(.*\)$/, '')
		.replace(/[\s-]+/g, '_');

/** The coordinate columns named as such, if both are. */
export function guessColumns(columns: readonly string[]): Partial<CsvColumns> {
	const find = (names: string[]) => columns.find((c) => names.includes(normal(c)));
	const lat = find(LAT_NAMES);
	const lon = find(LON_NAMES);
	return { ...(lat ? { lat } : {}), ...(lon ? { lon } : {}) };
}

/** A coordinate from a cell: a dot or (in files that do not separate with commas) a comma decimal. */
function readNumber(cell: unknown, commaDecimal: boolean): number | null {
	if (typeof cell !== 'string') return null;
	let text = cell.trim();
	if (text === '') return null;
	if (commaDecimal) text = text.replace(',', '.');
	if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(text)) return null;
	return Number(text);
}

export function importCsv(
	text: string,
	layerId: string,
	chosen: CsvColumns | undefined,
	progress: ProgressFn = () => {}
): ImportOutcome {
	const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), {
		header: true,
		skipEmptyLines: 'greedy'
	});
	const columns = (parsed.meta.fields ?? []).filter((c) => c !== '');
	if (columns.length < 2) {
		return refusal(
			'The first row must name the columns, and at least two of them (latitude and longitude) are needed.',
			'row 1'
		);
	}
	if (parsed.data.length > LIMITS.maxFeatures) {
		return tooMany(parsed.data.length, 'rows', LIMITS.maxFeatures);
	}
	const guess = guessColumns(columns);
	const use = chosen ?? (guess.lat && guess.lon ? { lat: guess.lat, lon: guess.lon } : null);
	if (!use) return { kind: 'choose-columns', columns, guess };
	for (const c of [use.lat, use.lon]) {
		if (!columns.includes(c)) {
			return refusal(`There is no column named "${c}".`, 'row 1');
		}
	}
	const commaDecimal = parsed.meta.delimiter !== ',';
	const builder = new LayerBuilder(layerId, 'csv', 'row');
	// papaparse reports rows with the wrong number of cells; say which, and keep what can be read.
	for (const e of parsed.errors.slice(0, 10)) {
		builder.warn(e.row === undefined ? 'the file' : `row ${e.row + 2}`, `${e.message}.`);
	}
	const step = Math.max(1, Math.floor(parsed.data.length / 20));
	parsed.data.forEach((row, i) => {
		if (i % step === 0) progress('Checking the rows', 0.3 + (0.65 * i) / parsed.data.length);
		const where = `row ${i + 2}`;
		const lat = readNumber(row[use.lat], commaDecimal);
		const lon = readNumber(row[use.lon], commaDecimal);
		if (lat === null || lon === null) {
			const [col, cell] = lat === null ? [use.lat, row[use.lat]] : [use.lon, row[use.lon]];
			const shown =
				cell === undefined || cell.trim() === ''
					? 'is empty'
					: `"${cell.slice(0, 30)}" is not a number`;
			builder.warn(where, `This row was left out: its ${col} ${shown}.`);
			return;
		}
		const props: Record<string, string> = {};
		for (const c of columns) {
			if (c !== use.lat && c !== use.lon && row[c] !== undefined) props[c] = row[c];
		}
		builder.add({ type: 'Point', coordinates: [lon, lat] }, props, where);
	});
	return builder.finish();
}
