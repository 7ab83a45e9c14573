/**
 * The offline basemap as MapLibre style data. Pure functions of the theme and the URLs the
 * basemap is served from, so they can be unit-tested and validated without a browser.
 */
import type {
	ExpressionSpecification,
	LayerSpecification,
	SourceSpecification,
	StyleSpecification,
	SymbolLayerSpecification
} from '@maplibre/maplibre-gl-style-spec';
import { basemapManifest } from './generated/basemap-manifest.ts';
import type { Theme } from './theme.ts';

export const BASEMAP_SOURCE = 'basemap';

/** Metadata key marking an overlay layer that is drawn above the basemap's labels. */
export const ABOVE_LABELS = 'atlas:above-labels';

function isAboveLabels(layer: LayerSpecification): boolean {
	return (layer.metadata as Record<string, unknown> | undefined)?.[ABOVE_LABELS] === true;
}

/** Font stacks as named in the style's `font-faces`; no glyph server is used. */
export const FONTS = {
	regular: ['Noto Sans Regular'],
	semibold: ['Noto Sans SemiBold'],
	italic: ['Noto Sans Italic']
} as const;

export interface BasemapLocation {
	/** Absolute URL of the site's root folder, ending in `/` (base path included). */
	siteRoot: string;
}

/** ISO 3166-1 numeric ids (world-atlas feature ids) of the host and origin countries. */
const HOST_N3 = '643';
const ORIGIN_N3 = '408';

export function basemapSources(at: BasemapLocation): Record<string, SourceSpecification> {
	return {
		[BASEMAP_SOURCE]: {
			type: 'vector',
			url: `pmtiles://${at.siteRoot}${basemapManifest.archive}`,
			attribution: basemapManifest.attribution
		}
	};
}

export function basemapFontFaces(at: BasemapLocation): StyleSpecification['font-faces'] {
	return Object.fromEntries(
		Object.entries(basemapManifest.fonts).map(([stack, faces]) => [
			stack,
			faces.map((face) => ({ ...face, url: `${at.siteRoot}${face.url}` }))
		])
	);
}

/** Name with the local-script name under it, smaller, where the data has one. */
function bilingual(scale: number): ExpressionSpecification {
	return [
		'case',
		['!=', ['coalesce', ['get', 'name_local'], ''], ''],
		['format', ['get', 'name'], {}, '\n', {}, ['get', 'name_local'], { 'font-scale': scale }],
		['get', 'name']
	];
}

/** Fills and lines: everything drawn under the deployment layers. */
export function basemapBaseLayers(theme: Theme): LayerSpecification[] {
	const c = theme.basemap;
	return [
		{ id: 'background', type: 'background', paint: { 'background-color': c.water } },
		{
			id: 'land',
			type: 'fill',
			source: BASEMAP_SOURCE,
			'source-layer': 'land',
			paint: { 'fill-color': c.land }
		},
		{
			id: 'country-tint',
			type: 'fill',
			source: BASEMAP_SOURCE,
			'source-layer': 'countries',
			filter: ['in', ['get', 'iso_n3'], ['literal', [HOST_N3, ORIGIN_N3]]],
			paint: {
				'fill-color': ['match', ['get', 'iso_n3'], HOST_N3, c.hostCountry, c.originCountry]
			}
		},
		{
			id: 'region-boundaries',
			type: 'line',
			source: BASEMAP_SOURCE,
			'source-layer': 'boundaries',
			minzoom: 3,
			filter: ['==', ['get', 'kind'], 'region'],
			paint: {
				'line-color': c.regionBoundary,
				'line-width': ['interpolate', ['linear'], ['zoom'], 3, 0.4, 7, 1],
				'line-dasharray': [3, 2]
			}
		},
		{
			id: 'country-boundaries',
			type: 'line',
			source: BASEMAP_SOURCE,
			'source-layer': 'boundaries',
			filter: ['==', ['get', 'kind'], 'country'],
			layout: { 'line-join': 'round' },
			paint: {
				'line-color': c.countryBoundary,
				'line-width': ['interpolate', ['linear'], ['zoom'], 1, 0.6, 6, 1.4]
			}
		}
	];
}

