/**
 * The evidence model's vocabulary: ids, categories, grades and their meanings, as plain
 * constants. Kept apart from the schema (./schema.ts re-exports all of it) so that the browser
 * can name categories and grades without loading the validation library.
 */

/** Lowercase words and digits joined by single hyphens. Ids are stable: URLs and briefings use them. */
export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * How precisely a date is known. `unknown` means no value can be given honestly; `earliest` and
 * `latest` may still bound it.
 */
export const DATE_PRECISIONS = ['day', 'month', 'year', 'unknown'] as const;

export type DatePrecision = (typeof DATE_PRECISIONS)[number];

/**
 * How a date was obtained: `stated` in the document as a calendar date; `computed` from the
 * document's own words by arithmetic (a weekday, "last month"); `inferred` by reasoning across
 * clues or documents; `unresolved` when the documents do not allow a date. Anything but
 * `stated` needs a note that spells out the reasoning.
 */
export const DATE_RESOLUTIONS = ['stated', 'computed', 'inferred', 'unresolved'] as const;

export type DateResolution = (typeof DATE_RESOLUTIONS)[number];

/** Admiralty code, source reliability: A completely reliable ... E unreliable, F cannot be judged. */
export const RELIABILITY_GRADES = ['A', 'B', 'C', 'D', 'E', 'F'] as const;

export type ReliabilityGrade = (typeof RELIABILITY_GRADES)[number];

export const RELIABILITY_LABELS: Record<ReliabilityGrade, string> = {
	A: 'completely reliable',
	B: 'usually reliable',
	C: 'fairly reliable',
	D: 'not usually reliable',
	E: 'unreliable',
	F: 'reliability cannot be judged'
};

export const DOCUMENT_KINDS = [
	'press',
	'aggregator',
	'analysis',
	'government',
	'intelligence-briefing',
	'state-media',
	'monitoring-group'
] as const;

export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export const CLAIMANT_KINDS = [
	'intelligence-agency',
	'government',
	'state-media',
	'monitoring-group',
	'press',
	'legislator',
	'expert',
	'anonymous',
	'unattributed'
] as const;

export type ClaimantKind = (typeof CLAIMANT_KINDS)[number];

export const CLAIM_KINDS = ['deployment', 'casualties', 'plan', 'event', 'assessment'] as const;

export type ClaimKind = (typeof CLAIM_KINDS)[number];

/**
 * `confirmed`: acknowledged by the party whose own action it describes (North Korea on sending
 * its troops, Russia on what it received). `announced`: a party to the arrangement declared
 * that something will be done (Shoigu's "division of builders"): a plan made public, not a
 * confirmation that it happened. `reported`: a third party's assessment (intelligence service,
 * another government, monitoring group, press) relayed by a document. `claimed`: a party's
 * assertion about contested facts such as battlefield outcomes, or an anonymous, unverifiable or
 * unattributed statement. `disputed`: another claim in the data contests it (listed in
 * `disputed_by`).
 */
export const CLAIM_STATUSES = [
	'confirmed',
	'announced',
	'reported',
	'claimed',
	'disputed'
] as const;

export type ClaimStatus = (typeof CLAIM_STATUSES)[number];

/** How a status reads next to a figure or a statement, for any audience. */
export const CLAIM_STATUS_LABELS: Record<ClaimStatus, string> = {
	confirmed: 'Confirmed by the party concerned',
	announced: 'Announced, not confirmed as carried out',
	reported: 'Reported by a third party',
	claimed: 'Claimed (unverified or contested)',
	disputed: 'Disputed by another claim'
};

/**
 * What a claim is: `report`, a statement of what happened, where or how many (evidence a place
 * can rest on); `opinion`, a commentator's view, an official's interpretation or a forecast. An
 * opinion is shown where it is relevant but never counts as support for a zone: not in its
 * confidence, its hatch density or its count of sources (the `opinion-support` rule).
 */
export const CLAIM_BASES = ['report', 'opinion'] as const;

