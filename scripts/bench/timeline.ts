/**
 * Timeline benchmark (DESIGN.md, "Performance budgets"): a time-slider step or a layer toggle
 * takes one frame of main-thread work on the bundled data, and with a 100,000-feature dataset is
 * no slower than 1.1x MapLibre's own `setFilter` on the same data.
 *
 * One Chromium session, one page per dataset: the bundled geo/ data, then a seeded synthetic
 * dataset with the same property schema and source layout. Each page holds a MapLibre map with a
 * background and the app's deployment overlay (buildOverlay: every layer, filter and fade
 * expression the app uses); see timeline-page.ts for exactly what each side does:
 *
 *   app                   the app's step: query -> combinedFilter + fadeOpacity -> buildOverlay
 *                         -> diffOverlay -> applyOps (setFilter per layer, setPaint for the fade)
 *   setFilter             MapLibre alone: the same setFilter calls with the same values (the
 *                         budget's reference); then, timed apart, the same fade setPaint calls
 *   setFilter-novalidate  the same with { validate: false }
 *
 * Settled steps start from an idle map and time the synchronous work (performance.now), the time
 * to the map's next 'idle', and the main thread's CPU time until then (Chromium's TaskDuration).
 * Variants alternate over the same month steps, each run in a rotated order, and are compared
 * pairwise per step. Drag bursts time only the synchronous part of many day steps made back to
 * back while the map is still busy, as when the slider is dragged. Absolute times mean little
 * here (software WebGL); only the ratios within one run do.
 *
 *   npx tsx scripts/bench/timeline.ts [--runs 2] [--steps 4] [--count 100000] [--shapes mixed]
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, CDPSession, Page } from '@playwright/test';
import { build } from 'vite';
import { loadGeo } from '../../src/lib/data/geo-files.server.ts';
import { indexDataset } from '../../src/lib/data/evidence.ts';
import { CATEGORY_IDS, type CategoryId } from '../../src/lib/data/schema.ts';
import { buildDeploymentData } from '../../src/lib/map/map-data.ts';
import { startOfUnit, stepForward, timeDomain, type TimeDomain } from '../../src/lib/state/time.ts';
import { launchChromium } from '../lib/chromium.ts';
import { serveLocally } from '../lib/local-site.ts';
import { fmt, median } from './harness.ts';
import type {
	BurstChange,
	InitResult,
	InitSpec,
	OpCounts,
	Timing,
	Variant
} from './timeline-page.ts';

const root = resolve(import.meta.dirname, '..', '..');

function option(name: string, fallback: number): number {
	const i = process.argv.indexOf(`--${name}`);
	const value = i > 0 ? Number(process.argv[i + 1]) : fallback;
	if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} takes a positive integer`);
	return value;
}

/** Passes over the steps; variants rotate between passes, so use at least 2 (3 for bundled). */
const RUNS = option('runs', 2);
/** Month steps per pass on the synthetic data (each costs one full re-layout of 100k features). */
const STEPS = option('steps', 4);
const COUNT = option('count', 100_000);
/** Synthetic labels: one per this many features (see SyntheticOptions.labelEvery). */
const LABEL_EVERY = option('label-every', 100);
const SHAPES = process.argv.includes('--shapes')
	? (process.argv[process.argv.indexOf('--shapes') + 1] as 'mixed' | 'points')
	: 'mixed';
/** Bundled data: cheap to re-layout, so more steps and every variant settled. */
const BUNDLED_STEPS = 12;
const BUNDLED_RUNS = Math.max(3, RUNS);
/** Changes per variant in a burst. */
const BURST = 20;
/** Bundled toggles: two zone categories, a flow and the events. */
const TOGGLED: CategoryId[] = ['labour', 'combat', 'dispatch', 'event'];
const SEED = 20251123;
const VIEWPORT = { width: 1280, height: 800 };
const FRAME_MS = 1000 / 60;
const ALL_VARIANTS: Variant[] = ['app', 'setFilter', 'setFilter-novalidate'];

