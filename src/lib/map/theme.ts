/**
 * Every colour the map draws with. Layer builders take a theme and never hard-code colours, so a
 * print or high-contrast variant is a new theme object, not a hunt through layer code.
 *
 * The default is a quiet, print-friendly palette: a pale, low-contrast basemap so deployment
 * layers carry the colour. Category colours are the Okabe-Ito set (distinguishable with the
 * common colour-vision deficiencies); every category also has a second cue (hatch angle, dash,
 * marker) so the map survives greyscale printing.
 */
import type { CategoryId } from '../data/schema.ts';

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

export interface OverlayTheme {
	categories: Record<CategoryId, string>;
	/** Outline of the selected feature, and the casing drawn under it. */
	selection: string;
	selectionCasing: string;
	/** Text of deployment labels, and their halo. */
	label: string;
	labelHalo: string;
	/** Fill inside hollow (not confirmed) event markers. */
	markerFill: string;
}

export interface Theme {
	name: string;
	basemap: BasemapTheme;
	overlay: OverlayTheme;
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
	},
	overlay: {
		categories: {
			combat: '#d55e00',
			construction: '#0072b2',
			demining: '#e69f00',
			'border-guard': '#cc79a7',
			labour: '#009e73',
			enlistment: '#2f8fc9',
			dispatch: '#5b5b5b',
			event: '#1d1d1d'
		},
		selection: '#111111',
		selectionCasing: '#ffffff',
		label: '#1f252b',
		labelHalo: '#ffffff',
		markerFill: '#ffffff'
	}
};
