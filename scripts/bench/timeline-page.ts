/**
 * Browser side of the timeline benchmark (scripts/bench/timeline.ts bundles this file and serves
 * it). One MapLibre map with a background and the deployment overlay exactly as the app builds
 * it, and the changes the benchmark times, each from the map state the previous one left:
 *
 * - 'app': what the app does when the timeline commits a day or a layer is toggled: the filter
 *   state and map query as AtlasState derives them, combinedFilter + fadeOpacity +
 *   mapGlobalState, buildOverlay, diffOverlay against the overlay last applied, applyOps on the
 *   map (MapView's $effect). With MAP_DAY_STATE (state/time/expressions.ts) the day is the map's
 *   global state and a day step within a mode is one setGlobalStateProperty call.
 * - The references below set the day written into every filter and fade expression. When the
 *   app's form differs, the map is switched to the reference's form before a reference's change
 *   (and back before an app change), untimed and, for settled steps, waited for.
 * - 'setFilter': MapLibre alone, making the calls on the same layers with the same values,
 *   planned before the clock starts: setFilter (and setLayoutProperty for a toggle) timed as the
 *   budget's reference, then setPaintProperty for the fade, timed apart. Both are made in the
 *   same task, so the map ends in the same state as after the app's step and re-lays out its
 *   tiles once, as it does for the app (a filter change and a data-driven paint change each mark
 *   the layer for the same single re-layout).
 * - 'setFilter-novalidate': the same with { validate: false }, MapLibre's option to skip
 *   style-spec validation of values the caller has already validated.
 */
import { Map as MapLibreMap, setWorkerUrl, type StyleSpecification } from 'maplibre-gl';
import type { FilterSpecification } from '@maplibre/maplibre-gl-style-spec';
import { basemapFontFaces } from '../../src/lib/map/basemap-style.ts';
import { buildOverlay, type Overlay } from '../../src/lib/map/deployment-layers.ts';
import type { DeploymentData } from '../../src/lib/map/map-data.ts';
import { addOverlayImage } from '../../src/lib/map/map-images.ts';
import { applyOps, diffOverlay, type Op } from '../../src/lib/map/sync.ts';
import { defaultTheme } from '../../src/lib/map/theme.ts';
import { CATEGORY_IDS, type CategoryId, type Dataset } from '../../src/lib/data/schema.ts';
import { normalizeFilters } from '../../src/lib/state/filter-state.ts';
import { countShown } from '../../src/lib/state/filters.ts';
import {
	combinedFilter,
	fadeOpacity,
	MAP_DAY_STATE,
	mapGlobalState,
	mapTimeQuery,
	type MapTimeQuery,
	type TimeSelection
} from '../../src/lib/state/time.ts';
import { syntheticData } from './synthetic.ts';

/** The basemap label layer MapView anchors the overlay to (only used when layers are added). */
const ANCHOR = 'country-labels';
/** The app's default view (VIEWS[0]). */
const BOUNDS: [[number, number], [number, number]] = [
	[28, 38],
	[165, 68]
];

export const VARIANTS = ['app', 'setFilter', 'setFilter-novalidate'] as const;
export type Variant = (typeof VARIANTS)[number];

export interface OpCounts {
	setFilter: number;
	setPaint: number;
	setLayout: number;
	other: number;
}

export interface SyncTiming {
	variant: Variant;
	/**
	 * performance.now() around the synchronous work, ms. For the app: all of it. For MapLibre
	 * alone: the setFilter (and setLayoutProperty) calls, the budget's reference.
	 */
	syncMs: number;
	/** MapLibre alone: the setPaintProperty calls for the fade, made right after; 0 for the app. */
	fadeMs: number;
	/** For the app: where the synchronous time went. */
	parts?: { query: number; build: number; diff: number; apply: number };
	ops: OpCounts;
}

export interface Timing extends SyncTiming {
	/** From the start of the work to the map's next 'idle', ms. */
	idleMs: number;
}

