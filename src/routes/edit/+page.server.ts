/**
 * The editor's data, read at build time: the text of each editable geo/ file (the base a draft
 * is applied to, also under a static host where the editor can only offer downloads), the
 * evidence to pick from, and the basemap's regions and places by name. Under `npm run edit` the
 * page reads the files afresh from the edit server instead.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GEO_FILES } from '$lib/data/geo-layout.ts';
import { geoDir, siteGeo } from '$lib/data/site-geo.server.ts';
import type { PageServerLoad } from './$types';

const EDITABLE = [GEO_FILES.documents, GEO_FILES.claimants, GEO_FILES.claims, GEO_FILES.features];

interface Named<P> {
	features: { properties: P }[];
}

const isRegionCode = (code: string) => /^[A-Z]{2}-[A-Z0-9]{1,3}$/.test(code);

export const load: PageServerLoad = () => {
	const admin1 = JSON.parse(readFileSync('geo/basemap/admin1.geojson', 'utf8')) as Named<{
		iso_3166_2: string;
		country: string;
		name_en: string;
	}>;
	const places = JSON.parse(readFileSync('geo/basemap/places.geojson', 'utf8')) as Named<{
		name: string;
		country: string;
		geonames_id: number;
	}>;
	return {
		dataset: siteGeo().dataset,
		files: Object.fromEntries(EDITABLE.map((f) => [f, readFileSync(join(geoDir(), f), 'utf8')])),
		regions: admin1.features
			.map((f) => f.properties)
			// Only real subdivisions: Natural Earth also has unnamed slivers with made-up codes
			// ("RU-X01~") that no source could name.
			.filter((p) => (p.country === 'RU' || p.country === 'UA') && isRegionCode(p.iso_3166_2))
			.filter((p) => p.name_en.trim() !== '')
			.map((p) => ({ iso: p.iso_3166_2, name: p.name_en, country: p.country }))
			.sort((a, b) => a.country.localeCompare(b.country) || a.name.localeCompare(b.name)),
		places: places.features
			.map((f) => f.properties)
			.map((p) => ({ id: p.geonames_id, name: p.name, country: p.country }))
			.sort((a, b) => a.name.localeCompare(b.name))
	};
};
