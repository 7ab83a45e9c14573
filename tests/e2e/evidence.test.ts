import type { Page } from '@playwright/test';
import { expect, holdAppCode, test, waitForMapIdle } from './fixtures.ts';

/** Opens the map centred on a point and clicks the middle of the map, where that point is. */
async function clickMapAt(page: Page, camera: string): Promise<void> {
	await page.goto(`/#at=${camera}`);
	await waitForMapIdle(page);
	const box = (await page.locator('.maplibregl-canvas').boundingBox())!;
	await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
}

const panel = (page: Page) => page.getByRole('complementary');

test('clicking the Kursk region shows the builders, their claimants and dated sources', async ({
	page,
	watch: _
}) => {
	await page.goto('/#at=7/51.7/36.2');
	await waitForMapIdle(page);
	// Three zones share the Kursk polygon; with the other two hidden, a click finds the builders.
	await page.getByRole('checkbox', { name: 'Combat deployment' }).uncheck();
	await page.getByRole('checkbox', { name: 'Demining' }).uncheck();
	await waitForMapIdle(page);
	const box = (await page.locator('.maplibregl-canvas').boundingBox())!;
	await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);

	const aside = panel(page);
	await expect(aside.getByRole('heading', { level: 2 })).toHaveText(/military builders/);
	await expect(aside.getByRole('heading', { level: 2 })).toBeFocused();
	await expect(aside).toContainText('about 5,000 personnel');
	await expect(aside).toContainText('Russian Security Council');
	// The intelligence figures are for Russia as a whole, under their own heading (issue 10).
	await expect(aside.getByRole('region', { name: 'Figures for Russia as a whole' })).toContainText(
		'National Intelligence Service'
	);
	const sources = aside.getByRole('region', { name: 'Sources' }).getByRole('listitem');
	await expect(sources.first()).toContainText('Published');
	await expect(sources.first()).toContainText('No link on file.');
});

test('a click where zones overlap offers the others under the pointer', async ({
	page,
	watch: _
}) => {
	await clickMapAt(page, '7/51.7/36.2');
	const aside = panel(page);
	await expect(aside).toContainText('Also at this spot:');
	await aside.getByRole('button', { name: 'Kursk region: combat deployment' }).click();
	await expect(aside.getByRole('heading', { level: 2 })).toHaveText(/combat deployment/);
	await expect(aside).toContainText('more than 10,000 troops');
	await expect(aside.getByRole('region', { name: 'Disputes' })).toContainText('Disputed by');
});

test('the border band shows about 10,000 and says its width is an assumption', async ({
	page,
	watch: _
}) => {
	await clickMapAt(page, '8/50.45/37.0');
	const aside = panel(page);
	await expect(aside.getByRole('heading', { level: 2 })).toHaveText(/border/i);
	await expect(aside).toContainText('about 10,000 personnel');
	await expect(aside).toContainText("Width is an analyst's assumption");
});

test('the Far East zone shows the 15,000 sent and the 40,000 planned, each with sources', async ({
	page,
	watch: _
}) => {
	await clickMapAt(page, '4/62/135');
	const aside = panel(page);
	await expect(aside.getByRole('heading', { level: 2 })).toHaveText(/Far East/);
	await expect(aside).toContainText('about 15,000 labourers');
	// As printed: the monitoring team's plan is a bare 40,000, not "about" (issue 10).
	await expect(aside).toContainText('40,000 labourers');
	await expect(aside).not.toContainText('about 40,000');
	await expect(aside).toContainText('Multilateral Sanctions Monitoring Team');
	expect(
		await aside.getByRole('region', { name: 'Sources' }).getByRole('listitem').count()
	).toBeGreaterThan(1);
});

