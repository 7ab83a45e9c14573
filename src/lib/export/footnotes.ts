/**
 * Numbered source footnotes for what a figure or briefing step shows.
 *
 * Numbering rule:
 * 1. Features are taken in the order given. `footnoteOrder` gives the canonical order, the one
 *    exports use: legend order (the category order of CATEGORY_IDS), then name, then id. It does
 *    not depend on selection or on the order features were drawn, so the same view always gets
 *    the same numbers.
 * 2. Within a feature, its claims in the order the feature lists them (authors list the main
 *    claim first), and within a claim, its documents in the order listed.
 * 3. A document gets a number the first time it is met and keeps it: each document cited by the
 *    visible features appears exactly once, numbered 1, 2, 3 ... without gaps.
 *
 * Features without geometry (`not-located`, such as a meeting whose place is not given) are left
 * out and reported in `skipped`: the numbers are drawn next to map labels, and such a feature
 * has no label to carry them. Unknown and repeated ids are skipped the same way, never thrown on.
 * A feature without claims is kept with no numbers.
 */
import { formatDatePrec } from '../data/dates.ts';
import { CATEGORY_IDS, RELIABILITY_LABELS, type ReliabilityGrade } from '../data/vocabulary.ts';
import type { Dataset, DeploymentFeature, Document } from '../data/schema.ts';
import { safeHttpUrl } from './safe-url.ts';
import { oneLine } from './text-layout.ts';

export const OUTLET_NOT_NAMED = 'Outlet not named';
export const UNTITLED = 'Untitled';
export const NO_LINK = 'No link on file';
/** How an `unattributed` claimant is listed among the claims a document relays. */
export const UNATTRIBUTED = 'its own unattributed statements';

/** One cited document, with the parts a citation is built from. */
export interface Footnote {
	number: number;
	documentId: string;
	/** The outlet, or "Outlet not named". */
	outlet: string;
	outletNamed: boolean;
	/** The headline, or null when the copy on file has none ("Untitled"). */
	title: string | null;
	/** The publication date as formatDatePrec gives it: "c. Nov 2025 (not before 4 Nov 2025)". */
	published: string;
	reliability: { grade: ReliabilityGrade; meaning: string };
	/** Names of the claimants whose claims, among those shown, this document relays. */
	claimants: string[];
	/** A safe http(s) link, or null for "no link on file" (unsafe links are dropped). */
	url: string | null;
	/** The whole citation as one line of plain text. */
	text: string;
}

export interface FeatureFootnotes {
	featureId: string;
	name: string;
	/** Footnote numbers for this feature's label, ascending. Empty when it cites nothing. */
	numbers: number[];
}

export type SkipReason = 'unknown-feature' | 'not-located' | 'duplicate';

export interface Footnotes {
	footnotes: Footnote[];
	/** The kept features, in numbering order. */
	features: FeatureFootnotes[];
	skipped: { featureId: string; reason: SkipReason }[];
}

/**
 * Feature ids in the canonical numbering order: legend (category) order, then name, then id.
 * Unknown ids keep their relative order at the end, so numberFootnotes can report them.
 */
