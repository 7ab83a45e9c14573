/**
 * A briefing step as a figure view: what a handout page (or any render of the step that is not
 * the live map) shows: the same layers, time and filters as presenting the step in AtlasState,
 * worked out without a live map. The camera is the step's, its zoom adjusted so the step's
 * extent fits the target size.
 */
import type { EvidenceIndex } from '../data/evidence.ts';
import type { Briefing } from '../data/schema.ts';
import { frameBounds, zoomToKeepExtent } from '../map/camera-math.ts';
import type { FigureView } from '../map/in-view.ts';
import { normalizeFilters } from './filter-state.ts';
import { countShown } from './filters.ts';
import { combinedFilter, fadeOpacity, mapTimeQuery, selectionFromBriefing } from './time.ts';

/**
 * The window a step's camera is written for: a laptop's map area in presentation mode. A figure
 * of another size keeps this extent (zooming out for a smaller one), so a step frames the same
 * places in the room and on paper.
 */
export const BRIEFING_VIEWPORT = { width: 1280, height: 720 } as const;

export function stepFigureView(
	index: EvidenceIndex,
	briefing: Briefing,
	stepIndex: number,
	size: { width: number; height: number }
): FigureView {
	const step = briefing.steps[stepIndex];
	if (!step) throw new RangeError(`${briefing.id} has no step ${stepIndex + 1}`);
	const filters = normalizeFilters({ categories: step.layers, claimants: [], minCredibility: 6 });
	const time = selectionFromBriefing(step.time);
	const query = mapTimeQuery(time, filters);
	const zoom = zoomToKeepExtent(step.camera.zoom, BRIEFING_VIEWPORT, size);
	const b = frameBounds(step.camera.center, zoom, size.width, size.height);
	return {
		title: `${briefing.title} (step ${stepIndex + 1} of ${briefing.steps.length})`,
		subtitle: step.caption,
		center: step.camera.center,
		zoom,
		bearing: step.camera.bearing ?? 0,
		viewport: size,
		bounds: [
			[b.west, b.south],
			[b.east, b.north]
		],
		visible: new Set(filters.categories),
		time,
		shownIds: countShown(index.dataset, filters, time).ids,
		filter: combinedFilter(query),
		fade: fadeOpacity(query)
	};
}
