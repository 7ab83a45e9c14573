/**
 * Applies each feature's geometry recipe (properties.geometry_provenance) and returns the new
 * text of geo/features.geojson. Authored properties are kept as they are; the recipe's `derived`
 * block and the geometry are rewritten. Pure code (no disk, no network): `npm run geo:derive`
 * and the editor's save use it in Node, the editor's map preview in the browser.
 */
import * as v from 'valibot';
import { DeploymentFeatureSchema, type Anchor, type DeploymentFeature } from '../schema.ts';
import {
	deriveAdmin1,
	deriveAdmin1Label,
	deriveBorderBand,
	deriveDrawn,
	deriveGreatCircle,
	derivePlace,
	deriveRegionSet,
	deriveRegionUnion,
	type Admin1,
	type LonLat,
	type Places,
	type Polygonal
} from './geometry.ts';
import { formatFeatureCollection } from '../geo-json-format.ts';

export interface Basemap {
	admin1: Admin1;
	places: Places;
}

function parseFeatures(text: string): DeploymentFeature[] {
	const raw = JSON.parse(text) as { features?: unknown };
	if (!Array.isArray(raw.features)) throw new Error('features.geojson has no "features" list.');
	return raw.features.map((f, i) => {
		const result = v.safeParse(DeploymentFeatureSchema, f);
		if (!result.success) {
			throw new Error(
				`Feature ${i + 1} does not match the schema; run npm run geo:check for details.`
			);
		}
		return result.output;
	});
}

/** Flows end at other features, so polygons are derived first and flows after them. */
const FIRST_PASS = new Set([
	'admin1',
	'admin1-union',
	'buffer-inside-border',
	'place',
	'admin1-label',
	'none',
	'admin1-set',
	'drawn'
]);

export function deriveFeatures(
	features: DeploymentFeature[],
	basemap: Basemap
): DeploymentFeature[] {
	const done = new Map<string, DeploymentFeature>();
	const anchorPoint = (anchor: Anchor): LonLat => {
		if (anchor.kind === 'place')
			return derivePlace(basemap.places, anchor.geonames_id).derived.label_point;
		if (anchor.kind === 'admin1-label') {
			return deriveAdmin1Label(basemap.admin1, anchor.iso_3166_2).derived.label_point;
		}
		const target = done.get(anchor.feature);
		const gp = target?.properties.geometry_provenance;
		if (!gp || gp.method === 'none' || gp.method === 'great-circle' || !gp.derived) {
			throw new Error(`Flow anchor "${anchor.feature}" is not a derived polygon or point feature.`);
		}
		return gp.derived.label_point as LonLat;
	};
	const derive = (f: DeploymentFeature): DeploymentFeature => {
		const gp = f.properties.geometry_provenance;
		const withResult = (
			result: { geometry: DeploymentFeature['geometry']; derived: object },
			recipe: typeof gp
		): DeploymentFeature => ({
			...f,
			properties: {
				...f.properties,
				geometry_provenance: { ...recipe, derived: result.derived } as typeof gp
			},
			geometry: result.geometry
		});
		switch (gp.method) {
			case 'admin1':
				return withResult(deriveAdmin1(basemap.admin1, gp.iso_3166_2), gp);
			case 'admin1-label':
				return withResult(deriveAdmin1Label(basemap.admin1, gp.iso_3166_2), gp);
			case 'place':
				return withResult(derivePlace(basemap.places, gp.geonames_id), gp);
			case 'admin1-union':
				return withResult(deriveRegionUnion(basemap.admin1, gp), gp);
			case 'buffer-inside-border':
				return withResult(deriveBorderBand(basemap.admin1, gp), gp);
			case 'great-circle':
				return withResult(
					deriveGreatCircle(anchorPoint(gp.from), anchorPoint(gp.to), gp.npoints),
					gp
				);
			case 'none':
				return { ...f, geometry: null };
			case 'admin1-set':
				return withResult(
					deriveRegionSet(basemap.admin1, gp.iso_3166_2, gp.simplify_tolerance_deg),
					gp
				);
			case 'drawn':
				if (f.geometry?.type !== 'Polygon' && f.geometry?.type !== 'MultiPolygon') {
					throw new Error(`Feature "${f.id}" is drawn but has no polygon.`);
				}
				return withResult(deriveDrawn(f.geometry as Polygonal), gp);
		}
	};
	for (const f of features) {
		if (FIRST_PASS.has(f.properties.geometry_provenance.method)) done.set(f.id, derive(f));
	}
	for (const f of features) {
		if (!done.has(f.id)) done.set(f.id, derive(f));
	}
	// Keep the authors' order.
	return features.map((f) => done.get(f.id)!);
}

export function deriveFeaturesText(featuresText: string, basemap: Basemap): string {
	return formatFeatureCollection(deriveFeatures(parseFeatures(featuresText), basemap));
}

export function parseBasemap(admin1Text: string, placesText: string): Basemap {
	return { admin1: JSON.parse(admin1Text) as Admin1, places: JSON.parse(placesText) as Places };
}
