import type { Page } from '@playwright/test';
import { expect, test, waitForMapIdle } from './fixtures.ts';

const dayOf = (iso: string) => Math.round(Date.parse(`${iso}T00:00:00Z`) / 86_400_000);

async function setDate(page: Page, iso: string): Promise<void> {
	// Drags the slider: sets its value and fires the input event, as a drag does.
	await page.getByRole('slider', { name: 'Date' }).fill(String(dayOf(iso)));
}

const list = (page: Page) => page.getByRole('region', { name: 'Features' });
const feature = (page: Page, name: RegExp) => list(page).getByRole('button', { name });

test('present on a date: Kursk combat in January 2025, announced builders and deminers uncertain', async ({
	page,
	watch: _
}, testInfo) => {
	await page.goto('/#at=5.6/51.4/37');
	await waitForMapIdle(page);
	await page.getByRole('radio', { name: 'Present on' }).check({ force: true });
	await setDate(page, '2025-01-15');
	await expect(page.getByRole('timer').or(page.locator('output'))).toContainText('15 Jan 2025');
	await expect(feature(page, /combat deployment/)).toBeVisible();
	// The builders are only announced for Kursk and undated: no date rules them out, so they
	// are listed as uncertain, never as present (issue 10).
	await expect(feature(page, /military builders/)).toContainText('Uncertain on this date');
	await waitForMapIdle(page);
	await page.screenshot({ path: testInfo.outputPath('2025-01.png') });

	await setDate(page, '2025-11-15');
	await expect(page.locator('output')).toContainText('15 Nov 2025');
	await expect(feature(page, /military builders/)).toContainText('Uncertain on this date');
	await expect(feature(page, /^Kursk region: deminers/)).toBeVisible();
	await expect(feature(page, /combat deployment/)).toHaveCount(0);
	await waitForMapIdle(page);
	await page.screenshot({ path: testInfo.outputPath('2025-11.png') });

	// The map agrees with the list: at Kursk the builders are on top, combat is gone.
	const box = (await page.locator('.maplibregl-canvas').boundingBox())!;
	await page.goto('/#at=7/51.7/36.2&t=2025-11-15&layers=construction,combat');
	await waitForMapIdle(page);
	await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
	const panel = page.getByRole('complementary');
	await expect(panel.getByRole('heading', { level: 2 })).toHaveText(/military builders/);
	await expect(panel).not.toContainText('Also at this spot');
	await expect(panel).toContainText('On 15 Nov 2025');
});

test('keyboard on the timeline: arrows step a month, Home and End go to the ends', async ({
	page,
	watch: _
}) => {
	await page.goto('/');
	await page.getByRole('radio', { name: 'Present on' }).check({ force: true });
	const slider = page.getByRole('slider', { name: 'Date' });
	await setDate(page, '2025-05-10');
	await slider.focus();
	await page.keyboard.press('ArrowRight');
	await expect(slider).toHaveAttribute('aria-valuetext', /Jun 2025/);
	await page.keyboard.press('ArrowLeft');
	await page.keyboard.press('ArrowLeft');
	await expect(slider).toHaveAttribute('aria-valuetext', /Apr 2025/);
	await page.keyboard.press('Home');
	await expect(slider).toHaveAttribute('aria-valuetext', '1 Jan 2022');
	await page.keyboard.press('End');
	await expect(slider).toHaveAttribute('aria-valuetext', /2025/);
});

test('as reported by July 2025 the NIS November figures are absent from the panel', async ({
	page,
	watch: _
}) => {
	await page.goto('/#sel=kursk-construction');
	const panel = page.getByRole('complementary');
	await expect(panel).toContainText('National Intelligence Service');
	await expect(panel.getByRole('region', { name: 'Sources' })).toContainText('Nov 2025');

	await page.getByRole('radio', { name: 'As reported by' }).check({ force: true });
	await setDate(page, '2025-07-15');
	await expect(panel).toContainText('As reported by 15 Jul 2025');
	await expect(panel).toContainText('left out: published after this date');
	await expect(panel.getByRole('region', { name: 'Sources' })).not.toContainText('Nov 2025');
	await expect(panel).not.toContainText('c. Nov 2025');
});