export interface InitSpec {
	kind: 'bundled' | 'synthetic';
	/** The day the map starts on (present on that day, every layer visible). */
	day: number;
	/** Synthetic only (see SyntheticOptions). */
	count?: number;
	seed?: number;
	labelEvery?: number;
	shapes?: 'mixed' | 'points';
	domain?: { first: number; last: number };
}

export interface InitResult {
	features: number;
	outlines: number;
	labels: number;
	layers: number;
	/** Building (or fetching) the data, ms. */
	dataMs: number;
	/** From new Map() to the first 'idle', ms. */
	firstIdleMs: number;
}

/** A time step to `day`, or hiding or showing `category`. */
export type BurstChange =
	{ variant: Variant; day: number } | { variant: Variant; category: CategoryId; show: boolean };

export interface Bench {
	init(spec: InitSpec): Promise<InitResult>;
	/** Every category visible, present on `day`; untimed; resolves when the map is idle. */
	reset(day: number): Promise<void>;
	/** Moves the timeline to `day`. */
	step(variant: Variant, day: number): Promise<Timing>;
	/** Hides or shows one category. */
	toggle(variant: Variant, category: CategoryId, show: boolean): Promise<Timing>;
	/**
	 * Changes one after another without waiting for the map (as while dragging the slider: each
	 * commit finds the map still re-filtering), yielding to the event loop between them; the
	 * synchronous part of each, then one wait for 'idle' at the end.
	 */
	burst(plan: BurstChange[]): Promise<SyncTiming[]>;
	/** The list's count of shown features for a day (bundled data only), ms. */
	listCount(day: number): number;
}

declare global {
	interface Window {
		bench?: Bench;
	}
}

setWorkerUrl(new URL('./maplibre-gl-worker.mjs', location.href).href);

let map: MapLibreMap;
let data: DeploymentData;
let dataset: Dataset | null = null;
/** What the map shows now, and the overlay that describes it (MapView's `applied`). */
let day = 0;
let visible: ReadonlySet<CategoryId> = new Set(CATEGORY_IDS);
let applied: Overlay;
/** Whether `applied` (and the map) read the day from global state, as the app does. */
let appliedDayState = MAP_DAY_STATE;
/** The form each variant changes the map in: the app's (MAP_DAY_STATE), or days in expressions. */
const dayStateOf = (variant: Variant) => variant === 'app' && MAP_DAY_STATE;

const selection = (d: number): TimeSelection => ({
	mode: 'present-on',
	day: d,
	certainOnly: false
});

/** AtlasState.filters and AtlasState.mapQuery, for the default claimant and confidence settings. */
function mapQuery(
	d: number,
	shown: ReadonlySet<CategoryId>,
	dayState = MAP_DAY_STATE
): MapTimeQuery {
	const filters = normalizeFilters({ categories: [...shown], claimants: [], minCredibility: 6 });
	return mapTimeQuery(selection(d), filters, { dayState });
}

function overlayFor(d: number, shown: ReadonlySet<CategoryId>, dayState = MAP_DAY_STATE): Overlay {
	const query = mapQuery(d, shown, dayState);
	return buildOverlay(data, defaultTheme, {
		visible: shown,
		filter: combinedFilter(query),
		fade: fadeOpacity(query),
		state: mapGlobalState(query)
	});
}

/**
 * Puts the map in the form `variant` changes it in (untimed); true when that took a change, after
 * which a settled timing waits for the map to be idle first.
 */
function toFormOf(variant: Variant): boolean {
	const want = dayStateOf(variant);
	if (want === appliedDayState) return false;
	const next = overlayFor(day, visible, want);
	applyOps(map, diffOverlay(applied, next, ANCHOR));
	applied = next;
	appliedDayState = want;
	return true;
}

function nextIdle(): Promise<number> {
	return new Promise((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error('The map was not idle within 300 s')), 300_000);
		map.once('idle', () => {
			clearTimeout(timer);
			resolve(performance.now());
		});
	});
}

