/**
 * Deterministic JSON layout for files under geo/: tab-indented so every field has its own line
 * (validator messages point at useful lines, diffs stay readable), except that short lists of
 * plain values stay on one line and each feature's geometry is one line, since nobody edits
 * coordinates by hand and thousands of coordinate lines would drown the properties.
 */

const INLINE_LIMIT = 100;

function isPlain(value: unknown): boolean {
	return value === null || typeof value !== 'object';
}

/** JSON.stringify with tabs, but lists of plain values that fit on a line are kept on one. */
export function stringifyPretty(value: unknown, indent = ''): string {
	if (isPlain(value)) return JSON.stringify(value);
	const inner = `${indent}\t`;
	if (Array.isArray(value)) {
		if (value.length === 0) return '[]';
		if (value.every(isPlain)) {
			const inline = `[${value.map((v) => JSON.stringify(v)).join(', ')}]`;
			if (inline.length + indent.length <= INLINE_LIMIT) return inline;
		}
		return `[\n${value.map((v) => inner + stringifyPretty(v, inner)).join(',\n')}\n${indent}]`;
	}
	const entries = Object.entries(value as Record<string, unknown>).filter(
		([, v]) => v !== undefined
	);
	if (entries.length === 0) return '{}';
	return `{\n${entries
		.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${stringifyPretty(v, inner)}`)
		.join(',\n')}\n${indent}}`;
}

export interface FeatureLike {
	type: 'Feature';
	id: string;
	properties: unknown;
	geometry: unknown;
}

/** A FeatureCollection with pretty properties and one-line geometries, ending in a newline. */
export function formatFeatureCollection(features: readonly FeatureLike[]): string {
	const body = features
		.map((f) => {
			const ind = '\t\t\t';
			return [
				'\t\t{',
				`${ind}"type": "Feature",`,
				`${ind}"id": ${JSON.stringify(f.id)},`,
				`${ind}"properties": ${stringifyPretty(f.properties, ind)},`,
				`${ind}"geometry": ${JSON.stringify(f.geometry)}`,
				'\t\t}'
			].join('\n');
		})
		.join(',\n');
	return `{\n\t"type": "FeatureCollection",\n\t"features": [\n${body}\n\t]\n}\n`;
}