/* ------------------------------------------------------------------------------------------ */
/* The page                                                                                     */
/* ------------------------------------------------------------------------------------------ */

async function buildSite(): Promise<{ dir: string; domain: TimeDomain }> {
	const dir = mkdtempSync(join(tmpdir(), 'atlas-timeline-'));
	await build({
		configFile: false,
		root,
		logLevel: 'warn',
		publicDir: false,
		build: {
			outDir: dir,
			emptyOutDir: false,
			minify: true,
			lib: {
				entry: join(root, 'scripts', 'bench', 'timeline-page.ts'),
				formats: ['es'],
				fileName: () => 'page.js'
			},
			rollupOptions: { external: ['maplibre-gl'] }
		}
	});
	if (!readdirSync(dir).includes('page.js')) throw new Error(`No page.js built in ${dir}`);
	const dist = join(root, 'node_modules', 'maplibre-gl', 'dist');
	for (const file of ['maplibre-gl.mjs', 'maplibre-gl-worker.mjs', 'maplibre-gl.css']) {
		cpSync(join(dist, file), join(dir, file));
	}
	cpSync(join(root, 'static', 'fonts'), join(dir, 'fonts'), { recursive: true });

	// The bundled data exactly as the app's page builds it from the validated geo/ tree.
	const { dataset } = loadGeo(join(root, 'geo'));
	const data = buildDeploymentData(indexDataset(dataset));
	writeFileSync(join(dir, 'bundled.json'), JSON.stringify({ data, dataset }));

	writeFileSync(
		join(dir, 'index.html'),
		`<!doctype html><html><head><meta charset="utf-8"><link rel="icon" href="data:,">
<link rel="stylesheet" href="maplibre-gl.css">
<script type="importmap">{ "imports": { "maplibre-gl": "./maplibre-gl.mjs" } }</script>
<style>body{margin:0}#map{position:absolute;left:0;top:63px;width:896px;height:737px}</style>
</head><body><div id="map"></div><script type="module" src="page.js"></script></body></html>`
	);
	return { dir, domain: timeDomain(dataset) };
}

interface Session {
	page: Page;
	cdp: CDPSession;
	init: InitResult;
	isolated: boolean;
}

async function openPage(browser: Browser, url: string, spec: InitSpec): Promise<Session> {
	const page = await browser.newPage({ viewport: VIEWPORT });
	page.on('pageerror', (e) => console.error('page error:', e.message));
	page.on('console', (m) => m.type() === 'error' && console.error('console:', m.text()));
	await page.goto(url);
	await page.waitForFunction(() => window.bench !== undefined);
	const cdp = await page.context().newCDPSession(page);
	// Thread time: CPU the main thread spent, not time it waited on the GPU process or the OS.
	await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
	const init = await page.evaluate((s) => window.bench!.init(s), spec);
	const isolated = await page.evaluate(() => window.crossOriginIsolated);
	return { page, cdp, init, isolated };
}

/* ------------------------------------------------------------------------------------------ */
/* Measuring                                                                                    */
/* ------------------------------------------------------------------------------------------ */

interface Sample extends Timing {
	/** Main-thread CPU time from the call to the next idle (TaskDuration, thread ticks), ms. */
	busyMs: number;
	/** What changed: "20089->20120" or "hide combat". */
	change: string;
}

async function taskSeconds(cdp: CDPSession): Promise<number> {
	const { metrics } = await cdp.send('Performance.getMetrics');
	return metrics.find((m) => m.name === 'TaskDuration')?.value ?? NaN;
}

async function timed(s: Session, change: string, run: () => Promise<Timing>): Promise<Sample> {
	const before = await taskSeconds(s.cdp);
	const timing = await run();
	const after = await taskSeconds(s.cdp);
	return { ...timing, busyMs: (after - before) * 1000, change };
}

