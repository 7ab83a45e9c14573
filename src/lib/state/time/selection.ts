/** The timeline's state, and a briefing step's time as one. */
import { UNBOUNDED_FUTURE, UNBOUNDED_PAST, dayNumber } from '../../data/dates.ts';
import type { BriefingStep, TimeMode } from '../../data/schema.ts';

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
export function inRange(day: number): number {
	if (!Number.isFinite(day)) return day > 0 ? UNBOUNDED_FUTURE - 1 : UNBOUNDED_PAST + 1;
	return Math.min(UNBOUNDED_FUTURE - 1, Math.max(UNBOUNDED_PAST + 1, Math.round(day)));
}
