/**
 * Checks that text written for the audience (briefing captions and notes, feature summaries and
 * notes, claim statements and reasons) reads in plain words: no internal ids ("doc-000", a claim
 * id, a field name such as "ne_region"), no grading code without its meaning ("credibility 2"
 * rather than "rated probably true"), and every acronym spelled out at its first use ("National
 * Intelligence Service (NIS)").
 */

export type PlainWordsProblemKind = 'internal-id' | 'grade-code' | 'acronym';

export interface PlainWordsProblem {
	kind: PlainWordsProblemKind;
	/** The offending words, as found. */
	found: string;
}

/** A data field's name in snake case ("ne_region", "geometry_provenance"): a code, not words. */
const FIELD_NAME = /(?<![\w-])[a-z][a-z0-9]*(?:_[a-z0-9]+)+(?![\w-])/g;

/** "doc-000" and the like, however the sentence capitalises it. */
const DOCUMENT_ID = /(?<![\w-])doc-\d+(?![\w-])/gi;

/** A grade named by its code alone: "credibility 2", "reliability D", "graded 6", "grade B". */
const GRADE_CODE =
	/\b(?:[Cc]redibility|[Rr]eliability|[Gg]rade[ds]?|[Rr]ated)\s+(?:of\s+)?[1-6A-F]\b(?!\s*[-:]?\s*\()/g;

/** ISO 3166-2 region codes ("RU-KRS") name basemap regions, not acronyms to spell out. */
const REGION_CODE = /\b[A-Z]{2}-[A-Z0-9]{1,3}\b/g;

/** Two or more capitals standing as a word: NIS, MSMT, KCNA, IT, UN. */
const ACRONYM = /(?<![\w-])[A-Z]{2,}(?![\w-])/g;

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Internal ids (documents, any of the given ids, data field names) and bare grading codes in one
 * text.
 */
export function idAndCodeProblems(text: string, ids: Iterable<string>): PlainWordsProblem[] {
	const problems: PlainWordsProblem[] = [];
	for (const m of text.matchAll(DOCUMENT_ID)) problems.push({ kind: 'internal-id', found: m[0] });
	for (const id of ids) {
		// Ids are hyphenated; a single word id ("nis") would match ordinary prose.
		if (!id.includes('-') || /^doc-\d+$/i.test(id)) continue;
		if (new RegExp(`(?<![\\w-])${escape(id)}(?![\\w-])`, 'i').test(text)) {
			problems.push({ kind: 'internal-id', found: id });
		}
	}
	for (const m of text.matchAll(FIELD_NAME)) problems.push({ kind: 'internal-id', found: m[0] });
	for (const m of text.matchAll(GRADE_CODE)) problems.push({ kind: 'grade-code', found: m[0] });
	return problems;
}

/**
 * Acronyms not spelled out at their first use across a sequence of texts read in order (one
 * briefing, or one summary). The first use must be written "Spelled out words (ACRONYM)".
 */
export function acronymProblems(texts: readonly string[]): PlainWordsProblem[] {
	const seen = new Set<string>();
	const problems: PlainWordsProblem[] = [];
	for (const text of texts) {
		const plain = text.replace(REGION_CODE, (code) => code.toLowerCase());
		for (const m of plain.matchAll(ACRONYM)) {
			const word = m[0];
			if (seen.has(word)) continue;
			seen.add(word);
			const at = m.index;
			const before = plain.slice(Math.max(0, at - 2), at);
			const after = plain.slice(at + word.length, at + word.length + 1);
			// "... Service (NIS)": an opening bracket after some words, a closing one after.
			const expanded = before === ' (' && after === ')' && /\w/.test(plain.slice(0, at - 2));
			if (!expanded) problems.push({ kind: 'acronym', found: word });
		}
	}
	return problems;
}
