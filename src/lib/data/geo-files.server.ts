/**
 * The one file in src/lib/data that touches the disk: reads a geo/ tree for the validator and
 * for the build-time data routes. Everything else here runs in the browser too.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import type { FeatureCollection, Geometry } from 'geojson';
import { isGeoDataFile } from './geo-layout.ts';
import { GeoValidationError, type Issue } from './issues.ts';
import { toMapFeatures, type MapFeatureProperties } from './map-features.ts';
import type { Dataset } from './schema.ts';
import { validateGeoFiles, type GeoFiles } from './validate.ts';

/** Every .json and .geojson file under `dir`, keyed by path relative to it with "/" separators. */
export function readGeoDir(dir: string): GeoFiles {
	const files: GeoFiles = {};
	const entries = readdirSync(dir, { recursive: true, withFileTypes: true });
	for (const entry of entries) {
		if (!entry.isFile()) continue;
		const full = join(entry.parentPath, entry.name);
		const key = relative(dir, full).split(sep).join('/');
		// Bytes, not text: the validator decodes them strictly and reports bytes that are not UTF-8.
		if (isGeoDataFile(key)) files[key] = readFileSync(full);
	}
	return Object.fromEntries(Object.entries(files).sort(([a], [b]) => (a < b ? -1 : 1)));
}

/** How a directory is named in messages: relative to the working directory, with a slash. */
export function displayPrefix(dir: string, cwd = process.cwd()): string {
	const rel = relative(cwd, resolve(dir)).split(sep).join('/');
	return rel === '' ? '' : `${rel}/`;
}

export interface LoadedGeo {
	dataset: Dataset;
	/** Features that have a geometry, flattened for MapLibre (see toMapFeatures). */
	features: FeatureCollection<Geometry, MapFeatureProperties>;
	warnings: Issue[];
}

/**
 * Reads and validates a geo/ tree. Throws a GeoValidationError listing every issue when there is
 * any error, so a build never ships data the validator would reject.
 */
export function loadGeo(dir = 'geo'): LoadedGeo {
	const { issues, dataset } = validateGeoFiles(readGeoDir(dir), { prefix: displayPrefix(dir) });
	if (!dataset) throw new GeoValidationError(issues);
	return { dataset, features: toMapFeatures(dataset), warnings: issues };
}
