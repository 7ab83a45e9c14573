import { expect, test, waitForMapIdle } from './fixtures.ts';

/** Every page of the site. A new route must be added here to be covered. */
const ROUTES = ['/'];
/** The handout pages, one per briefing in geo/briefings/, with their step counts. */
const HANDOUTS = { 'deployments-2024-2025': 9, 'two-theatres': 3 };

for (const route of ROUTES) {
	test(`${route} loads, renders the map offline and stays on its own origin`, async ({
		page,
		watch
	}, testInfo) => {
		await page.goto(route);
		await expect(page).toHaveTitle(/North Korean military personnel/);
		await expect(page.getByRole('heading', { level: 1, name: 'Deployment Atlas' })).toBeVisible();
		await waitForMapIdle(page);
		await expect(page.getByRole('region', { name: /map/i })).toBeVisible();
		await page.screenshot({ path: testInfo.outputPath('page.png') });
		expect(watch.foreignRequests).toEqual([]);
	});
}

test('the basemap attribution credits its sources', async ({ page, watch: _ }) => {
	await page.goto('/');
	await waitForMapIdle(page);
	const attribution = page.locator('.maplibregl-ctrl-attrib');
	await expect(attribution).toContainText('Natural Earth');
	await expect(attribution).toContainText('GeoNames');
	await expect(attribution).toContainText('MapLibre');
});

test('each theatre is one click away', async ({ page, watch: _ }, testInfo) => {
	await page.goto('/');
	await waitForMapIdle(page);
	for (const name of ['Kursk and border', 'Far East', 'Both theatres']) {
		await page.getByRole('button', { name, exact: true }).click();
		// The camera move starts at once; the map reports idle again when it has settled.
		await waitForMapIdle(page);
		await page.screenshot({ path: testInfo.outputPath(`${name.replace(/\W+/g, '-')}.png`) });
	}
});

test('a camera in the address opens the map there, even across the antimeridian', async ({
	page,
	watch: _
}, testInfo) => {
	await page.goto('/#at=3.6/65.5/-178');
	await waitForMapIdle(page);
	await page.screenshot({ path: testInfo.outputPath('bering-strait.png') });
	await expect(page.locator('.maplibregl-ctrl-scale')).toBeVisible();
});

for (const [id, steps] of Object.entries(HANDOUTS)) {
	test(`/handout/${id}/ draws every step's map offline and stays on its own origin`, async ({
		page,
		watch
	}, testInfo) => {
		test.setTimeout(180_000);
		await page.goto(`/handout/${id}/`);
		await expect(page).toHaveTitle(/^Handout: /);
		await expect(page.getByRole('article')).toHaveCount(steps);
		await expect(page.getByRole('status')).toHaveText(
			`All ${steps} maps drawn. Print this page, or save it as PDF, for the handout.`,
			{
				timeout: 150_000
			}
		);
		await expect(page.getByRole('img', { name: /^Map of step / })).toHaveCount(steps);
		await page.screenshot({ path: testInfo.outputPath('handout.png'), fullPage: true });
		expect(watch.foreignRequests).toEqual([]);
	});
}

test('the test browser keeps Playwright’s own disabled features and preloads no address-bar popup', async ({
	browser,
	page
}) => {
	// The browser's own page on itself gives the command line it was started with.
	await page.goto('chrome://version');
	const commandLine = await page.locator('#command_line').innerText();
	const lists = [...commandLine.matchAll(/--disable-features=(\S+)/g)].map((m) => m[1]!.split(','));
	// Playwright's list first, ours last; Chromium reads only the last, so it must hold both.
	expect(lists.length).toBeGreaterThanOrEqual(2);
	const effective = lists.at(-1)!;
	expect(lists[0]!.filter((feature) => !effective.includes(feature))).toEqual([]);
	expect(effective).toEqual(expect.arrayContaining(['WebUIOmniboxPopup', 'WebUIOmniboxAimPopup']));
	const cdp = await browser.newBrowserCDPSession();
	const { targetInfos } = await cdp.send('Target.getTargets');
	expect(targetInfos.map((t) => t.url).filter((url) => url.startsWith('chrome://omnibox'))).toEqual(
		[]
	);
	await cdp.detach();
});
