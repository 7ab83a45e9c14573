/** "Present on D" and staleness for one feature: the status with its reasons (see time.ts). */
import { formatDatePrec } from '../../data/dates.ts';
import type { Dataset } from '../../data/schema.ts';
import { type DatedFeature, datedIndex } from '../dated-evidence.ts';
import { STALE_AFTER_DAYS, inRange } from './selection.ts';
import { endedText, formatDay, imprecision, moreThan, startedText } from './wording.ts';

export type PresenceStatus = 'certain' | 'possible' | 'absent';

export interface PresenceOnDay {
	status: PresenceStatus;
	/** Plain sentences for the panel: why possible, why absent, or what makes it certain. */
	reasons: string[];
}

export function presenceStatus(f: DatedFeature, day: number): PresenceStatus {
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

export function isStale(f: DatedFeature, day: number): boolean {
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
