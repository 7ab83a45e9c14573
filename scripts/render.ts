/**
 * Render CLI: figures for report pipelines, made headlessly by the atlas itself. Opens the
 * production build in Chromium, goes to each view (a briefing's steps, or a permalink), and uses
 * the Export dialog exactly as a person would: the same off-screen render and composition, the
 * same footnotes, the same PNG metadata. With --handout it also prints the briefing's handout
 * page (/handout/<id>/) to PDF.
 *
 *   npm run render -- --briefing deployments-2024-2025 --out figures [--preset slide-16x9] [--handout]
 *   npm run render -- --url 'http://localhost:4173/#at=5/52/38&t=2025-06-01' --out figures
 *   npm run render -- --view all --out figures
 *
 * Exit status: 0 done, 1 a figure failed, 2 a wrong command (unknown briefing, bad link, ...).
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { loadGeo } from '../src/lib/data/geo-files.server.ts';
import { launchChromium } from './lib/chromium.ts';
import { serveLocally } from './lib/local-site.ts';
import {
	planRender,
	prepareOutDir,
	USAGE,
	UsageError,
	type RenderPlan,
	type RenderTarget
} from './lib/render-args.ts';

const root = resolve(import.meta.dirname, '..');
/** Large figures take seconds with software WebGL; this is only a guard against a hang. */
const FIGURE_TIMEOUT = 180_000;

async function buildSite(force: boolean): Promise<string> {
	const dir = join(root, 'build');
	if (force || !existsSync(join(dir, 'index.html'))) {
		console.log(force ? 'Building the site ...' : 'No build/ yet: building the site ...');
		const { build } = await import('vite');
		await build({ root, logLevel: 'warn' });
	} else {
		console.log('Using the existing build/ (pass --rebuild after changing geo/ or the code).');
	}
	return dir;
}

/** Page errors and failed requests, so a figure made from a broken page is not passed off as fine. */
function watch(page: Page): string[] {
	const problems: string[] = [];
	page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
	page.on('console', (m) => {
		if (m.type() === 'error') problems.push(`console error: ${m.text()}`);
	});
	return problems;
}

async function renderOne(
	page: Page,
	site: string,
	target: RenderTarget,
	plan: RenderPlan
): Promise<{ path: string; seconds: number; status: string }> {
	await page.goto('about:blank');
	await page.goto(`${site}${target.hash}`);
	const map = page.locator('[data-map-state]');
	await map.and(page.locator('[data-map-state="idle"], [data-map-state="error"]')).waitFor();
	if ((await map.getAttribute('data-map-state')) === 'error')
		throw new Error(`the map did not start: ${await page.getByRole('alert').allInnerTexts()}`);

	if (target.goTo) {
		await page
			.getByRole('navigation', { name: 'Go to' })
			.getByRole('button', { name: target.goTo, exact: true })
			.click();
		// The move (instant: reduced motion) sets the map busy; wait until it has drawn again.
		await page.locator('[data-map-state="idle"]').waitFor();
	}
	await page.getByRole('button', { name: 'Export…' }).click();
	const dialog = page.getByRole('dialog', { name: 'Export figure' });
	await dialog.locator(`input[name="preset"][value="${plan.presetId}"]`).check();
	if (target.title !== null)
		await dialog.getByRole('textbox', { name: 'Title', exact: true }).fill(target.title);
	if (target.subtitle !== null)
		await dialog.getByRole('textbox', { name: 'Subtitle' }).fill(target.subtitle);

	const started = performance.now();
	await dialog.getByRole('button', { name: 'Export PNG' }).click();
	const download = dialog.getByRole('link', { name: 'Download PNG' });
	const failure = dialog.getByRole('alert');
	await download.or(failure).first().waitFor({ timeout: FIGURE_TIMEOUT });
	if (await failure.isVisible()) throw new Error(await failure.innerText());
	const seconds = (performance.now() - started) / 1000;
	const status = await dialog.getByRole('status').filter({ hasText: 'Figure ready' }).innerText();

	const [file] = await Promise.all([page.waitForEvent('download'), download.click()]);
	const path = join(plan.outDir, target.file);
	await file.saveAs(path);
	const citations = await dialog.getByLabel('Citations as text').innerText();
	writeFileSync(path.replace(/\.png$/, '.citations.txt'), `${citations.trim()}\n`);
	return { path, seconds, status };
}

async function printHandout(page: Page, site: string, id: string, outDir: string): Promise<string> {
	await page.goto(`${site}handout/${id}/`);
	const main = page.locator('[data-handout-state]');
	await main
		.and(page.locator('[data-handout-state="ready"], [data-handout-state="error"]'))
		.waitFor({ timeout: FIGURE_TIMEOUT * 2 });
	if ((await main.getAttribute('data-handout-state')) === 'error')
		throw new Error(
			`the handout could not be made: ${await page.getByRole('alert').allInnerTexts()}`
		);
	const path = join(outDir, `${id}-handout.pdf`);
	await page.emulateMedia({ media: 'print' });
	await page.pdf({ path, preferCSSPageSize: true, printBackground: true });
	return path;
}

async function main(): Promise<number> {
	let plan: RenderPlan;
	try {
		plan = planRender(process.argv.slice(2), loadGeo(join(root, 'geo')).dataset);
	} catch (e) {
		if (!(e instanceof UsageError)) throw e;
		console.error(`render: ${e.message}\n\n${USAGE}`);
		return 2;
	}
	try {
		prepareOutDir(plan.outDir);
	} catch (e) {
		if (!(e instanceof UsageError)) throw e;
		console.error(`render: ${e.message}`);
		return 2;
	}
	const dir = await buildSite(plan.rebuild);
	const site = await serveLocally(dir);
	let browser: Browser | null = null;
	let failed = 0;
	try {
		browser = await launchChromium();
		const context = await browser.newContext({
			viewport: plan.viewport,
			reducedMotion: 'reduce',
			acceptDownloads: true
		});
		const page = await context.newPage();
		const problems = watch(page);
		for (const target of plan.targets) {
			try {
				const done = await renderOne(page, site.url, target, plan);
				console.log(`${done.path}  ${done.status} (${done.seconds.toFixed(1)} s)`);
			} catch (e) {
				failed += 1;
				console.error(`render: ${target.file} failed: ${e instanceof Error ? e.message : e}`);
			}
		}
		if (plan.handout) {
			try {
				console.log(`${await printHandout(page, site.url, plan.handout, plan.outDir)}  handout`);
			} catch (e) {
				failed += 1;
				console.error(`render: the handout failed: ${e instanceof Error ? e.message : e}`);
			}
		}
		for (const p of problems) console.error(`render: ${p}`);
		if (problems.length > 0) failed += 1;
	} finally {
		await browser?.close();
		await site.close();
	}
	return failed > 0 ? 1 : 0;
}

process.exitCode = await main();
