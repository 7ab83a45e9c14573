/**
 * Bring your own layers, as a user does it: files imported through the real file input, seen in
 * the legend and on the map, still there after a reload, listed in an exported figure's
 * footnotes; a hostile file's properties shown as text; a refused file leaving the map as it was.
 */
import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import { readPngText } from '../../src/lib/export/png-text.ts';
import type { Page } from '@playwright/test';
import { expect, test, waitForMapIdle } from './fixtures.ts';

const FIXTURES = 'tests/fixtures/import';
/** Where a test's screenshots go: its own output folder, inside the project's test-results. */
const shot = (name: string) => test.info().outputPath(name);

async function importFile(page: Page, path: string) {
	await page.getByRole('button', { name: 'Import layer…' }).click();
	const dialog = page.getByRole('dialog', { name: 'Import a layer' });
	await dialog.getByLabel(/^File/).setInputFiles(`${FIXTURES}/${path}`);
	return dialog;
}

/** Imports a GeoJSON made in the test, through the same dialog, and closes it once imported. */
async function importFeatures(page: Page, name: string, features: unknown[]) {
	await page.getByRole('button', { name: 'Import layer…' }).click();
	const dialog = page.getByRole('dialog', { name: 'Import a layer' });
	await dialog.getByLabel(/^File/).setInputFiles({
		name,
		mimeType: 'application/geo+json',
		buffer: Buffer.from(JSON.stringify({ type: 'FeatureCollection', features }))
	});
	await expect(dialog.getByRole('status')).toContainText(
		`Imported “${name}”: ${features.length} features`
	);
	await page.keyboard.press('Escape');
	await expect(dialog).toBeHidden();
}

/**
 * Where a longitude and latitude are on the screen, from the camera in the address (zoom, lat,
 * lon) and MapLibre's Web Mercator with 512-pixel tiles: the point a user would click.
 */
