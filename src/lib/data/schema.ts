/**
 * The evidence model: the one source of types for the `geo/` validator and for the UI.
 *
 * Everything on the map is a feature; a feature lists the claims that support it; a claim names
 * who made it (a claimant) and the documents that report it. Dates carry their precision and say
 * how they were resolved, because most dates in the corpus are relative ("on Tuesday", "in April
 * this year") and the reader must be able to see what was stated and what was worked out.
 *
 * Only structure lives here. Checks that need more than one field or more than one file (date
 * formats, ordering, references, geometry) are rules in `./rules/`, so that each problem is
 * reported once, under a rule id a data maintainer can look up.
 *
 * No Node, DOM or Svelte imports: the browser reuses this module to validate imported files.
 */
import type { Geometry } from 'geojson';
import * as v from 'valibot';
import {
	AREA_IDS,
	CATEGORY_IDS,
	CLAIM_BASES,
	CLAIM_KINDS,
	CLAIM_STATUSES,
	CLAIMANT_KINDS,
	DATE_PRECISIONS,
	DATE_RESOLUTIONS,
	DOCUMENT_KINDS,
	FIGURE_UNITS,
	ID_PATTERN,
	LOCATION_BASES,
	LOCATION_PRECISIONS,
	RELIABILITY_GRADES,
	TIME_MODES
} from './vocabulary.ts';

export * from './vocabulary.ts';

const Id = v.pipe(
	v.string(),
	v.regex(
		ID_PATTERN,
		'must be lowercase letters and digits joined by single hyphens, like "kursk-combat"'
	)
);

const Text = v.pipe(v.string(), v.regex(/\S/, 'must not be empty'));

const CountryCode = v.pipe(
	v.string(),
	v.regex(/^[A-Z]{2}$/, 'must be a two-letter ISO country code in capitals, like "RU"')
);

const Iso3166_2 = v.pipe(
	v.string(),
	v.regex(/^[A-Z]{2}-[A-Z0-9]{1,3}$/, 'must be an ISO 3166-2 code like "RU-KRS"')
);

/* ------------------------------------------------------------------------------------------ */
/* Dates                                                                                        */
/* ------------------------------------------------------------------------------------------ */

/**
 * A date with its precision. `value` is "YYYY-MM-DD", "YYYY-MM" or "YYYY" to match `precision`,
 * or null when the precision is `unknown`. `earliest` / `latest` ("YYYY-MM-DD") narrow the
 * value's range when only bounds are known. Formats and ordering are checked by the
 * `date-format` and `date-order` rules, so a bad date is reported once, with a sentence.
 */
export const DatePrecSchema = v.strictObject({
	value: v.nullable(v.string()),
	precision: v.picklist(DATE_PRECISIONS),
	resolution: v.picklist(DATE_RESOLUTIONS),
	earliest: v.optional(v.string()),
	latest: v.optional(v.string()),
	note: v.optional(Text),
	/**
	 * The claim this date is taken from, when a feature borrows a claim's date. The claim must be
	 * one the feature lists (the `date-source` rule), so the reader can find it in the panel.
	 */
	from_claim: v.optional(Id)
});
export type DatePrec = v.InferOutput<typeof DatePrecSchema>;

/* ------------------------------------------------------------------------------------------ */
/* Documents                                                                                    */
/* ------------------------------------------------------------------------------------------ */

export const DocumentSchema = v.strictObject({
	id: Id,
	/** Outlet as printed; null when the copy on file does not name one ("outlet not named"). */
	outlet: v.nullable(Text),
	byline: v.nullable(Text),
	/** Headline as printed; null when the copy on file has none. */
	title: v.nullable(Text),
	/** One line in our own words saying what the document is. */
	summary: Text,
	published: DatePrecSchema,
	/** Only a link the document itself gives; never reconstructed. Null means "no link on file". */
	url: v.nullable(
		v.pipe(
			v.string(),
			v.regex(/^https?:\/\/\S+$/, 'must be a full http:// or https:// address, or null')
		)
	),
	/** Internal reference to the copy in the research corpus (a file name, not a URL). */
	corpus_ref: v.nullable(Text),
	language: v.pipe(
		v.string(),
		v.regex(/^[a-z]{2,3}(?:-[A-Z]{2})?$/, 'must be a language code like "en" or "ko"')
	),
	kind: v.picklist(DOCUMENT_KINDS),
	reliability: v.strictObject({
		grade: v.picklist(RELIABILITY_GRADES),
		reason: Text
	}),
	/** Outlets and bodies the document attributes material to, as it names them. */
	cites: v.array(Text)
});
export type Document = v.InferOutput<typeof DocumentSchema>;