function countOps(ops: Op[]): OpCounts {
	const counts: OpCounts = { setFilter: 0, setPaint: 0, setLayout: 0, other: 0 };
	for (const op of ops) {
		if (op.op === 'setFilter' || op.op === 'setPaint' || op.op === 'setLayout') counts[op.op] += 1;
		else counts.other += 1;
	}
	return counts;
}

/** The app's synchronous work for a new day or a new set of visible categories. */
function appChange(d: number, shown: ReadonlySet<CategoryId>): SyncTiming {
	const t0 = performance.now();
	const query = mapQuery(d, shown);
	const filter = combinedFilter(query);
	const fade = fadeOpacity(query);
	const state = mapGlobalState(query);
	const t1 = performance.now();
	const next = buildOverlay(data, defaultTheme, { visible: shown, filter, fade, state });
	const t2 = performance.now();
	const ops = diffOverlay(applied, next, ANCHOR);
	const t3 = performance.now();
	applyOps(map, ops);
	const t4 = performance.now();
	applied = next;
	return {
		variant: 'app',
		syncMs: t4 - t0,
		fadeMs: 0,
		parts: { query: t1 - t0, build: t2 - t1, diff: t3 - t2, apply: t4 - t3 },
		ops: countOps(ops)
	};
}

/** The MapLibre calls the reference makes, with property names as plain strings. */
interface DirectCalls {
	setFilter(
		id: string,
		filter: FilterSpecification | null,
		options: { validate: boolean }
	): unknown;
	setLayoutProperty(id: string, name: string, value: unknown, o: { validate: boolean }): unknown;
	setPaintProperty(id: string, name: string, value: unknown, o: { validate: boolean }): unknown;
}

/**
 * MapLibre's own calls for the same change, planned before the clock starts: the ops the app's
 * diff produces, as plain arguments cloned from it (nothing shared with the app's objects).
 */
function refChange(variant: Variant, d: number, shown: ReadonlySet<CategoryId>): SyncTiming {
	const want = overlayFor(d, shown, false);
	const planned = structuredClone(diffOverlay(applied, want, ANCHOR));
	const filters: Array<[string, FilterSpecification | null]> = [];
	const layouts: Array<[string, string, unknown]> = [];
	const paints: Array<[string, string, unknown]> = [];
	// A layer toggle can change the block labels of coincident zones: new label data.
	const data: Array<[string, unknown]> = [];
	for (const op of planned) {
		if (op.op === 'setData') data.push([op.id, op.data]);
		else if (op.op === 'setFilter') filters.push([op.id, op.filter]);
		else if (op.op === 'setLayout') layouts.push([op.id, op.name, op.value]);
		else if (op.op === 'setPaint') paints.push([op.id, op.name, op.value]);
		else throw new Error(`Unexpected ${op.op} in a reference change`);
	}
	const options = { validate: variant !== 'setFilter-novalidate' };
	const direct: DirectCalls = map;
	const t0 = performance.now();
	for (const [id, filter] of filters) direct.setFilter(id, filter, options);
	for (const [id, name, value] of layouts) direct.setLayoutProperty(id, name, value, options);
	for (const [id, value] of data) {
		(map.getSource(id) as unknown as { setData(d: unknown): unknown }).setData(value);
	}
	const t1 = performance.now();
	for (const [id, name, value] of paints) direct.setPaintProperty(id, name, value, options);
	const t2 = performance.now();
	applied = want;
	return { variant, syncMs: t1 - t0, fadeMs: t2 - t1, ops: countOps(planned) };
}

function change(variant: Variant, d: number, shown: ReadonlySet<CategoryId>): SyncTiming {
	const timing = variant === 'app' ? appChange(d, shown) : refChange(variant, d, shown);
	day = d;
	visible = shown;
	return timing;
}

/** `change`, then the time from its start to the map's next idle. */
async function settled(
	variant: Variant,
	d: number,
	shown: ReadonlySet<CategoryId>
): Promise<Timing> {
	if (toFormOf(variant)) await nextIdle();
	const t0 = performance.now();
	const timing = change(variant, d, shown);
	const idle = await nextIdle();
	return { ...timing, idleMs: idle - t0 };
}

