/**
 * The filter settings and what they mean for a single claim. Kept apart from `filters.ts` so
 * that `time.ts` (which builds the combined MapLibre filter) and `filters.ts` (which evaluates
 * the same thing in JS for the list) can both use it without importing each other.
 *
 * "Minimum confidence" N keeps a feature when at least one of its claims is graded N or better on
 * the Admiralty credibility scale, where 1 is best ("confirmed by other sources") and 6 is "truth
 * cannot be judged"; N = 6 keeps everything. With claimants selected, that same claim must also
 * be by one of them: claimant and grade are required of one claim together, so "NIS, grade 2 or
 * better" does not show a feature whose only NIS claim is graded 3 just because some other
 * claimant's claim is graded 1. In "as reported by D" mode that claim must also be published by D.
 */
import { ANY_CLAIMANT, CREDIBILITY_GRADES, type CredibilityGrade } from '../data/map-features.ts';
import { CATEGORY_IDS, type CategoryId } from '../data/vocabulary.ts';

export interface FilterState {
	/** Visible layers, in CATEGORY_IDS order. Empty hides every feature. */
	categories: CategoryId[];
	/** Claimant ids, sorted. Empty means every claimant. */
	claimants: string[];
	/** Admiralty credibility grade: keep claims graded this or better (lower). 6 keeps all. */
	minCredibility: CredibilityGrade;
}

export const DEFAULT_FILTERS: Readonly<FilterState> = Object.freeze({
	categories: [...CATEGORY_IDS],
	claimants: [],
	minCredibility: 6
});

/** The same filters in canonical form: categories in CATEGORY_IDS order, claimants sorted, no duplicates. */
export function normalizeFilters(filters: FilterState): FilterState {
	const categories = new Set(filters.categories);
	return {
		categories: CATEGORY_IDS.filter((c) => categories.has(c)),
		claimants: [...new Set(filters.claimants)].sort(),
		minCredibility: filters.minCredibility
	};
}

export function showsAllCategories(filters: FilterState): boolean {
	const categories = new Set(filters.categories);
	return CATEGORY_IDS.every((c) => categories.has(c));
}

/** True when the claimant or confidence settings can hide a feature. */
export function constrainsClaims(filters: FilterState): boolean {
	return filters.claimants.length > 0 || filters.minCredibility < 6;
}

/** Whether a claim passes the claimant and confidence settings. */
export function claimQualifies(
	claim: { claimant: string; grade: CredibilityGrade },
	filters: FilterState
): boolean {
	if (claim.grade > filters.minCredibility) return false;
	return filters.claimants.length === 0 || filters.claimants.includes(claim.claimant);
}

/** Grades a qualifying claim may have: 1 ... minCredibility. */
export function qualifyingGrades(filters: FilterState): CredibilityGrade[] {
	return CREDIBILITY_GRADES.filter((g) => g <= filters.minCredibility);
}

/** Claimant keys for evidence properties: the selected claimants, or ANY_CLAIMANT for all. */
export function qualifyingClaimantKeys(filters: FilterState): string[] {
	return filters.claimants.length > 0 ? [...new Set(filters.claimants)].sort() : [ANY_CLAIMANT];
}
