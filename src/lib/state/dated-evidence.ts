/**
 * The dataset read as day numbers, once: each feature's presence bounds and each claim's
 * publication range. The time, filter and change modules all read through this, so the list
 * view, the panel and the change list share one reading of every date.
 *
 * Cached per dataset object (a WeakMap), so callers can pass the dataset to every function
 * without paying for the index twice; the dataset is treated as immutable.
 */
import { dateRange, UNBOUNDED_FUTURE, UNBOUNDED_PAST } from '../data/dates.ts';
import {
	claimPublication,
	credibilityGrade,
	presenceBounds,
	type CredibilityGrade,
	type PresenceBounds
} from '../data/map-features.ts';
import type {
	Claim,
	Claimant,
	Dataset,
	DatePrec,
	DeploymentFeature,
	Document
} from '../data/schema.ts';

export interface DatedClaim {
	claim: Claim;
	claimant: string;
	/** Earliest day one of its documents may have been published. */
	from: number;
	/** Earliest day by which one of its documents had certainly been published. */
	by: number;
	grade: CredibilityGrade;
}

export interface DatedFeature {
	feature: DeploymentFeature;
	bounds: PresenceBounds;
	claims: DatedClaim[];
}

export interface DatedDocument {
	document: Document;
	first: number;
	last: number;
}

export interface DatedIndex {
	dataset: Dataset;
	features: Map<string, DatedFeature>;
	documents: Map<string, DatedDocument>;
	claims: Map<string, DatedClaim>;
	claimants: Map<string, Claimant>;
}

const cache = new WeakMap<Dataset, DatedIndex>();

/** Date range with malformed dates read as "could be any day" (the validator reports them). */
export function daysOf(date: DatePrec): [number, number] {
	return dateRange(date) ?? [UNBOUNDED_PAST, UNBOUNDED_FUTURE];
}

export function datedIndex(dataset: Dataset): DatedIndex {
	const hit = cache.get(dataset);
	if (hit) return hit;
	const published = new Map(dataset.documents.map((d) => [d.id, d.published]));
	const documents = new Map(
		dataset.documents.map((document) => {
			const [first, last] = daysOf(document.published);
			return [document.id, { document, first, last }];
		})
	);
	const claims = new Map(
		dataset.claims.map((claim) => [
			claim.id,
			{
				claim,
				claimant: claim.claimant,
				...claimPublication(claim, published),
				grade: credibilityGrade(claim)
			}
		])
	);
	const features = new Map(
		dataset.features.map((feature) => [
			feature.id,
			{
				feature,
				bounds: presenceBounds(feature.properties.presence),
				claims: feature.properties.claims.flatMap((id) => claims.get(id) ?? [])
			}
		])
	);
	const index: DatedIndex = {
		dataset,
		features,
		documents,
		claims,
		claimants: new Map(dataset.claimants.map((c) => [c.id, c]))
	};
	cache.set(dataset, index);
	return index;
}

/** True for sentinel days that stand for "no bound". */
export function isUnbounded(day: number): boolean {
	return day <= UNBOUNDED_PAST || day >= UNBOUNDED_FUTURE;
}
