/**
 * The dataset's features flattened for MapLibre. MapLibre hands nested properties back as JSON
 * strings and filters need numbers, so each feature gets flat, numeric properties for time
 * filtering and symbol choice; the panel looks everything else up in the typed dataset by id.
 *
 * Time filters (`src/lib/state/time.ts`) are MapLibre expressions over these properties, so a
 * time-slider step is one `setFilter` on data already in the tiles. The JS predicates the list
 * view uses are computed from the same bounds (`presenceBounds`, `claimPublication`), so the map
 * and the list agree.
 */
import type { FeatureCollection, Geometry } from 'geojson';
import { dateRange, UNBOUNDED_FUTURE, UNBOUNDED_PAST } from './dates.ts';
import { featurePlace, supportClaims } from './scope.ts';
import type {
	CategoryId,
	Claim,
	Dataset,
	DatePrec,
	DeploymentFeature,
	LocationPrecision,
	Presence
} from './schema.ts';

/** Admiralty credibility grades, 1 (confirmed) to 6 (cannot be judged). */
export const CREDIBILITY_GRADES = [1, 2, 3, 4, 5, 6] as const;
export type CredibilityGrade = (typeof CREDIBILITY_GRADES)[number];

/** Stands for "any claimant" in evidence keys. Not a valid claimant id, so it cannot collide. */
export const ANY_CLAIMANT = '*';

/**
 * Property name for the earliest day on which a claim by `claimant` with exactly credibility
 * `grade` may have been published (`from`) or had certainly been published (`by`). Only keys for
 * (grade, claimant) pairs the feature has are written, so a missing key means "no such claim".
 * Keeping grade and claimant in one key lets a filter require both of a single claim (an NIS
 * claim graded 2 or better) rather than of the feature as a whole.
 */
export type EvidenceKey = `from:${number}:${string}` | `by:${number}:${string}`;

export function evidenceKey(
	kind: 'from' | 'by',
	grade: CredibilityGrade,
	claimant: string
): EvidenceKey {
	return `${kind}:${grade}:${claimant}`;
}

export interface MapFeatureProperties {
	id: string;
	name: string;
	category: CategoryId;
	location_precision: LocationPrecision;
	/** True for flows and other shapes that show a relation, not a place. */
	schematic: boolean;
	/**
	 * Earliest and latest day the presence may have started (day numbers since 1970-01-01). The
	 * latest start is also capped by the end and by the last corroboration: see presenceBounds.
	 */
	start_min: number;
	start_max: number;
	/** Earliest and latest day it may have ended; both UNBOUNDED_FUTURE while open. */
	end_min: number;
	end_max: number;
	/** The last corroboration's range; UNBOUNDED_PAST / UNBOUNDED_FUTURE where it is not dated. */
	corroborated_min: number;
	corroborated_max: number;
	/** Day by which at least one supporting document had certainly been published. */
	reported_by: number;
	/** Earliest day on which a supporting document may have been published. */
	reported_from: number;
	/**
	 * Best (lowest) Admiralty credibility grade among the reports that name the feature's place
	 * (every report, for events), 1-6; 6 when there are none. Opinions never count.
	 */
	best_credibility: number;
	/** How many claims support the feature where it is drawn (see best_credibility). */
	claim_count: number;
	/** Claimant ids of the supporting claims, sorted, each between bars: "|nis|ua-government|". */
	claimants: string;
	/** Publication days per (credibility grade, claimant), see evidenceKey. */
	[key: `from:${number}:${string}`]: number;
	[key: `by:${number}:${string}`]: number;
}

function range(date: DatePrec): [number, number] {
	return dateRange(date) ?? [UNBOUNDED_PAST, UNBOUNDED_FUTURE];
}

/** A presence as day numbers, after reading its three dates together. */
export interface PresenceBounds {
	startMin: number;
	startMax: number;
	/** UNBOUNDED_FUTURE for both while the presence is open. */
	endMin: number;
	endMax: number;
	corroboratedMin: number;
	corroboratedMax: number;
	open: boolean;
}

/**
 * A presence is one continuous interval that contains its last corroboration (the `date-order`
 * rule enforces that). So it had certainly started by the time it was corroborated or ended, and
 * cannot have ended before it was corroborated or started. Reading the dates together tightens
 * loose bounds: the Far East labourers' start is written as "not before 2022", but they were
 * corroborated in November 2025, so they had started by 30 November 2025 at the latest.
 */
