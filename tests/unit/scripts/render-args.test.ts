/**
 * The render CLI's command line (scripts/lib/render-args.ts): what each command renders, and the
 * message a wrong one gets (the CLI prints it and exits with status 2).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
	planRender,
	permalinkHash,
	prepareOutDir,
	UsageError
} from '../../../scripts/lib/render-args.ts';
import { realDataset } from '../real-dataset.ts';

const dataset = realDataset();
const plan = (...argv: string[]) => planRender(argv, dataset);
const fails = (argv: string[], message: RegExp) => {
	expect(() => planRender(argv, dataset)).toThrow(UsageError);
	expect(() => planRender(argv, dataset)).toThrow(message);
};

describe('planRender', () => {
	it('renders every step of a briefing, in order, at A4 unless told otherwise', () => {
		const briefing = dataset.briefings.find((b) => b.id === 'two-theatres')!;
		const p = plan('--briefing', 'two-theatres', '--out', 'figures');
		expect(p.presetId).toBe('a4-landscape-300dpi');
		expect(p.outDir).toBe('figures');
		expect(p.handout).toBeNull();
		expect(p.targets.map((t) => t.hash)).toEqual(
			briefing.steps.map((_, i) => `#brief=two-theatres&step=${i + 1}`)
		);
		expect(p.targets[0]!.file).toBe(
			`two-theatres-01-${briefing.steps[0]!.id}@a4-landscape-300dpi.png`
		);
		expect(p.targets[1]!.title).toBe(`${briefing.title} (step 2 of ${briefing.steps.length})`);
		expect(p.targets[1]!.subtitle).toBe(briefing.steps[1]!.caption);
	});

	it('takes a preset, a window size and the handout', () => {
		const p = plan(
			'--briefing',
			'two-theatres',
			'--out',
			'o',
			'--preset',
			'slide-16x9',
			'--viewport',
			'1600x900',
			'--handout'
		);
		expect(p.presetId).toBe('slide-16x9');
		expect(p.viewport).toEqual({ width: 1600, height: 900 });
		expect(p.handout).toBe('two-theatres');
		expect(p.targets.every((t) => t.file.endsWith('@slide-16x9.png'))).toBe(true);
	});

	it('names the briefings there are when the one asked for is unknown', () => {
		fails(
			['--briefing', 'nope', '--out', 'o'],
			/Unknown briefing "nope"\. Briefings: .*two-theatres/
		);
	});

	it('renders the view of a permalink under the name given', () => {
		const p = plan(
			'--url',
			'http://127.0.0.1:4173/#at=5/52/38&t=2025-06-01',
			'--out',
			'o',
			'--name',
			'kursk'
		);
		expect(p.targets).toEqual([
			{
				hash: '#at=5/52/38&t=2025-06-01',
				title: null,
				subtitle: null,
				goTo: null,
				file: 'kursk@a4-landscape-300dpi.png'
			}
		]);
	});

	it('renders named views, one or all, each reached by its "Go to" button', () => {
		const one = plan('--view', 'kursk', '--out', 'o', '--preset', 'view-2x');
		expect(one.targets).toEqual([
			{
				hash: '',
				title: null,
				subtitle: 'Kursk and border',
				goTo: 'Kursk and border',
				file: 'view-kursk@view-2x.png'
			}
		]);
		expect(plan('--view', 'all', '--out', 'o').targets.map((t) => t.goTo)).toEqual([
			'Both theatres',
			'Kursk and border',
			'Far East'
		]);
	});

	it('says what is wrong with a command', () => {
		fails(['--out', 'o'], /one of --briefing <id>, --url <permalink> or --view <id>/);
		fails(['--briefing', 'two-theatres', '--url', '#at=1/0/0', '--out', 'o'], /one of/);
		fails(
			['--view', 'moon', '--out', 'o'],
			/Unknown view "moon"\. Views: overview, kursk, far-east, or all/
		);
		fails(['--briefing', 'two-theatres'], /Give --out/);
		fails(
			['--briefing', 'two-theatres', '--out', 'o', '--preset', 'huge'],
			/Unknown preset "huge"/
		);
		fails(['--briefing', 'two-theatres', '--out'], /--out needs a value/);
		fails(
			['--briefing', 'two-theatres', '--out', 'o', '--colour', 'red'],
			/Unknown option --colour/
		);
		fails(['--url', '#at=1/0/0', '--out', 'o', '--handout'], /--handout goes with --briefing/);
		fails(['--url', '#at=1/0/0', '--out', 'o', '--name', '../x'], /not a plain file stem/);
		fails(['--briefing', 'two-theatres', '--out', 'o', '--viewport', 'big'], /not a window size/);
		fails(['figures'], /Unexpected argument "figures"/);
	});
});

describe('permalinkHash', () => {
	it('reads the fragment of an atlas link on any host, or the fragment alone', () => {
		expect(permalinkHash('https://example.org/atlas/#at=4/50/40', dataset)).toBe('#at=4/50/40');
		expect(permalinkHash('#at=4/50/40&sel=kursk-combat', dataset)).toBe(
			'#at=4/50/40&sel=kursk-combat'
		);
	});

	it('refuses what is not an http(s) link or holds no view', () => {
		expect(() => permalinkHash('not a link', dataset)).toThrow(/is not a link/);
		expect(() => permalinkHash('javascript:alert(1)#at=1/0/0', dataset)).toThrow(
			/not an http\(s\) link/
		);
		expect(() => permalinkHash('https://example.org/atlas/', dataset)).toThrow(/has no view in it/);
	});

	it('refuses a link the atlas would only partly follow, quoting the atlas', () => {
		expect(() => permalinkHash('#at=4/50/40&sel=no-such-feature', dataset)).toThrow(
			/no such feature/
		);
		expect(() => permalinkHash('#brief=two-theatres&step=99', dataset)).toThrow(/has \d+ steps/);
	});
});

describe('prepareOutDir', () => {
	const scratch = mkdtempSync(join(tmpdir(), 'atlas-render-out-'));
	const file = join(scratch, 'figures.png');
	writeFileSync(file, 'not a folder');
	afterAll(() => rmSync(scratch, { recursive: true, force: true }));

	it('creates a missing folder, nested, and leaves nothing else in it', () => {
		const dir = join(scratch, 'a', 'b');
		prepareOutDir(dir);
		expect(existsSync(dir)).toBe(true);
		prepareOutDir(dir);
	});

	it.each([
		[
			'an existing file',
			(): string => file,
			/^--out .*figures\.png is a file, not a folder: give a folder to write into\.$/
		],
		[
			'a folder under a file',
			(): string => join(file, 'sub'),
			/^--out .* cannot be created: part of that path is a file\.$/
		],
		// /sys is mounted read-only: not even root can write there.
		[
			'a folder that cannot be written',
			(): string => '/sys',
			/^--out \/sys cannot be written to: (permission denied|the file system is read-only)\.$/
		]
	] as const)('refuses %s with a UsageError', (_, dir, message) => {
		expect(() => prepareOutDir(dir())).toThrow(UsageError);
		expect(() => prepareOutDir(dir())).toThrow(message);
	});

	it('the CLI exits 2 with that one line, before building anything, and no stack trace', () => {
		const run = spawnSync(
			'node_modules/.bin/tsx',
			['scripts/render.ts', '--view', 'all', '--out', file],
			{
				encoding: 'utf8',
				timeout: 60_000
			}
		);
		expect(run.stderr.trim()).toBe(
			`render: --out ${file} is a file, not a folder: give a folder to write into.`
		);
		expect(run.status).toBe(2);
		expect(run.stdout).toBe('');
	}, 60_000);
});
