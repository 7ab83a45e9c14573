import { describe, expect, test } from 'vitest';
import { UNBOUNDED_FUTURE } from '../../../src/lib/data/dates.ts';
import {
	addUnits,
	clampDay,
	dayForKey,
	featureTimeState,
	formatDay,
	knownOn,
	parseDay,
	playNext,
	presenceOn,
	rafThrottle,
	reportHistogram,
	reportTicks,
	selectionFromBriefing,
	STALE_AFTER_DAYS,
	staleness,
	startOfUnit,
	stepBack,
	stepForward,
	timeDomain
} from '../../../src/lib/state/time.ts';
import { claim, dataset, date, day, doc, feature } from './helpers.ts';

/** One feature with the given presence, one claim, one document published on 1 Dec 2025. */
function single(presence: Parameters<typeof feature>[1]) {
	return dataset({
		documents: [doc('doc-a', date('2025-12-01'))],
		claims: [claim('c1')],
		features: [feature('f', { claims: ['c1'], ...presence })]
	});
}

describe('present on a day, with imprecise dates', () => {
	test('a start known to the month is possible during that month and certain from its last day', () => {
		const ds = single({ start: date('2025-09'), seen: date('2025-11-04') });
		expect(presenceOn(ds, 'f', day('2025-08-31')).status).toBe('absent');
		expect(presenceOn(ds, 'f', day('2025-09-01')).status).toBe('possible');
		const mid = presenceOn(ds, 'f', day('2025-09-15'));
		expect(mid.status).toBe('possible');
		expect(mid.reasons.join(' ')).toContain('Start known only to the month: Sep 2025.');
		expect(presenceOn(ds, 'f', day('2025-09-30')).status).toBe('certain');
	});

	test('a start known to the year is possible all year', () => {
		const ds = single({ start: date('2024'), seen: date('2025-11-04') });
		expect(presenceOn(ds, 'f', day('2023-12-31')).status).toBe('absent');
		expect(presenceOn(ds, 'f', day('2024-01-01')).status).toBe('possible');
		expect(presenceOn(ds, 'f', day('2024-06-30')).reasons.join(' ')).toContain(
			'Start known only to the year: 2024.'
		);
		expect(presenceOn(ds, 'f', day('2024-12-31')).status).toBe('certain');
	});

	test('an end known to the month is certain on its first day, possible through it, then absent', () => {
		const ds = single({ start: date('2024-10'), end: date('2025-04'), seen: date('2025-04') });
		expect(presenceOn(ds, 'f', day('2025-03-31')).status).toBe('certain');
		expect(presenceOn(ds, 'f', day('2025-04-01')).status).toBe('certain');
		const mid = presenceOn(ds, 'f', day('2025-04-15'));
		expect(mid.status).toBe('possible');
		expect(mid.reasons.join(' ')).toContain('End known only to the month: Apr 2025.');
		const after = presenceOn(ds, 'f', day('2025-05-01'));
		expect(after.status).toBe('absent');
		expect(after.reasons).toEqual(['No longer present on 1 May 2025: it ended Apr 2025.']);
	});

	test('an undated start with bounds is possible between them, and says so', () => {
		const start = date(null, { earliest: '2024-08-01', latest: '2025-04-30' });
		const ds = single({ start, end: date('2025-04'), seen: date('2025-04') });
		expect(presenceOn(ds, 'f', day('2024-07-31')).status).toBe('absent');
		const jan = presenceOn(ds, 'f', day('2025-01-15'));
		expect(jan.status).toBe('possible');
		expect(jan.reasons.join(' ')).toContain(
			'Start not dated: not before 1 Aug 2024, 30 Apr 2025 at the latest.'
		);
	});

	test('an undated start is certain by its last corroboration, which bounds it', () => {
		const start = date(null, { earliest: '2022-01-01' });
		const ds = single({ start, seen: date('2025-11', { earliest: '2025-11-04' }) });
		const before = presenceOn(ds, 'f', day('2025-07-15'));
		expect(before.status).toBe('possible');
		expect(before.reasons.join(' ')).toContain(
			'30 Nov 2025 at the latest (it was corroborated there by then)'
		);
		expect(presenceOn(ds, 'f', day('2025-11-30')).status).toBe('certain');
	});

	test('a wholly undated event is possible on any day, never certain', () => {
		const ds = single({ start: date(null), end: date(null), seen: date(null) });
		for (const iso of ['1990-01-01', '2025-06-01', '2030-01-01']) {
			expect(presenceOn(ds, 'f', day(iso)).status).toBe('possible');
		}
		expect(presenceOn(ds, 'f', day('2025-06-01')).reasons.join(' ')).toContain(
			'Start not dated, and no bound is known.'
		);
	});

	test('an open interval stays present on every later day', () => {
		const ds = single({ start: date('2025-09-01'), seen: date('2025-11-04') });
		for (const iso of ['2025-11-04', '2026-06-01', '2040-01-01']) {
			expect(presenceOn(ds, 'f', day(iso)).status).toBe('certain');
		}
	});

	test('an unknown feature id is absent, not an error', () => {
		const ds = single({ start: date('2025-09'), seen: date('2025-11-04') });
		expect(presenceOn(ds, 'nope', day('2025-10-01')).status).toBe('absent');
	});
});

