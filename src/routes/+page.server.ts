/**
 * The page's data, read at build time: the evidence through the validator and its schema
 * (loadGeo throws, failing the build with located messages, if geo/ has any error) and the
 * reference places for search. Prerendering inlines the result into the page, so the browser
 * neither fetches nor re-validates it.
 */
import { siteGeo } from '$lib/data/site-geo.server.ts';
import { readPlaces } from '$lib/data/places.server.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = () => ({
	dataset: siteGeo().dataset,
	places: readPlaces()
});
