/**
 * "As reported by D" for one feature, and one feature at one time under the filters: the JS twin
 * of the map expressions, for the list and the panel.
 */
import { UNBOUNDED_FUTURE } from '../../data/dates.ts';
import type { Claim, Dataset, Document } from '../../data/schema.ts';
import { type DatedClaim, type DatedFeature, datedIndex } from '../dated-evidence.ts';

import {
	DEFAULT_FILTERS,
	type FilterState,
	claimQualifies,
	constrainsClaims
} from '../filter-state.ts';
import { isStale, presenceOn, presenceStatus, staleness } from './presence.ts';
import { type TimeSelection, inRange } from './selection.ts';
import { documentName, formatDay, publishedText } from './wording.ts';

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
