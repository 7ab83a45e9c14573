/**
 * What the browser is told about security: the response headers the server sends (the same as
 * static/_headers), the page's own policy, which allows style attributes but no inline style
 * sheet, and frame-ancestors, which keeps the atlas out of other sites' frames.
 */
import { test as bare } from '@playwright/test';
import { expect, test, waitForMapIdle } from './fixtures.ts';

declare global {
	interface Window {
		violations: string[];
	}
}

const recordViolations = () => {
	window.violations = [];
	document.addEventListener('securitypolicyviolation', (e) =>
		window.violations.push(`${e.effectiveDirective} ${e.blockedURI}`)
	);
};

test('the page comes with security headers, and using it breaks no policy', async ({
	page,
	watch: _
}) => {
	await page.addInitScript(recordViolations);
	const response = await page.goto('/');
	const headers = response!.headers();
	expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
	expect(headers['x-content-type-options']).toBe('nosniff');
	expect(headers['referrer-policy']).toBe('no-referrer');

	const policy = await page
		.locator('meta[http-equiv="content-security-policy"]')
		.getAttribute('content');
	const directive = (name: string) =>
		policy!
			.split(';')
			.map((d) => d.trim())
			.find((d) => d.startsWith(`${name} `));
	expect(directive('style-src')).toBe("style-src 'self'");
	expect(directive('style-src-attr')).toBe("style-src-attr 'unsafe-inline'");
	expect(directive('script-src')).not.toContain('unsafe-inline');

	await waitForMapIdle(page);
	await page.getByRole('button', { name: 'Export…' }).click();
	await expect(page.getByRole('dialog', { name: 'Export figure' })).toBeVisible();
	await page.keyboard.press('Escape');
	expect(await page.evaluate(() => window.violations)).toEqual([]);
});

// Plain Playwright test: the blocked style sheet below is meant to log a console error.
bare('an inline style sheet is refused; style attributes are allowed', async ({ page }) => {
	await page.addInitScript(recordViolations);
	await page.goto('/');
	const applied = await page.evaluate(async () => {
		const style = document.createElement('style');
		style.textContent = 'body { letter-spacing: 7px; }';
		document.head.append(style);
		const probe = document.createElement('div');
		probe.setAttribute('style', 'width: 13px');
		document.body.append(probe);
		await new Promise((done) => setTimeout(done, 100));
		return {
			sheet: getComputedStyle(document.body).letterSpacing,
			attribute: getComputedStyle(probe).width
		};
	});
	expect(applied).toEqual({ sheet: 'normal', attribute: '13px' });
	expect(await page.evaluate(() => window.violations)).toEqual(['style-src-elem inline']);
});

bare('another page cannot frame the atlas', async ({ page, baseURL }) => {
	await page.setContent(`<iframe src="${baseURL}/" title="atlas"></iframe>`);
	const frame = page.frameLocator('iframe[title="atlas"]');
	await expect
		.poll(() =>
			page
				.frames()
				.find((f) => f !== page.mainFrame())
				?.url()
		)
		.toMatch(/^chrome-error:/);
	await expect(frame.getByRole('heading', { name: 'Deployment Atlas' })).toHaveCount(0);
});
