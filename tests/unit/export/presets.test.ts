import { describe, expect, it } from 'vitest';
import {
	EXPORT_PRESET_IDS,
	exportPreset,
	exportPresets,
	isLargeExport,
	mmToPx,
	pxPerPt
} from '../../../src/lib/export/presets.ts';

const laptopMap = { width: 896, height: 737 };

describe('export presets', () => {
	it('offers the four presets in menu order', () => {
		expect(exportPresets(laptopMap).map((p) => p.id)).toEqual([...EXPORT_PRESET_IDS]);
	});

	it('makes A4 landscape at 300 dpi exactly 3508 x 2480 pixels (297 x 210 mm)', () => {
		const a4 = exportPreset('a4-landscape-300dpi', laptopMap);
		expect(a4).toMatchObject({ width: 3508, height: 2480, dpi: 300 });
		expect(mmToPx(297, 300)).toBe(3508);
		expect(mmToPx(210, 300)).toBe(2480);
	});

	it('makes the slide 1920 x 1080, a 16:9 slide of 13.33 x 7.5 inches', () => {
		const slide = exportPreset('slide-16x9', laptopMap);
		expect(slide).toMatchObject({ width: 1920, height: 1080, dpi: 144 });
		expect(slide!.width / slide!.dpi).toBeCloseTo(13.333, 2);
		expect(slide!.height / slide!.dpi).toBeCloseTo(7.5, 5);
	});

	it('scales the current view by 2 and 3, whatever the window size', () => {
		const odd = { width: 1013.5, height: 611 };
		expect(exportPreset('view-2x', odd)).toMatchObject({
			width: 2027,
			height: 1222,
			pixelRatio: 2
		});
		expect(exportPreset('view-3x', laptopMap)).toMatchObject({
			width: 2688,
			height: 2211,
			pixelRatio: 3
		});
	});

	it('renders the map at dpi / 96 so map labels and figure text share one physical scale', () => {
		for (const p of exportPresets(laptopMap)) expect(p.pixelRatio).toBeCloseTo(p.dpi / 96, 10);
	});

	it('converts points at dpi / 72', () => {
		expect(pxPerPt(72)).toBe(1);
		expect(pxPerPt(300)).toBeCloseTo(4.1667, 4);
	});

	it('returns null for an id that is not a preset', () => {
		expect(exportPreset('a3', laptopMap)).toBeNull();
	});

	it('asks for progress on print-size exports but not on a small 2x view', () => {
		expect(isLargeExport(exportPreset('a4-landscape-300dpi', laptopMap)!)).toBe(true);
		expect(isLargeExport(exportPreset('view-2x', { width: 800, height: 600 })!)).toBe(false);
	});
});
