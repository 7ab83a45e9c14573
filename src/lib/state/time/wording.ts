/** Plain sentences about dates and documents, for the reasons the panel and list give. */
import { formatDatePrec, isoFromDay } from '../../data/dates.ts';
import type { DatePrec, Document } from '../../data/schema.ts';
import { daysOf, isUnbounded } from '../dated-evidence.ts';

/** "4 Nov 2025". */
export function formatDay(day: number): string {
	return formatDatePrec({ value: isoFromDay(day), precision: 'day', resolution: 'stated' });
}

const NUMBER_WORDS = [
	'zero',
	'one',
	'two',
	'three',
	'four',
	'five',
	'six',
	'seven',
	'eight',
	'nine',
	'ten',
	'eleven',
	'twelve'
];

/** "more than six months", "more than two years": a lower bound, so it is never an overstatement. */
export function moreThan(days: number): string {
	const years = Math.floor(days / 365.2425);
	if (years >= 2) return `more than ${NUMBER_WORDS[years] ?? String(years)} years`;
	if (years === 1) return 'more than a year';
	const months = Math.floor(days / 30.436875);
	if (months >= 2) return `more than ${NUMBER_WORDS[months] ?? String(months)} months`;
	return months === 1 ? 'more than a month' : `${days} days`;
}

/** Outlet, else title, else id: how a document is named in a reason. */
export function documentName(doc: Document): string {
	if (doc.outlet) return doc.outlet;
	if (doc.title) return `"${doc.title}"`;
	return `${doc.id} (outlet not named)`;
}

/** "c. Nov 2025 (not before 4 Nov 2025)", or "date unknown" rather than a bare "unknown". */
export function publishedText(doc: Document): string {
	const p = doc.published;
	return p.precision === 'unknown' && p.earliest === undefined && p.latest === undefined
		? 'date unknown'
		: formatDatePrec(p);
}

/** "it started Sep 2025", or for an undated start "it started no earlier than 1 Aug 2024". */
export function startedText(start: DatePrec, min: number): string {
	return start.precision === 'unknown'
		? `it started no earlier than ${formatDay(min)}`
		: `it started ${formatDatePrec(start)}`;
}

export function endedText(end: DatePrec | null, max: number): string {
	if (end === null || isUnbounded(max)) return 'it ended earlier';
	return end.precision === 'unknown'
		? `it ended by ${formatDay(max)}`
		: `it ended ${formatDatePrec(end)}`;
}

/**
 * Why a start or end date leaves a day undecided: "Start known only to the month: Sep 2025."
 * `min` / `max` are the effective bounds (see presenceBounds), which may be tighter than the date
 * on its own; `why` says where a tighter bound came from.
 */
export function imprecision(
	role: 'Start' | 'End',
	date: DatePrec,
	[min, max]: [number, number],
	why: string
): string {
	const [ownMin, ownMax] = daysOf(date);
	const bounds: string[] = [];
	if (!isUnbounded(min) && (date.precision === 'unknown' || min > ownMin)) {
		bounds.push(`not before ${formatDay(min)}`);
	}
	if (!isUnbounded(max) && (date.precision === 'unknown' || max < ownMax)) {
		bounds.push(`${formatDay(max)} at the latest${max < ownMax ? ` (${why})` : ''}`);
	}
	const text = bounds.join(', ');
	if (date.precision === 'month' || date.precision === 'year') {
		const known = `${role} known only to the ${date.precision}: ${formatDatePrec(date)}`;
		return text ? `${known}; ${text}.` : `${known}.`;
	}
	// A day is exact, so only malformed bounds could leave it undecided; say what is on file.
	if (date.precision === 'day') return `${role} ${formatDatePrec(date)}${text ? `; ${text}` : ''}.`;
	return text ? `${role} not dated: ${text}.` : `${role} not dated, and no bound is known.`;
}