async function screenPoint(page: Page, lon: number, lat: number) {
	const [zoom, cLat, cLon] = /at=([-\d.]+)\/([-\d.]+)\/([-\d.]+)/
		.exec(new URL(page.url()).hash)!
		.slice(1)
		.map(Number) as [number, number, number];
	const world = 512 * 2 ** zoom;
	const x = (l: number) => ((l + 180) / 360) * world;
	const y = (p: number) => {
		const r = (p * Math.PI) / 180;
		return ((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * world;
	};
	const box = (await page.locator('[data-map-state]').boundingBox())!;
	return {
		x: box.x + box.width / 2 + x(lon) - x(cLon),
		y: box.y + box.height / 2 + y(lat) - y(cLat)
	};
}

/** Waits until the map is idle and the address has caught up with the camera (screenPoint reads it). */
async function waitForCameraSettled(page: Page) {
	await waitForMapIdle(page);
	// The address follows the camera once a move pauses; wait until it has.
	await expect
		.poll(async () => {
			const before = page.url();
			await page.waitForTimeout(600);
			return page.url() === before;
		})
		.toBe(true);
}

/** Clicks an imported feature where the map draws it; its panel opens only if it is drawn there. */
async function clickOnMap(page: Page, lon: number, lat: number) {
	await waitForCameraSettled(page);
	const p = await screenPoint(page, lon, lat);
	await page.mouse.click(p.x, p.y);
}

test('GeoJSON, KML and CSV files import, show in the legend and on the map, survive a reload and reach an A4 figure', async ({
	page,
	watch: _
}) => {
	test.setTimeout(240_000);
	await page.goto('/#at=8/51.7/36.2');
	await waitForMapIdle(page);

	let dialog = await importFile(page, 'valid/training-grounds.geojson');
	await expect(dialog.getByRole('status')).toContainText(
		'Imported “training-grounds.geojson”: 3 features'
	);
	await dialog.getByRole('button', { name: 'Close' }).click();

	dialog = await importFile(page, 'valid/sites.kml');
	await expect(dialog.getByRole('status')).toContainText('Imported “sites.kml”: 2 features');
	// The Placemark left out is named by its element and line.
	await expect(dialog.getByText('<Placemark> "Bad point" at line 14:')).toBeVisible();
	await dialog.getByRole('button', { name: 'Close' }).click();

	dialog = await importFile(page, 'valid/labour-sites.csv');
	await expect(dialog.getByRole('status')).toContainText('Imported “labour-sites.csv”: 2 features');
	await expect(dialog.getByText('row 4:')).toBeVisible();
	await page.screenshot({ path: shot('import-dialog-csv.png') });
	await dialog.getByRole('button', { name: 'Close' }).click();

	const legend = page.getByRole('region', { name: 'Legend' });
	for (const name of ['training-grounds.geojson', 'sites.kml', 'labour-sites.csv']) {
		await expect(legend.getByRole('checkbox', { name: `Imported: ${name}` })).toBeChecked();
	}
	// On the map: the point from the GeoJSON is drawn where the file puts it, and opens its panel.
	await page.getByRole('button', { name: 'Edit imported layer training-grounds.geojson' }).click();
	await legend.getByRole('button', { name: 'Zoom to layer' }).click();
	await clickOnMap(page, 36.2, 51.7);
	const panel = page.getByRole('complementary', { name: 'Range A' });
	await expect(panel).toContainText('User-supplied');
	await page.screenshot({ path: shot('imported-on-map.png') });
	await panel.getByRole('button', { name: 'Close' }).click();

	// Rename and colour persist with the layer.
	await legend.getByRole('textbox', { name: 'Name' }).fill('Training grounds (colleague)');
	await legend.getByRole('button', { name: 'Rename' }).click();
	await expect(
		legend.getByRole('checkbox', { name: 'Imported: Training grounds (colleague)' })
	).toBeVisible();

	await page.reload();
	await waitForMapIdle(page);
	for (const name of ['Training grounds (colleague)', 'sites.kml', 'labour-sites.csv']) {
		await expect(legend.getByRole('checkbox', { name: `Imported: ${name}` })).toBeChecked();
	}
	await clickOnMap(page, 36.2, 51.7);
	await expect(page.getByRole('complementary', { name: 'Range A' })).toBeVisible();
	// The link names the imported layers shown, but carries no file.
	await expect(page).toHaveURL(/imp=[a-z0-9]+,[a-z0-9]+,[a-z0-9]+/);

	await page.getByRole('button', { name: 'Both theatres' }).click();
	await waitForMapIdle(page);
	await page.getByRole('button', { name: 'Export…' }).click();
	const exportDialog = page.getByRole('dialog', { name: 'Export figure' });
	// "Copy citations" lists them too, numbered after the sources.
	const citations = exportDialog.getByLabel('Citations as text');
	await expect(citations).toContainText(/\[\d+\] User-supplied layer: sites\.kml, imported /);
	await expect(citations).toContainText('User-supplied layer: training-grounds.geojson');
	await exportDialog.getByRole('radio', { name: /A4 landscape, 300 dpi/ }).check();
	await exportDialog.getByRole('button', { name: 'Export PNG' }).click();
	const ready = exportDialog.getByRole('status').filter({ hasText: 'Figure ready' });
	await expect(ready).toContainText('3508 × 2480 px', { timeout: 180_000 });
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		exportDialog.getByRole('link', { name: 'Download PNG' }).click()
	]);
	const bytes = readFileSync((await download.path())!);
	await download.saveAs(shot('figure-a4.png'));
	const source = readPngText(new Uint8Array(bytes)).Source!;
	const today = new Date().toLocaleDateString('en-GB', {
		day: 'numeric',
		month: 'short',
		year: 'numeric'
	});
	// Kursk and the Far East are both in this view, so all three layers are.
	expect(source).toContain(`User-supplied layer: training-grounds.geojson, imported ${today}`);
	expect(source).toContain(`User-supplied layer: sites.kml, imported ${today}`);
	expect(source).toContain(`User-supplied layer: labour-sites.csv, imported ${today}`);
	await page.screenshot({ path: shot('export-with-imported.png') });
});

