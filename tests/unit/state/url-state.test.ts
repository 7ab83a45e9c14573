import { describe, expect, test } from 'vitest';
import {
	CATEGORY_IDS,
	ID_PATTERN,
	TIME_MODES,
	type CategoryId
} from '../../../src/lib/data/schema.ts';
import { parseCamera } from '../../../src/lib/state/camera.ts';
import {
	DEFAULT_VIEW_STATE,
	formatViewHash,
	historyMode,
	parseViewHash,
	withDefaults,
	type KnownIds,
	type ViewState
} from '../../../src/lib/state/url-state.ts';
import { day, pick, prng } from './helpers.ts';

const KNOWN: KnownIds = {
	features: ['kursk-construction', 'kursk-combat', 'far-east-labour'],
	claimants: ['nis', 'ua-intelligence', 'kp-state-media'],
	briefings: new Map([['two-theatres', 3]])
};

const EXAMPLE =
	'#at=5.2/51.7/36.2&layers=combat,construction&t=2025-11-15&mode=reported&certain=1&claimants=nis,ua-intelligence&conf=3&sel=kursk-construction&brief=two-theatres&step=2';

describe('reading a link', () => {
	test('reads every setting of the documented example', () => {
		expect(parseViewHash(EXAMPLE, KNOWN)).toEqual({
			state: {
				camera: { zoom: 5.2, center: [36.2, 51.7] },
				categories: ['combat', 'construction'],
				time: { mode: 'reported-by', day: day('2025-11-15'), certainOnly: true },
				claimants: ['nis', 'ua-intelligence'],
				minCredibility: 3,
				selected: 'kursk-construction',
				briefing: { id: 'two-theatres', stepIndex: 1 }
			},
			notices: []
		});
	});

	test('an empty hash sets nothing and says nothing', () => {
		expect(parseViewHash('')).toEqual({ state: {}, notices: [] });
		expect(parseViewHash('#')).toEqual({ state: {}, notices: [] });
		expect(parseViewHash('#&&')).toEqual({ state: {}, notices: [] });
	});

	test('accepts a leading "#" or none, percent-encoding, a month for t, and explicit defaults', () => {
		const { state, notices } = parseViewHash(
			'layers=combat%2Cevent&t=2025-11&mode=present&claimants=&conf=6&t=all'
		);
		expect(state).toEqual({
			categories: ['combat', 'event'],
			time: null,
			claimants: [],
			minCredibility: 6
		});
		expect(notices).toEqual(['The link gives "t" more than once; the last one was used.']);
		expect(parseViewHash('t=2025-11').state.time).toEqual({
			mode: 'present-on',
			day: day('2025-11-01'),
			certainOnly: false
		});
		expect(parseViewHash('layers=none').state.categories).toEqual([]);
	});

	test('drops what it cannot use, each with a short notice', () => {
		const cases: Array<[string, string]> = [
			['foo=1', 'Ignored the unknown setting "foo" in the link.'],
			['layers=combat,tanks', 'Ignored the unknown layer "tanks" in the link.'],
			['t=2025-02-30', 'Ignored the date "2025-02-30" in the link.'],
			['t=9999-01-01', 'Ignored the date "9999-01-01" in the link.'],
			['t=2025-11-15&mode=sideways', 'Ignored the time mode "sideways" in the link.'],
			['mode=reported', 'Ignored the time mode in the link: it gives no date (t).'],
			['conf=7', 'Ignored the minimum confidence "7" in the link: use 1 to 6.'],
			['claimants=nis,cia', 'Ignored the unknown claimant "cia" in the link.'],
			['claimants=NIS', 'Ignored the claimant "NIS" in the link.'],
			['sel=atlantis', 'Ignored the selection "atlantis" in the link: no such feature.'],
			['sel=<script>', 'Ignored the selection "<script>" in the link.'],
			['panel=sources', 'Ignored the panel "sources" in the link.'],
			['brief=other', 'Ignored the briefing "other" in the link: no such briefing.'],
			['brief=two-theatres&step=9', 'Ignored step 9 in the link: the briefing has 3 steps.'],
			['brief=two-theatres&step=0', 'Ignored the briefing step "0" in the link.'],
			['step=2', 'Ignored the briefing step in the link: it names no briefing.'],
			['at=6/95/30', 'Ignored the map position "6/95/30" in the link.'],
			['sel', 'Ignored the setting "sel" in the link: it has no value.'],
			['t=%E0%A4%A', 'Ignored the setting "t" in the link: its value is not properly encoded.'],
			['%zz=1', 'Ignored "%zz=1" in the link: it is not properly encoded.']
		];
		for (const [hash, notice] of cases) {
			expect(parseViewHash(hash, KNOWN).notices, hash).toEqual([notice]);
		}
	});

	test('keeps the valid settings beside the invalid ones', () => {
		const { state } = parseViewHash('sel=atlantis&conf=2&layers=combat,tanks', KNOWN);
		expect(state).toEqual({ minCredibility: 2, categories: ['combat'] });
	});

	test('without known ids, any well-formed id is taken', () => {
		expect(parseViewHash('sel=atlantis&claimants=cia&brief=other&step=40').state).toEqual({
			selected: 'atlantis',
			claimants: ['cia'],
			briefing: { id: 'other', stepIndex: 39 }
		});
	});

	test('a list naming only unknown values leaves that setting alone', () => {
		expect(parseViewHash('layers=tanks&claimants=cia', KNOWN).state).toEqual({});
	});

	test('prototype keys are unknown settings and touch no object', () => {
		const { state, notices } = parseViewHash(
			'__proto__=x&constructor=y&toString=z&hasOwnProperty=1'
		);
		expect(state).toEqual({});
		expect(Object.getPrototypeOf(state)).toBe(Object.prototype);
		expect(notices).toHaveLength(4);
		expect(({} as Record<string, unknown>).x).toBeUndefined();
	});

	test('a flood of problems is summarised, and a huge hash is cut', () => {
		const many = Array.from({ length: 20 }, (_, i) => `bad${i}=1`).join('&');
		const notices = parseViewHash(many).notices;
		expect(notices).toHaveLength(6);
		expect(notices.at(-1)).toBe('…and 15 more problems in the link.');
		const huge = parseViewHash(`conf=2&${'x'.repeat(100_000)}`);
		expect(huge.state).toEqual({ minCredibility: 2 });
		expect(huge.notices[0]).toBe('The link is too long; only its first 4096 characters were read.');
	});

	test('notices quote at most 40 characters, on one line', () => {
		const [notice] = parseViewHash(`${'y'.repeat(60)}%0A=1`).notices;
		expect(notice).toBe(`Ignored the unknown setting "${'y'.repeat(40)}…" in the link.`);
	});
});