/* ------------------------------------------------------------------------------------------ */
/* Claimants                                                                                    */
/* ------------------------------------------------------------------------------------------ */

export const ClaimantSchema = v.strictObject({
	id: Id,
	name: Text,
	kind: v.picklist(CLAIMANT_KINDS),
	/** Country the claimant speaks for; null for multinational or unknown. */
	country: v.nullable(CountryCode),
	note: v.optional(Text)
});
export type Claimant = v.InferOutput<typeof ClaimantSchema>;

/* ------------------------------------------------------------------------------------------ */
/* Claims                                                                                       */
/* ------------------------------------------------------------------------------------------ */

const Count = v.pipe(
	v.number(),
	v.integer('must be a whole number'),
	v.minValue(0, 'must not be negative')
);

const figureBase = {
	unit: v.picklist(FIGURE_UNITS),
	/** The source's own few words for the figure, shown as a quote: "more than 10,000 soldiers". */
	text: Text
};

/**
 * A number as precise as the source gives it, and no more: a point value, a bound, a range, or
 * no number at all ("hundreds").
 */
export const FigureSchema = v.variant('qualifier', [
	v.strictObject({ qualifier: v.picklist(['about', 'exactly']), value: Count, ...figureBase }),
	v.strictObject({ qualifier: v.picklist(['at-least', 'more-than']), low: Count, ...figureBase }),
	v.strictObject({ qualifier: v.literal('up-to'), high: Count, ...figureBase }),
	v.pipe(
		v.strictObject({ qualifier: v.literal('between'), low: Count, high: Count, ...figureBase }),
		v.check((f) => f.low <= f.high, 'must have "low" no larger than "high"')
	),
	v.strictObject({ qualifier: v.literal('unquantified'), ...figureBase })
]);
export type Figure = v.InferOutput<typeof FigureSchema>;

/** The source's own words for the place, as a short quote; null when it names none. */
const PlaceWords = v.nullable(Text);

/**
 * Where a claim puts people, structured so that a zone shows only the figures whose claims name
 * its own place. `words` keeps the source's wording; `note` says what else the scope covers
 * (people, period) or why it is read this way.
 */
export const ScopeSchema = v.variant('kind', [
	v.strictObject({
		kind: v.literal('regions'),
		regions: v.pipe(v.array(Iso3166_2), v.minLength(1, 'must list at least one region')),
		words: PlaceWords,
		note: v.optional(Text)
	}),
	v.strictObject({
		kind: v.literal('area'),
		area: v.picklist(AREA_IDS),
		words: PlaceWords,
		note: v.optional(Text)
	}),
	v.strictObject({
		kind: v.literal('country'),
		country: CountryCode,
		words: PlaceWords,
		note: v.optional(Text)
	}),
	v.strictObject({ kind: v.literal('none'), words: PlaceWords, note: Text })
]);
export type Scope = v.InferOutput<typeof ScopeSchema>;

export const ClaimSchema = v.strictObject({
	id: Id,
	/** The claim in our own words. Any exact wording is a short quote in double quotes. */
	statement: Text,
	kind: v.picklist(CLAIM_KINDS),
	/** A report of what happened, or an opinion (never counted as support for a place). */
	basis: v.picklist(CLAIM_BASES),
	claimant: Id,
	/** Who passed the claim on between the claimant and the document, if anyone. */
	via: v.nullable(Text),
	documents: v.pipe(v.array(Id), v.minLength(1, 'must list at least one document')),
	figure: v.nullable(FigureSchema),
	/** Where the claim puts people, with the source's own words for the place. */
	scope: ScopeSchema,
	as_of: DatePrecSchema,
	credibility: v.strictObject({
		grade: v.pipe(
			v.number(),
			v.integer('must be a whole number'),
			v.minValue(1, 'must be from 1 to 6'),
			v.maxValue(6, 'must be from 1 to 6')
		),
		reason: Text
	}),
	status: v.picklist(CLAIM_STATUSES),
	disputed_by: v.array(Id),
	/**
	 * Claims this one qualifies without contesting them: a non-confirmation, a silence, a caveat.
	 * Shown with those claims in the panel.
	 */
	bears_on: v.optional(v.array(Id))
});
export type Claim = v.InferOutput<typeof ClaimSchema>;

/* ------------------------------------------------------------------------------------------ */
/* Features                                                                                     */
/* ------------------------------------------------------------------------------------------ */

const LonLat = v.strictTuple([v.number(), v.number()]);

