/**
 * geo/ as the site's pages read it. While the site is built every prerendered page reads the
 * same files, so they are validated once per build; the dev server reads them afresh each time,
 * so edits to geo/ show on reload.
 */
import { building } from '$app/environment';
import { loadGeo, type LoadedGeo } from './geo-files.server.ts';

let cached: LoadedGeo | null = null;

export function siteGeo(): LoadedGeo {
	if (!building) return loadGeo('geo');
	return (cached ??= loadGeo('geo'));
}
