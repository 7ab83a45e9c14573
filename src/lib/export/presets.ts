/**
 * Export sizes. A preset fixes the figure's size in device pixels, the pixel ratio the map is
 * rendered at, and the resolution (dots per inch) the figure's text is set for.
 *
 * The two numbers are related on purpose: CSS assumes 96 pixels to the inch, so a map rendered at
 * `pixelRatio = dpi / 96` has its labels and line widths at the same physical size as the
 * figure's text, which is set in points (1 pt = dpi / 72 px). The same rule drives print-map
 * tools that fake `devicePixelRatio`; here the ratio is passed to MapLibre's `pixelRatio` option.
 */

export const EXPORT_PRESET_IDS = [
	'view-2x',
	'view-3x',
	'slide-16x9',
	'a4-landscape-300dpi'
] as const;
export type ExportPresetId = (typeof EXPORT_PRESET_IDS)[number];

export interface ExportPreset {
	id: ExportPresetId;
	label: string;
	/** Figure width in device pixels (the PNG's width). */
	width: number;
	/** Figure height in device pixels (the PNG's height). */
	height: number;
	/** Device pixels per CSS pixel for the off-screen map. */
	pixelRatio: number;
	/** Resolution the figure's point sizes are converted at: 1 pt = dpi / 72 px. */
	dpi: number;
}

/** The on-screen map area, in CSS pixels. */
export interface ViewportSize {
	width: number;
	height: number;
}

/** CSS reference resolution: one CSS pixel is 1/96 inch. */
export const CSS_DPI = 96;
export const MM_PER_INCH = 25.4;
export const POINTS_PER_INCH = 72;

/** ISO 216 A4, landscape. */
export const A4_LANDSCAPE_MM = { width: 297, height: 210 } as const;

/**
 * A 16:9 slide is 13.333 x 7.5 inches in the common presentation tools, so 1920 x 1080 pixels is
 * 144 dpi: text set in points then has the size it would have on a slide.
 */
const SLIDE_DPI = 144;

/** Millimetres to whole device pixels at a resolution. */
export function mmToPx(mm: number, dpi: number): number {
	return Math.round((mm / MM_PER_INCH) * dpi);
}

/** Device pixels per point at a resolution. */
export function pxPerPt(dpi: number): number {
	return dpi / POINTS_PER_INCH;
}

function viewPreset(
	id: 'view-2x' | 'view-3x',
	ratio: number,
	viewport: ViewportSize
): ExportPreset {
	return {
		id,
		label: `Current view at ${ratio}x`,
		width: Math.round(viewport.width * ratio),
		height: Math.round(viewport.height * ratio),
		pixelRatio: ratio,
		dpi: CSS_DPI * ratio
	};
}

/**
 * Every preset for a given on-screen map size, in menu order. The "current view" presets are the
 * viewport scaled up; the others have fixed sizes.
 */
export function exportPresets(viewport: ViewportSize): ExportPreset[] {
	const a4Dpi = 300;
	return [
		viewPreset('view-2x', 2, viewport),
		viewPreset('view-3x', 3, viewport),
		{
			id: 'slide-16x9',
			label: 'Slide 16:9 (1920 x 1080)',
			width: 1920,
			height: 1080,
			pixelRatio: SLIDE_DPI / CSS_DPI,
			dpi: SLIDE_DPI
		},
		{
			id: 'a4-landscape-300dpi',
			label: 'A4 landscape, 300 dpi',
			width: mmToPx(A4_LANDSCAPE_MM.width, a4Dpi),
			height: mmToPx(A4_LANDSCAPE_MM.height, a4Dpi),
			pixelRatio: a4Dpi / CSS_DPI,
			dpi: a4Dpi
		}
	];
}

/** The preset with this id, or null when the id is not a preset (say, from a URL or a CLI flag). */
export function exportPreset(id: string, viewport: ViewportSize): ExportPreset | null {
	return exportPresets(viewport).find((p) => p.id === id) ?? null;
}

/**
 * Above this many pixels the export takes long enough (seconds with software WebGL) that the UI
 * should show progress. 4 megapixels is about a 2x export of a laptop-sized map.
 */
export const LARGE_EXPORT_PIXELS = 4_000_000;

export function isLargeExport(preset: Pick<ExportPreset, 'width' | 'height'>): boolean {
	return preset.width * preset.height > LARGE_EXPORT_PIXELS;
}
