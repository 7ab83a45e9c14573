/**
 * date-format: a date's value must be written to match its precision ("2025-11-04" for a day,
 * "2025-11" for a month, "2025" for a year, null when unknown) and be a real calendar date; bounds
 * are full dates; and any date that was not printed as such says in a note how it was resolved.
 */
import { dayNumber, valueRange } from '../dates.ts';
import type { Finding, Rule } from './types.ts';
import { datedFields } from './walk.ts';

const SHAPES = { day: 'YYYY-MM-DD', month: 'YYYY-MM', year: 'YYYY' } as const;

export const dateFormat: Rule = {
	id: 'date-format',
	severity: 'error',
	check({ model }) {
		const findings: Finding[] = [];
		for (const { date, source, path, label } of datedFields(model)) {
			const cap = label.charAt(0).toUpperCase() + label.slice(1);
			if (date.precision === 'unknown') {
				if (date.value !== null) {
					findings.push({
						source,
						path: [...path, 'value'],
						message: `${cap} has precision "unknown", so its value must be null, not "${date.value}".`
					});
				}
			} else if (date.value === null) {
				findings.push({
					source,
					path: [...path, 'value'],
					message: `${cap} has precision "${date.precision}" but no value; write it as ${SHAPES[date.precision]}, or set the precision to "unknown".`
				});
			} else if (!valueRange(date.value, date.precision)) {
				const shapeOk = new RegExp(`^${SHAPES[date.precision].replace(/[YMD]/g, '\\d')}$`).test(
					date.value
				);
				findings.push({
					source,
					path: [...path, 'value'],
					message: shapeOk
						? `${cap} is "${date.value}", which is not a real calendar date.`
						: `${cap} is "${date.value}", which does not match its precision "${date.precision}"; write it as ${SHAPES[date.precision]}.`
				});
			}
			for (const bound of ['earliest', 'latest'] as const) {
				const value = date[bound];
				if (value !== undefined && dayNumber(value) === null) {
					findings.push({
						source,
						path: [...path, bound],
						message: `${cap} has ${bound} bound "${value}", which is not a real calendar date written as YYYY-MM-DD.`
					});
				}
			}
			if (
				date.note === undefined &&
				(date.resolution !== 'stated' || date.precision === 'unknown')
			) {
				const why =
					date.precision === 'unknown' || date.resolution === 'unresolved'
						? 'is unknown'
						: `was ${date.resolution}, not stated`;
				findings.push({
					source,
					path: [...path, 'resolution'],
					message: `${cap} ${why}, so it needs a "note" saying how it was worked out from the document.`
				});
			}
		}
		for (const b of model.briefings) {
			b.value.steps.forEach((step, i) => {
				if (step.time === null || dayNumber(step.time.date) !== null) return;
				findings.push({
					source: b.source,
					path: [...b.path, 'steps', i, 'time', 'date'],
					message: `Step "${step.id}" of briefing "${b.value.id}" has time "${step.time.date}", which is not a real calendar date written as YYYY-MM-DD.`
				});
			});
		}
		return findings;
	}
};
