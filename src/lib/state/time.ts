/**
 * Time on the map, one subject per module in `time/`: the timeline's domain, ticks and steps; what "present on D" and "as reported
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
export * from './time/selection.ts';
export * from './time/wording.ts';
export * from './time/presence.ts';
export * from './time/reported.ts';
export * from './time/expressions.ts';
export * from './time/axis.ts';
export * from './time/throttle.ts';
