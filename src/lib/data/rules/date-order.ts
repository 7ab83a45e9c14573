/**
 * date-order: dates must not contradict each other. Within a date, the bounds must be ordered and
 * admit the value; a presence cannot end before it starts or be corroborated outside its own
 * interval; and a claim cannot be dated after the publication of a document that reports it.
 * Imprecise dates are compared generously: only orders that are impossible are reported.
 */
import { dateRange, dayNumber, formatDatePrec, isoFromDay } from '../dates.ts';

const formatDay = (day: number) =>
	formatDatePrec({ value: isoFromDay(day), precision: 'day', resolution: 'stated' });
import type { DatePrec } from '../schema.ts';
import type { Finding, Rule } from './types.ts';
import { datedFields } from './walk.ts';

/** Range of a date whose parts are individually well formed, else null (date-format reports it). */
function wellFormed(date: DatePrec): [number, number] | null {
	return dateRange(date);
}

export const dateOrder: Rule = {
	id: 'date-order',
	severity: 'error',
	check({ model }) {
		const findings: Finding[] = [];
		for (const { date, source, path, label } of datedFields(model)) {
			if (wellFormed(date)) continue;
			const cap = label.charAt(0).toUpperCase() + label.slice(1);
			const e = date.earliest === undefined ? null : dayNumber(date.earliest);
			const l = date.latest === undefined ? null : dayNumber(date.latest);
			if (e !== null && l !== null && e > l) {
				findings.push({
					source,
					path: [...path, 'earliest'],
					message: `${cap} has its earliest bound (${date.earliest}) after its latest bound (${date.latest}).`
				});
				continue;
			}
			const withoutBounds = dateRange({ ...date, earliest: undefined, latest: undefined });
			const boundsOk =
				(date.earliest === undefined || e !== null) && (date.latest === undefined || l !== null);
			if (withoutBounds && boundsOk) {
				findings.push({
					source,
					path: [...path, 'value'],
					message: `${cap} has value "${date.value}", which lies outside its own bounds (${date.earliest ?? 'open'} to ${date.latest ?? 'open'}).`
				});
			}
		}

		for (const f of model.features) {
			const { start, end, last_corroborated: seen } = f.value.properties.presence;
			const base = [...f.path, 'properties', 'presence'];
			const s = wellFormed(start);
			const en = end ? wellFormed(end) : null;
			const c = wellFormed(seen);
			const id = f.value.id;
			if (s && end && en && s[0] > en[1]) {
				findings.push({
					source: f.source,
					path: [...base, 'end'],
					message: `Feature "${id}" ends (${formatDatePrec(end)}) before it starts (${formatDatePrec(start)}).`
				});
			}
			if (s && c && c[1] < s[0]) {
				findings.push({
					source: f.source,
					path: [...base, 'last_corroborated'],
					message: `Feature "${id}" was last corroborated (${formatDatePrec(seen)}) before it started (${formatDatePrec(start)}).`
				});
			}
			if (end && en && c && c[0] > en[1]) {
				findings.push({
					source: f.source,
					path: [...base, 'last_corroborated'],
					message: `Feature "${id}" was last corroborated (${formatDatePrec(seen)}) after it ended (${formatDatePrec(end)}); move the end date or the corroboration date.`
				});
			}
		}

		const published = new Map(model.documents.map((d) => [d.value.id, d.value.published]));
		for (const c of model.claims) {
			const asOf = wellFormed(c.value.as_of);
			if (!asOf) continue;
			c.value.documents.forEach((docId) => {
				const pub = published.get(docId);
				const p = pub ? wellFormed(pub) : null;
				if (!pub || !p || asOf[0] <= p[1]) return;
				findings.push({
					source: c.source,
					path: [...c.path, 'as_of'],
					message: `Claim "${c.value.id}" is dated as of ${formatDatePrec(c.value.as_of)}, later than document "${docId}" that reports it can have been published (by ${formatDay(p[1])}); check both dates.`
				});
			});
		}
		return findings;
	}
};
