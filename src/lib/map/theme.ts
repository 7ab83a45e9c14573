/**
 * Every colour the map draws with. Layer builders take a theme and never hard-code colours, so a
 * print or high-contrast variant is a new theme object, not a hunt through layer code.
 *
 * The default is a quiet, print-friendly palette: a pale, low-contrast basemap so deployment
 * layers carry the colour, and lines dark enough to survive greyscale printing.
 */
export interface BasemapTheme {
	water: string;
	land: string;
	/** The country the deployments are in (Russia): a faint warm tint for orientation. */
	hostCountry: string;
	/** The country the personnel come from (North Korea). */
	originCountry: string;
	countryBoundary: string;
	regionBoundary: string;
	countryLabel: string;
	regionLabel: string;
	placeLabel: string;
	placeDot: string;
	labelHalo: string;
}

export interface Theme {
	name: string;
	basemap: BasemapTheme;
}

export const defaultTheme: Theme = {
	name: 'print',
	basemap: {
		water: '#dde6ed',
		land: '#f8f7f3',
		hostCountry: '#f3efe4',
		originCountry: '#efe8e6',
		countryBoundary: '#7d8590',
		regionBoundary: '#c3c7cd',
		countryLabel: '#5a626c',
		regionLabel: '#848b94',
		placeLabel: '#2b3036',
		placeDot: '#3d434a',
		labelHalo: '#ffffff'
	}
};
