/**
 * Small datasets built fresh for each test (no shared mutable fixtures). Only the fields the
 * export code reads are varied; the rest are valid, dull defaults.
 */
import type {
	CategoryId,
	Claim,
	Claimant,
	Dataset,
	DeploymentFeature,
	Document
} from '../../../src/lib/data/schema.ts';

export function doc(id: string, overrides: Partial<Document> = {}): Document {
	return {
		id,
		outlet: null,
		byline: null,
		title: null,
		summary: 'A test document.',
		published: { value: '2025-11', precision: 'month', resolution: 'stated' },
		url: null,
		corpus_ref: null,
		language: 'en',
		kind: 'press',
		reliability: { grade: 'C', reason: 'Test.' },
		cites: [],
		...overrides
	};
}

export function claimant(id: string, name: string): Claimant {
	return { id, name, kind: 'government', country: null };
}

export function claim(id: string, claimantId: string, documents: string[]): Claim {
	return {
		id,
		statement: 'Something was said.',
		kind: 'deployment',
		basis: 'report',
		claimant: claimantId,
		via: null,
		documents,
		figure: null,
		scope: { kind: 'none', words: null, note: 'Somewhere.' },
		as_of: { value: '2025', precision: 'year', resolution: 'stated' },
		credibility: { grade: 2, reason: 'Test.' },
		status: 'reported',
		disputed_by: []
	};
}

export function feature(
	id: string,
	category: CategoryId,
	name: string,
	claims: string[],
	located = true
): DeploymentFeature {
	const date = { value: '2025', precision: 'year' as const, resolution: 'stated' as const };
	return {
		type: 'Feature',
		id,
		properties: {
			name,
			category,
			summary: 'A test feature.',
			presence: { start: date, end: null, last_corroborated: date },
			location_precision: located ? 'region' : 'not-located',
			location_basis: located ? 'stated' : 'not-given',
			location_note: 'Test.',
			geometry_provenance: located
				? {
						method: 'admin1',
						source: 'geo/basemap/admin1.geojson',
						iso_3166_2: 'RU-KRS'
					}
				: { method: 'none', reason: 'Not given.' },
			claims
		},
		geometry: located ? { type: 'Point', coordinates: [36, 51] } : null
	};
}

export function dataset(parts: Partial<Dataset>): Dataset {
	return { documents: [], claimants: [], claims: [], features: [], briefings: [], ...parts };
}
