/**
 * The validator core: file contents in, located issues (and, when there are no errors, the typed
 * dataset) out. Pure: no file system, no DOM, so the browser can validate an imported file with
 * exactly the rules the build uses.
 */
import { GEO_FILES, isGeoDataFile, isGeojsonFile } from './geo-layout.ts';
import {
	compareIssues,
	GeoValidationError,
	hasErrors,
	type Issue,
	type RuleId,
	type Severity
} from './issues.ts';
import { checkGeojsonStructure } from './rules/geojson-structure.ts';
import { MODEL_RULES } from './rules/index.ts';
import { parseSource } from './rules/json-syntax.ts';
import { buildModel } from './rules/schema.ts';
import type { Finding, Model, RuleContext } from './rules/types.ts';
import type { Dataset } from './schema.ts';
import { locate, positionAt, type SourceFile } from './source-file.ts';

/**
 * File contents keyed by path relative to the geo/ root ("claims.json", "briefings/demo.json"):
 * bytes as read from disk (decoded strictly as UTF-8 by the json-syntax rule) or text.
 */
export type GeoFiles = Record<string, string | Uint8Array>;

export interface ValidateOptions {
	/** Prepended to keys in issue file names; defaults to "geo/". */
	prefix?: string;
}

export interface ValidationResult {
	/** Sorted by file, line and column. */
	issues: Issue[];
	/** The checked data; null when there is any error. */
	dataset: Dataset | null;
}

interface Tagged {
	rule: RuleId;
	severity: Severity;
	finding: Finding;
}

function toIssue({ rule, severity, finding }: Tagged): Issue {
	const { source, path, offset, message } = finding;
	const at =
		offset !== undefined
			? positionAt(source, offset)
			: path
				? locate(source, path)
				: source.text === null
					? { line: 0, column: 0 }
					: { line: 1, column: 1 };
	const issue: Issue = {
		file: source.file,
		line: at.line,
		column: at.column,
		rule,
		severity,
		message
	};
	if (path) issue.path = path;
	return issue;
}

function datasetOf(model: Model): Dataset {
	return {
		documents: model.documents.map((d) => d.value),
		claimants: model.claimants.map((c) => c.value),
		claims: model.claims.map((c) => c.value),
		features: model.features.map((f) => f.value),
		briefings: model.briefings
			.map((b) => b.value)
			.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
	};
}

function runChecks(
	sources: SourceFile[],
	keys: string[],
	prefix: string,
	prior: Tagged[]
): ValidationResult {
	const tagged = [...prior];
	const geojson: SourceFile[] = [];
	for (const source of sources) {
		if (!isGeojsonFile(source.key)) continue;
		const findings = checkGeojsonStructure(source);
		tagged.push(
			...findings.map((finding) => ({
				rule: 'geojson-structure' as const,
				severity: 'error' as const,
				finding
			}))
		);
		if (findings.length === 0) geojson.push(source);
	}
	const { model, findings } = buildModel(sources);
	tagged.push(
		...findings.map((finding) => ({ rule: 'schema' as const, severity: 'error' as const, finding }))
	);
	const ctx: RuleContext = { sources, geojson, keys, prefix, model };
	for (const rule of MODEL_RULES) {
		tagged.push(
			...rule.check(ctx).map((finding) => ({ rule: rule.id, severity: rule.severity, finding }))
		);
	}
	const issues = tagged.map(toIssue).sort(compareIssues);
	return { issues, dataset: hasErrors(issues) ? null : datasetOf(model) };
}

/** Validates the files of a geo/ tree. Never throws on bad data: every problem is an issue. */
export function validateGeoFiles(files: GeoFiles, options: ValidateOptions = {}): ValidationResult {
	const prefix = options.prefix ?? 'geo/';
	const keys = Object.keys(files).filter(isGeoDataFile).sort();
	const sources: SourceFile[] = [];
	const prior: Tagged[] = [];
	for (const key of keys) {
		const parsed = parseSource(key, `${prefix}${key}`, files[key]!);
		prior.push(
			...parsed.findings.map((finding) => ({
				rule: 'json-syntax' as const,
				severity: 'error' as const,
				finding
			}))
		);
		if (parsed.ok) sources.push(parsed.source);
	}
	return runChecks(sources, keys, prefix, prior);
}

/** All-or-nothing: the dataset, or a GeoValidationError carrying every issue. */
export function validateGeoFilesOrThrow(files: GeoFiles, options: ValidateOptions = {}): Dataset {
	const { issues, dataset } = validateGeoFiles(files, options);
	if (!dataset) throw new GeoValidationError(issues);
	return dataset;
}

export type ParseDatasetResult =
	{ ok: true; dataset: Dataset; warnings: Issue[] } | { ok: false; issues: Issue[] };

const DATASET_KEYS = ['documents', 'claimants', 'claims', 'features', 'briefings'] as const;

function virtualSource(key: string, file: string, value: unknown): SourceFile {
	return { key, file, text: null, value, root: null, lineStarts: [0] };
}

/**
 * Checks an already-parsed dataset (what loadGeo returns, e.g. fetched as JSON by the app) with
 * the same schema and rules as the files. There is no text, so issues carry a JSON path and
 * report line 0; their file names read "dataset/claims.json" and so on.
 */
export function parseDataset(raw: unknown): ParseDatasetResult {
	const prefix = 'dataset/';
	if (!raw || typeof raw !== 'object' || Array.isArray(raw)) {
		return {
			ok: false,
			issues: [
				{
					file: 'dataset',
					line: 0,
					column: 0,
					rule: 'schema',
					severity: 'error',
					message: `The dataset must be an object with the lists ${DATASET_KEYS.join(', ')}.`
				}
			]
		};
	}
	const r = raw as Record<string, unknown>;
	const prior: Tagged[] = [];
	const root = virtualSource('', 'dataset', raw);
	for (const key of Object.keys(r)) {
		if ((DATASET_KEYS as readonly string[]).includes(key)) continue;
		prior.push({
			rule: 'schema',
			severity: 'error',
			finding: {
				source: root,
				path: [key],
				message: `The dataset has an unknown list "${key}"; expected only ${DATASET_KEYS.join(', ')}.`
			}
		});
	}
	const sources = [
		virtualSource(GEO_FILES.documents, `${prefix}${GEO_FILES.documents}`, {
			documents: r.documents
		}),
		virtualSource(GEO_FILES.claimants, `${prefix}${GEO_FILES.claimants}`, {
			claimants: r.claimants
		}),
		virtualSource(GEO_FILES.claims, `${prefix}${GEO_FILES.claims}`, { claims: r.claims }),
		virtualSource(GEO_FILES.features, `${prefix}${GEO_FILES.features}`, {
			type: 'FeatureCollection',
			features: r.features
		})
	];
	const briefings = Array.isArray(r.briefings) ? (r.briefings as unknown[]) : [];
	if (!Array.isArray(r.briefings)) {
		prior.push({
			rule: 'schema',
			severity: 'error',
			finding: {
				source: root,
				path: ['briefings'],
				message: 'The dataset\'s "briefings" must be a list.'
			}
		});
	}
	briefings.forEach((b, i) => {
		const key = `briefings/${i}.json`;
		sources.push(virtualSource(key, `${prefix}briefings[${i}]`, b));
	});
	const { issues, dataset } = runChecks(
		sources,
		sources.map((s) => s.key),
		prefix,
		prior
	);
	return dataset ? { ok: true, dataset, warnings: issues } : { ok: false, issues };
}
