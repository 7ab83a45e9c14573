/**
 * The whole view in the URL hash, so a link restores what its sender saw. The hash, not the
 * query string: browsers never send it to the server, so what an analyst looks at stays out of
 * server logs.
 *
 *   #at=5.2/51.7/36.2&layers=combat,construction&t=2025-11-15&mode=reported&certain=1
 *    &claimants=nis,ua-intelligence&conf=3&sel=kursk-construction&brief=two-theatres&step=2
 *
 * | key       | value                                                  | default (omitted)     |
 * | --------- | ------------------------------------------------------ | --------------------- |
 * | at        | zoom/latitude/longitude[/bearing[/pitch]] (camera.ts)  | the app's start view  |
 * | layers    | visible categories, comma-separated, or `none`         | every category        |
 * | t         | date YYYY-MM-DD (YYYY-MM read as the 1st), or `all`    | all time              |
 * | mode      | `present` (present on t) or `reported` (as reported by) | present               |
 * | certain   | `1`: hide what is only possibly present / reported     | fade it instead       |
 * | claimants | claimant ids, comma-separated                          | every claimant        |
 * | conf      | minimum confidence, Admiralty credibility 1-6          | 6 (everything)        |
 * | sel       | selected feature id                                    | nothing selected      |
 * | panel     | `unlocated`: the "Unlocated reporting" panel is open    | the feature list      |
 * | brief     | briefing id                                            | no briefing           |
 * | step      | briefing step, counted from 1 as a person would        | 1                     |
 *
 * `formatViewHash` writes keys in that order, lists in canonical order, and leaves defaults out,
 * so one view has one link. `parseViewHash` never throws: an unknown key, a malformed value, or
 * an id the data does not know (when told the known ids) is dropped with a short notice.
 */
import { UNBOUNDED_FUTURE, UNBOUNDED_PAST, dayNumber, isoFromDay } from '../data/dates.ts';
import { CREDIBILITY_GRADES } from '../data/map-features.ts';
import { CATEGORY_IDS, ID_PATTERN, type CategoryId } from '../data/vocabulary.ts';
import { formatCamera, parseCamera, type Camera } from './camera.ts';
import { DEFAULT_FILTERS, type FilterState } from './filter-state.ts';
import type { TimeSelection } from './time.ts';

export interface BriefingPosition {
	id: string;
	/** 0-based index into the briefing's steps (the link shows it 1-based). */
	stepIndex: number;
}

export interface ViewState extends FilterState {
	/** Null: the app's own start view. */
	camera: Camera | null;
	/** Null: all time. */
	time: TimeSelection | null;
	selected: string | null;
	/** The "Unlocated reporting" panel is open in place of the feature list. */
	unlocated: boolean;
	briefing: BriefingPosition | null;
}

export const DEFAULT_VIEW_STATE: Readonly<ViewState> = Object.freeze({
	...DEFAULT_FILTERS,
	camera: null,
	time: null,
	selected: null,
	unlocated: false,
	briefing: null
});

/** The ids a link may name. Anything left out is not checked against the data. */
export interface KnownIds {
	features?: Iterable<string>;
	claimants?: Iterable<string>;
	/** Briefing id -> number of steps. */
	briefings?: ReadonlyMap<string, number>;
}

export interface ParsedViewState {
	/** Only the settings the link gives; merge over the current or default view. */
	state: Partial<ViewState>;
	/** One short sentence per thing ignored, for a quiet notice. */
	notices: string[];
}

export const URL_KEYS = [
	'at',
	'layers',
	't',
	'mode',
	'certain',
	'claimants',
	'conf',
	'sel',
	'panel',
	'brief',
	'step'
] as const;
type UrlKey = (typeof URL_KEYS)[number];

/** Dates a link may carry: wide enough for any history, inside the day-number sentinels. */
const FIRST_DAY = dayNumber('1000-01-01') ?? UNBOUNDED_PAST + 1;
const LAST_DAY = Math.min(dayNumber('3999-12-31') ?? UNBOUNDED_FUTURE - 1, UNBOUNDED_FUTURE - 1);

/** Longer hashes are cut here: nothing valid comes close, and it bounds the work on junk. */
const MAX_HASH_LENGTH = 4096;
const MAX_NOTICES = 6;

/** A value as it may appear in a notice: short, on one line. */
function show(text: string): string {
	// Control and line-separator characters would break the notice's one line; show a space.
	const chars = [...text].map((ch) => {
		const code = ch.codePointAt(0) ?? 0;
		const breaks =
			code < 0x20 || (code >= 0x7f && code <= 0x9f) || code === 0x2028 || code === 0x2029;
		return breaks ? ' ' : ch;
	});
	return `"${chars.slice(0, 40).join('')}${chars.length > 40 ? '…' : ''}"`;
}

