/**
 * Composes overlays (the deployment dataset, and later an analyst's drafts or imported files)
 * into one list of sources and layers for the map and for exported figures. Each kind's layers
 * come from the registry (kinds/registry.ts); this module only names, orders and filters them.
 *
 * Order: every overlay's layers below the basemap labels first (overlays in the order given,
 * later on top), then every layer marked ABOVE_LABELS (labels that must win collisions with
 * place names), in the same overlay order. `diffOverlay` checks this rule on every change.
 */
import type {
	ExpressionSpecification,
	FilterSpecification,
	LayerSpecification,
	SourceSpecification
} from '@maplibre/maplibre-gl-style-spec';
import { ABOVE_LABELS, FONTS } from './basemap-style.ts';
import { match } from './kinds/expressions.ts';
import { kindOf, type OverlayEntry, type OverlaySpec } from './kinds/registry.ts';
import { CLICKABLE, type DrawnImage, type KindInput, type TiledFeatures } from './kinds/types.ts';
import type { Theme } from './theme.ts';

export interface Overlay {
	sources: Record<string, SourceSpecification>;
	layers: LayerSpecification[];
	/** Draws an image a layer names, or null if no overlay's kind knows it. */
	image?: (id: string, ratio: number) => DrawnImage | null;
	/** Sources whose features take `selected` and `hover` feature-state. */
	featureSources?: string[];
	/**
	 * The map's global state the layers read (the day on the timeline): a step that changes only
	 * these values is one `setGlobalStateProperty` each, with no filter or paint rebuilt.
	 */
	state?: Record<string, unknown>;
	/** The layer inside the tiles of each vector source among `featureSources`. */
	sourceLayers?: Record<string, string>;
}

/** Source ids of an overlay. */
export function overlaySources(id: string) {
	return { features: id, outlines: `${id}-outlines`, labels: `${id}-labels` };
}

const isTop = (layer: LayerSpecification) =>
	(layer.metadata as Record<string, unknown> | undefined)?.[ABOVE_LABELS] === true;

/** Image ids are `overlay/kind/entry/variant`, so the resolver finds the kind that draws them. */
function imageIdFor(overlay: string, kind: string) {
	return (
		key: string | ExpressionSpecification,
		variant: string | ExpressionSpecification
	): string | ExpressionSpecification =>
		typeof key === 'string' && typeof variant === 'string'
			? `${overlay}/${kind}/${key}/${variant}`
			: ['concat', `${overlay}/${kind}/`, key, '/', variant];
}

function faded(fade: OverlaySpec['fade']) {
	return (opacity: number): ExpressionSpecification | number => {
		if (fade === undefined || fade === 1) return opacity;
		if (typeof fade === 'number') return opacity * fade;
		return ['*', opacity, fade];
	};
}

function allOf(...conds: Array<FilterSpecification | null | undefined>): FilterSpecification {
	const real = conds.filter((c): c is FilterSpecification => c !== null && c !== undefined);
	return (real.length === 1 ? real[0]! : ['all', ...real]) as FilterSpecification;
}

const entriesFilter = (keys: string[]): FilterSpecification => [
	'in',
	['get', 'category'],
	['literal', keys]
];

const labelText: ExpressionSpecification = [
	'step',
	['zoom'],
	// Event names only from zoom 4: at the overview they would bury the map.
	['case', ['==', ['get', 'kind'], 'point'], '', ['get', 'short']],
	4,
	['get', 'full']
];

/**
 * Label layers of an overlay with label points. A label whose `group` is set is a block for
 * several coincident features, written for what is visible already: it skips the filter.
 */
function labelLayers(spec: OverlaySpec, theme: Theme, source: string): LayerSpecification[] {
	const visible = spec.entries.filter((e) => spec.visible.has(e.key)).map((e) => e.key);
	const grouped: ExpressionSpecification = ['to-boolean', ['get', 'group']];
	return [
		{
			id: `${spec.id}:labels`,
			type: 'symbol',
			source,
			// Labels carry their feature's properties, so the overlay's filter applies to them too.
			filter: [
				'any',
				grouped,
				allOf(['!', grouped], entriesFilter(visible), spec.filter)
			] as FilterSpecification,
			// Above the basemap labels, so overlay names win label collisions with place names.
			metadata: { [ABOVE_LABELS]: true },
			layout: {
				'text-field': labelText,
				'text-font': [...FONTS.semibold],
				'text-size': ['interpolate', ['linear'], ['zoom'], 2, 11, 6, 13],
				'text-max-width': 24,
				'text-line-height': 1.15,
				'text-variable-anchor': ['top', 'bottom', 'left', 'right', 'top-left', 'bottom-right'],
				'text-radial-offset': 0.8,
				'text-justify': 'auto',
				// Blocks and zones first, so they are placed before flows and events.
				'symbol-sort-key': [
					'case',
					grouped,
					0,
					match(
						['get', 'kind'],
						[
							['zone', 1],
							['flow', 2]
						],
						3
					)
				]
			},
			paint: {
				'text-color': theme.overlay.label,
				'text-halo-color': theme.overlay.labelHalo,
				'text-halo-width': 1.6,
				// A constant unless faded, so the labels share the basemap labels' GPU program.
				'text-opacity':
					typeof spec.fade === 'object'
						? ['case', grouped, 1, faded(spec.fade)(1)]
						: faded(spec.fade)(1)
			}
		} as LayerSpecification
	];
}

function isTiled(features: OverlaySpec['features']): features is TiledFeatures {
	return typeof features === 'object' && 'tiles' in features;
}

