/**
 * Shared pieces of the benchmarks: a browser launched like the end-to-end tests, local static
 * servers, and statistics. Benchmarks report ratios against a reference measured in the same
 * run; absolute times on this machine (software WebGL) mean little.
 */
import { chromium, type Browser } from '@playwright/test';
import type { AddressInfo } from 'node:net';
import { createStaticServer } from '../serve.js';

export const chromiumArgs = [
	'--no-sandbox',
	'--disable-background-networking',
	'--disable-component-update',
	'--no-first-run',
	'--enable-unsafe-swiftshader',
	'--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost'
];

export function launchBrowser(): Promise<Browser> {
	return chromium.launch({
		executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
		args: chromiumArgs
	});
}

export interface Served {
	url: string;
	close: () => Promise<void>;
}

export async function serve(dir: string): Promise<Served> {
	const server = createStaticServer({ dir });
	await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}/`,
		close: () => new Promise((done) => server.close(() => done()))
	};
}

export function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	const mid = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function fmt(n: number, digits = 1): string {
	return n.toFixed(digits);
}