/** `count` + 1 consecutive month starts from the month of `from`, as the ▶ button visits them. */
function monthDays(domain: TimeDomain, count: number, from: number): number[] {
	const days = [startOfUnit(from, 'month')];
	while (days.length < count + 1) days.push(stepForward(days.at(-1)!, 'month', domain));
	return days;
}

/**
 * Month steps d0 -> d1 -> ... -> dK, each made by one variant from the idle state the previous
 * step left (every variant leaves the map in the same state); the variants rotate between
 * passes, so with as many passes as variants each step is made once by each. Between passes the
 * map goes back to d0, untimed.
 */
async function settledSteps(
	s: Session,
	days: number[],
	variants: Variant[],
	runs: number,
	label: string
): Promise<Sample[]> {
	const samples: Sample[] = [];
	const one = (variant: Variant, from: number, to: number) =>
		timed(s, `${from}->${to}`, () =>
			s.page.evaluate(([v, d]) => window.bench!.step(v, d), [variant, to] as const)
		);
	// Warm-up, discarded: JIT, shaders, images, the first re-layout of each source.
	await s.page.evaluate((d) => window.bench!.reset(d), days[0]!);
	for (let k = 0; k < variants.length; k++) await one(variants[k]!, days[k]!, days[k + 1]!);
	for (let r = 0; r < runs; r++) {
		await s.page.evaluate((d) => window.bench!.reset(d), days[0]!);
		for (let k = 0; k + 1 < days.length; k++) {
			samples.push(await one(variants[(k + r) % variants.length]!, days[k]!, days[k + 1]!));
		}
		console.log(`  ${label}: pass ${r + 1}/${runs}`);
	}
	return samples;
}

/** Hide then show each category, with each variant, from the same day. */
async function settledToggles(
	s: Session,
	day: number,
	categories: readonly CategoryId[],
	variants: Variant[]
): Promise<Sample[]> {
	const samples: Sample[] = [];
	await s.page.evaluate((d) => window.bench!.reset(d), day);
	const toggle = (variant: Variant, category: CategoryId, show: boolean) =>
		timed(s, `${show ? 'show' : 'hide'} ${category}`, () =>
			s.page.evaluate(([v, c, on]) => window.bench!.toggle(v, c, on), [
				variant,
				category,
				show
			] as const)
		);
	await toggle(variants[0]!, categories[0]!, false);
	await toggle(variants[0]!, categories[0]!, true);
	for (let i = 0; i < categories.length; i++) {
		for (let v = 0; v < variants.length; v++) {
			const variant = variants[(i + v) % variants.length]!;
			samples.push(await toggle(variant, categories[i]!, false));
			samples.push(await toggle(variant, categories[i]!, true));
		}
	}
	return samples;
}

/**
 * Changes back to back without waiting for the map, the variants interleaved, then one wait for
 * the map: one-day steps (as while dragging the slider), or hide and show of each category.
 */
async function burst(
	s: Session,
	from: number,
	variants: Variant[],
	kind: 'steps' | 'toggles'
): Promise<Sample[]> {
	await s.page.evaluate((d) => window.bench!.reset(d), from);
	const plan: BurstChange[] = [];
	const labels: string[] = [];
	if (kind === 'steps') {
		for (let i = 0; i < BURST * variants.length; i++) {
			plan.push({ variant: variants[i % variants.length]!, day: from + i + 1 });
			labels.push(`${from + i}->${from + i + 1}`);
		}
	} else {
		for (let i = 0; i < BURST * variants.length; i++) {
			const category = CATEGORY_IDS[Math.floor(i / 2) % CATEGORY_IDS.length]!;
			const show = i % 2 === 1;
			// Hide and show of one category with one variant, then the next variant.
			plan.push({ variant: variants[Math.floor(i / 2) % variants.length]!, category, show });
			labels.push(`${show ? 'show' : 'hide'} ${category}`);
		}
	}
	const timings = await s.page.evaluate((p) => window.bench!.burst(p), plan);
	// The first round of each variant warms up.
	const warm = kind === 'steps' ? variants.length : 2 * variants.length;
	return timings
		.map((t, i) => ({ ...t, idleMs: NaN, busyMs: NaN, change: labels[i]! }))
		.slice(warm);
}

