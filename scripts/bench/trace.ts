/**
 * Where start-up time goes: one load each of the app, the app with `#layers=none` and a bare
 * MapLibre page with the same basemap (as scripts/bench/startup.ts builds it), with a Chrome
 * trace of every thread (main, MapLibre's workers, the GPU process) and the page's resource
 * timings. Prints, per page: the request waterfall up to the first `idle`, the page's marks, and
 * the busy time of each thread by kind of task, so the difference between two pages can be read
 * off. Traces are written to bench-results/trace-<page>.json (open them in Chrome's Performance
 * panel).
 *
 *   npm run build && npx tsx scripts/bench/trace.ts [--only app,none,bare]
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { launchChromium } from '../lib/chromium.ts';
import { serveLocally } from '../lib/local-site.ts';
import { bareSite } from './startup.ts';

const root = resolve(import.meta.dirname, '..', '..');
const VIEWPORT = { width: 1280, height: 800 };
const onlyArg = process.argv.indexOf('--only');
const only = onlyArg > 0 ? process.argv[onlyArg + 1]!.split(',') : ['app', 'none', 'bare'];

interface TraceEvent {
	name: string;
	cat: string;
	ph: string;
	ts: number;
	dur?: number;
	pid: number;
	tid: number;
	args?: { name?: string; data?: Record<string, unknown> };
}

/** Task kinds worth telling apart, by trace event name. */
const KINDS: Record<string, string> = {
	EvaluateScript: 'script',
	FunctionCall: 'script',
	TimerFire: 'script',
	FireAnimationFrame: 'script',
	EventDispatch: 'script',
	'v8.callFunction': 'script',
	'v8.compile': 'compile',
	'v8.compileModule': 'compile',
	'V8.CompileCode': 'compile',
	'v8.parseOnBackground': 'compile',
	ParseHTML: 'html',
	ParseAuthorStyleSheet: 'style',
	UpdateLayoutTree: 'style',
	Layout: 'layout',
	Paint: 'paint',
	MajorGC: 'gc',
	MinorGC: 'gc',
	'V8.GC_SCAVENGER': 'gc',
	'V8.GC_MARK_COMPACTOR': 'gc'
};