describe('writing a link', () => {
	test('the default view is the empty hash', () => {
		expect(formatViewHash(DEFAULT_VIEW_STATE)).toBe('');
		expect(formatViewHash({})).toBe('');
	});

	test('writes the documented example back exactly', () => {
		const { state } = parseViewHash(EXAMPLE, KNOWN);
		expect(formatViewHash(state)).toBe(EXAMPLE);
	});

	test('is canonical: key order, list order and duplicates do not change the link', () => {
		const a = formatViewHash({
			categories: ['event', 'combat', 'combat'],
			claimants: ['ua-intelligence', 'nis', 'nis'],
			selected: 'kursk-combat'
		});
		expect(a).toBe('#layers=combat,event&claimants=nis,ua-intelligence&sel=kursk-combat');
		expect(formatViewHash({ categories: [] })).toBe('#layers=none');
		expect(formatViewHash({ briefing: { id: 'two-theatres', stepIndex: 0 } })).toBe(
			'#brief=two-theatres'
		);
	});
});

describe('history', () => {
	const base = withDefaults({
		time: { mode: 'present-on', day: day('2025-01-15'), certainOnly: false }
	});

	test('moving the camera or the date replaces; other changes push; no change does nothing', () => {
		expect(historyMode(base, { ...base })).toBe('none');
		expect(historyMode(base, { ...base, camera: { zoom: 4, center: [30, 50] } })).toBe('replace');
		const later = {
			...base,
			time: { mode: 'present-on' as const, day: day('2025-02-01'), certainOnly: false }
		};
		expect(historyMode(base, later)).toBe('replace');
		expect(historyMode(base, { ...base, selected: 'kursk-combat' })).toBe('push');
		expect(historyMode(base, { ...base, unlocated: true })).toBe('push');
		expect(historyMode(base, { ...base, categories: ['combat'] })).toBe('push');
		expect(historyMode(base, { ...base, time: null })).toBe('push');
		const reported = {
			...base,
			time: { mode: 'reported-by' as const, day: day('2025-01-15'), certainOnly: false }
		};
		expect(historyMode(base, reported)).toBe('push');
	});
});

