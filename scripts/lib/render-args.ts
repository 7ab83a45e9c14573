/**
 * The render CLI's command line, read into a plan: which figures to make, at which preset, into
 * which directory. planRender is pure, so the messages a user sees for a wrong command are
 * unit-tested (tests/unit/scripts/render-args.test.ts); prepareOutDir checks the output folder on
 * disk before anything is built; scripts/render.ts carries the plan out in Chromium.
 */
import { existsSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { briefingFigures, exportFileName, EXPORT_PRESET_IDS } from '../../src/lib/export/index.ts';
import type { Dataset } from '../../src/lib/data/schema.ts';
import { VIEWS } from '../../src/lib/map/views.ts';
import { parseViewHash, type KnownIds } from '../../src/lib/state/url-state.ts';

export const USAGE = `Usage:
  npm run render -- --briefing <id> --out <dir> [--preset <preset>] [--handout]
  npm run render -- --url '<permalink>' --out <dir> [--preset <preset>] [--name <file stem>]
  npm run render -- --view <id>[,<id>...] | all --out <dir> [--preset <preset>]

Options:
  --briefing <id>     render one PNG per step of this briefing (ids: geo/briefings/*.json)
  --url <permalink>   render the view a link describes (the part after '#' is read)
  --view <ids>        render named views: ${VIEWS.map((v) => v.id).join(', ')}, or all
  --out <dir>         directory to write into (created if missing)
  --preset <preset>   ${EXPORT_PRESET_IDS.join(', ')} (default a4-landscape-300dpi)
  --viewport <WxH>    browser window whose map area the view presets scale, default 1280x800
  --handout           with --briefing: also write <id>-handout.pdf, one page per step
  --name <stem>       with --url: output file stem (default "view")
  --rebuild           build the site first even if build/ exists`;

/** A wrong command: the CLI prints the message and exits with status 2. */
export class UsageError extends Error {}

function reason(error: unknown): string {
	const code = (error as NodeJS.ErrnoException).code;
	if (code === 'ENOTDIR') return 'part of that path is a file';
	if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
	if (code === 'EROFS') return 'the file system is read-only';
	if (code === 'ENOSPC') return 'the disk is full';
	return error instanceof Error ? error.message : String(error);
}

/**
 * Makes sure the figures can be written to `outDir` (creating it if missing) before the site is
 * built and Chromium started: a file in the way or a folder that cannot be written is a wrong
 * command (UsageError), not a failure halfway through the figures.
 */
export function prepareOutDir(outDir: string): void {
	if (existsSync(outDir) && !statSync(outDir).isDirectory())
		throw new UsageError(`--out ${outDir} is a file, not a folder: give a folder to write into.`);
	if (!existsSync(outDir)) {
		try {
			mkdirSync(outDir, { recursive: true });
		} catch (e) {
			throw new UsageError(`--out ${outDir} cannot be created: ${reason(e)}.`);
		}
	}
	// Permissions alone do not say it (root, read-only mounts): try writing a file.
	const probe = join(outDir, `.render-write-check-${process.pid}`);
	try {
		writeFileSync(probe, '');
		rmSync(probe);
	} catch (e) {
		throw new UsageError(`--out ${outDir} cannot be written to: ${reason(e)}.`);
	}
}

export interface RenderTarget {
	/** The address fragment the page is opened at, with its '#'. */
	hash: string;
	/** The export dialog's title and subtitle; null keeps the dialog's own. */
	title: string | null;
	subtitle: string | null;
	/** A named view to go to once the page is open (the label of its "Go to" button). */
	goTo: string | null;
	/** File name in the output directory. */
	file: string;
}

export interface RenderPlan {
	outDir: string;
	presetId: string;
	viewport: { width: number; height: number };
	targets: RenderTarget[];
	/** Briefing id when a handout PDF is wanted. */
	handout: string | null;
	rebuild: boolean;
}

const FLAGS = new Set(['handout', 'rebuild']);
const VALUED = new Set(['briefing', 'url', 'view', 'out', 'preset', 'viewport', 'name']);

function readArgs(argv: readonly string[]): Map<string, string | true> {
	const out = new Map<string, string | true>();
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i]!;
		const name = arg.startsWith('--') ? arg.slice(2) : null;
		if (name === null) throw new UsageError(`Unexpected argument "${arg}".`);
		if (out.has(name)) throw new UsageError(`--${name} is given twice.`);
		if (FLAGS.has(name)) out.set(name, true);
		else if (VALUED.has(name)) {
			const value = argv[i + 1];
			if (value === undefined || value.startsWith('--'))
				throw new UsageError(`--${name} needs a value.`);
			out.set(name, value);
			i += 1;
		} else throw new UsageError(`Unknown option --${name}.`);
	}
	return out;
}

