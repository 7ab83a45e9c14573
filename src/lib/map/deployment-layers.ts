/**
 * The deployment layers as data: pure functions of the theme and the UI state, reconciled with
 * the map by `sync.ts`. Nothing here touches MapLibre.
 */
import type {
	DataDrivenPropertyValueSpecification,
	ExpressionSpecification,
	FilterSpecification,
	LayerSpecification,
	SourceSpecification
} from '@maplibre/maplibre-gl-style-spec';
import { CATEGORY_IDS, type CategoryId } from '../data/vocabulary.ts';
import type { DeploymentData } from './map-data.ts';
import {
	arrowImageId,
	CATEGORY_ORDER,
	CATEGORY_SYMBOLS,
	CONFIDENCE_TIERS,
	hatchImageId,
	OUTLINE_DASH
} from './symbology.ts';
import type { Theme } from './theme.ts';
import { ABOVE_LABELS, FONTS } from './basemap-style.ts';

export const DEPLOYMENT_SOURCE = 'deployments';
export const LABEL_SOURCE = 'deployment-labels';
export const OUTLINE_SOURCE = 'deployment-outlines';
/** Every overlay layer id starts with this, so the sync step knows which layers are its own. */
export const LAYER_PREFIX = 'dep-';

export interface OverlayUi {
	/** Categories whose layers are shown. */
	visible: ReadonlySet<CategoryId>;
	/** Extra filter (time, claimant, confidence) applied to every deployment layer. */
	filter?: FilterSpecification | null;
	/**
	 * Opacity factor per feature (1 normal, lower to fade possibly-present or stale features).
	 * An expression over feature properties; defaults to 1.
	 */
	fade?: ExpressionSpecification | number;
}

export interface Overlay {
	sources: Record<string, SourceSpecification>;
	layers: LayerSpecification[];
}

/** A `match` expression from (label, output) pairs; TypeScript cannot type the spread itself. */
function match(
	input: ExpressionSpecification,
	cases: Array<[string, unknown]>,
	fallback: unknown
): ExpressionSpecification {
	return ['match', input, ...cases.flat(), fallback] as unknown as ExpressionSpecification;
}

const selected: ExpressionSpecification = ['boolean', ['feature-state', 'selected'], false];
const hovered: ExpressionSpecification = ['boolean', ['feature-state', 'hover'], false];

function categoryFilter(category: CategoryId, extra?: FilterSpecification | null) {
	const own: FilterSpecification = ['==', ['get', 'category'], category];
	return (extra ? ['all', own, extra] : own) as FilterSpecification;
}

/** Multiplies a paint opacity by the fade factor, keeping it a valid expression. */
function faded(opacity: number, fade: ExpressionSpecification | number | undefined) {
	if (fade === undefined || fade === 1) return opacity;
	if (typeof fade === 'number') return opacity * fade;
	return ['*', opacity, fade] as ExpressionSpecification;
}

function zoneLayers(category: CategoryId, theme: Theme, ui: OverlayUi): LayerSpecification[] {
	const colour = theme.overlay.categories[category];
	const filter = categoryFilter(category, ui.filter);
	const dash = match(
		['get', 'location_precision'],
		Object.entries(OUTLINE_DASH).map(([precision, d]) => [precision, ['literal', d]]),
		['literal', [1, 0]]
	);
	const pattern = match(
		['get', 'confidence'],
		CONFIDENCE_TIERS.map((tier) => [tier, hatchImageId(category, tier)]),
		hatchImageId(category, 'low')
	) as DataDrivenPropertyValueSpecification<string>;
	const id = `${LAYER_PREFIX}${category}`;
	return [
		{
			id: `${id}-tint`,
			type: 'fill',
			source: DEPLOYMENT_SOURCE,
			filter,
			paint: {
				'fill-color': colour,
				'fill-opacity': faded(0.1, ui.fade),
				// No antialiased edge: where a zone is cut at 180 degrees it would show as a seam.
				'fill-antialias': false
			}
		},
		{
			id: `${id}-hatch`,
			type: 'fill',
			source: DEPLOYMENT_SOURCE,
			filter,
			paint: { 'fill-pattern': pattern, 'fill-opacity': faded(1, ui.fade) }
		},
		{
			id: `${id}-outline`,
			type: 'line',
			source: OUTLINE_SOURCE,
			filter,
			layout: { 'line-join': 'round' },
			paint: {
				'line-color': colour,
				'line-width': ['case', hovered, 2.8, 1.6],
				'line-dasharray': dash,
				'line-opacity': faded(1, ui.fade)
			}
		},
		// Selection is a solid line over the dashed outline, on a white casing: dash patterns
		// cannot follow feature-state, opacity can.
		{
			id: `${id}-casing`,
			type: 'line',
			source: OUTLINE_SOURCE,
			filter,
			layout: { 'line-join': 'round' },
			paint: {
				'line-color': theme.overlay.selectionCasing,
				'line-width': 5,
				'line-opacity': ['case', selected, 0.85, 0]
			}
		},
		{
			id: `${id}-selected`,
			type: 'line',
			source: OUTLINE_SOURCE,
			filter,
			layout: { 'line-join': 'round' },
			paint: {
				'line-color': theme.overlay.selection,
				'line-width': 2.2,
				'line-opacity': ['case', selected, 1, 0]
			}
		}
	];
}