function decode(text: string): string | null {
	try {
		return decodeURIComponent(text);
	} catch {
		// A lone "%" or a broken UTF-8 sequence: the caller reports it.
		return null;
	}
}

function isUrlKey(key: string): key is UrlKey {
	return (URL_KEYS as readonly string[]).includes(key);
}

function isCategory(text: string): text is CategoryId {
	return (CATEGORY_IDS as readonly string[]).includes(text);
}

/** The link's key=value pairs, last one winning, with notices for what cannot be read. */
function readPairs(hash: string, notices: string[]): Map<UrlKey, string> {
	const pairs = new Map<UrlKey, string>();
	let text = hash.startsWith('#') ? hash.slice(1) : hash;
	if (text.length > MAX_HASH_LENGTH) {
		notices.push(`The link is too long; only its first ${MAX_HASH_LENGTH} characters were read.`);
		text = text.slice(0, MAX_HASH_LENGTH);
	}
	const repeated = new Set<string>();
	for (const part of text.split('&')) {
		if (part === '') continue;
		const eq = part.indexOf('=');
		const key = decode(eq === -1 ? part : part.slice(0, eq));
		const value = eq === -1 ? null : decode(part.slice(eq + 1));
		if (key === null) {
			notices.push(`Ignored ${show(part)} in the link: it is not properly encoded.`);
		} else if (!isUrlKey(key)) {
			notices.push(`Ignored the unknown setting ${show(key)} in the link.`);
		} else if (value === null) {
			notices.push(
				eq === -1
					? `Ignored the setting ${show(key)} in the link: it has no value.`
					: `Ignored the setting ${show(key)} in the link: its value is not properly encoded.`
			);
		} else {
			if (pairs.has(key)) repeated.add(key);
			pairs.set(key, value);
		}
	}
	for (const key of repeated) {
		notices.push(`The link gives ${show(key)} more than once; the last one was used.`);
	}
	return pairs;
}

function readList(value: string): string[] {
	return value === '' ? [] : value.split(',');
}

/**
 * Reads a view from a URL hash (with or without the leading "#"). Never throws; see the module
 * comment for the keys. With `known`, ids the data does not have are dropped too.
 */
export function parseViewHash(hash: string, known: KnownIds = {}): ParsedViewState {
	const notices: string[] = [];
	const state: Partial<ViewState> = {};
	const pairs = readPairs(typeof hash === 'string' ? hash : '', notices);
	const features = known.features ? new Set(known.features) : null;
	const claimants = known.claimants ? new Set(known.claimants) : null;

	const at = pairs.get('at');
	if (at !== undefined) {
		const camera = parseCamera(at);
		if (camera) state.camera = camera;
		else notices.push(`Ignored the map position ${show(at)} in the link.`);
	}

	const layers = pairs.get('layers');
	if (layers !== undefined) {
		const wanted = new Set<CategoryId>();
		const tokens = layers === 'none' ? [] : readList(layers);
		for (const token of tokens) {
			if (isCategory(token)) wanted.add(token);
			else notices.push(`Ignored the unknown layer ${show(token)} in the link.`);
		}
		// A list that named only unknown layers says nothing usable: keep the current layers.
		if (layers === 'none' || layers === '' || wanted.size > 0) {
			state.categories = CATEGORY_IDS.filter((c) => wanted.has(c));
		}
	}

	const t = pairs.get('t');
	const mode = pairs.get('mode');
	const certain = pairs.get('certain');
	if (t === undefined) {
		if (mode !== undefined || certain !== undefined) {
			notices.push('Ignored the time mode in the link: it gives no date (t).');
		}
	} else if (t === 'all') {
		state.time = null;
	} else {
		const day = /^\d{4}-\d{2}(-\d{2})?$/.test(t) ? dayNumber(t.length === 7 ? `${t}-01` : t) : null;
		if (day === null || day < FIRST_DAY || day > LAST_DAY) {
			notices.push(`Ignored the date ${show(t)} in the link.`);
		} else {
			let timeMode: TimeSelection['mode'] = 'present-on';
			if (mode === 'reported') timeMode = 'reported-by';
			else if (mode !== undefined && mode !== 'present') {
				notices.push(`Ignored the time mode ${show(mode)} in the link.`);
			}
			if (certain !== undefined && certain !== '1' && certain !== '0') {
				notices.push(`Ignored ${show(`certain=${certain}`)} in the link.`);
			}
			state.time = { mode: timeMode, day, certainOnly: certain === '1' };
		}
	}

	const who = pairs.get('claimants');
	if (who !== undefined) {
		const wanted = new Set<string>();
		for (const id of readList(who)) {
			if (!ID_PATTERN.test(id)) notices.push(`Ignored the claimant ${show(id)} in the link.`);
			else if (claimants && !claimants.has(id)) {
				notices.push(`Ignored the unknown claimant ${show(id)} in the link.`);
			} else wanted.add(id);
		}
		if (who === '' || wanted.size > 0) state.claimants = [...wanted].sort();
	}

	const conf = pairs.get('conf');
	if (conf !== undefined) {
		const grade = CREDIBILITY_GRADES.find((g) => String(g) === conf);
		if (grade) state.minCredibility = grade;
		else notices.push(`Ignored the minimum confidence ${show(conf)} in the link: use 1 to 6.`);
	}

	const sel = pairs.get('sel');
	if (sel !== undefined) {
		if (!ID_PATTERN.test(sel)) notices.push(`Ignored the selection ${show(sel)} in the link.`);
		else if (features && !features.has(sel)) {
			notices.push(`Ignored the selection ${show(sel)} in the link: no such feature.`);
		} else state.selected = sel;
	}

	const panel = pairs.get('panel');
	if (panel !== undefined) {
		if (panel === 'unlocated') state.unlocated = true;
		else notices.push(`Ignored the panel ${show(panel)} in the link.`);
	}

	const brief = pairs.get('brief');
	const step = pairs.get('step');
	if (brief === undefined) {
		if (step !== undefined)
			notices.push('Ignored the briefing step in the link: it names no briefing.');
	} else if (!ID_PATTERN.test(brief)) {
		notices.push(`Ignored the briefing ${show(brief)} in the link.`);
	} else if (known.briefings && !known.briefings.has(brief)) {
		notices.push(`Ignored the briefing ${show(brief)} in the link: no such briefing.`);
	} else {
		let stepIndex = 0;
		if (step !== undefined) {
			const n = /^[1-9]\d{0,3}$/.test(step) ? Number(step) : null;
			const count = known.briefings?.get(brief);
			if (n === null) notices.push(`Ignored the briefing step ${show(step)} in the link.`);
			else if (count !== undefined && n > count) {
				notices.push(`Ignored step ${n} in the link: the briefing has ${count} steps.`);
			} else stepIndex = n - 1;
		}
		state.briefing = { id: brief, stepIndex };
	}

	if (notices.length > MAX_NOTICES) {
		const rest = notices.length - (MAX_NOTICES - 1);
		notices.splice(MAX_NOTICES - 1, notices.length, `…and ${rest} more problems in the link.`);
	}
	return { state, notices };
}

