/**
 * Types shared by the import worker, the parsers and the page. An imported file is untrusted:
 * every outcome is either a layer (perhaps with warnings) or a refusal, each message naming what
 * is wrong and where.
 */
import type { BBox } from 'geojson';

export type ImportFormat = 'geojson' | 'kml' | 'gpx' | 'csv';

/** One problem found in a file, in plain words. */
export interface ImportIssue {
	/** Where in the file: "line 3, column 14", "row 12", "<Placemark> 2 at line 40", "the file". */
	where: string;
	message: string;
}

/** How many features of each symbol kind a layer has. */
export interface GeometryCounts {
	points: number;
	lines: number;
	polygons: number;
}

/** What the page keeps of a parsed layer; the features themselves travel as a Blob. */
export interface ParsedLayer {
	format: ImportFormat;
	featureCount: number;
	counts: GeometryCounts;
	bbox: BBox;
	/**
	 * The features as the inside of a GeoJSON `features` array (comma-separated Feature objects,
	 * no brackets), so several layers join into one FeatureCollection without parsing them again.
	 * Each feature's properties are `id`, `category` (the layer id) and `props` (the file's own
	 * properties as a JSON string).
	 */
	features: Blob;
}

export interface CsvColumns {
	lat: string;
	lon: string;
}

export type ImportOutcome =
	| { kind: 'layer'; layer: ParsedLayer; warnings: ImportIssue[] }
	| { kind: 'refused'; issues: ImportIssue[] }
	/** A CSV whose coordinate columns could not be told from their names: the user chooses. */
	| { kind: 'choose-columns'; columns: string[]; guess: Partial<CsvColumns> };

export interface ImportRequest {
	file: Blob;
	name: string;
	layerId: string;
	columns?: CsvColumns;
}

export type WorkerMessage =
	{ type: 'progress'; stage: string; done: number } | { type: 'done'; outcome: ImportOutcome };

/** Reports how far the import is: a stage in words and a fraction from 0 to 1. */
export type ProgressFn = (stage: string, done: number) => void;

/** A refusal with one message, by default about the file as a whole. */
export function refusal(message: string, where = 'the file'): ImportOutcome {
	return { kind: 'refused', issues: [{ where, message }] };
}

/** The refusal of a file with more features (or rows) than one import takes. */
export function tooMany(count: number, noun: string, limit: number): ImportOutcome {
	return refusal(
		`It has ${count.toLocaleString('en')} ${noun}; the atlas imports at most ${limit.toLocaleString('en')} from one file.`
	);
}
