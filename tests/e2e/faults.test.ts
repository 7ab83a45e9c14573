/**
 * Faults a user's browser can throw at the map: an export whose off-screen map cannot be drawn,
 * and a WebGL context that is lost and does not come back.
 */
import { expect, test, waitForMapIdle } from './fixtures.ts';

/** Containers the exporter lays out off-screen for its map. */
const OFFSCREEN = 'body > div[style*="-100000px"]';

test('a figure whose map cannot be drawn cleans up, says so, and can be made again', async ({
	page,
	watch: _
}) => {
	test.setTimeout(180_000);
	await page.goto('/#at=6/51.5/36.5');
	await waitForMapIdle(page);
	// From now on, no new canvas gets a WebGL context: the export's map cannot start.
	await page.evaluate(() => {
		const original = HTMLCanvasElement.prototype.getContext;
		const w = window as unknown as { restoreWebgl: () => void };
		w.restoreWebgl = () => (HTMLCanvasElement.prototype.getContext = original);
		HTMLCanvasElement.prototype.getContext = function (
			this: HTMLCanvasElement,
			type: string,
			...rest: unknown[]
		) {
			if (type.startsWith('webgl')) return null;
			return (original as (...a: unknown[]) => unknown).call(this, type, ...rest);
		} as typeof original;
	});
	await page.getByRole('button', { name: 'Export…' }).click();
	const dialog = page.getByRole('dialog', { name: 'Export figure' });
	await dialog.getByRole('radio', { name: /16:9/ }).check();
	await dialog.getByRole('button', { name: 'Export PNG' }).click();
	await expect(dialog.getByRole('alert')).toContainText(
		/The figure could not be made: The map for the figure could not start .*Try again/,
		{ timeout: 60_000 }
	);
	await expect(page.locator(OFFSCREEN)).toHaveCount(0);

	// The user tries again once the browser can draw: the same dialog makes the figure.
	await page.evaluate(() => (window as unknown as { restoreWebgl: () => void }).restoreWebgl());
	await dialog.getByRole('button', { name: 'Export PNG' }).click();
	await expect(dialog.getByRole('status').filter({ hasText: 'Figure ready' })).toBeVisible({
		timeout: 150_000
	});
	await expect(dialog.getByRole('alert')).toHaveCount(0);
	await expect(page.locator(OFFSCREEN)).toHaveCount(0);
});

test('a WebGL context that does not come back is reported, and a reload keeps the view', async ({
	page,
	watch: _
}) => {
	test.setTimeout(120_000);
	await page.goto('/#at=6/51.5/36.5&layers=border-guard,combat&t=2025-06-01&sel=border-guard-band');
	await waitForMapIdle(page);
	const panel = page.getByRole('complementary');
	await expect(panel.getByRole('heading', { level: 2 })).toHaveText(/border/i);
	await page.evaluate(() => {
		const canvas = document.querySelector<HTMLCanvasElement>('.maplibregl-canvas')!;
		const gl = canvas.getContext('webgl2') ?? canvas.getContext('webgl');
		gl!.getExtension('WEBGL_lose_context')!.loseContext();
	});
	const notice = page.getByRole('alert').filter({ hasText: 'graphics were reset' });
	await expect(notice).toBeVisible({ timeout: 20_000 });
	const before = new URL(page.url()).hash;
	await notice.getByRole('button', { name: 'Reload the map' }).click();
	await page.waitForLoadState('load');
	await waitForMapIdle(page);
	expect(new URL(page.url()).hash).toBe(before);
	await expect(panel.getByRole('heading', { level: 2 })).toHaveText(/border/i);
	await expect(page.getByRole('checkbox', { name: /Combat/ })).toBeChecked();
	await expect(page.getByRole('checkbox', { name: /Labour/ })).not.toBeChecked();
	await expect(page.getByRole('alert').filter({ hasText: 'graphics were reset' })).toHaveCount(0);
});