test('a hostile file’s properties are shown as text and no script runs; a refused file changes nothing', async ({
	page,
	watch: _
}) => {
	await page.goto('/#at=8/50/34.5');
	await waitForMapIdle(page);
	let dialog = await importFile(page, 'e2e/hostile-properties.geojson');
	await expect(dialog.getByRole('status')).toContainText('1 feature');
	await dialog.getByRole('button', { name: 'Close' }).click();
	await waitForMapIdle(page);

	await clickOnMap(page, 34.5, 50.0);

	const panel = page.getByRole('complementary', {
		name: '<img src=x onerror="window.__pwned = true">'
	});
	await expect(panel).toBeVisible();
	await expect(panel.getByText('User-supplied')).toBeVisible();
	await expect(panel).toContainText("not part of the atlas's evidence");
	await expect(
		panel.getByRole('cell', { name: '<script>window.__pwned = true</script>' })
	).toBeVisible();
	await expect(panel.getByRole('link', { name: 'https://example.org/report' })).toHaveAttribute(
		'href',
		'https://example.org/report'
	);
	// A javascript: address is text, not a link; no image element came from the file.
	await expect(panel.getByRole('link', { name: /javascript/ })).toHaveCount(0);
	await expect(panel.locator('img, script')).toHaveCount(0);
	await expect(panel.locator('details summary')).toContainText('This value is long enough');
	await page.screenshot({ path: shot('hostile-panel.png') });
	expect(
		await page.evaluate(() => (window as unknown as { __pwned?: boolean }).__pwned)
	).toBeUndefined();

	// A PNG renamed .geojson is refused with a message, and the imported layer stays.
	dialog = await importFile(page, 'refused/picture.geojson');
	await expect(dialog.getByRole('alert')).toContainText('“picture.geojson” was not imported');
	await expect(dialog.getByRole('alert')).toContainText('is a PNG image');
	await page.screenshot({ path: shot('refused.png') });
	await dialog.getByRole('button', { name: 'Close' }).click();
	await expect(
		page.getByRole('checkbox', { name: 'Imported: hostile-properties.geojson' })
	).toBeChecked();
});

test('a link naming imported layers this browser does not have says so', async ({
	page,
	watch: _
}) => {
	await page.goto('/#at=5/50/36&imp=abc123def456');
	await expect(page.getByRole('status').filter({ hasText: 'imported layer' })).toContainText(
		'This link shows an imported layer that this browser does not have'
	);
});

test('a file dropped on the map is imported; a slow import can be cancelled and changes nothing', async ({
	page,
	watch: _
}) => {
	await page.goto('/#at=8/51.7/36.2');
	await waitForMapIdle(page);
	// A drop as the browser delivers it: a DataTransfer holding the file.
	const text = readFileSync(`${FIXTURES}/valid/training-grounds.geojson`, 'utf8');
	const transfer = await page.evaluateHandle((content) => {
		const dt = new DataTransfer();
		dt.items.add(new File([content], 'dropped.geojson', { type: 'application/geo+json' }));
		return dt;
	}, text);
	await page.locator('.map-area').dispatchEvent('dragover', { dataTransfer: transfer });
	await page.locator('.map-area').dispatchEvent('drop', { dataTransfer: transfer });
	const dialog = page.getByRole('dialog', { name: 'Import a layer' });
	await expect(dialog.getByRole('status')).toContainText('Imported “dropped.geojson”: 3 features');
	const violations = await new AxeBuilder({ page })
		.include('dialog')
		.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
		.analyze();
	expect(violations.violations.map((v) => v.id)).toEqual([]);

	// A large file takes long enough to cancel while the worker still parses it.
	const big = `{"type":"FeatureCollection","features":[${Array.from(
		{ length: 200_000 },
		(_, i) =>
			`{"type":"Feature","properties":{"n":${i}},"geometry":{"type":"Point","coordinates":[36,51]}}`
	).join(',')}]}`;
	await dialog.getByLabel(/^File/).setInputFiles({
		name: 'big.geojson',
		mimeType: 'application/json',
		buffer: Buffer.from(big)
	});
	await dialog.getByRole('button', { name: 'Cancel import' }).click();
	await expect(dialog.getByRole('status')).toContainText(
		'Import of “big.geojson” cancelled. Nothing was changed.'
	);
	await dialog.getByRole('button', { name: 'Close' }).click();
	const legend = page.getByRole('region', { name: 'Legend' });
	await expect(legend.getByRole('checkbox', { name: /^Imported: / })).toHaveCount(1);
	await expect(legend.getByRole('checkbox', { name: 'Imported: dropped.geojson' })).toBeChecked();
});

