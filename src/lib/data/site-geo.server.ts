/**
 * geo/ as the site's pages read it. While the site is built every prerendered page reads the
 * same files, so they are validated once per build; the dev server reads them afresh each time,
 * so edits to geo/ show on reload. `ATLAS_GEO_DIR` names another folder laid out like geo/: the
 * editor (`npm run edit -- --geo <folder>`) builds from a working copy that way.
 */
import { building } from '$app/environment';
import { loadGeo, type LoadedGeo } from './geo-files.server.ts';

let cached: LoadedGeo | null = null;

/** The folder the site is built from: geo/, or the one ATLAS_GEO_DIR names. */
export function geoDir(): string {
	return process.env.ATLAS_GEO_DIR || 'geo';
}

export function siteGeo(): LoadedGeo {
	if (!building) return loadGeo(geoDir());
	return (cached ??= loadGeo(geoDir()));
}
