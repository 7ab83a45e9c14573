/**
 * What changed between two dates: deployments that started or ended, and figures first reported
 * in between. The window is (from, to]: a change on `from` itself belongs to the earlier window.
 *
 * NEW and ENDED read the presence intervals (hindsight: what we now know happened). A start
 * changes something in the window if the first or the last day it may fall on lies in the
 * window: either the feature may have started there, or by the window's end it had certainly
 * started. `certain` says the whole date range lies in the window. A start with no bound on
 * either side never lands in a window, so a feature dated only "by Nov 2025" appears once, in the
 * window holding 30 Nov 2025, instead of in every window before it. Events (a start and end with
 * the same dates) appear once, as new ("took place").
 *
 * REVISED reads publication ("as reported"): a claim with a figure is reported in the window
 * when the first or last day it may have been published lies in the window, and it is listed
 * against what had certainly been published by `from`, for the same feature and unit: "first
 * figure" when nothing was, "new figure" when it differs from everything that was. A figure
 * equal to one already known is corroboration, not a revision, and is left out; so are events'
 * figures, which repeat the deployments' (an announcement of 5,000 builders). Claims whose
 * documents carry no date bound at all cannot be placed in any window (`unplacedClaims`).
 */
import { formatDatePrec } from '../data/dates.ts';
import { FIGURE_UNIT_WORDS } from '../data/vocabulary.ts';
import type { Claim, Dataset, DatePrec, Figure } from '../data/schema.ts';
import { datedIndex, daysOf, isUnbounded, type DatedFeature } from './dated-evidence.ts';
import { formatDay } from './time.ts';

export type ChangeKind = 'new' | 'ended' | 'revised';

