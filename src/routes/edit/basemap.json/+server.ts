/**
 * The basemap's admin-1 regions and places as one static file, fetched by the browser only when
 * a draft needs them: to derive a draft's recipe geometry for the preview the way geo:derive
 * will on save, and for the editor's region map.
 */
import { readFileSync } from 'node:fs';

export const prerender = true;

export function GET(): Response {
	const admin1 = readFileSync('geo/basemap/admin1.geojson', 'utf8');
	const places = readFileSync('geo/basemap/places.geojson', 'utf8');
	return new Response(`{"admin1":${admin1},"places":${places}}`, {
		headers: { 'content-type': 'application/json' }
	});
}