export function presenceBounds(presence: Presence): PresenceBounds {
	const [startMin, rawStartMax] = range(presence.start);
	const [corroboratedMin, corroboratedMax] = range(presence.last_corroborated);
	const open = presence.end === null;
	const [rawEndMin, endMax] = presence.end
		? range(presence.end)
		: [UNBOUNDED_FUTURE, UNBOUNDED_FUTURE];
	// The max/min guards keep each range non-empty even for data the validator would reject.
	const startMax = Math.max(startMin, Math.min(rawStartMax, endMax, corroboratedMax));
	const endMin = open
		? UNBOUNDED_FUTURE
		: Math.min(endMax, Math.max(rawEndMin, startMin, corroboratedMin));
	return { startMin, startMax, endMin, endMax, corroboratedMin, corroboratedMax, open };
}

/**
 * When a claim became public: `from` is the earliest day any of its documents may have been
 * published, `by` the earliest day by which one of them had certainly been published. A claim
 * whose documents are all missing from the dataset is never published ([FUTURE, FUTURE]).
 */
export function claimPublication(
	claim: Claim,
	published: ReadonlyMap<string, DatePrec>
): { from: number; by: number } {
	let from = UNBOUNDED_FUTURE;
	let by = UNBOUNDED_FUTURE;
	for (const id of claim.documents) {
		const date = published.get(id);
		if (!date) continue;
		const [min, max] = range(date);
		from = Math.min(from, min);
		by = Math.min(by, max);
	}
	return { from, by };
}

/** Grades outside 1-6 cannot pass validation; read one as 6 (cannot be judged) if it does. */
export function credibilityGrade(claim: Claim): CredibilityGrade {
	return CREDIBILITY_GRADES.find((g) => g === claim.credibility.grade) ?? 6;
}

/** The flat properties of one feature, whether or not it has a geometry. */
export function mapFeatureProperties(
	dataset: Dataset,
	feature: DeploymentFeature,
	lookups: {
		claims: ReadonlyMap<string, Claim>;
		published: ReadonlyMap<string, DatePrec>;
		features: ReadonlyMap<string, DeploymentFeature>;
	} = indexForFlattening(dataset)
): MapFeatureProperties {
	const p = feature.properties;
	const listed = p.claims.flatMap((id) => lookups.claims.get(id) ?? []);
	// Confidence (hatch density) and the count of claims rest only on reports that name the
	// feature's place: not on figures for Russia as a whole, nor on opinions. Every listed claim
	// still answers to the claimant filter, by who said it; opinions are graded 6 (the
	// opinion-support rule), so they never let a feature pass a confidence threshold.
	const supporting = supportClaims(listed, featurePlace(feature, lookups.features));
	const bounds = presenceBounds(p.presence);
	const props: MapFeatureProperties = {
		id: feature.id,
		name: p.name,
		category: p.category,
		location_precision: p.location_precision,
		schematic: p.location_precision === 'schematic',
		start_min: bounds.startMin,
		start_max: bounds.startMax,
		end_min: bounds.endMin,
		end_max: bounds.endMax,
		corroborated_min: bounds.corroboratedMin,
		corroborated_max: bounds.corroboratedMax,
		reported_by: UNBOUNDED_FUTURE,
		reported_from: UNBOUNDED_FUTURE,
		best_credibility: Math.min(6, ...supporting.map((c) => c.credibility.grade)),
		claim_count: supporting.length,
		claimants: `|${[...new Set(listed.map((c) => c.claimant))].sort().join('|')}|`
	};
	for (const claim of listed) {
		const { from, by } = claimPublication(claim, lookups.published);
		props.reported_from = Math.min(props.reported_from, from);
		props.reported_by = Math.min(props.reported_by, by);
		const grade = credibilityGrade(claim);
		for (const who of [claim.claimant, ANY_CLAIMANT]) {
			const fromKey = evidenceKey('from', grade, who);
			const byKey = evidenceKey('by', grade, who);
			props[fromKey] = Math.min(props[fromKey] ?? UNBOUNDED_FUTURE, from);
			props[byKey] = Math.min(props[byKey] ?? UNBOUNDED_FUTURE, by);
		}
	}
	return props;
}

function indexForFlattening(dataset: Dataset) {
	return {
		claims: new Map(dataset.claims.map((c) => [c.id, c])),
		published: new Map(dataset.documents.map((d) => [d.id, d.published])),
		features: new Map(dataset.features.map((f) => [f.id, f]))
	};
}

/** Features with a geometry, ready for a GeoJSON source with `promoteId: 'id'`. */
export function toMapFeatures(dataset: Dataset): FeatureCollection<Geometry, MapFeatureProperties> {
	const lookups = indexForFlattening(dataset);
	const features = dataset.features.flatMap((f) => {
		if (f.geometry === null) return [];
		return [
			{
				type: 'Feature' as const,
				id: f.id,
				geometry: f.geometry,
				properties: mapFeatureProperties(dataset, f, lookups)
			}
		];
	});
	return { type: 'FeatureCollection', features };
}
