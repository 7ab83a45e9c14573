/**
 * The timeline's axis: its domain, report ticks and histogram, step units and the slider's keys.
 */
import { UNBOUNDED_FUTURE, dayNumber, formatDatePrec } from '../../data/dates.ts';
import type { Dataset, DatePrec, DatePrecision } from '../../data/schema.ts';
import { datedIndex, daysOf, isUnbounded } from '../dated-evidence.ts';

export interface TimeDomain {
	first: number;
	last: number;
}

/**
 * From the first deployment to the latest report: the earliest day a presence may have started
 * (its latest possible start, if the earliest is unbounded) to the last day by which every dated
 * document had certainly been published (or a later presence or corroboration bound). Sentinel
 * bounds are skipped. A dataset with no dated feature falls back to its documents' dates, and
 * one with no dates at all to 1970-01-01.
 */
export function timeDomain(dataset: Dataset): TimeDomain {
	const index = datedIndex(dataset);
	const finite = (days: number[]) => days.filter((d) => !isUnbounded(d));
	const starts = finite(
		[...index.features.values()].map((f) =>
			isUnbounded(f.bounds.startMin) ? f.bounds.startMax : f.bounds.startMin
		)
	);
	const docs = [...index.documents.values()];
	const ends = finite([
		...docs.map((d) => d.last),
		...[...index.features.values()].flatMap((f) => [
			f.bounds.startMax,
			f.bounds.endMax,
			f.bounds.corroboratedMax
		])
	]);
	const fallback = finite(docs.flatMap((d) => [d.first, d.last]));
	const first = Math.min(...(starts.length ? starts : fallback.length ? fallback : [0]));
	const last = Math.max(first, ...ends);
	return { first, last };
}

export interface ReportTick {
	kind: 'document' | 'claim';
	id: string;
	/** First and last day the date may fall on; null where it has no bound on that side. */
	first: number | null;
	last: number | null;
	precision: DatePrecision;
	/** The date as a reader sees it: "Nov 2025 (not before 4 Nov 2025)". */
	text: string;
}

/**
 * One tick per document publication and per claim as-of date, with its full range so that a
 * date known to the month draws as a month-wide span, not a point. Sorted by first day, with
 * undated ticks last.
 */
