/**
 * schema: every evidence file has the shape `../schema.ts` describes. Items are checked one by
 * one, so one bad claim does not hide the others, and the items that pass form the model the
 * other rules check.
 */
import * as v from 'valibot';
import { GEO_FILES, isBriefingFile } from '../geo-layout.ts';
import type { JsonPath } from '../issues.ts';
import {
	BriefingSchema,
	ClaimantSchema,
	ClaimantsFileSchema,
	ClaimSchema,
	ClaimsFileSchema,
	DeploymentFeatureSchema,
	DocumentSchema,
	DocumentsFileSchema,
	FeaturesFileSchema
} from '../schema.ts';
import type { SourceFile } from '../source-file.ts';
import type { BasemapRegion, Collection, Finding, Located, Model } from './types.ts';

type AnyIssue = v.BaseIssue<unknown>;

const TYPE_WORDS: Record<string, string> = {
	string: 'text',
	number: 'a number',
	boolean: 'true or false',
	Array: 'a list',
	Object: 'an object',
	null: 'null'
};

function describeExpected(expected: string | null): string {
	if (!expected) return 'valid';
	// Variants nest their options in brackets, e.g. ("about" | "exactly") | "up-to".
	const options = expected.replace(/[()]/g, '').split(' | ');
	if (options.every((o) => o.startsWith('"'))) {
		return options.length === 1 ? options[0]! : `one of ${options.join(', ')}`;
	}
	return options.map((o) => TYPE_WORDS[o] ?? o).join(' or ');
}

function describeReceived(received: string): string {
	if (received === 'Object') return 'an object';
	if (received === 'Array') return 'a list';
	return received;
}

export function fieldName(path: JsonPath): string {
	let out = '';
	for (const key of path) {
		if (typeof key === 'number') out += `[${key}]`;
		else out += out ? `.${key}` : key;
	}
	return out;
}

/** A plain sentence for one valibot issue. `where` names the item, e.g. 'claim "nis-1"'. */
function sentence(issue: AnyIssue, where: string, relPath: JsonPath): string {
	const field = fieldName(relPath);
	const subject = field ? `the field "${field}"` : 'it';
	const prefix = `In ${where}, `;
	if (issue.kind === 'schema' && issue.received === 'undefined') {
		return `${prefix}${subject} is missing; it is required.`;
	}
	if (issue.kind === 'schema' && issue.expected === 'never') {
		return `${prefix}"${String(relPath[relPath.length - 1])}" is not a field the data model knows; check its spelling or remove it.`;
	}
	if (issue.kind === 'schema' && issue.type !== 'custom') {
		return `${prefix}${subject} must be ${describeExpected(issue.expected)}, but it is ${describeReceived(issue.received)}.`;
	}
	// Validations and custom checks carry their own wording ("must be ...") from the schema.
	const found =
		issue.type === 'check' || issue.type === 'custom'
			? ''
			: issue.type === 'min_length' || issue.type === 'max_length'
				? issue.received === '0'
					? ' (it is empty)'
					: ` (it has ${issue.received})`
				: ` (it is ${describeReceived(issue.received)})`;
	return `${prefix}${subject} ${issue.message}${found}.`;
}

function issuePath(issue: AnyIssue): JsonPath {
	return (issue.path ?? []).map((item) => item.key as string | number);
}

function toFindings(
	issues: readonly AnyIssue[],
	source: SourceFile,
	basePath: JsonPath,
	where: string
): Finding[] {
	return issues.map((issue) => {
		const rel = issuePath(issue);
		return { source, path: [...basePath, ...rel], message: sentence(issue, where, rel) };
	});
}

const ORDINAL_SUFFIX = ['th', 'st', 'nd', 'rd'];
function ordinal(n: number): string {
	const mod100 = n % 100;
	const suffix = mod100 >= 11 && mod100 <= 13 ? 'th' : (ORDINAL_SUFFIX[n % 10] ?? 'th');
	return `${n}${suffix}`;
}

function itemLabel(noun: string, item: unknown, index: number): string {
	const id = item && typeof item === 'object' ? (item as { id?: unknown }).id : undefined;
	return typeof id === 'string' && id !== ''
		? `${noun} "${id}"`
		: `the ${ordinal(index + 1)} ${noun} in the list`;
}

const isUnknownKey = (issue: AnyIssue) => issue.kind === 'schema' && issue.expected === 'never';

/**
 * valibot's safeParse, except that every unknown key of an object is reported: a strict object
 * stops at its first unknown key, so the keys found are removed from a copy and the copy is
 * checked again until no new one appears.
 */
function safeParseAll<T>(
	schema: v.GenericSchema<unknown, T>,
	value: unknown
): v.SafeParseResult<v.GenericSchema<unknown, T>> {
	const result = v.safeParse(schema, value, { abortEarly: false });
	if (result.success) return result;
	const issues = [...result.issues];
	const seen = new Set(issues.filter(isUnknownKey).map((i) => JSON.stringify(issuePath(i))));
	let found = issues.filter(isUnknownKey);
	const copy: unknown = found.length > 0 ? structuredClone(value) : value;
	// Each round finds at least one more key, so the rounds are bounded by the keys in the data.
	while (found.length > 0) {
		for (const issue of found) {
			const path = issuePath(issue);
			let parent = copy as Record<string | number, unknown>;
			for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
			delete parent[path[path.length - 1]!];
		}
		const again = v.safeParse(schema, copy, { abortEarly: false });
		found = again.success
			? []
			: again.issues.filter((i) => isUnknownKey(i) && !seen.has(JSON.stringify(issuePath(i))));
		for (const issue of found) seen.add(JSON.stringify(issuePath(issue)));
		issues.push(...found);
	}
	return { ...result, issues: issues as [AnyIssue, ...AnyIssue[]] };
}