/* ------------------------------------------------------------------------------------------ */
/* Summaries                                                                                    */
/* ------------------------------------------------------------------------------------------ */

interface Summary {
	n: number;
	syncMs: number;
	/** MapLibre alone: setFilter and the fade's setPaint, the same calls as the app's. */
	sameCallsMs: number;
	idleMs: number;
	busyMs: number;
	ops: OpCounts;
	parts?: { query: number; build: number; diff: number; apply: number };
}

function summarise(samples: Sample[], variant: Variant): Summary | null {
	const mine = samples.filter((s) => s.variant === variant);
	if (mine.length === 0) return null;
	const med = (f: (s: Sample) => number) => median(mine.map(f));
	const withParts = mine.filter((s) => s.parts);
	return {
		n: mine.length,
		syncMs: med((s) => s.syncMs),
		sameCallsMs: med((s) => s.syncMs + s.fadeMs),
		idleMs: med((s) => s.idleMs),
		busyMs: med((s) => s.busyMs),
		ops: mine[0]!.ops,
		parts: withParts.length
			? {
					query: median(withParts.map((s) => s.parts!.query)),
					build: median(withParts.map((s) => s.parts!.build)),
					diff: median(withParts.map((s) => s.parts!.diff)),
					apply: median(withParts.map((s) => s.parts!.apply))
				}
			: undefined
	};
}

type Key = 'syncMs' | 'sameCallsMs' | 'idleMs' | 'busyMs';
const value = (s: Sample, key: Key) => (key === 'sameCallsMs' ? s.syncMs + s.fadeMs : s[key]);

interface Ratio {
	median: number;
	min: number;
	max: number;
	pairs: number;
}

/**
 * The app's time over the reference's for the same change (the same step or toggle, medians of
 * each side's samples of it), then the median and range of those per-change ratios. `refKey`
 * picks the reference's setFilter time or its time for all the app's calls.
 */
function ratio(samples: Sample[], key: Key, ref: Variant, refKey: Key = key): Ratio | null {
	const byChange = new Map<string, { app: number[]; ref: number[] }>();
	for (const s of samples) {
		const entry = byChange.get(s.change) ?? { app: [], ref: [] };
		if (s.variant === 'app') entry.app.push(value(s, key));
		if (s.variant === ref) entry.ref.push(value(s, refKey));
		byChange.set(s.change, entry);
	}
	const ratios = [...byChange.values()]
		.filter((e) => e.app.length && e.ref.length)
		.map((e) => median(e.app) / median(e.ref))
		.filter((r) => Number.isFinite(r));
	if (ratios.length === 0) return null;
	return {
		median: median(ratios),
		min: Math.min(...ratios),
		max: Math.max(...ratios),
		pairs: ratios.length
	};
}

const ratioText = (r: Ratio | null) =>
	r ? `${fmt(r.median, 2)} (${fmt(r.min, 2)}-${fmt(r.max, 2)} over ${r.pairs})` : 'n/a';

const opsText = (o: OpCounts) =>
	[
		o.setFilter && `${o.setFilter} setFilter`,
		o.setLayout && `${o.setLayout} setLayout`,
		o.setPaint && `${o.setPaint} setPaint`,
		o.other && `${o.other} other`
	]
		.filter(Boolean)
		.join(' + ');

