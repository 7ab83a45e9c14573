/**
 * Phones and tablets: a shared link opened on a small touch screen. A phone (390x844, touch,
 * device scale 2) and an upright tablet (768x1024, touch). The map is read through MapLibre's
 * public API (window.atlasMap): what it has drawn and where places are on screen, never pixels.
 */
import AxeBuilder from '@axe-core/playwright';
import type { CDPSession, Page } from '@playwright/test';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { expect, holdAppCode, test, waitForMapIdle } from './fixtures.ts';

declare global {
	interface Window {
		atlasMap?: MapLibreMap;
	}
}

const DEVICES = [
	{ name: 'phone', viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true },
	{ name: 'tablet', viewport: { width: 768, height: 1024 }, deviceScaleFactor: 1, isMobile: true }
] as const;

async function violations(page: Page) {
	const result = await new AxeBuilder({ page })
		.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
		.analyze();
	return result.violations.map(
		(v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join('; ')})`
	);
}

/** Ids of the evidence features the map has drawn in the part of it the sheet leaves uncovered. */
async function drawnIds(page: Page): Promise<string[]> {
	const sheetTop = await page
		.locator('.sheet')
		.evaluate((el) => el.getBoundingClientRect().top)
		.catch(() => Infinity);
	return page.evaluate((sheetTop) => {
		const map = window.atlasMap!;
		const canvas = map.getCanvas().getBoundingClientRect();
		const bottom = Math.min(canvas.height, sheetTop - canvas.top);
		const ids = map
			.queryRenderedFeatures([
				[0, 0],
				[canvas.width, bottom]
			])
			.map((f) => f.properties['id'])
			.filter((id): id is string => typeof id === 'string');
		return [...new Set(ids)].sort();
	}, sheetTop);
}

/**
 * Overlay labels (the figure blocks) the map has drawn across its left or right edge: a label
 * cut there is half a figure. MapLibre answers a query with the labels whose boxes it hits, so a
 * strip one pixel wide along each edge finds them.
 */
async function labelsCutAtEdges(page: Page): Promise<string[]> {
	return page.evaluate(() => {
		const map = window.atlasMap!;
		const { width, height } = map.getCanvas().getBoundingClientRect();
		const layers = map
			.getStyle()
			.layers.filter((l) => l.type === 'symbol' && 'source' in l && /labels$/.test(l.source))
			.map((l) => l.id);
		const at = (x: number) =>
			map
				.queryRenderedFeatures(
					[
						[x, 0],
						[x + 1, height]
					],
					{ layers }
				)
				.map((f) => String(f.properties['label'] ?? f.properties['id']));
		return [...at(0), ...at(width - 1)];
	});
}

/**
 * Elements that reach past the right or left edge of the window, and the page's own width. A
 * fixed box wholly outside the window is off-screen on purpose (the figure renderer lays out the
 * maps it draws there), so it and its contents are not counted.
 */
async function overflow(page: Page) {
	return page.evaluate(() => {
		const width = document.documentElement.clientWidth;
		const offScreen = [...document.querySelectorAll<HTMLElement>('body *')].filter((el) => {
			if (getComputedStyle(el).position !== 'fixed') return false;
			const r = el.getBoundingClientRect();
			return r.right <= 0 || r.left >= width;
		});
		const wide = [...document.querySelectorAll<HTMLElement>('body *')]
			.filter((el) => {
				if (offScreen.some((box) => box.contains(el))) return false;
				const r = el.getBoundingClientRect();
				if (r.width === 0 || r.height === 0) return false;
				return r.right > width + 1 || r.left < -1;
			})
			.map((el) => `${el.tagName.toLowerCase()}.${el.className}`.slice(0, 80));
		return { scrollWidth: document.documentElement.scrollWidth, width, wide };
	});
}

/** A finger moving from one point to another in a few steps, as the browser's touch input. */
async function drag(
	cdp: CDPSession,
	paths: Array<{ from: [number, number]; to: [number, number] }>,
	steps = 8
) {
	const at = (i: number) =>
		paths.map((p, id) => ({
			id,
			x: p.from[0] + ((p.to[0] - p.from[0]) * i) / steps,
			y: p.from[1] + ((p.to[1] - p.from[1]) * i) / steps
		}));
	await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: at(0) });
	for (let i = 1; i <= steps; i++) {
		await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: at(i) });
	}
	await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
}

for (const device of DEVICES) {
	test.describe(`${device.name} ${device.viewport.width}x${device.viewport.height}`, () => {
		test.use({
			viewport: device.viewport,
			deviceScaleFactor: device.deviceScaleFactor,
			isMobile: device.isMobile,
			hasTouch: true
		});

		test('a shared link frames both theatres, fits the screen and has no axe violations', async ({
			page,
			watch: _
		}, testInfo) => {
			await page.goto('/');
			await waitForMapIdle(page);
			const ids = await drawnIds(page);
			expect(ids).toContain('far-east-labour');
			expect(ids.some((id) => id.startsWith('kursk-'))).toBe(true);
			// The Kursk figures sit near the view's west edge; none is cut in half.
			expect(await labelsCutAtEdges(page)).toEqual([]);

			const o = await overflow(page);
			expect(o.wide).toEqual([]);
			expect(o.scrollWidth).toBeLessThanOrEqual(o.width);

			// The legend is one button until asked for; the rest of the bar is behind the menu.
			const legend = page.getByRole('region', { name: 'Legend' });
			await expect(legend.getByRole('checkbox')).toHaveCount(0);
			await expect(page.getByRole('button', { name: 'Both theatres' })).toBeHidden();
			await expect(page.getByRole('searchbox').first()).toBeVisible();
			expect(await violations(page)).toEqual([]);
			await page.screenshot({ path: testInfo.outputPath(`${device.name}.png`) });

			await page.getByRole('button', { name: 'Menu' }).tap();
			await expect(page.getByRole('button', { name: 'Both theatres' })).toBeVisible();
			expect((await overflow(page)).wide).toEqual([]);
			await page.getByRole('button', { name: 'Menu' }).tap();
			await legend.getByRole('button', { name: 'Legend' }).tap();
			await expect(legend.getByRole('checkbox', { name: 'Combat deployment' })).toBeVisible();
			expect((await overflow(page)).wide).toEqual([]);
			expect(await violations(page)).toEqual([]);
		});

		test('a feature chosen from the sheet shows its sources there; a finger taps, pinches and turns the map', async ({
			page,
			watch: _
		}, testInfo) => {
			await page.goto('/');
			await waitForMapIdle(page);
			const handle = page.getByRole('button', { name: /^Feature list: collapsed/ });
			await handle.tap();
			await expect(page.getByRole('button', { name: /^Feature list: half open/ })).toBeVisible();
			await page.locator('[data-list-id="kursk-combat"]').tap();
			const panel = page.getByRole('complementary', { name: /combat deployment/i });
			await expect(panel).toBeVisible();
			const sheet = page.locator('.sheet');
			await expect(sheet.getByRole('heading', { name: 'Sources' })).toBeVisible();
			await expect(sheet.locator('.sources > li').first()).toBeVisible();
			// A tap on the open sheet, over a drawn feature beneath it, is the sheet's alone.
			await waitForMapIdle(page);
			const under = await page.evaluate(() => {
				const map = window.atlasMap!;
				const canvas = map.getCanvas().getBoundingClientRect();
				const sheet = document.querySelector('.sheet')!.getBoundingClientRect();
				for (let y = sheet.top + 60; y < Math.min(sheet.bottom, canvas.bottom); y += 8) {
					for (let x = sheet.left + 8; x < sheet.right - 8; x += 8) {
						const hit = document.elementFromPoint(x, y);
						if (!hit || hit.closest('button, a, input, select, summary, label')) continue;
						const ids = map
							.queryRenderedFeatures([x - canvas.left, y - canvas.top])
							.map((f) => f.properties['id'])
							.filter((id) => typeof id === 'string' && id !== 'kursk-combat');
						if (ids.length > 0) return { x, y, id: ids[0] as string };
					}
				}
				return null;
			});
			expect(under, 'a feature drawn beneath the sheet').not.toBeNull();
			await page.touchscreen.tap(under!.x, under!.y);
			await expect(panel).toBeVisible();
			await expect(page.locator(`[data-feature-id="${under!.id}"]`)).toHaveCount(0);
			// The keyboard opens the sheet fully and lowers it again.
			await page.getByRole('button', { name: /^Feature panel: half open/ }).press('ArrowUp');
			await expect(page.getByRole('button', { name: /^Feature panel: fully open/ })).toBeVisible();
			expect((await overflow(page)).wide).toEqual([]);
			expect(await violations(page)).toEqual([]);
			await page.screenshot({ path: testInfo.outputPath(`${device.name}-panel.png`) });
			await page.getByRole('button', { name: /^Feature panel: fully open/ }).press('Escape');
			await expect(page.getByRole('button', { name: /^Feature panel: collapsed/ })).toBeVisible();
			await waitForMapIdle(page);

			// A tap near (not on) an event marker selects it: a finger gets a box, not a pixel.
			const marker = await page.evaluate(() => {
				const map = window.atlasMap!;
				const canvas = map.getCanvas().getBoundingClientRect();
				map.jumpTo({ center: [37.6, 55.75], zoom: 6 });
				const p = map.project([37.62, 55.75]);
				return { x: canvas.left + p.x, y: canvas.top + p.y };
			});
			await waitForMapIdle(page);
			await page.touchscreen.tap(marker.x + 14, marker.y + 10);
			await expect(page.getByRole('complementary', { name: /Choe|Moscow/i })).toBeVisible();

			// Two fingers apart zoom in; two fingers turning rotate the map.
			const cdp = await page.context().newCDPSession(page);
			const box = (await page.locator('.maplibregl-canvas').boundingBox())!;
			const cx = box.x + box.width / 2;
			const cy = box.y + Math.min(box.height / 2, 200);
			const before = await page.evaluate(() => window.atlasMap!.getZoom());
			await drag(cdp, [
				{ from: [cx - 30, cy], to: [cx - 110, cy] },
				{ from: [cx + 30, cy], to: [cx + 110, cy] }
			]);
			await waitForMapIdle(page);
			expect(await page.evaluate(() => window.atlasMap!.getZoom())).toBeGreaterThan(before + 0.5);
			await drag(cdp, [
				{ from: [cx - 80, cy], to: [cx - 56, cy - 56] },
				{ from: [cx + 80, cy], to: [cx + 56, cy + 56] }
			]);
			await waitForMapIdle(page);
			expect(Math.abs(await page.evaluate(() => window.atlasMap!.getBearing()))).toBeGreaterThan(
				10
			);
		});

		test('before the app takes over, the page already reads as a column: nothing overlaps or runs off', async ({
			page,
			watch: _
		}) => {
			const arrive = await holdAppCode(page);
			await page.goto('/', { waitUntil: 'load' });
			// The prerendered page, with no code behind it: the bar, the map's place and the list.
			const list = page.getByRole('region', { name: 'Features' });
			await expect(list.getByRole('heading', { name: 'Features' })).toBeInViewport();
			await expect(page.getByRole('button', { name: 'Menu' })).toBeInViewport();
			// The legend would lie over the list; it waits for the app, as the timeline does.
			await expect(page.getByRole('region', { name: 'Legend' })).toBeHidden();
			await expect(page.getByRole('region', { name: 'Timeline' })).toBeHidden();
			const o = await overflow(page);
			expect(o.wide).toEqual([]);
			expect(o.scrollWidth).toBeLessThanOrEqual(o.width);
			// A feature tapped now is opened once the app has taken over, although the app moves
			// the list into its bottom sheet and so draws the feature's button anew.
			await list.getByRole('button', { name: /^Kursk region: combat deployment/ }).tap();
			await expect(page.getByRole('complementary')).toHaveCount(0);

			arrive();
			await waitForMapIdle(page);
			await expect(page.getByRole('complementary', { name: /combat deployment/i })).toBeVisible();
			await expect(page.getByRole('button', { name: /^Feature panel: / })).toBeVisible();
			await expect(page.getByRole('region', { name: 'Timeline' })).toBeVisible();
		});

		test('the handout reads as a column: no sheet runs off the screen', async ({
			page,
			watch: _
		}) => {
			await page.goto('/handout/two-theatres/');
			await expect(page.getByRole('article')).toHaveCount(3);
			await expect(
				page.getByRole('heading', { name: 'Two theatres: Kursk and the Russian Far East' })
			).toBeInViewport();
			const o = await overflow(page);
			expect(o.wide).toEqual([]);
			expect(o.scrollWidth).toBeLessThanOrEqual(o.width);
		});

		test('a briefing frames its steps and moves on by swipe', async ({
			page,
			watch: _
		}, testInfo) => {
			await page.goto('/#brief=two-theatres&step=1');
			await expect(page.getByText('Step 1 of 3')).toBeVisible();
			await waitForMapIdle(page);
			const caption = page.locator('.caption');
			const c = (await caption.boundingBox())!;
			const cdp = await page.context().newCDPSession(page);
			const y = c.y + c.height / 2;
			await drag(cdp, [{ from: [c.x + c.width * 0.8, y], to: [c.x + c.width * 0.2, y] }]);
			await expect(page.getByText('Step 2 of 3')).toBeVisible();
			await waitForMapIdle(page);
			expect((await overflow(page)).wide).toEqual([]);
			expect(await violations(page)).toEqual([]);
			await page.screenshot({ path: testInfo.outputPath(`${device.name}-briefing.png`) });
			await drag(cdp, [{ from: [c.x + c.width * 0.2, y], to: [c.x + c.width * 0.8, y] }]);
			await expect(page.getByText('Step 1 of 3')).toBeVisible();
		});
	});
}
