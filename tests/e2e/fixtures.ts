/**
 * Shared e2e fixture: every test records page errors, console errors and any request that leaves
 * the site's origin, and fails on any of them after the test body has run.
 */
import { test as base, expect, type Page } from '@playwright/test';

interface Watch {
	pageErrors: string[];
	consoleErrors: string[];
	foreignRequests: string[];
}

export const test = base.extend<{ watch: Watch }>({
	watch: async ({ page, baseURL }, use) => {
		const origin = new URL(baseURL!).origin;
		const watch: Watch = { pageErrors: [], consoleErrors: [], foreignRequests: [] };
		page.on('pageerror', (err) => watch.pageErrors.push(err.message));
		page.on('console', (msg) => {
			if (msg.type() === 'error') watch.consoleErrors.push(msg.text());
		});
		page.on('request', (req) => {
			const url = req.url();
			if (/^(data|blob):/.test(url)) return;
			if (new URL(url).origin !== origin) watch.foreignRequests.push(url);
		});
		await use(watch);
		expect(watch.pageErrors, 'uncaught errors in the page').toEqual([]);
		expect(watch.consoleErrors, 'console errors').toEqual([]);
		expect(watch.foreignRequests, 'requests that left the origin').toEqual([]);
	}
});

export { expect };

/** Waits until MapLibre reports that it has finished rendering. */
export async function waitForMapIdle(page: Page): Promise<void> {
	await expect(page.locator('[data-map-state]')).toHaveAttribute('data-map-state', 'idle', {
		timeout: 60_000
	});
}

/**
 * Holds back the app's entry script, so the prerendered page is on screen with no code behind
 * it, as in the first second or so of a start on a slow machine. Call before `goto`; the
 * returned function lets the code arrive.
 */
export async function holdAppCode(page: Page): Promise<() => void> {
	let arrive!: () => void;
	const held = new Promise<void>((resolve) => (arrive = resolve));
	await page.route(/\/_app\/immutable\/entry\/app\.[^/]+\.js$/, async (route) => {
		await held;
		await route.continue();
	});
	return arrive;
}
