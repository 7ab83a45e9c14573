/**
 * Validation issues: what went wrong, where, under which rule. Validation never throws; it
 * collects every issue so a data maintainer can fix them all in one pass.
 */

/** Rule ids. Each names a file in `./rules/` and a fixture folder in tests/fixtures/geo/invalid/. */
export const RULE_IDS = [
	'json-syntax',
	'missing-file',
	'geojson-structure',
	'schema',
	'duplicate-id',
	'unknown-reference',
	'dispute-status',
	'date-format',
	'date-order',
	'coordinate-range',
	'ring-closed',
	'geometry-valid',
	'geometry-provenance',
	'feature-unsupported',
	'zone-scope',
	'date-source',
	'announcement-status',
	'opinion-support',
	'unused-document'
] as const;
export type RuleId = (typeof RULE_IDS)[number];

export type Severity = 'error' | 'warning';

export type JsonPath = (string | number)[];

export interface Issue {
	/** Path as the maintainer knows it, e.g. "geo/claims.json". */
	file: string;
	/** 1-based. 0 when the input had no text (an already-parsed object), so no position exists. */
	line: number;
	/** 1-based, in characters. 0 when line is 0. */
	column: number;
	rule: RuleId;
	severity: Severity;
	/** A plain sentence for a data maintainer, naming the item and field concerned. */
	message: string;
	/** JSON path of the offending value inside the file, when there is one. */
	path?: JsonPath;
}

/**
 * `file:line:column: rule: message`, the format editors and CI logs turn into links. A warning's
 * message starts with "warning: " so it stands out without breaking that format.
 */
export function formatIssue(issue: Issue): string {
	const prefix = issue.severity === 'warning' ? 'warning: ' : '';
	return `${issue.file}:${issue.line}:${issue.column}: ${issue.rule}: ${prefix}${issue.message}`;
}

export function compareIssues(a: Issue, b: Issue): number {
	if (a.file !== b.file) return a.file < b.file ? -1 : 1;
	if (a.line !== b.line) return a.line - b.line;
	if (a.column !== b.column) return a.column - b.column;
	if (a.rule !== b.rule) return a.rule < b.rule ? -1 : 1;
	return a.message < b.message ? -1 : a.message > b.message ? 1 : 0;
}

export function hasErrors(issues: readonly Issue[]): boolean {
	return issues.some((i) => i.severity === 'error');
}

/** Thrown by the all-or-nothing wrappers; carries every issue, errors and warnings alike. */
export class GeoValidationError extends Error {
	readonly issues: Issue[];

	constructor(issues: Issue[]) {
		const errors = issues.filter((i) => i.severity === 'error');
		super(
			`The geo data has ${errors.length} error${errors.length === 1 ? '' : 's'}:\n` +
				errors.map(formatIssue).join('\n')
		);
		this.name = 'GeoValidationError';
		this.issues = issues;
	}
}
