/**
 * zone-scope: a zone or flow on the map must rest on at least one report whose scope is its own
 * place. A figure the source gives for Russia as a whole, for a wider area or for no place may be
 * listed on a zone (the panel shows it under its own heading), but it cannot be the only thing
 * that puts the zone there, and a zone's label never shows it.
 */
import { featurePlace, placeClaims, type Place } from '../scope.ts';
import type { Claim, DeploymentFeature } from '../schema.ts';
import type { Rule } from './types.ts';

/** Events are points where something was said; zones and flows are where people are. */
const ZONE_METHODS = new Set([
	'admin1',
	'admin1-union',
	'admin1-set',
	'buffer-inside-border',
	'great-circle'
]);

function placeText(place: Place): string {
	switch (place.kind) {
		case 'regions':
			return `region ${place.regions.join(', ')}`;
		case 'area':
			return `area "${place.area}"`;
		case 'city':
			return `GeoNames place ${place.geonames_id}`;
		case 'none':
			return 'no named place';
	}
}

export const zoneScope: Rule = {
	id: 'zone-scope',
	severity: 'error',
	check({ model }) {
		if (!model.loaded.has('claims')) return [];
		const claims = new Map(model.claims.map((c) => [c.value.id, c.value]));
		const features = new Map<string, DeploymentFeature>(
			model.features.map((f) => [f.value.id, f.value])
		);
		return model.features.flatMap((f) => {
			const feature = f.value;
			const gp = feature.properties.geometry_provenance;
			if (!ZONE_METHODS.has(gp.method)) return [];
			// A claim that failed the schema cannot be judged; the schema rule has reported it.
			if (feature.properties.claims.some((id) => model.rejected.claims.has(id))) return [];
			const listed = feature.properties.claims.flatMap((id): Claim[] => {
				const claim = claims.get(id);
				return claim ? [claim] : [];
			});
			const place = featurePlace(feature, features);
			if (placeClaims(listed, place).length > 0) return [];
			return [
				{
					source: f.source,
					path: [...f.path, 'properties', 'claims'],
					message: `Feature "${feature.id}" stands for ${placeText(place)}, but none of its claims is a report whose "scope" names that place; a zone may not rest only on figures for a whole country, a wider area or no place. List a claim that names it, or set the recipe's "area" if the zone depicts a named area.`
				}
			];
		});
	}
};
