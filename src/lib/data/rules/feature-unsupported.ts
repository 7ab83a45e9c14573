/**
 * feature-unsupported: nothing goes on the map unless a claim backed by a document supports it.
 */
import type { Rule } from './types.ts';

export const featureUnsupported: Rule = {
	id: 'feature-unsupported',
	severity: 'error',
	check({ model }) {
		// Without the claims or documents file there is nothing to judge support by; that file's
		// own problem is reported already.
		if (!model.loaded.has('claims') || !model.loaded.has('documents')) return [];
		const documents = new Set([
			...model.documents.map((d) => d.value.id),
			...model.rejected.documents.keys()
		]);
		const backed = new Set(
			model.claims
				.filter((c) => c.value.documents.some((d) => documents.has(d)))
				.map((c) => c.value.id)
		);
		// A claim that failed the schema cannot be judged; the schema rule has reported it.
		const supports = (id: string) => backed.has(id) || model.rejected.claims.has(id);
		return model.features
			.filter((f) => !f.value.properties.claims.some(supports))
			.map((f) => ({
				source: f.source,
				path: [...f.path, 'properties', 'claims'],
				message: `Feature "${f.value.id}" has no supporting claim backed by a document; list in "claims" at least one claim whose "documents" names a document that exists.`
			}));
	}
};
