/** The basemap's reference cities as one static JSON file (name, country, tier, position). */
import { json } from '@sveltejs/kit';
import { readPlaces } from '$lib/data/places.server.ts';

export const prerender = true;

export function GET(): Response {
	return json(readPlaces());
}