export interface ChangeEntry {
	kind: ChangeKind;
	featureId: string;
	featureName: string;
	/** The days inside the window on which the change may have happened. */
	first: number;
	last: number;
	/** True when the change falls in the window whichever way its imprecise dates resolve. */
	certain: boolean;
	/** The date as a reader sees it: "Sep 2025", "4–30 Nov 2025". */
	when: string;
	/** One plain sentence, starting with the feature's name. */
	text: string;
	/** Claim ids involved: the new claim first for 'revised'; supporting claims otherwise. */
	claims: string[];
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * A day range as briefly as it is true: "4 Nov 2025", "Nov 2025" (the whole month), "2025" (the
 * whole year), "4–30 Nov 2025", "1 Sep – 31 Dec 2025", "30 Dec 2024 – 2 Jan 2025".
 */
export function formatDayRange(first: number, last: number): string {
	if (first >= last) return formatDay(first);
	const a = new Date(first * 86_400_000);
	const b = new Date(last * 86_400_000);
	const [ay, am, ad] = [a.getUTCFullYear(), a.getUTCMonth(), a.getUTCDate()];
	const [by, bm, bd] = [b.getUTCFullYear(), b.getUTCMonth(), b.getUTCDate()];
	const monthEnd = new Date(Date.UTC(by, bm + 1, 0)).getUTCDate();
	if (ay === by && ad === 1 && bd === monthEnd) {
		if (am === 0 && bm === 11) return String(ay);
		if (am === bm) return `${MONTHS[am]} ${ay}`;
	}
	if (ay === by && am === bm) return `${ad}–${bd} ${MONTHS[bm]} ${by}`;
	if (ay === by) return `${ad} ${MONTHS[am]} – ${bd} ${MONTHS[bm]} ${by}`;
	return `${formatDay(first)} – ${formatDay(last)}`;
}

const KIND_ORDER: Record<ChangeKind, number> = { new: 0, revised: 1, ended: 2 };

function inWindow(day: number, lo: number, hi: number): boolean {
	return !isUnbounded(day) && lo < day && day <= hi;
}

/** Sentences name an undated start or end by its bounds rather than as "unknown". */
function dateText(date: DatePrec, min: number, max: number): string {
	if (date.precision !== 'unknown') return formatDatePrec(date);
	const parts: string[] = [];
	if (!isUnbounded(min)) parts.push(`not before ${formatDay(min)}`);
	if (!isUnbounded(max)) parts.push(`by ${formatDay(max)} at the latest`);
	return parts.length > 0 ? `not dated; ${parts.join(', ')}` : 'not dated';
}

function sameRange(a: DatePrec, b: DatePrec | null): boolean {
	if (b === null) return false;
	const [a0, a1] = daysOf(a);
	const [b0, b1] = daysOf(b);
	return a0 === b0 && a1 === b1;
}

/** Claims that say the feature was there: deployments and events, else all of them. */
function presenceClaims(f: DatedFeature): string[] {
	const about = f.claims.filter((c) => c.claim.kind === 'deployment' || c.claim.kind === 'event');
	return (about.length > 0 ? about : f.claims).map((c) => c.claim.id);
}

function presenceChanges(f: DatedFeature, lo: number, hi: number): ChangeEntry[] {
	const entries: ChangeEntry[] = [];
	const { start, end } = f.feature.properties.presence;
	const b = f.bounds;
	const name = f.feature.properties.name;
	const base = { featureId: f.feature.id, featureName: name, claims: presenceClaims(f) };
	const instant = sameRange(start, end);
	if (inWindow(b.startMin, lo, hi) || inWindow(b.startMax, lo, hi)) {
		const first = Math.max(b.startMin, lo + 1);
		const last = Math.min(b.startMax, hi);
		const certain = b.startMin > lo && b.startMax <= hi;
		const date = dateText(start, b.startMin, b.startMax);
		const text = instant
			? certain
				? `${name}: took place ${date}.`
				: `${name}: may have taken place in this period (${date}).`
			: certain
				? `${name}: started ${date}.`
				: `${name}: may have started in this period (start ${date}).`;
		entries.push({
			kind: 'new',
			...base,
			first,
			last,
			certain,
			when: formatDayRange(first, last),
			text
		});
	}
	if (end && !instant && (inWindow(b.endMin, lo, hi) || inWindow(b.endMax, lo, hi))) {
		const first = Math.max(b.endMin, lo + 1);
		const last = Math.min(b.endMax, hi);
		const certain = b.endMin > lo && b.endMax <= hi;
		const date = dateText(end, b.endMin, b.endMax);
		const text = certain
			? `${name}: ended ${date}.`
			: `${name}: may have ended in this period (end ${date}).`;
		entries.push({
			kind: 'ended',
			...base,
			first,
			last,
			certain,
			when: formatDayRange(first, last),
			text
		});
	}
	return entries;
}

function sameFigure(a: Figure, b: Figure): boolean {
	if (a.unit !== b.unit || a.qualifier !== b.qualifier) return false;
	const nums = (f: Figure) => [
		'value' in f ? f.value : null,
		'low' in f ? f.low : null,
		'high' in f ? f.high : null
	];
	return nums(a).every((n, i) => n === nums(b)[i]);
}

function figureChanges(dataset: Dataset, f: DatedFeature, lo: number, hi: number): ChangeEntry[] {
	const { start, end } = f.feature.properties.presence;
	// An event's figures are what it announced, already listed under the deployments they concern.
	if (sameRange(start, end)) return [];
	const index = datedIndex(dataset);
	const who = (c: Claim) => index.claimants.get(c.claimant)?.name ?? c.claimant;
	const quoted = (c: Claim & { figure: Figure }) => `"${c.figure.text}" (${who(c)})`;
	const withFigure = f.claims.flatMap((c) =>
		c.claim.figure ? [{ ...c, figure: c.claim.figure }] : []
	);
	const entries: ChangeEntry[] = [];
	for (const c of withFigure) {
		if (!inWindow(c.from, lo, hi) && !inWindow(c.by, lo, hi)) continue;
		const before = withFigure.filter((p) => p.by <= lo && p.figure.unit === c.figure.unit);
		if (before.some((p) => sameFigure(p.figure, c.figure))) continue;
		const first = Math.max(c.from, lo + 1);
		const last = Math.min(c.by, hi);
		const certain = c.from > lo && c.by <= hi;
		const when = formatDayRange(first, last);
		const reported = certain
			? `reported ${when}`
			: `possibly first reported in this period (${when})`;
		const name = f.feature.properties.name;
		const unit = FIGURE_UNIT_WORDS[c.figure.unit];
		const self = { ...c.claim, figure: c.figure };
		const text =
			before.length === 0
				? `${name}: first figure for ${unit}, ${quoted(self)}, ${reported}.`
				: `${name}: new figure for ${unit}, ${quoted(self)}, ${reported}; before: ${before
						.map((p) => quoted({ ...p.claim, figure: p.figure }))
						.join('; ')}.`;
		entries.push({
			kind: 'revised',
			featureId: f.feature.id,
			featureName: name,
			first,
			last,
			certain,
			when,
			text,
			claims: [c.claim.id, ...before.map((p) => p.claim.id)]
		});
	}
	return entries;
}

/**
 * Changes between two days (in either order), sorted by when they may first have happened, then
 * new before revised before ended, then by feature name.
 */
export function whatChanged(dataset: Dataset, fromDay: number, toDay: number): ChangeEntry[] {
	const lo = Math.min(fromDay, toDay);
	const hi = Math.max(fromDay, toDay);
	if (!(lo < hi)) return [];
	const entries = [...datedIndex(dataset).features.values()].flatMap((f) => [
		...presenceChanges(f, lo, hi),
		...figureChanges(dataset, f, lo, hi)
	]);
	return entries.sort(
		(a, b) =>
			a.first - b.first ||
			a.last - b.last ||
			KIND_ORDER[a.kind] - KIND_ORDER[b.kind] ||
			a.featureName.localeCompare(b.featureName, 'en') ||
			(a.claims[0] ?? '').localeCompare(b.claims[0] ?? '', 'en')
	);
}

/** Claims none of whose documents has any date bound: no window can hold them. */
export function unplacedClaims(dataset: Dataset): string[] {
	return [...datedIndex(dataset).claims.values()]
		.filter((c) => isUnbounded(c.from) && isUnbounded(c.by))
		.map((c) => c.claim.id);
}
