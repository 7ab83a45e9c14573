import { describe, expect, it } from 'vitest';
import { briefingFigures, exportFileName } from '../../../src/lib/export/briefing-figures.ts';
import { loadGeo } from '../../../src/lib/data/geo-files.server.ts';
import { ID_PATTERN } from '../../../src/lib/data/schema.ts';

const briefing = loadGeo('geo').dataset.briefings.find((b) => b.id === 'deployments-2024-2025')!;

describe('briefingFigures', () => {
	const figures = briefingFigures(briefing);

	it('gives one figure per step, titled with its place in the briefing', () => {
		expect(figures).toHaveLength(briefing.steps.length);
		expect(figures[2]!.title).toBe(`${briefing.title} (step 3 of ${briefing.steps.length})`);
		expect(figures[2]!.subtitle).toBe(briefing.steps[2]!.caption);
		expect(figures[2]!.time).toEqual(briefing.steps[2]!.time);
	});

	it('names files so they sort in step order and contain only safe characters', () => {
		const stems = figures.map((f) => f.fileStem);
		expect(stems[0]).toBe('deployments-2024-2025-01-two-theatres');
		expect([...stems].sort()).toEqual(stems);
		for (const stem of stems) expect(stem).toMatch(ID_PATTERN);
		expect(exportFileName(stems[0]!, 'slide-16x9')).toBe(
			'deployments-2024-2025-01-two-theatres@slide-16x9.png'
		);
	});

	it('does not share the layer list with the briefing, so callers may change it', () => {
		const own = briefingFigures(briefing);
		own[0]!.layers.pop();
		expect(briefingFigures(briefing)[0]!.layers).toEqual(briefing.steps[0]!.layers);
	});
});
