/**
 * duplicate-id: ids are how claims, features and briefings point at each other and how URLs
 * name a selection, so each id may be used once per kind (and step ids once per briefing).
 */
import type { JsonPath } from '../issues.ts';
import { locate, type SourceFile } from '../source-file.ts';
import type { Finding, Rule } from './types.ts';

interface IdUse {
	id: string;
	source: SourceFile;
	path: JsonPath;
}

function duplicates(noun: string, uses: IdUse[]): Finding[] {
	const first = new Map<string, IdUse>();
	const findings: Finding[] = [];
	for (const use of uses) {
		const earlier = first.get(use.id);
		if (!earlier) {
			first.set(use.id, use);
			continue;
		}
		const at = locate(earlier.source, earlier.path);
		const where =
			earlier.source.file === use.source.file
				? `line ${at.line}`
				: `${earlier.source.file} line ${at.line}`;
		findings.push({
			source: use.source,
			path: use.path,
			message: `The ${noun} id "${use.id}" is already used on ${where}; give this ${noun} a different id.`
		});
	}
	return findings;
}

export const duplicateId: Rule = {
	id: 'duplicate-id',
	severity: 'error',
	check({ model }) {
		const ids = <T extends { id: string }>(
			items: { value: T; source: SourceFile; path: JsonPath }[]
		) => items.map((i) => ({ id: i.value.id, source: i.source, path: [...i.path, 'id'] }));
		const findings = [
			...duplicates('document', ids(model.documents)),
			...duplicates('claimant', ids(model.claimants)),
			...duplicates('claim', ids(model.claims)),
			...duplicates('feature', ids(model.features)),
			...duplicates('briefing', ids(model.briefings))
		];
		for (const b of model.briefings) {
			findings.push(
				...duplicates(
					`step (in briefing "${b.value.id}")`,
					b.value.steps.map((s, i) => ({
						id: s.id,
						source: b.source,
						path: [...b.path, 'steps', i, 'id']
					}))
				)
			);
		}
		return findings;
	}
};
