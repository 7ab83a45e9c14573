/**
 * unused-document (warning): a document no claim cites is either still to be worked through or
 * was read and found irrelevant; either way a maintainer should know.
 */
import type { Rule } from './types.ts';

export const unusedDocument: Rule = {
	id: 'unused-document',
	severity: 'warning',
	check({ model }) {
		if (!model.loaded.has('claims')) return [];
		// Claims that failed the schema may still name documents; count those as citations.
		const rawCitations = [...model.rejected.claims.values()].flatMap((raw) => {
			const docs = (raw as { documents?: unknown }).documents;
			return Array.isArray(docs) ? docs.filter((d): d is string => typeof d === 'string') : [];
		});
		const cited = new Set([...model.claims.flatMap((c) => c.value.documents), ...rawCitations]);
		return model.documents
			.filter((d) => !cited.has(d.value.id))
			.map((d) => ({
				source: d.source,
				path: [...d.path, 'id'],
				message: `Document "${d.value.id}" is not cited by any claim; add the claims it supports, or remove it.`
			}));
	}
};
