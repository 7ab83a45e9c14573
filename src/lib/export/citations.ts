/**
 * "Copy citations": the sources of the current view or briefing step as plain text and as
 * Markdown, numbered exactly as the figure's footnotes (both come from numberFootnotes).
 *
 * Every piece of data text is flattened to one line first, so a newline in a title cannot start
 * a fake entry. Markdown output also escapes the characters that would turn data text into
 * emphasis, code, links, HTML or entities, and writes links only as http(s) autolinks.
 */
import { citationSentences, footnoteMarker, type Footnote, type Footnotes } from './footnotes.ts';
import { safeHttpUrl } from './safe-url.ts';
import { oneLine } from './text-layout.ts';

/**
 * The caveat every figure carries. A label shows only figures the sources give for the place it
 * marks (issue 10), and "announced" on a label is a plan made public, not a confirmed deployment.
 */
export const FIGURE_CAVEAT =
	'Open-source reporting; figures are estimates. A label shows only figures given for the place it marks; "announced" means a plan made public, not a confirmed deployment.';
/** The basemap's credits as a figure prints them (the map's attribution control, in words). */
export const FIGURE_ATTRIBUTION =
	'Basemap: Natural Earth (public domain); places: GeoNames (CC BY 4.0); MapLibre.';
/** Added to the caveat of a figure filtered by date, where marks may be drawn faded. */
export const FADE_NOTE =
	'Faded marks are uncertain on this date: their dates are known only roughly, or their evidence is over six months old.';

/** The caveat line of a figure: the fade note joins it when the figure is filtered by date. */
export function figureCaveat(dated: boolean): string {
	return dated ? `${FIGURE_CAVEAT} ${FADE_NOTE}` : FIGURE_CAVEAT;
}

export interface CitationHeading {
	/** "North Korean personnel in Russia, 2024-2025: Border guard duty" or the view's title. */
	title: string;
	/** "As of 4 Nov 2025", or null when the view is not filtered by date. */
	asOf: string | null;
}

export interface CitationOptions {
	/** List the features shown with their footnote numbers (default true). */
	includeFeatures?: boolean;
	/** Closing caveat line (default FIGURE_CAVEAT; null for none). */
	caveat?: string | null;
}

const SOURCES_HEADING = 'Sources';
const FEATURES_HEADING = 'Shown on the map';
const NO_SOURCES = 'No sources: nothing with a cited source is shown.';

/* ------------------------------------------------------------------------------------------ */

/** Plain text: a title line, the as-of line, then "[n] citation" lines. */
export function citationsText(
	heading: CitationHeading,
	notes: Footnotes,
	options: CitationOptions = {}
): string {
	const out: string[] = [oneLine(heading.title)];
	if (heading.asOf) out.push(oneLine(heading.asOf));
	out.push('', `${SOURCES_HEADING}:`);
	if (notes.footnotes.length === 0) out.push(NO_SOURCES);
	for (const note of notes.footnotes) out.push(`[${note.number}] ${oneLine(note.text)}`);
	if (options.includeFeatures ?? true) {
		const features = notes.features.filter((f) => f.numbers.length > 0);
		if (features.length > 0) {
			out.push('', `${FEATURES_HEADING}:`);
			for (const f of features) out.push(`${oneLine(f.name)} ${footnoteMarker(f.numbers)}`);
		}
	}
	const caveat = options.caveat === undefined ? FIGURE_CAVEAT : options.caveat;
	if (caveat) out.push('', oneLine(caveat));
	return `${out.join('\n')}\n`;
}

/* ------------------------------------------------------------------------------------------ */

/**
 * Backslash-escapes Markdown syntax in one line of data text. CommonMark lets any ASCII
 * punctuation be escaped, so escaping a little more than needed is harmless; leaving `*`, `_`,
 * backticks, brackets, `<` or `&` would let a title turn into emphasis, code, a link, raw HTML
 * or an entity. A line that would start a heading, list, quote or rule gets its first character
 * escaped too.
 */
export function escapeMarkdown(text: string): string {
	const flat = oneLine(text).replace(/[\\`*_{}[\]()<>&|~!#]/g, (c) => `\\${c}`);
	// "+ x", "- x", "= x", "> x" and "1. x" / "1) x" start blocks only at the start of a line.
	return flat.replace(/^([+\-=])/, '\\$1').replace(/^(\d+)([.)])/, '$1\\$2');
}

/** An http(s) link as a CommonMark autolink, or null. Autolinks cannot carry markup. */
function markdownLink(url: string | null): string | null {
	const safe = safeHttpUrl(url);
	// The URL parser percent-encodes spaces, "<" and ">", which are all an autolink forbids.
	return safe === null ? null : `<${safe}>`;
}

function citationMarkdown(note: Footnote): string {
	return citationSentences(note)
		.map((s) => (s.link === null ? escapeMarkdown(s.text) : (markdownLink(s.link) ?? '')))
		.filter(Boolean)
		.join(' ');
}

/** Markdown: a bold title, the as-of line, a numbered list matching the footnotes. */
export function citationsMarkdown(
	heading: CitationHeading,
	notes: Footnotes,
	options: CitationOptions = {}
): string {
	const out: string[] = [`**${escapeMarkdown(heading.title)}**`];
	if (heading.asOf) out.push('', escapeMarkdown(heading.asOf));
	out.push('', `${SOURCES_HEADING}:`, '');
	if (notes.footnotes.length === 0) out.push(escapeMarkdown(NO_SOURCES));
	// Explicit numbers: footnotes run 1, 2, 3 ... so a renderer's own numbering agrees with them.
	for (const note of notes.footnotes) out.push(`${note.number}. ${citationMarkdown(note)}`);
	if (options.includeFeatures ?? true) {
		const features = notes.features.filter((f) => f.numbers.length > 0);
		if (features.length > 0) {
			out.push('', `${FEATURES_HEADING}:`, '');
			for (const f of features) {
				out.push(`- ${escapeMarkdown(f.name)} ${escapeMarkdown(footnoteMarker(f.numbers))}`);
			}
		}
	}
	const caveat = options.caveat === undefined ? FIGURE_CAVEAT : options.caveat;
	if (caveat) out.push('', `_${escapeMarkdown(caveat)}_`);
	return `${out.join('\n')}\n`;
}