test('everything works from the keyboard: list, panel, Escape back to the list', async ({
	page,
	watch: _
}) => {
	await page.goto('/');
	await waitForMapIdle(page);
	const list = page.getByRole('region', { name: 'Features' });
	await list.getByRole('button', { name: /^Russian Far East: North Korean labourers/ }).focus();
	await page.keyboard.press('ArrowDown');
	await expect(list.getByRole('button', { name: /^Russia-Ukraine border/ })).toBeFocused();
	await page.keyboard.press('Enter');
	const heading = panel(page).getByRole('heading', { level: 2 });
	await expect(heading).toHaveText(/Russia-Ukraine border/);
	await expect(heading).toBeFocused();
	await expect(panel(page)).toContainText('about 10,000 personnel');
	// A dialog opened over the panel takes Escape for itself: it closes, the panel stays.
	await page.getByRole('button', { name: 'Export…' }).click();
	const exportDialog = page.getByRole('dialog', { name: 'Export figure' });
	await expect(exportDialog).toBeVisible();
	await page.keyboard.press('Escape');
	await expect(exportDialog).toBeHidden();
	await expect(heading).toHaveText(/Russia-Ukraine border/);
	await heading.focus();
	await page.keyboard.press('Escape');
	await expect(panel(page)).toHaveCount(0);
	await expect(list.getByRole('button', { name: /^Russia-Ukraine border/ })).toBeFocused();
});

test('a click made before the app has taken over the page still opens what was clicked', async ({
	page,
	watch: _
}) => {
	// The app's entry is held back: the prerendered page is on screen with no code behind it, as
	// in the first second or so of a start on a slow machine.
	const arrive = await holdAppCode(page);
	await page.goto('/', { waitUntil: 'domcontentloaded' });
	const list = page.getByRole('region', { name: 'Features' });
	await list.getByRole('button', { name: /^Russia-Ukraine border/ }).click();
	// Nothing could answer yet.
	await expect(panel(page)).toHaveCount(0);
	arrive();
	const heading = panel(page).getByRole('heading', { level: 2 });
	await expect(heading).toHaveText(/Russia-Ukraine border/);
	// It was a person's press: the panel takes the focus, as after any click.
	await expect(heading).toBeFocused();
	await expect(page).toHaveURL(/sel=/);
});

test('the desk timeline on screen before the app takes over is the one it keeps, so a click on it counts', async ({
	page,
	watch: _
}) => {
	const arrive = await holdAppCode(page);
	await page.goto('/', { waitUntil: 'domcontentloaded' });
	// The prerendered page already shows the desk's timeline, with its own buttons.
	const timeline = page.getByRole('region', { name: 'Timeline' });
	await timeline.getByRole('button', { name: 'What changed…' }).click();
	await expect(page.getByRole('dialog', { name: 'What changed' })).toHaveCount(0);
	arrive();
	await expect(page.getByRole('dialog', { name: 'What changed' })).toBeVisible();
	await waitForMapIdle(page);
	// Still the same timeline: the app took it over rather than drawing another.
	await expect(timeline.getByRole('radio')).toHaveCount(3);
});

test.describe('a small laptop, 1024x768', () => {
	test.use({ viewport: { width: 1024, height: 768 } });
	test('before the app takes over, the bar is already a menu bar and no timeline runs under the list', async ({
		page,
		watch: _
	}) => {
		const arrive = await holdAppCode(page);
		await page.goto('/', { waitUntil: 'load' });
		await expect(page.getByRole('button', { name: 'Menu' })).toBeVisible();
		await expect(page.getByRole('button', { name: 'Both theatres' })).toBeHidden();
		// The app draws the compact timeline here; the desk's one it would replace waits.
		await expect(page.getByRole('region', { name: 'Timeline' })).toBeHidden();
		await expect(page.getByRole('region', { name: 'Features' })).toBeVisible();
		arrive();
		await waitForMapIdle(page);
		const timeline = page.getByRole('region', { name: 'Timeline' });
		await expect(timeline).toBeVisible();
		await expect(timeline.getByRole('combobox', { name: 'What the date means' })).toBeVisible();
		await expect(page.getByRole('button', { name: 'Menu' })).toBeVisible();
	});
});

