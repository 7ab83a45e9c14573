/**
 * Which file under geo/ holds what. Keys are paths relative to the geo/ root, with "/" separators.
 */
export const GEO_FILES = {
	documents: 'documents.json',
	claimants: 'claimants.json',
	claims: 'claims.json',
	features: 'features.geojson',
	admin1: 'basemap/admin1.geojson',
	places: 'basemap/places.geojson'
} as const;

/** Files the evidence model cannot do without. The basemap is optional for validation. */
export const REQUIRED_FILES = [
	GEO_FILES.documents,
	GEO_FILES.claimants,
	GEO_FILES.claims,
	GEO_FILES.features
] as const;

export function isBriefingFile(key: string): boolean {
	return /^briefings\/[^/]+\.json$/.test(key);
}

export function isGeojsonFile(key: string): boolean {
	return key.endsWith('.geojson');
}

/** Files the validator reads; anything else under geo/ (a README, say) is not data. */
export function isGeoDataFile(key: string): boolean {
	return key.endsWith('.json') || key.endsWith('.geojson');
}
