/**
 * Where a claim puts people, and which claims may speak for a place on the map. A zone's label
 * and headline figures come only from claims whose scope is the zone's own place; a figure the
 * source gives for Russia as a whole, for a wider area or for no place at all is shown in the
 * panel under its own heading and in the list of unlocated reporting, never as a region's figure.
 * Opinions are shown but never count as support. Used by the validator's rules and the UI alike.
 */
import { AREA_LABELS, COUNTRY_LABELS, type AreaId } from './vocabulary.ts';
import type { Claim, DeploymentFeature, Scope } from './schema.ts';

/** The place a feature stands for, read from its geometry recipe. */
export type Place =
	| { kind: 'regions'; regions: string[] }
	| { kind: 'area'; area: AreaId }
	/** A point at a city: events happen there, but no claim puts people at a city. */
	| { kind: 'city'; geonames_id: number }
	/** Not drawn, or drawn from something that stands for no named place. */
	| { kind: 'none' };

/**
 * A feature's place: the region it is drawn from, the named area its recipe says it depicts, or
 * for a flow, the place it leads to (the people it shows arrive there).
 */
export function featurePlace(
	feature: DeploymentFeature,
	features: ReadonlyMap<string, DeploymentFeature>,
	seen: ReadonlySet<string> = new Set()
): Place {
	const gp = feature.properties.geometry_provenance;
	switch (gp.method) {
		case 'admin1':
		case 'admin1-label':
			return { kind: 'regions', regions: [gp.iso_3166_2] };
		case 'admin1-union':
		case 'buffer-inside-border':
			return gp.area ? { kind: 'area', area: gp.area } : { kind: 'none' };
		case 'admin1-set':
			return { kind: 'regions', regions: gp.iso_3166_2 };
		case 'place':
			return { kind: 'city', geonames_id: gp.geonames_id };
		// A drawn outline is an analyst's shape, not a place the sources name.
		case 'drawn':
		case 'none':
			return { kind: 'none' };
		case 'great-circle': {
			const to = gp.to;
			if (to.kind === 'admin1-label') return { kind: 'regions', regions: [to.iso_3166_2] };
			if (to.kind === 'place') return { kind: 'city', geonames_id: to.geonames_id };
			const target = features.get(to.feature);
			// A flow that ends at itself (or a loop of flows) stands for no place.
			if (!target || seen.has(feature.id)) return { kind: 'none' };
			return featurePlace(target, features, new Set([...seen, feature.id]));
		}
	}
}

const sameSet = (a: readonly string[], b: readonly string[]) =>
	a.length === b.length && [...a].sort().join('|') === [...b].sort().join('|');

/** True when the claim's scope is exactly the place: the claim names that place and no other. */
export function scopeIsPlace(scope: Scope, place: Place): boolean {
	if (scope.kind === 'regions')
		return place.kind === 'regions' && sameSet(scope.regions, place.regions);
	if (scope.kind === 'area') return place.kind === 'area' && scope.area === place.area;
	return false;
}

/** An opinion is shown, but a place, a confidence or a count of sources never rests on it. */
export function isEvidence(claim: Claim): boolean {
	return claim.basis !== 'opinion';
}

/** Claims that may set a feature's label, headline figures and confidence. */
export function placeClaims(claims: readonly Claim[], place: Place): Claim[] {
	return claims.filter((c) => isEvidence(c) && scopeIsPlace(c.scope, place));
}

/**
 * The claims that support a feature being where it is drawn, and so set its confidence (hatch
 * density) and its count of claims: for a zone or flow, the reports that name its place; for an
 * event point or an undrawn feature, every report it lists. Opinions never count.
 */
export function supportClaims(claims: readonly Claim[], place: Place): Claim[] {
	if (place.kind === 'city' || place.kind === 'none') return claims.filter(isEvidence);
	return placeClaims(claims, place);
}

/** What a scope covers, in a few words: "Kursk region", "Russia as a whole", "no place named". */
export function scopePlaceName(scope: Scope, regionName: (code: string) => string): string {
	switch (scope.kind) {
		case 'regions':
			return scope.regions.map(regionName).join(', ');
		case 'area':
			return AREA_LABELS[scope.area];
		case 'country':
			return `${COUNTRY_LABELS[scope.country] ?? scope.country} as a whole`;
		case 'none':
			return 'no place named';
	}
}

/** A sentence for the panel: where the claim puts people, with the source's own words. */
export function describeScope(scope: Scope, regionName: (code: string) => string): string {
	const where =
		scope.kind === 'none' ? 'Place: none named' : `Place: ${scopePlaceName(scope, regionName)}`;
	const words = scope.words ? ` (the source says "${scope.words}")` : '';
	const note = scope.note ? ` ${scope.note}` : '';
	return `${where}${words}.${note}`;
}

export interface ScopeGroup {
	/** Stable key: "regions:RU-KRS", "area:russian-far-east", "country:RU", "none". */
	key: string;
	/** "Figures for Russia as a whole", "Reporting that names no place". */
	heading: string;
	claims: Claim[];
}

function scopeKey(scope: Scope): string {
	switch (scope.kind) {
		case 'regions':
			return `regions:${[...scope.regions].sort().join(',')}`;
		case 'area':
			return `area:${scope.area}`;
		case 'country':
			return `country:${scope.country}`;
		case 'none':
			return 'none';
	}
}

/**
 * "Figures for Russia as a whole" when any of the claims gives a number, "Reporting for ..."
 * when none does, "... that names no place" for claims without a place.
 */
export function scopeHeading(
	scope: Scope,
	regionName: (code: string) => string,
	withFigures: boolean
): string {
	const what = withFigures ? 'Figures' : 'Reporting';
	return scope.kind === 'none'
		? `${what} that name${withFigures ? '' : 's'} no place`
		: `${what} for ${scopePlaceName(scope, regionName)}`;
}

/**
 * A feature's claims split by scope: those about its own place (opinions included, for the
 * panel to show apart), then the others grouped under a heading each, in the order first listed.
 */
export function claimsByScope(
	claims: readonly Claim[],
	place: Place,
	regionName: (code: string) => string
): { here: Claim[]; elsewhere: ScopeGroup[] } {
	const here: Claim[] = [];
	const groups = new Map<string, Claim[]>();
	for (const claim of claims) {
		if (scopeIsPlace(claim.scope, place)) {
			here.push(claim);
			continue;
		}
		const key = scopeKey(claim.scope);
		groups.set(key, [...(groups.get(key) ?? []), claim]);
	}
	const elsewhere = [...groups.entries()].map(([key, group]) => ({
		key,
		heading: scopeHeading(
			group[0]!.scope,
			regionName,
			group.some((c) => c.figure !== null)
		),
		claims: group
	}));
	return { here, elsewhere };
}

/**
 * Claims no drawn feature can show as its own: their scope is a whole country, an area no
 * feature depicts, or no place. They get a list of their own ("Unlocated reporting").
 */
export function unlocatedClaims(
	claims: readonly Claim[],
	features: readonly DeploymentFeature[]
): Claim[] {
	const byId = new Map(features.map((f) => [f.id, f]));
	const places = features.filter((f) => f.geometry !== null).map((f) => featurePlace(f, byId));
	return claims.filter((c) => !places.some((p) => scopeIsPlace(c.scope, p)));
}
