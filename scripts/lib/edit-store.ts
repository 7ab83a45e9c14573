/**
 * Write-back for `npm run edit`: takes the geo/ files the editor changed, checks them with the
 * same validator as `npm run geo:check`, writes them in the layout the files already have (so
 * `git diff` shows only the change), and regenerates derived geometry as `npm run geo:derive`
 * does. Nothing is written when any file is invalid, or when a file on disk changed since the
 * editor read it (someone pulled new data): then the caller gets a conflict naming the files.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { findNodeAtLocation, parseTree } from 'jsonc-parser';
import { readGeoDir } from '../../src/lib/data/geo-files.server.ts';
import { GEO_FILES, isBriefingFile } from '../../src/lib/data/geo-layout.ts';
import { hasErrors, type Issue } from '../../src/lib/data/issues.ts';
import { validateGeoFiles, type GeoFiles } from '../../src/lib/data/validate.ts';
import { deriveFeaturesText, parseBasemap } from '../../src/lib/data/derive/features.ts';
import { stringifyPretty } from '../../src/lib/data/geo-json-format.ts';

/** The only files the editor may write, relative to geo/. The basemap is never written. */
const EDITABLE = new Set<string>([
	GEO_FILES.documents,
	GEO_FILES.claimants,
	GEO_FILES.claims,
	GEO_FILES.features
]);

export function isEditableFile(key: string): boolean {
	return EDITABLE.has(key) || isBriefingFile(key);
}

export function hashText(text: string | Uint8Array): string {
	return createHash('sha256').update(text).digest('hex');
}

export interface GeoSnapshot {
	/** Text of every editable file on disk. */
	files: Record<string, string>;
	/** sha256 of each, which the editor sends back so the server can see what changed since. */
	hashes: Record<string, string>;
}

export function snapshotGeo(geoDir: string): GeoSnapshot {
	const files: Record<string, string> = {};
	const hashes: Record<string, string> = {};
	for (const [key, bytes] of Object.entries(readGeoDir(geoDir))) {
		if (!isEditableFile(key)) continue;
		files[key] = Buffer.from(bytes).toString('utf8');
		hashes[key] = hashText(bytes);
	}
	return { files, hashes };
}

export interface SaveRequest {
	/** Hashes of the files as the editor first read them (GeoSnapshot.hashes). */
	base: Record<string, string>;
	/** New text of each changed file. */
	files: Record<string, string>;
}

export type SaveResult =
	| { status: 'saved'; written: string[]; hashes: Record<string, string> }
	| { status: 'conflict'; changed: string[]; message: string }
	| { status: 'invalid'; issues: Issue[]; message: string }
	| { status: 'refused'; message: string };

function isStringRecord(value: unknown): value is Record<string, string> {
	return (
		!!value &&
		typeof value === 'object' &&
		!Array.isArray(value) &&
		Object.values(value).every((x) => typeof x === 'string')
	);
}

/** The request's shape, or a sentence saying what is wrong with it. */
export function parseSaveRequest(body: unknown): SaveRequest | string {
	if (!body || typeof body !== 'object' || Array.isArray(body)) {
		return 'The request must be a JSON object with "base" and "files".';
	}
	const { base, files, ...rest } = body as Record<string, unknown>;
	if (Object.keys(rest).length > 0) {
		return `The request has unknown fields: ${Object.keys(rest).join(', ')}.`;
	}
	if (!isStringRecord(base) || !isStringRecord(files)) {
		return '"base" and "files" must both map file names to strings.';
	}
	const refused = [...Object.keys(files), ...Object.keys(base)].filter((k) => !isEditableFile(k));
	if (refused.length > 0) {
		return `Only ${[...EDITABLE].join(', ')} and briefings/<id>.json can be written; refused: ${refused.join(', ')}.`;
	}
	if (Object.keys(files).length === 0) return 'There is nothing to save.';
	return { base, files };
}

const LIST_KEYS: Record<string, string> = {
	[GEO_FILES.documents]: 'documents',
	[GEO_FILES.claimants]: 'claimants',
	[GEO_FILES.claims]: 'claims'
};