export function reportTicks(dataset: Dataset): ReportTick[] {
	const tick = (kind: ReportTick['kind'], id: string, date: DatePrec): ReportTick => {
		const [first, last] = daysOf(date);
		return {
			kind,
			id,
			first: isUnbounded(first) ? null : first,
			last: isUnbounded(last) ? null : last,
			precision: date.precision,
			text: formatDatePrec(date)
		};
	};
	const ticks = [
		...dataset.documents.map((d) => tick('document', d.id, d.published)),
		...dataset.claims.map((c) => tick('claim', c.id, c.as_of))
	];
	const key = (t: ReportTick) => t.first ?? t.last ?? UNBOUNDED_FUTURE;
	return ticks.sort((a, b) => key(a) - key(b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export interface HistogramBin {
	first: number;
	last: number;
	/** Ticks whose whole range lies in this bin. */
	exact: number;
	/** Every bounded tick spread evenly over its days: a tick known to the year adds 1/12 a month. */
	spread: number;
}

export interface Histogram {
	bins: HistogramBin[];
	/** Ticks open on one side or both (no honest place on the axis), listed apart by the UI. */
	unplaced: number;
}

/** Bins of one step unit over the domain, counting the given ticks. */
export function reportHistogram(
	ticks: readonly ReportTick[],
	domain: TimeDomain,
	unit: StepUnit = 'month'
): Histogram {
	const bins: HistogramBin[] = [];
	for (let start = startOfUnit(domain.first, unit); start <= domain.last;) {
		const next = addUnits(start, unit, 1);
		bins.push({ first: start, last: next - 1, exact: 0, spread: 0 });
		start = next;
	}
	let unplaced = 0;
	for (const t of ticks) {
		if (t.first === null || t.last === null) {
			unplaced += 1;
			continue;
		}
		const days = t.last - t.first + 1;
		for (const bin of bins) {
			const overlap = Math.min(bin.last, t.last) - Math.max(bin.first, t.first) + 1;
			if (overlap <= 0) continue;
			bin.spread += overlap / days;
			if (bin.first <= t.first && t.last <= bin.last) bin.exact += 1;
		}
	}
	return { bins, unplaced };
}

export const STEP_UNITS = ['day', 'week', 'month', 'year'] as const;
export type StepUnit = (typeof STEP_UNITS)[number];

const MS_PER_DAY = 86_400_000;

function utcParts(day: number): { year: number; month: number } {
	const date = new Date(day * MS_PER_DAY);
	return { year: date.getUTCFullYear(), month: date.getUTCMonth() };
}

function fromUtc(year: number, month: number): number {
	return Math.round(Date.UTC(year, month, 1) / MS_PER_DAY);
}

/** The first day of the unit containing `day`; weeks start on Monday (ISO 8601). */
export function startOfUnit(day: number, unit: StepUnit): number {
	const d = Math.floor(day);
	switch (unit) {
		case 'day':
			return d;
		case 'week':
			// Day 0, 1970-01-01, was a Thursday; Monday is 3 days before it.
			return d - ((((d + 3) % 7) + 7) % 7);
		case 'month': {
			const { year, month } = utcParts(d);
			return fromUtc(year, month);
		}
		case 'year':
			return fromUtc(utcParts(d).year, 0);
	}
}

/** `n` units after the start of the unit containing `day` (before, for negative n). */
export function addUnits(day: number, unit: StepUnit, n: number): number {
	const start = startOfUnit(day, unit);
	switch (unit) {
		case 'day':
			return start + n;
		case 'week':
			return start + 7 * n;
		case 'month': {
			const { year, month } = utcParts(start);
			return fromUtc(year, month + n);
		}
		case 'year':
			return fromUtc(utcParts(start).year + n, 0);
	}
}

export function clampDay(day: number, domain: TimeDomain): number {
	if (Number.isNaN(day)) return domain.first;
	return Math.min(domain.last, Math.max(domain.first, Math.round(day)));
}

/** The next unit start after `day` (1 Dec -> 1 Jan; 15 Dec -> 1 Jan), kept in the domain. */
export function stepForward(day: number, unit: StepUnit, domain: TimeDomain): number {
	return clampDay(addUnits(day, unit, 1), domain);
}

/** The unit start before `day` (15 Dec -> 1 Dec; 1 Dec -> 1 Nov), kept in the domain. */
export function stepBack(day: number, unit: StepUnit, domain: TimeDomain): number {
	const start = startOfUnit(day, unit);
	return clampDay(start < day ? start : addUnits(start, unit, -1), domain);
}

/** The next day to show while playing, or null at the end of the domain (stop, or rewind). */
export function playNext(day: number, unit: StepUnit, domain: TimeDomain): number | null {
	return day >= domain.last ? null : stepForward(day, unit, domain);
}

const LARGER: Record<StepUnit, StepUnit> = {
	day: 'month',
	week: 'month',
	month: 'year',
	year: 'year'
};

/**
 * The slider's keyboard, following the WAI-ARIA slider pattern: arrows move one step (right and
 * up forward), Page Up / Page Down a larger step, Home / End to the domain's ends. Returns null
 * for keys the timeline does not handle, so the caller leaves those alone.
 */
export function dayForKey(
	key: string,
	day: number,
	unit: StepUnit,
	domain: TimeDomain
): number | null {
	switch (key) {
		case 'ArrowRight':
		case 'ArrowUp':
			return stepForward(day, unit, domain);
		case 'ArrowLeft':
		case 'ArrowDown':
			return stepBack(day, unit, domain);
		case 'PageUp':
			return stepForward(day, LARGER[unit], domain);
		case 'PageDown':
			return stepBack(day, LARGER[unit], domain);
		case 'Home':
			return domain.first;
		case 'End':
			return domain.last;
		default:
			return null;
	}
}

/** Day number of "YYYY-MM-DD" or "YYYY-MM" (the first of the month), or null. */
export function parseDay(text: string): number | null {
	if (/^\d{4}-\d{2}$/.test(text)) return dayNumber(`${text}-01`);
	return dayNumber(text);
}