/* ------------------------------------------------------------------------------------------ */
/* Fuzz and property tests                                                                      */
/* ------------------------------------------------------------------------------------------ */

/** Checks a parsed state field by field, independently of the parser's own code. */
function invalidParts(state: Partial<ViewState>): string[] {
	const bad: string[] = [];
	const allowed = new Set([
		'camera',
		'categories',
		'time',
		'claimants',
		'minCredibility',
		'selected',
		'briefing'
	]);
	for (const key of Object.keys(state)) if (!allowed.has(key)) bad.push(`key ${key}`);
	if (Object.getPrototypeOf(state) !== Object.prototype) bad.push('prototype');
	if (state.camera !== undefined) {
		const c = state.camera;
		const finite =
			c !== null && [c.zoom, ...c.center, c.bearing ?? 0, c.pitch ?? 0].every(Number.isFinite);
		if (!c || !finite || c.zoom < 0 || c.zoom > 24 || Math.abs(c.center[1]) > 85.06)
			bad.push('camera');
		else if (c.center[0] < -180 || c.center[0] >= 180) bad.push('camera longitude');
	}
	if (state.categories !== undefined) {
		const known = state.categories.every((c) => (CATEGORY_IDS as readonly string[]).includes(c));
		const sorted = CATEGORY_IDS.filter((c) => state.categories?.includes(c));
		if (!known || sorted.join() !== state.categories.join()) bad.push('categories');
	}
	if (state.time !== undefined && state.time !== null) {
		const t = state.time;
		if (
			!TIME_MODES.includes(t.mode) ||
			!Number.isInteger(t.day) ||
			typeof t.certainOnly !== 'boolean'
		) {
			bad.push('time');
		}
		if (t.day < day('1000-01-01') || t.day > day('3999-12-31')) bad.push('time range');
	}
	if (state.claimants !== undefined) {
		const ok = state.claimants.every((c) => ID_PATTERN.test(c));
		if (!ok || [...state.claimants].sort().join() !== state.claimants.join()) bad.push('claimants');
		if (new Set(state.claimants).size !== state.claimants.length) bad.push('claimant duplicates');
	}
	if (state.minCredibility !== undefined && ![1, 2, 3, 4, 5, 6].includes(state.minCredibility)) {
		bad.push('minCredibility');
	}
	if (
		state.selected !== undefined &&
		(state.selected === null || !ID_PATTERN.test(state.selected))
	) {
		bad.push('selected');
	}
	if (state.briefing !== undefined) {
		const b = state.briefing;
		if (!b || !ID_PATTERN.test(b.id) || !Number.isInteger(b.stepIndex) || b.stepIndex < 0) {
			bad.push('briefing');
		}
	}
	return bad;
}

