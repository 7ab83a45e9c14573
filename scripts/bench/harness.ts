/**
 * Shared pieces of the benchmarks: a browser launched like the end-to-end tests, local static
 * servers, and statistics. Benchmarks report ratios against a reference measured in the same
 * run; absolute times on this machine (software WebGL) mean little.
 */
import type { Browser } from '@playwright/test';
import type { AddressInfo } from 'node:net';
import { createStaticServer } from '../serve.js';
import { launchChromium } from '../lib/chromium.ts';

export function launchBrowser(): Promise<Browser> {
	return launchChromium();
}

export interface Served {
	url: string;
	close: () => Promise<void>;
}

/**
 * Serves `dir` on a free local port. `headers` are added to every response (the timeline
 * benchmark sends COOP/COEP so the page is cross-origin isolated and performance.now() is
 * precise to microseconds instead of 100 us).
 */
export async function serve(dir: string, headers: Record<string, string> = {}): Promise<Served> {
	const server = createStaticServer({ dir });
	server.prependListener('request', (_req, res) => {
		for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
	});
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
