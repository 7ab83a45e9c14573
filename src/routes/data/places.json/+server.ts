/** The basemap's reference cities, for the search box: name, country and position. */
import { readFileSync } from 'node:fs';
import { json } from '@sveltejs/kit';
import type { FeatureCollection, Point } from 'geojson';
import type { Place } from '$lib/state/places.ts';

export const prerender = true;

export function GET(): Response {
	const fc = JSON.parse(readFileSync('geo/basemap/places.geojson', 'utf8')) as FeatureCollection<
		Point,
		{ name: string; country: string; rank: number }
	>;
	const places: Place[] = fc.features.map((f) => ({
		name: f.properties.name,
		country: f.properties.country,
		rank: f.properties.rank,
		lon: f.geometry.coordinates[0]!,
		lat: f.geometry.coordinates[1]!
	}));
	return json(places);
}
