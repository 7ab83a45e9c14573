/**
 * The evidence editor against `npm run edit` (scripts/edit.ts), which builds its own site into
 * .edit-build/. It runs on a scratch copy of geo/ (`--geo`), so the repository's evidence is never
 * written, even when a run is killed half-way, and the other test files can read geo/ meanwhile. The edit server listens on EDIT_PORT (default E2E_PORT + 10).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test, waitForMapIdle } from './fixtures.ts';

const port = Number(process.env.EDIT_PORT ?? Number(process.env.E2E_PORT ?? 4173) + 10);
const origin = `http://127.0.0.1:${port}`;

test.use({ baseURL: origin });
test.describe.configure({ mode: 'serial', timeout: 420_000 });

let server: ChildProcess | null = null;
let scratch = '';
/** A file of the scratch copy of geo/ the editor writes into. */
const saved = (name: string) => readFileSync(join(scratch, 'geo', name), 'utf8');

test.beforeAll(async () => {
	test.setTimeout(240_000);
	scratch = mkdtempSync(join(tmpdir(), 'atlas-edit-e2e-'));
	cpSync('geo', join(scratch, 'geo'), { recursive: true });
	server = spawn(
		process.execPath,
		['--import', 'tsx', 'scripts/edit.ts', '--port', String(port), '--geo', join(scratch, 'geo')],
		{ stdio: ['ignore', 'pipe', 'pipe'], detached: false }
	);
	await new Promise<void>((ready, fail) => {
		let out = '';
		server!.stdout!.on('data', (chunk: Buffer) => {
			out += chunk.toString();
			if (out.includes('editor is running at')) ready();
		});
		server!.on('exit', (code) => fail(new Error(`npm run edit exited with ${code}: ${out}`)));
	});
});

test.afterAll(() => {
	server?.kill();
	if (scratch) rmSync(scratch, { recursive: true, force: true });
});

async function openEditor(page: Page) {
	await page.goto('/edit/');
	await expect(page.getByRole('heading', { name: 'Claim 1' })).toBeVisible();
}

async function fillDocument(page: Page, id: string, published: string) {
	await page.getByLabel('Document id').fill(id);
	await page.getByLabel('Outlet as printed').fill('Test Outlet Gazette');
	await page.getByLabel('Title as printed (leave empty if none)').fill(`Test report ${id}`);
	await page.getByLabel('What the document is, in our words').fill('A test document.');
	const pub = page.getByRole('group', { name: 'Publication date' });
	await pub.getByLabel(/^Date/).fill(published);
	await page
		.getByRole('group', { name: 'Reliability of the source' })
		.getByLabel('Reason for the grade')
		.fill('Test outlet with a named author.');
}

async function fillClaim(page: Page, id: string, figure: string, asOf: string) {
	await page.getByLabel('Claim id').fill(id);
	await page.getByLabel('The claim in our words').fill('A test claim of workers sent.');
	await page.getByLabel('Claimant', { exact: true }).selectOption('nis');
	const fig = page.getByRole('group', { name: 'Figure, exactly as printed' });
	await fig.getByLabel('Qualifier').selectOption('about');
	await fig.getByLabel('Number').fill('1234');
	await fig.getByLabel("The document's words for it").fill(figure);
	await page.getByLabel('What else it covers, or why it is read this way').fill('Test scope.');
	await page
		.getByRole('group', { name: 'Date the claim is about (as of)' })
		.getByLabel(/^Date/)
		.fill(asOf);
	await page
		.getByRole('group', { name: 'Credibility of the claim' })
		.getByLabel('Reason for the grade')
		.fill('A test grade.');
}

async function saveAndWait(page: Page) {
	const save = page.getByRole('button', { name: 'Save to geo/' });
	await expect(save).toBeEnabled();
	await save.click();
	await expect(page.getByRole('status').filter({ hasText: 'the site was rebuilt' })).toBeVisible({
		timeout: 300_000
	});
}