describe('staleness', () => {
	test('is measured from the last day the last corroboration can fall on', () => {
		const ds = single({ start: date('2025-01'), seen: date('2025-04') });
		const lastSeen = day('2025-04-30');
		expect(staleness(ds, 'f', lastSeen + STALE_AFTER_DAYS)).toEqual({ stale: false, reason: null });
		const stale = staleness(ds, 'f', lastSeen + STALE_AFTER_DAYS + 1);
		expect(stale.stale).toBe(true);
		expect(stale.reason).toBe(
			'Last corroborated Apr 2025, more than six months before 31 Oct 2025.'
		);
		expect(staleness(ds, 'f', day('2026-06-01')).reason).toBe(
			'Last corroborated Apr 2025, more than a year before 1 Jun 2026.'
		);
	});

	test('an undated corroboration is never stale', () => {
		const ds = single({ start: date(null), seen: date(null) });
		expect(staleness(ds, 'f', day('2040-01-01')).stale).toBe(false);
	});

	test('fades a shown feature in either mode, with the reason', () => {
		const ds = single({ start: date('2025-01'), seen: date('2025-04') });
		for (const mode of ['present-on', 'reported-by'] as const) {
			const state = featureTimeState(ds, 'f', { mode, day: day('2026-01-15'), certainOnly: false });
			expect(state.shown).toBe(true);
			expect(state.stale).toBe(true);
			expect(state.certainty).toBe('stale');
			expect(state.reasons.at(-1)).toContain('Last corroborated Apr 2025');
		}
	});
});

describe('as reported by a day', () => {
	function reported() {
		return dataset({
			documents: [
				doc('doc-day', date('2025-03-10')),
				doc('doc-month', date('2025-11', { earliest: '2025-11-04' })),
				doc('doc-year', date('2025', { earliest: '2025-07-01' })),
				doc('doc-undated', date(null))
			],
			claims: [
				claim('early', { documents: ['doc-day'] }),
				claim('november', { documents: ['doc-month'] }),
				claim('both', { documents: ['doc-year', 'doc-day'] }),
				claim('undated', { documents: ['doc-undated'] })
			],
			features: [
				feature('f', {
					start: date('2025-01'),
					seen: date('2025-11-04'),
					claims: ['early', 'november', 'both', 'undated']
				})
			]
		});
	}

	test('counts a claim once one of its documents had certainly been published', () => {
		const known = knownOn(reported(), 'f', day('2025-03-10'));
		expect(known.claims.map((c) => c.id)).toEqual(['early', 'both']);
		expect(known.documents.map((d) => d.id)).toEqual(['doc-day']);
	});

	test('lists possibly published claims and documents apart, and counts the rest as later', () => {
		const known = knownOn(reported(), 'f', day('2025-11-15'));
		expect(known.claims.map((c) => c.id)).toEqual(['early', 'both']);
		expect(known.possibleClaims.map((c) => c.id)).toEqual(['november', 'undated']);
		expect(known.possibleDocuments.map((d) => d.id)).toEqual([
			'doc-month',
			'doc-year',
			'doc-undated'
		]);
		expect(known.laterClaims).toBe(0);
		expect(knownOn(reported(), 'f', day('2025-11-01')).laterClaims).toBe(1);
	});

	test('a month-dated document counts from the end of its month', () => {
		expect(knownOn(reported(), 'f', day('2025-11-30')).claims.map((c) => c.id)).toContain(
			'november'
		);
	});

	test('a feature known only from possibly published documents is shown faded, with the reason', () => {
		const ds = dataset({
			documents: [doc('doc-month', date('2025-11', { earliest: '2025-11-04' }))],
			claims: [claim('november', { documents: ['doc-month'] })],
			features: [
				feature('f', { start: date('2025-09'), seen: date('2025-11'), claims: ['november'] })
			]
		});
		const time = { mode: 'reported-by' as const, day: day('2025-11-15'), certainOnly: false };
		const state = featureTimeState(ds, 'f', time);
		expect(state).toMatchObject({ shown: true, possible: true, certainty: 'possible' });
		expect(state.reasons[0]).toBe(
			"Possibly not yet reported on 15 Nov 2025: its sources' dates are too imprecise to tell (Outlet doc-month: Nov 2025 (not before 4 Nov 2025))."
		);
		expect(featureTimeState(ds, 'f', { ...time, certainOnly: true }).shown).toBe(false);
		expect(featureTimeState(ds, 'f', { ...time, day: day('2025-11-03') }).shown).toBe(false);
		expect(featureTimeState(ds, 'f', { ...time, day: day('2025-11-30') })).toMatchObject({
			shown: true,
			possible: false
		});
	});
});

