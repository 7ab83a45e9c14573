import type { LayerSpecification } from '@maplibre/maplibre-gl-style-spec';
import { describe, expect, it } from 'vitest';
import type { Overlay } from '../../../src/lib/map/deployment-layers.ts';
import { ABOVE_LABELS, applyOps, diffOverlay, type Op } from '../../../src/lib/map/sync.ts';

const dataA = { type: 'FeatureCollection', features: [] };
const dataB = { type: 'FeatureCollection', features: [] };

function line(id: string, over: Partial<LayerSpecification> = {}): LayerSpecification {
	return {
		id,
		type: 'line',
		source: 's',
		layout: { visibility: 'visible' },
		paint: { 'line-color': '#000' },
		...over
	} as LayerSpecification;
}

function overlay(layers: LayerSpecification[], data: object = dataA): Overlay {
	return { sources: { s: { type: 'geojson', data: data as never } }, layers };
}

describe('overlay diff', () => {
	it('adds everything, in order and below the anchor, when nothing is applied yet', () => {
		const ops = diffOverlay(null, overlay([line('a'), line('b')]), 'labels');
		expect(ops).toEqual([
			{ op: 'addSource', id: 's', source: { type: 'geojson', data: dataA } },
			{ op: 'addLayer', layer: line('a'), beforeId: 'labels' },
			{ op: 'addLayer', layer: line('b'), beforeId: 'labels' }
		]);
	});

	it('puts layers marked above the labels on top of the whole style', () => {
		const top = line('top', { metadata: { [ABOVE_LABELS]: true } });
		const ops = diffOverlay(null, overlay([line('a'), top]), 'labels');
		expect(ops.at(-1)).toEqual({ op: 'addLayer', layer: top, beforeId: undefined });
	});

	it('refuses an overlay with a layer below the labels after one above them', () => {
		const top = line('top', { metadata: { [ABOVE_LABELS]: true } });
		expect(() => diffOverlay(null, overlay([line('a'), top, line('b')]), 'labels')).toThrow(
			/"b" comes after a layer drawn above the labels/
		);
	});

	it('turns a layer toggle into a single layout change', () => {
		const before = overlay([line('a'), line('b')]);
		const after = overlay([line('a'), line('b', { layout: { visibility: 'none' } })]);
		expect(diffOverlay(before, after)).toEqual([
			{ op: 'setLayout', id: 'b', name: 'visibility', value: 'none' }
		]);
	});

	it('turns a time step into filter changes only, without touching the data', () => {
		const before = overlay([line('a', { filter: ['<=', ['get', 't'], 1] })]);
		const after = overlay([line('a', { filter: ['<=', ['get', 't'], 2] })]);
		expect(diffOverlay(before, after)).toEqual([
			{ op: 'setFilter', id: 'a', filter: ['<=', ['get', 't'], 2] }
		]);
	});

	it('changes nothing when nothing changed', () => {
		expect(diffOverlay(overlay([line('a')]), overlay([line('a')]))).toEqual([]);
	});

	it('sends new data to the existing source instead of rebuilding layers', () => {
		expect(diffOverlay(overlay([line('a')]), overlay([line('a')], dataB))).toEqual([
			{ op: 'setData', id: 's', data: dataB }
		]);
	});

	it('replaces a source whose settings changed, and re-adds the layers reading it', () => {
		const before = overlay([line('a')]);
		const after: Overlay = {
			sources: { s: { type: 'geojson', data: dataA as never, promoteId: 'id' } },
			layers: [line('a')]
		};
		expect(diffOverlay(before, after).map((o) => o.op)).toEqual([
			'removeLayer',
			'removeSource',
			'addSource',
			'addLayer'
		]);
	});

	it('re-adds a layer whose type changed, in its place', () => {
		const before = overlay([line('a'), line('b'), line('c')]);
		const b = { id: 'b', type: 'circle', source: 's' } as LayerSpecification;
		const ops = diffOverlay(before, overlay([line('a'), b, line('c')]));
		expect(ops).toEqual([
			{ op: 'removeLayer', id: 'b' },
			{ op: 'addLayer', layer: b, beforeId: 'c' }
		]);
	});

	it('compares values by content, reading keys that hold undefined as absent, as JSON does', () => {
		const colour = (k: number) => ['case', ['==', ['get', 'k'], k], '#000', '#fff'];
		const withColour = (k: number) =>
			line('a', { paint: { 'line-color': colour(k) } } as Partial<LayerSpecification>);
		const before = overlay([withColour(1)]);
		const same: Overlay = {
			sources: { s: { type: 'geojson', data: dataA as never, promoteId: undefined } },
			layers: [withColour(1)]
		};
		expect(diffOverlay(before, same)).toEqual([]);
		expect(diffOverlay(before, overlay([withColour(2)]))).toEqual([
			{ op: 'setPaint', id: 'a', name: 'line-color', value: colour(2) }
		]);
	});

	it('removes layers and sources that are no longer wanted', () => {
		const ops = diffOverlay(overlay([line('a'), line('b')]), { sources: {}, layers: [] });
		expect(ops).toEqual([
			{ op: 'removeLayer', id: 'a' },
			{ op: 'removeLayer', id: 'b' },
			{ op: 'removeSource', id: 's' }
		]);
	});
});

