import { expect, test, waitForMapIdle } from './fixtures.ts';

test('on a desk, the default view keeps the Kursk label block clear of the open legend', async ({
	page,
	watch: _
}, testInfo) => {
	await page.setViewportSize({ width: 1280, height: 800 });
	await page.goto('/');
	await waitForMapIdle(page);
	const legend = (await page.getByRole('region', { name: 'Legend' }).boundingBox())!;
	// The block of the coincident Kursk zones is centred under its point; half of it is about
	// 85 px wide at this zoom, so its point must be at least that far right of the legend.
	const block = await page.evaluate(() => {
		const map = window.atlasMap!;
		const canvas = map.getCanvas().getBoundingClientRect();
		const hit = map
			.queryRenderedFeatures({ layers: ['deployments:labels'] })
			.find((f) => String(f.properties['id']).startsWith('group:'));
		if (!hit || hit.geometry.type !== 'Point') return null;
		const [lng, lat] = hit.geometry.coordinates as [number, number];
		return { x: canvas.left + map.project([lng, lat]).x, text: String(hit.properties['full']) };
	});
	await page.screenshot({ path: testInfo.outputPath('desk-default.png') });
	expect(block?.text).toContain('Combat');
	expect(block!.x - (legend.x + legend.width)).toBeGreaterThanOrEqual(85);
});