export function footnoteOrder(dataset: Dataset, featureIds: readonly string[]): string[] {
	const byId = new Map(dataset.features.map((f) => [f.id, f]));
	const rank = (f: DeploymentFeature): number => CATEGORY_IDS.indexOf(f.properties.category);
	const known = featureIds.flatMap((id) => byId.get(id) ?? []);
	const unknown = featureIds.filter((id) => !byId.has(id));
	known.sort(
		(a, b) =>
			rank(a) - rank(b) ||
			a.properties.name.localeCompare(b.properties.name, 'en') ||
			(a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
	);
	return [...known.map((f) => f.id), ...unknown];
}

/** One sentence of a citation; `link` is set on the sentence that is the document's URL. */
export interface CitationSentence {
	text: string;
	link: string | null;
}

/** Ends a sentence with a full stop unless it already ends with one (or ? or !). */
function sentence(text: string): CitationSentence {
	return { text: /[.?!]["”’)]?$/.test(text) ? text : `${text}.`, link: null };
}

/**
 * A citation as sentences: outlet, title in quotes, publication date, reliability grade with its
 * meaning, the claimants whose claims it relays, and the link (or "No link on file"). No internal
 * record id: the audience reads this, and outlet, title and date identify the document. The link
 * is left without a full stop so that copying it never copies a stray character.
 */
export function citationSentences(note: Omit<Footnote, 'text' | 'number'>): CitationSentence[] {
	const date = note.published.startsWith('unknown')
		? `Publication date ${note.published}`
		: `Published ${note.published}`;
	const out = [
		sentence(note.outlet),
		sentence(note.title === null ? UNTITLED : `"${note.title}"`),
		sentence(date),
		sentence(`Reliability ${note.reliability.grade}: ${note.reliability.meaning}`)
	];
	if (note.claimants.length > 0)
		out.push(sentence(`Claims relayed from: ${note.claimants.join('; ')}`));
	out.push(note.url === null ? sentence(NO_LINK) : { text: note.url, link: note.url });
	return out;
}

/** The citation as one line of plain text. */
export function citationText(note: Omit<Footnote, 'text' | 'number'>): string {
	return citationSentences(note)
		.map((s) => s.text)
		.join(' ');
}

function draftFootnote(document: Document): Omit<Footnote, 'text' | 'number'> {
	const outlet = document.outlet === null ? null : oneLine(document.outlet);
	const title = document.title === null ? null : oneLine(document.title);
	return {
		documentId: document.id,
		outlet: outlet || OUTLET_NOT_NAMED,
		outletNamed: Boolean(outlet),
		title: title || null,
		published: formatDatePrec(document.published),
		reliability: {
			grade: document.reliability.grade,
			meaning: RELIABILITY_LABELS[document.reliability.grade]
		},
		claimants: [],
		url: safeHttpUrl(document.url)
	};
}

/** The footnotes for features shown together: ordered as footnoteOrder says, then numbered. */
export function citeFeatures(dataset: Dataset, featureIds: readonly string[]): Footnotes {
	return numberFootnotes(dataset, footnoteOrder(dataset, featureIds));
}

/**
 * Numbers the documents cited by `orderedFeatureIds` (see the rule at the top of this file) and
 * gives each feature the numbers to print beside its label.
 */
export function numberFootnotes(dataset: Dataset, orderedFeatureIds: readonly string[]): Footnotes {
	const features = new Map(dataset.features.map((f) => [f.id, f]));
	const claims = new Map(dataset.claims.map((c) => [c.id, c]));
	const documents = new Map(dataset.documents.map((d) => [d.id, d]));
	// "No source named" reads as a contradiction in a list of sources relayed; say what it is.
	const claimantNames = new Map(
		dataset.claimants.map((c) => [c.id, c.kind === 'unattributed' ? UNATTRIBUTED : c.name])
	);

	const drafts = new Map<string, Omit<Footnote, 'text' | 'number'> & { number: number }>();
	const kept: FeatureFootnotes[] = [];
	const skipped: Footnotes['skipped'] = [];
	const seen = new Set<string>();

	for (const featureId of orderedFeatureIds) {
		const feature = features.get(featureId);
		if (!feature) {
			skipped.push({ featureId, reason: 'unknown-feature' });
			continue;
		}
		if (seen.has(featureId)) {
			skipped.push({ featureId, reason: 'duplicate' });
			continue;
		}
		seen.add(featureId);
		if (feature.geometry === null || feature.properties.location_precision === 'not-located') {
			skipped.push({ featureId, reason: 'not-located' });
			continue;
		}
		const numbers = new Set<number>();
		for (const claimId of feature.properties.claims) {
			const claim = claims.get(claimId);
			if (!claim) continue;
			const claimant = claimantNames.get(claim.claimant) ?? claim.claimant;
			for (const documentId of claim.documents) {
				const document = documents.get(documentId);
				if (!document) continue;
				let draft = drafts.get(documentId);
				if (!draft) {
					draft = { ...draftFootnote(document), number: drafts.size + 1 };
					drafts.set(documentId, draft);
				}
				if (!draft.claimants.includes(claimant)) draft.claimants.push(claimant);
				numbers.add(draft.number);
			}
		}
		kept.push({
			featureId,
			name: feature.properties.name,
			numbers: [...numbers].sort((a, b) => a - b)
		});
	}

	const footnotes = [...drafts.values()].map((d) => ({ ...d, text: citationText(d) }));
	return { footnotes, features: kept, skipped };
}

/**
 * The marker printed after a label: "[1, 3]", with runs of three or more shortened ("[1–4, 7]").
 * Empty when there are no numbers.
 */
export function footnoteMarker(numbers: readonly number[]): string {
	const sorted = [...new Set(numbers)].sort((a, b) => a - b);
	if (sorted.length === 0) return '';
	const parts: string[] = [];
	let start = 0;
	for (let i = 1; i <= sorted.length; i++) {
		const prev = sorted[i - 1] ?? 0;
		if (i < sorted.length && sorted[i] === prev + 1) continue;
		const first = sorted[start] ?? 0;
		const run = i - start;
		if (run >= 3) parts.push(`${first}\u2013${prev}`);
		else parts.push(...sorted.slice(start, i).map(String));
		start = i;
	}
	return `[${parts.join(', ')}]`;
}

/** A map label with its footnote marker: "Kursk region: deminers [1, 3]". */
export function labelWithFootnotes(name: string, numbers: readonly number[]): string {
	const marker = footnoteMarker(numbers);
	return marker ? `${name} ${marker}` : name;
}
