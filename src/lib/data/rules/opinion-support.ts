/**
 * opinion-support: an opinion (a commentator's view, an official's interpretation, a forecast)
 * is shown in a panel but is never support for a place. So a feature must list at least one
 * claim that is not an opinion, and an opinion is never "confirmed" or "announced", never graded
 * better than 6 (its truth cannot be judged, so it cannot lift a feature past a confidence
 * filter), nor carries a figure that would stand in a zone's figures.
 */
import type { Finding, Rule } from './types.ts';

export const opinionSupport: Rule = {
	id: 'opinion-support',
	severity: 'error',
	check({ model }) {
		const findings: Finding[] = [];
		for (const c of model.claims) {
			const { id, basis, status, figure, credibility } = c.value;
			if (basis !== 'opinion') continue;
			if (credibility.grade !== 6) {
				findings.push({
					source: c.source,
					path: [...c.path, 'credibility', 'grade'],
					message: `Claim "${id}" is an opinion, so its credibility grade must be 6 (truth cannot be judged), not ${credibility.grade}; say in the reason how far the speaker can be trusted.`
				});
			}
			if (status === 'confirmed' || status === 'announced') {
				findings.push({
					source: c.source,
					path: [...c.path, 'status'],
					message: `Claim "${id}" is an opinion, so its status cannot be "${status}"; use "claimed" (or "disputed").`
				});
			}
			if (figure !== null) {
				findings.push({
					source: c.source,
					path: [...c.path, 'figure'],
					message: `Claim "${id}" is an opinion but carries a figure; a number of people is a report, so record it as a claim with "basis": "report".`
				});
			}
		}
		if (!model.loaded.has('claims')) return findings;
		const opinions = new Set(
			model.claims.filter((c) => c.value.basis === 'opinion').map((c) => c.value.id)
		);
		for (const f of model.features) {
			const listed = f.value.properties.claims;
			if (listed.length === 0 || !listed.every((id) => opinions.has(id))) continue;
			findings.push({
				source: f.source,
				path: [...f.path, 'properties', 'claims'],
				message: `Feature "${f.value.id}" rests only on opinions; list at least one claim with "basis": "report" that supports it.`
			});
		}
		return findings;
	}
};
