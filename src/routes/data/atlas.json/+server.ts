/**
 * The evidence dataset as one static JSON file, written at build time from geo/ after full
 * validation (a geo/ mistake fails the build with the validator's located messages).
 */
import { json } from '@sveltejs/kit';
import { siteGeo } from '$lib/data/site-geo.server.ts';

export const prerender = true;

export function GET(): Response {
	return json(siteGeo().dataset);
}
