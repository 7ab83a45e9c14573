/**
 * Points: events at a place. A circle marker, filled when the party concerned confirmed the
 * event (`status: confirmed`), hollow otherwise; one GPU layer for every point entry.
 */
import type { ExpressionSpecification } from '@maplibre/maplibre-gl-style-spec';
import { hovered, selected } from './expressions.ts';
import { CLICKABLE, type LayerKind } from './types.ts';

export const point: LayerKind = {
	layers({ theme, sources, filter, faded, byEntry }) {
		const colour = byEntry((e) => e.colour, theme.overlay.label);
		const confirmed: ExpressionSpecification = ['==', ['get', 'status'], 'confirmed'];
		return [
			{
				id: 'points',
				type: 'circle',
				source: sources.features,
				filter,
				metadata: { [CLICKABLE]: true },
				paint: {
					// Filled: confirmed by the party concerned. Hollow: reported or claimed by others.
					'circle-color': ['case', confirmed, colour, theme.overlay.markerFill],
					'circle-radius': ['case', selected, 8, hovered, 7, 6],
					'circle-stroke-color': ['case', selected, theme.overlay.selection, colour],
					'circle-stroke-width': ['case', selected, 3.5, 2.5],
					'circle-opacity': faded(1),
					'circle-stroke-opacity': faded(1)
				}
			}
		] as ReturnType<LayerKind['layers']>;
	},

	swatch(entry, theme, { filled = true }) {
		return [
			{
				tag: 'circle',
				attrs: {
					cx: 11,
					cy: 11,
					r: 6,
					fill: filled ? entry.colour : theme.overlay.markerFill,
					stroke: entry.colour,
					'stroke-width': 2.5
				}
			}
		];
	},

	drawSymbol(ctx, entry, { x, y, width: w, height: h }, theme, scale) {
		ctx.save();
		ctx.beginPath();
		ctx.arc(x + w / 2, y + h / 2, Math.min(w, h) / 2 - 1.5 * scale, 0, Math.PI * 2);
		ctx.fillStyle = entry.colour;
		ctx.fill();
		ctx.lineWidth = 1.5 * scale;
		ctx.strokeStyle = theme.overlay.markerFill;
		ctx.stroke();
		ctx.restore();
	}
};
