/**
 * The layer kinds: how each kind of feature is drawn on the map, in map images, in the legend
 * and in exported figures. One module per kind, gathered in the one table below.
 *
 * Using it
 * - An overlay is an `OverlaySpec` (types.ts): an id, a GeoJSON FeatureCollection whose features
 *   carry `id` and `category`, and `entries`, one per legend entry: `{ key, kind, name, colour }`
 *   (`key` matches the features' `category`; `kind` names a row of KINDS). Optional: outlines,
 *   label points, a filter and a fade for every layer, which entries are visible, `clickable`.
 * - `composeOverlays(overlays, theme)` (../overlays.ts) turns any number of them into one
 *   `Overlay` for the map, in the order given (later overlays on top), with every layer that must
 *   win label collisions after the basemap labels. MapView and the exporter take the same list, so
 *   an overlay on the screen is in the figure; clicks, hover, feature-state and images follow.
 * - An analyst's unsaved drafts are an overlay with the deployment entries and their own id; an
 *   imported file is an overlay with one entry `{ key: 'file', kind: 'imported-...', name: the
 *   file's display name, colour: the user's }`, and `visible` empty to hide it. Neither needs a
 *   change here or in the map code.
 *
 * Adding a kind: write a module implementing `LayerKind` (layers, images, swatch, figure symbol)
 * and add one line to KINDS. Nothing else switches on the kind: a missing row is a type error
 * where an entry names it, never a silent fallback.
 */
import { flow } from './flow.ts';
import { imported } from './imported.ts';
import { point } from './point.ts';
import type { LayerKind, OverlayEntry } from './types.ts';
import { zone } from './zone.ts';

export const KINDS = {
	zone,
	flow,
	point,
	imported
} as const satisfies Record<string, LayerKind>;

export type KindId = keyof typeof KINDS;

/** The module drawing an entry; an entry naming no registered kind is refused with its name. */
export function kindOf(entry: Pick<OverlayEntry, 'kind' | 'key'>): LayerKind {
	const kind = (KINDS as Record<string, LayerKind>)[entry.kind];
	if (!kind) throw new Error(`Layer "${entry.key}" has an unknown kind "${entry.kind}".`);
	return kind;
}

export type { LayerKind, OverlayEntry, OverlaySpec, SvgNode } from './types.ts';
