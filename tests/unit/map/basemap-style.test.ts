import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import type { LayerSpecification, StyleSpecification } from '@maplibre/maplibre-gl-style-spec';
import { describe, expect, it } from 'vitest';
import { basemapManifest } from '../../../src/lib/map/generated/basemap-manifest.ts';
import { buildStyle, FONTS } from '../../../src/lib/map/basemap-style.ts';
import { defaultTheme } from '../../../src/lib/map/theme.ts';

const siteRoot = 'https://atlas.example/base/';

function style(): StyleSpecification {
	return buildStyle(defaultTheme, { siteRoot });
}

/** Every string value anywhere inside a layer's paint properties. */
function paintStrings(layer: LayerSpecification): string[] {
	const out: string[] = [];
	const walk = (v: unknown): void => {
		if (typeof v === 'string') out.push(v);
		else if (Array.isArray(v)) v.forEach(walk);
		else if (v && typeof v === 'object') Object.values(v).forEach(walk);
	};
	walk('paint' in layer ? layer.paint : undefined);
	return out;
}

describe('basemap style', () => {
	it('passes the MapLibre style-spec validator', () => {
		expect(validateStyleMin(style())).toEqual([]);
	});

	it('uses no glyph server, so labels are drawn from the shipped fonts', () => {
		expect(style().glyphs).toBeUndefined();
	});

	it('asks only for fonts the style declares in font-faces', () => {
		const s = style();
		const declared = new Set(Object.keys(s['font-faces'] ?? {}));
		const used = new Set<string>();
		const walk = (v: unknown): void => {
			if (typeof v === 'string' && v.startsWith('Noto Sans')) used.add(v);
			else if (Array.isArray(v)) v.forEach(walk);
		};
		for (const layer of s.layers) {
			if (layer.type === 'symbol') walk(layer.layout?.['text-font']);
		}
		expect(used.size).toBeGreaterThan(0);
		for (const font of used) expect(declared).toContain(font);
		for (const stack of Object.values(FONTS)) expect(declared).toContain(stack[0]);
	});

	it('points every source and font at the site itself, never another origin', () => {
		const s = style();
		const urls = [
			...Object.values(s.sources).map((src) => ('url' in src ? String(src.url) : '')),
			...Object.values(s['font-faces'] ?? {}).flatMap((faces) =>
				(Array.isArray(faces) ? faces : [{ url: faces }]).map((f) => f.url)
			)
		].filter(Boolean);
		expect(urls.length).toBeGreaterThan(3);
		for (const url of urls)
			expect(url.replace(/^pmtiles:\/\//, '')).toMatch(/^https:\/\/atlas\.example\/base\//);
	});

	it('takes every colour from the theme', () => {
		const themeColours = new Set(Object.values(defaultTheme.basemap));
		const colourLike = /^(#|rgb|hsl)/;
		for (const layer of style().layers) {
			for (const value of paintStrings(layer).filter((v) => colourLike.test(v))) {
				expect(themeColours, `${layer.id} uses ${value}`).toContain(value);
			}
		}
	});

	it('draws deployment overlays between the basemap fills and its labels', () => {
		const overlay: LayerSpecification = {
			id: 'overlay-test',
			type: 'background',
			paint: { 'background-opacity': 0 }
		};
		const ids = buildStyle(defaultTheme, { siteRoot }, { layers: [overlay] }).layers.map(
			(l) => l.id
		);
		const at = ids.indexOf('overlay-test');
		expect(at).toBeGreaterThan(ids.indexOf('country-boundaries'));
		expect(at).toBeLessThan(ids.indexOf('place-labels'));
		expect(at).toBeLessThan(ids.indexOf('country-labels'));
	});

	it('reads only source layers that the basemap archive contains', () => {
		const layers = new Set<string>(basemapManifest.layers);
		for (const layer of style().layers) {
			if ('source-layer' in layer && layer['source-layer']) {
				expect(layers).toContain(layer['source-layer']);
			}
		}
	});
});

describe('overlay layers above the labels', () => {
	it('go after the basemap labels in a full style, as the sync step puts them on the map', () => {
		const top = {
			id: 'dep-labels',
			type: 'background',
			metadata: { 'atlas:above-labels': true },
			paint: { 'background-opacity': 0 }
		} as LayerSpecification;
		const below = { ...top, id: 'dep-fill', metadata: {} } as LayerSpecification;
		const ids = buildStyle(defaultTheme, { siteRoot }, { layers: [top, below] }).layers.map(
			(l) => l.id
		);
		expect(ids.at(-1)).toBe('dep-labels');
		expect(ids.indexOf('dep-fill')).toBeLessThan(ids.indexOf('place-labels'));
	});
});
