/**
 * date-source: a feature's date borrowed from a claim ("from_claim") must come from a claim the
 * feature lists, and carry that claim's date, so a reader who opens the panel finds the claim
 * the date rests on. A date resting on an opinion rests on nothing.
 */
import type { DatePrec } from '../schema.ts';
import type { Finding, Rule } from './types.ts';

const DATE_KEYS = ['start', 'end', 'last_corroborated'] as const;

export const dateSource: Rule = {
	id: 'date-source',
	severity: 'error',
	check({ model }) {
		if (!model.loaded.has('claims')) return [];
		const claims = new Map(model.claims.map((c) => [c.value.id, c.value]));
		const findings: Finding[] = [];
		for (const f of model.features) {
			const { id, properties } = f.value;
			for (const key of DATE_KEYS) {
				const date: DatePrec | null = properties.presence[key];
				const from = date?.from_claim;
				if (!date || from === undefined) continue;
				const path = [...f.path, 'properties', 'presence', key, 'from_claim'];
				if (!properties.claims.includes(from)) {
					findings.push({
						source: f.source,
						path,
						message: `Feature "${id}" takes its ${key.replace('_', ' ')} date from claim "${from}", which the feature does not list in "claims"; take the date from one of its own claims, or list that claim.`
					});
					continue;
				}
				const claim = claims.get(from);
				if (!claim) continue;
				if (claim.basis === 'opinion') {
					findings.push({
						source: f.source,
						path,
						message: `Feature "${id}" takes its ${key.replace('_', ' ')} date from claim "${from}", which is an opinion; a date must rest on a report.`
					});
				} else if (
					date.value !== null &&
					(claim.as_of.value !== date.value || claim.as_of.precision !== date.precision)
				) {
					findings.push({
						source: f.source,
						path,
						message: `Feature "${id}" takes its ${key.replace('_', ' ')} date from claim "${from}", but gives ${date.value ?? 'no date'} (${date.precision}) where the claim's "as_of" is ${claim.as_of.value ?? 'unknown'} (${claim.as_of.precision}).`
					});
				}
			}
		}
		return findings;
	}
};