/** Presses Tab until `name` (an accessible name) has the focus, as a keyboard user would. */
async function tabTo(page: Page, target: ReturnType<Page['getByRole']>) {
	for (let i = 0; i < 120; i++) {
		await page.keyboard.press('Tab');
		if (await target.evaluate((el) => el === document.activeElement)) return;
	}
	throw new Error('Tab never reached the control');
}

test('an imported layer’s features are listed in the legend and open their panel from the keyboard', async ({
	page,
	watch: _
}) => {
	test.setTimeout(120_000);
	await page.goto('/#at=5/51/40');
	await waitForMapIdle(page);
	// 130 depots in a line east of Kursk; every 13th has no name.
	const features = Array.from({ length: 130 }, (_, n) => ({
		type: 'Feature',
		properties: n % 13 === 0 ? { staff: n } : { name: `Depot ${n}`, staff: n },
		geometry: { type: 'Point', coordinates: [37 + n * 0.05, 51] }
	}));
	await importFeatures(page, 'depots.geojson', features);
	await waitForMapIdle(page);

	const legend = page.getByRole('region', { name: 'Legend' });
	const listButton = legend.getByRole('button', {
		name: 'List features of imported layer depots.geojson'
	});
	await tabTo(page, listButton);
	await page.keyboard.press('Enter');
	await expect(listButton).toHaveAttribute('aria-expanded', 'true');
	const list = legend.getByRole('list', { name: 'Features of depots.geojson' });
	await expect(legend.getByRole('status')).toHaveText(
		'Showing 50 of 130 — filter by name to find more'
	);
	await expect(list.getByRole('button')).toHaveCount(50);
	await expect(list.getByRole('button').first()).toHaveText('Feature 1');
	await expect(list.getByRole('button').nth(1)).toHaveText('Depot 1');
	await page.screenshot({ path: shot('feature-list.png') });

	// Filter, then Tab to the one match and open it with Enter.
	await page.keyboard.press('Tab');
	await expect(legend.getByRole('searchbox', { name: 'Filter by name' })).toBeFocused();
	await page.keyboard.type('depot 77');
	await expect(legend.getByRole('status')).toHaveText('1 of 130 match “depot 77”');
	await page.keyboard.press('Tab');
	await expect(list.getByRole('button', { name: 'Depot 77' })).toBeFocused();
	await page.keyboard.press('Enter');
	const panel = page.getByRole('complementary', { name: 'Depot 77' });
	await expect(panel).toContainText('User-supplied');
	await expect(panel.getByRole('row', { name: 'staff 77' })).toBeVisible();
	await expect(panel.getByRole('heading', { name: 'Depot 77' })).toBeFocused();
	// The map marks it as selected: feature-state on the imported tiles' layer.
	await expect(page).toHaveURL(/imp=[a-z0-9]+/);
	const layerId = /imp=([a-z0-9]+)/.exec(page.url())![1]!;
	const state = (featureId: string) =>
		page.evaluate((id) => {
			const map = (
				window as unknown as {
					atlasMap: { getFeatureState(f: object): Record<string, unknown> };
				}
			).atlasMap;
			return map.getFeatureState({ source: 'imported', sourceLayer: 'features', id });
		}, featureId);
	await expect.poll(() => state(`${layerId}:77`)).toMatchObject({ selected: true });
	expect(await state(`${layerId}:76`)).not.toMatchObject({ selected: true });
	// The map moves to it, as the evidence list does: close enough to tell it from its neighbours.
	const camera = () => {
		const [zoom, lat, lon] = /at=([-\d.]+)\/([-\d.]+)\/([-\d.]+)/
			.exec(new URL(page.url()).hash)!
			.slice(1)
			.map(Number) as [number, number, number];
		return { zoom, lat, lon };
	};
	await expect.poll(() => camera().zoom, { timeout: 20_000 }).toBeCloseTo(10, 0);
	await waitForMapIdle(page);
	const at = await screenPoint(page, 37 + 77 * 0.05, 51);
	const box = (await page.locator('[data-map-state]').boundingBox())!;
	expect(at.x).toBeGreaterThan(box.x);
	expect(at.x).toBeLessThan(box.x + box.width);
	expect(at.y).toBeGreaterThan(box.y);
	expect(at.y).toBeLessThan(box.y + box.height);
	expect(camera().lon).toBeCloseTo(40.85, 0);
	await page.screenshot({ path: shot('feature-panel-from-list.png') });

	// The real tiles worker fails (an error nothing in it catches): the page starts a fresh one
	// and gives it the layer back from its stored file, so the list and the panel, which ask the
	// worker, still work, and the legend reports nothing lost.
	const tilesWorker = () => page.workers().find((w) => w.url().includes('tiles.worker'));
	const crashed = tilesWorker()!;
	expect(crashed).toBeDefined();
	await crashed.evaluate(() => {
		setTimeout(() => {
			throw new Error('simulated failure of the tiles worker');
		});
	});
	const filter = legend.getByRole('searchbox', { name: 'Filter by name' });
	await filter.fill('depot 103');
	await expect(legend.getByRole('status')).toHaveText('1 of 130 match “depot 103”');
	await list.getByRole('button', { name: 'Depot 103' }).click();
	const restored = page.getByRole('complementary', { name: 'Depot 103' });
	await expect(restored.getByRole('row', { name: 'staff 103' })).toBeVisible();
	// A fresh worker answered: the one that failed is gone.
	await expect.poll(() => page.workers().includes(crashed)).toBe(false);
	expect(tilesWorker()).toBeDefined();
	await expect(legend).not.toContainText('could not be');
});

