/**
 * Dates with precision, as day numbers (days since 1970-01-01, UTC) for time filtering.
 *
 * A date known to the month covers every day of that month; a date known to the year covers the
 * year. `earliest` / `latest` narrow that range. An unknown date with no bounds covers all time,
 * written with finite sentinels so the numbers survive JSON and MapLibre filter expressions.
 */
import type { DatePrec, DatePrecision, Presence } from './schema.ts';

/** Sentinel for "no lower bound" (about 2,700 years before 1970): finite so it survives JSON. */
export const UNBOUNDED_PAST = -1_000_000;
/** Sentinel for "no upper bound" or "still ongoing". */
export const UNBOUNDED_FUTURE = 1_000_000;

const MS_PER_DAY = 86_400_000;

const PATTERNS: Record<Exclude<DatePrecision, 'unknown'>, RegExp> = {
	day: /^(\d{4})-(\d{2})-(\d{2})$/,
	month: /^(\d{4})-(\d{2})$/,
	year: /^(\d{4})$/
};

function utcDay(year: number, monthIndex: number, day: number): number {
	return Math.round(Date.UTC(year, monthIndex, day) / MS_PER_DAY);
}

/** Day number of a calendar date "YYYY-MM-DD", or null if it is not a real date. */
export function dayNumber(iso: string): number | null {
	const m = PATTERNS.day.exec(iso);
	if (!m) return null;
	const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
	if (month < 1 || month > 12 || day < 1) return null;
	const n = utcDay(year, month - 1, day);
	// Date.UTC rolls 2025-02-30 over into March; a real date survives the round trip.
	return isoFromDay(n) === iso ? n : null;
}

/** "YYYY-MM-DD" for a day number. */
export function isoFromDay(day: number): string {
	return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/**
 * First and last day a value covers at the given precision ("2025-11" covers 1-30 November), or
 * null when the value does not match the precision or is not a real date.
 */
export function valueRange(value: string, precision: DatePrecision): [number, number] | null {
	if (precision === 'unknown') return null;
	const m = PATTERNS[precision].exec(value);
	if (!m) return null;
	const year = Number(m[1]);
	if (precision === 'year') return [utcDay(year, 0, 1), utcDay(year + 1, 0, 1) - 1];
	const month = Number(m[2]);
	if (month < 1 || month > 12) return null;
	if (precision === 'month') return [utcDay(year, month - 1, 1), utcDay(year, month, 1) - 1];
	const day = dayNumber(value);
	return day === null ? null : [day, day];
}

/**
 * The days a dated thing may fall on: the value's range narrowed by `earliest` / `latest`.
 * Unknown dates without bounds span [UNBOUNDED_PAST, UNBOUNDED_FUTURE]. Returns null when any
 * part is malformed, or when the bounds exclude the value entirely (the rules report both).
 */
export function dateRange(dp: DatePrec): [number, number] | null {
	let first = UNBOUNDED_PAST;
	let last = UNBOUNDED_FUTURE;
	if (dp.precision !== 'unknown') {
		if (dp.value === null) return null;
		const r = valueRange(dp.value, dp.precision);
		if (!r) return null;
		[first, last] = r;
	} else if (dp.value !== null) {
		return null;
	}
	if (dp.earliest !== undefined) {
		const e = dayNumber(dp.earliest);
		if (e === null) return null;
		first = Math.max(first, e);
	}
	if (dp.latest !== undefined) {
		const l = dayNumber(dp.latest);
		if (l === null) return null;
		last = Math.min(last, l);
	}
	return first <= last ? [first, last] : null;
}

/**
 * The widest interval a presence may cover, in day numbers: from the earliest possible start to
 * the latest possible end (UNBOUNDED_FUTURE when open). Null when a date is malformed.
 */
export function presenceRange(presence: Presence): [number, number] | null {
	const start = dateRange(presence.start);
	if (!start) return null;
	if (presence.end === null) return [start[0], UNBOUNDED_FUTURE];
	const end = dateRange(presence.end);
	return end ? [start[0], end[1]] : null;
}

/** Whether a presence may include the given day ("present on date D", read generously). */
export function mayBePresentOn(presence: Presence, day: number): boolean {
	const r = presenceRange(presence);
	return r !== null && r[0] <= day && day <= r[1];
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function formatDay(iso: string): string {
	const [y, m, d] = iso.split('-');
	return `${Number(d)} ${MONTHS[Number(m) - 1]} ${y}`;
}

/**
 * A date as a reader should see it, never more precise than it is: "4 Nov 2025", "Sep 2025",
 * "c. 2025 (not before 4 Nov 2025)", "unknown (not before 1 Aug 2024, not after 30 Apr 2025)".
 * Inferred dates are prefixed with "c.". Expects a date that passed the `date-format` rule.
 */
export function formatDatePrec(dp: DatePrec): string {
	const bounds: string[] = [];
	if (dp.earliest !== undefined) bounds.push(`not before ${formatDay(dp.earliest)}`);
	if (dp.latest !== undefined) bounds.push(`not after ${formatDay(dp.latest)}`);
	const suffix = bounds.length ? ` (${bounds.join(', ')})` : '';
	if (dp.precision === 'unknown' || dp.value === null) return `unknown${suffix}`;
	const [y, m] = dp.value.split('-');
	const text =
		dp.precision === 'day'
			? formatDay(dp.value)
			: dp.precision === 'month'
				? `${MONTHS[Number(m) - 1]} ${y}`
				: String(y);
	return `${dp.resolution === 'inferred' ? 'c. ' : ''}${text}${suffix}`;
}
