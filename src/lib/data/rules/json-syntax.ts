/**
 * json-syntax: every file must be strict JSON (no comments, no trailing commas, no repeated
 * keys). Only the first syntax error of a file is reported: later ones are usually echoes of it.
 */
import { parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import { lineStartsOf, type SourceFile } from '../source-file.ts';
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

/** Parses one file. The source comes back even when parsing failed, so findings have positions. */
export function parseSource(
	key: string,
	file: string,
	text: string
): { source: SourceFile; ok: boolean; findings: Finding[] } {
	const errors: ParseError[] = [];
	const root =
		parseTree(text, errors, { disallowComments: true, allowTrailingComma: false }) ?? null;
	const source: SourceFile = {
		key,
		file,
		text,
		value: undefined,
		root,
		lineStarts: lineStartsOf(text)
	};
	const first = errors[0];
	if (first) {
		return {
			source,
			ok: false,
			findings: [{ source, offset: first.offset, message: messageFor(first, text) }]
		};
	}
	const findings: Finding[] = [];
	if (root) duplicateKeys(root, source, findings);
	try {
		source.value = JSON.parse(text) as unknown;
	} catch (e) {
		// jsonc-parser is more lenient than JSON.parse in a few corners (a byte-order mark, for one).
		findings.push({
			source,
			offset: 0,
			message: `This is not strict JSON: ${(e as Error).message}.`
		});
	}
	// Repeated keys are reported but do not stop later checks: the parsed value is still usable.
	return { source, ok: source.value !== undefined, findings };
}