test('points drawn as one mark at the overview say so in their panel, and are all still listed', async ({
	page,
	watch: _
}) => {
	test.setTimeout(120_000);
	await page.goto('/#at=5/51/40');
	await waitForMapIdle(page);
	// 600 records a few metres apart, around the middle of a square of the tiles' thinning grid
	// at zoom 9 (so inside one square at every zoom up to 9): one screen pixel, so the tiles draw
	// them as one mark. And 5 records geocoded to one town centre: one place at every zoom.
	const CELL: [number, number] = [40.00053405761719, 51.000360974529464];
	const features = [
		...Array.from({ length: 600 }, (_, n) => ({
			type: 'Feature',
			properties: { name: `Record ${n}` },
			geometry: { type: 'Point', coordinates: [CELL[0] - 0.0003 + n * 1e-6, CELL[1]] }
		})),
		...Array.from({ length: 5 }, (_, n) => ({
			type: 'Feature',
			properties: { name: `Shared ${n}` },
			geometry: { type: 'Point', coordinates: [41.5, 51] }
		}))
	];
	await importFeatures(page, 'records.geojson', features);

	await clickOnMap(page, ...CELL);
	const panel = page.getByRole('complementary', { name: 'Record 0' });
	await expect(panel).toContainText(
		'This mark stands for 600 imported points that overlap at this zoom; zoom in to see each.'
	);
	await page.screenshot({ path: shot('thinned-mark-panel.png') });

	// The count held at the zoom of the click; after zooming, the panel says it no longer describes
	// the mark as drawn now.
	await page.getByRole('button', { name: 'Zoom in' }).click();
	await waitForMapIdle(page);
	await expect(panel).toContainText(
		'When you clicked it, this mark stood for 600 imported points that overlapped at that zoom. The map has zoomed since'
	);
	await expect(panel).not.toContainText('This mark stands for');
	await page.screenshot({ path: shot('thinned-mark-panel-after-zoom.png') });

	// Nothing is hidden from the list: it asks the worker, not the tiles.
	const legend = page.getByRole('region', { name: 'Legend' });
	await legend
		.getByRole('button', { name: 'List features of imported layer records.geojson' })
		.click();
	await expect(legend.getByRole('status')).toHaveText(
		'Showing 50 of 605 — filter by name to find more'
	);

	// A point opened from the list is ringed where it is, although the mark drawn there is
	// another point's: the map alone could not show which point is selected.
	await legend
		.getByRole('list', { name: 'Features of records.geojson' })
		.getByRole('button', { name: 'Record 5', exact: true })
		.click();
	await expect(page.getByRole('complementary', { name: 'Record 5' })).toBeVisible();
	const ring = page.getByRole('img', { name: 'Selected imported point' });
	await expect(ring).toBeVisible();
	await waitForCameraSettled(page);
	const drawn = (await ring.boundingBox())!;
	const where = await screenPoint(page, CELL[0] - 0.0003 + 5e-6, CELL[1]);
	expect(Math.abs(drawn.x + drawn.width / 2 - where.x)).toBeLessThan(3);
	expect(Math.abs(drawn.y + drawn.height / 2 - where.y)).toBeLessThan(3);
	await page.screenshot({ path: shot('thinned-point-selected-from-list.png') });
	// Hiding the layer hides its ring too; showing it again brings it back.
	const shown = legend.getByRole('checkbox', { name: 'Imported: records.geojson' });
	await shown.uncheck();
	await expect(ring).toBeHidden();
	await shown.check();
	await expect(ring).toBeVisible();

	// Closing the panel takes the ring away.
	await page.keyboard.press('Escape');
	await expect(page.getByRole('complementary', { name: 'Record 5' })).toBeHidden();
	await expect(ring).toBeHidden();

	// Records at one and the same place: the panel says how many others are there, whether the
	// point is opened from the list or its dot is clicked; no zoom would draw them apart.
	const sharing = '4 other points of this layer are at exactly the same place';
	await legend.getByRole('searchbox', { name: 'Filter by name' }).fill('Shared');
	await legend.getByRole('button', { name: 'Shared 3', exact: true }).click();
	const shared = page.getByRole('complementary', { name: 'Shared 3' });
	await expect(shared).toContainText(sharing);
	await page.keyboard.press('Escape');
	await expect(shared).toBeHidden();
	await waitForCameraSettled(page);
	await clickOnMap(page, 41.5, 51);
	const clicked = page.getByRole('complementary', { name: /^Shared \d$/ });
	await expect(clicked).toContainText(sharing);
	await expect(clicked).not.toContainText('This mark stands for');
	await page.screenshot({ path: shot('shared-place-panel.png') });
});

