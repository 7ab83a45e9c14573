/**
 * npm run geo:derive [-- --check]
 *
 * Writes the geometry of every feature in geo/features.geojson from its recipe
 * (properties.geometry_provenance), using only geo/basemap/*.geojson. Deterministic: running it
 * twice changes nothing. With --check it writes nothing and exits 1 if the file is out of date.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { deriveFeaturesText, parseBasemap } from '../src/lib/data/derive/features.ts';

const FEATURES = 'geo/features.geojson';

function main(argv: string[]): number {
	const checkOnly = argv.includes('--check');
	const basemap = parseBasemap(
		readFileSync('geo/basemap/admin1.geojson', 'utf8'),
		readFileSync('geo/basemap/places.geojson', 'utf8')
	);
	const before = readFileSync(FEATURES, 'utf8');
	const after = deriveFeaturesText(before, basemap);
	const kb = (Buffer.byteLength(after) / 1024).toFixed(0);
	if (after === before) {
		console.log(`geo:derive: ${FEATURES} is up to date (${kb} KB).`);
		return 0;
	}
	if (checkOnly) {
		console.error(`geo:derive: ${FEATURES} is out of date; run npm run geo:derive.`);
		return 1;
	}
	writeFileSync(FEATURES, after);
	console.log(`geo:derive: wrote ${FEATURES} (${kb} KB).`);
	return 0;
}

try {
	process.exitCode = main(process.argv.slice(2));
} catch (e) {
	console.error(`geo:derive: ${(e as Error).message}`);
	process.exitCode = 1;
}
