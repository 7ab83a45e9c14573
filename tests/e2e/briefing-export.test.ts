/**
 * Briefing mode and report-ready figures, as a user meets them: presenting a briefing from the
 * keyboard, exporting an A4 figure and reading the PNG that comes out, the handout, and the
 * render CLI a report pipeline calls.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { PNG } from 'pngjs';
import { readPngText } from '../../src/lib/export/png-text.ts';
import { expect, test, waitForMapIdle } from './fixtures.ts';

const run = promisify(execFile);

test('a briefing is presented from the keyboard, step by step, each step with its own address', async ({
	page,
	watch: _
}) => {
	await page.goto('/');
	await waitForMapIdle(page);
	await page.getByText('Briefings', { exact: true }).click();
	await page
		.getByRole('button', { name: 'Start briefing: North Korean personnel in Russia, 2024-2025' })
		.click();

	const briefing = page.getByRole('region', { name: /North Korean/ });
	await expect(briefing).toBeVisible();
	const counter = briefing.getByText(/^Step \d+ of \d+$/);
	await expect(counter).toHaveText('Step 1 of 9');
	await expect(page).toHaveURL(/brief=deployments-2024-2025/);

	await page.keyboard.press('ArrowRight');
	await expect(counter).toHaveText('Step 2 of 9');
	await expect(page).toHaveURL(/step=2/);
	await page.keyboard.press('PageDown');
	await expect(counter).toHaveText('Step 3 of 9');
	await page.keyboard.press('PageUp');
	await expect(counter).toHaveText('Step 2 of 9');
	await page.keyboard.press('End');
	await expect(counter).toHaveText('Step 9 of 9');
	await expect(briefing.getByRole('button', { name: /Next/ })).toBeDisabled();
	await page.keyboard.press('Home');
	await expect(counter).toHaveText('Step 1 of 9');

	// The step's legend and sources are on screen; speaker notes come and go with N.
	const side = page.getByRole('complementary', { name: 'Legend and sources of this step' });
	await expect(side.getByRole('listitem').first()).toBeVisible();
	await expect(page.getByRole('complementary', { name: 'Speaker notes' })).toHaveCount(0);
	await page.keyboard.press('n');
	await expect(page.getByRole('complementary', { name: 'Speaker notes' })).toBeVisible();
	await page.keyboard.press('n');
	await expect(page.getByRole('complementary', { name: 'Speaker notes' })).toHaveCount(0);

	// Buttons work as well as keys; Escape leaves, and the ordinary view is back.
	await briefing.getByRole('button', { name: /Next/ }).click();
	await expect(counter).toHaveText('Step 2 of 9');
	await page.keyboard.press('Escape');
	await expect(briefing).toHaveCount(0);
	await expect(page.getByRole('slider').first()).toBeVisible();
	await expect(page).not.toHaveURL(/brief=/);
});

test('a step opened from its link shows that step, and Back returns to the step before', async ({
	page,
	watch: _
}) => {
	// The browser's storage answers late, as it can on a loaded machine: the imported layers are
	// read only after the next step is taken (the test lets the storage answer at the end), and
	// that step must still be one Back undoes.
	await page.addInitScript(() => {
		const held: Array<() => void> = [];
		(window as Window & { answerStorage?: () => void }).answerStorage = () =>
			held.splice(0).forEach((answer) => answer());
		const listen = IDBOpenDBRequest.prototype.addEventListener;
		IDBOpenDBRequest.prototype.addEventListener = function (
			this: IDBOpenDBRequest,
			type: string,
			listener: EventListenerOrEventListenerObject,
			options?: boolean | AddEventListenerOptions
		) {
			const late =
				type === 'success' && typeof listener === 'function'
					? (event: Event) => void held.push(() => listener.call(this, event))
					: listener;
			listen.call(this, type, late, options);
		};
	});
	await page.goto('/#brief=two-theatres&step=2');
	await waitForMapIdle(page);
	const briefing = page.getByRole('region', { name: /Two theatres/ });
	await expect(briefing.getByText(/^Step \d+ of \d+$/)).toHaveText('Step 2 of 3');
	await expect(briefing).toContainText(
		'Kursk region: combat troops (more than 10,000 according to Ukraine)'
	);
	await page.keyboard.press('ArrowRight');
	await expect(briefing.getByText(/^Step \d+ of \d+$/)).toHaveText('Step 3 of 3');
	await page.goBack();
	await expect(briefing.getByText(/^Step \d+ of \d+$/)).toHaveText('Step 2 of 3');
	// Once the storage answers, the link keeps the step Back returned to.
	await page.evaluate(() => (window as Window & { answerStorage?: () => void }).answerStorage?.());
	await expect(page).toHaveURL(/step=2/);
});

test('an A4 export is a 3508 x 2480 PNG whose footnotes cite what is in view', async ({
	page,
	watch: _
}) => {
	test.setTimeout(180_000);
	// Kursk and the border, all dates.
	await page.goto('/#at=6/51.5/36.5');
	await waitForMapIdle(page);
	await page.getByRole('button', { name: 'Export…' }).click();
	const dialog = page.getByRole('dialog', { name: 'Export figure' });
	await dialog.getByRole('radio', { name: /A4 landscape, 300 dpi/ }).check();
	await dialog.getByRole('textbox', { name: 'Title', exact: true }).fill('Kursk test figure');
	await dialog.getByRole('button', { name: 'Export PNG' }).click();
	await expect(dialog.getByRole('progressbar', { name: 'Export progress' })).toBeVisible();
	const ready = dialog.getByRole('status').filter({ hasText: 'Figure ready' });
	await expect(ready).toContainText('3508 × 2480 px', { timeout: 150_000 });
	const count = Number(/(\d+) source footnotes?/.exec(await ready.innerText())![1]);
	expect(count).toBeGreaterThan(0);
	await expect(dialog.getByRole('img', { name: 'Preview of the exported figure' })).toBeVisible();

	const [download] = await Promise.all([
		page.waitForEvent('download'),
		dialog.getByRole('link', { name: 'Download PNG' }).click()
	]);
	expect(download.suggestedFilename()).toBe('kursk-test-figure-a4-landscape-300dpi.png');
	const bytes = readFileSync((await download.path())!);
	const png = PNG.sync.read(bytes);
	expect([png.width, png.height]).toEqual([3508, 2480]);

	const source = readPngText(new Uint8Array(bytes)).Source!;
	expect(source).toMatch(/^Kursk test figure\n/);
	const numbered = source.match(/^\[\d+\] /gm) ?? [];
	expect(numbered).toHaveLength(count);
	expect(numbered.map((n) => n.trim())).toEqual(
		Array.from({ length: count }, (_, i) => `[${i + 1}]`)
	);
	expect(source).toContain('Kursk region: combat deployment [');
	// The Far East zone is out of the frame (a flow from there into Kursk is in it).
	expect(source).not.toContain('Russian Far East: North Korean labourers');
	// What the PNG carries is what Copy citations gives.
	await expect(dialog.getByLabel('Citations as text')).toContainText(
		source.split('\n').find((l) => l.startsWith('[1]'))!
	);
});

test('the handout has one page per step with its map, caption and numbered sources', async ({
	page,
	watch: _
}) => {
	test.setTimeout(180_000);
	await page.goto('/');
	await page.getByText('Briefings', { exact: true }).click();
	await page
		.getByRole('link', { name: 'Handout: Two theatres: Kursk and the Russian Far East' })
		.click();
	await expect(page).toHaveURL(/\/handout\/two-theatres\/$/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		'Two theatres: Kursk and the Russian Far East'
	);
	const pages = page.getByRole('article');
	await expect(pages).toHaveCount(3);
	await expect(page.getByRole('status')).toHaveText(/All 3 maps drawn/, { timeout: 150_000 });
	await expect(page.getByRole('button', { name: 'Print or save as PDF' })).toBeEnabled();
	const second = pages.nth(1);
	await expect(second).toContainText('Step 2 of 3');
	await expect(second.getByRole('heading', { level: 2 })).toContainText('Kursk region');
	await expect(second.getByRole('img', { name: /Map of step 2/ })).toBeVisible();
	await expect(second.getByRole('list', { name: 'Layers shown' })).toContainText(
		'Combat deployment'
	);
	const sources = second.getByRole('region', { name: /Sources/ }).getByRole('listitem');
	await expect(sources.first()).toContainText('Reliability');
	expect(await sources.count()).toBeGreaterThan(1);
});

test.describe('render CLI', () => {
	const cli = ['node_modules/.bin/tsx', 'scripts/render.ts'];
	let out: string;
	test.beforeEach(() => {
		out = mkdtempSync(join(tmpdir(), 'atlas-render-'));
	});
	test.afterEach(() => rmSync(out, { recursive: true, force: true }));

	test('writes one PNG per briefing step, and the handout PDF', async () => {
		test.setTimeout(300_000);
		const { stdout } = await run(
			cli[0]!,
			[cli[1]!, '--briefing', 'two-theatres', '--out', out, '--preset', 'slide-16x9', '--handout'],
			{ timeout: 280_000 }
		);
		expect(stdout).toContain('Figure ready: 1920 × 1080 px');
		const files = readdirSync(out).sort();
		const pngs = files.filter((f) => f.endsWith('.png'));
		expect(pngs).toEqual([
			'two-theatres-01-overview@slide-16x9.png',
			'two-theatres-02-kursk@slide-16x9.png',
			'two-theatres-03-far-east@slide-16x9.png'
		]);
		for (const name of pngs) {
			const bytes = readFileSync(join(out, name));
			const png = PNG.sync.read(bytes);
			expect([png.width, png.height]).toEqual([1920, 1080]);
			const source = readPngText(new Uint8Array(bytes)).Source!;
			expect(source).toMatch(/^Two theatres: Kursk and the Russian Far East \(step \d of 3\)/);
			expect(readFileSync(join(out, name.replace('.png', '.citations.txt')), 'utf8').trim()).toBe(
				source.trim()
			);
		}
		const pdf = readFileSync(join(out, 'two-theatres-handout.pdf'));
		expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
		expect(/\/Type\s*\/Pages\b[^>]*?\/Count\s+(\d+)/.exec(pdf.toString('latin1'))?.[1]).toBe('3');
	});

	test('renders a named view at twice the size of the map on screen', async () => {
		test.setTimeout(180_000);
		await run(cli[0]!, [cli[1]!, '--view', 'kursk', '--out', out, '--preset', 'view-2x'], {
			timeout: 170_000
		});
		expect(readdirSync(out).sort()).toEqual([
			'view-kursk@view-2x.citations.txt',
			'view-kursk@view-2x.png'
		]);
		const bytes = readFileSync(join(out, 'view-kursk@view-2x.png'));
		const png = PNG.sync.read(bytes);
		// Twice the map area of the default 1280 x 800 window (the side panel takes the rest).
		expect(png.width).toBeGreaterThan(1280);
		expect(png.width).toBeLessThan(2560);
		expect(readPngText(new Uint8Array(bytes)).Source).toContain('Kursk region: military builders');
	});

	test('refuses an unknown briefing, view or bad link with a clear message', async () => {
		const fail = (args: string[]) =>
			run(cli[0]!, [cli[1]!, ...args]).then(
				() => null,
				(e: { code: number; stderr: string }) => e
			);
		const unknown = await fail(['--briefing', 'no-such-briefing', '--out', out]);
		expect(unknown?.code).toBe(2);
		expect(unknown?.stderr).toContain('Unknown briefing "no-such-briefing". Briefings:');
		const bad = await fail([
			'--url',
			'http://localhost/#at=5/52/38&sel=nothing-here',
			'--out',
			out
		]);
		expect(bad?.code).toBe(2);
		expect(bad?.stderr).toContain('no such feature');
		const view = await fail(['--view', 'moon', '--out', out]);
		expect(view?.code).toBe(2);
		expect(view?.stderr).toContain('Unknown view "moon"');
		expect(readdirSync(out)).toEqual([]);
	});
});
