/**
 * GeoJSON import: a FeatureCollection, a single Feature or a bare geometry. JSON syntax and
 * structure problems are located by line and column with @placemarkio/check-geojson (for files
 * up to LIMITS.locatedCheckBytes; larger files name the feature by its number), then each
 * feature's geometry goes through the atlas's own checks.
 */
import { getIssues, type HintIssue } from '@placemarkio/check-geojson';
import {
	findNodeAtLocation,
	findNodeAtOffset,
	getNodePath,
	parseTree,
	type Node
} from 'jsonc-parser';
import { LayerBuilder } from './layer-builder.ts';
import { LIMITS } from './limits.ts';
import { LineIndex } from './locate.ts';
import { tooMany, type ImportIssue, type ImportOutcome, type ProgressFn } from './types.ts';

const GEOMETRY_TYPES = new Set([
	'Point',
	'MultiPoint',
	'LineString',
	'MultiLineString',
	'Polygon',
	'MultiPolygon',
	'GeometryCollection'
]);

/** Ring closure is repaired (with a warning) by the atlas's own checks instead. */
const REPAIRED_HERE = /^First and last positions of a Polygon/;

const refused = (issues: ImportIssue[]): ImportOutcome => ({ kind: 'refused', issues });

/** Offset of the first bracket nested deeper than the limit, skipping strings; -1 if none. */
export function tooDeepAt(text: string, limit: number): number {
	let depth = 0;
	let inString = false;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (inString) {
			if (c === 92) i += 1;
			else if (c === 34) inString = false;
		} else if (c === 34) inString = true;
		else if (c === 123 || c === 91) {
			depth += 1;
			if (depth > limit) return i;
		} else if (c === 125 || c === 93) depth -= 1;
	}
	return -1;
}

/** Where JSON.parse stopped, from its message (V8 gives a position, some engines line and column). */
function syntaxPlace(message: string, lines: LineIndex): string {
	const lc = /line (\d+) column (\d+)/.exec(message);
	if (lc) return `line ${lc[1]}, column ${lc[2]}`;
	const pos = /position (\d+)/.exec(message);
	return pos ? lines.where(Number(pos[1])) : 'the file';
}

export function importGeojson(
	text: string,
	layerId: string,
	progress: ProgressFn = () => {}
): ImportOutcome {
	const lines = new LineIndex(text);
	const located = text.length <= LIMITS.locatedCheckBytes;
	const deep = tooDeepAt(text, LIMITS.maxJsonDepth);
	if (deep !== -1) {
		return refused([
			{
				where: lines.where(deep),
				message: `Lists and objects are nested more than ${LIMITS.maxJsonDepth} deep here; GeoJSON never needs that many, so the file is refused.`
			}
		]);
	}
	let value: unknown;
	try {
		value = JSON.parse(text.replace(/^\uFEFF/, ''));
	} catch (err) {
		// check-geojson names the exact place and what was expected; JSON.parse only a position.
		const first = located ? getIssues(text)[0] : undefined;
		const message = err instanceof Error ? err.message : String(err);
		if (first) {
			// check-geojson's syntax messages end with "(line:column)".
			const at = /\((\d+):(\d+)\)\s*$/.exec(first.message);
			const text = first.message.replace(/^Invalid JSON:\s*/, '').replace(/\s*\(\d+:\d+\)\s*$/, '');
			return refused([
				{
					where: at ? `line ${at[1]}, column ${at[2]}` : lines.where(first.from),
					message: `This is not valid JSON: ${text}`
				}
			]);
		}
		return refused([
			{ where: syntaxPlace(message, lines), message: `This is not valid JSON (${message}).` }
		]);
	}
	progress('Checking the features', 0.35);
	if (!value || typeof value !== 'object' || Array.isArray(value)) {
		return refused([
			{
				where: 'line 1, column 1',
				message:
					'The file is JSON but not GeoJSON: it must be one object whose "type" is FeatureCollection, Feature or a geometry type.'
			}
		]);
	}
	const type = (value as { type?: unknown }).type;
	let features: unknown[];
	let path: (i: number) => Array<string | number>;
	if (type === 'FeatureCollection') {
		const list = (value as { features?: unknown }).features;
		if (!Array.isArray(list)) {
			return refused([
				{ where: 'the file', message: 'The FeatureCollection has no "features" list.' }
			]);
		}
		features = list;
		path = (i) => ['features', i];
	} else if (type === 'Feature') {
		features = [value];
		path = () => [];
	} else if (typeof type === 'string' && GEOMETRY_TYPES.has(type)) {
		features = [{ type: 'Feature', properties: {}, geometry: value }];
		path = () => [];
	} else {
		return refused([
			{
				where: 'the file',
				message: `The top-level "type" is ${JSON.stringify(type) ?? 'missing'}: GeoJSON needs "FeatureCollection", "Feature" or a geometry type.`
			}
		]);
	}
	if (features.length > LIMITS.maxFeatures) {
		return tooMany(features.length, 'features', LIMITS.maxFeatures);
	}

	// Positions of features, worked out only when a message needs one.
	let tree: Node | undefined | null = null;
	const featureWhere = (i: number): string => {
		const n = `${type === 'FeatureCollection' ? `feature ${i + 1}` : 'the feature'}`;
		if (!located) return n;
		tree ??= parseTree(text);
		const node = tree ? findNodeAtLocation(tree, path(i)) : undefined;
		return node ? `${lines.where(node.offset)} (${n})` : n;
	};

	// Structure problems from check-geojson, grouped by the feature they are in.
	const structural = new Map<number, HintIssue>();
	if (located) {
		tree ??= parseTree(text);
		for (const issue of getIssues(text)) {
			if (REPAIRED_HERE.test(issue.message)) continue;
			const node = tree ? findNodeAtOffset(tree, issue.from) : undefined;
			const at = node ? getNodePath(node) : [];
			const index = type === 'FeatureCollection' ? (at[0] === 'features' ? at[1] : undefined) : 0;
			if (typeof index !== 'number') {
				return refused([{ where: lines.where(issue.from), message: issue.message }]);
			}
			if (!structural.has(index)) structural.set(index, issue);
		}
	}

	const builder = new LayerBuilder(layerId, 'geojson', 'feature');
	const step = Math.max(1, Math.floor(features.length / 20));
	features.forEach((f, i) => {
		if (i % step === 0) progress('Checking the features', 0.35 + (0.6 * i) / features.length);
		const issue = structural.get(i);
		if (issue) {
			builder.warn(
				`${lines.where(issue.from)} (feature ${i + 1})`,
				`This feature was left out: ${issue.message}`
			);
			return;
		}
		if (!f || typeof f !== 'object' || (f as { type?: unknown }).type !== 'Feature') {
			builder.warn(featureWhere(i), 'This item is not a GeoJSON Feature; it was left out.');
			return;
		}
		const feature = f as { geometry?: unknown; properties?: unknown };
		builder.add(feature.geometry ?? null, feature.properties, () => featureWhere(i));
	});
	return builder.finish();
}
