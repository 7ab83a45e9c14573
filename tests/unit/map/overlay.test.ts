import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import { describe, expect, it } from 'vitest';
import { indexDataset } from '../../../src/lib/data/evidence.ts';
import { realDataset } from '../real-dataset.ts';
import { CATEGORY_IDS, type CategoryId } from '../../../src/lib/data/schema.ts';
import { buildStyle } from '../../../src/lib/map/basemap-style.ts';
import {
	buildOverlay,
	interactiveLayerIds,
	LAYER_PREFIX
} from '../../../src/lib/map/deployment-layers.ts';
import { buildDeploymentData, outlineOf } from '../../../src/lib/map/map-data.ts';
import { defaultTheme } from '../../../src/lib/map/theme.ts';

const index = indexDataset(realDataset());
const data = buildDeploymentData(index);
const all = new Set<CategoryId>(CATEGORY_IDS);

describe('deployment layers', () => {
	it('form a valid MapLibre style together with the basemap', () => {
		const overlay = buildOverlay(data, defaultTheme, {
			visible: all,
			filter: ['>=', ['get', 'end_max'], 0],
			fade: ['case', ['==', ['get', 'schematic'], true], 0.5, 1]
		});
		const style = buildStyle(defaultTheme, { siteRoot: 'https://x.example/' }, overlay);
		expect(validateStyleMin(style)).toEqual([]);
	});

	it('keep hidden categories as layers with visibility none, so a toggle is one property', () => {
		const visible = new Set<CategoryId>(['construction']);
		const overlay = buildOverlay(data, defaultTheme, { visible });
		const byVisibility = (v: string) =>
			overlay.layers
				.filter((l) => !l.id.includes('labels') && l.layout?.visibility === v)
				.map((l) => l.id.replace(LAYER_PREFIX, '').split('-')[0]);
		expect(new Set(byVisibility('visible'))).toEqual(new Set(['construction']));
		expect(byVisibility('none').length).toBeGreaterThan(10);
	});

	it('give every category a layer whose filter selects its own features', () => {
		const overlay = buildOverlay(data, defaultTheme, { visible: all });
		for (const category of CATEGORY_IDS) {
			const own = overlay.layers.filter((l) => l.id.startsWith(`${LAYER_PREFIX}${category}-`));
			expect(own.length, category).toBeGreaterThan(0);
			for (const layer of own) {
				expect(JSON.stringify('filter' in layer && layer.filter)).toContain(`"${category}"`);
			}
		}
	});

	it('apply the time and evidence filter to every deployment layer', () => {
		const overlay = buildOverlay(data, defaultTheme, {
			visible: all,
			filter: ['<=', ['get', 'start_min'], 20000]
		});
		for (const layer of overlay.layers.filter((l) => !l.id.includes('labels'))) {
			expect(JSON.stringify('filter' in layer && layer.filter), layer.id).toContain('start_min');
		}
	});

	it('draw the points first when hit-testing, then lines, then areas', () => {
		const ids = interactiveLayerIds(buildOverlay(data, defaultTheme, { visible: all }));
		expect(ids[0]).toBe(`${LAYER_PREFIX}event-points`);
		expect(ids.indexOf(`${LAYER_PREFIX}enlistment-line`)).toBeLessThan(
			ids.indexOf(`${LAYER_PREFIX}combat-tint`)
		);
		expect(ids.at(-1)).toBe(`${LAYER_PREFIX}labour-tint`);
	});

	it('use only colours from the theme', () => {
		const colours = new Set<string>([
			...Object.values(defaultTheme.overlay.categories),
			defaultTheme.overlay.selection,
			defaultTheme.overlay.selectionCasing,
			defaultTheme.overlay.label,
			defaultTheme.overlay.labelHalo,
			defaultTheme.overlay.markerFill
		]);
		const found = JSON.stringify(buildOverlay(data, defaultTheme, { visible: all }).layers).match(
			/#[0-9a-f]{3,8}\b/gi
		);
		for (const colour of found ?? []) expect(colours).toContain(colour);
	});
});

describe('deployment map data', () => {
	it('leaves out features with no place and keeps every other one', () => {
		const ids = data.features.features.map((f) => f.properties.id);
		expect(ids).not.toContain('event-lavrov-thanks');
		expect(ids.length).toBe(index.dataset.features.length - 1);
	});

	it('stacks the labels of the three Kursk zones, which share one point', () => {
		const slots = Object.fromEntries(
			data.labels.features.map((f) => [f.properties.id, f.properties.slot])
		);
		expect([slots['kursk-combat'], slots['kursk-construction'], slots['kursk-demining']]).toEqual([
			-1, 0, 1
		]);
		expect(slots['border-guard-band']).toBeNull();
	});

	it('marks confidence and status from the claims', () => {
		const props = Object.fromEntries(
			data.features.features.map((f) => [f.properties.id, f.properties])
		);
		expect(props['kursk-construction']).toMatchObject({ confidence: 'high', status: 'announced' });
		expect(props['border-guard-band']).toMatchObject({ confidence: 'medium', status: 'reported' });
	});
});

describe('zone outlines', () => {
	it('leave out edges that run along the antimeridian, where a zone was cut in two', () => {
		const lines = outlineOf({
			type: 'Polygon',
			coordinates: [
				[
					[170, 60],
					[180, 60],
					[180, 65],
					[170, 65],
					[170, 60]
				]
			]
		});
		expect(lines).toEqual([
			[
				[170, 60],
				[180, 60]
			],
			[
				[180, 65],
				[170, 65],
				[170, 60]
			]
		]);
	});

	it('draw every zone of the real data, and the Far East without a seam at 180 degrees', () => {
		const far = data.outlines.features.find((f) => f.properties.id === 'far-east-labour')!;
		for (const line of far.geometry.coordinates) {
			for (let i = 1; i < line.length; i++) {
				const [a, b] = [line[i - 1]!, line[i]!];
				expect(Math.abs(a[0]!) === 180 && a[0] === b[0]).toBe(false);
			}
		}
		expect(data.outlines.features.map((f) => f.properties.id)).toEqual(
			expect.arrayContaining(['kursk-combat', 'border-guard-band', 'far-east-labour'])
		);
	});
});