function knownIds(dataset: Dataset): KnownIds {
	return {
		features: dataset.features.map((f) => f.id),
		claimants: dataset.claimants.map((c) => c.id),
		briefings: new Map(dataset.briefings.map((b) => [b.id, b.steps.length]))
	};
}

/**
 * The fragment of a permalink, checked against the dataset. Accepts a full http(s) address of
 * the atlas (any host: only the fragment is read) or the fragment alone ("#at=..."). Anything the
 * atlas would ignore or correct is an error here: a report pipeline must not quietly get a
 * different figure from the one its link describes.
 */
export function permalinkHash(link: string, dataset: Dataset): string {
	let hash: string;
	if (link.startsWith('#')) hash = link;
	else {
		let url: URL;
		try {
			url = new URL(link);
		} catch {
			throw new UsageError(
				`--url "${link}" is not a link: give the atlas address with its '#...' part, or the part from '#' on.`
			);
		}
		if (url.protocol !== 'http:' && url.protocol !== 'https:')
			throw new UsageError(`--url "${link}" is not an http(s) link.`);
		hash = url.hash;
	}
	if (hash === '' || hash === '#')
		throw new UsageError(
			`--url "${link}" has no view in it (nothing after '#'): copy the link with the atlas's "Copy link" button.`
		);
	const parsed = parseViewHash(hash, knownIds(dataset));
	if (parsed.notices.length > 0)
		throw new UsageError(
			`--url "${link}" is not a view the atlas can show: ${parsed.notices.join(' ')}`
		);
	return hash;
}

function viewportOf(value: string | undefined): { width: number; height: number } {
	if (value === undefined) return { width: 1280, height: 800 };
	const m = /^(\d{3,4})x(\d{3,4})$/.exec(value);
	const size = m ? { width: Number(m[1]), height: Number(m[2]) } : null;
	if (!size || size.width < 320 || size.height < 320)
		throw new UsageError(`--viewport "${value}" is not a window size like 1280x800 (320 to 9999).`);
	return size;
}

export function planRender(argv: readonly string[], dataset: Dataset): RenderPlan {
	const args = readArgs(argv);
	const str = (name: string): string | undefined => {
		const v = args.get(name);
		return typeof v === 'string' ? v : undefined;
	};
	const briefingId = str('briefing');
	const link = str('url');
	const viewIds = str('view');
	const outDir = str('out');
	if ([briefingId, link, viewIds].filter((x) => x !== undefined).length !== 1)
		throw new UsageError('Give one of --briefing <id>, --url <permalink> or --view <id>.');
	if (!outDir) throw new UsageError('Give --out <dir>, the directory to write the PNGs into.');
	const presetId = str('preset') ?? 'a4-landscape-300dpi';
	if (!(EXPORT_PRESET_IDS as readonly string[]).includes(presetId))
		throw new UsageError(`Unknown preset "${presetId}". Presets: ${EXPORT_PRESET_IDS.join(', ')}.`);
	if (args.has('handout') && !briefingId) throw new UsageError('--handout goes with --briefing.');
	if (args.has('name') && !link) throw new UsageError('--name goes with --url.');
	const viewport = viewportOf(str('viewport'));

	let targets: RenderTarget[];
	if (briefingId) {
		const briefing = dataset.briefings.find((b) => b.id === briefingId);
		if (!briefing) {
			const ids = dataset.briefings.map((b) => b.id).join(', ') || 'none';
			throw new UsageError(`Unknown briefing "${briefingId}". Briefings: ${ids}.`);
		}
		targets = briefingFigures(briefing).map((figure, i) => ({
			hash: `#brief=${briefing.id}&step=${i + 1}`,
			title: figure.title,
			subtitle: figure.subtitle,
			goTo: null,
			file: exportFileName(figure.fileStem, presetId)
		}));
	} else if (viewIds) {
		const wanted = viewIds === 'all' ? VIEWS.map((v) => v.id) : viewIds.split(',');
		targets = wanted.map((id) => {
			const view = VIEWS.find((v) => v.id === id);
			if (!view) {
				throw new UsageError(
					`Unknown view "${id}". Views: ${VIEWS.map((v) => v.id).join(', ')}, or all.`
				);
			}
			return {
				hash: '',
				title: null,
				subtitle: view.label,
				goTo: view.label,
				file: exportFileName(`view-${view.id}`, presetId)
			};
		});
	} else {
		const name = str('name') ?? 'view';
		if (!/^[\w.-]{1,100}$/.test(name) || name.startsWith('.'))
			throw new UsageError(`--name "${name}" is not a plain file stem (letters, digits, . _ -).`);
		targets = [
			{
				hash: permalinkHash(link!, dataset),
				title: null,
				subtitle: null,
				goTo: null,
				file: exportFileName(name, presetId)
			}
		];
	}
	return {
		outDir,
		presetId,
		viewport,
		targets,
		handout: args.has('handout') ? briefingId! : null,
		rebuild: args.has('rebuild')
	};
}