test('a handout draws, lists in its legend and cites the imported layers in each step’s frame', async ({
	page,
	watch: _
}) => {
	test.setTimeout(240_000);
	await page.goto('/#at=6/51.5/36.5');
	await waitForMapIdle(page);
	const dialog = await importFile(page, 'valid/training-grounds.geojson');
	await expect(dialog.getByRole('status')).toContainText('Imported “training-grounds.geojson”');

	await page.goto('/handout/two-theatres/');
	await expect(page.getByRole('status')).toHaveText(
		'All 3 maps drawn. Print this page, or save it as PDF, for the handout.',
		{ timeout: 200_000 }
	);
	const today = new Date().toLocaleDateString('en-GB', {
		day: 'numeric',
		month: 'short',
		year: 'numeric'
	});
	const [overview, kursk, farEast] = [0, 1, 2].map((i) => page.getByRole('article').nth(i));
	// The overview's and the Kursk step's frames reach the file's training grounds; the Far East's
	// does not.
	for (const step of [overview!, kursk!]) {
		await expect(step.getByRole('list', { name: 'Layers shown' })).toContainText(
			'Imported: training-grounds.geojson'
		);
		await expect(step.getByRole('list', { name: 'Your imported layers in this map' })).toHaveText(
			`User-supplied layer: training-grounds.geojson, imported ${today}`
		);
	}
	await expect(farEast!).not.toContainText('training-grounds.geojson');
	await kursk!.screenshot({ path: shot('handout-kursk-step.png') });
});