const BASEMAP_ADMIN1 = 'geo/basemap/admin1.geojson';
const BASEMAP_PLACES = 'geo/basemap/places.geojson';

/** One end of a flow line. */
export const AnchorSchema = v.variant('kind', [
	v.strictObject({ kind: v.literal('place'), geonames_id: Count }),
	v.strictObject({ kind: v.literal('admin1-label'), iso_3166_2: Iso3166_2 }),
	/** The area-weighted centre of another (polygon) feature, for flows from a macro-region. */
	v.strictObject({ kind: v.literal('feature-centroid'), feature: Id })
]);
export type Anchor = v.InferOutput<typeof AnchorSchema>;

/**
 * Recipes `npm run geo:derive` follows to write each feature's geometry from the basemap. Authors
 * write the recipe; the script writes `derived` (what it found and measured) and the geometry.
 */
export const GeometryProvenanceSchema = v.variant('method', [
	v.strictObject({
		method: v.literal('admin1'),
		source: v.literal(BASEMAP_ADMIN1),
		iso_3166_2: Iso3166_2,
		derived: v.optional(
			v.strictObject({ name_en: Text, label_point: LonLat, area_km2: v.number() })
		)
	}),
	v.strictObject({
		method: v.literal('admin1-union'),
		source: v.literal(BASEMAP_ADMIN1),
		country: CountryCode,
		ne_region: Text,
		/** The wider area the documents name that this union stands for, if any. */
		area: v.optional(v.picklist(AREA_IDS)),
		definition: Text,
		simplify_tolerance_deg: v.pipe(v.number(), v.minValue(0, 'must not be negative')),
		derived: v.optional(
			v.strictObject({
				members: v.array(Iso3166_2),
				label_point: LonLat,
				area_km2: v.number()
			})
		)
	}),
	v.strictObject({
		method: v.literal('buffer-inside-border'),
		source: v.literal(BASEMAP_ADMIN1),
		inside_country: CountryCode,
		border_country: CountryCode,
		/** The wider area the documents name that this band stands for, if any. */
		area: v.optional(v.picklist(AREA_IDS)),
		width_km: v.pipe(v.number(), v.minValue(1, 'must be at least 1 km')),
		/** Why this width: shown to users next to the band. */
		assumption: Text,
		/** Regions count as bordering when they share at least this much boundary. */
		min_shared_border_km: v.pipe(v.number(), v.minValue(0, 'must not be negative')),
		simplify_tolerance_deg: v.pipe(v.number(), v.minValue(0, 'must not be negative')),
		derived: v.optional(
			v.strictObject({
				inside_regions: v.array(Iso3166_2),
				border_regions: v.array(Iso3166_2),
				shared_border_km: v.number(),
				label_point: LonLat,
				area_km2: v.number()
			})
		)
	}),
	v.strictObject({
		method: v.literal('great-circle'),
		from: AnchorSchema,
		to: AnchorSchema,
		npoints: v.pipe(
			v.number(),
			v.integer('must be a whole number'),
			v.minValue(2, 'must be at least 2')
		),
		/** Flows show that people moved between two areas, never the route they took. */
		schematic: v.literal(true),
		derived: v.optional(
			v.strictObject({
				from_point: LonLat,
				to_point: LonLat,
				label_point: LonLat,
				length_km: v.number()
			})
		)
	}),
	v.strictObject({
		method: v.literal('place'),
		source: v.literal(BASEMAP_PLACES),
		geonames_id: Count,
		derived: v.optional(v.strictObject({ name: Text, label_point: LonLat }))
	}),
	v.strictObject({
		method: v.literal('admin1-label'),
		source: v.literal(BASEMAP_ADMIN1),
		iso_3166_2: Iso3166_2,
		derived: v.optional(v.strictObject({ name_en: Text, label_point: LonLat }))
	}),
	v.strictObject({ method: v.literal('none'), reason: Text }),
	/** Regions picked one by one (in the editor), united into one shape. */
	v.strictObject({
		method: v.literal('admin1-set'),
		source: v.literal(BASEMAP_ADMIN1),
		iso_3166_2: v.pipe(v.array(Iso3166_2), v.minLength(1, 'must list at least one region')),
		simplify_tolerance_deg: v.pipe(v.number(), v.minValue(0, 'must not be negative')),
		derived: v.optional(
			v.strictObject({ names_en: v.array(Text), label_point: LonLat, area_km2: v.number() })
		)
	}),
	/** A polygon an analyst drew or imported: the geometry is the record, not derived. */
	v.strictObject({
		method: v.literal('drawn'),
		how: v.picklist(['drawn-on-map', 'geojson-file']),
		/** What the outline follows and why, shown to users: a drawn shape is an analyst's. */
		note: Text,
		derived: v.optional(v.strictObject({ label_point: LonLat, area_km2: v.number() }))
	})
]);
export type GeometryProvenance = v.InferOutput<typeof GeometryProvenanceSchema>;
export type GeometryMethod = GeometryProvenance['method'];