test('adds a document, a claim with a figure and a feature of two regions; the rebuilt site cites it', async ({
	page
}) => {
	await openEditor(page);
	await fillDocument(page, 'doc-e2e-one', '2025-11-20');
	await fillClaim(page, 'e2e-workers-1234', 'about 1,234 test workers', '2025-11-18');
	await page.getByLabel('New feature: one or more admin-1 regions').check();
	await page.getByLabel('Feature id').fill('e2e-kursk-belgorod');
	await page.getByLabel('Name on the map').fill('E2E test zone');
	await page.getByLabel('Summary').fill('Test zone of two regions.');
	await page.getByLabel('How the place is known (shown with the feature)').fill('Both named.');
	const regions = page.getByRole('group', { name: 'Regions (united into one shape)' });
	await regions.getByLabel('Filter the list').fill('Kursk');
	await regions.getByLabel('Kursk (RU-KRS)').check();
	await regions.getByLabel('Filter the list').fill('Belgorod');
	await regions.getByLabel('Belgorod (RU-BEL)').check();
	await expect(page.getByRole('status')).toContainText('No problems');
	await page.screenshot({ path: 'test-results/editor-filled.png', fullPage: true });
	await saveAndWait(page);

	const features = saved('features.geojson');
	expect(features).toContain('"id": "e2e-kursk-belgorod"');
	expect(features).toMatch(/"names_en": \["(Kursk", "Belgorod|Belgorod", "Kursk)"\]/);

	await page.getByRole('link', { name: 'Show the saved feature on the map' }).click();
	const panel = page.locator('aside[data-feature-id="e2e-kursk-belgorod"]');
	await expect(panel).toBeVisible({ timeout: 60_000 });
	const figures = panel.getByRole('region', { name: 'Figures' });
	await expect(figures).toContainText('about 1,234 personnel');
	await expect(figures).toContainText('National Intelligence Service (South Korea) [1]');
	const sources = panel.getByRole('region', { name: 'Sources' });
	await expect(sources).toContainText('Test Outlet Gazette');
	await expect(sources).toContainText('Test report doc-e2e-one');
	await page.screenshot({ path: 'test-results/editor-saved-panel.png' });
});

test('a Russia-wide claim is stored without being drawn on any zone', async ({ page }) => {
	await openEditor(page);
	await fillDocument(page, 'doc-e2e-two', '2025-12-01');
	await fillClaim(page, 'e2e-russia-wide-777', 'about 777 test workers in Russia', '2025-11-30');
	await page.getByLabel('Russia-wide: names no place inside Russia (not drawn)').check();
	await saveAndWait(page);

	expect(saved('claims.json')).toContain('"id": "e2e-russia-wide-777"');
	expect(saved('features.geojson')).not.toContain('e2e-russia-wide-777');
	// No zone's panel shows the figure: open each feature from the list and look.
	await page.goto('/');
	// The list's buttons answer once the page has taken over; the map's idle comes after that.
	await waitForMapIdle(page);
	const list = page.locator('button[data-list-id]');
	const count = await list.count();
	expect(count).toBeGreaterThan(0);
	for (let i = 0; i < count; i++) {
		await page.locator('button[data-list-id]').nth(i).click();
		const panel = page.locator('aside[data-feature-id]');
		await expect(panel).toBeVisible();
		await expect(panel).not.toContainText('about 777 personnel');
		await page.getByRole('button', { name: /All features/ }).click();
	}
});

