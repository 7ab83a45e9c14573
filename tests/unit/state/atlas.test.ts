/**
 * Presenting a briefing (AtlasState): a step's layers, time and selection change together with
 * the step itself, so the address writes one history entry per step.
 */
import { describe, expect, it } from 'vitest';
import { AtlasState } from '../../../src/lib/state/atlas.svelte.ts';
import { selectionFromBriefing } from '../../../src/lib/state/time.ts';
import { realDataset } from '../real-dataset.ts';

describe('AtlasState briefings', () => {
	const dataset = realDataset();
	const briefing = dataset.briefings.find((b) => b.id === 'two-theatres')!;

	it('starts a briefing at its first step, with that step applied', () => {
		const atlas = new AtlasState(dataset);
		atlas.claimants = ['nis'];
		expect(atlas.startBriefing('two-theatres')).toBe(true);
		expect(atlas.briefingStep?.index).toBe(0);
		expect([...atlas.visible].sort()).toEqual([...briefing.steps[0]!.layers].sort());
		expect(atlas.claimants).toEqual([]);
		expect(atlas.startBriefing('no-such-briefing')).toBe(false);
	});

	it('applies each step as it moves, clamps to the steps it has, and leaves with null', () => {
		const atlas = new AtlasState(dataset);
		atlas.startBriefing('two-theatres');
		atlas.goToStep(1);
		const step = briefing.steps[1]!;
		expect(atlas.briefing).toEqual({ id: 'two-theatres', stepIndex: 1 });
		expect([...atlas.visible].sort()).toEqual([...step.layers].sort());
		expect(atlas.time).toEqual(selectionFromBriefing(step.time));
		expect(atlas.selectedId).toBe(step.selected);
		atlas.goToStep(99);
		expect(atlas.briefingStep?.index).toBe(briefing.steps.length - 1);
		atlas.goToStep(null);
		expect(atlas.briefing).toBeNull();
	});

	it('applies the step a link names over the rest of the link, and leaves an unknown briefing', () => {
		const atlas = new AtlasState(dataset);
		atlas.applyView({ categories: ['event'], briefing: { id: 'two-theatres', stepIndex: 2 } });
		expect([...atlas.visible].sort()).toEqual([...briefing.steps[2]!.layers].sort());
		atlas.applyView({ briefing: { id: 'gone', stepIndex: 0 } });
		expect(atlas.briefing).toBeNull();
	});
});