const FRAGMENTS = [
	'at',
	'layers',
	't',
	'mode',
	'certain',
	'claimants',
	'conf',
	'sel',
	'brief',
	'step',
	'__proto__',
	'constructor',
	'prototype',
	'toString',
	'valueOf',
	'hasOwnProperty',
	'=',
	'&',
	'#',
	'%',
	'%25',
	'%3D',
	'%26',
	'%2C',
	'%E2%80%A8',
	'%C3%A9',
	'%E0%A4%A',
	'%FF',
	'%00',
	',',
	'/',
	'.',
	'-',
	'+',
	' ',
	'\n',
	'\u0000',
	'\u2028',
	'é',
	'한국',
	'🙂',
	'\uD800',
	'combat',
	'construction',
	'event',
	'none',
	'all',
	'present',
	'reported',
	'nis',
	'kursk-combat',
	'two-theatres',
	'2025-11-15',
	'2025-11',
	'2025-02-30',
	'0000-01-01',
	'1',
	'6',
	'7',
	'0',
	'-1',
	'1e308',
	'99999999999999999999',
	'1.5',
	'NaN',
	'Infinity',
	'5.2/51.7/36.2',
	'6/50/30/10/45',
	'-0/-0/-0',
	'24/85.06/539.9999'
];

const KEYS = ['at', 'layers', 't', 'mode', 'certain', 'claimants', 'conf', 'sel', 'brief', 'step'];
const VALUES = [
	'5.2/51.7/36.2',
	'6/50/30/10/45',
	'-0/-0/-0',
	'24/85.06/539.9999',
	'3/100/0',
	'1e3/0/0',
	'combat,construction',
	'none',
	'combat,,event',
	'event,combat,combat',
	'tanks',
	'2025-11-15',
	'2025-11',
	'2025-02-30',
	'0999-12-31',
	'4000-01-01',
	'all',
	'present',
	'reported',
	'1',
	'0',
	'yes',
	'nis,ua-intelligence',
	'nis,NIS',
	'cia',
	'3',
	'6',
	'7',
	'-1',
	'1.5',
	'kursk-combat',
	'atlantis',
	'two-theatres',
	'2',
	'9',
	'0001',
	'',
	'1e308',
	'99999999999999999999',
	'NaN',
	'Infinity'
];

/** Values that fit each key, so the fuzz reaches the paths that accept, not only those that refuse. */
const FITTING = new Map<string, string[]>(
	Object.entries({
		at: ['5.2/51.7/36.2', '6/50/30/10/45', '0/0/-180', '24/-85/179.9999'],
		layers: ['combat,construction', 'none', 'event', 'labour,dispatch,combat'],
		t: ['2025-11-15', '2025-11', '1000-01-01', '3999-12-31', 'all'],
		mode: ['present', 'reported'],
		certain: ['1', '0'],
		claimants: ['nis', 'nis,ua-intelligence', 'kp-state-media'],
		conf: ['1', '3', '6'],
		sel: ['kursk-combat', 'far-east-labour'],
		brief: ['two-theatres'],
		step: ['1', '2', '3']
	})
);

/** Random junk: fragments and random UTF-16 code units run together. */
function junk(random: () => number): string {
	if (random() < 0.3) {
		const codes = Array.from({ length: Math.floor(random() * 8) }, () =>
			Math.floor(random() * 0xffff)
		);
		return String.fromCharCode(...codes);
	}
	return Array.from({ length: 1 + Math.floor(random() * 3) }, () => pick(random, FRAGMENTS)).join(
		''
	);
}

/** Mostly key=value pairs, some valid, some mangled, glued with '&' and other soup. */
function randomHash(random: () => number): string {
	const parts: string[] = [];
	const n = Math.floor(random() * 9);
	for (let i = 0; i < n; i += 1) {
		const r = random();
		if (r < 0.2) {
			parts.push(junk(random));
			continue;
		}
		const key = random() < 0.85 ? pick(random, KEYS) : junk(random);
		// Percent-encode only the pool's values: encoding a lone surrogate would throw here.
		const fromPool = pick(random, random() < 0.6 ? (FITTING.get(key) ?? VALUES) : VALUES);
		let value = random() < 0.75 ? fromPool : junk(random);
		if (value === fromPool && random() < 0.15) value = encodeURIComponent(value);
		if (random() < 0.1) value += junk(random);
		parts.push(`${key}${random() < 0.9 ? '=' : pick(random, ['', '==', '%3D'])}${value}`);
	}
	const glue = () => (random() < 0.85 ? '&' : pick(random, ['&&', '', '&=&', '#', '=']));
	return (
		(random() < 0.5 ? '#' : '') + parts.reduce((acc, p, i) => (i === 0 ? p : acc + glue() + p), '')
	);
}

