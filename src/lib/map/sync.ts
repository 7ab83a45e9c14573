/**
 * Reconciles the map with the desired overlay. `diffOverlay` is pure: it compares the overlay
 * last applied with the one wanted now and lists the smallest set of MapLibre calls that turns
 * one into the other. `applyOps` makes those calls through MapLibre's public API. Together they
 * are the only code that adds or removes overlay layers and sources.
 */
import type {
	FilterSpecification,
	LayerSpecification,
	SourceSpecification
} from '@maplibre/maplibre-gl-style-spec';
import { ABOVE_LABELS } from './basemap-style.ts';
import type { Overlay } from './overlays.ts';

export { ABOVE_LABELS };

export type Op =
	| { op: 'addSource'; id: string; source: SourceSpecification }
	| { op: 'removeSource'; id: string }
	| { op: 'setData'; id: string; data: unknown }
	| { op: 'addLayer'; layer: LayerSpecification; beforeId: string | undefined }
	| { op: 'removeLayer'; id: string }
	| { op: 'setFilter'; id: string; filter: FilterSpecification | null }
	| { op: 'setPaint'; id: string; name: string; value: unknown }
	| { op: 'setLayout'; id: string; name: string; value: unknown }
	| { op: 'setGlobalState'; name: string; value: unknown };

const EMPTY: Overlay = { sources: {}, layers: [] };

/**
 * Whether two style values (JSON-like: arrays, plain objects, primitives) are equal, with JSON's
 * reading of them: keys holding undefined count as absent. Walks both at once, so a changed
 * filter is found at its first differing number and shared sub-expressions at once by identity,
 * instead of serialising both sides whole on every step.
 */
function same(a: unknown, b: unknown): boolean {
	if (a === b) return true;
	if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
	if (Array.isArray(a) || Array.isArray(b)) {
		if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
		for (let i = 0; i < a.length; i++) if (!same(a[i], b[i])) return false;
		return true;
	}
	const x = a as Record<string, unknown>;
	const y = b as Record<string, unknown>;
	let count = 0;
	for (const key of Object.keys(x)) {
		if (x[key] === undefined) continue;
		if (!Object.hasOwn(y, key) || !same(x[key], y[key])) return false;
		count += 1;
	}
	for (const key of Object.keys(y)) if (y[key] !== undefined) count -= 1;
	return count === 0;
}

/** A source's settings apart from its data (GeoJSON data is compared by identity). */
function settings(source: SourceSpecification): unknown {
	if (source.type !== 'geojson') return source;
	const { data: _data, ...rest } = source;
	return rest;
}

function props(layer: LayerSpecification, key: 'paint' | 'layout'): Record<string, unknown> {
	return ((layer as Record<string, unknown>)[key] as Record<string, unknown> | undefined) ?? {};
}

/** Whether `b` can be reached from `a` with property and filter updates alone. */
function compatible(a: LayerSpecification, b: LayerSpecification): boolean {
	const src = (l: LayerSpecification) => ('source' in l ? l.source : undefined);
	const srcLayer = (l: LayerSpecification) => ('source-layer' in l ? l['source-layer'] : undefined);
	return (
		a.type === b.type &&
		src(a) === src(b) &&
		srcLayer(a) === srcLayer(b) &&
		a.minzoom === b.minzoom &&
		a.maxzoom === b.maxzoom
	);
}

function isTop(layer: LayerSpecification): boolean {
	const meta = layer.metadata as Record<string, unknown> | undefined;
	return meta?.[ABOVE_LABELS] === true;
}

/**
 * The calls that turn the map's overlay from `prev` into `next`. `anchor` is the id of the
 * basemap layer overlay layers are drawn below (the first label layer); layers whose metadata
 * sets ABOVE_LABELS go above everything instead, and must come last in `next.layers`.
 */