function flowLayers(category: CategoryId, theme: Theme, ui: OverlayUi): LayerSpecification[] {
	const colour = theme.overlay.categories[category];
	const filter = categoryFilter(category, ui.filter);
	const id = `${LAYER_PREFIX}${category}`;
	return [
		{
			id: `${id}-casing`,
			type: 'line',
			source: DEPLOYMENT_SOURCE,
			filter,
			layout: { 'line-cap': 'round', 'line-join': 'round' },
			paint: {
				'line-color': theme.overlay.selectionCasing,
				'line-width': ['case', selected, 9, hovered, 7, 5],
				'line-opacity': faded(0.85, ui.fade)
			}
		},
		{
			id: `${id}-line`,
			type: 'line',
			source: DEPLOYMENT_SOURCE,
			filter,
			layout: { 'line-cap': 'butt', 'line-join': 'round' },
			paint: {
				'line-color': ['case', selected, theme.overlay.selection, colour],
				'line-width': ['case', selected, 4, hovered, 3.5, 2.6],
				'line-dasharray': ['literal', CATEGORY_SYMBOLS[category].dash ?? [1, 0]],
				'line-opacity': faded(1, ui.fade)
			}
		},
		{
			id: `${id}-arrows`,
			type: 'symbol',
			source: DEPLOYMENT_SOURCE,
			filter,
			layout: {
				'symbol-placement': 'line',
				'symbol-spacing': 90,
				'icon-image': arrowImageId(category),
				'icon-size': 0.9,
				'icon-rotation-alignment': 'map',
				'icon-allow-overlap': true,
				'icon-ignore-placement': true
			},
			paint: { 'icon-opacity': faded(1, ui.fade) }
		}
	];
}

function pointLayers(category: CategoryId, theme: Theme, ui: OverlayUi): LayerSpecification[] {
	const colour = theme.overlay.categories[category];
	const confirmed: ExpressionSpecification = ['==', ['get', 'status'], 'confirmed'];
	return [
		{
			id: `${LAYER_PREFIX}${category}-points`,
			type: 'circle',
			source: DEPLOYMENT_SOURCE,
			filter: categoryFilter(category, ui.filter),
			paint: {
				// Filled: confirmed by the party concerned. Hollow: reported or claimed by others.
				'circle-color': ['case', confirmed, colour, theme.overlay.markerFill],
				'circle-radius': ['case', selected, 8, hovered, 7, 6],
				'circle-stroke-color': ['case', selected, theme.overlay.selection, colour],
				'circle-stroke-width': ['case', selected, 3.5, 2.5],
				'circle-opacity': faded(1, ui.fade),
				'circle-stroke-opacity': faded(1, ui.fade)
			}
		}
	];
}

const labelText: ExpressionSpecification = [
	'step',
	['zoom'],
	// Event names only from zoom 4: at the overview they would bury the map.
	['case', ['==', ['get', 'kind'], 'point'], '', ['get', 'short']],
	4,
	['get', 'full']
];