function table(samples: Sample[], withIdle: boolean): string[] {
	const lines = [
		`      ${''.padEnd(21)}${'sync'.padStart(8)}${'+fade'.padStart(8)}${withIdle ? `${'idle'.padStart(9)}${'busy'.padStart(7)}` : ''}${'n'.padStart(4)}  calls`
	];
	for (const variant of ALL_VARIANTS) {
		const s = summarise(samples, variant);
		if (!s) continue;
		const fade = variant === 'app' || s.ops.setPaint === 0 ? '' : fmt(s.sameCallsMs, 2);
		const idle = withIdle ? `${fmt(s.idleMs, 0).padStart(9)}${fmt(s.busyMs, 0).padStart(7)}` : '';
		lines.push(
			`      ${variant.padEnd(21)}${fmt(s.syncMs, 2).padStart(8)}${fade.padStart(8)}${idle}${String(s.n).padStart(4)}  ${opsText(s.ops)}`
		);
		if (s.parts) {
			const p = s.parts;
			lines.push(
				`        = query ${fmt(p.query, 3)} + buildOverlay ${fmt(p.build, 3)} + diffOverlay ${fmt(p.diff, 3)} + applyOps ${fmt(p.apply, 3)}`
			);
		}
	}
	return lines;
}

interface Section {
	title: string;
	samples: Sample[];
	settled: boolean;
}

/** Prints one dataset's tables and ratios; returns them for the JSON. */
function report(name: string, init: InitResult, sections: Section[]): Record<string, unknown> {
	console.log('');
	console.log(
		`${name}: ${init.features} features, ${init.outlines} outlines, ${init.labels} labels, ${init.layers} overlay layers (medians, ms)`
	);
	const out: Record<string, unknown> = { init };
	for (const { title, samples, settled } of sections) {
		console.log(`  ${title}`);
		for (const line of table(samples, settled)) console.log(line);
		const ratios = {
			vsSetFilter: {
				sync: ratio(samples, 'syncMs', 'setFilter'),
				idle: settled ? ratio(samples, 'idleMs', 'setFilter') : null,
				busy: settled ? ratio(samples, 'busyMs', 'setFilter') : null
			},
			vsSameCalls: ratio(samples, 'syncMs', 'setFilter', 'sameCallsMs'),
			vsSetFilterNoValidate: ratio(samples, 'syncMs', 'setFilter-novalidate'),
			vsSameCallsNoValidate: ratio(samples, 'syncMs', 'setFilter-novalidate', 'sameCallsMs')
		};
		const vs = ratios.vsSetFilter;
		console.log(
			`    app / setFilter: sync ${ratioText(vs.sync)}${settled ? `; to idle ${ratioText(vs.idle)}; busy ${ratioText(vs.busy)}` : ''}`
		);
		if (samples.some((s) => s.fadeMs > 0)) {
			console.log(
				`    app / the same calls (setFilter + fade) made directly: sync ${ratioText(ratios.vsSameCalls)}`
			);
		}
		if (ratios.vsSetFilterNoValidate) {
			console.log(
				`    without validation: app / setFilter ${ratioText(ratios.vsSetFilterNoValidate)}; app / same calls ${ratioText(ratios.vsSameCallsNoValidate)}`
			);
		}
		out[title] = {
			summary: Object.fromEntries(ALL_VARIANTS.map((v) => [v, summarise(samples, v)])),
			ratios,
			samples
		};
	}
	return out;
}

/* ------------------------------------------------------------------------------------------ */
/* Main                                                                                         */
/* ------------------------------------------------------------------------------------------ */

