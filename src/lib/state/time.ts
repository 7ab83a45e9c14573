/**
 * Time on the map: the timeline's domain, ticks and steps; what "present on D" and "as reported
 * by D" mean for features whose dates are imprecise; and the MapLibre expressions that apply
 * both to the map with `setFilter` over the numeric properties written by `toMapFeatures`.
 *
 * Days are day numbers (days since 1970-01-01, UTC; see `dates.ts`). Every date is a range of
 * days: "Sep 2025" is 1-30 September, an undated start with only a bound is open on one side.
 *
 * PRESENT ON D. A feature's presence runs from its start to its end, each a range of days, read
 * together with its last corroboration (see `presenceBounds`). On day D it is
 *   - certainly present when start_max <= D <= end_min: whichever days the imprecise dates turn
 *     out to be, D is inside;
 *   - possibly present when start_min <= D <= end_max but not certainly: D is inside for some
 *     reading of the dates ("start known only to the month: Sep 2025" on 15 September);
 *   - absent otherwise.
 * Possibly present features are drawn, faded, with the reason (`presenceOn`), because hiding
 * them would hide most of the corpus: few of its dates are known to the day.
 *
 * OPEN INTERVALS. A presence with no end is ongoing as far as the documents say: it stays
 * present on every later day (end_min = end_max = UNBOUNDED_FUTURE), not only until the latest
 * report. What fades it is staleness: once D is more than STALE_AFTER_DAYS after the last day
 * its last corroboration can fall on, it is drawn faded with "Last corroborated ..., more than
 * six months before ...". The same test applies in both modes and to closed intervals.
 *
 * AS REPORTED BY D. Only what had been published by D counts. A document is certainly published
 * by D when the last day its publication date may fall on is <= D, and possibly published when
 * only the first day is. A claim counts when one of its documents was certainly published by D;
 * its figures and those documents are what the panel shows (`knownOn`). A claim whose documents
 * were only possibly published is not counted: the panel lists it apart ("may already have been
 * published"), and a feature all of whose claims are like that is drawn faded, with the reason,
 * rather than hidden, so that a document known only to the month does not vanish for the whole
 * month. `certainOnly` hides those faded features in either mode instead.
 *
 * FILTERS. Category, claimant and minimum confidence combine with time as described in
 * `filter-state.ts`; `combinedFilter` (map) and `featureTimeState` (JS, for the list) implement
 * the same rules, and a test checks they agree on every feature of the real data.
 */
import type {
	ExpressionFilterSpecification,
	ExpressionSpecification
} from '@maplibre/maplibre-gl-style-spec';
import {
	dayNumber,
	formatDatePrec,
	isoFromDay,
	UNBOUNDED_FUTURE,
	UNBOUNDED_PAST
} from '../data/dates.ts';
import { evidenceKey } from '../data/map-features.ts';
import type {
	BriefingStep,
	Claim,
	Dataset,
	DatePrec,
	DatePrecision,
	Document,
	TimeMode
} from '../data/schema.ts';
import { CATEGORY_IDS } from '../data/vocabulary.ts';
import {
	datedIndex,
	daysOf,
	isUnbounded,
	type DatedClaim,
	type DatedFeature
} from './dated-evidence.ts';
import {
	claimQualifies,
	constrainsClaims,
	DEFAULT_FILTERS,
	qualifyingClaimantKeys,
	qualifyingGrades,
	showsAllCategories,
	type FilterState
} from './filter-state.ts';

/* ------------------------------------------------------------------------------------------ */
/* Selection                                                                                    */
/* ------------------------------------------------------------------------------------------ */

/** The timeline's state. `null` in its place means "all time": no time filter, nothing faded. */
export interface TimeSelection {
	mode: TimeMode;
	/** Day number of the chosen date. */
	day: number;
	/** Hide what is only possibly present / possibly published, instead of fading it. */
	certainOnly: boolean;
}

/**
 * A briefing step's time as a selection; null (all time) when the step has none or its date is
 * not a real "YYYY-MM-DD" (the validator reports that).
 */
export function selectionFromBriefing(time: BriefingStep['time']): TimeSelection | null {
	if (time === null) return null;
	const day = dayNumber(time.date);
	return day === null ? null : { mode: time.mode, day, certainOnly: false };
}

/**
 * Evidence older than this, measured from the last day the last corroboration can fall on, is
 * stale: about six months (half a Gregorian year is 182.6 days), long enough that a deployment
 * reported once a season does not flicker, short enough that a year-old report looks old.
 */