describe('the timeline domain, ticks and histogram', () => {
	function corpus() {
		return dataset({
			documents: [
				doc('doc-a', date('2025-11', { earliest: '2025-11-04' })),
				doc('doc-b', date('2025', { earliest: '2025-07-01' })),
				doc('doc-c', date(null))
			],
			claims: [claim('c1', { documents: ['doc-a'], asOf: date('2025-04') })],
			features: [
				feature('early', {
					start: date(null, { earliest: '2024-08-01' }),
					seen: date('2025-04'),
					claims: ['c1']
				}),
				feature('undated', { start: date(null), seen: date(null), claims: ['c1'] })
			]
		});
	}

	test('runs from the earliest possible start to the last day a dated report was certainly out', () => {
		const domain = timeDomain(corpus());
		expect(formatDay(domain.first)).toBe('1 Aug 2024');
		expect(formatDay(domain.last)).toBe('31 Dec 2025');
	});

	test('ticks keep each date as a span, with undated ones open and last', () => {
		const ticks = reportTicks(corpus());
		expect(ticks.map((t) => [t.kind, t.id, t.first, t.last])).toEqual([
			['claim', 'c1', day('2025-04-01'), day('2025-04-30')],
			['document', 'doc-b', day('2025-07-01'), day('2025-12-31')],
			['document', 'doc-a', day('2025-11-04'), day('2025-11-30')],
			['document', 'doc-c', null, null]
		]);
		expect(ticks[2]?.text).toBe('Nov 2025 (not before 4 Nov 2025)');
	});

	test('the histogram spreads an imprecise tick over its days and counts exact ones per bin', () => {
		const ticks = reportTicks(corpus());
		const h = reportHistogram(ticks, { first: day('2025-01-01'), last: day('2025-12-31') });
		expect(h.bins).toHaveLength(12);
		expect(h.unplaced).toBe(1);
		const april = h.bins[3];
		const november = h.bins[10];
		expect(april).toMatchObject({ first: day('2025-04-01'), last: day('2025-04-30'), exact: 1 });
		expect(april?.spread).toBeCloseTo(1);
		// doc-a falls wholly in November; doc-b's 184 days give November 30/184 of a report.
		expect(november?.exact).toBe(1);
		expect(november?.spread).toBeCloseTo(1 + 30 / 184);
		const total = h.bins.reduce((sum, b) => sum + b.spread, 0);
		expect(total).toBeCloseTo(3);
	});
});

