/**
 * The dataset as MapLibre sources: the deployment geometries (flat properties from
 * `toMapFeatures`, plus what the symbols need) and one label point per drawn feature.
 */
import type {
	Feature,
	FeatureCollection,
	Geometry,
	MultiLineString,
	Point,
	Position
} from 'geojson';
import { claimsOf, headlineFigures, type EvidenceIndex } from '../data/evidence.ts';
import { toMapFeatures, type MapFeatureProperties } from '../data/map-features.ts';
import type { ClaimStatus } from '../data/schema.ts';
import {
	CATEGORY_SYMBOLS,
	confidenceTier,
	type ConfidenceTier,
	type SymbolKind
} from './symbology.ts';

export interface DeploymentProps extends MapFeatureProperties {
	kind: SymbolKind;
	confidence: ConfidenceTier;
	/** The firmest status among the feature's claims: confirmed > reported > claimed > disputed. */
	status: ClaimStatus;
}

/** A label carries its feature's properties, so the same time and evidence filter applies. */
export interface LabelProps extends DeploymentProps {
	/** Short name, for low zooms. */
	short: string;
	/** Short name and the headline figures ("Reconstruction\n~5,000 · ≤10,000"). */
	full: string;
	/**
	 * Key shared by the labels of zones and flows that share one point (the Kursk zones share a
	 * polygon): the map shows them as one block listing each visible one. Null when alone.
	 */
	group: string | null;
}

export interface DeploymentData {
	features: FeatureCollection<Geometry, DeploymentProps>;
	/**
	 * Outlines of the zones as lines, without the edges along the antimeridian where a polygon
	 * was cut in two (drawn as polygon outlines, they would show as a seam at 180 degrees).
	 */
	outlines: FeatureCollection<MultiLineString, DeploymentProps>;
	labels: FeatureCollection<Point, LabelProps>;
}

const STATUS_RANK: ClaimStatus[] = ['confirmed', 'reported', 'claimed', 'disputed'];

function labelPoint(index: EvidenceIndex, id: string): [number, number] | null {
	const p = index.features.get(id)?.properties.geometry_provenance;
	if (!p || p.method === 'none' || !p.derived) return null;
	return p.derived.label_point;
}

export function buildDeploymentData(index: EvidenceIndex): DeploymentData {
	const base = toMapFeatures(index.dataset);
	const features = base.features.map((f): Feature<Geometry, DeploymentProps> => {
		const claims = claimsOf(index, f.properties.id);
		const status =
			STATUS_RANK.find((s) => claims.some((c) => c.status === s)) ?? ('claimed' as const);
		return {
			...f,
			properties: {
				...f.properties,
				kind: CATEGORY_SYMBOLS[f.properties.category].kind,
				confidence: confidenceTier(f.properties.best_credibility),
				status
			}
		};
	});
	const labels = features.flatMap((f): Array<Feature<Point, LabelProps>> => {
		const at = labelPoint(index, f.properties.id);
		if (!at) return [];
		const category = f.properties.category;
		const symbol = CATEGORY_SYMBOLS[category];
		const figures = headlineFigures(claimsOf(index, f.properties.id));
		const short = symbol.kind === 'point' ? f.properties.name : symbol.short;
		return [
			{
				type: 'Feature',
				id: f.properties.id,
				geometry: { type: 'Point', coordinates: at },
				properties: {
					...f.properties,
					short,
					full: figures ? `${short}\n${figures}` : short,
					group: null
				}
			}
		];
	});
	groupCoincident(labels);
	const outlines = features.flatMap((f): Array<Feature<MultiLineString, DeploymentProps>> => {
		const lines = outlineOf(f.geometry);
		return lines.length > 0
			? [{ ...f, geometry: { type: 'MultiLineString', coordinates: lines } }]
			: [];
	});
	return {
		features: { type: 'FeatureCollection', features },
		outlines: { type: 'FeatureCollection', features: outlines },
		labels: { type: 'FeatureCollection', features: labels }
	};
}

/**
 * Marks the labels of zones and flows that share a point with a common group key, so the map can
 * draw them as one block instead of labels hiding each other. Events keep their own labels.
 */
function groupCoincident(labels: Array<Feature<Point, LabelProps>>): void {
	const groups = new Map<string, Array<Feature<Point, LabelProps>>>();
	for (const label of labels) {
		if (label.properties.kind === 'point') continue;
		const [lon, lat] = label.geometry.coordinates as [number, number];
		const key = `${lon.toFixed(3)},${lat.toFixed(3)}`;
		groups.set(key, [...(groups.get(key) ?? []), label]);
	}
	for (const [key, group] of groups) {
		if (group.length < 2) continue;
		for (const label of group) label.properties.group = key;
	}
}

const onAntimeridian = (a: Position, b: Position) => Math.abs(a[0]!) === 180 && a[0] === b[0];

/** The rings of a polygonal geometry as lines, broken where an edge runs along 180 degrees. */
export function outlineOf(geometry: Geometry): Position[][] {
	const polygons =
		geometry.type === 'Polygon'
			? [geometry.coordinates]
			: geometry.type === 'MultiPolygon'
				? geometry.coordinates
				: [];
	const lines: Position[][] = [];
	for (const ring of polygons.flat()) {
		let run: Position[] = [];
		ring.forEach((point, i) => {
			const prev = ring[i - 1];
			if (prev && onAntimeridian(prev, point)) {
				if (run.length > 1) lines.push(run);
				run = [];
			}
			run.push(point);
		});
		if (run.length > 1) lines.push(run);
	}
	return lines;
}
