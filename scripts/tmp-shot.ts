import { launchChromium } from './lib/chromium.ts';
import { serveLocally } from './lib/local-site.ts';
const site = await serveLocally(process.argv[2] ?? '/work/wt/perf/build');
const b = await launchChromium();
const p = await b.newPage({ viewport: { width: 1280, height: 800 } });
for (const [name, hash] of [['overview', ''], ['kursk', '#at=7/51.3/35.2']]) {
  await p.goto(site.url + hash);
  await p.waitForSelector('[data-map-state="idle"]', { state: 'attached', timeout: 120000 });
  await p.waitForTimeout(300);
  await p.screenshot({ path: `/work/shots/perf/${process.argv[3] ?? 'after'}-${name}.png` });
}
await b.close(); await site.close();
