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
import { diffOverlay } from '../../../src/lib/map/sync.ts';
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

	it('draw each kind with a few data-driven layers, not a set per category', () => {
		const overlay = buildOverlay(data, defaultTheme, { visible: all });
		expect(overlay.layers.length).toBeLessThanOrEqual(9);
		const ids = overlay.layers.map((l) => l.id);
		expect(ids).toContain(`${LAYER_PREFIX}zone-area`);
		expect(ids).toContain(`${LAYER_PREFIX}flow-arrows`);
		expect(ids).toContain(`${LAYER_PREFIX}point-points`);
	});

	it('hide a category with the filter of every layer of its kind', () => {
		const visible = new Set<CategoryId>(['construction']);
		const overlay = buildOverlay(data, defaultTheme, { visible });
		const area = overlay.layers.find((l) => l.id === `${LAYER_PREFIX}zone-area`)!;
		const filter = JSON.stringify('filter' in area && area.filter);
		expect(filter).toContain('"construction"');
		expect(filter).not.toContain('"combat"');
		const points = overlay.layers.find((l) => l.id === `${LAYER_PREFIX}point-points`)!;
		expect('filter' in points && points.filter).toEqual([
			'in',
			['get', 'category'],
			['literal', []]
		]);
	});

	it('outline the selected zone with layers that hold only that zone', () => {
		const none = buildOverlay(data, defaultTheme, { visible: all });
		const one = buildOverlay(data, defaultTheme, { visible: all, selectedId: 'kursk-combat' });
		const selectedFilter = (o: typeof none) => {
			const layer = o.layers.find((l) => l.id === `${LAYER_PREFIX}zone-selected`)!;
			return JSON.stringify('filter' in layer && layer.filter);
		};
		expect(selectedFilter(one)).toContain('"kursk-combat"');
		expect(selectedFilter(none)).toContain('["==",["get","id"],""]');
		// Only those filters change when the selection does.
		const ops = diffOverlay(none, one);
		expect(ops.map((o) => o.op)).toEqual(['setFilter', 'setFilter']);
	});

	it('apply the time and evidence filter to every deployment layer', () => {
		const overlay = buildOverlay(data, defaultTheme, {
			visible: all,
			filter: ['<=', ['get', 'start_min'], 20000]
		});
		for (const layer of overlay.layers) {
			expect(JSON.stringify('filter' in layer && layer.filter), layer.id).toContain('start_min');
		}
	});

	it('hit-test the layers marked clickable in their metadata, points first, then lines, then areas', () => {
		const ids = interactiveLayerIds(buildOverlay(data, defaultTheme, { visible: all }));
		expect(ids).toEqual([
			`${LAYER_PREFIX}point-points`,
			`${LAYER_PREFIX}flow-line`,
			`${LAYER_PREFIX}zone-area`
		]);
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

	it('groups the labels of the three Kursk zones, which share one point', () => {
		const groups = Object.fromEntries(
			data.labels.features.map((f) => [f.properties.id, f.properties.group])
		);
		const kursk = groups['kursk-combat'];
		expect(kursk).toBeTruthy();
		expect([groups['kursk-construction'], groups['kursk-demining']]).toEqual([kursk, kursk]);
		expect(groups['border-guard-band']).toBeNull();
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
