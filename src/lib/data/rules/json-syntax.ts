/**
 * json-syntax: every file must be strict JSON (no comments, no trailing commas, no repeated
 * keys) in UTF-8 without a byte-order mark, within the size and nesting limits of LIMITS. Only the
 * first syntax error of a file is reported: later ones are usually echoes of it.
 */
import { parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import { LIMITS, lineStartsOf, type SourceFile } from '../source-file.ts';
import type { Finding } from './types.ts';

const MESSAGES: Record<string, string> = {
	InvalidSymbol:
		'This is not a JSON value: text needs double quotes, and true, false and null are lowercase.',
	InvalidNumberFormat:
		'This number is not written the way JSON allows (no leading zeros, NaN or Infinity).',
	PropertyNameExpected: 'A field name in double quotes was expected here.',
	ValueExpected: 'A value was expected here.',
	ColonExpected: 'A colon was expected here, between the field name and its value.',
	CommaExpected: 'A comma was expected here, between two entries.',
	CloseBraceExpected: 'An object opened earlier is not closed: a "}" was expected here.',
	CloseBracketExpected: 'A list opened earlier is not closed: a "]" was expected here.',
	EndOfFileExpected: 'The file should end here, but more text follows the JSON value.',
	InvalidCommentToken: 'JSON does not allow comments; move the remark into a "note" field.',
	UnexpectedEndOfComment: 'JSON does not allow comments; move the remark into a "note" field.',
	UnexpectedEndOfString: 'This text is not closed with a double quote.',
	UnexpectedEndOfNumber: 'This number ends too early.',
	InvalidUnicode: 'This \\u escape is not a valid Unicode escape.',
	InvalidEscapeCharacter: 'This backslash escape is not one JSON allows.',
	InvalidCharacter:
		'This text contains a raw control character such as a tab or line break; write it as \\t or \\n.'
};

function messageFor(error: ParseError, text: string): string {
	const code = printParseErrorCode(error.error);
	if (text.trim() === '') return 'The file is empty; it must contain a JSON value.';
	const closing = text[error.offset];
	if (
		(code === 'ValueExpected' || code === 'PropertyNameExpected') &&
		(closing === ']' || closing === '}')
	) {
		const before = text.slice(0, error.offset).trimEnd();
		if (before.endsWith(',')) {
			return `There is a comma before this "${closing}"; JSON does not allow a trailing comma.`;
		}
	}
	return MESSAGES[code] ?? `The JSON is malformed here (${code}).`;
}

function duplicateKeys(node: Node, source: SourceFile, findings: Finding[]): void {
	if (node.type === 'object') {
		const seen = new Set<string>();
		for (const property of node.children ?? []) {
			const key = property.children?.[0]?.value as string | undefined;
			if (key === undefined) continue;
			if (seen.has(key)) {
				findings.push({
					source,
					offset: property.offset,
					message: `The field "${key}" appears twice in this object; JSON readers keep only the last one, so the first is silently lost.`
				});
			}
			seen.add(key);
		}
	}
	for (const child of node.children ?? []) duplicateKeys(child, source, findings);
}

function megabytes(n: number): string {
	return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

function hex(byte: number): string {
	return `0x${byte.toString(16).toUpperCase().padStart(2, '0')}`;
}

const decodes = (bytes: Uint8Array): boolean => {
	try {
		// stream: an incomplete character at the end of a prefix is not an error yet.
		new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes, { stream: true });
		return true;
	} catch {
		return false;
	}
};

/**
 * Byte offset of the first byte that is not UTF-8. Only called once strict decoding has failed:
 * the longest prefix that still decodes is found by bisection, with the platform's decoder.
 */
function firstInvalidByte(bytes: Uint8Array): number {
	let lo = 0;
	let hi = bytes.length;
	while (lo < hi) {
		const mid = (lo + hi + 1) >> 1;
		if (decodes(bytes.subarray(0, mid))) lo = mid;
		else hi = mid - 1;
	}
	// Byte lo is where decoding fails. When it cuts short a character begun just before (a Latin-1
	// "è" followed by "r"), or the file ends inside one, point at that character's first byte.
	let lead = lo - 1;
	while (lead > 0 && lead > lo - 4 && (bytes[lead]! & 0xc0) === 0x80) lead--;
	const first = bytes[lead] ?? 0;
	const length = first >= 0xf0 ? 4 : first >= 0xe0 ? 3 : first >= 0xc0 ? 2 : 1;
	return lead >= 0 && length > 1 && lo - lead < length ? lead : lo;
}

/** Offset of the bracket that opens one level more than LIMITS.depth, without recursion. */
function tooDeepAt(text: string): number | null {
	let depth = 0;
	let inString = false;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (inString) {
			if (c === 92) i++;
			else if (c === 34) inString = false;
		} else if (c === 34) inString = true;
		else if (c === 91 || c === 123) {
			depth++;
			if (depth > LIMITS.depth) return i;
		} else if (c === 93 || c === 125) depth--;
	}
	return null;
}