export const STALE_AFTER_DAYS = 183;

/** Keeps a day strictly inside the sentinels, so "unbounded" bounds never compare equal to it. */
function inRange(day: number): number {
	if (!Number.isFinite(day)) return day > 0 ? UNBOUNDED_FUTURE - 1 : UNBOUNDED_PAST + 1;
	return Math.min(UNBOUNDED_FUTURE - 1, Math.max(UNBOUNDED_PAST + 1, Math.round(day)));
}

/* ------------------------------------------------------------------------------------------ */
/* Wording                                                                                      */
/* ------------------------------------------------------------------------------------------ */

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
function moreThan(days: number): string {
	const years = Math.floor(days / 365.2425);
	if (years >= 2) return `more than ${NUMBER_WORDS[years] ?? String(years)} years`;
	if (years === 1) return 'more than a year';
	const months = Math.floor(days / 30.436875);
	if (months >= 2) return `more than ${NUMBER_WORDS[months] ?? String(months)} months`;
	return months === 1 ? 'more than a month' : `${days} days`;
}

/** Outlet, else title, else id: how a document is named in a reason. */
function documentName(doc: Document): string {
	if (doc.outlet) return doc.outlet;
	if (doc.title) return `"${doc.title}"`;
	return `${doc.id} (outlet not named)`;
}

/** "c. Nov 2025 (not before 4 Nov 2025)", or "date unknown" rather than a bare "unknown". */
function publishedText(doc: Document): string {
	const p = doc.published;
	return p.precision === 'unknown' && p.earliest === undefined && p.latest === undefined
		? 'date unknown'
		: formatDatePrec(p);
}

/** "it started Sep 2025", or for an undated start "it started no earlier than 1 Aug 2024". */
function startedText(start: DatePrec, min: number): string {
	return start.precision === 'unknown'
		? `it started no earlier than ${formatDay(min)}`
		: `it started ${formatDatePrec(start)}`;
}

