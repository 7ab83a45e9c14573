/**
 * Start-up benchmark (issue budgets in DESIGN.md):
 *
 * 1. Time to the map's first `idle`: the app, the app with every layer hidden (`#layers=none`),
 *    a bare MapLibre page with the same basemap and one with an empty style, all served the same
 *    way and measured alternately in one run (median and spread of N each).
 *    Budgets: app / app with no layers <= 1.15 (what the overlay costs), app / bare page with the
 *    same basemap <= 1.25 (what the app around the map costs); the empty-style ratio is reported.
 * 2. JavaScript the app ships at first load, gzip, with and without the lazily loaded map chunk.
 *    Budget: <= 60 KB gzip excluding MapLibre.
 * 3. Basemap bytes (tile ranges and fonts) transferred for the default view. Budget: <= 400 KB gzip.
 *
 *   npm run build && npm run bench:startup [-- --runs 7]
 */
import {
	cpSync,
	existsSync,
	mkdirSync,
	mkdtempSync,
	readFileSync,
	rmSync,
	writeFileSync
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { buildStyle } from '../../src/lib/map/basemap-style.ts';
import { defaultTheme } from '../../src/lib/map/theme.ts';
import { launchChromium } from '../lib/chromium.ts';
import { serveLocally } from '../lib/local-site.ts';
import { fmt, median } from './harness.ts';

const root = resolve(import.meta.dirname, '..', '..');
const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 7;
// The app's map area at a 1280x800 window; the bare page gets a map of the same size.
const VIEWPORT = { width: 1280, height: 800 };

/**
 * A page with nothing but MapLibre, the same size as the app's map. With `withBasemap`, it also
 * draws the app's basemap style (same archive, fonts and layers) without the rest of the app,
 * which separates the cost of the basemap itself from the cost of the app around it.
 */
export function bareSite(withBasemap: boolean): string {
	const dir = mkdtempSync(join(tmpdir(), 'atlas-bare-'));
	const dist = join(root, 'node_modules', 'maplibre-gl', 'dist');
	cpSync(join(dist, 'maplibre-gl.mjs'), join(dir, 'maplibre-gl.mjs'));
	cpSync(join(dist, 'maplibre-gl-worker.mjs'), join(dir, 'maplibre-gl-worker.mjs'));
	cpSync(join(dist, 'maplibre-gl.css'), join(dir, 'maplibre-gl.css'));
	let style = '{ version: 8, sources: {}, layers: [] }';
	let setup = '';
	if (withBasemap) {
		cpSync(join(root, 'static', 'basemap'), join(dir, 'basemap'), { recursive: true });
		cpSync(join(root, 'static', 'fonts'), join(dir, 'fonts'), { recursive: true });
		// pmtiles imports fflate by bare name; the page has no bundler, so point it at a copy.
		const pmtiles = readFileSync(
			join(root, 'node_modules', 'pmtiles', 'dist', 'esm', 'index.js'),
			'utf8'
		);
		writeFileSync(join(dir, 'pmtiles.js'), pmtiles.replace('from"fflate"', 'from"./fflate.js"'));
		cpSync(join(root, 'node_modules', 'fflate', 'esm', 'browser.js'), join(dir, 'fflate.js'));
		// URLs in the style are absolute; the page puts its own origin in at run time.
		const text = JSON.stringify(buildStyle(defaultTheme, { siteRoot: 'SITE_ROOT/' }));
		style = `JSON.parse(${JSON.stringify(text)}.replaceAll('SITE_ROOT/', location.origin + '/'))`;
		setup = `import { Protocol } from './pmtiles.js';\nimport { addProtocol } from './maplibre-gl.mjs';\naddProtocol('pmtiles', new Protocol().tile);`;
	}
	writeFileSync(
		join(dir, 'index.html'),
		`<!doctype html><html><head><meta charset="utf-8"><link rel="icon" href="data:,"><link rel="stylesheet" href="maplibre-gl.css">
<style>body{margin:0}#map{position:absolute;left:0;top:63px;width:896px;height:737px}</style></head>
<body><div id="map"></div><script type="module">
import { Map, setWorkerUrl } from './maplibre-gl.mjs';
${setup}
setWorkerUrl(new URL('./maplibre-gl-worker.mjs', location.href).href);
const map = new Map({ container: 'map', style: ${style}, bounds: [[28, 38], [165, 68]], fitBoundsOptions: { padding: 24 }, fadeDuration: 0 });
map.once('idle', () => { performance.mark('map-first-idle'); document.body.dataset.idle = '1'; });
</script></body></html>`
	);
	return dir;
}

interface Load {
	idleMs: number;
	scripts: Array<{ url: string; gzip: number; map: boolean }>;
	basemapBytes: number;
	fontBytes: number;
}

async function measure(url: string, waitFor: string): Promise<Load> {
	const browser = await launchChromium();
	try {
		const page = await browser.newPage({ viewport: VIEWPORT });
		page.on('pageerror', (e) => console.error('page error:', e.message));
		page.on('console', (m) => m.type() === 'error' && console.error('console:', m.text()));
		const scripts: Load['scripts'] = [];
		let basemapBytes = 0;
		let fontBytes = 0;
		page.on('response', async (res) => {
			const u = res.url();
			const type = res.request().resourceType();
			try {
				const body = await res.body();
				if (type === 'script' || u.endsWith('.js') || u.endsWith('.mjs')) {
					const text = body.toString('utf8');
					// MapLibre's own code: the lazily loaded chunk that defines setWorkerUrl, and its worker.
					const map = /maplibre-gl-worker/.test(u) || text.includes('setWorkerUrl');
					scripts.push({ url: u, gzip: gzipSync(body).length, map });
				}
				// Tiles are stored gzip-compressed in the archive, so their bytes are already gzip.
				if (u.includes('.pmtiles')) basemapBytes += body.length;
				if (u.endsWith('.woff2') && u.includes('/fonts/')) fontBytes += body.length;
			} catch {
				// Redirects and aborted requests have no body; they carry no bytes to count.
			}
		});
		await page.goto(url);
		await page.waitForSelector(waitFor, { timeout: 120_000, state: 'attached' });
		const idleMs = await page.evaluate(
			() => performance.getEntriesByName('map-first-idle')[0]?.startTime ?? NaN
		);
		await page.waitForTimeout(200);
		return { idleMs, scripts, basemapBytes, fontBytes };
	} finally {
		await browser.close();
	}
}

async function main(): Promise<void> {
	if (!existsSync(join(root, 'build', 'index.html'))) {
		throw new Error('No build/ found: run "npm run build" first.');
	}
	const bareDir = bareSite(false);
	const basemapDir = bareSite(true);
	const app = await serveLocally(join(root, 'build'));
	const bare = await serveLocally(bareDir);
	const basemapOnly = await serveLocally(basemapDir);
	const appRuns: Load[] = [];
	const noLayerRuns: Load[] = [];
	const bareRuns: Load[] = [];
	const basemapRuns: Load[] = [];
	try {
		// One warm-up of each (disk cache, JIT of the test runner), then alternate.
		await measure(app.url, '[data-map-state="idle"]');
		await measure(`${app.url}#layers=none`, '[data-map-state="idle"]');
		await measure(bare.url, 'body[data-idle]');
		await measure(basemapOnly.url, 'body[data-idle]');
		for (let i = 0; i < RUNS; i++) {
			appRuns.push(await measure(app.url, '[data-map-state="idle"]'));
			noLayerRuns.push(await measure(`${app.url}#layers=none`, '[data-map-state="idle"]'));
			bareRuns.push(await measure(bare.url, 'body[data-idle]'));
			basemapRuns.push(await measure(basemapOnly.url, 'body[data-idle]'));
		}
	} finally {
		await Promise.all([app.close(), bare.close(), basemapOnly.close()]);
		rmSync(bareDir, { recursive: true, force: true });
		rmSync(basemapDir, { recursive: true, force: true });
	}

	const appIdle = median(appRuns.map((r) => r.idleMs));
	const noLayerIdle = median(noLayerRuns.map((r) => r.idleMs));
	const bareIdle = median(bareRuns.map((r) => r.idleMs));
	const basemapIdle = median(basemapRuns.map((r) => r.idleMs));
	const last = appRuns[appRuns.length - 1]!;
	const kb = (b: number) => b / 1024;
	// MapLibre's own code is what the budget leaves out: the gzip size of its published files.
	// Everything else loaded at start (our code, Svelte, SvelteKit, the pmtiles package in the map
	// chunk) counts as app JavaScript.
	const dist = join(root, 'node_modules', 'maplibre-gl', 'dist');
	const mapLibreOwn =
		gzipSync(readFileSync(join(dist, 'maplibre-gl.mjs'))).length +
		gzipSync(readFileSync(join(dist, 'maplibre-gl-worker.mjs'))).length;
	const totalJs = last.scripts.reduce((n, s) => n + s.gzip, 0);
	const appJs = totalJs - mapLibreOwn;
	const mapJs = last.scripts.filter((s) => s.map).reduce((n, s) => n + s.gzip, 0);
	const archive = readFileSync(join(root, 'static', 'basemap', 'basemap.pmtiles'));
	const result = {
		runs: RUNS,
		firstIdle: {
			appMedianMs: appIdle,
			appNoLayersMedianMs: noLayerIdle,
			bareEmptyStyleMedianMs: bareIdle,
			bareWithBasemapMedianMs: basemapIdle,
			ratioToNoLayers: appIdle / noLayerIdle,
			ratioToEmptyStyle: appIdle / bareIdle,
			ratioToBareWithBasemap: appIdle / basemapIdle,
			perRunRatioToNoLayersMedian: median(appRuns.map((r, i) => r.idleMs / noLayerRuns[i]!.idleMs)),
			perRunRatioToBareWithBasemapMedian: median(
				appRuns.map((r, i) => r.idleMs / basemapRuns[i]!.idleMs)
			),
			budgets: { ratioToNoLayers: 1.15, ratioToBareWithBasemap: 1.25 },
			app: appRuns.map((r) => r.idleMs),
			appNoLayers: noLayerRuns.map((r) => r.idleMs),
			bareEmptyStyle: bareRuns.map((r) => r.idleMs),
			bareWithBasemap: basemapRuns.map((r) => r.idleMs)
		},
		javascriptGzipKB: {
			appExcludingMapLibre: kb(appJs),
			totalFirstLoad: kb(totalJs),
			mapLibreOwnFiles: kb(mapLibreOwn),
			mapLibreChunkAndWorker: kb(mapJs),
			budget: 60,
			files: last.scripts.map((s) => ({
				url: s.url.replace(/^https?:\/\/[^/]+/, ''),
				gzipKB: kb(s.gzip),
				mapLibre: s.map
			}))
		},
		basemap: {
			defaultViewTilesKB: kb(last.basemapBytes),
			defaultViewFontsKB: kb(last.fontBytes),
			budgetKB: 400,
			archiveKB: kb(archive.length),
			archiveGzipKB: kb(gzipSync(archive).length)
		}
	};
	const outDir = join(root, 'bench-results');
	mkdirSync(outDir, { recursive: true });
	writeFileSync(join(outDir, 'startup.json'), JSON.stringify(result, null, 2));

	const spread = (runs: Load[]) => {
		const ms = runs.map((r) => r.idleMs);
		return `[${fmt(Math.min(...ms), 0)}-${fmt(Math.max(...ms), 0)}]`;
	};
	console.log(`First map idle, median [min-max] of ${RUNS} alternating runs:`);
	console.log(`  app                          ${fmt(appIdle, 0)} ms ${spread(appRuns)}`);
	console.log(
		`  app with #layers=none        ${fmt(noLayerIdle, 0)} ms ${spread(noLayerRuns)}  -> ratio ${fmt(appIdle / noLayerIdle, 2)} (budget <= 1.15)`
	);
	console.log(
		`  bare MapLibre + our basemap  ${fmt(basemapIdle, 0)} ms ${spread(basemapRuns)}  -> ratio ${fmt(appIdle / basemapIdle, 2)} (budget <= 1.25)`
	);
	console.log(
		`  bare MapLibre, empty style   ${fmt(bareIdle, 0)} ms ${spread(bareRuns)}  -> ratio ${fmt(appIdle / bareIdle, 2)}`
	);
	const ratios = appRuns.map((r, i) => r.idleMs / noLayerRuns[i]!.idleMs);
	console.log(
		`  per-run app / no layers      ${ratios.map((r) => fmt(r, 2)).join(' ')}  -> median ${fmt(median(ratios), 2)}`
	);
	// Runs of one round share the machine's load at that moment: on a busy machine the ratio of
	// each round is steadier than the ratio of medians.
	const bareRatios = appRuns.map((r, i) => r.idleMs / basemapRuns[i]!.idleMs);
	console.log(
		`  per-run app / bare+basemap   ${bareRatios.map((r) => fmt(r, 2)).join(' ')}  -> median ${fmt(median(bareRatios), 2)}`
	);
	console.log(
		`App JavaScript at first load: ${fmt(kb(appJs))} KB gzip excluding MapLibre (budget <= 60): ${fmt(kb(totalJs))} KB in all, less MapLibre's own ${fmt(kb(mapLibreOwn))} KB (its chunk here, with the pmtiles package, is ${fmt(kb(mapJs))} KB with the worker)`
	);
	console.log(
		`Basemap for the default view: ${fmt(kb(last.basemapBytes))} KB of tiles (stored gzip) + ${fmt(kb(last.fontBytes))} KB fonts (budget <= 400); whole archive ${fmt(kb(archive.length))} KB`
	);
	console.log('Details: bench-results/startup.json');
}

// Run only as a script: scripts/bench/trace.ts imports bareSite.
if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) await main();
