import { expect, test } from './fixtures.ts';

test('without WebGL the page says why the map is missing and keeps working', async ({
	page,
	watch
}) => {
	await page.goto('/');
	await expect(page.locator('[data-map-state]')).toHaveAttribute('data-map-state', 'error');
	await expect(page.getByRole('alert')).toContainText('WebGL');
	await expect(page.getByRole('heading', { level: 1, name: 'Deployment Atlas' })).toBeVisible();
	expect(watch.pageErrors).toEqual([]);
});
