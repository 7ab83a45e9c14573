/**
 * The imported layers as one overlay for the layer-kind registry: ONE GeoJSON source holding
 * every imported feature (its data a blob: URL, so MapLibre's worker reads it and the page never
 * handles the features), one entry per file drawn by the `imported` kind. Adding a file, hiding
 * it or changing its colour changes expressions, never the number of layers.
 */
import type { FilterSpecification } from '@maplibre/maplibre-gl-style-spec';
import type { OverlaySpec } from '../map/kinds/registry.ts';
import { overlaySources } from '../map/overlays.ts';
import type { ImportedLayer } from './imported-layers.svelte.ts';

export const IMPORTED_OVERLAY = 'imported';
export const IMPORTED_SOURCE = overlaySources(IMPORTED_OVERLAY).features;

type Box = [[number, number], [number, number]];

/** The overlay of `layers`, or null when nothing is imported. */
export function importedOverlay(
	layers: readonly ImportedLayer[],
	dataUrl: string | null
): OverlaySpec | null {
	if (!dataUrl || layers.length === 0) return null;
	return {
		id: IMPORTED_OVERLAY,
		features: dataUrl,
		entries: layers.map((l) => ({
			key: l.id,
			kind: 'imported',
			name: `Imported: ${l.name}`,
			colour: l.colour
		})),
		visible: new Set(layers.filter((l) => l.visible).map((l) => l.id))
	};
}

function overlaps(layer: ImportedLayer, view: Box): boolean {
	const [w, s, e, n] = layer.bbox;
	const [[vw, vs], [ve, vn]] = view;
	return s <= vn && vs <= n && [-360, 0, 360].some((shift) => w + shift <= ve && vw <= e + shift);
}

/** "12 Mar 2026": the date an exported figure gives for an import. */
export function importDate(iso: string): string {
	return new Date(iso).toLocaleDateString('en-GB', {
		day: 'numeric',
		month: 'short',
		year: 'numeric'
	});
}

/**
 * What an exported figure takes of the imported layers: those switched on whose extent reaches
 * into the view, as an overlay (drawn, and listed in the legend), and one line each for its notes.
 */
export function importedForFigure(
	layers: readonly ImportedLayer[],
	dataUrl: string | null,
	view: Box
): { overlays: OverlaySpec[]; notes: string[] } {
	const shown = layers.filter((l) => l.visible && overlaps(l, view));
	const overlay = importedOverlay(shown, dataUrl);
	return {
		overlays: overlay ? [overlay] : [],
		notes: shown.map(
			(l) => `User-supplied layer: ${l.fileName}, imported ${importDate(l.importedAt)}`
		)
	};
}

/** The part of MapLibre's Map used to read a clicked feature's properties back. */
export interface SourceQuery {
	getSource(id: string): unknown;
	querySourceFeatures(
		source: string,
		options: { filter: FilterSpecification }
	): Array<{ properties: Record<string, unknown> }>;
}

/** An imported feature's `props` (the file's properties as JSON text), from the map's tiles. */
export function importedFeatureProps(map: SourceQuery | null, featureId: string): unknown {
	if (!map?.getSource(IMPORTED_SOURCE)) return null;
	const hits = map.querySourceFeatures(IMPORTED_SOURCE, {
		filter: ['==', ['get', 'id'], featureId]
	});
	return hits[0]?.properties['props'] ?? null;
}
