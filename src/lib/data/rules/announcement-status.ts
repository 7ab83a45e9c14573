/**
 * announcement-status: an announcement is not a confirmed deployment. A plan ("North Korea will
 * send ...") can be announced or reported, never confirmed; and only a plan can be announced, so
 * the map and the panel never show an announced figure as one confirmed on the ground.
 */
import type { Finding, Rule } from './types.ts';

export const announcementStatus: Rule = {
	id: 'announcement-status',
	severity: 'error',
	check({ model }) {
		const findings: Finding[] = [];
		for (const c of model.claims) {
			const { id, kind, status } = c.value;
			if (kind === 'plan' && status === 'confirmed') {
				findings.push({
					source: c.source,
					path: [...c.path, 'status'],
					message: `Claim "${id}" is a plan, so it cannot be "confirmed": use "announced" when a party to it made it public, or "reported" when a third party describes it.`
				});
			}
			if (status === 'announced' && kind !== 'plan') {
				findings.push({
					source: c.source,
					path: [...c.path, 'kind'],
					message: `Claim "${id}" has status "announced", so its kind must be "plan", not "${kind}": an announcement says what will be done, not what was done.`
				});
			}
		}
		return findings;
	}
};
