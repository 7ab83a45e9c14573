/**
 * Stated limits for imported files (the README lists them). They keep one browser tab within
 * memory a laptop has and refuse input built to exhaust it.
 */
export const LIMITS = {
	/** Largest file accepted, in bytes. */
	maxBytes: 200 * 1024 * 1024,
	/** Most features (GeoJSON, KML, GPX) or rows (CSV) in one file. */
	maxFeatures: 500_000,
	/** Deepest nesting of JSON arrays and objects; a polygon needs 5 inside a FeatureCollection. */
	maxJsonDepth: 64,
	/** Deepest nesting of GeometryCollections. */
	maxCollectionDepth: 4,
	/** Files up to this size get line and column for every GeoJSON problem (@placemarkio/check-geojson). */
	locatedCheckBytes: 8 * 1024 * 1024,
	/** Warnings listed one by one; the rest are counted. */
	maxListedWarnings: 50,
	/** Layers kept at once. */
	maxLayers: 30
} as const;

export function formatBytes(bytes: number): string {
	if (bytes < 1024) return `${bytes} bytes`;
	if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
	return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