/** `{ "<list>": [ items ] }` with each item's text as given, in the layout stringifyPretty uses. */
function wrapItems(list: string, items: string[]): string {
	return `{\n\t${JSON.stringify(list)}: [\n${items.map((t) => `\t\t${t}`).join(',\n')}\n\t]\n}\n`;
}

/**
 * The new list with every item that was already in the file kept byte for byte as it is on disk
 * (hand-edited layout included), and new or changed items laid out as stringifyPretty does, so
 * `git diff` shows only what the editor changed. Falls back to stringifyPretty for a file whose
 * wrapper is not in that layout.
 */
function keepingItems(key: string, value: unknown, disk: string | undefined): string {
	const list = LIST_KEYS[key];
	const fallback = `${stringifyPretty(value)}\n`;
	const items = list && (value as Record<string, unknown>)[list];
	if (!list || disk === undefined || !Array.isArray(items)) return fallback;
	const node = findNodeAtLocation(parseTree(disk) ?? ({} as never), [list]);
	if (!node?.children) return fallback;
	const old = node.children.map((n) => disk.slice(n.offset, n.offset + n.length));
	if (wrapItems(list, old) !== disk) return fallback;
	const byValue = new Map(old.map((t) => [JSON.stringify(JSON.parse(t)), t]));
	return wrapItems(
		list,
		items.map((item) => byValue.get(JSON.stringify(item)) ?? stringifyPretty(item, '\t\t'))
	);
}

/** A file's text in the layout geo/ uses, or null when it is not JSON. */
function canonical(
	key: string,
	text: string,
	basemap: () => ReturnType<typeof parseBasemap>,
	diskText: ReadonlyMap<string, string>
) {
	let value: unknown;
	try {
		value = JSON.parse(text);
	} catch {
		return null;
	}
	if (key !== GEO_FILES.features) return keepingItems(key, value, diskText.get(key));
	try {
		return deriveFeaturesText(text, basemap());
	} catch {
		// Not derivable (a schema error, an unknown region): the validator below says where.
		return text;
	}
}

/**
 * Validates and writes. `geoDir` is the geo/ folder. Files are written only when the whole tree,
 * with the new files in it, has no error.
 */
export function saveToGeo(geoDir: string, request: SaveRequest): SaveResult {
	const current = snapshotGeo(geoDir);
	const changed = Object.keys({ ...current.hashes, ...request.base })
		.filter((k) => current.hashes[k] !== request.base[k])
		.sort();
	if (changed.length > 0) {
		return {
			status: 'conflict',
			changed,
			message: `These files changed on disk since the draft began: ${changed.join(', ')}. Nothing was written; reload the editor to start from them (the draft is kept).`
		};
	}
	let cachedBasemap: ReturnType<typeof parseBasemap> | null = null;
	const basemap = () =>
		(cachedBasemap ??= parseBasemap(
			readFileSync(join(geoDir, GEO_FILES.admin1), 'utf8'),
			readFileSync(join(geoDir, GEO_FILES.places), 'utf8')
		));
	const next: Record<string, string> = {};
	for (const [key, text] of Object.entries(request.files)) {
		const formatted = canonical(key, text, basemap, new Map(Object.entries(current.files)));
		if (formatted === null) {
			return { status: 'refused', message: `${key} is not valid JSON.` };
		}
		next[key] = formatted;
	}
	const tree: GeoFiles = { ...readGeoDir(geoDir), ...next };
	const { issues } = validateGeoFiles(tree, { prefix: 'geo/' });
	if (hasErrors(issues)) {
		return {
			status: 'invalid',
			issues: issues.filter((i) => i.severity === 'error'),
			message: 'Nothing was written: the files would not pass npm run geo:check.'
		};
	}
	const written = Object.keys(next)
		.filter((k) => next[k] !== current.files[k])
		.sort();
	for (const key of written) {
		const path = join(geoDir, key);
		// Write beside and rename, so a crash never leaves half a file.
		const tmp = `${path}.edit-${process.pid}.tmp`;
		writeFileSync(tmp, next[key]!);
		renameSync(tmp, path);
	}
	return { status: 'saved', written, hashes: snapshotGeo(geoDir).hashes };
}

export function geoDirExists(geoDir: string): boolean {
	return existsSync(join(geoDir, GEO_FILES.claims));
}