interface ListSpec<T> {
	collection: Exclude<Collection, 'briefings'>;
	key: string;
	noun: string;
	wrapper: v.GenericSchema;
	item: v.GenericSchema<unknown, T>;
}

function rawId(item: unknown): string | undefined {
	const id = item && typeof item === 'object' ? (item as { id?: unknown }).id : undefined;
	return typeof id === 'string' ? id : undefined;
}

function checkList<T>(
	spec: ListSpec<T>,
	source: SourceFile,
	model: Model,
	findings: Finding[]
): Located<T>[] {
	const wrapped = safeParseAll(spec.wrapper, source.value);
	if (!wrapped.success) {
		findings.push(...toFindings(wrapped.issues, source, [], source.file));
		return [];
	}
	model.loaded.add(spec.collection);
	const list = (source.value as Record<string, unknown[]>)[spec.collection]!;
	const out: Located<T>[] = [];
	list.forEach((item, index) => {
		const path: JsonPath = [spec.collection, index];
		const result = safeParseAll(spec.item, item);
		if (result.success) {
			out.push({ value: result.output, source, path });
			return;
		}
		findings.push(...toFindings(result.issues, source, path, itemLabel(spec.noun, item, index)));
		const id = rawId(item);
		if (id !== undefined) model.rejected[spec.collection].set(id, item);
	});
	return out;
}

function readAdmin1(source: SourceFile | undefined): Map<string, BasemapRegion> | null {
	if (!source) return null;
	const map = new Map<string, BasemapRegion>();
	const features = (source.value as { features?: unknown }).features;
	if (!Array.isArray(features)) return map;
	for (const f of features as { properties?: Record<string, unknown> | null }[]) {
		const p = f?.properties;
		if (p && typeof p.iso_3166_2 === 'string') {
			map.set(p.iso_3166_2, { name_en: String(p.name_en ?? ''), country: String(p.country ?? '') });
		}
	}
	return map;
}

function readPlaces(source: SourceFile | undefined): Map<number, string> | null {
	if (!source) return null;
	const map = new Map<number, string>();
	const features = (source.value as { features?: unknown }).features;
	if (!Array.isArray(features)) return map;
	for (const f of features as { properties?: Record<string, unknown> | null }[]) {
		const p = f?.properties;
		if (p && typeof p.geonames_id === 'number') map.set(p.geonames_id, String(p.name ?? ''));
	}
	return map;
}

/** Checks every evidence file against the schema and returns the items that passed. */
export function buildModel(sources: readonly SourceFile[]): { model: Model; findings: Finding[] } {
	const byKey = new Map(sources.map((s) => [s.key, s]));
	const findings: Finding[] = [];
	const model: Model = {
		documents: [],
		claimants: [],
		claims: [],
		features: [],
		briefings: [],
		admin1: readAdmin1(byKey.get(GEO_FILES.admin1)),
		places: readPlaces(byKey.get(GEO_FILES.places)),
		rejected: {
			documents: new Map(),
			claimants: new Map(),
			claims: new Map(),
			features: new Map(),
			briefings: new Map()
		},
		loaded: new Set()
	};
	const list = <T>(spec: ListSpec<T>): Located<T>[] => {
		const source = byKey.get(spec.key);
		return source ? checkList(spec, source, model, findings) : [];
	};
	model.documents = list({
		collection: 'documents',
		key: GEO_FILES.documents,
		noun: 'document',
		wrapper: DocumentsFileSchema,
		item: DocumentSchema
	});
	model.claimants = list({
		collection: 'claimants',
		key: GEO_FILES.claimants,
		noun: 'claimant',
		wrapper: ClaimantsFileSchema,
		item: ClaimantSchema
	});
	model.claims = list({
		collection: 'claims',
		key: GEO_FILES.claims,
		noun: 'claim',
		wrapper: ClaimsFileSchema,
		item: ClaimSchema
	});
	model.features = list({
		collection: 'features',
		key: GEO_FILES.features,
		noun: 'feature',
		wrapper: FeaturesFileSchema,
		item: DeploymentFeatureSchema
	});
	// Briefings are one per file and optional, so the collection always counts as loaded.
	model.loaded.add('briefings');
	for (const source of sources) {
		if (!isBriefingFile(source.key)) continue;
		const result = safeParseAll(BriefingSchema, source.value);
		if (result.success) {
			model.briefings.push({ value: result.output, source, path: [] });
			continue;
		}
		const id = rawId(source.value);
		findings.push(
			...toFindings(
				result.issues,
				source,
				[],
				id === undefined ? `the briefing in ${source.file}` : `briefing "${id}"`
			)
		);
		if (id !== undefined) model.rejected.briefings.set(id, source.value);
	}
	return { model, findings };
}
