/**
 * The words of a figure, assembled from the dataset and the view being exported: title, "as of"
 * line, legend entries for the visible layers, caveat, attribution and numbered footnotes. The
 * UI and the render CLI both call this, so a figure and its copied citations always agree.
 */
import { formatDatePrec, isoFromDay } from '../data/dates.ts';
import {
	CATEGORY_IDS,
	CATEGORY_LABELS,
	type CategoryId,
	type TimeMode
} from '../data/vocabulary.ts';
import type { Dataset } from '../data/schema.ts';
import type { TimeSelection } from '../state/time.ts';
import { figureCaveat } from './citations.ts';
import { citeFeatures, type Footnotes } from './footnotes.ts';
import type { FigureText } from './layout.ts';

export const FOOTNOTES_HEADING = 'Sources (the numbers in brackets on the map refer to these)';
export const LEGEND_TITLE = 'Layers shown';

export interface FigureRequest {
	title: string;
	subtitle?: string | null;
	/** The time filter of the view, as briefings and the URL hold it; null shows every date. */
	time: { mode: TimeMode; date: string } | null;
	/** Visible layers; drawn in legend (CATEGORY_IDS) order whatever order they come in. */
	layers: readonly CategoryId[];
	/** Features drawn on the exported map (after layer and time filters), in any order. */
	visibleFeatureIds: readonly string[];
	/** The basemap credits, as the map's attribution control shows them. */
	attribution: string;
	/** Where the scale bar is true; see scaleBarNote. */
	scaleNote?: string | null;
}

/** A view's time selection as figures hold it (the briefing and URL form: a date, not a day). */
export function figureTime(time: TimeSelection | null): FigureRequest['time'] {
	return time ? { mode: time.mode, date: isoFromDay(time.day) } : null;
}

/** "As of 4 Nov 2025", "As reported by 30 Nov 2025", or "All dates on file". */
export function asOfLine(time: FigureRequest['time']): string {
	if (time === null) return 'All dates on file';
	const day = formatDatePrec({ value: time.date, precision: 'day', resolution: 'stated' });
	return time.mode === 'present-on' ? `As of ${day}` : `As reported by ${day}`;
}

export function figureText(
	dataset: Dataset,
	request: FigureRequest
): { text: FigureText; footnotes: Footnotes } {
	const footnotes = citeFeatures(dataset, request.visibleFeatureIds);
	const shown = new Set(request.layers);
	return {
		footnotes,
		text: {
			title: request.title,
			subtitle: request.subtitle ?? null,
			asOf: asOfLine(request.time),
			legendTitle: LEGEND_TITLE,
			legend: CATEGORY_IDS.filter((c) => shown.has(c)).map((id) => ({
				id,
				label: CATEGORY_LABELS[id]
			})),
			scaleNote: request.scaleNote ?? null,
			caveat: figureCaveat(request.time !== null),
			attribution: request.attribution,
			footnotesHeading: FOOTNOTES_HEADING,
			footnotes: footnotes.footnotes.map((f) => ({ number: f.number, text: f.text }))
		}
	};
}