async function reset(d: number): Promise<void> {
	const all = new Set(CATEGORY_IDS);
	const want = overlayFor(d, all, appliedDayState);
	const ops = diffOverlay(applied, want, ANCHOR);
	applyOps(map, ops);
	applied = want;
	day = d;
	visible = all;
	// Already there (the last step ended on this day): the map is idle since that step.
	if (ops.length > 0) await nextIdle();
	// Let anything scheduled after the idle frame run before the next timing starts.
	await new Promise((done) => setTimeout(done, 100));
}

async function init(spec: InitSpec): Promise<InitResult> {
	const t0 = performance.now();
	if (spec.kind === 'bundled') {
		const loaded = (await (await fetch('bundled.json')).json()) as {
			data: DeploymentData;
			dataset: Dataset;
		};
		data = loaded.data;
		dataset = loaded.dataset;
	} else {
		data = syntheticData({
			count: spec.count ?? 100_000,
			seed: spec.seed ?? 1,
			labelEvery: spec.labelEvery ?? 1,
			shapes: spec.shapes ?? 'mixed',
			domain: spec.domain ?? { first: spec.day - 700, last: spec.day + 700 }
		});
	}
	const dataMs = performance.now() - t0;
	day = spec.day;
	visible = new Set(CATEGORY_IDS);
	applied = overlayFor(day, visible);
	appliedDayState = MAP_DAY_STATE;
	// As MapView starts the app's map: the overlay is part of the first style.
	const style: StyleSpecification = {
		version: 8,
		state: Object.fromEntries(
			Object.entries(applied.state ?? {}).map(([name, value]) => [name, { default: value }])
		) as StyleSpecification['state'],
		sources: applied.sources,
		'font-faces': basemapFontFaces({ siteRoot: new URL('./', location.href).href }),
		layers: [
			{
				id: 'background',
				type: 'background',
				paint: { 'background-color': defaultTheme.basemap.water }
			},
			...applied.layers
		]
	} as StyleSpecification;
	const t1 = performance.now();
	map = new MapLibreMap({
		container: 'map',
		style,
		bounds: BOUNDS,
		fitBoundsOptions: { padding: 24 },
		attributionControl: false,
		fadeDuration: 0,
		maxZoom: 10,
		minZoom: 1
	});
	// As MapView does: hatch tiles and arrowheads are drawn when MapLibre first asks for them.
	map.setMissingStyleImageResolver((id) =>
		addOverlayImage(map, applied, id, window.devicePixelRatio || 1)
	);
	map.on('error', (e) => console.error('map error:', e.error?.message ?? e));
	const idle = await nextIdle();
	return {
		features: data.features.features.length,
		outlines: data.outlines.features.length,
		labels: data.labels.features.length,
		layers: applied.layers.length,
		dataMs,
		firstIdleMs: idle - t1
	};
}

function toggled(category: CategoryId, show: boolean): Set<CategoryId> {
	const shown = new Set(visible);
	if (show) shown.add(category);
	else shown.delete(category);
	return shown;
}

window.bench = {
	init,
	reset,
	step: (variant, d) => settled(variant, d, visible),
	toggle: (variant, category, show) => settled(variant, day, toggled(category, show)),
	burst: async (plan) => {
		const timings: SyncTiming[] = [];
		for (const c of plan) {
			await new Promise((done) => setTimeout(done, 0));
			// Untimed: only each change's synchronous part is timed in a burst.
			toFormOf(c.variant);
			timings.push(
				'day' in c
					? change(c.variant, c.day, visible)
					: change(c.variant, day, toggled(c.category, c.show))
			);
		}
		await nextIdle();
		return timings;
	},
	listCount: (d) => {
		if (!dataset) return NaN;
		const t0 = performance.now();
		countShown(dataset, mapQuery(d, visible).filters, selection(d));
		return performance.now() - t0;
	}
};
