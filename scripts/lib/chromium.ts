/**
 * How every headless Chromium of this project is started: the end-to-end tests
 * (playwright.config.ts), the benchmarks and the render CLI. Debian's Chromium, because
 * Playwright's own browser download does not work on our machines; CHROMIUM_PATH overrides it.
 * WebGL runs in software (SwiftShader).
 */
import { chromium, type Browser } from '@playwright/test';

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const chromiumArgs = [
	'--no-sandbox',
	'--disable-background-networking',
	'--disable-component-update',
	'--no-first-run',
	'--enable-unsafe-swiftshader',
	// Cut the network: any host but this machine fails to resolve, as on an offline desk.
	'--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost'
];

export function launchChromium(): Promise<Browser> {
	return chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
}
