/** The MapLibre expressions that apply time, claimant and confidence to the map layers. */
import { UNBOUNDED_FUTURE, UNBOUNDED_PAST } from '../../data/dates.ts';
import { evidenceKey } from '../../data/map-features.ts';
import { CATEGORY_IDS } from '../../data/vocabulary.ts';
import {
	DEFAULT_FILTERS,
	type FilterState,
	constrainsClaims,
	qualifyingClaimantKeys,
	qualifyingGrades,
	showsAllCategories
} from '../filter-state.ts';
import { STALE_AFTER_DAYS, type TimeSelection, inRange } from './selection.ts';
import type {
	ExpressionFilterSpecification,
	ExpressionSpecification
} from '@maplibre/maplibre-gl-style-spec';

/**
 * The global-state property (MapLibre `global-state`) holding the chosen day on the map. With
 * `mapTimeQuery(..., { dayState: true })` the filters and fades read the day from it instead of
 * carrying it as a number, so a timeline step within one mode leaves every expression as it was
 * and is one `map.setGlobalStateProperty(DAY_STATE, day)` (see `mapGlobalState`), not a
 * `setFilter` and a `setPaintProperty` per layer.
 */
export const DAY_STATE = 'atlas-day';

/**
 * Whether the page's map reads the day from global state. Off: measured with
 * `npm run bench:timeline` (2,000 synthetic features, same machine, one run after the other), the
 * global-state step is slower than the per-layer `setFilter` + `setPaintProperty` it replaces:
 * app / setFilter 1.16 (was 0.92) synchronously and 1.24 (was 0.96) to the next idle. MapLibre
 * 6.17 reloads a source at once for a filter that reads the changed state and again, on the
 * next update, for each data-driven paint property that reads it (the fades), so every tile is
 * laid out twice; and `setGlobalStateProperty` walks every layer of the style. Turn it on when
 * MapLibre lays a source out once per state change; both forms are tested to draw the same.
 */
export const MAP_DAY_STATE = false;
const DAY_REF: ExpressionSpecification = ['number', ['global-state', DAY_STATE], 0];

/** A day as the expressions take it: a day number, or the map's day (`DAY_REF`). */
type DayValue = number | ExpressionSpecification;
const dayValue = (day: DayValue): DayValue => (typeof day === 'number' ? inRange(day) : day);

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
	day: DayValue,
	options: { certainOnly?: boolean } = {}
): ExpressionSpecification {
	const d = dayValue(day);
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
	day: DayValue,
	filters: FilterState = DEFAULT_FILTERS,
	options: { certainOnly?: boolean } = {}
): ExpressionSpecification {
	return ['<=', earliestPublication(options.certainOnly ? 'by' : 'from', filters), dayValue(day)];
}

export function and(conds: ExpressionFilterSpecification[]): ExpressionFilterSpecification {
	const real = conds.filter((c) => c !== true);
	if (real.includes(false)) return false;
	const [first, ...rest] = real;
	if (first === undefined) return true;
	return rest.length === 0 ? first : ['all', first, ...rest];
}

export interface MapTimeQuery {
	time: TimeSelection | null;
	filters: FilterState;
	/** Whether the expressions read the day from the map's global state (`DAY_STATE`). */
	dayState?: boolean;
}

/**
 * The query the deployment layers' filter and fade are built from. Categories are left to the
 * overlay's visible entries (composeOverlays adds them to each kind's filter, so a toggle does not
 * rebuild this expression), so the query keeps every category and only the time, claimant and
 * confidence settings filter.
 */
export function mapTimeQuery(
	time: TimeSelection | null,
	filters: FilterState,
	options: { dayState?: boolean } = {}
): MapTimeQuery {
	return {
		time,
		filters: { ...filters, categories: [...CATEGORY_IDS] },
		...(options.dayState ? { dayState: true } : {})
	};
}

/** The day the query's expressions compare with: a number, or the map's global state. */
function queryDay({ time, dayState }: MapTimeQuery): DayValue {
	return dayState ? DAY_REF : inRange(time?.day ?? 0);
}

/**
 * The global state the query's expressions read (empty unless `dayState`): the map and the
 * exporter's off-screen map are given it with the overlay, so both draw the same day.
 */
export function mapGlobalState(query: MapTimeQuery): Record<string, number> {
	return query.dayState ? { [DAY_STATE]: inRange(query.time?.day ?? 0) } : {};
}

/**
 * The one filter for the deployment layers: category, claimant, confidence and time, as an
 * expression over feature properties only (no id lists), for `map.setFilter`.
 */
export function combinedFilter(query: MapTimeQuery): ExpressionFilterSpecification {
	const { time, filters } = query;
	const conds: ExpressionFilterSpecification[] = [];
	if (filters.categories.length === 0) return false;
	if (!showsAllCategories(filters)) {
		const categories = [...new Set(filters.categories)];
		conds.push(['in', ['get', 'category'], ['literal', categories]]);
	}
	if (time === null || time.mode === 'present-on') conds.push(qualifyingClaimFilter(filters));
	if (time?.mode === 'present-on') {
		conds.push(presentOnFilter(queryDay(query), { certainOnly: time.certainOnly }));
	} else if (time?.mode === 'reported-by') {
		conds.push(reportedByFilter(queryDay(query), filters, { certainOnly: time.certainOnly }));
	}
	return and(conds);
}

/** True for shown features that are only possibly present / possibly reported on the day. */
export function possibleExpression(query: MapTimeQuery): ExpressionFilterSpecification {
	const { time, filters } = query;
	if (time === null) return false;
	const d = queryDay(query);
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
export function staleExpression(
	time: TimeSelection | null,
	day: DayValue | null = null
): ExpressionFilterSpecification {
	if (time === null) return false;
	const d = dayValue(day ?? time.day);
	const limit: DayValue = typeof d === 'number' ? d - STALE_AFTER_DAYS : ['-', d, STALE_AFTER_DAYS];
	return ['<', prop('corroborated_max', UNBOUNDED_FUTURE), limit];
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
	const stale = caseOf(
		staleExpression(query.time, query.time ? queryDay(query) : null),
		factors.stale ?? 0.45,
		1
	);
	if (typeof possible === 'number' && typeof stale === 'number') return possible * stale;
	return ['*', possible, stale];
}

/** 'certain' | 'possible' | 'stale' per feature, for `match` in paint (a dash pattern, say). */
export function certaintyExpression(query: MapTimeQuery): ExpressionSpecification | string {
	const stale = staleExpression(query.time, query.time ? queryDay(query) : null);
	const possible = possibleExpression(query);
	if (stale === false && possible === false) return 'certain';
	return ['case', stale, 'stale', possible, 'possible', 'certain'];
}