async function traceOne(url: string, waitFor: string, name: string): Promise<void> {
	const browser = await launchChromium();
	try {
		const context = await browser.newContext({ viewport: VIEWPORT });
		const page = await context.newPage();
		page.on('pageerror', (e) => console.error('page error:', e.message));
		const cdp = await context.newCDPSession(page);
		const events: TraceEvent[] = [];
		cdp.on('Tracing.dataCollected', (d) => events.push(...(d.value as unknown as TraceEvent[])));
		const done = new Promise<void>((ok) => cdp.once('Tracing.tracingComplete', () => ok()));
		await cdp.send('Tracing.start', {
			traceConfig: {
				includedCategories: [
					'devtools.timeline',
					'disabled-by-default-devtools.timeline',
					'v8',
					'v8.execute',
					'blink.user_timing',
					'loading',
					'gpu',
					'toplevel',
					'disabled-by-default-v8.cpu_profiler'
				]
			},
			transferMode: 'ReportEvents'
		});
		await page.goto(url);
		await page.waitForSelector(waitFor, { timeout: 120_000, state: 'attached' });
		const timings = await page.evaluate(() => ({
			marks: performance
				.getEntriesByType('mark')
				.map((m) => ({ name: m.name, at: Math.round(m.startTime) })),
			nav: (() => {
				const n = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
				return {
					responseEnd: Math.round(n.responseEnd),
					domInteractive: Math.round(n.domInteractive),
					domContentLoaded: Math.round(n.domContentLoadedEventEnd)
				};
			})(),
			resources: performance.getEntriesByType('resource').map((r) => {
				const e = r as PerformanceResourceTiming;
				return {
					url: e.name.replace(location.origin, ''),
					start: Math.round(e.startTime),
					end: Math.round(e.responseEnd),
					kb: Math.round(e.encodedBodySize / 102.4) / 10
				};
			})
		}));
		await cdp.send('Tracing.end');
		await done;
		writeFileSync(
			join(root, 'bench-results', `trace-${name}.json`),
			JSON.stringify({ traceEvents: events })
		);
		const idle = timings.marks.find((m) => m.name === 'map-first-idle')?.at ?? Infinity;
		console.log(`\n=== ${name}: first idle at ${idle} ms`);
		console.log(
			`navigation: HTML received ${timings.nav.responseEnd} ms, DOM interactive ${timings.nav.domInteractive}, DCL end ${timings.nav.domContentLoaded}`
		);
		console.log('marks:', timings.marks.map((m) => `${m.name}@${m.at}`).join(' '));
		console.log('requests (start-end ms, KB):');
		for (const r of timings.resources.filter((r) => r.start <= idle)) {
			console.log(`  ${String(r.start).padStart(5)}-${String(r.end).padEnd(5)} ${r.kb} ${r.url}`);
		}
		// Thread names, then the busy time per thread and kind up to the first idle.
		const threads = new Map<string, string>();
		for (const e of events) {
			if (e.ph === 'M' && e.name === 'thread_name') {
				threads.set(`${e.pid}:${e.tid}`, e.args?.name ?? '?');
			}
		}
		const nav = events.find((e) => e.name === 'navigationStart' || e.name === 'NavigationStart');
		const t0 = nav?.ts ?? Math.min(...events.filter((e) => e.ts > 0).map((e) => e.ts));
		const busy = new Map<string, Map<string, number>>();
		for (const e of events) {
			if (e.ph !== 'X' || !e.dur) continue;
			const at = (e.ts - t0) / 1000;
			if (at < 0 || at > idle) continue;
			const thread = threads.get(`${e.pid}:${e.tid}`) ?? `${e.pid}:${e.tid}`;
			const kind =
				e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask' ? 'task' : KINDS[e.name];
			if (!kind) continue;
			const perThread = busy.get(thread) ?? new Map<string, number>();
			perThread.set(kind, (perThread.get(kind) ?? 0) + e.dur / 1000);
			busy.set(thread, perThread);
		}
		// GPU programs linked (one per shader variant MapLibre compiles) and animation frames run
		// on the main thread: both are counts, so they compare across a noisy machine.
		const before = (e: TraceEvent) => e.ts >= t0 && (e.ts - t0) / 1000 <= idle;
		const links = events.filter((e) => before(e) && e.name.endsWith('DoLinkProgram')).length;
		const frames = events.filter(
			(e) => before(e) && e.name === 'FireAnimationFrame' && e.ph === 'X'
		).length;
		console.log(`GPU programs linked: ${links}; animation frames: ${frames}`);
		console.log('busy ms by thread (tasks overlap their parts):');
		for (const [thread, kinds] of busy) {
			const parts = [...kinds]
				.sort((a, b) => b[1] - a[1])
				.map(([k, ms]) => `${k} ${Math.round(ms)}`);
			if ((kinds.get('task') ?? 0) < 20) continue;
			console.log(`  ${thread.padEnd(28)} ${parts.join(', ')}`);
		}
	} finally {
		await browser.close();
	}
}

mkdirSync(join(root, 'bench-results'), { recursive: true });
const app = await serveLocally(join(root, 'build'));
const bareDir = bareSite(true);
const bare = await serveLocally(bareDir);
try {
	if (only.includes('app')) await traceOne(app.url, '[data-map-state="idle"]', 'app');
	if (only.includes('none'))
		await traceOne(`${app.url}#layers=none`, '[data-map-state="idle"]', 'none');
	if (only.includes('bare')) await traceOne(bare.url, 'body[data-idle]', 'bare');
} finally {
	await Promise.all([app.close(), bare.close()]);
	rmSync(bareDir, { recursive: true, force: true });
}