export function diffOverlay(prev: Overlay | null, next: Overlay, anchor?: string): Op[] {
	// The rule composeOverlays keeps for any number of overlays: a layer below the labels after
	// one above them would be drawn above the labels on the map (and below in a figure).
	const firstTop = next.layers.findIndex(isTop);
	const stray = firstTop < 0 ? undefined : next.layers.slice(firstTop).find((l) => !isTop(l));
	if (stray) {
		throw new Error(
			`Overlay layer "${stray.id}" comes after a layer drawn above the labels; compose overlays with composeOverlays.`
		);
	}
	const before = prev ?? EMPTY;
	const ops: Op[] = [];

	// Global state first, so filters and layers added below read the new values at once.
	const hadState = before.state ?? {};
	const wantState = next.state ?? {};
	for (const name of new Set([...Object.keys(hadState), ...Object.keys(wantState)])) {
		if (!same(hadState[name], wantState[name])) {
			ops.push({ op: 'setGlobalState', name, value: wantState[name] ?? null });
		}
	}

	// Sources whose settings changed are replaced, and so are the layers that read them.
	const replacedSources = new Set<string>();
	for (const [id, source] of Object.entries(before.sources)) {
		const wanted = next.sources[id];
		if (!wanted || !same(settings(source), settings(wanted))) replacedSources.add(id);
	}

	const nextIds = next.layers.map((l) => l.id);
	const prevById = new Map(before.layers.map((l) => [l.id, l]));
	const nextById = new Map<string, LayerSpecification>();
	for (const l of next.layers) if (!nextById.has(l.id)) nextById.set(l.id, l);
	// Layers are kept only if they stay in the same relative order; anything else is re-added.
	const keptOrder = before.layers
		.map((l) => l.id)
		.filter((id) => {
			const wanted = nextById.get(id);
			const had = prevById.get(id)!;
			const src = 'source' in had ? had.source : undefined;
			return wanted && compatible(had, wanted) && !(src && replacedSources.has(src));
		});
	const keepable = new Set(keptOrder);
	const nextOrderOfKept = nextIds.filter((id) => keepable.has(id));
	const kept = new Set<string>();
	// Longest run that keeps its order: simple greedy pass is enough for overlay-sized lists.
	let cursor = 0;
	for (const id of keptOrder) {
		const at = nextOrderOfKept.indexOf(id, cursor);
		if (at >= 0) {
			kept.add(id);
			cursor = at + 1;
		}
	}

	for (const layer of before.layers) {
		if (!kept.has(layer.id)) ops.push({ op: 'removeLayer', id: layer.id });
	}
	for (const id of Object.keys(before.sources)) {
		if (replacedSources.has(id)) ops.push({ op: 'removeSource', id });
	}
	for (const [id, source] of Object.entries(next.sources)) {
		const had = before.sources[id];
		if (!had || replacedSources.has(id)) ops.push({ op: 'addSource', id, source });
		else if (source.type === 'geojson' && had.type === 'geojson' && source.data !== had.data) {
			ops.push({ op: 'setData', id, data: source.data });
		}
	}

	next.layers.forEach((layer, i) => {
		if (!kept.has(layer.id)) {
			// Layers marked as drawn above the basemap labels go on top of the whole style.
			const top = isTop(layer);
			const beforeId =
				next.layers.slice(i + 1).find((l) => kept.has(l.id) && isTop(l) === top)?.id ??
				(top ? undefined : anchor);
			ops.push({ op: 'addLayer', layer, beforeId });
			return;
		}
		const had = prevById.get(layer.id)!;
		const hadFilter = 'filter' in had ? had.filter : undefined;
		const wantFilter = 'filter' in layer ? layer.filter : undefined;
		if (!same(hadFilter, wantFilter)) {
			ops.push({ op: 'setFilter', id: layer.id, filter: wantFilter ?? null });
		}
		for (const key of ['layout', 'paint'] as const) {
			const a = props(had, key);
			const b = props(layer, key);
			for (const name of new Set([...Object.keys(a), ...Object.keys(b)])) {
				if (same(a[name], b[name])) continue;
				ops.push({
					op: key === 'paint' ? 'setPaint' : 'setLayout',
					id: layer.id,
					name,
					value: b[name]
				});
			}
		}
	});
	return ops;
}

/** MapLibre's setter options (StyleSetterOptions). */
export interface SetterOptions {
	validate?: boolean;
}

/** The subset of MapLibre's Map that applying ops needs: public API only. */
export interface OverlayTarget {
	addSource(id: string, source: SourceSpecification): unknown;
	removeSource(id: string): unknown;
	getSource(id: string): unknown;
	addLayer(layer: LayerSpecification, beforeId?: string): unknown;
	removeLayer(id: string): unknown;
	getLayer(id: string): unknown;
	setFilter(id: string, filter: FilterSpecification | null, options?: SetterOptions): unknown;
	setPaintProperty(id: string, name: string, value: unknown, options?: SetterOptions): unknown;
	setLayoutProperty(id: string, name: string, value: unknown, options?: SetterOptions): unknown;
	setGlobalStateProperty(name: string, value: unknown): unknown;
}

/**
 * Filters and properties are set without MapLibre's style-spec validation. The values come from
 * composeOverlays and the expressions in state/time.ts, never from user input, and the unit tests
 * validate them (tests/unit/map/overlay-validity.test.ts: every time mode, filter setting and
 * visible set); validating them again on every time step was most of the step's main-thread
 * time (about 0.2 ms of each ~0.25 ms setFilter here, for 34 filters and 25 fade opacities per
 * step; see scripts/bench/timeline.ts). Layers and sources are still validated when added.
 */
const TRUSTED: SetterOptions = { validate: false };

export function applyOps(map: OverlayTarget, ops: Op[]): void {
	for (const op of ops) {
		switch (op.op) {
			case 'addSource':
				map.addSource(op.id, op.source);
				break;
			case 'removeSource':
				if (map.getSource(op.id)) map.removeSource(op.id);
				break;
			case 'setData': {
				const source = map.getSource(op.id) as { setData?: (data: unknown) => void } | undefined;
				source?.setData?.(op.data);
				break;
			}
			case 'addLayer':
				map.addLayer(op.layer, op.beforeId && map.getLayer(op.beforeId) ? op.beforeId : undefined);
				break;
			case 'removeLayer':
				if (map.getLayer(op.id)) map.removeLayer(op.id);
				break;
			case 'setFilter':
				map.setFilter(op.id, op.filter, TRUSTED);
				break;
			case 'setPaint':
				map.setPaintProperty(op.id, op.name, op.value, TRUSTED);
				break;
			case 'setLayout':
				map.setLayoutProperty(op.id, op.name, op.value, TRUSTED);
				break;
			case 'setGlobalState':
				map.setGlobalStateProperty(op.name, op.value);
				break;
		}
	}
}
