/**
 * dispute-status: a claim's status and its `disputed_by` list must agree, so the map never shows
 * a contested figure as settled, nor calls a figure disputed without saying by whom.
 */
import type { Finding, Rule } from './types.ts';

export const disputeStatus: Rule = {
	id: 'dispute-status',
	severity: 'error',
	check({ model }) {
		const findings: Finding[] = [];
		for (const c of model.claims) {
			const { id, status, disputed_by } = c.value;
			if (disputed_by.length > 0 && status !== 'disputed') {
				findings.push({
					source: c.source,
					path: [...c.path, 'status'],
					message: `Claim "${id}" lists claims that dispute it, so its status must be "disputed", not "${status}".`
				});
			}
			if (disputed_by.length === 0 && status === 'disputed') {
				findings.push({
					source: c.source,
					path: [...c.path, 'disputed_by'],
					message: `Claim "${id}" has status "disputed" but "disputed_by" is empty; list the claims that dispute it.`
				});
			}
			disputed_by.forEach((other, i) => {
				if (other !== id) return;
				findings.push({
					source: c.source,
					path: [...c.path, 'disputed_by', i],
					message: `Claim "${id}" lists itself in "disputed_by"; a claim cannot dispute itself.`
				});
			});
		}
		return findings;
	}
};
