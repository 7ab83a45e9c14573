import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import type { FeatureCollection, Geometry, Point } from 'geojson';
import { describe, expect, it } from 'vitest';
import { indexDataset } from '../../../src/lib/data/evidence.ts';
import { CATEGORY_IDS, type CategoryId } from '../../../src/lib/data/schema.ts';
import { ABOVE_LABELS, buildStyle } from '../../../src/lib/map/basemap-style.ts';
import {
	deploymentEntries,
	deploymentOverlay,
	groupedLabels
} from '../../../src/lib/map/deployment-layers.ts';
import { KINDS, type OverlaySpec } from '../../../src/lib/map/kinds/registry.ts';
import { buildDeploymentData } from '../../../src/lib/map/map-data.ts';
import { composeOverlays, interactiveLayerIds } from '../../../src/lib/map/overlays.ts';
import { applyOps, diffOverlay } from '../../../src/lib/map/sync.ts';
import { defaultTheme } from '../../../src/lib/map/theme.ts';
import { realDataset } from '../real-dataset.ts';

const index = indexDataset(realDataset());
const data = buildDeploymentData(index);
const all = new Set<CategoryId>(CATEGORY_IDS);
const deployments = deploymentOverlay(data, defaultTheme, { visible: all });

/** An imported file as another team would add it: mixed geometry, a user colour and name. */
function imported(id: string, colour: string): OverlaySpec {
	const features: FeatureCollection<Geometry, object> = {
		type: 'FeatureCollection',
		features: [
			{
				type: 'Feature',
				geometry: { type: 'Point', coordinates: [36, 51] },
				properties: { id: `${id}-1`, category: 'file' }
			}
		]
	};
	const labels: FeatureCollection<Point, object> = {
		type: 'FeatureCollection',
		features: [
			{
				type: 'Feature',
				geometry: { type: 'Point', coordinates: [36, 51] },
				properties: { id: `${id}-1`, category: 'file', short: 'Mine', full: 'Mine' }
			}
		]
	};
	return {
		id,
		features,
		labels,
		entries: [{ key: 'file', kind: 'point', name: 'My file', colour }],
		visible: new Set(['file'])
	};
}

const isTop = (l: { metadata?: unknown }) =>
	(l.metadata as Record<string, unknown> | undefined)?.[ABOVE_LABELS] === true;

describe('composeOverlays', () => {
	it('keeps every above-label layer after all others, whatever the number of overlays', () => {
		for (const count of [1, 2, 3]) {
			const extra = Array.from({ length: count - 1 }, (_, i) => imported(`file${i}`, '#123456'));
			const overlay = composeOverlays([deployments, ...extra], defaultTheme);
			const firstTop = overlay.layers.findIndex(isTop);
			expect(firstTop).toBeGreaterThan(0);
			expect(overlay.layers.slice(firstTop).every(isTop)).toBe(true);
			expect(overlay.layers.filter(isTop)).toHaveLength(count);
			// And the diff accepts it.
			expect(() => diffOverlay(null, overlay, 'labels')).not.toThrow();
		}
	});

	it('makes a valid style with a second overlay, one call and no special case', () => {
		const overlay = composeOverlays([deployments, imported('file', '#aa5500')], defaultTheme);
		const style = buildStyle(defaultTheme, { siteRoot: 'https://x.example/' }, overlay);
		expect(validateStyleMin(style)).toEqual([]);
		expect(interactiveLayerIds(overlay)[0]).toBe('file:point-points');
		expect(overlay.featureSources).toEqual(['deployments', 'deployments-outlines', 'file']);
		expect(JSON.stringify(overlay.layers)).toContain('#aa5500');
	});

	it('leaves an overlay out of hit-testing when it is not clickable', () => {
		const overlay = composeOverlays(
			[deployments, { ...imported('draft', '#000000'), clickable: false }],
			defaultTheme
		);
		expect(interactiveLayerIds(overlay).some((id) => id.startsWith('draft:'))).toBe(false);
	});

	it('refuses two overlays with the same id, and an entry of an unknown kind', () => {
		expect(() => composeOverlays([deployments, deployments], defaultTheme)).toThrow(/used twice/);
		const odd = imported('odd', '#000000');
		expect(() =>
			composeOverlays(
				[{ ...odd, entries: [{ key: 'file', kind: 'hexbin', name: 'x', colour: '#000' }] }],
				defaultTheme
			)
		).toThrow(/unknown kind "hexbin"/);
	});

	it('resolves the images its layers name, through the kind that draws them', () => {
		const overlay = composeOverlays([deployments], defaultTheme);
		const named = JSON.stringify(overlay.layers);
		expect(named).toContain('deployments/zone/');
		expect(named).toContain('deployments/flow/');
		// No canvas in Node: the kind is found, and only drawing is left to the browser.
		expect(overlay.image?.('deployments/nothing/combat/high', 1)).toBeNull();
		expect(overlay.image?.('elsewhere/zone/combat/high', 1)).toBeNull();
	});

	it('has one registry row per kind the deployment categories use', () => {
		for (const entry of deploymentEntries(defaultTheme)) expect(KINDS).toHaveProperty(entry.kind);
	});

	it('adds a second overlay to a map with one, without touching the first', () => {
		const one = composeOverlays([deployments], defaultTheme);
		const two = composeOverlays([deployments, imported('file', '#aa5500')], defaultTheme);
		const ops = diffOverlay(one, two, 'labels');
		expect(ops.filter((o) => o.op === 'removeLayer')).toEqual([]);
		const calls: string[] = [];
		const target = new Proxy(
			{},
			{
				get:
					(_t, name: string) =>
					(...args: unknown[]) => {
						calls.push(name);
						return name.startsWith('get') ? true : args[0];
					}
			}
		);
		applyOps(target as Parameters<typeof applyOps>[0], ops);
		expect(calls.filter((c) => c === 'addLayer')).toHaveLength(2);
	});
});

describe('labels of coincident zones', () => {
	const kursk = ['kursk-combat', 'kursk-construction', 'kursk-demining'];

	it('become one block listing each visible layer with its figure', () => {
		const labels = groupedLabels(data.labels, all);
		const blocks = labels.features.filter((f) => f.properties.group);
		expect(blocks).toHaveLength(1);
		const block = blocks[0]!.properties.full.split('\n');
		expect(block).toHaveLength(3);
		for (const id of kursk) expect(labels.features.map((f) => f.properties.id)).not.toContain(id);
		const own = data.labels.features.filter((f) => kursk.includes(f.properties.id));
		for (const f of own) {
			expect(block).toContain(f.properties.full.split('\n').join(': '));
		}
	});

	it('list only the members shown, and a lone member keeps its own label', () => {
		const two = groupedLabels(data.labels, new Set<CategoryId>(['combat', 'demining']));
		const block = two.features.find((f) => f.properties.group)!;
		expect(block.properties.full.split('\n')).toHaveLength(2);
		const one = groupedLabels(data.labels, all, ['kursk-demining']);
		expect(one.features.some((f) => f.properties.group)).toBe(false);
		expect(one.features.map((f) => f.properties.id)).toContain('kursk-demining');
	});

	it('stay the same object while the shown members stay the same', () => {
		expect(groupedLabels(data.labels, all)).toBe(groupedLabels(data.labels, new Set(all)));
	});
});
