import { defineConfig } from '@playwright/test';
import { chromiumArgs, chromiumPath } from './scripts/lib/chromium.ts';

/**
 * End-to-end tests drive the production build (`build/`, served by scripts/serve.js) in Debian's
 * Chromium, started as scripts/lib/chromium.ts says (CHROMIUM_PATH overrides the executable). WebGL runs in software (SwiftShader): tests wait for the map's
 * data-map-state instead of timing anything.
 */
const executablePath = chromiumPath;
const port = Number(process.env.E2E_PORT ?? 4173);

export default defineConfig({
	testDir: 'tests/e2e',
	outputDir: 'test-results',
	// Two test files at a time (tests within a file stay in order): most of a test's time is the
	// browser drawing in software, so a second browser uses the other core. E2E_WORKERS overrides.
	fullyParallel: false,
	workers: Number(process.env.E2E_WORKERS ?? 2),
	// One retry in CI, reported as "flaky" in the output: a full run once saw the A4 export of the
	// import test fail with "Failed to fetch" after 3 minutes under software WebGL, a failure
	// that did not recur in isolation or with its neighbours. Locally a failure stays a failure.
	retries: process.env.CI ? 1 : 0,
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
