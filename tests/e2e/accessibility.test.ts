import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test, waitForMapIdle } from './fixtures.ts';

/** Runs axe (WCAG 2.1 A and AA rules) on the page as it stands and lists every violation. */
async function violations(page: Page) {
	const result = await new AxeBuilder({ page })
		.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
		.analyze();
	return result.violations.map(
		(v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join('; ')})`
	);
}

test('the main view has no WCAG A/AA violations', async ({ page, watch: _ }) => {
	await page.goto('/');
	await waitForMapIdle(page);
	expect(await violations(page)).toEqual([]);
});

test('the side panel, with its landmark and grade tooltips, has no violations', async ({
	page,
	watch: _
}) => {
	await page.goto('/#sel=kursk-combat&t=2025-07-15&mode=reported');
	await expect(page.getByRole('complementary', { name: /combat deployment/ })).toBeVisible();
	expect(await violations(page)).toEqual([]);
});

test('the export and what-changed dialogs and the briefing view have no violations', async ({
	page,
	watch: _
}) => {
	await page.goto('/');
	await waitForMapIdle(page);
	await page.getByRole('button', { name: 'Export…' }).click();
	await expect(page.getByRole('dialog', { name: 'Export figure' })).toBeVisible();
	expect(await violations(page)).toEqual([]);
	await page.keyboard.press('Escape');
	await page.getByRole('button', { name: 'What changed…' }).click();
	await expect(page.getByRole('dialog', { name: 'What changed' })).toBeVisible();
	expect(await violations(page)).toEqual([]);
	await page.keyboard.press('Escape');
	await page.goto('/#brief=deployments-2024-2025&step=4');
	await expect(page.getByText('Step 4 of 9')).toBeVisible();
	expect(await violations(page)).toEqual([]);
});

test('the handout page has no violations', async ({ page, watch: _ }) => {
	test.setTimeout(120_000);
	await page.goto('/handout/two-theatres/');
	await expect(page.getByRole('status')).toHaveText(/All 3 maps drawn/, { timeout: 100_000 });
	expect(await violations(page)).toEqual([]);
});
