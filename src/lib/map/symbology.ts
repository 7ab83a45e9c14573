/**
 * How each category is drawn, as parameters shared by the map (canvas images, layer paint) and
 * the legend (SVG). One definition, so the legend shows the symbols exactly as the map draws them.
 *
 * Three cues carry meaning besides colour, so the map reads in greyscale:
 * - geometry kind: hatched zone, dashed arrowed line, point marker;
 * - hatch angle per zone category (the three Kursk zones share one polygon and stay apart);
 * - confidence, from the best Admiralty credibility grade among a feature's claims: dense,
 *   strong hatching for grades 1-2, lighter for 3, sparse and faint for 4-6.
 */
import type { CategoryId, LocationPrecision } from '../data/schema.ts';

export type SymbolKind = 'zone' | 'flow' | 'point';

export const CONFIDENCE_TIERS = ['high', 'medium', 'low'] as const;
export type ConfidenceTier = (typeof CONFIDENCE_TIERS)[number];

export const CONFIDENCE_LABELS: Record<ConfidenceTier, string> = {
	high: 'Higher confidence: best claim graded 1–2',
	medium: 'Medium confidence: best claim graded 3',
	low: 'Lower confidence: best claim graded 4–6'
};

/** Admiralty credibility (1 best ... 6 cannot be judged) to a drawing tier. */
export function confidenceTier(bestCredibility: number): ConfidenceTier {
	if (bestCredibility <= 2) return 'high';
	if (bestCredibility === 3) return 'medium';
	return 'low';
}

export interface HatchStyle {
	/** Stripe direction in degrees: 0 horizontal, 45 rising, 90 vertical, 135 falling. */
	angle: 0 | 45 | 90 | 135;
	/** Distance between stripes, CSS pixels. */
	spacing: number;
}

export interface CategorySymbol {
	kind: SymbolKind;
	/** Short name for labels at low zoom and in the legend. */
	short: string;
	hatch?: HatchStyle;
	/** Line dash for flows, in line widths. */
	dash?: number[];
}

/** Draw order: large, vague areas first so smaller, firmer ones stay on top. */
export const CATEGORY_ORDER: readonly CategoryId[] = [
	'labour',
	'border-guard',
	'combat',
	'construction',
	'demining',
	'dispatch',
	'enlistment',
	'event'
];

export const CATEGORY_SYMBOLS: Record<CategoryId, CategorySymbol> = {
	combat: { kind: 'zone', short: 'Combat', hatch: { angle: 45, spacing: 9 } },
	construction: { kind: 'zone', short: 'Reconstruction', hatch: { angle: 135, spacing: 9 } },
	demining: { kind: 'zone', short: 'Demining', hatch: { angle: 90, spacing: 9 } },
	'border-guard': { kind: 'zone', short: 'Border guard', hatch: { angle: 0, spacing: 7 } },
	labour: { kind: 'zone', short: 'Labour', hatch: { angle: 45, spacing: 14 } },
	enlistment: { kind: 'flow', short: 'Enlisted labourers', dash: [2, 1.5] },
	dispatch: { kind: 'flow', short: 'Dispatch', dash: [0.5, 1.5] },
	event: { kind: 'point', short: 'Event' }
};

/** Stripe width (CSS px) and opacity of the hatching for each confidence tier. */
export const HATCH_WEIGHT: Record<ConfidenceTier, { width: number; opacity: number }> = {
	high: { width: 2.4, opacity: 0.9 },
	medium: { width: 1.6, opacity: 0.75 },
	low: { width: 1, opacity: 0.6 }
};

/**
 * Outline dash by location precision, in line widths: the vaguer the location, the more broken
 * the outline. Region outlines are the Natural Earth boundary of a region the sources name; a
 * band's width is assumed; a macro-region is a grouping of regions.
 */
export const OUTLINE_DASH: Partial<Record<LocationPrecision, number[]>> = {
	region: [4, 2],
	band: [1.5, 1.5],
	'macro-region': [0.6, 2]
};

export const PRECISION_LABELS: Record<LocationPrecision, string> = {
	point: 'Point',
	city: 'City named in the sources',
	region: 'Region named in the sources: the whole region is outlined',
	band: 'Band of assumed width along a border',
	'macro-region': 'Macro-region: a grouping of regions',
	schematic: 'Schematic: shows a movement, not a route',
	'not-located': 'Not located: not drawn on the map'
};

/** Image names, used by layers and generated on demand when MapLibre asks for them. */
export const hatchImageId = (category: CategoryId, tier: ConfidenceTier) =>
	`hatch-${category}-${tier}`;
export const arrowImageId = (category: CategoryId) => `arrow-${category}`;

/**
 * Segments of a hatch tile of `size` px: each stripe as a line from (x1,y1) to (x2,y2). Drawn
 * with wrap-around copies so the tile repeats without seams; 45 and 135 degree tiles are square
 * with one stripe per tile diagonal.
 */
export function hatchSegments(hatch: HatchStyle): Array<[number, number, number, number]> {
	const s = hatch.spacing;
	switch (hatch.angle) {
		case 0:
			return [[0, s / 2, s, s / 2]];
		case 90:
			return [[s / 2, 0, s / 2, s]];
		case 45:
			// Rising to the right (y grows downward): from bottom-left to top-right, plus corners.
			return [
				[0, s, s, 0],
				[-s / 2, s / 2, s / 2, -s / 2],
				[s / 2, s * 1.5, s * 1.5, s / 2]
			];
		case 135:
			return [
				[0, 0, s, s],
				[-s / 2, s / 2, s / 2, s * 1.5],
				[s / 2, -s / 2, s * 1.5, s / 2]
			];
	}
}

/** Triangle pointing right, in a box of `size` px: the arrowhead drawn along flow lines. */
export function arrowPath(size: number): Array<[number, number]> {
	return [
		[size * 0.15, size * 0.15],
		[size * 0.9, size * 0.5],
		[size * 0.15, size * 0.85],
		[size * 0.35, size * 0.5]
	];
}
