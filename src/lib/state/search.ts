/**
 * Search over features, places and sources. Every word typed must appear (in any order, any
 * case); features come first, then places, then sources.
 */
import { outletName, type EvidenceIndex } from '../data/evidence.ts';
import { CATEGORY_LABELS } from '../data/vocabulary.ts';
import type { Place } from './places.ts';

export type SearchResult =
	| { kind: 'feature'; id: string; label: string; detail: string }
	| { kind: 'place'; place: Place; label: string; detail: string }
	| { kind: 'source'; id: string; label: string; detail: string };

function matches(text: string, words: string[]): boolean {
	const t = text.toLowerCase();
	return words.every((w) => t.includes(w));
}

export function search(
	index: EvidenceIndex,
	places: Place[],
	query: string,
	limits = { features: 8, places: 5, sources: 5 }
): SearchResult[] {
	const words = query.toLowerCase().split(/\s+/).filter(Boolean);
	if (words.length === 0) return [];
	const features: SearchResult[] = index.dataset.features
		.filter((f) => matches(`${f.properties.name} ${CATEGORY_LABELS[f.properties.category]}`, words))
		.map((f) => ({
			kind: 'feature',
			id: f.id,
			label: f.properties.name,
			detail: CATEGORY_LABELS[f.properties.category]
		}));
	const placeHits: SearchResult[] = places
		.filter((p) => matches(p.name, words))
		.sort((a, b) => a.rank - b.rank || a.name.localeCompare(b.name))
		.map((p) => ({ kind: 'place', place: p, label: p.name, detail: `Place, ${p.country}` }));
	const sources: SearchResult[] = index.dataset.documents
		.filter((d) =>
			matches(`${outletName(d)} ${d.title ?? ''} ${d.cites.join(' ')} ${d.summary}`, words)
		)
		.map((d) => ({
			kind: 'source',
			id: d.id,
			label: d.title ? `${outletName(d)}: ${d.title}` : `${outletName(d)} (${d.id})`,
			detail: 'Source document'
		}));
	return [
		...features.slice(0, limits.features),
		...placeHits.slice(0, limits.places),
		...sources.slice(0, limits.sources)
	];
}