test('a reload mid-edit keeps the draft', async ({ page }) => {
	await openEditor(page);
	await page.getByLabel('Document id').fill('doc-e2e-draft');
	await page.getByLabel('Claim id').fill('e2e-draft-claim');
	await page.getByLabel('The claim in our words').fill('Typed before the reload.');
	// The draft is written on every change; give IndexedDB its turn before reloading.
	await expect(page.getByRole('status')).toContainText('problem');
	await page.waitForTimeout(300);
	await page.reload();
	await expect(page.getByLabel('Document id')).toHaveValue('doc-e2e-draft');
	await expect(page.getByLabel('Claim id')).toHaveValue('e2e-draft-claim');
	await expect(page.getByLabel('The claim in our words')).toHaveValue('Typed before the reload.');
	page.once('dialog', (d) => void d.accept());
	await page.getByRole('button', { name: 'Discard draft' }).click();
	await expect(page.getByLabel('Document id')).toHaveValue('');
});

test('invalid entries show their message at the field and block saving', async ({ page }) => {
	await openEditor(page);
	await fillDocument(page, 'doc-e2e-three', '2025-11-20');
	// A duplicate id (this claim is already in geo/claims.json), dated after the document.
	await fillClaim(page, 'nis-construction-troops-5000', 'about 5 test workers', '2025-12-24');
	await page.getByLabel('Russia-wide: names no place inside Russia (not drawn)').check();

	const claimId = page.getByLabel('Claim id');
	await expect(claimId).toHaveAttribute('aria-invalid', 'true');
	const idMessage = page.locator(`#${await claimId.getAttribute('aria-describedby')}`);
	await expect(idMessage).toContainText('"nis-construction-troops-5000" is already used');

	const asOf = page.getByRole('group', { name: 'Date the claim is about (as of)' });
	const asOfMessage = page.locator(`#${await asOf.getAttribute('aria-describedby')}`);
	await expect(asOfMessage).toContainText('later than document "doc-e2e-three"');

	// A message about one field of a group sits under the group and names the field as the form
	// labels it, not by its path in the data files.
	const figure = page.getByRole('group', { name: 'Figure, exactly as printed' });
	await figure.getByLabel('Qualifier').selectOption('at-least');
	await figure.getByLabel('Lowest number').fill('-5');
	await expect(figure).toHaveAttribute('aria-describedby', /.+/);
	const figureMessage = page.locator(`#${await figure.getAttribute('aria-describedby')}`);
	await expect(figureMessage).toContainText(
		'The field "Lowest number" must not be negative (it is -5).'
	);
	await expect(figureMessage).not.toContainText('figure.');
	await figure.screenshot({ path: test.info().outputPath('figure-group-message.png') });
	await figure.getByLabel('Lowest number').fill('1234');
	await expect(figure).not.toHaveAttribute('aria-describedby');

	await expect(page.getByRole('button', { name: 'Save to geo/' })).toBeDisabled();

	// A polygon off the globe, checked on its own.
	await page.getByLabel('New feature: a polygon from a GeoJSON file').check();
	await page.getByLabel('Feature id').fill('e2e-bad-polygon');
	await page.getByLabel('Name on the map').fill('Bad polygon');
	await page.getByLabel('Summary').fill('A polygon off the globe.');
	await page.getByLabel('How the place is known (shown with the feature)').fill('Drawn.');
	await page.getByLabel('Polygon as GeoJSON (or paste it here)').fill(
		JSON.stringify({
			type: 'Polygon',
			coordinates: [
				[
					[36, 51],
					[245, 51],
					[36, 52],
					[36, 51]
				]
			]
		})
	);

	const geometry = page.getByLabel('Polygon as GeoJSON (or paste it here)');
	await expect(geometry).toHaveAttribute('aria-invalid', 'true');
	const geometryMessage = page.locator(`#${await geometry.getAttribute('aria-describedby')}`);
	await expect(geometryMessage).toContainText('245');

	// A new feature's shape fields are named by their labels too, and one left empty is missing.
	await page.getByLabel('New feature: a band along the Russia–Ukraine border').check();
	const band = page.getByRole('group', {
		name: 'Band inside Russia along the border with Ukraine'
	});
	await band.getByLabel('Width in km').fill('-5');
	await band.getByLabel('Why this width').fill('Artillery range, as the source says.');
	await expect(band).toHaveAttribute('aria-describedby', /.+/);
	const bandMessage = page.locator(`#${await band.getAttribute('aria-describedby')}`);
	await expect(bandMessage).toHaveText('The field "Width in km" must be at least 1 km (it is -5).');
	await band.getByLabel('Width in km').fill('');
	await expect(bandMessage).toHaveText('The field "Width in km" is missing; it is required.');
	await band.screenshot({ path: test.info().outputPath('band-group-message.png') });

	await expect(page.getByRole('button', { name: 'Save to geo/' })).toBeDisabled();
	await expect(page.getByRole('status')).toContainText('to fix before saving');
	await page.screenshot({ path: 'test-results/editor-invalid.png', fullPage: true });

	// Every field is labelled and the page passes axe's WCAG A/AA rules.
	const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
	expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);

	page.once('dialog', (d) => void d.accept());
	await page.getByRole('button', { name: 'Discard draft' }).click();
});

