/** A reference city from the basemap, as the search box offers it. */
export interface Place {
	name: string;
	/** ISO 3166-1 alpha-2. */
	country: string;
	/** Cartographic tier, 1 (most prominent) to 3. */
	rank: number;
	lon: number;
	lat: number;
}
