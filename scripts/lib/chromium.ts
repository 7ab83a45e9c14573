/**
 * How every headless Chromium of this project is started: the end-to-end tests
 * (playwright.config.ts), the benchmarks and the render CLI. Debian's Chromium, because
 * Playwright's own browser download does not work on our machines; CHROMIUM_PATH overrides it.
 * WebGL runs in software (SwiftShader).
 */
import { chromium, type Browser } from '@playwright/test';

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * The features Playwright starts Chromium without (playwright-core 1.65, its
 * `chromiumSwitches.ts`). Chromium reads only the last `--disable-features` switch, so the one
 * below repeats them; tests/e2e/smoke.test.ts checks that none has gone missing.
 */
export const PLAYWRIGHT_DISABLED_FEATURES = [
	'AvoidUnnecessaryBeforeUnloadCheckSync',
	'DestroyProfileOnBrowserClose',
	'HttpsUpgrades',
	'HttpsFirstBalancedModeAutoEnable',
	'LensOverlay',
	'MediaRouter',
	'PaintHolding',
	'ThirdPartyStoragePartitioning',
	'AvoidCorsURLLoaderRestartOnRedirect',
	'TcpPortRandomizationWin',
	'OptimizationHints',
	'NetworkTimeServiceQuerying',
	'AimEnabled',
	'PreconnectToSearch',
	'msForceBrowserSignIn',
	'msEdgeUpdateLaunchServicesPreferredVersion'
];

/**
 * A headless Chromium still preloads the address bar's two popups, chrome:// pages that keep a
 * core busy for about 4 s of the first page's load on this 2-core machine. Every benchmark run
 * starts a fresh browser, so each paid it beside the page it measured; a user's browser has done
 * this long before they open the atlas.
 */
const ADDRESS_BAR_POPUPS = ['WebUIOmniboxPopup', 'WebUIOmniboxAimPopup'];

export const chromiumArgs = [
	'--no-sandbox',
	'--disable-background-networking',
	'--disable-component-update',
	'--no-first-run',
	'--enable-unsafe-swiftshader',
	// Cut the network: any host but this machine fails to resolve, as on an offline desk.
	'--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost',
	`--disable-features=${[...PLAYWRIGHT_DISABLED_FEATURES, ...ADDRESS_BAR_POPUPS].join(',')}`
];

export function launchChromium(): Promise<Browser> {
	return chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
}