async function main(): Promise<void> {
	const started = performance.now();
	const { dir, domain } = await buildSite();
	const site = await serveLocally(dir, {
		'Cross-Origin-Opener-Policy': 'same-origin',
		'Cross-Origin-Embedder-Policy': 'require-corp'
	});
	const browser = await launchChromium();
	// The bundled data's last months: the Kursk fighting ends, construction troops arrive.
	const bundledDays = monthDays(domain, BUNDLED_STEPS, domain.last - 30.44 * (BUNDLED_STEPS + 2));
	// A year in, where most synthetic presences have started and some have ended.
	const syntheticDays = monthDays(domain, STEPS, domain.first + 365);
	const result: Record<string, unknown> = {
		runs: RUNS,
		count: COUNT,
		seed: SEED,
		shapes: SHAPES,
		labelEvery: LABEL_EVERY,
		frameMs: FRAME_MS,
		budgetRatio: 1.1
	};
	try {
		console.log(`Bundled data: ${BUNDLED_RUNS} passes x ${BUNDLED_STEPS} month steps`);
		const b = await openPage(browser, site.url, { kind: 'bundled', day: bundledDays[0]! });
		const bSteps = await settledSteps(b, bundledDays, ALL_VARIANTS, BUNDLED_RUNS, 'bundled');
		const bToggles = await settledToggles(b, bundledDays[0]!, TOGGLED, ALL_VARIANTS);
		const bBurst = await burst(b, bundledDays[0]!, ALL_VARIANTS, 'steps');
		const listMs: number[] = [];
		for (const d of bundledDays) {
			listMs.push(await b.page.evaluate((x) => window.bench!.listCount(x), d));
		}
		await b.page.close();

		console.log(`Synthetic data: ${COUNT} features, ${RUNS} passes x ${STEPS} month steps`);
		const s = await openPage(browser, site.url, {
			kind: 'synthetic',
			day: syntheticDays[0]!,
			count: COUNT,
			seed: SEED,
			labelEvery: LABEL_EVERY,
			shapes: SHAPES,
			domain
		});
		console.log(`  first idle after ${fmt(s.init.firstIdleMs / 1000, 1)} s`);
		const pair: Variant[] = ['app', 'setFilter'];
		const sSteps = await settledSteps(s, syntheticDays, pair, RUNS, 'synthetic');
		const sBurst = await burst(s, syntheticDays[0]!, ALL_VARIANTS, 'steps');
		const sToggles = await burst(s, syntheticDays[0]!, ALL_VARIANTS, 'toggles');
		await s.page.close();

		result.crossOriginIsolated = b.isolated && s.isolated;
		result.bundled = report('Bundled data', b.init, [
			{ title: 'time step, settled', samples: bSteps, settled: true },
			{ title: 'time step, drag burst', samples: bBurst, settled: false },
			{ title: 'layer toggle, settled', samples: bToggles, settled: true }
		]);
		const step = summarise(bSteps, 'app')!;
		const toggle = summarise(bToggles, 'app')!;
		const list = median(listMs);
		console.log(
			`  one frame is ${fmt(FRAME_MS, 1)} ms: a step takes ${fmt((100 * step.syncMs) / FRAME_MS, 0)}% of it, a toggle ${fmt((100 * toggle.syncMs) / FRAME_MS, 0)}%; the list's count (countShown, not in these times) ${fmt(list, 2)} ms`
		);
		result.listCountMs = list;
		result.synthetic = report(
			`Synthetic data (seed ${SEED}, ${SHAPES} shapes, first idle ${fmt(s.init.firstIdleMs / 1000, 0)} s)`,
			s.init,
			[
				{ title: 'time step, settled', samples: sSteps, settled: true },
				{ title: 'time step, drag burst', samples: sBurst, settled: false },
				{ title: 'layer toggle, burst', samples: sToggles, settled: false }
			]
		);
	} finally {
		await browser.close();
		await site.close();
		rmSync(dir, { recursive: true, force: true });
	}
	result.seconds = (performance.now() - started) / 1000;
	if (!result.crossOriginIsolated) console.log('(not cross-origin isolated: coarse timer)');
	console.log(`Whole run: ${fmt(result.seconds as number, 0)} s`);
	const outDir = join(root, 'bench-results');
	mkdirSync(outDir, { recursive: true });
	writeFileSync(join(outDir, 'timeline.json'), JSON.stringify(result, null, 2));
	console.log('Details: bench-results/timeline.json');
}

await main();