/** Labels: drawn above the deployment layers so place names stay readable. */
export function basemapLabelLayers(theme: Theme): LayerSpecification[] {
	const c = theme.basemap;
	const halo = { 'text-halo-color': c.labelHalo, 'text-halo-width': 1.4, 'text-halo-blur': 0.3 };
	const countryLabels: SymbolLayerSpecification = {
		id: 'country-labels',
		type: 'symbol',
		source: BASEMAP_SOURCE,
		'source-layer': 'country_labels',
		filter: ['<=', ['get', 'rank'], ['step', ['zoom'], 1, 2, 2, 3, 3, 4, 5]],
		layout: {
			'text-field': ['upcase', ['get', 'name']],
			'text-font': [...FONTS.semibold],
			'text-size': ['interpolate', ['linear'], ['zoom'], 1, 10, 5, 13],
			'text-letter-spacing': 0.12,
			'text-max-width': 7,
			'symbol-sort-key': ['get', 'rank']
		},
		paint: { 'text-color': c.countryLabel, ...halo }
	};
	const regionLabels: SymbolLayerSpecification = {
		id: 'region-labels',
		type: 'symbol',
		source: BASEMAP_SOURCE,
		'source-layer': 'region_labels',
		minzoom: 3.5,
		// Large regions (Natural Earth label rank 2-3) from zoom 3.5, the rest from 5.
		filter: [
			'all',
			['in', ['get', 'country'], ['literal', ['RU', 'UA', 'BY', 'KP', 'KR']]],
			['<=', ['get', 'rank'], ['step', ['zoom'], 3, 5, 10]]
		],
		layout: {
			'text-field': bilingual(0.9),
			'text-font': [...FONTS.italic],
			'text-size': ['interpolate', ['linear'], ['zoom'], 3.5, 9.5, 8, 12],
			'text-max-width': 8,
			'symbol-sort-key': ['get', 'rank']
		},
		paint: { 'text-color': c.regionLabel, ...halo }
	};
	const placeMinRank: ExpressionSpecification = ['step', ['zoom'], 1, 3, 2, 5, 3];
	const placeDots: LayerSpecification = {
		id: 'place-dots',
		type: 'circle',
		source: BASEMAP_SOURCE,
		'source-layer': 'places',
		filter: ['<=', ['get', 'rank'], placeMinRank],
		paint: {
			'circle-radius': ['match', ['get', 'capital'], 1, 3.2, 2.4],
			'circle-color': c.placeDot,
			'circle-stroke-color': c.labelHalo,
			'circle-stroke-width': 1
		}
	};
	const placeLabels: SymbolLayerSpecification = {
		id: 'place-labels',
		type: 'symbol',
		source: BASEMAP_SOURCE,
		'source-layer': 'places',
		filter: ['<=', ['get', 'rank'], placeMinRank],
		layout: {
			'text-field': ['get', 'name'],
			'text-font': [
				'match',
				['get', 'capital'],
				1,
				['literal', [...FONTS.semibold]],
				['literal', [...FONTS.regular]]
			],
			'text-size': ['match', ['get', 'rank'], 1, 12.5, 2, 12, 11],
			'text-variable-anchor': ['left', 'right', 'top', 'bottom'],
			'text-radial-offset': 0.55,
			'text-justify': 'auto',
			'symbol-sort-key': ['get', 'rank']
		},
		paint: { 'text-color': c.placeLabel, ...halo }
	};
	return [countryLabels, regionLabels, placeDots, placeLabels];
}

/**
 * The complete style: basemap fills, then the overlay (deployment layers), then basemap labels,
 * then the overlay layers marked ABOVE_LABELS (deployment labels, which must win collisions).
 */
export function buildStyle(
	theme: Theme,
	at: BasemapLocation,
	overlay: {
		sources?: Record<string, SourceSpecification>;
		layers?: LayerSpecification[];
		state?: Record<string, unknown>;
	} = {}
): StyleSpecification {
	const state = Object.entries(overlay.state ?? {});
	return {
		version: 8,
		name: `Deployment Atlas (${theme.name})`,
		// The overlay's global state (the day) starts at its current value, so a map made from
		// this style (the screen's, an export's off-screen one) draws the same day at once.
		...(state.length > 0
			? {
					state: Object.fromEntries(
						state.map(([name, value]) => [name, { default: value }])
					) as StyleSpecification['state']
				}
			: {}),
		sources: { ...basemapSources(at), ...overlay.sources },
		'font-faces': basemapFontFaces(at),
		layers: [
			...basemapBaseLayers(theme),
			...(overlay.layers ?? []).filter((l) => !isAboveLabels(l)),
			...basemapLabelLayers(theme),
			...(overlay.layers ?? []).filter(isAboveLabels)
		]
	};
}
