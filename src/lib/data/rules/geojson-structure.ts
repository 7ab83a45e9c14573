/**
 * geojson-structure: *.geojson files must be GeoJSON as RFC 7946 defines it (types, members,
 * positions of two or three numbers, enough positions per line or ring). The checking is done by
 * @placemarkio/check-geojson; this rule adds which feature each problem is in.
 */
import { getIssues } from '@placemarkio/check-geojson';
import { findNodeAtOffset, getNodePath, parseTree } from 'jsonc-parser';
import type { SourceFile } from '../source-file.ts';
import type { Finding } from './types.ts';

/** Ring closure has its own rule (ring-closed), which says which ring and how to fix it. */
const LEFT_TO_OTHER_RULES = /^First and last positions of a Polygon/;

function featureLabel(source: SourceFile, offset: number): string {
	if (!source.root) return '';
	const node = findNodeAtOffset(source.root, offset);
	if (!node) return '';
	const path = getNodePath(node);
	if (path[0] !== 'features' || typeof path[1] !== 'number') return '';
	const index = path[1];
	const features = (source.value as { features?: unknown[] } | undefined)?.features;
	const feature = Array.isArray(features) ? features[index] : undefined;
	const id =
		feature && typeof feature === 'object' && 'id' in feature
			? (feature as { id: unknown }).id
			: undefined;
	return typeof id === 'string' || typeof id === 'number'
		? `In feature "${id}": `
		: `In feature ${index + 1} of the collection: `;
}

export function checkGeojsonStructure(source: SourceFile): Finding[] {
	if (source.text === null) {
		// Already-parsed input: check a serialisation. Offsets then mean nothing to a reader, so
		// the validator reports these at 0:0 with the feature named in the message.
		const text = JSON.stringify(source.value);
		const shadow: SourceFile = { ...source, text, root: parseTree(text) ?? null };
		return getIssues(text)
			.filter((i) => !LEFT_TO_OTHER_RULES.test(i.message))
			.map((i) => ({ source, message: `${featureLabel(shadow, i.from)}${i.message}` }));
	}
	return getIssues(source.text)
		.filter((i) => !LEFT_TO_OTHER_RULES.test(i.message))
		.map((i) => ({
			source,
			offset: i.from,
			message: `${featureLabel(source, i.from)}${i.message}`
		}));
}
