import { join } from 'node:path';
import { launchChromium } from '../lib/chromium.ts';
import { serveLocally } from '../lib/local-site.ts';

const variants = process.argv.slice(2);

async function main() {
	const app = await serveLocally(join(import.meta.dirname, '..', '..', 'build'));
	const one = async (hash: string) => {
		const browser = await launchChromium();
		try {
			const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
			await page.goto(`${app.url}${hash}`);
			await page.waitForSelector('[data-map-state="idle"]', { timeout: 120000, state: 'attached' });
			return await page.evaluate(
				() =>
					performance.getEntriesByName('map-first-idle')[0]!.startTime -
					(performance.getEntriesByName('map-code-loaded')[0]?.startTime ?? 0)
			);
		} finally {
			await browser.close();
		}
	};
	const res: Record<string, number[]> = {};
	for (let i = 0; i < 3; i++) for (const v of variants) (res[v] ??= []).push(await one(v));
	await app.close();
	for (const [v, ms] of Object.entries(res)) {
		const s = [...ms].sort((a, b) => a - b);
		console.log(v.padEnd(60), s.map((x) => x.toFixed(0)).join(' '), 'median', s[1]!.toFixed(0));
	}
}
await main();
