/**
 * Shared traversals for rules: every dated field in the model, and every geometry in a GeoJSON
 * file, each with the JSON path a finding should point at and a label a reader understands.
 */
import type { JsonPath } from '../issues.ts';
import type { DatePrec } from '../schema.ts';
import type { SourceFile } from '../source-file.ts';
import type { Model } from './types.ts';

export interface DatedField {
	date: DatePrec;
	source: SourceFile;
	path: JsonPath;
	/** e.g. 'the "as_of" date of claim "nis-border-guard"' */
	label: string;
}

export function datedFields(model: Model): DatedField[] {
	const out: DatedField[] = [];
	for (const d of model.documents) {
		out.push({
			date: d.value.published,
			source: d.source,
			path: [...d.path, 'published'],
			label: `the "published" date of document "${d.value.id}"`
		});
	}
	for (const c of model.claims) {
		out.push({
			date: c.value.as_of,
			source: c.source,
			path: [...c.path, 'as_of'],
			label: `the "as_of" date of claim "${c.value.id}"`
		});
	}
	for (const f of model.features) {
		const presence = f.value.properties.presence;
		const base = [...f.path, 'properties', 'presence'];
		const entries: [string, DatePrec | null][] = [
			['start', presence.start],
			['end', presence.end],
			['last_corroborated', presence.last_corroborated]
		];
		for (const [key, date] of entries) {
			if (date === null) continue;
			out.push({
				date,
				source: f.source,
				path: [...base, key],
				label: `the presence "${key}" date of feature "${f.value.id}"`
			});
		}
	}
	return out;
}

export type Position2 = [number, number];

export interface GeometryVisit {
	source: SourceFile;
	/** Path of the geometry object. */
	path: JsonPath;
	/** Geometry type and coordinates, already checked for structure. */
	type: string;
	coordinates: unknown;
	/** 'feature "kursk-combat"' or 'feature 3 of the collection' */
	label: string;
}

function featureLabel(feature: unknown, index: number): string {
	const id = feature && typeof feature === 'object' ? (feature as { id?: unknown }).id : undefined;
	const name =
		feature && typeof feature === 'object'
			? ((feature as { properties?: Record<string, unknown> | null }).properties?.name_en ??
				(feature as { properties?: Record<string, unknown> | null }).properties?.name)
			: undefined;
	if (typeof id === 'string' || typeof id === 'number') return `feature "${id}"`;
	if (typeof name === 'string') return `feature ${index + 1} ("${name}")`;
	return `feature ${index + 1} of the collection`;
}

function visitGeometry(
	geometry: unknown,
	source: SourceFile,
	path: JsonPath,
	label: string,
	out: GeometryVisit[]
): void {
	if (!geometry || typeof geometry !== 'object') return;
	const g = geometry as { type?: unknown; coordinates?: unknown; geometries?: unknown };
	if (g.type === 'GeometryCollection' && Array.isArray(g.geometries)) {
		g.geometries.forEach((child, i) =>
			visitGeometry(child, source, [...path, 'geometries', i], label, out)
		);
		return;
	}
	if (typeof g.type === 'string')
		out.push({ source, path, type: g.type, coordinates: g.coordinates, label });
}

/** Every geometry in a GeoJSON file whose structure passed geojson-structure. */
export function geometriesIn(source: SourceFile): GeometryVisit[] {
	const out: GeometryVisit[] = [];
	const root = source.value as { type?: unknown; features?: unknown; geometry?: unknown };
	if (!root || typeof root !== 'object') return out;
	if (root.type === 'FeatureCollection' && Array.isArray(root.features)) {
		root.features.forEach((feature: unknown, i: number) => {
			const geometry = (feature as { geometry?: unknown }).geometry;
			visitGeometry(geometry, source, ['features', i, 'geometry'], featureLabel(feature, i), out);
		});
	} else if (root.type === 'Feature') {
		visitGeometry(root.geometry, source, ['geometry'], featureLabel(root, 0), out);
	} else {
		visitGeometry(root, source, [], 'the geometry', out);
	}
	return out;
}

/**
 * The rings of a Polygon or MultiPolygon with their paths (relative to the geometry) and a
 * human label ("ring 2 of polygon 3"). Lines are returned for LineString and MultiLineString.
 */
export function ringsOf(
	visit: GeometryVisit
): { ring: Position2[]; path: JsonPath; label: string }[] {
	const c = visit.coordinates as Position2[][] | Position2[][][] | Position2[];
	const base = [...visit.path, 'coordinates'];
	if (visit.type === 'Polygon') {
		return (c as Position2[][]).map((ring, r) => ({
			ring,
			path: [...base, r],
			label: r === 0 ? 'the outer ring' : `hole ${r}`
		}));
	}
	if (visit.type === 'MultiPolygon') {
		return (c as Position2[][][]).flatMap((poly, p) =>
			poly.map((ring, r) => ({
				ring,
				path: [...base, p, r],
				label: `${r === 0 ? 'the outer ring' : `hole ${r}`} of polygon ${p + 1}`
			}))
		);
	}
	return [];
}

export function linesOf(
	visit: GeometryVisit
): { line: Position2[]; path: JsonPath; label: string }[] {
	const base = [...visit.path, 'coordinates'];
	if (visit.type === 'LineString') {
		return [{ line: visit.coordinates as Position2[], path: base, label: 'the line' }];
	}
	if (visit.type === 'MultiLineString') {
		return (visit.coordinates as Position2[][]).map((line, i) => ({
			line,
			path: [...base, i],
			label: `line ${i + 1}`
		}));
	}
	return [];
}

/** Every position of a geometry with its path. */
export function positionsOf(visit: GeometryVisit): { position: unknown[]; path: JsonPath }[] {
	const out: { position: unknown[]; path: JsonPath }[] = [];
	const walk = (value: unknown, path: JsonPath): void => {
		if (!Array.isArray(value)) return;
		if (value.length > 0 && typeof value[0] === 'number') {
			out.push({ position: value, path });
			return;
		}
		value.forEach((child, i) => walk(child, [...path, i]));
	};
	walk(visit.coordinates, [...visit.path, 'coordinates']);
	return out;
}

export function formatPosition(p: readonly unknown[]): string {
	return `[${p.slice(0, 2).join(', ')}]`;
}