export type ClaimBasis = (typeof CLAIM_BASES)[number];

/**
 * Where a claim puts people: named `regions` (ISO 3166-2 codes of the basemap), a wider named
 * `area`, only a `country`, or `none` at all. A zone shows a claim's figure on the map only when
 * the claim's scope is the zone's own place.
 */
export const SCOPE_KINDS = ['regions', 'area', 'country', 'none'] as const;

export type ScopeKind = (typeof SCOPE_KINDS)[number];

/**
 * Areas wider than one region that the documents name. An area is drawn only where a feature's
 * recipe says it depicts it (`area` on the recipe); "special military operation zone" has no
 * boundary in any source and is never drawn.
 */
export const AREA_IDS = [
	'russian-far-east',
	'russia-ukraine-border',
	'special-military-operation-zone'
] as const;

export type AreaId = (typeof AREA_IDS)[number];

/** An area's name as it reads after "in" or "for": "Figures for Russia's Far East". */
export const AREA_LABELS: Record<AreaId, string> = {
	'russian-far-east': "Russia's Far East",
	'russia-ukraine-border': 'the area near the Russia-Ukraine border',
	'special-military-operation-zone': 'the "special military operation zone"'
};

/** Countries the documents name as a whole, by ISO code, as they read after "for". */
export const COUNTRY_LABELS: Record<string, string> = {
	RU: 'Russia',
	UA: 'Ukraine',
	KP: 'North Korea',
	KR: 'South Korea'
};

/** Admiralty code, information credibility: 1 confirmed ... 5 improbable, 6 cannot be judged. */
export const CREDIBILITY_LABELS: Record<number, string> = {
	1: 'confirmed by other sources',
	2: 'probably true',
	3: 'possibly true',
	4: 'doubtful',
	5: 'improbable',
	6: 'truth cannot be judged'
};

export const FIGURE_UNITS = ['personnel', 'troops', 'labourers', 'deaths', 'injuries'] as const;

export type FigureUnit = (typeof FIGURE_UNITS)[number];

/** How each unit reads in a sentence ("about 5,000 personnel"). */
export const FIGURE_UNIT_WORDS: Record<FigureUnit, string> = {
	personnel: 'personnel',
	troops: 'troops',
	labourers: 'labourers',
	deaths: 'deaths',
	injuries: 'injuries'
};

/** Stable category ids, one per map layer. The UI maps them to colours and labels. */
export const CATEGORY_IDS = [
	'combat',
	'construction',
	'demining',
	'border-guard',
	'labour',
	'enlistment',
	'dispatch',
	'event'
] as const;

export type CategoryId = (typeof CATEGORY_IDS)[number];

export const CATEGORY_LABELS: Record<CategoryId, string> = {
	combat: 'Combat deployment',
	construction: 'Reconstruction (military builders)',
	demining: 'Demining',
	'border-guard': 'Border guard duty',
	labour: 'Labour',
	enlistment: 'Labourers enlisted in the Russian military',
	dispatch: 'Dispatch from North Korea',
	event: 'Event'
};

/**
 * How finely the geometry locates the thing. `band` and `macro-region` are analyst constructs;
 * `schematic` lines show a movement, not a route; `not-located` features have no geometry.
 */
export const LOCATION_PRECISIONS = [
	'point',
	'city',
	'region',
	'band',
	'macro-region',
	'schematic',
	'not-located'
] as const;

export type LocationPrecision = (typeof LOCATION_PRECISIONS)[number];

/**
 * Whether the place is named by the sources, worked out from them, an analyst's choice, or not
 * given at all (then the feature is not drawn).
 */
export const LOCATION_BASES = ['stated', 'inferred', 'assumed', 'not-given'] as const;

export type LocationBasis = (typeof LOCATION_BASES)[number];

export const TIME_MODES = ['present-on', 'reported-by'] as const;

export type TimeMode = (typeof TIME_MODES)[number];