/** The map source of an overlay's features: vector tiles, or GeoJSON (data or its address). */
function featuresSource(features: OverlaySpec['features']): SourceSpecification {
	return isTiled(features)
		? { type: 'vector', tiles: features.tiles, maxzoom: features.maxzoom, promoteId: 'id' }
		: { type: 'geojson', data: features, promoteId: 'id' };
}

/** One overlay's layers, ids prefixed with the overlay's id; labels last. */
function overlayLayers(spec: OverlaySpec, theme: Theme): LayerSpecification[] {
	const sources = overlaySources(spec.id);
	const kinds = [...new Set(spec.entries.map((e) => e.kind))];
	const layers: LayerSpecification[] = [];
	for (const kindId of kinds) {
		const entries = spec.entries.filter((e) => e.kind === kindId);
		const kind = kindOf(entries[0]!);
		const visible = entries.filter((e) => spec.visible.has(e.key)).map((e) => e.key);
		// One entry: a constant, not a `match` (a constant is a uniform, not a vertex attribute).
		const byEntry = <T>(value: (entry: OverlayEntry) => T, fallback: T) =>
			entries.length === 1
				? value(entries[0]!)
				: (match(
						['get', 'category'],
						entries.map((e) => [e.key, value(e)]),
						fallback
					) as ExpressionSpecification | T);
		const input: KindInput = {
			overlay: spec,
			entries,
			theme,
			sources: {
				features: sources.features,
				outlines: spec.outlines ? sources.outlines : sources.features
			},
			filter: allOf(entriesFilter(visible), spec.filter),
			selectedFilter: allOf(entriesFilter(visible), spec.filter, [
				'==',
				['get', 'id'],
				spec.selected ?? ''
			]),
			faded: faded(spec.fade),
			byEntry,
			imageId: imageIdFor(spec.id, kindId)
		};
		const tiled = isTiled(spec.features) ? spec.features.sourceLayer : null;
		for (const layer of kind.layers(input)) {
			const metadata = { ...(layer.metadata as object | undefined) } as Record<string, unknown>;
			if (spec.clickable === false) delete metadata[CLICKABLE];
			// Kinds name the features' source; a tiled one also needs the layer inside its tiles.
			const sourceLayer =
				tiled && 'source' in layer && layer.source === sources.features
					? { 'source-layer': tiled }
					: {};
			layers.push({
				...layer,
				...sourceLayer,
				id: `${spec.id}:${kindId}-${layer.id}`,
				metadata
			} as LayerSpecification);
		}
	}
	if (spec.labels) layers.push(...labelLayers(spec, theme, sources.labels));
	return layers;
}

/**
 * Every overlay's sources and layers, in the order given (later overlays on top), with the layers
 * marked ABOVE_LABELS after all the others. Sources are the overlays' own objects, so the sync
 * step sends data only when it really changed.
 */
export function composeOverlays(overlays: readonly OverlaySpec[], theme: Theme): Overlay {
	const ids = new Set<string>();
	const sources: Record<string, SourceSpecification> = {};
	const below: LayerSpecification[] = [];
	const above: LayerSpecification[] = [];
	const featureSources: string[] = [];
	const state: Record<string, unknown> = {};
	const sourceLayers: Record<string, string> = {};
	for (const spec of overlays) {
		if (ids.has(spec.id) || spec.id.includes('/')) {
			throw new Error(`Overlay id "${spec.id}" is used twice or contains "/".`);
		}
		ids.add(spec.id);
		// One map, one global state: overlays that read the same name must agree on its value.
		for (const [name, value] of Object.entries(spec.state ?? {})) {
			if (name in state && state[name] !== value) {
				throw new Error(`Overlays "${spec.id}" and another set global state "${name}" apart.`);
			}
			state[name] = value;
		}
		const s = overlaySources(spec.id);
		sources[s.features] = featuresSource(spec.features);
		featureSources.push(s.features);
		if (isTiled(spec.features)) sourceLayers[s.features] = spec.features.sourceLayer;
		if (spec.outlines) {
			sources[s.outlines] = { type: 'geojson', data: spec.outlines, promoteId: 'id' };
			featureSources.push(s.outlines);
		}
		if (spec.labels) sources[s.labels] = { type: 'geojson', data: spec.labels, promoteId: 'id' };
		for (const layer of overlayLayers(spec, theme)) (isTop(layer) ? above : below).push(layer);
	}
	const byId = new Map(overlays.map((o) => [o.id, o]));
	return {
		sources,
		layers: [...below, ...above],
		featureSources,
		...(Object.keys(state).length > 0 ? { state } : {}),
		sourceLayers,
		image: (id, ratio) => {
			const parts = id.split('/');
			if (parts.length < 4) return null;
			const [overlayId, kindId] = parts as [string, string];
			const variant = parts.at(-1)!;
			const key = parts.slice(2, -1).join('/');
			const entry = byId.get(overlayId)?.entries.find((e) => e.key === key && e.kind === kindId);
			if (!entry) return null;
			return kindOf(entry).image?.(entry, variant, theme, ratio) ?? null;
		}
	};
}

/** Layers a click or hover can hit, topmost first: those whose metadata marks them clickable. */
export function interactiveLayerIds(overlay: Overlay): string[] {
	return overlay.layers
		.filter((l) => (l.metadata as Record<string, unknown> | undefined)?.[CLICKABLE] === true)
		.map((l) => l.id)
		.reverse();
}