describe('fuzz', () => {
	test('5,000 random strings: never throws, never returns an invalid value', () => {
		const random = prng(20251115);
		const read = new Map<string, number>();
		for (let i = 0; i < 5000; i += 1) {
			const hash = randomHash(random);
			const known = random() < 0.5 ? KNOWN : {};
			const { state, notices } = parseViewHash(hash, known);
			for (const key of Object.keys(state)) read.set(key, (read.get(key) ?? 0) + 1);
			expect(invalidParts(state), hash).toEqual([]);
			expect(notices.length, hash).toBeLessThanOrEqual(6);
			expect(
				notices.every((n) => typeof n === 'string' && !/[\n\r\u2028]/.test(n)),
				hash
			).toBe(true);
			// Whatever was read survives its own link.
			const again = parseViewHash(formatViewHash(state), known);
			expect(again.notices, hash).toEqual([]);
			expect(withDefaults(again.state), hash).toEqual(withDefaults(state));
		}
		// The strings reach every setting, not only the error paths.
		for (const key of [
			'camera',
			'categories',
			'time',
			'claimants',
			'minCredibility',
			'selected',
			'briefing'
		]) {
			expect(read.get(key) ?? 0, key).toBeGreaterThan(200);
		}
	});

	test('3,000 strings of pure junk: same guarantees', () => {
		const random = prng(7);
		for (let i = 0; i < 3000; i += 1) {
			const hash = Array.from({ length: Math.floor(random() * 6) }, () => junk(random)).join('');
			const { state, notices } = parseViewHash(hash, KNOWN);
			expect(invalidParts(state), hash).toEqual([]);
			expect(notices.length, hash).toBeLessThanOrEqual(6);
		}
	});
});

function randomState(random: () => number): ViewState {
	const camera =
		random() < 0.3
			? null
			: parseCamera(
					[
						(random() * 22).toFixed(2),
						(random() * 170 - 85).toFixed(4),
						(random() * 360 - 180).toFixed(4),
						...(random() < 0.3
							? [(random() * 360 - 180).toFixed(1), (random() * 85).toFixed(1)]
							: [])
					].join('/')
				);
	const time =
		random() < 0.3
			? null
			: {
					mode: pick(random, TIME_MODES),
					day: day('1990-01-01') + Math.floor(random() * 20_000),
					certainOnly: random() < 0.3
				};
	const claimants = ['nis', 'ua-intelligence', 'kp-state-media']
		.filter(() => random() < 0.3)
		.sort();
	const categories: CategoryId[] =
		random() < 0.4 ? [...CATEGORY_IDS] : CATEGORY_IDS.filter(() => random() < 0.5);
	return {
		camera,
		categories,
		time,
		claimants,
		minCredibility: pick(random, [1, 2, 3, 4, 5, 6] as const),
		selected:
			random() < 0.5
				? null
				: pick(random, ['kursk-construction', 'kursk-combat', 'far-east-labour']),
		unlocated: random() < 0.3,
		briefing: random() < 0.5 ? null : { id: 'two-theatres', stepIndex: Math.floor(random() * 3) }
	};
}

test('round trip: 2,000 random valid views come back exactly from their links', () => {
	const random = prng(42);
	for (let i = 0; i < 2000; i += 1) {
		const view = randomState(random);
		const hash = formatViewHash(view);
		const { state, notices } = parseViewHash(hash, KNOWN);
		expect(notices, hash).toEqual([]);
		expect(withDefaults(state), hash).toEqual(view);
		// Partial views without default values come back as they went in.
		const partial = Object.fromEntries(
			Object.entries(view).filter(([key]) => key in state)
		) as Partial<ViewState>;
		expect(parseViewHash(formatViewHash(partial), KNOWN).state, hash).toEqual(partial);
	}
});
