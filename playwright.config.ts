import { defineConfig } from '@playwright/test';

/**
 * End-to-end tests drive the production build (`build/`, served by scripts/serve.js) in Debian's
 * Chromium. Playwright's own browser download does not work here, so the executable is given;
 * CHROMIUM_PATH overrides it. WebGL runs in software (SwiftShader): tests wait for the map's
 * data-map-state instead of timing anything.
 */
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const port = Number(process.env.E2E_PORT ?? 4173);

export const chromiumArgs = [
	'--no-sandbox',
	'--disable-background-networking',
	'--disable-component-update',
	'--no-first-run',
	'--enable-unsafe-swiftshader',
	// Cut the network: any host but this machine fails to resolve, as on an offline desk.
	'--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost'
];

export default defineConfig({
	testDir: 'tests/e2e',
	outputDir: 'test-results',
	fullyParallel: false,
	workers: 1,
	retries: 0,
	timeout: 90_000,
	expect: { timeout: 30_000 },
	forbidOnly: !!process.env.CI,
	reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
	use: {
		baseURL: `http://127.0.0.1:${port}`,
		viewport: { width: 1280, height: 800 },
		trace: 'retain-on-failure',
		launchOptions: { executablePath, args: chromiumArgs }
	},
	projects: [
		{ name: 'chromium', testIgnore: /no-webgl/ },
		{
			name: 'no-webgl',
			testMatch: /no-webgl/,
			use: {
				launchOptions: {
					executablePath,
					args: [...chromiumArgs, '--disable-webgl', '--disable-3d-apis']
				}
			}
		}
	],
	webServer: {
		command: `node scripts/serve.js --port ${port}`,
		url: `http://127.0.0.1:${port}/`,
		reuseExistingServer: !process.env.CI,
		timeout: 30_000
	}
});