test('the main view previews the draft, marked as a draft, and leads back to the editor', async ({
	page
}) => {
	await openEditor(page);
	await fillDocument(page, 'doc-e2e-preview', '2025-11-20');
	await fillClaim(page, 'e2e-preview-4321', 'about 1,234 previewed workers', '2025-11-18');
	await page.getByLabel('New feature: one or more admin-1 regions').check();
	await page.getByLabel('Feature id').fill('e2e-preview-zone');
	await page.getByLabel('Name on the map').fill('E2E preview zone');
	await page.getByLabel('Summary').fill('Test zone seen before saving.');
	await page.getByLabel('How the place is known (shown with the feature)').fill('Named.');
	const regions = page.getByRole('group', { name: 'Regions (united into one shape)' });
	await regions.getByLabel('Filter the list').fill('Kursk');
	await regions.getByLabel('Kursk (RU-KRS)').check();
	await expect(page.getByRole('status')).toContainText('No problems');
	// The draft is written on every change; give IndexedDB its turn before leaving.
	await page.waitForTimeout(300);

	await page.getByRole('link', { name: 'Preview on the map' }).click();
	const draft = page.getByRole('region', { name: 'Draft — not saved' });
	await expect(draft).toBeVisible({ timeout: 60_000 });
	await page.screenshot({ path: 'test-results/editor-preview-list.png' });
	await draft.getByRole('button', { name: 'Draft: E2E preview zone' }).click();
	const panel = page.locator('aside[data-feature-id="e2e-preview-zone"]');
	await expect(panel).toBeVisible();
	await expect(panel).toContainText('Draft — not saved');
	await expect(panel.getByRole('region', { name: 'Figures' })).toContainText(
		'about 1,234 personnel'
	);
	await expect(panel.getByRole('region', { name: 'Sources' })).toContainText(
		'Test report doc-e2e-preview'
	);
	await page.screenshot({ path: 'test-results/editor-preview-panel.png' });
	// Previewing writes nothing.
	expect(saved('claims.json')).not.toContain('e2e-preview-4321');

	await panel.getByRole('button', { name: /All features/ }).click();
	await page.getByRole('link', { name: 'Back to editor' }).click();
	await expect(page.getByLabel('Document id')).toHaveValue('doc-e2e-preview');
	page.once('dialog', (d) => void d.accept());
	await page.getByRole('button', { name: 'Discard draft' }).click();
	await expect(page.getByLabel('Document id')).toHaveValue('');

	// With the draft discarded the main view shows no draft.
	await page.waitForTimeout(300);
	await page.goto('/');
	await expect(page.locator('button[data-list-id]').first()).toBeVisible();
	await expect(page.getByRole('region', { name: 'Draft — not saved' })).toHaveCount(0);
});

