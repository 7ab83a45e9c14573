/**
 * Flows: schematic movements (dispatch, enlistment). A dashed line on a white casing with
 * arrowheads along it; dash and arrow colour are data-driven, so every flow entry shares three
 * GPU layers.
 */
import { arrowPath } from '../symbology.ts';
import { imageCanvas, polygonPath } from './draw.ts';
import { hovered, selected } from './expressions.ts';
import { CLICKABLE, type LayerKind } from './types.ts';

const ARROW = 'arrow';
const WIDTH = 2.6;

export const flow: LayerKind = {
	layers({ entries, theme, sources, filter, faded, byEntry, imageId }) {
		const order = byEntry((e) => entries.indexOf(e), entries.length);
		return [
			{
				id: 'casing',
				type: 'line',
				source: sources.features,
				filter,
				layout: { 'line-cap': 'round', 'line-join': 'round', 'line-sort-key': order },
				paint: {
					// Constant width: the basemap's line program draws it (no compile of its own);
					// the line above shows selection and hover.
					'line-color': theme.overlay.selectionCasing,
					'line-width': 5,
					'line-opacity': faded(0.85)
				}
			},
			{
				id: 'line',
				type: 'line',
				source: sources.features,
				filter,
				metadata: { [CLICKABLE]: true },
				layout: { 'line-cap': 'butt', 'line-join': 'round', 'line-sort-key': order },
				paint: {
					'line-color': [
						'case',
						selected,
						theme.overlay.selection,
						byEntry((e) => e.colour, theme.overlay.label)
					],
					'line-width': ['case', selected, 4, hovered, 3.5, WIDTH],
					'line-dasharray': byEntry((e) => ['literal', e.dash ?? [1, 0]], ['literal', [1, 0]]),
					'line-opacity': faded(1)
				}
			},
			{
				id: 'arrows',
				type: 'symbol',
				source: sources.features,
				filter,
				layout: {
					'symbol-placement': 'line',
					'symbol-spacing': 90,
					'icon-image': imageId(['get', 'category'], ARROW),
					'icon-size': 0.9,
					'icon-rotation-alignment': 'map',
					'icon-allow-overlap': true,
					'icon-ignore-placement': true
				},
				paint: { 'icon-opacity': faded(1) }
			}
		] as ReturnType<LayerKind['layers']>;
	},

	image(entry, variant, theme, ratio) {
		if (variant !== ARROW) return null;
		const size = Math.round(14 * ratio);
		const c = imageCanvas(size, size, ratio);
		if (!c) return null;
		polygonPath(c.ctx, arrowPath(size));
		c.ctx.fillStyle = entry.colour;
		c.ctx.strokeStyle = theme.overlay.selectionCasing;
		c.ctx.lineWidth = 1.2 * ratio;
		c.ctx.lineJoin = 'round';
		c.ctx.stroke();
		c.ctx.fill();
		return c.done();
	},

	swatch(entry) {
		const dash = (entry.dash ?? [1, 0]).map((d) => d * WIDTH).join(' ');
		return [
			{
				tag: 'line',
				attrs: {
					x1: 1,
					y1: 11,
					x2: 21,
					y2: 11,
					stroke: '#fff',
					'stroke-width': 5,
					'stroke-linecap': 'round'
				}
			},
			{
				tag: 'line',
				attrs: {
					x1: 1,
					y1: 11,
					x2: 16,
					y2: 11,
					stroke: entry.colour,
					'stroke-width': WIDTH,
					'stroke-dasharray': dash
				}
			},
			{
				tag: 'path',
				attrs: {
					d: 'M13 6 L21 11 L13 16 L15.5 11 Z',
					fill: entry.colour,
					stroke: '#fff',
					'stroke-width': 0.8
				}
			}
		];
	},

	drawSymbol(ctx, entry, { x, y, width: w, height: h }, _theme, scale) {
		ctx.save();
		const mid = y + h / 2;
		ctx.lineWidth = WIDTH * scale;
		ctx.strokeStyle = entry.colour;
		ctx.setLineDash((entry.dash ?? [1, 0]).map((d) => d * WIDTH * scale));
		ctx.beginPath();
		ctx.moveTo(x, mid);
		ctx.lineTo(x + w - h * 0.6, mid);
		ctx.stroke();
		ctx.setLineDash([]);
		polygonPath(ctx, arrowPath(h), ([px, py]) => [x + w - h + px, mid - h / 2 + py]);
		ctx.fillStyle = entry.colour;
		ctx.fill();
		ctx.restore();
	}
};