test('search finds features, places and sources and opens what is chosen', async ({
	page,
	watch: _
}) => {
	await page.goto('/');
	await waitForMapIdle(page);
	const box = page.getByRole('combobox', { name: 'Search features, places and sources' });
	await box.fill('far east');
	await expect(page.getByRole('option').first()).toContainText('Russian Far East');
	await box.press('Enter');
	await expect(panel(page).getByRole('heading', { level: 2 })).toHaveText(/Far East/);

	await box.fill('japan today');
	const option = page.getByRole('option', { name: /Japan Today/ });
	await expect(option).toBeVisible();
	await box.press('ArrowDown');
	await box.press('ArrowUp');
	await box.press('Enter');
	const list = page.getByRole('region', { name: 'Features' });
	await expect(list).toContainText('Citing Japan Today');
	await expect(list.getByRole('status')).not.toHaveText(/^All 14/);

	await box.fill('vladivostok');
	await expect(page.getByRole('option', { name: /Vladivostok/ })).toBeVisible();
	await box.press('Enter');
	await waitForMapIdle(page);
});

test('the feature list filters and sorts, and says how many are shown', async ({
	page,
	watch: _
}) => {
	await page.goto('/');
	const list = page.getByRole('region', { name: 'Features' });
	await expect(list.getByRole('status')).toHaveText('All 14 features shown');
	// Layer toggles in the legend narrow the list as they do the map.
	const legend = page.getByRole('region', { name: 'Legend' });
	for (const name of [
		'Labour',
		'Border guard duty',
		'Combat deployment',
		'Reconstruction (military builders)',
		'Demining',
		'Dispatch from North Korea',
		'Labourers enlisted in the Russian military'
	]) {
		await legend.getByRole('checkbox', { name, exact: true }).uncheck();
	}
	await expect(list.getByRole('status')).toHaveText('6 of 14 features shown');
	await list.getByRole('combobox', { name: 'Sort by' }).selectOption('date');
	const names = await list
		.locator('li:not(.unlocated-entry) button.feature .name')
		.allTextContents();
	expect(names.at(-1)).toMatch(/National Intelligence Service findings/);
	await list.getByRole('searchbox', { name: 'Filter' }).fill('Lavrov');
	await expect(list.getByRole('status')).toHaveText('1 of 14 features shown (filtered by text)');
	await expect(list).toContainText('Not drawn on the map');
});

test('legend checkboxes name each layer and hide it', async ({ page, watch: _ }, testInfo) => {
	await page.goto('/#at=5.5/51.5/37');
	await waitForMapIdle(page);
	const legend = page.getByRole('region', { name: 'Legend' });
	const border = legend.getByRole('checkbox', { name: 'Border guard duty' });
	await expect(border).toBeChecked();
	await border.uncheck();
	await waitForMapIdle(page);
	await expect(border).not.toBeChecked();
	await legend.getByRole('button', { name: 'Show what the symbols mean' }).click();
	await expect(legend).toContainText('Higher confidence');
	await expect(legend).toContainText('Band of assumed width along a border');
	await page.screenshot({ path: testInfo.outputPath('legend.png') });
});

test('a lost WebGL context recovers with the selection intact', async ({ page, watch: _ }) => {
	await clickMapAt(page, '8/50.45/37.0');
	await expect(panel(page).getByRole('heading', { level: 2 })).toHaveText(/border/i);
	await page.evaluate(async () => {
		const canvas = document.querySelector<HTMLCanvasElement>('.maplibregl-canvas')!;
		const gl = canvas.getContext('webgl2') ?? canvas.getContext('webgl');
		const ext = gl!.getExtension('WEBGL_lose_context')!;
		ext.loseContext();
		await new Promise((r) => setTimeout(r, 300));
		ext.restoreContext();
	});
	await waitForMapIdle(page);
	await expect(panel(page).getByRole('heading', { level: 2 })).toHaveText(/border/i);
	await expect(page.locator('[data-map-state]')).toHaveAttribute('data-map-state', 'idle');
});