test('regions are picked by clicking the map, in step with the list; a polygon is drawn on the map', async ({
	page
}) => {
	const errors: string[] = [];
	page.on('pageerror', (e) => errors.push(e.message));
	page.on('console', (m) => {
		if (m.type() === 'error') errors.push(m.text());
	});
	await openEditor(page);
	await page.getByLabel('New feature: one or more admin-1 regions').check();
	await expect(page.getByRole('region', { name: /Map of regions for claim 1/ })).toBeVisible();
	const map = page.getByTestId('region-map').locator('[data-map-state]');
	await expect(map).toHaveAttribute('data-map-state', 'idle', { timeout: 60_000 });
	await map.scrollIntoViewIfNeeded();
	const box = (await map.boundingBox())!;
	// The Kursk view is framed on the region; its middle is inside Kursk oblast.
	await page.mouse.click(box.x + box.width * 0.5, box.y + box.height * 0.45);
	const regions = page.getByRole('group', { name: 'Regions (united into one shape)' });
	// Every region in the list has a name and a real code (Natural Earth's unnamed "RU-X01~" is not).
	const all = regions.getByRole('checkbox');
	expect(await all.count()).toBeGreaterThan(80);
	for (const name of await all.evaluateAll((boxes) =>
		boxes.map((b) => (b as HTMLInputElement).labels?.[0]?.textContent?.trim() ?? '')
	)) {
		expect(name).toMatch(/^\S.* \([A-Z]{2}-[A-Z0-9]{1,3}\)$/);
	}
	const picked = regions.locator('input[type="checkbox"]:checked');
	await expect(picked).toHaveCount(1);
	const iso = await picked.getAttribute('value');
	expect(iso).toMatch(/^RU-/);
	await page.screenshot({ path: 'test-results/editor-region-map.png', fullPage: true });
	// The same region clicked again is unpicked; the list follows.
	await page.mouse.click(box.x + box.width * 0.5, box.y + box.height * 0.45);
	await expect(picked).toHaveCount(0);
	// And a pick in the list shows on the map's data (the list is the keyboard way).
	await regions.getByLabel('Filter the list').fill('Kursk');
	await regions.getByLabel('Kursk (RU-KRS)').check();
	await expect(picked).toHaveCount(1);

	// A flow's ends and an event's place are chosen by name from the basemap's places.
	await page.getByLabel('New feature: a schematic flow between two places').check();
	const ends = page.getByRole('group', { name: 'From and to' });
	await ends.getByLabel('From', { exact: true }).selectOption({ label: 'Pyongyang (KP)' });
	await ends.getByLabel('To', { exact: true }).selectOption({ label: 'Vladivostok (RU)' });
	await expect(ends.getByLabel('To', { exact: true })).toHaveValue(/^\d+$/);
	await page.getByLabel('New feature: a point at a place').check();
	await page
		.getByRole('group', { name: 'Place' })
		.getByLabel('Place', { exact: true })
		.selectOption({ label: 'Kursk (RU)' });

	await page.getByLabel('New feature: a polygon from a GeoJSON file').check();
	const drawMap = page.locator('[data-draw-state="drawing"]');
	await expect(drawMap).toBeVisible({ timeout: 60_000 });
	await drawMap.scrollIntoViewIfNeeded();
	const d = (await drawMap.boundingBox())!;
	const corners = [
		[0.3, 0.3],
		[0.7, 0.3],
		[0.6, 0.7],
		[0.3, 0.3]
	] as const;
	for (const [fx, fy] of corners) {
		await page.mouse.click(d.x + d.width * fx, d.y + d.height * fy);
		await page.waitForTimeout(150);
	}
	const geometry = page.getByLabel('Polygon as GeoJSON (or paste it here)');
	await expect(geometry).toHaveValue(/"type":"Polygon"/);
	await page.screenshot({ path: 'test-results/editor-drawn-polygon.png', fullPage: true });
	expect(errors).toEqual([]);
	page.once('dialog', (dialog) => void dialog.accept());
	await page.getByRole('button', { name: 'Discard draft' }).click();
});
