/**
 * What an exported figure shows: the view it is made from, and which features reach into it
 * (the features the figure's footnotes cite). Light enough for the page bundle; the rendering
 * itself is in figure-export.ts, loaded on demand.
 */
import type { EvidenceIndex } from '../data/evidence.ts';
import type { CategoryId } from '../data/schema.ts';
import type { TimeSelection } from '../state/time.ts';
import { geometryBounds } from './bounds.ts';
import type { OverlayUi } from './deployment-layers.ts';
import type { OverlaySpec } from './kinds/registry.ts';

export interface FigureView {
	title: string;
	subtitle: string | null;
	center: [number, number];
	zoom: number;
	bearing: number;
	/** The on-screen map's size in CSS pixels: the export keeps at least its extent. */
	viewport: { width: number; height: number };
	/** What the on-screen map shows: its bounds decide which features are cited. */
	bounds: [[number, number], [number, number]];
	visible: ReadonlySet<CategoryId>;
	time: TimeSelection | null;
	/** Feature ids the layers, timeline and filters let through. */
	shownIds: readonly string[];
	filter: OverlayUi['filter'];
	fade: OverlayUi['fade'];
	/** The global state `filter` and `fade` read (the day), as the screen's map has it. */
	state?: OverlayUi['state'];
	/** Overlays on the map besides the deployments (drafts, imported files), drawn in the figure. */
	overlays?: readonly OverlaySpec[];
	/** Lines listed after the numbered sources (where an imported layer came from). */
	notes?: readonly string[];
}

function overlaps(
	a: [[number, number], [number, number]],
	b: [[number, number], [number, number]]
) {
	const [[aw, as], [ae, an]] = a;
	const [[bw, bs], [be, bn]] = b;
	if (as > bn || bs > an) return false;
	// Compare in both longitude frames, so boxes that cross the antimeridian still meet.
	return [-360, 0, 360].some((shift) => aw + shift <= be && bw <= ae + shift);
}

/** The shown features whose geometry reaches into the view: what the figure cites. */
export function featuresInView(index: EvidenceIndex, view: FigureView): string[] {
	const shown = new Set(view.shownIds);
	return index.dataset.features
		.filter((f) => shown.has(f.id) && view.visible.has(f.properties.category) && f.geometry)
		.filter((f) => {
			const b = geometryBounds(f.geometry!);
			return b !== null && overlaps(b, view.bounds);
		})
		.map((f) => f.id);
}

/** The visible layers that have something among `featureIds`: what a figure's legend lists. */
export function layersIn(
	index: EvidenceIndex,
	visible: ReadonlySet<CategoryId>,
	featureIds: readonly string[]
): CategoryId[] {
	const present = new Set(featureIds.map((id) => index.features.get(id)!.properties.category));
	return [...visible].filter((c) => present.has(c));
}
