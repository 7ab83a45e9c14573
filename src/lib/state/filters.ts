/**
 * Filters for the list view and the legend: which features pass the category, claimant and
 * minimum-confidence settings together with the time selection, and how many ("12 of 18
 * features shown"). The map applies the same rules with `combinedFilter` from `time.ts`; a test
 * checks both give the same answer for every feature of the real data.
 *
 * See `filter-state.ts` for what "minimum confidence" means and how claimant and confidence
 * combine (per claim, not per feature).
 */
import type { Dataset } from '../data/schema.ts';
import { DEFAULT_FILTERS, type FilterState } from './filter-state.ts';
import { featureTimeFlags, type TimeSelection } from './time.ts';

export {
	claimQualifies,
	constrainsClaims,
	DEFAULT_FILTERS,
	normalizeFilters,
	showsAllCategories,
	type FilterState
} from './filter-state.ts';

/** Whether the feature shows under the filters at the time (null: all time). */
export function matchesFilters(
	dataset: Dataset,
	featureId: string,
	filters: FilterState,
	time: TimeSelection | null
): boolean {
	return featureTimeFlags(dataset, featureId, time, filters).shown;
}

export interface ShownCount {
	shown: number;
	total: number;
	/** Ids of the features shown, in dataset order (the list's rows). */
	ids: string[];
	/** "12 of 18 features shown", "All 18 features shown", "1 of 18 features shown". */
	text: string;
}

/**
 * How many of the dataset's features pass. Counts every feature, including those with no
 * geometry (the list shows them; the map cannot), so the total matches the list.
 */
export function countShown(
	dataset: Dataset,
	filters: FilterState = DEFAULT_FILTERS,
	time: TimeSelection | null = null
): ShownCount {
	const ids = dataset.features
		.filter((f) => matchesFilters(dataset, f.id, filters, time))
		.map((f) => f.id);
	const total = dataset.features.length;
	const noun = total === 1 ? 'feature' : 'features';
	const text =
		ids.length === total && total > 1
			? `All ${total} ${noun} shown`
			: `${ids.length} of ${total} ${noun} shown`;
	return { shown: ids.length, total, ids, text };
}