function endedText(end: DatePrec | null, max: number): string {
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
function imprecision(
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

/* ------------------------------------------------------------------------------------------ */
/* Present on D                                                                                 */
/* ------------------------------------------------------------------------------------------ */

export type PresenceStatus = 'certain' | 'possible' | 'absent';

export interface PresenceOnDay {
	status: PresenceStatus;
	/** Plain sentences for the panel: why possible, why absent, or what makes it certain. */
	reasons: string[];
}

function presenceStatus(f: DatedFeature, day: number): PresenceStatus {
	const b = f.bounds;
	if (b.startMax <= day && day <= b.endMin) return 'certain';
	if (b.startMin <= day && day <= b.endMax) return 'possible';
	return 'absent';
}

/** Whether a feature is present on a day, with the reasons. Unknown ids are absent. */
export function presenceOn(dataset: Dataset, featureId: string, day: number): PresenceOnDay {
	const f = datedIndex(dataset).features.get(featureId);
	if (!f) return { status: 'absent', reasons: [`No feature "${featureId}" in the data.`] };
	const d = inRange(day);
	const { start, end, last_corroborated: seen } = f.feature.properties.presence;
	const b = f.bounds;
	const status = presenceStatus(f, d);
	const reasons: string[] = [];
	if (status === 'absent') {
		reasons.push(
			d < b.startMin
				? `Not yet present on ${formatDay(d)}: ${startedText(start, b.startMin)}.`
				: `No longer present on ${formatDay(d)}: ${endedText(end, b.endMax)}.`
		);
	} else if (status === 'possible') {
		if (d < b.startMax) {
			const why =
				b.startMax === b.corroboratedMax
					? 'it was corroborated there by then'
					: 'it had ended by then';
			reasons.push(imprecision('Start', start, [b.startMin, b.startMax], why));
		}
		if (end && d > b.endMin) {
			const why =
				b.endMin === b.corroboratedMin
					? 'it was corroborated there until then'
					: 'it had started by then';
			reasons.push(imprecision('End', end, [b.endMin, b.endMax], why));
		}
		reasons[0] = `Possibly present on ${formatDay(d)}. ${reasons[0] ?? ''}`.trim();
	} else if (b.open) {
		reasons.push(`No end reported: taken as ongoing. Last corroborated ${formatDatePrec(seen)}.`);
	} else {
		reasons.push(`Present from ${formatDatePrec(start)} to ${end ? formatDatePrec(end) : ''}.`);
	}
	return { status, reasons };
}

/* ------------------------------------------------------------------------------------------ */
/* Staleness                                                                                    */
/* ------------------------------------------------------------------------------------------ */

export interface Staleness {
	stale: boolean;
	/** "Last corroborated Apr 2025, more than eight months before 31 Dec 2025." when stale. */
	reason: string | null;
}

function isStale(f: DatedFeature, day: number): boolean {
	return day - f.bounds.corroboratedMax > STALE_AFTER_DAYS;
}

/**
 * Stale when the chosen day is more than STALE_AFTER_DAYS after the last day the feature's last
 * corroboration can fall on. An undated corroboration is never stale: its age cannot be known.
 */
export function staleness(dataset: Dataset, featureId: string, day: number): Staleness {
	const f = datedIndex(dataset).features.get(featureId);
	const d = inRange(day);
	if (!f || !isStale(f, d)) return { stale: false, reason: null };
	const seen = f.feature.properties.presence.last_corroborated;
	const gap = moreThan(d - f.bounds.corroboratedMax);
	return {
		stale: true,
		reason: `Last corroborated ${formatDatePrec(seen)}, ${gap} before ${formatDay(d)}.`
	};
}

/* ------------------------------------------------------------------------------------------ */
/* As reported by D                                                                             */
/* ------------------------------------------------------------------------------------------ */

export interface KnownOn {
	day: number;
	/** Claims one of whose documents had certainly been published by the day, in feature order. */
	claims: Claim[];
	/** The feature's documents certainly published by the day: the panel's sources on that day. */
	documents: Document[];
	/** Claims whose documents may have been published by the day, but not certainly. */
	possibleClaims: Claim[];
	/** Documents whose publication range contains the day. */
	possibleDocuments: Document[];
	/** How many of the feature's claims had not been published by the day at all. */
	laterClaims: number;
}

/**
 * What was known about a feature on a day: the claims and documents published by then, and
 * apart from them those that may have been. Unknown feature ids give empty lists.
 */
export function knownOn(dataset: Dataset, featureId: string, day: number): KnownOn {
	const index = datedIndex(dataset);
	const f = index.features.get(featureId);
	const d = inRange(day);
	const known: KnownOn = {
		day: d,
		claims: [],
		documents: [],
		possibleClaims: [],
		possibleDocuments: [],
		laterClaims: 0
	};
	if (!f) return known;
	const seen = new Set<string>();
	for (const c of f.claims) {
		if (c.by <= d) known.claims.push(c.claim);
		else if (c.from <= d) known.possibleClaims.push(c.claim);
		else known.laterClaims += 1;
		for (const id of c.claim.documents) {
			const doc = index.documents.get(id);
			if (!doc || seen.has(id)) continue;
			seen.add(id);
			if (doc.last <= d) known.documents.push(doc.document);
			else if (doc.first <= d) known.possibleDocuments.push(doc.document);
		}
	}
	return known;
}

/* ------------------------------------------------------------------------------------------ */
/* One feature at one time, with filters: the list's twin of combinedFilter + fade expressions  */
/* ------------------------------------------------------------------------------------------ */

export interface FeatureTimeState {
	/** Whether the map and the list show it. */
	shown: boolean;
	/** Shown but only possibly present / possibly reported: drawn faded. */
	possible: boolean;
	/** Shown but last corroborated more than STALE_AFTER_DAYS before the chosen day: faded. */
	stale: boolean;
	/** One word for the symbol: stale wins over possible, as the stronger reason to doubt. */
	certainty: 'certain' | 'possible' | 'stale';
	/** Plain sentences for the panel and the list. */
	reasons: string[];
}

/**
 * Why a feature is (or is not) shown "as reported by" the day, counting only the claims that pass
 * the filters, so the sentence matches what the map does.
 */
function reportedReasons(
	dataset: Dataset,
	claims: readonly DatedClaim[],
	total: number,
	day: number
): string[] {
	const index = datedIndex(dataset);
	const docsOf = (c: DatedClaim) =>
		c.claim.documents.flatMap((id) => index.documents.get(id) ?? []);
	const certain = claims.filter((c) => c.by <= day);
	if (certain.length > 0) {
		const of = total === 1 ? 'its one claim' : `its ${total} claims`;
		return [`Reported by ${formatDay(day)}: ${certain.length} of ${of} had been published.`];
	}
	const possible = [...new Set(claims.flatMap(docsOf))].filter(
		(doc) => doc.first <= day && day < doc.last
	);
	if (possible.length > 0) {
		const dated = possible
			.map((doc) => `${documentName(doc.document)}: ${publishedText(doc.document)}`)
			.join('; ');
		return [
			`Possibly not yet reported on ${formatDay(day)}: its sources' dates are too imprecise to tell (${dated}).`
		];
	}
	const first = claims
		.flatMap(docsOf)
		.sort((a, b) => a.first - b.first)
		.at(0);
	return first
		? [
				`Not yet reported on ${formatDay(day)}: its first source, ${documentName(first.document)}, is dated ${publishedText(first.document)}.`
			]
		: ['Not reported: none of its claims has a document on file.'];
}

/** The decision alone, without wording: what the list needs for every feature, cheaply. */
export interface FeatureTimeFlags {
	shown: boolean;
	possible: boolean;
	stale: boolean;
}

function evaluate(
	f: DatedFeature | undefined,
	time: TimeSelection | null,
	filters: FilterState
): FeatureTimeFlags & { qualifying: readonly DatedClaim[] } {
	const hidden = { shown: false, possible: false, stale: false, qualifying: [] };
	if (!f || !filters.categories.includes(f.feature.properties.category)) return hidden;
	const constrained = constrainsClaims(filters);
	const qualifying = constrained ? f.claims.filter((c) => claimQualifies(c, filters)) : f.claims;
	if (constrained && qualifying.length === 0) return hidden;
	if (time === null) return { ...hidden, shown: true, qualifying };
	const d = inRange(time.day);
	let shown: boolean;
	let possible: boolean;
	if (time.mode === 'present-on') {
		const status = presenceStatus(f, d);
		shown = time.certainOnly ? status === 'certain' : status !== 'absent';
		possible = status !== 'certain';
	} else {
		let from = UNBOUNDED_FUTURE;
		let by = UNBOUNDED_FUTURE;
		for (const c of qualifying) {
			from = Math.min(from, c.from);
			by = Math.min(by, c.by);
		}
		shown = time.certainOnly ? by <= d : from <= d;
		possible = by > d;
	}
	return { shown, possible: shown && possible, stale: shown && isStale(f, d), qualifying };
}

/**
 * Whether one feature shows at a time under the filters, and whether it is faded: the JS twin
 * of `combinedFilter` and `fadeOpacity`, for the list. No wording, so it is cheap to run over
 * every feature; `featureTimeState` adds the reasons for the panel.
 */
export function featureTimeFlags(
	dataset: Dataset,
	featureId: string,
	time: TimeSelection | null,
	filters: FilterState = DEFAULT_FILTERS
): FeatureTimeFlags {
	const { shown, possible, stale } = evaluate(
		datedIndex(dataset).features.get(featureId),
		time,
		filters
	);
	return { shown, possible, stale };
}

/**
 * How one feature shows at a time under the filters, with the reasons in plain sentences. Agrees
 * exactly with `combinedFilter` and `fadeOpacity` on the map (a test checks every feature of the
 * real data). Reasons are given for hidden features too, when time is what hides them.
 */
export function featureTimeState(
	dataset: Dataset,
	featureId: string,
	time: TimeSelection | null,
	filters: FilterState = DEFAULT_FILTERS
): FeatureTimeState {
	const f = datedIndex(dataset).features.get(featureId);
	const flags = evaluate(f, time, filters);
	const certainty: FeatureTimeState['certainty'] = flags.stale
		? 'stale'
		: flags.possible
			? 'possible'
			: 'certain';
	const quiet = { shown: flags.shown, possible: flags.possible, stale: flags.stale, certainty };
	// Reasons explain time; a feature the other filters hide, or all time, needs none.
	if (!f || time === null || !evaluate(f, null, filters).shown) return { ...quiet, reasons: [] };
	const d = inRange(time.day);
	const reasons =
		time.mode === 'present-on'
			? presenceOn(dataset, featureId, d).reasons
			: reportedReasons(dataset, flags.qualifying, f.claims.length, d);
	const stale = flags.stale ? staleness(dataset, featureId, d).reason : null;
	return {
		shown: flags.shown,
		possible: flags.possible,
		stale: flags.stale,
		certainty,
		reasons: stale ? [...reasons, stale] : reasons
	};
}

/* ------------------------------------------------------------------------------------------ */
/* MapLibre expressions                                                                         */
/* ------------------------------------------------------------------------------------------ */

/**
 * A numeric property, or `fallback` when the feature lacks it. `number` with a fallback (not
 * `to-number`, which turns null into 0) keeps a missing property from reading as day 0, and
 * avoids MapLibre's "expected number, found null" fallback-to-false warnings.
 */
function prop(key: string, fallback: number): ExpressionSpecification {
	return ['number', ['get', key], fallback];
}

function minOf(exprs: ExpressionSpecification[], empty: number): ExpressionSpecification | number {
	const [first, ...rest] = exprs;
	if (first === undefined) return empty;
	return rest.length === 0 ? first : ['min', first, ...rest];
}

/**
 * Earliest day a qualifying claim may have been ('from') or had certainly been ('by') published.
 * Without claimant or confidence settings this is the feature's own reported_from/reported_by.
 */
function earliestPublication(
	kind: 'from' | 'by',
	filters: FilterState
): ExpressionSpecification | number {
	if (!constrainsClaims(filters)) {
		return prop(kind === 'from' ? 'reported_from' : 'reported_by', UNBOUNDED_FUTURE);
	}
	const keys = qualifyingGrades(filters).flatMap((g) =>
		qualifyingClaimantKeys(filters).map((who) => evidenceKey(kind, g, who))
	);
	return minOf(
		keys.map((k) => prop(k, UNBOUNDED_FUTURE)),
		UNBOUNDED_FUTURE
	);
}

/** True for features with at least one claim passing the claimant and confidence settings. */
export function qualifyingClaimFilter(filters: FilterState): ExpressionFilterSpecification {
	if (!constrainsClaims(filters)) return true;
	const keys = qualifyingGrades(filters).flatMap((g) =>
		qualifyingClaimantKeys(filters).map((who) => evidenceKey('from', g, who))
	);
	const has = keys.map((k): ExpressionSpecification => ['has', k]);
	return has.length === 1 && has[0] ? has[0] : ['any', ...has];
}

/** Features possibly (or, with certainOnly, certainly) present on the day. */
export function presentOnFilter(
	day: number,
	options: { certainOnly?: boolean } = {}
): ExpressionSpecification {
	const d = inRange(day);
	return options.certainOnly
		? [
				'all',
				['<=', prop('start_max', UNBOUNDED_FUTURE), d],
				['<=', d, prop('end_min', UNBOUNDED_PAST)]
			]
		: [
				'all',
				['<=', prop('start_min', UNBOUNDED_FUTURE), d],
				['<=', d, prop('end_max', UNBOUNDED_PAST)]
			];
}

/**
 * Features with a claim (passing the filters) possibly (or, with certainOnly, certainly)
 * published by the day.
 */
export function reportedByFilter(
	day: number,
	filters: FilterState = DEFAULT_FILTERS,
	options: { certainOnly?: boolean } = {}
): ExpressionSpecification {
	return ['<=', earliestPublication(options.certainOnly ? 'by' : 'from', filters), inRange(day)];
}

function and(conds: ExpressionFilterSpecification[]): ExpressionFilterSpecification {
	const real = conds.filter((c) => c !== true);
	if (real.includes(false)) return false;
	const [first, ...rest] = real;
	if (first === undefined) return true;
	return rest.length === 0 ? first : ['all', first, ...rest];
}

export interface MapTimeQuery {
	time: TimeSelection | null;
	filters: FilterState;
}

/**
 * The query the deployment layers' filter and fade are built from. Categories are left to layer
 * visibility (a layer toggle is one layout change, not a new filter on every layer), so the
 * query keeps every category and only the time, claimant and confidence settings filter.
 */
export function mapTimeQuery(time: TimeSelection | null, filters: FilterState): MapTimeQuery {
	return { time, filters: { ...filters, categories: [...CATEGORY_IDS] } };
}

/**
 * The one filter for the deployment layers: category, claimant, confidence and time, as an
 * expression over feature properties only (no id lists), for `map.setFilter`.
 */
export function combinedFilter({ time, filters }: MapTimeQuery): ExpressionFilterSpecification {
	const conds: ExpressionFilterSpecification[] = [];
	if (filters.categories.length === 0) return false;
	if (!showsAllCategories(filters)) {
		const categories = [...new Set(filters.categories)];
		conds.push(['in', ['get', 'category'], ['literal', categories]]);
	}
	if (time === null || time.mode === 'present-on') conds.push(qualifyingClaimFilter(filters));
	if (time?.mode === 'present-on') {
		conds.push(presentOnFilter(time.day, { certainOnly: time.certainOnly }));
	} else if (time?.mode === 'reported-by') {
		conds.push(reportedByFilter(time.day, filters, { certainOnly: time.certainOnly }));
	}
	return and(conds);
}

/** True for shown features that are only possibly present / possibly reported on the day. */
export function possibleExpression({ time, filters }: MapTimeQuery): ExpressionFilterSpecification {
	if (time === null) return false;
	const d = inRange(time.day);
	if (time.mode === 'present-on') {
		return [
			'any',
			['>', prop('start_max', UNBOUNDED_FUTURE), d],
			['<', prop('end_min', UNBOUNDED_PAST), d]
		];
	}
	return ['>', earliestPublication('by', filters), d];
}

/** True for features last corroborated more than STALE_AFTER_DAYS before the day. */
export function staleExpression(time: TimeSelection | null): ExpressionFilterSpecification {
	if (time === null) return false;
	return ['<', prop('corroborated_max', UNBOUNDED_FUTURE), inRange(time.day) - STALE_AFTER_DAYS];
}

function caseOf(
	test: ExpressionFilterSpecification,
	yes: number,
	no: number
): ExpressionSpecification | number {
	if (typeof test === 'boolean') return test ? yes : no;
	return ['case', test, yes, no];
}

/**
 * Opacity factor for the paint properties of the deployment layers: 1, times `possible` when
 * only possibly present or reported, times `stale` when stale. Multiply it into the layer's own
 * opacity; MapLibre allows `*` of data-driven expressions in paint.
 */
export function fadeOpacity(
	query: MapTimeQuery,
	factors: { possible?: number; stale?: number } = {}
): ExpressionSpecification | number {
	const possible = caseOf(possibleExpression(query), factors.possible ?? 0.45, 1);
	const stale = caseOf(staleExpression(query.time), factors.stale ?? 0.45, 1);
	if (typeof possible === 'number' && typeof stale === 'number') return possible * stale;
	return ['*', possible, stale];
}

/** 'certain' | 'possible' | 'stale' per feature, for `match` in paint (a dash pattern, say). */
export function certaintyExpression(query: MapTimeQuery): ExpressionSpecification | string {
	const stale = staleExpression(query.time);
	const possible = possibleExpression(query);
	if (stale === false && possible === false) return 'certain';
	return ['case', stale, 'stale', possible, 'possible', 'certain'];
}

/* ------------------------------------------------------------------------------------------ */
/* Timeline domain, ticks and histogram                                                          */
/* ------------------------------------------------------------------------------------------ */

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

/* ------------------------------------------------------------------------------------------ */
/* Steps and keys                                                                               */
/* ------------------------------------------------------------------------------------------ */

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

/* ------------------------------------------------------------------------------------------ */
/* Frame throttle                                                                               */
/* ------------------------------------------------------------------------------------------ */

export interface Throttled<A extends unknown[]> {
	(...args: A): void;
	/** Drop a pending call. */
	cancel(): void;
	/** Run a pending call now (on pointer-up, say), instead of on the next frame. */
	flush(): void;
}

/**
 * Coalesces calls to at most one per animation frame, running the latest arguments. Dragging the
 * timeline fires input events faster than frames; each `setFilter` re-evaluates every feature,
 * so only the last position before a frame is worth applying. The scheduler is injectable so
 * tests can drive frames by hand.
 */
export function rafThrottle<A extends unknown[]>(
	fn: (...args: A) => void,
	requestFrame: (callback: () => void) => number = (cb) => requestAnimationFrame(cb),
	cancelFrame: (handle: number) => void = (handle) => cancelAnimationFrame(handle)
): Throttled<A> {
	let pending: { args: A } | null = null;
	let handle: number | null = null;
	const run = () => {
		handle = null;
		const call = pending;
		pending = null;
		if (call) fn(...call.args);
	};
	const throttled = (...args: A) => {
		pending = { args };
		if (handle === null) handle = requestFrame(run);
	};
	throttled.cancel = () => {
		if (handle !== null) cancelFrame(handle);
		handle = null;
		pending = null;
	};
	throttled.flush = () => {
		if (handle !== null) cancelFrame(handle);
		run();
	};
	return throttled;
}
