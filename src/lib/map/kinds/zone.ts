/**
 * Zones: areas where people are reported. A light tint, a hatch whose angle tells the entries
 * apart and whose weight shows confidence, an outline whose dashes show how precisely the place
 * is known, and a solid selection line on a white casing. One layer per role for every entry:
 * the tinted hatch tile and the dash are data-driven, so five zone entries cost four GPU layers,
 * not 25.
 */
import type { LayerSpecification } from '@maplibre/maplibre-gl-style-spec';
import {
	CONFIDENCE_TIERS,
	HATCH_WEIGHT,
	hatchSegments,
	OUTLINE_DASH,
	type ConfidenceTier
} from '../symbology.ts';
import { imageCanvas } from './draw.ts';
import { hovered, match } from './expressions.ts';
import { CLICKABLE, type LayerKind } from './types.ts';

const isTier = (v: string): v is ConfidenceTier =>
	(CONFIDENCE_TIERS as readonly string[]).includes(v);

/** Opacity of a zone's tint under its stripes (map tiles, legend swatch, figure legend). */
const TINT_OPACITY = 0.1;
/** Tile size (CSS px) of a zone entry without stripes: only its tint. */
const PLAIN_TILE = 4;

export const zone: LayerKind = {
	layers({ entries, theme, sources, filter, selectedFilter, faded, byEntry, imageId }) {
		const colour = byEntry((e) => e.colour, theme.overlay.label);
		// Earlier entries first: large, vague areas under smaller, firmer ones.
		const order = byEntry((e) => entries.indexOf(e), entries.length);
		const tier = match(
			['get', 'confidence'],
			CONFIDENCE_TIERS.map((t) => [t, t]),
			'low'
		);
		const dash = match(
			['get', 'location_precision'],
			Object.entries(OUTLINE_DASH).map(([precision, d]) => [precision, ['literal', d]]),
			['literal', [1, 0]]
		);
		const layers: LayerSpecification[] = [
			// Tint and hatch in one pattern fill: each tile is the tint with the stripes drawn
			// over it (see `image`), so a zone costs one fill layer and one GPU program instead
			// of a tinted fill, a pattern fill and the pattern's antialiased outline (three shader
			// compiles before the first frame). No antialiased edge: where a zone is cut at 180
			// degrees it would show as a seam.
			{
				id: 'area',
				type: 'fill',
				source: sources.features,
				filter,
				metadata: { [CLICKABLE]: true },
				layout: { 'fill-sort-key': order },
				paint: {
					'fill-pattern': imageId(['get', 'category'], tier),
					'fill-opacity': faded(1),
					'fill-antialias': false
				}
			} as LayerSpecification
		];
		layers.push(
			{
				id: 'outline',
				type: 'line',
				source: sources.outlines,
				filter,
				layout: { 'line-join': 'round', 'line-sort-key': order },
				paint: {
					'line-color': colour,
					'line-width': ['case', hovered, 2.8, 1.6],
					'line-dasharray': dash,
					'line-opacity': faded(1)
				}
			} as LayerSpecification,
			// Selection is a solid line over the dashed outline, on a white casing (dash patterns
			// cannot follow feature-state). Both lines hold only the selected zone, through their
			// filter, so their paint is constant: they share the basemap's line program instead of
			// compiling one of their own (each distinct set of data-driven properties is a shader
			// compile before the first frame).
			{
				id: 'casing',
				type: 'line',
				source: sources.outlines,
				filter: selectedFilter,
				layout: { 'line-join': 'round' },
				paint: {
					'line-color': theme.overlay.selectionCasing,
					'line-width': 5,
					'line-opacity': 0.85
				}
			},
			{
				id: 'selected',
				type: 'line',
				source: sources.outlines,
				filter: selectedFilter,
				layout: { 'line-join': 'round' },
				paint: { 'line-color': theme.overlay.selection, 'line-width': 2.2 }
			}
		);
		return layers;
	},

	image(entry, variant, _theme, ratio) {
		if (!isTier(variant)) return null;
		const hatch = entry.hatch;
		const size = Math.round((hatch?.spacing ?? PLAIN_TILE) * ratio);
		const c = imageCanvas(size, size, ratio);
		if (!c) return null;
		// The tint first, as the legend swatch draws it; then the stripes over it.
		c.ctx.fillStyle = entry.colour;
		c.ctx.globalAlpha = TINT_OPACITY;
		c.ctx.fillRect(0, 0, size, size);
		if (!hatch) return c.done();
		const weight = HATCH_WEIGHT[variant];
		c.ctx.strokeStyle = entry.colour;
		c.ctx.globalAlpha = weight.opacity;
		c.ctx.lineWidth = weight.width * ratio;
		c.ctx.lineCap = 'square';
		for (const [x1, y1, x2, y2] of hatchSegments(hatch)) {
			c.ctx.beginPath();
			c.ctx.moveTo(x1 * ratio, y1 * ratio);
			c.ctx.lineTo(x2 * ratio, y2 * ratio);
			c.ctx.stroke();
		}
		return c.done();
	},

	swatch(entry, _theme, { confidence = 'high', dash, uid }) {
		const weight = HATCH_WEIGHT[confidence];
		const box = { x: 1, y: 1, width: 20, height: 20 };
		const nodes: import('./types.ts').SvgNode[] = [
			{ tag: 'rect', attrs: { ...box, fill: entry.colour, 'fill-opacity': TINT_OPACITY } }
		];
		if (entry.hatch) {
			const s = entry.hatch.spacing;
			nodes.unshift({
				tag: 'defs',
				attrs: {},
				children: [
					{
						tag: 'pattern',
						attrs: { id: `hatch-${uid}`, width: s, height: s, patternUnits: 'userSpaceOnUse' },
						children: hatchSegments(entry.hatch).map(([x1, y1, x2, y2]) => ({
							tag: 'line' as const,
							attrs: {
								x1,
								y1,
								x2,
								y2,
								stroke: entry.colour,
								'stroke-width': weight.width,
								'stroke-opacity': weight.opacity,
								'stroke-linecap': 'square'
							}
						}))
					}
				]
			});
			nodes.push({ tag: 'rect', attrs: { ...box, fill: `url(#hatch-${uid})` } });
		}
		nodes.push({
			tag: 'rect',
			attrs: {
				...box,
				fill: 'none',
				stroke: entry.colour,
				'stroke-width': 1.6,
				'stroke-dasharray': dash ? dash.map((d) => d * 1.6).join(' ') : undefined
			}
		});
		return nodes;
	},

	drawSymbol(ctx, entry, { x, y, width: w, height: h }, _theme, scale) {
		ctx.save();
		ctx.beginPath();
		ctx.rect(x, y, w, h);
		ctx.clip();
		ctx.globalAlpha = TINT_OPACITY;
		ctx.fillStyle = entry.colour;
		ctx.fillRect(x, y, w, h);
		if (entry.hatch) {
			const weight = HATCH_WEIGHT.high;
			ctx.globalAlpha = weight.opacity;
			ctx.strokeStyle = entry.colour;
			ctx.lineWidth = weight.width * scale;
			const s = entry.hatch.spacing * scale;
			for (let ox = -s; ox < w + s; ox += s) {
				for (let oy = -s; oy < h + s; oy += s) {
					for (const [x1, y1, x2, y2] of hatchSegments(entry.hatch)) {
						ctx.beginPath();
						ctx.moveTo(x + ox + x1 * scale, y + oy + y1 * scale);
						ctx.lineTo(x + ox + x2 * scale, y + oy + y2 * scale);
						ctx.stroke();
					}
				}
			}
		}
		ctx.globalAlpha = 1;
		ctx.strokeStyle = entry.colour;
		ctx.lineWidth = 1.6 * scale;
		const inset = ctx.lineWidth / 2;
		ctx.strokeRect(x + inset, y + inset, w - ctx.lineWidth, h - ctx.lineWidth);
		ctx.restore();
	}
};
