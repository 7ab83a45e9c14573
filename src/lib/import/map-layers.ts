/**
 * The imported layers as one overlay for the layer-kind registry: ONE vector-tile source holding
 * every imported feature (cut by the imported-tiles worker and read through the
 * `atlas-imported://` protocol, so the page never handles the features), one entry per file drawn
 * by the `imported` kind. Hiding a file or changing its colour changes expressions, never the
 * number of layers; adding or removing one changes the tiles' address, so they are fetched again.
 */
import type { OverlaySpec } from '../map/kinds/registry.ts';
import { overlaySources } from '../map/overlays.ts';
import type { ImportedLayer } from './imported-layers.svelte.ts';
import { TILE_LAYER, TILE_MAX_ZOOM, type FeaturePlace } from './tile-index.ts';
import { importedTiles } from './tiles-client.ts';

export const IMPORTED_OVERLAY = 'imported';
export const IMPORTED_SOURCE = overlaySources(IMPORTED_OVERLAY).features;

type Box = [[number, number], [number, number]];

/** The overlay of `layers`, or null when nothing is imported. */
export function importedOverlay(
	layers: readonly ImportedLayer[],
	tiles: string | null
): OverlaySpec | null {
	if (!tiles || layers.length === 0) return null;
	return {
		id: IMPORTED_OVERLAY,
		features: { tiles: [tiles], sourceLayer: TILE_LAYER, maxzoom: TILE_MAX_ZOOM },
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
	tiles: string | null,
	view: Box
): { overlays: OverlaySpec[]; notes: string[] } {
	const shown = layers.filter((l) => l.visible && overlaps(l, view));
	const overlay = importedOverlay(shown, tiles);
	return {
		overlays: overlay ? [overlay] : [],
		notes: shown.map(
			(l) => `User-supplied layer: ${l.fileName}, imported ${importDate(l.importedAt)}`
		)
	};
}

/**
 * An imported feature's own properties (JSON text), from the imported-tiles worker; null when
 * they cannot be read (the feature is gone, or the worker failed).
 */
export async function importedFeatureProps(featureId: string): Promise<string | null> {
	try {
		return await importedTiles().props(featureId);
	} catch {
		return null;
	}
}

/**
 * How close the map comes to an imported point opened from the keyboard list: 1 px there is about
 * 75 m (less in the north), so points thinned into one mark at the overview (tile-index.ts) are
 * almost always drawn apart, while the place around it stays in view.
 */
export const IMPORTED_POINT_ZOOM = 10;

/** Where an imported feature is, from the imported-tiles worker; null if it cannot say. */
export async function importedFeaturePlace(featureId: string): Promise<FeaturePlace | null> {
	try {
		return await importedTiles().place(featureId);
	} catch {
		return null;
	}
}