test('claimant and confidence filters narrow the map and the list together', async ({
	page,
	watch: _
}) => {
	await page.goto('/');
	await waitForMapIdle(page);
	await list(page).getByText('Claimants: All claimants').click();
	await list(page)
		.getByRole('checkbox', { name: /^Military Watch Magazine/ })
		.check();
	await expect(list(page).getByRole('status')).toHaveText('1 of 14 features shown');
	await expect(feature(page, /^Kursk region: deminers/)).toBeVisible();
	await list(page).getByRole('button', { name: 'All claimants' }).click();
	await list(page)
		.getByRole('combobox', { name: 'Minimum confidence' })
		.selectOption({ label: '1 or better: confirmed by other sources' });
	await expect(list(page).getByRole('status')).toHaveText(/^\d+ of 14 features shown$/);
	await expect(feature(page, /combat deployment/)).toBeVisible();
	await expect(feature(page, /border/)).toHaveCount(0);
	await waitForMapIdle(page);
});

test('a copied link restores the view, selection and date in a fresh browser', async ({
	page,
	browser,
	watch: _
}) => {
	await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
	await page.goto('/');
	await waitForMapIdle(page);
	await page.getByRole('button', { name: 'Kursk and border', exact: true }).click();
	await waitForMapIdle(page);
	await page.getByRole('checkbox', { name: 'Labour', exact: true }).uncheck();
	await page.getByRole('radio', { name: 'Present on' }).check({ force: true });
	await setDate(page, '2025-11-15');
	await feature(page, /military builders/).click();
	await waitForMapIdle(page);
	await page.getByRole('button', { name: 'Copy link' }).click();
	await expect(page.getByText('Link copied.')).toBeVisible();
	const link = await page.evaluate(() => navigator.clipboard.readText());
	expect(link).toMatch(/#at=.*layers=.*t=2025-11-15.*sel=kursk-construction/);

	const fresh = await browser.newContext();
	const other = await fresh.newPage();
	await other.goto(link);
	await waitForMapIdle(other);
	const panel = other.getByRole('complementary');
	await expect(panel.getByRole('heading', { level: 2 })).toHaveText(/military builders/);
	await expect(other.locator('output')).toContainText('Present on 15 Nov 2025');
	await expect(other.getByRole('checkbox', { name: 'Labour', exact: true })).not.toBeChecked();
	await expect(other.getByRole('checkbox', { name: 'Demining', exact: true })).toBeChecked();
	expect(new URL(other.url()).hash).toBe(new URL(link).hash);
	await fresh.close();
});

test('Back and Forward step through selections and layer changes', async ({ page, watch: _ }) => {
	await page.goto('/');
	await waitForMapIdle(page);
	await feature(page, /^Russia-Ukraine border/).click();
	const heading = page.getByRole('complementary').getByRole('heading', { level: 2 });
	await expect(heading).toHaveText(/border/);
	await expect(page).toHaveURL(/sel=border-guard-band/);
	await page.goBack();
	await expect(page.getByRole('complementary')).toHaveCount(0);
	await page.goForward();
	await expect(heading).toHaveText(/border/);

	await page.keyboard.press('Escape');
	const labour = page.getByRole('checkbox', { name: 'Labour', exact: true });
	await labour.uncheck();
	await expect(page).toHaveURL(/layers=/);
	await page.goBack();
	await expect(labour).toBeChecked();
});

test('a malformed link is ignored with a quiet notice, and nothing breaks', async ({
	page,
	watch: _
}) => {
	await page.goto('/#layers=combat,bogus&t=2025-13-45&sel=no-such-feature&conf=9');
	await expect(page.getByRole('status').filter({ hasText: 'Ignored' })).toContainText('bogus');
	await expect(
		page.getByRole('checkbox', { name: 'Combat deployment', exact: true })
	).toBeChecked();
	await expect(page.getByRole('checkbox', { name: 'Demining', exact: true })).not.toBeChecked();
	await waitForMapIdle(page);
	await expect(page.getByRole('complementary')).toHaveCount(0);
});

test('what changed between two dates lists new deployments and opens them', async ({
	page,
	watch: _
}) => {
	await page.goto('/');
	await page.getByRole('button', { name: 'What changed…' }).click();
	const dialog = page.getByRole('dialog', { name: 'What changed' });
	await dialog.getByLabel('From').fill('2025-08-01');
	await dialog.getByLabel('To').fill('2025-11-30');
	await expect(dialog.getByRole('status')).toContainText('between 1 Aug 2025 and 30 Nov 2025');
	const open = dialog.getByRole('button', { name: /^Open Kursk region: military builders/ });
	await expect(open.first()).toBeVisible();
	await open.first().click();
	await expect(dialog).not.toBeVisible();
	await expect(page.getByRole('complementary').getByRole('heading', { level: 2 })).toHaveText(
		/military builders/
	);
});
