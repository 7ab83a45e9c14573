import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import { describe, expect, it } from 'vitest';
import { missingLayersNotice, splitImported, withImported } from '../../../src/lib/import/link.ts';
import {
	IMPORTED_SOURCE,
	importedForFigure,
	importedOverlay
} from '../../../src/lib/import/map-layers.ts';
import { safeColour } from '../../../src/lib/import/palette.ts';
import { FOLD_AT, propertyRows } from '../../../src/lib/import/property-table.ts';
import type { ImportedLayer } from '../../../src/lib/import/imported-layers.svelte.ts';
import { buildStyle } from '../../../src/lib/map/basemap-style.ts';
import { interactiveLayerIds } from '../../../src/lib/map/overlays.ts';
import { composeOverlays } from '../../../src/lib/map/overlays.ts';
import { defaultTheme } from '../../../src/lib/map/theme.ts';

function layer(id: string, over: Partial<ImportedLayer> = {}): ImportedLayer {
	return {
		id,
		name: `${id}.geojson`,
		fileName: `${id}.geojson`,
		importedAt: '2026-03-12T10:00:00.000Z',
		colour: '#7b3294',
		visible: true,
		format: 'geojson',
		featureCount: 3,
		counts: { points: 1, lines: 1, polygons: 1 },
		bbox: [35, 51, 36.2, 51.7],
		warnings: [],
		order: 0,
		...over
	};
}

describe('imported layers on the map', () => {
	it('draws every imported file from one source with one set of layers, whatever their number', () => {
		const one = composeOverlays(
			[importedOverlay([layer('a')], 'atlas-imported://{z}/{x}/{y}?v=1')!],
			defaultTheme
		);
		const three = composeOverlays(
			[importedOverlay([layer('a'), layer('b'), layer('c')], 'atlas-imported://{z}/{x}/{y}?v=1')!],
			defaultTheme
		);
		expect(Object.keys(three.sources)).toEqual([IMPORTED_SOURCE]);
		// Vector tiles from the imported-tiles worker, each layer reading the tiles' one layer.
		expect(three.sources[IMPORTED_SOURCE]).toMatchObject({
			type: 'vector',
			tiles: ['atlas-imported://{z}/{x}/{y}?v=1'],
			promoteId: 'id'
		});
		expect(three.sourceLayers).toEqual({ [IMPORTED_SOURCE]: 'features' });
		for (const l of three.layers) expect(l).toMatchObject({ 'source-layer': 'features' });
		expect(three.layers.map((l) => l.id)).toEqual(one.layers.map((l) => l.id));
		expect(three.layers).toHaveLength(3);
	});

	it('is a valid MapLibre style with the basemap, and hidden files are filtered out', () => {
		const spec = importedOverlay(
			[layer('a'), layer('b', { visible: false, colour: '#4d9221' })],
			'atlas-imported://{z}/{x}/{y}?v=1'
		)!;
		expect([...spec.visible]).toEqual(['a']);
		const overlay = composeOverlays([spec], defaultTheme);
		const errors = validateStyleMin(buildStyle(defaultTheme, { siteRoot: 'http://x/' }, overlay));
		expect(errors).toEqual([]);
		// Points and lines open a panel; polygon tints do not, so the evidence beneath stays clickable.
		expect(interactiveLayerIds(overlay).map((id) => id.split(':')[1])).toEqual([
			'imported-points',
			'imported-line'
		]);
	});

	it('adds nothing without imported layers', () => {
		expect(importedOverlay([], 'atlas-imported://{z}/{x}/{y}?v=1')).toBeNull();
		expect(importedOverlay([layer('a')], null)).toBeNull();
	});

	it('puts in a figure only the shown layers that reach into the view, each with its note', () => {
		const kursk: [[number, number], [number, number]] = [
			[30, 48],
			[40, 55]
		];
		const farEast = layer('fe', { bbox: [131, 43, 135, 48.5], fileName: 'sites.kml' });
		const hidden = layer('h', { visible: false });
		const { overlays, notes } = importedForFigure(
			[layer('a'), farEast, hidden],
			'atlas-imported://{z}/{x}/{y}?v=1',
			kursk
		);
		expect(overlays[0]!.entries.map((e) => e.name)).toEqual(['Imported: a.geojson']);
		expect(notes).toEqual(['User-supplied layer: a.geojson, imported 12 Mar 2026']);
	});

	it('counts a layer across 180 degrees as in a view on either side', () => {
		const chukotka = layer('c', { bbox: [-180, 64, 180, 68] });
		const view: [[number, number], [number, number]] = [
			[170, 60],
			[190, 70]
		];
		expect(
			importedForFigure([chukotka], 'atlas-imported://{z}/{x}/{y}?v=1', view).notes
		).toHaveLength(1);
	});
});

describe('imported layers in the link', () => {
	it('reads the imp part apart from the atlas settings and writes it back', () => {
		expect(splitImported('#at=5/50/36&imp=abc123,def456&t=2025-01-01')).toEqual({
			hash: '#at=5/50/36&t=2025-01-01',
			ids: ['abc123', 'def456']
		});
		expect(withImported('#at=5/50/36', ['abc123'])).toBe('#at=5/50/36&imp=abc123');
		expect(withImported('', ['abc123'])).toBe('#imp=abc123');
		expect(withImported('#at=5/50/36', [])).toBe('#at=5/50/36');
	});

	it('drops ids that are not short lower-case tokens', () => {
		expect(splitImported('#imp=ok1,<script>,TOO_LONG_AND_UPPER_CASE').ids).toEqual(['ok1']);
	});

	it('says when the link names layers this browser does not have, and is silent otherwise', () => {
		expect(missingLayersNotice(['a1', 'b2'], ['a1'])).toMatch(
			/^This link shows an imported layer that this browser does not have\. Imported files never leave/
		);
		expect(missingLayersNotice(['a1', 'b2'], [])).toMatch(/^This link shows 2 imported layers/);
		expect(missingLayersNotice(['a1'], ['a1'])).toBeNull();
	});
});

describe('the imported feature panel table', () => {
	it('keeps markup as text, links only http(s) addresses and folds long values', () => {
		const long = 'x'.repeat(FOLD_AT + 10);
		const rows = propertyRows(
			JSON.stringify({
				name: '<img src=x onerror=alert(1)>',
				site: 'https://example.org/a',
				bad: 'javascript:alert(1)',
				nested: { a: [1, 2] },
				empty: null,
				long
			})
		);
		expect(rows).toEqual([
			{ key: 'name', text: '<img src=x onerror=alert(1)>', href: null, short: null },
			{ key: 'site', text: 'https://example.org/a', href: 'https://example.org/a', short: null },
			{ key: 'bad', text: 'javascript:alert(1)', href: null, short: null },
			{ key: 'nested', text: '{"a":[1,2]}', href: null, short: null },
			{ key: 'empty', text: '', href: null, short: null },
			{ key: 'long', text: long, href: null, short: `${'x'.repeat(FOLD_AT)}…` }
		]);
	});

	it('gives no rows for unreadable or non-object properties', () => {
		expect(propertyRows('{not json')).toEqual([]);
		expect(propertyRows('[1,2]')).toEqual([]);
		expect(propertyRows(null)).toEqual([]);
	});

	it('accepts only #rrggbb colours back from storage', () => {
		expect(safeColour('#A6611A')).toBe('#a6611a');
		expect(safeColour('red; background:url(x)')).toBeNull();
	});
});
