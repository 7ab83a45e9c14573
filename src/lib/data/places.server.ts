/** Reads the basemap's reference cities (geo/basemap/places.geojson) for search. */
import { readFileSync } from 'node:fs';
import type { FeatureCollection, Point } from 'geojson';
import type { Place } from '../state/places.ts';

export function readPlaces(path = 'geo/basemap/places.geojson'): Place[] {
	const fc = JSON.parse(readFileSync(path, 'utf8')) as FeatureCollection<
		Point,
		{ name: string; country: string; rank: number }
	>;
	return fc.features.map((f) => ({
		name: f.properties.name,
		country: f.properties.country,
		rank: f.properties.rank,
		lon: f.geometry.coordinates[0]!,
		lat: f.geometry.coordinates[1]!
	}));
}