function sameList<T>(a: readonly T[], b: readonly T[]): boolean {
	return a.length === b.length && a.every((x, i) => x === b[i]);
}

/**
 * The hash for a view ("#..." or "" when everything is at its default). Canonical: fixed key
 * order, layers in CATEGORY_IDS order, claimants sorted, defaults left out.
 */
export function formatViewHash(state: Partial<ViewState>): string {
	const out: string[] = [];
	const put = (key: UrlKey, value: string) => out.push(`${key}=${value}`);
	if (state.camera) put('at', formatCamera(state.camera));
	if (state.categories) {
		const layers = new Set(state.categories);
		const list = CATEGORY_IDS.filter((c) => layers.has(c));
		if (list.length === 0) put('layers', 'none');
		else if (!sameList(list, CATEGORY_IDS)) put('layers', list.join(','));
	}
	if (state.time) {
		put('t', isoFromDay(state.time.day));
		if (state.time.mode === 'reported-by') put('mode', 'reported');
		if (state.time.certainOnly) put('certain', '1');
	}
	if (state.claimants && state.claimants.length > 0) {
		put('claimants', [...new Set(state.claimants)].sort().join(','));
	}
	if (state.minCredibility !== undefined && state.minCredibility !== 6) {
		put('conf', String(state.minCredibility));
	}
	if (state.selected) put('sel', state.selected);
	if (state.unlocated) put('panel', 'unlocated');
	if (state.briefing) {
		put('brief', state.briefing.id);
		if (state.briefing.stepIndex > 0) put('step', String(state.briefing.stepIndex + 1));
	}
	return out.length > 0 ? `#${out.join('&')}` : '';
}

/** A full view: the link's settings over the defaults. */
export function withDefaults(partial: Partial<ViewState>): ViewState {
	return { ...DEFAULT_VIEW_STATE, ...partial };
}

/**
 * How a view change should meet the browser history: moving the camera or the date (dragging,
 * playing) replaces the current entry, so Back is not a thousand pans; anything else (layers,
 * mode, filters, selection, briefing step) pushes one, so Back undoes it.
 */
export function historyMode(prev: ViewState, next: ViewState): 'push' | 'replace' | 'none' {
	const a = formatViewHash(prev);
	const b = formatViewHash(next);
	if (a === b) return 'none';
	const still = (v: ViewState) =>
		formatViewHash({
			...v,
			camera: null,
			time: v.time ? { ...v.time, day: 0 } : null
		});
	return still(prev) === still(next) ? 'replace' : 'push';
}