describe('applying ops', () => {
	it('makes the matching public-API calls and skips removals of what is not there', () => {
		const calls: string[] = [];
		const present = new Set(['a']);
		const target = {
			addSource: (id: string) => calls.push(`addSource ${id}`),
			removeSource: (id: string) => calls.push(`removeSource ${id}`),
			getSource: (id: string) =>
				present.has(id) ? { setData: () => calls.push(`setData ${id}`) } : undefined,
			addLayer: (l: LayerSpecification, before?: string) =>
				calls.push(`addLayer ${l.id} ${before}`),
			removeLayer: (id: string) => calls.push(`removeLayer ${id}`),
			getLayer: (id: string) => (present.has(id) ? {} : undefined),
			setFilter: (id: string) => calls.push(`setFilter ${id}`),
			setPaintProperty: (id: string, n: string) => calls.push(`setPaint ${id} ${n}`),
			setLayoutProperty: (id: string, n: string) => calls.push(`setLayout ${id} ${n}`),
			setGlobalStateProperty: (n: string, v: unknown) => calls.push(`setGlobalState ${n} ${v}`)
		};
		const ops: Op[] = [
			{ op: 'setGlobalState', name: 'day', value: 20000 },
			{ op: 'removeLayer', id: 'gone' },
			{ op: 'removeLayer', id: 'a' },
			{ op: 'addLayer', layer: line('x'), beforeId: 'a' },
			{ op: 'addLayer', layer: line('y'), beforeId: 'missing' },
			{ op: 'setData', id: 'a', data: dataB },
			{ op: 'setFilter', id: 'x', filter: null },
			{ op: 'setPaint', id: 'x', name: 'line-color', value: '#fff' },
			{ op: 'setLayout', id: 'x', name: 'visibility', value: 'none' }
		];
		applyOps(target, ops);
		expect(calls).toEqual([
			'setGlobalState day 20000',
			'removeLayer a',
			'addLayer x a',
			'addLayer y undefined',
			'setData a',
			'setFilter x',
			'setPaint x line-color',
			'setLayout x visibility'
		]);
	});

	it('sets filters and properties without run-time validation: the tests validate them', () => {
		const options: unknown[] = [];
		const record = (...args: unknown[]) => options.push(args.at(-1));
		const target = {
			addSource: () => {},
			removeSource: () => {},
			getSource: () => undefined,
			addLayer: () => {},
			removeLayer: () => {},
			getLayer: () => ({}),
			setFilter: record,
			setPaintProperty: record,
			setLayoutProperty: record,
			setGlobalStateProperty: () => {}
		};
		applyOps(target, [
			{ op: 'setFilter', id: 'x', filter: ['==', ['get', 'k'], 1] },
			{ op: 'setPaint', id: 'x', name: 'line-color', value: '#fff' },
			{ op: 'setLayout', id: 'x', name: 'visibility', value: 'none' }
		]);
		expect(options).toEqual([{ validate: false }, { validate: false }, { validate: false }]);
	});
});
