/**
 * Imported: a user's own file (GeoJSON, KML, GPX, CSV) drawn as context. Every imported file is
 * one entry of one overlay, so all of them share one source and four GPU layers: a light tint for
 * polygons, lines and polygon outlines, point dots, and a selection line. Colour is the entry's
 * (the user's choice). The look differs from the evidence on purpose: no hatching, no dashes, no
 * labels, and small dots ringed in black rather than the event markers' rings in their own colour.
 * Polygon tints are not clickable, so an imported area never hides the evidence zone beneath it;
 * its outline is.
 */
import type {
	ExpressionSpecification,
	FilterSpecification
} from '@maplibre/maplibre-gl-style-spec';
import { hovered, selected } from './expressions.ts';
import { CLICKABLE, type LayerKind } from './types.ts';

const RING = '#1d1d1d';

/**
 * A size that is `far` at the overview (zoom 4 and out) and `near` from zoom 8: a file of tens of
 * thousands of dots or outlines is a blanket at the overview either way, and thinner symbols
 * there are far less to draw. The selected feature keeps its full size at every zoom.
 */
const byZoom = (far: ExpressionSpecification, near: ExpressionSpecification) =>
	['interpolate', ['linear'], ['zoom'], 4, far, 8, near] as unknown as ExpressionSpecification;

const of = (filter: FilterSpecification, ...types: string[]): FilterSpecification =>
	['all', filter, ['in', ['geometry-type'], ['literal', types]]] as FilterSpecification;

export const imported: LayerKind = {
	layers({ theme, sources, filter, faded, byEntry }) {
		const colour = byEntry((e) => e.colour, theme.overlay.label);
		return [
			{
				id: 'tint',
				type: 'fill',
				source: sources.features,
				filter: of(filter, 'Polygon', 'MultiPolygon'),
				paint: { 'fill-color': colour, 'fill-opacity': faded(0.18) }
			},
			{
				id: 'line',
				type: 'line',
				source: sources.features,
				filter: of(filter, 'LineString', 'MultiLineString', 'Polygon', 'MultiPolygon'),
				metadata: { [CLICKABLE]: true },
				layout: { 'line-join': 'round', 'line-cap': 'round' },
				paint: {
					'line-color': ['case', selected, theme.overlay.selection, colour],
					'line-width': byZoom(
						['case', selected, 4, hovered, 2.4, 1.2],
						['case', selected, 4, hovered, 3.2, 2.2]
					),
					'line-opacity': faded(1)
				}
			},
			{
				id: 'points',
				type: 'circle',
				source: sources.features,
				filter: of(filter, 'Point', 'MultiPoint'),
				metadata: { [CLICKABLE]: true },
				paint: {
					'circle-color': colour,
					'circle-radius': byZoom(
						['case', selected, 6.5, hovered, 4, 2.5],
						['case', selected, 6.5, hovered, 5.5, 4.5]
					),
					'circle-stroke-color': ['case', selected, theme.overlay.selection, RING],
					'circle-stroke-width': byZoom(['case', selected, 3, 0.75], ['case', selected, 3, 1.5]),
					'circle-opacity': faded(1),
					'circle-stroke-opacity': faded(1)
				}
			}
		] as ReturnType<LayerKind['layers']>;
	},

	swatch(entry) {
		return [
			{
				tag: 'rect',
				attrs: {
					x: 2,
					y: 4,
					width: 18,
					height: 14,
					fill: entry.colour,
					'fill-opacity': 0.25,
					stroke: entry.colour,
					'stroke-width': 2
				}
			},
			{
				tag: 'circle',
				attrs: { cx: 11, cy: 11, r: 3.5, fill: entry.colour, stroke: RING, 'stroke-width': 1.5 }
			}
		];
	},

	drawSymbol(ctx, entry, { x, y, width: w, height: h }, _theme, scale) {
		ctx.save();
		ctx.globalAlpha = 0.25;
		ctx.fillStyle = entry.colour;
		ctx.fillRect(x, y, w, h);
		ctx.globalAlpha = 1;
		ctx.lineWidth = 1.5 * scale;
		ctx.strokeStyle = entry.colour;
		ctx.strokeRect(x, y, w, h);
		ctx.beginPath();
		ctx.arc(x + w / 2, y + h / 2, Math.min(w, h) / 4, 0, Math.PI * 2);
		ctx.fill();
		ctx.strokeStyle = RING;
		ctx.lineWidth = 1 * scale;
		ctx.stroke();
		ctx.restore();
	}
};