/** The value of a syntax tree, as JSON.parse would give it, so each file is parsed only once. */
function valueOf(node: Node): unknown {
	if (node.type === 'array') return (node.children ?? []).map(valueOf);
	if (node.type === 'object') {
		// fromEntries defines own properties, so a "__proto__" key stays data, as in JSON.parse.
		return Object.fromEntries(
			(node.children ?? []).map((p) => [p.children![0]!.value as string, valueOf(p.children![1]!)])
		);
	}
	return node.value as unknown;
}

type Parsed = { source: SourceFile; ok: boolean; findings: Finding[] };

function sourceOf(key: string, file: string, text: string): SourceFile {
	return { key, file, text, value: undefined, root: null, lineStarts: lineStartsOf(text) };
}

const BOM_MESSAGE =
	'The file starts with a byte-order mark (the invisible character U+FEFF, bytes EF BB BF), which JSON does not allow; save the file as UTF-8 without BOM.';

/**
 * Turns a file's bytes into text, strictly: bytes that are not UTF-8 are reported (with their
 * byte offset and position) instead of being replaced with U+FFFD and published.
 */
function decodeFile(key: string, file: string, bytes: Uint8Array): Parsed | string {
	if (bytes.length > LIMITS.fileBytes) {
		const source = sourceOf(key, file, '');
		return {
			source,
			ok: false,
			findings: [
				{
					source,
					offset: 0,
					message: `This file is ${megabytes(bytes.length)}; the validator reads files of up to ${megabytes(LIMITS.fileBytes)} (see geo/README.md). Split it or simplify its geometry.`
				}
			]
		};
	}
	try {
		return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
	} catch {
		const at = firstInvalidByte(bytes);
		// The text up to the bad byte gives the line and column an editor shows for it.
		const before = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes.subarray(0, at));
		const source = sourceOf(key, file, before);
		return {
			source,
			ok: false,
			findings: [
				{
					source,
					offset: before.length,
					message: `This file is not valid UTF-8: the byte ${hex(bytes[at]!)} at byte offset ${at} does not belong to a UTF-8 character (was the file saved as Latin-1 or Windows-1252?). Save it as UTF-8.`
				}
			]
		};
	}
}

/**
 * Parses one file, given as bytes (read from disk: decoded strictly here) or as text. The source
 * comes back even when parsing failed, so findings have positions.
 */
export function parseSource(key: string, file: string, input: string | Uint8Array): Parsed {
	const decoded = typeof input === 'string' ? input : decodeFile(key, file, input);
	if (typeof decoded !== 'string') return decoded;
	const findings: Finding[] = [];
	let text = decoded;
	if (text.charCodeAt(0) === 0xfeff) {
		// Reported, then read without it: columns then match what an editor shows on line 1.
		text = text.slice(1);
		findings.push({ source: sourceOf(key, file, text), offset: 0, message: BOM_MESSAGE });
	}
	const source = sourceOf(key, file, text);
	for (const f of findings) f.source = source;
	if (text.length > LIMITS.fileBytes) {
		source.text = '';
		source.lineStarts = [0];
		findings.push({
			source,
			offset: 0,
			message: `This file is ${megabytes(text.length)}; the validator reads files of up to ${megabytes(LIMITS.fileBytes)} (see geo/README.md). Split it or simplify its geometry.`
		});
		return { source, ok: false, findings };
	}
	// The tree parser recurses once per level: a file nested thousands deep would overflow the stack.
	const deep = tooDeepAt(text);
	if (deep !== null) {
		findings.push({
			source,
			offset: deep,
			message: `Lists and objects are nested more than ${LIMITS.depth} levels deep here; the validator reads up to ${LIMITS.depth} (see geo/README.md), and no file of the data model needs more than about 10.`
		});
		return { source, ok: false, findings };
	}
	const errors: ParseError[] = [];
	source.root =
		parseTree(text, errors, { disallowComments: true, allowTrailingComma: false }) ?? null;
	const first = errors[0];
	if (first) {
		findings.push({ source, offset: first.offset, message: messageFor(first, text) });
		return { source, ok: false, findings };
	}
	if (source.root) {
		duplicateKeys(source.root, source, findings);
		source.value = valueOf(source.root);
	}
	// Repeated keys are reported but do not stop later checks: the parsed value is still usable.
	return { source, ok: source.value !== undefined, findings };
}
