/**
 * The editor's overlays: a draft on top of the deployments (its own ids and "Draft" labels, the
 * same filter) and the region map (ISO codes as ids, picked regions drawn apart), each a valid
 * MapLibre style with the basemap.
 */
import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { indexDataset } from '../../../src/lib/data/evidence.ts';
import { CATEGORY_IDS, type CategoryId } from '../../../src/lib/data/schema.ts';
import { buildStyle } from '../../../src/lib/map/basemap-style.ts';
import {
	buildOverlay,
	draftOverlay,
	interactiveLayerIds
} from '../../../src/lib/map/deployment-layers.ts';
import { buildDeploymentData } from '../../../src/lib/map/map-data.ts';
import { regionPickerOverlay, type Regions } from '../../../src/lib/map/region-picker.ts';
import { defaultTheme } from '../../../src/lib/map/theme.ts';
import { realDataset } from '../real-dataset.ts';

const data = buildDeploymentData(indexDataset(realDataset()));
const all = new Set<CategoryId>(CATEGORY_IDS);
const siteRoot = 'https://x.example/';

describe('draft overlay', () => {
	const someId = data.labels.features[0]!.properties.id;
	const filter = ['>=', ['get', 'end_max'], 0] as const;
	const ui = { visible: all, filter: [...filter] as never };
	const overlay = buildOverlay(data, defaultTheme, ui, [
		draftOverlay(data, [someId], defaultTheme, ui)
	]);

	it('is drawn on top with the deployments in one valid style, clickable', () => {
		expect(validateStyleMin(buildStyle(defaultTheme, { siteRoot }, overlay))).toEqual([]);
		const clickable = interactiveLayerIds(overlay);
		expect(clickable[0]).toMatch(/^draft:/);
		expect(clickable.some((id) => id.startsWith('deployments:'))).toBe(true);
	});

	it('holds only the draft features, ids prefixed, labels marked Draft', () => {
		const spec = draftOverlay(data, [someId], defaultTheme, ui);
		const features = spec.features;
		if (typeof features === 'string' || !('features' in features)) {
			throw new Error('a draft overlay holds its features');
		}
		expect(features.features.map((f) => (f.properties as { id: string }).id)).toEqual([
			`draft:${someId}`
		]);
		const label = spec.labels!.features[0]!.properties as { full: string; group: string | null };
		expect(label.full).toMatch(/^Draft: /);
		expect(label.group).toBeNull();
		expect(spec.filter).toEqual(ui.filter);
	});
});

describe('region picker overlay', () => {
	const admin1 = JSON.parse(readFileSync('geo/basemap/admin1.geojson', 'utf8')) as Regions;
	const regions: Regions = {
		type: 'FeatureCollection',
		features: admin1.features.filter((f) => ['RU-KRS', 'RU-BEL'].includes(f.properties.iso_3166_2))
	};

	it('names features by ISO code and draws the picked ones as their own entry', () => {
		const overlay = regionPickerOverlay(regions, ['RU-KRS'], defaultTheme);
		expect(validateStyleMin(buildStyle(defaultTheme, { siteRoot }, overlay))).toEqual([]);
		const source = overlay.sources['regions'] as unknown as { data: Regions };
		const byId = Object.fromEntries(
			source.data.features.map((f) => [
				(f.properties as unknown as { id: string }).id,
				(f.properties as unknown as { category: string }).category
			])
		);
		expect(byId).toEqual({ 'RU-KRS': 'picked', 'RU-BEL': 'region' });
		expect(interactiveLayerIds(overlay).length).toBeGreaterThan(0);
	});
});
