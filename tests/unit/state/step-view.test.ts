/**
 * A briefing step as a figure view (src/lib/state/step-view.ts): the handout draws each step from
 * it, so it must show what presenting the step shows, framed for the page.
 */
import { describe, expect, it } from 'vitest';
import { indexDataset } from '../../../src/lib/data/evidence.ts';
import { frameBounds } from '../../../src/lib/export/scale-bar.ts';
import { featuresInView } from '../../../src/lib/map/in-view.ts';
import { BRIEFING_VIEWPORT, stepFigureView } from '../../../src/lib/state/step-view.ts';
import { realDataset } from '../real-dataset.ts';

const index = indexDataset(realDataset());
const briefing = index.dataset.briefings.find((b) => b.id === 'two-theatres')!;

describe('stepFigureView', () => {
	it("shows the step's layers and time, and titles it as the export does", () => {
		const step = briefing.steps[2]!;
		const view = stepFigureView(index, briefing, 2, { width: 680, height: 400 });
		expect([...view.visible].sort()).toEqual([...step.layers].sort());
		expect(view.time?.mode).toBe(step.time!.mode);
		expect(view.title).toBe(`${briefing.title} (step 3 of ${briefing.steps.length})`);
		expect(view.subtitle).toBe(step.caption);
		// Features of hidden layers are not cited.
		for (const id of featuresInView(index, view)) {
			expect(step.layers).toContain(index.features.get(id)!.properties.category);
		}
	});

	it("keeps the step's extent on a smaller page: zoomed out, never cropped", () => {
		const step = briefing.steps[1]!;
		const size = { width: 680, height: 400 };
		const view = stepFigureView(index, briefing, 1, size);
		expect(view.zoom).toBeLessThan(step.camera.zoom);
		const designed = frameBounds(
			step.camera.center,
			step.camera.zoom,
			BRIEFING_VIEWPORT.width,
			BRIEFING_VIEWPORT.height
		);
		const [[west, south], [east, north]] = view.bounds;
		expect(west).toBeLessThanOrEqual(designed.west + 1e-9);
		expect(east).toBeGreaterThanOrEqual(designed.east - 1e-9);
		expect(south).toBeLessThanOrEqual(designed.south + 1e-9);
		expect(north).toBeGreaterThanOrEqual(designed.north - 1e-9);
	});

	it('refuses a step the briefing does not have', () => {
		expect(() => stepFigureView(index, briefing, 99, { width: 100, height: 100 })).toThrow(
			/has no step 100/
		);
	});
});