describe('steps and keys', () => {
	const domain = { first: day('2022-01-01'), last: day('2025-12-31') };

	test('unit starts: months, years, and ISO weeks from Monday', () => {
		expect(startOfUnit(day('2025-11-15'), 'month')).toBe(day('2025-11-01'));
		expect(startOfUnit(day('2025-11-15'), 'year')).toBe(day('2025-01-01'));
		expect(startOfUnit(day('2025-11-15'), 'week')).toBe(day('2025-11-10'));
		expect(startOfUnit(day('2025-11-10'), 'week')).toBe(day('2025-11-10'));
		expect(startOfUnit(day('1970-01-01'), 'week')).toBe(day('1969-12-29'));
		expect(addUnits(day('2025-01-31'), 'month', 1)).toBe(day('2025-02-01'));
		expect(addUnits(day('2025-03-15'), 'month', -14)).toBe(day('2024-01-01'));
	});

	test('step forward snaps to the next unit start; step back to the current or previous one', () => {
		expect(stepForward(day('2025-11-15'), 'month', domain)).toBe(day('2025-12-01'));
		expect(stepForward(day('2025-11-01'), 'month', domain)).toBe(day('2025-12-01'));
		expect(stepBack(day('2025-11-15'), 'month', domain)).toBe(day('2025-11-01'));
		expect(stepBack(day('2025-11-01'), 'month', domain)).toBe(day('2025-10-01'));
		expect(stepForward(day('2025-11-15'), 'day', domain)).toBe(day('2025-11-16'));
		expect(stepBack(day('2025-11-15'), 'week', domain)).toBe(day('2025-11-10'));
	});

	test('steps stay inside the domain', () => {
		expect(stepForward(day('2025-12-01'), 'month', domain)).toBe(domain.last);
		expect(stepBack(domain.first, 'month', domain)).toBe(domain.first);
		expect(clampDay(day('2030-01-01'), domain)).toBe(domain.last);
		expect(clampDay(Number.NaN, domain)).toBe(domain.first);
	});

	test('keys follow the ARIA slider pattern; others are left alone', () => {
		const at = day('2025-11-15');
		expect(dayForKey('ArrowRight', at, 'month', domain)).toBe(day('2025-12-01'));
		expect(dayForKey('ArrowUp', at, 'month', domain)).toBe(day('2025-12-01'));
		expect(dayForKey('ArrowLeft', at, 'month', domain)).toBe(day('2025-11-01'));
		expect(dayForKey('ArrowDown', at, 'month', domain)).toBe(day('2025-11-01'));
		expect(dayForKey('PageDown', at, 'month', domain)).toBe(day('2025-01-01'));
		expect(dayForKey('PageUp', day('2024-03-03'), 'month', domain)).toBe(day('2025-01-01'));
		expect(dayForKey('Home', at, 'month', domain)).toBe(domain.first);
		expect(dayForKey('End', at, 'month', domain)).toBe(domain.last);
		expect(dayForKey('a', at, 'month', domain)).toBeNull();
	});

	test('play advances one step and stops at the end', () => {
		expect(playNext(day('2025-11-01'), 'month', domain)).toBe(day('2025-12-01'));
		expect(playNext(day('2025-12-01'), 'month', domain)).toBe(domain.last);
		expect(playNext(domain.last, 'month', domain)).toBeNull();
	});

	test('a briefing step time becomes a selection', () => {
		expect(selectionFromBriefing({ mode: 'reported-by', date: '2025-11-30' })).toEqual({
			mode: 'reported-by',
			day: day('2025-11-30'),
			certainOnly: false
		});
		expect(selectionFromBriefing(null)).toBeNull();
		expect(selectionFromBriefing({ mode: 'present-on', date: '2025-11' })).toBeNull();
	});

	test('parseDay reads a day or a month', () => {
		expect(parseDay('2025-11')).toBe(day('2025-11-01'));
		expect(parseDay('2025-11-15')).toBe(day('2025-11-15'));
		expect(parseDay('2025-13')).toBeNull();
		expect(parseDay('Nov 2025')).toBeNull();
	});
});

describe('rafThrottle', () => {
	function frames() {
		const queue = new Map<number, () => void>();
		let next = 1;
		return {
			request: (cb: () => void) => {
				queue.set(next, cb);
				return next++;
			},
			cancel: (handle: number) => {
				queue.delete(handle);
			},
			run: () => {
				const due = [...queue.values()];
				queue.clear();
				for (const cb of due) cb();
			},
			get size() {
				return queue.size;
			}
		};
	}

	test('runs once per frame with the latest arguments', () => {
		const f = frames();
		const calls: number[] = [];
		const apply = rafThrottle((d: number) => calls.push(d), f.request, f.cancel);
		apply(1);
		apply(2);
		apply(3);
		expect(calls).toEqual([]);
		expect(f.size).toBe(1);
		f.run();
		expect(calls).toEqual([3]);
		f.run();
		expect(calls).toEqual([3]);
		apply(4);
		f.run();
		expect(calls).toEqual([3, 4]);
	});

	test('cancel drops a pending call; flush runs it at once', () => {
		const f = frames();
		const calls: number[] = [];
		const apply = rafThrottle((d: number) => calls.push(d), f.request, f.cancel);
		apply(1);
		apply.cancel();
		f.run();
		expect(calls).toEqual([]);
		apply(2);
		apply.flush();
		expect(calls).toEqual([2]);
		expect(f.size).toBe(0);
		apply.flush();
		expect(calls).toEqual([2]);
	});
});

test('sentinel days stay out of the comparisons', () => {
	const ds = single({ start: date('2025-09'), seen: date('2025-11-04') });
	expect(presenceOn(ds, 'f', UNBOUNDED_FUTURE + 10).status).toBe('certain');
	expect(presenceOn(ds, 'f', -UNBOUNDED_FUTURE * 3).status).toBe('absent');
});
