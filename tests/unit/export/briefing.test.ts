/**
 * The shipped briefings, checked as a presenter would: each step frames what it selects, shows
 * the selected feature's layer, picks a date on which it is present, and attributes its figures.
 */
import { describe, expect, it } from 'vitest';
import { dayNumber, mayBePresentOn } from '../../../src/lib/data/dates.ts';
import { loadGeo } from '../../../src/lib/data/geo-files.server.ts';
import { frameBounds } from '../../../src/lib/export/scale-bar.ts';

const { dataset } = loadGeo('geo');
const features = new Map(dataset.features.map((f) => [f.id, f]));
/** The map area beside a 24rem side panel in a 1280 x 800 window. */
const MAP_AREA = { width: 896, height: 737 };

function labelPoint(id: string): [number, number] | null {
	const p = features.get(id)?.properties.geometry_provenance;
	if (!p || p.method === 'none' || !p.derived) return null;
	return 'label_point' in p.derived ? p.derived.label_point : null;
}

describe('the deployments-2024-2025 briefing', () => {
	const briefing = dataset.briefings.find((b) => b.id === 'deployments-2024-2025');

	it('exists with seven to ten steps', () => {
		expect(briefing).toBeDefined();
		expect(briefing!.steps.length).toBeGreaterThanOrEqual(7);
		expect(briefing!.steps.length).toBeLessThanOrEqual(10);
	});

	it('tells the story in order: theatres, combat and its end, builders, deminers, guards, labour, enlistment, uncertainty', () => {
		expect(briefing!.steps.map((s) => s.id)).toEqual([
			'two-theatres',
			'kursk-combat',
			'combat-ends',
			'builders',
			'deminers',
			'border-guard',
			'far-east-labour',
			'enlistments',
			'what-is-uncertain'
		]);
	});

	it('gives every step a short caption and speaker notes', () => {
		for (const step of briefing!.steps) {
			expect(step.caption.length, step.id).toBeLessThanOrEqual(320);
			expect(step.notes.length, step.id).toBeGreaterThan(100);
		}
	});
});

describe('every shipped briefing step', () => {
	const steps = dataset.briefings.flatMap((b) => b.steps.map((s) => ({ briefing: b.id, step: s })));

	it.each(
		steps
			.filter(({ step }) => step.selected !== null)
			.map(({ briefing, step }) => [`${briefing}/${step.id}`, step] as const)
	)(
		'%s shows its selected feature: layer on, present on the date, label in the frame',
		(_, step) => {
			const feature = features.get(step.selected!)!;
			expect(step.layers).toContain(feature.properties.category);
			if (step.time?.mode === 'present-on') {
				expect(mayBePresentOn(feature.properties.presence, dayNumber(step.time.date)!)).toBe(true);
			}
			const point = labelPoint(step.selected!);
			expect(point).not.toBeNull();
			const b = frameBounds(step.camera.center, step.camera.zoom, MAP_AREA.width, MAP_AREA.height);
			expect(point![0]).toBeGreaterThan(b.west);
			expect(point![0]).toBeLessThan(b.east);
			expect(point![1]).toBeGreaterThan(b.south);
			expect(point![1]).toBeLessThan(b.north);
		}
	);

	it('names who claims each figure in the caption', () => {
		const claimants = /NIS|Ukrain|Shoigu|MSMT|Russia|North Korea|Military Watch|according to/;
		for (const { step } of steps) {
			if (/\d{1,3},\d{3}/.test(step.caption)) expect(step.caption, step.id).toMatch(claimants);
		}
	});
});
