/**
 * The imported layers on the map: ONE GeoJSON source holding every imported feature (its data a
 * blob: URL, so MapLibre's worker reads it and the page never handles the features), and one set
 * of four layers (polygon fill, lines and outlines, points, the selected feature) whose colour and
 * visibility are `match` and `in` expressions over the layer id each feature carries as
 * `category`. Adding a layer, hiding it or changing its colour changes expressions, not layers.
 */
import type {
	ExpressionSpecification,
	FilterSpecification,
	LayerSpecification,
	SourceSpecification
} from '@maplibre/maplibre-gl-style-spec';
import { ABOVE_LABELS } from '../map/basemap-style.ts';

export const IMPORTED_SOURCE = 'imported';
/** Layer ids end as the map's click handling expects of clickable layers (-tint, -line, -points). */
export const IMPORTED_LAYER_IDS = {
	fill: 'imported-tint',
	line: 'imported-line',
	points: 'imported-points',
	selected: 'imported-selected'
} as const;

export interface ImportedStyleLayer {
	id: string;
	colour: string;
	visible: boolean;
}

interface OverlayLike {
	sources: Record<string, SourceSpecification>;
	layers: LayerSpecification[];
}

const FALLBACK = '#555555';

function colourBy(layers: readonly ImportedStyleLayer[]): ExpressionSpecification | string {
	if (layers.length === 0) return FALLBACK;
	return [
		'match',
		['get', 'category'],
		...layers.flatMap((l) => [l.id, l.colour]),
		FALLBACK
	] as unknown as ExpressionSpecification;
}

const isType = (...types: string[]): FilterSpecification =>
	['in', ['geometry-type'], ['literal', types]] as FilterSpecification;

/** The imported source and layers, or none when nothing is imported. */
export function importedOverlay(
	layers: readonly ImportedStyleLayer[],
	dataUrl: string | null,
	selectedFeatureId: string | null = null
): OverlayLike {
	if (!dataUrl || layers.length === 0) return { sources: {}, layers: [] };
	const shown: FilterSpecification = [
		'in',
		['get', 'category'],
		['literal', layers.filter((l) => l.visible).map((l) => l.id)]
	];
	const colour = colourBy(layers);
	const all = (...f: FilterSpecification[]) => ['all', shown, ...f] as FilterSpecification;
	const source = IMPORTED_SOURCE;
	return {
		sources: { [source]: { type: 'geojson', data: dataUrl, promoteId: 'id' } },
		layers: [
			{
				id: IMPORTED_LAYER_IDS.fill,
				type: 'fill',
				source,
				filter: all(isType('Polygon', 'MultiPolygon')),
				paint: { 'fill-color': colour, 'fill-opacity': 0.2 }
			},
			{
				id: IMPORTED_LAYER_IDS.line,
				type: 'line',
				source,
				filter: all(isType('LineString', 'MultiLineString', 'Polygon', 'MultiPolygon')),
				layout: { 'line-join': 'round', 'line-cap': 'round' },
				paint: { 'line-color': colour, 'line-width': 2.2 }
			},
			{
				id: IMPORTED_LAYER_IDS.points,
				type: 'circle',
				source,
				filter: all(isType('Point', 'MultiPoint')),
				// A small filled dot with a dark ring: unlike the atlas's event markers (larger,
				// ringed in their own colour), so a user's point is not read as evidence.
				paint: {
					'circle-color': colour,
					'circle-radius': 4.5,
					'circle-stroke-color': '#1d1d1d',
					'circle-stroke-width': 1.5
				}
			},
			{
				id: IMPORTED_LAYER_IDS.selected,
				type: 'line',
				source,
				filter: ['==', ['get', 'id'], selectedFeatureId ?? ''],
				metadata: { [ABOVE_LABELS]: true },
				paint: { 'line-color': '#111111', 'line-width': 4 }
			}
		] as LayerSpecification[]
	};
}

const isTop = (layer: LayerSpecification) =>
	(layer.metadata as Record<string, unknown> | undefined)?.[ABOVE_LABELS] === true;

/**
 * The atlas overlay with the imported layers added: theirs below the basemap labels go after
 * the atlas's own (drawn on top of the evidence, under the labels), their top layers last.
 */
export function withImportedOverlay<O extends OverlayLike>(base: O, extra: OverlayLike): O {
	if (extra.layers.length === 0) return base;
	return {
		...base,
		sources: { ...base.sources, ...extra.sources },
		layers: [
			...base.layers.filter((l) => !isTop(l)),
			...extra.layers.filter((l) => !isTop(l)),
			...base.layers.filter(isTop),
			...extra.layers.filter(isTop)
		]
	};
}
