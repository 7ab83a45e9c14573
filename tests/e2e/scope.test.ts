/**
 * Issue 10 as a reader sees it: a zone's own figures apart from figures its sources give for
 * Russia as a whole or a wider area; announcements marked as such in the panel, the list and
 * the export's citations; opinions shown but not counted; unlocated reporting in its own panel.
 */
import type { Page } from '@playwright/test';
import { expect, test, waitForMapIdle } from './fixtures.ts';

const panel = (page: Page) => page.getByRole('complementary');
const list = (page: Page) => page.getByRole('region', { name: 'Features' });

test('the Far East panel puts the 15,000 and the 40,000 under Russia as a whole', async ({
	page,
	watch: _
}) => {
	await page.goto('/#sel=far-east-labour');
	const aside = panel(page);
	await expect(aside.getByRole('heading', { level: 2 })).toHaveText(/Far East/);
	// Opened by the link, not by the reader: the focus stays at the top of the page.
	await waitForMapIdle(page);
	await expect(aside.getByRole('heading', { level: 2 })).not.toBeFocused();
	const own = aside.getByRole('region', { name: "Reporting for Russia's Far East" });
	await expect(own).toContainText('temporary migrant workers');
	await expect(own).not.toContainText('15,000');
	const russia = aside.getByRole('region', { name: 'Figures for Russia as a whole' });
	await expect(russia).toContainText('about 15,000 labourers');
	await expect(russia).toContainText('40,000 labourers');
	await expect(russia).toContainText('Place: Russia as a whole (the source says "to Russia")');
	await expect(russia).toContainText("not this feature's figures");
});

test('the Kursk builders are shown as announced, with what bears on the deployment', async ({
	page,
	watch: _
}) => {
	await page.goto('/#sel=kursk-construction');
	const aside = panel(page);
	await expect(aside.getByRole('heading', { level: 2 })).toHaveText(
		'Kursk region: military builders (announced)'
	);
	const own = aside.getByRole('region', { name: 'Figures for Kursk region' });
	await expect(own.getByRole('row', { name: /about 5,000 personnel/ })).toContainText('announced');
	await expect(own).toContainText('Russian Security Council');
	await expect(own).not.toContainText('National Intelligence Service');
	const russia = aside.getByRole('region', { name: 'Figures for Russia as a whole' });
	await expect(russia).toContainText('about 5,000 troops');
	await expect(russia).toContainText('National Intelligence Service');
	const zone = aside.getByRole('region', {
		name: 'Figures for the "special military operation zone"'
	});
	await expect(zone).toContainText('Bearing on this');
	await expect(zone).toContainText('Russian state media has not officially confirmed');
	await expect(zone).toContainText('North Korea has remained silent');
	await expect(aside).toContainText('Only reports that name this place count');
});

test('opinions are shown apart and not counted as support', async ({ page, watch: _ }) => {
	await page.goto('/#sel=kursk-demining');
	const aside = panel(page);
	const opinions = aside.getByRole('region', { name: 'Opinions' });
	await expect(opinions).toContainText('Senior South Korean defence official (anonymous)');
	await expect(opinions).toContainText('not counted as support');
	await expect(aside.getByRole('region', { name: 'Figures for Kursk region' })).not.toContainText(
		'defence official'
	);
});

test('the list marks announced features and opens unlocated reporting in its own panel', async ({
	page,
	watch: _
}, testInfo) => {
	await page.goto('/');
	const builders = list(page)
		.getByRole('listitem')
		.filter({
			has: page.getByRole('button', { name: /^Kursk region: military builders \(announced\)/ })
		});
	await expect(builders).toContainText('Announced: a plan made public, not confirmed');
	const combat = list(page)
		.getByRole('listitem')
		.filter({
			has: page.getByRole('button', { name: /^Kursk region: combat deployment/ })
		});
	await expect(combat).not.toContainText('Announced');

	const entry = list(page).getByRole('button', { name: /^Unlocated reporting/ });
	await expect(entry).toContainText('never drawn as a region');
	await entry.click();
	const unlocated = page.getByRole('region', { name: 'Unlocated reporting' });
	await expect(unlocated.getByRole('heading', { level: 2 })).toBeFocused();
	const russia = unlocated.getByRole('region', { name: 'Figures for Russia as a whole' });
	await expect(russia).toContainText('about 15,000 labourers');
	await expect(russia).toContainText('Shown in the panels of:');
	await expect(unlocated.getByRole('region', { name: 'Opinions' })).toContainText(
		'inside Ukrainian territory'
	);
	await expect(unlocated.getByRole('region', { name: 'Sources' })).toContainText(
		'No link on file.'
	);
	await page.screenshot({ path: testInfo.outputPath('unlocated.png') });

	// The open panel is part of the link: a reload (or a colleague's browser) opens it again.
	await expect(page).toHaveURL(/#panel=unlocated$/);
	await page.reload();
	await expect(unlocated.getByRole('region', { name: 'Opinions' })).toBeVisible();
	await expect(unlocated.getByRole('heading', { level: 2 })).not.toBeFocused();

	await unlocated.getByRole('button', { name: /All features/ }).click();
	await expect(list(page).getByRole('button', { name: /^Unlocated reporting/ })).toBeFocused();
	await expect(page).not.toHaveURL(/panel=/);
	// Back undoes the closing, as it undoes a selection.
	await page.goBack();
	await expect(unlocated.getByRole('region', { name: 'Opinions' })).toBeVisible();
	// Escape goes back to the list too, as it closes the feature panel.
	await unlocated.getByRole('heading', { level: 2 }).focus();
	await page.keyboard.press('Escape');
	await expect(unlocated).toBeHidden();
	await expect(page).not.toHaveURL(/panel=/);
});

test("an export's citations name the announced zone and say what a label shows", async ({
	page,
	watch: _
}) => {
	test.setTimeout(180_000);
	await page.goto('/#at=6/51.5/36.5&t=2025-11-15');
	await waitForMapIdle(page);
	await page.getByRole('button', { name: 'Export…' }).click();
	const dialog = page.getByRole('dialog', { name: 'Export figure' });
	await dialog.getByRole('button', { name: 'Export PNG' }).click();
	const ready = dialog.getByRole('status').filter({ hasText: 'Figure ready' });
	await expect(ready).toBeVisible({ timeout: 150_000 });
	const citations = dialog.getByLabel('Citations as text');
	await expect(citations).toContainText('Kursk region: military builders (announced) [');
	await expect(citations).toContainText(
		'A label shows only figures given for the place it marks; "announced" means a plan made public, not a confirmed deployment.'
	);
});