/** Vertical offsets (ems) for stacked labels; one-line labels below zoom 4, two-line above. */
function stackOffset(lineEms: number): ExpressionSpecification {
	const slots = [-1.5, -1, -0.5, 0, 0.5, 1, 1.5];
	return match(
		['to-string', ['get', 'slot']],
		slots.map((slot) => [String(slot), ['literal', [0, slot * lineEms]]]),
		['literal', [0, 0]]
	);
}

function labelLayers(theme: Theme, ui: OverlayUi): LayerSpecification[] {
	const visible = CATEGORY_IDS.filter((c) => ui.visible.has(c));
	const inVisible: ExpressionSpecification = ['in', ['get', 'category'], ['literal', visible]];
	const stacked: ExpressionSpecification = ['!=', ['get', 'slot'], null];
	// Labels carry their feature's properties, so the time and evidence filter applies to them too.
	const extra = ui.filter ? [ui.filter] : [];
	const shared = {
		type: 'symbol' as const,
		source: LABEL_SOURCE,
		// Above the basemap labels, so deployment names win label collisions with place names.
		metadata: { [ABOVE_LABELS]: true },
		paint: {
			'text-color': theme.overlay.label,
			'text-halo-color': theme.overlay.labelHalo,
			'text-halo-width': 1.6,
			'text-opacity': faded(1, ui.fade)
		}
	};
	const layout = {
		'text-field': labelText,
		'text-font': [...FONTS.semibold],
		'text-size': ['interpolate', ['linear'], ['zoom'], 2, 11, 6, 13] as ExpressionSpecification,
		'text-max-width': 12,
		'text-line-height': 1.15
	};
	// Later layers win label collisions: stacked zone labels go last so they are always placed.
	return [
		{
			...shared,
			id: `${LAYER_PREFIX}labels`,
			filter: ['all', inVisible, ['!', stacked], ...extra] as FilterSpecification,
			layout: {
				...layout,
				'text-variable-anchor': ['top', 'bottom', 'left', 'right', 'top-left', 'bottom-right'],
				'text-radial-offset': 0.8,
				'text-justify': 'auto',
				'symbol-sort-key': ['match', ['get', 'kind'], 'zone', 1, 'flow', 2, 3]
			}
		},
		{
			...shared,
			id: `${LAYER_PREFIX}labels-stacked`,
			filter: ['all', inVisible, stacked, ...extra] as FilterSpecification,
			layout: {
				...layout,
				'text-anchor': 'center',
				// One line per name, so the stack's fixed spacing holds (footnote markers included).
				'text-max-width': 24,
				// Labels sharing a point (the Kursk zones) stand one above the other.
				'text-offset': ['step', ['zoom'], stackOffset(1.5), 4, stackOffset(2.95)]
			}
		}
	];
}

/**
 * The overlay for the current UI state: sources (stable objects, so the sync step only sends data
 * when it really changed) and layers in draw order. Hidden categories keep their layers with
 * `visibility: none`, so a toggle is one layout change, not a layer rebuild.
 */
export function buildOverlay(data: DeploymentData, theme: Theme, ui: OverlayUi): Overlay {
	const layers: LayerSpecification[] = [];
	for (const category of CATEGORY_ORDER) {
		const kind = CATEGORY_SYMBOLS[category].kind;
		const built =
			kind === 'zone'
				? zoneLayers(category, theme, ui)
				: kind === 'flow'
					? flowLayers(category, theme, ui)
					: pointLayers(category, theme, ui);
		const visibility = ui.visible.has(category) ? 'visible' : 'none';
		for (const layer of built) {
			layers.push({ ...layer, layout: { ...layer.layout, visibility } } as LayerSpecification);
		}
	}
	layers.push(...labelLayers(theme, ui));
	return {
		sources: {
			[DEPLOYMENT_SOURCE]: { type: 'geojson', data: data.features, promoteId: 'id' },
			[OUTLINE_SOURCE]: { type: 'geojson', data: data.outlines, promoteId: 'id' },
			[LABEL_SOURCE]: { type: 'geojson', data: data.labels, promoteId: 'id' }
		},
		layers
	};
}

/** Layers a click or hover can hit, topmost first (points, then flows, then zones). */
export function interactiveLayerIds(overlay: Overlay): string[] {
	return overlay.layers
		.filter((l) => /-(tint|line|points)$/.test(l.id))
		.map((l) => l.id)
		.reverse();
}
