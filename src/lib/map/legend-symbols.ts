/**
 * Legend symbols for exported figures, drawn on a 2D canvas by the entry's kind, from the same
 * parameters as the map images and the on-screen legend. Loaded with the export code only.
 */
import type { CategoryId } from '../data/vocabulary.ts';
import { categoryEntry } from './deployment-layers.ts';
import { kindOf, type OverlayEntry } from './kinds/registry.ts';
import type { Theme } from './theme.ts';

/**
 * A legend entry's symbol on a 2D canvas, inside `rect` (device pixels), for exported figures;
 * `scale` is device pixels per CSS pixel of the symbol's line widths and spacings.
 */
export function drawEntrySymbol(
	ctx: CanvasRenderingContext2D,
	entry: OverlayEntry,
	rect: { x: number; y: number; width: number; height: number },
	theme: Theme,
	scale: number
): void {
	kindOf(entry).drawSymbol(ctx, entry, rect, theme, scale);
}

/** A deployment category's legend symbol: see drawEntrySymbol. */
export function drawCategorySymbol(
	ctx: CanvasRenderingContext2D,
	category: CategoryId,
	rect: { x: number; y: number; width: number; height: number },
	theme: Theme,
	scale: number
): void {
	drawEntrySymbol(ctx, categoryEntry(category, theme), rect, theme, scale);
}
