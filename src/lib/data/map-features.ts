/**
 * The dataset's features flattened for MapLibre. MapLibre hands nested properties back as JSON
 * strings and filters need numbers, so each feature gets flat, numeric properties for time
 * filtering and symbol choice; the panel looks everything else up in the typed dataset by id.
 */
import type { FeatureCollection, Geometry } from 'geojson';
import { dateRange, UNBOUNDED_FUTURE, UNBOUNDED_PAST } from './dates.ts';
import type { CategoryId, Dataset, DatePrec, LocationPrecision } from './schema.ts';

export interface MapFeatureProperties {
	id: string;
	name: string;
	category: CategoryId;
	location_precision: LocationPrecision;
	/** True for flows and other shapes that show a relation, not a place. */
	schematic: boolean;
	/** Earliest and latest day the presence may have started (day numbers since 1970-01-01). */
	start_min: number;
	start_max: number;
	/** Earliest and latest day it may have ended; both UNBOUNDED_FUTURE while open. */
	end_min: number;
	end_max: number;
	/** Day by which at least one supporting document had certainly been published. */
	reported_by: number;
	/** Best (lowest) Admiralty credibility grade among supporting claims, 1-6. */
	best_credibility: number;
	claim_count: number;
}

function range(date: DatePrec): [number, number] {
	return dateRange(date) ?? [UNBOUNDED_PAST, UNBOUNDED_FUTURE];
}

/** Features with a geometry, ready for a GeoJSON source with `promoteId: 'id'`. */
export function toMapFeatures(dataset: Dataset): FeatureCollection<Geometry, MapFeatureProperties> {
	const claims = new Map(dataset.claims.map((c) => [c.id, c]));
	const published = new Map(dataset.documents.map((d) => [d.id, range(d.published)[1]]));
	const features = dataset.features.flatMap((f) => {
		if (f.geometry === null) return [];
		const p = f.properties;
		const supporting = p.claims.flatMap((id) => claims.get(id) ?? []);
		const [startMin, startMax] = range(p.presence.start);
		const [endMin, endMax] = p.presence.end
			? range(p.presence.end)
			: [UNBOUNDED_FUTURE, UNBOUNDED_FUTURE];
		const reportedBy = Math.min(
			UNBOUNDED_FUTURE,
			...supporting.flatMap((c) => c.documents.map((d) => published.get(d) ?? UNBOUNDED_FUTURE))
		);
		return [
			{
				type: 'Feature' as const,
				id: f.id,
				geometry: f.geometry,
				properties: {
					id: f.id,
					name: p.name,
					category: p.category,
					location_precision: p.location_precision,
					schematic: p.location_precision === 'schematic',
					start_min: startMin,
					start_max: startMax,
					end_min: endMin,
					end_max: endMax,
					reported_by: reportedBy,
					best_credibility: Math.min(6, ...supporting.map((c) => c.credibility.grade)),
					claim_count: supporting.length
				}
			}
		];
	});
	return { type: 'FeatureCollection', features };
}
