/**
 * geo/ as the site's pages read it. While the site is built every prerendered page reads the
 * same files, so they are validated once per build; the dev server reads them afresh each time,
 * so edits to geo/ show on reload. `ATLAS_GEO_DIR` names another folder laid out like geo/: the
 * editor (`npm run edit -- --geo <folder>`) builds from a working copy that way.
 */
import { building } from '$app/environment';
import { loadGeo, type LoadedGeo } from './geo-files.server.ts';

let cached: LoadedGeo | null = null;

export function siteGeo(): LoadedGeo {
	const dir = process.env.ATLAS_GEO_DIR || 'geo';
	if (!building) return loadGeo(dir);
	return (cached ??= loadGeo(dir));
}