export const PresenceSchema = v.strictObject({
	start: DatePrecSchema,
	/** Null: open, still present as far as the documents say. */
	end: v.nullable(DatePrecSchema),
	/** The latest date at which a document places it there. */
	last_corroborated: DatePrecSchema
});
export type Presence = v.InferOutput<typeof PresenceSchema>;

export const DeploymentPropertiesSchema = v.strictObject({
	name: Text,
	category: v.picklist(CATEGORY_IDS),
	/** A few sentences in our own words; figures belong in claims. */
	summary: Text,
	presence: PresenceSchema,
	location_precision: v.picklist(LOCATION_PRECISIONS),
	location_basis: v.picklist(LOCATION_BASES),
	location_note: Text,
	geometry_provenance: GeometryProvenanceSchema,
	claims: v.array(Id)
});
export type DeploymentProperties = v.InferOutput<typeof DeploymentPropertiesSchema>;

/** Geometry structure is the `geojson-structure` rule's job; here it only has to be an object or null. */
const GeometrySchema = v.custom<Geometry | null>(
	(input) => input === null || (typeof input === 'object' && !Array.isArray(input)),
	'must be a GeoJSON geometry object or null'
);

export const DeploymentFeatureSchema = v.strictObject({
	type: v.literal('Feature'),
	id: Id,
	properties: DeploymentPropertiesSchema,
	geometry: GeometrySchema
});
export type DeploymentFeature = v.InferOutput<typeof DeploymentFeatureSchema>;

/* ------------------------------------------------------------------------------------------ */
/* Briefings                                                                                    */
/* ------------------------------------------------------------------------------------------ */

export const BriefingStepSchema = v.strictObject({
	id: Id,
	camera: v.strictObject({
		center: LonLat,
		zoom: v.pipe(
			v.number(),
			v.minValue(0, 'must be from 0 to 22'),
			v.maxValue(22, 'must be from 0 to 22')
		),
		bearing: v.optional(v.number()),
		pitch: v.optional(
			v.pipe(
				v.number(),
				v.minValue(0, 'must be from 0 to 85'),
				v.maxValue(85, 'must be from 0 to 85')
			)
		)
	}),
	/** Visible layers, by category id. */
	layers: v.array(v.picklist(CATEGORY_IDS)),
	/** Null shows every date. `date` is "YYYY-MM-DD". */
	time: v.nullable(v.strictObject({ mode: v.picklist(TIME_MODES), date: v.string() })),
	selected: v.nullable(Id),
	caption: Text,
	notes: v.string(),
	/** The claims the caption and notes rest on; every sentence must be backed by one of them. */
	claims: v.pipe(v.array(Id), v.minLength(1, 'must list the claims the step rests on'))
});
export type BriefingStep = v.InferOutput<typeof BriefingStepSchema>;

export const BriefingSchema = v.strictObject({
	id: Id,
	title: Text,
	summary: Text,
	steps: v.pipe(v.array(BriefingStepSchema), v.minLength(1, 'must have at least one step'))
});
export type Briefing = v.InferOutput<typeof BriefingSchema>;

/* ------------------------------------------------------------------------------------------ */
/* Files and the dataset                                                                        */
/* ------------------------------------------------------------------------------------------ */

/** File-level wrappers; items are checked one by one so one bad item does not hide the rest. */
export const DocumentsFileSchema = v.strictObject({ documents: v.array(v.unknown()) });
export const ClaimantsFileSchema = v.strictObject({ claimants: v.array(v.unknown()) });
export const ClaimsFileSchema = v.strictObject({ claims: v.array(v.unknown()) });
export const FeaturesFileSchema = v.strictObject({
	type: v.literal('FeatureCollection'),
	features: v.array(v.unknown())
});

/** Everything the UI needs, JSON-serialisable. This is also what `parseDataset` accepts. */
export const DatasetSchema = v.strictObject({
	documents: v.array(DocumentSchema),
	claimants: v.array(ClaimantSchema),
	claims: v.array(ClaimSchema),
	features: v.array(DeploymentFeatureSchema),
	briefings: v.array(BriefingSchema)
});
export type Dataset = v.InferOutput<typeof DatasetSchema>;
