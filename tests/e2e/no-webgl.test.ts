import { expect, test } from './fixtures.ts';

test('without WebGL the list shows every feature with its sources and says why there is no map', async ({
	page,
	watch
}, testInfo) => {
	await page.goto('/');
	await expect(page.locator('[data-map-state]')).toHaveAttribute('data-map-state', 'error');
	await expect(page.getByRole('alert')).toContainText('WebGL');
	const list = page.getByRole('region', { name: 'Features' });
	await expect(list.getByRole('status')).toHaveText('All 14 features shown');
	// Every feature lists its sources in the list itself.
	const cites = list.getByRole('list', { name: /^Sources for / });
	await expect(cites).toHaveCount(14);
	await expect(cites.first().getByRole('listitem').first()).toContainText('reliability');
	// The panel works without a map, minus the zoom button.
	await list.getByRole('button', { name: /military builders/ }).click();
	const panel = page.getByRole('complementary');
	await expect(panel).toContainText('about 5,000 personnel');
	await expect(panel.getByRole('button', { name: 'Zoom to feature' })).toHaveCount(0);
	await expect(page.getByRole('button', { name: 'Kursk and border', exact: true })).toBeDisabled();
	await page.screenshot({ path: testInfo.outputPath('no-webgl.png') });
	expect(watch.pageErrors).toEqual([]);
});

test('without WebGL the handout keeps every caption and source and says the maps are missing', async ({
	page,
	watch: _
}) => {
	await page.goto('/handout/two-theatres/');
	await expect(page.getByRole('alert')).toContainText('The maps could not be drawn');
	await expect(page.getByRole('alert')).toContainText('printed pages will have no maps');
	const pages = page.getByRole('article');
	await expect(pages).toHaveCount(3);
	await expect(
		pages
			.nth(1)
			.getByRole('region', { name: /Sources/ })
			.getByRole('listitem')
			.first()
	).toContainText('Reliability');
	await expect(page.getByRole('img')).toHaveCount(0);
});
