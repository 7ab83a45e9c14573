/**
 * The editor's draft: what the user typed, kept as typed (strings, so nothing is lost while it
 * is invalid), and how it becomes geo/ files. `applyDraft` turns a draft into the new text of
 * each changed file; the files are then checked with the validator `npm run geo:check` uses, and
 * `fieldIssues` puts each message next to the field it concerns.
 */
import type { Issue } from '$lib/data/issues.ts';
import { validateGeoFiles } from '$lib/data/validate.ts';
import { stringifyPretty, formatFeatureCollection } from '../data/geo-json-format.ts';

export type PrecisionChoice = 'day' | 'month' | 'year' | 'range';

export interface DateDraft {
	precision: PrecisionChoice;
	/** "YYYY-MM-DD", "YYYY-MM" or "YYYY" for day, month, year; unused for a range. */
	value: string;
	earliest: string;
	latest: string;
	resolution: 'stated' | 'computed' | 'inferred' | 'unresolved';
	note: string;
}

export interface DocumentDraft {
	id: string;
	outletNamed: boolean;
	outlet: string;
	title: string;
	summary: string;
	published: DateDraft;
	url: string;
	language: string;
	kind: string;
	grade: string;
	gradeReason: string;
	/** Quoted passages, one per line, as the claims quote them. */
	passages: string;
}

export interface ClaimantDraft {
	id: string;
	name: string;
	kind: string;
	country: string;
}

export type WhereMode =
	'existing' | 'regions' | 'band' | 'flow' | 'point' | 'polygon' | 'russia-wide' | 'unlocated';

export interface FeatureDraft {
	id: string;
	name: string;
	category: string;
	summary: string;
	locationNote: string;
	regions: string[];
	bandWidthKm: string;
	bandAssumption: string;
	flowFrom: string;
	flowTo: string;
	place: string;
	/** GeoJSON of a drawn or imported polygon, as text. */
	geojson: string;
	polygonHow: 'drawn-on-map' | 'geojson-file';
}

export interface ClaimDraft {
	id: string;
	statement: string;
	kind: string;
	claimant: string;
	/** Set when the claimant is new: `claimant` is then its id. */
	newClaimant: ClaimantDraft | null;
	via: string;
	status: string;
	qualifier: string;
	figureValue: string;
	figureLow: string;
	figureHigh: string;
	figureUnit: string;
	figureText: string;
	/** "report" or "opinion" (an opinion never supports a place). */
	basis: string;
	/** Where the claim puts people when the place mode does not say it (see scopeOf). */
	scopeKind: 'regions' | 'area' | 'country' | 'none';
	scopeRegions: string[];
	scopeArea: string;
	scopeCountry: string;
	/** The source's own words for the place. */
	scopeWords: string;
	/** What else the scope covers (people, period), or why it is read this way. */
	scope: string;
	asOf: DateDraft;
	grade: string;
	gradeReason: string;
	disputedBy: string[];
	passage: string;
	where: WhereMode;
	existingFeature: string;
	feature: FeatureDraft;
}

export interface Draft {
	/** sha256 of each geo/ file when the draft began (from the edit server), to detect changes. */
	base: Record<string, string>;
	startedAt: string;
	document: DocumentDraft;
	claims: ClaimDraft[];
}

export function emptyDate(): DateDraft {
	return { precision: 'day', value: '', earliest: '', latest: '', resolution: 'stated', note: '' };
}

export function emptyClaim(): ClaimDraft {
	return {
		id: '',
		statement: '',
		kind: 'deployment',
		claimant: '',
		newClaimant: null,
		via: '',
		status: 'reported',
		qualifier: 'none',
		figureValue: '',
		figureLow: '',
		figureHigh: '',
		figureUnit: 'personnel',
		figureText: '',
		basis: 'report',
		scopeKind: 'regions',
		scopeRegions: [],
		scopeArea: 'russia-ukraine-border',
		scopeCountry: 'RU',
		scopeWords: '',
		scope: '',
		asOf: emptyDate(),
		grade: '3',
		gradeReason: '',
		disputedBy: [],
		passage: '',
		where: 'existing',
		existingFeature: '',
		feature: {
			id: '',
			name: '',
			category: 'construction',
			summary: '',
			locationNote: '',
			regions: [],
			bandWidthKm: '50',
			bandAssumption: '',
			flowFrom: '',
			flowTo: '',
			place: '',
			geojson: '',
			polygonHow: 'geojson-file'
		}
	};
}

export function emptyDraft(base: Record<string, string> = {}): Draft {
	return {
		base,
		startedAt: new Date().toISOString(),
		document: {
			id: '',
			outletNamed: true,
			outlet: '',
			title: '',
			summary: '',
			published: emptyDate(),
			url: '',
			language: 'en',
			kind: 'press',
			grade: 'C',
			gradeReason: '',
			passages: ''
		},
		claims: [emptyClaim()]
	};
}

/* ---------------------------------------------------------------------------------------- */

const text = (s: string) => s.trim();
const orNull = (s: string) => (s.trim() === '' ? null : s.trim());

function numberOrText(s: string): number | string {
	const t = s.trim();
	return /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : t;
}

/** A field left empty is missing from the data, so the check says it is required. */
function given(s: string): number | string | undefined {
	return s.trim() === '' ? undefined : numberOrText(s);
}

export function toDatePrec(d: DateDraft): Record<string, unknown> {
	const out: Record<string, unknown> =
		d.precision === 'range'
			? { value: null, precision: 'unknown', resolution: d.resolution }
			: { value: text(d.value), precision: d.precision, resolution: d.resolution };
	if (d.precision === 'range') {
		if (d.earliest.trim()) out.earliest = text(d.earliest);
		if (d.latest.trim()) out.latest = text(d.latest);
	}
	if (d.note.trim()) out.note = text(d.note);
	return out;
}

function toFigure(c: ClaimDraft): Record<string, unknown> | null {
	if (c.qualifier === 'none') return null;
	const base = { unit: c.figureUnit, text: text(c.figureText) };
	switch (c.qualifier) {
		case 'about':
		case 'exactly':
			return { qualifier: c.qualifier, value: given(c.figureValue), ...base };
		case 'at-least':
		case 'more-than':
			return { qualifier: c.qualifier, low: given(c.figureLow), ...base };
		case 'up-to':
			return { qualifier: c.qualifier, high: given(c.figureHigh), ...base };
		case 'between':
			return {
				qualifier: c.qualifier,
				low: given(c.figureLow),
				high: given(c.figureHigh),
				...base
			};
		default:
			return { qualifier: c.qualifier, ...base };
	}
}

function toDocument(d: DocumentDraft): Record<string, unknown> {
	const passages = d.passages
		.split('\n')
		.map((p) => p.trim())
		.filter(Boolean);
	return {
		id: text(d.id),
		outlet: d.outletNamed ? text(d.outlet) : null,
		byline: null,
		title: orNull(d.title),
		summary:
			passages.length > 0
				? `${text(d.summary)} Passages quoted: ${passages.map((p) => `"${p}"`).join(' ')}`
				: text(d.summary),
		published: toDatePrec(d.published),
		url: orNull(d.url),
		corpus_ref: null,
		language: text(d.language),
		kind: d.kind,
		reliability: { grade: d.grade, reason: text(d.gradeReason) },
		cites: []
	};
}

/** The place mode decides the scope when it names one: picked regions, Russia-wide, none. */
export function scopeKindOf(c: ClaimDraft): ClaimDraft['scopeKind'] {
	if (c.where === 'regions') return 'regions';
	if (c.where === 'russia-wide') return 'country';
	if (c.where === 'unlocated') return 'none';
	return c.scopeKind;
}

function scopeOf(c: ClaimDraft): Record<string, unknown> {
	const kind = scopeKindOf(c);
	const words = orNull(c.scopeWords);
	const note = c.scope.trim() ? { note: text(c.scope) } : {};
	switch (kind) {
		case 'regions':
			return {
				kind,
				regions: c.where === 'regions' ? c.feature.regions : c.scopeRegions,
				words,
				...note
			};
		case 'area':
			return { kind, area: c.scopeArea, words, ...note };
		case 'country':
			return {
				kind,
				country: c.where === 'russia-wide' ? 'RU' : text(c.scopeCountry),
				words,
				...note
			};
		default:
			return { kind, words, note: text(c.scope) };
	}
}

function toClaim(c: ClaimDraft, documentId: string): Record<string, unknown> {
	const statement = c.passage.trim()
		? `${text(c.statement)} The document says: "${text(c.passage)}"`
		: text(c.statement);
	return {
		id: text(c.id),
		statement,
		kind: c.kind,
		claimant: text(c.claimant),
		via: orNull(c.via),
		documents: [text(documentId)],
		basis: c.basis,
		figure: toFigure(c),
		scope: scopeOf(c),
		as_of: toDatePrec(c.asOf),
		credibility: { grade: numberOrText(c.grade), reason: text(c.gradeReason) },
		status: c.status,
		disputed_by: c.disputedBy
	};
}

const ADMIN1 = 'geo/basemap/admin1.geojson';

function provenanceOf(c: ClaimDraft): Record<string, unknown> {
	const f = c.feature;
	switch (c.where) {
		case 'regions':
			return {
				method: 'admin1-set',
				source: ADMIN1,
				iso_3166_2: f.regions,
				simplify_tolerance_deg: 0.01
			};
		case 'band':
			return {
				method: 'buffer-inside-border',
				source: ADMIN1,
				inside_country: 'RU',
				border_country: 'UA',
				width_km: given(f.bandWidthKm),
				assumption: text(f.bandAssumption),
				min_shared_border_km: 20,
				simplify_tolerance_deg: 0.01
			};
		case 'flow':
			return {
				method: 'great-circle',
				from: { kind: 'place', geonames_id: given(f.flowFrom) },
				to: { kind: 'place', geonames_id: given(f.flowTo) },
				npoints: 32,
				schematic: true
			};
		case 'point':
			return {
				method: 'place',
				source: 'geo/basemap/places.geojson',
				geonames_id: given(f.place)
			};
		default:
			return { method: 'drawn', how: f.polygonHow, note: text(f.locationNote) };
	}
}

const PRECISION: Record<string, string> = {
	regions: 'region',
	band: 'band',
	flow: 'schematic',
	point: 'city',
	polygon: 'region'
};

function parseGeometry(s: string): unknown {
	try {
		const g = JSON.parse(s) as {
			type?: string;
			geometry?: unknown;
			features?: { geometry: unknown }[];
		};
		if (g.type === 'Feature') return g.geometry;
		if (g.type === 'FeatureCollection') return g.features?.[0]?.geometry ?? null;
		return g;
	} catch {
		return { type: 'Invalid', note: 'not JSON' };
	}
}

function toFeature(c: ClaimDraft): Record<string, unknown> {
	const f = c.feature;
	const date = toDatePrec(c.asOf);
	return {
		type: 'Feature',
		id: text(f.id),
		properties: {
			name: text(f.name),
			category: f.category,
			summary: text(f.summary),
			presence: { start: date, end: null, last_corroborated: date },
			location_precision: PRECISION[c.where],
			location_basis: 'stated',
			location_note: text(f.locationNote),
			geometry_provenance: provenanceOf(c),
			claims: [text(c.id)]
		},
		geometry: c.where === 'polygon' ? parseGeometry(f.geojson) : null
	};
}

export const NEW_FEATURE_MODES: WhereMode[] = ['regions', 'band', 'flow', 'point', 'polygon'];

export interface Applied {
	/** New text of every file the draft changes. */
	files: Record<string, string>;
	/** Index in each list at which the draft's records begin, to map issues back to fields. */
	at: { document: number; claimants: number[]; claims: number; features: (number | null)[] };
	attached: Map<string, number[]>;
}

interface Lists {
	documents: unknown[];
	claimants: unknown[];
	claims: unknown[];
	features: { id: string; properties: { claims: string[] } }[];
}

function parseLists(baseFiles: Record<string, string>): Lists {
	return {
		documents: (JSON.parse(baseFiles['documents.json']!) as { documents: unknown[] }).documents,
		claimants: (JSON.parse(baseFiles['claimants.json']!) as { claimants: unknown[] }).claimants,
		claims: (JSON.parse(baseFiles['claims.json']!) as { claims: unknown[] }).claims,
		features: (JSON.parse(baseFiles['features.geojson']!) as { features: Lists['features'] })
			.features
	};
}

/** The files as they will be after saving (features before geometry is derived). */
export function applyDraft(baseFiles: Record<string, string>, draft: Draft): Applied {
	const lists = parseLists(baseFiles);
	const at: Applied['at'] = {
		document: lists.documents.length,
		claimants: [],
		claims: lists.claims.length,
		features: []
	};
	const attached = new Map<string, number[]>();
	lists.documents.push(toDocument(draft.document));
	draft.claims.forEach((c, k) => {
		if (c.newClaimant) {
			at.claimants[k] = lists.claimants.length;
			const n = c.newClaimant;
			lists.claimants.push({
				id: text(c.claimant),
				name: text(n.name),
				kind: n.kind,
				country: orNull(n.country)
			});
		}
		lists.claims.push(toClaim(c, draft.document.id));
		if (c.where === 'existing') {
			const feature = lists.features.find((f) => f.id === c.existingFeature);
			if (feature) {
				const i = lists.features.indexOf(feature);
				feature.properties = {
					...feature.properties,
					claims: [...feature.properties.claims, text(c.id)]
				};
				attached.set(c.existingFeature, [...(attached.get(c.existingFeature) ?? []), i]);
			}
			at.features[k] = null;
		} else if (NEW_FEATURE_MODES.includes(c.where)) {
			at.features[k] = lists.features.length;
			lists.features.push(toFeature(c) as Lists['features'][number]);
		} else {
			at.features[k] = null;
		}
	});
	const files: Record<string, string> = {
		'documents.json': `${stringifyPretty({ documents: lists.documents })}\n`,
		'claims.json': `${stringifyPretty({ claims: lists.claims })}\n`
	};
	if (at.claimants.some((x) => x !== undefined)) {
		files['claimants.json'] = `${stringifyPretty({ claimants: lists.claimants })}\n`;
	}
	if (draft.claims.some((c) => c.where !== 'russia-wide' && c.where !== 'unlocated')) {
		files['features.geojson'] = formatFeatureCollection(
			lists.features as unknown as Parameters<typeof formatFeatureCollection>[0]
		);
	}
	return { files, at, attached };
}

/* ---------------------------------------------------------------------------------------- */

export interface FieldIssues {
	/** Messages by field key ("document.published", "claim.0.id", ...). */
	byField: Map<string, string[]>;
	/** Messages no field owns (shown at the top of the form). */
	general: string[];
	errors: number;
}

/** Field keys the form shows messages at; an issue goes to the longest key its path starts with. */
export function fieldKeyOf(issue: Issue, applied: Applied): string | null {
	const path = issue.path ?? [];
	const [list, index, ...rest] = path;
	if (typeof index !== 'number') return null;
	const file = issue.file.replace(/^.*\//, '');
	if (file === 'documents.json' && list === 'documents' && index === applied.at.document) {
		return ['document', ...rest].join('.');
	}
	if (file === 'claims.json' && list === 'claims' && index >= applied.at.claims) {
		return ['claim', index - applied.at.claims, ...rest].join('.');
	}
	if (file === 'claimants.json' && list === 'claimants') {
		const k = applied.at.claimants.indexOf(index);
		if (k >= 0) return ['claim', k, 'newClaimant', ...rest].join('.');
	}
	if (file === 'features.geojson' && list === 'features') {
		const k = applied.at.features.indexOf(index);
		if (k >= 0) {
			const inner = rest[0] === 'properties' ? rest.slice(1) : rest;
			return ['claim', k, 'feature', ...inner].join('.');
		}
	}
	return null;
}

/** The labels of the editor's date fields (the form's `dateFields`). */
export const DATE_LABELS = {
	value: 'Date',
	precision: 'Precision',
	resolution: 'How it was resolved',
	earliest: 'Earliest',
	latest: 'Latest',
	note: 'Note on the date'
};

/**
 * The labels of the fields inside each group of the editor's form, by the group's last key and
 * the field's name in the data. The form (src/routes/edit/+page.svelte) takes its labels from
 * here, and a message about one of these fields, shown under the whole group, names the field by
 * the same words, so the two cannot drift apart.
 */
export const FIELD_LABELS = {
	figure: {
		qualifier: 'Qualifier',
		value: 'Number',
		low: 'Lowest number',
		high: 'Highest number',
		unit: 'Unit',
		text: "The document's words for it"
	},
	scope: {
		kind: 'Kind of place',
		regions: 'Regions it names',
		area: 'Area',
		country: 'Country (two letters)',
		words: "The source's words for the place",
		note: 'What else it covers, or why it is read this way'
	},
	newClaimant: {
		id: 'Claimant id',
		name: 'Name',
		kind: 'Kind',
		country: 'Country it speaks for'
	},
	credibility: { grade: 'Grade', reason: 'Reason for the grade' },
	reliability: { grade: 'Grade', reason: 'Reason for the grade' },
	as_of: DATE_LABELS,
	published: DATE_LABELS,
	// How a new feature's shape is made: one of these, by the kind of place.
	geometry_provenance: {
		iso_3166_2: 'Regions',
		width_km: 'Width in km',
		assumption: 'Why this width',
		from: 'From',
		to: 'To',
		geonames_id: 'Place',
		note: 'How the place is known'
	}
} satisfies Record<string, Record<string, string>>;

/**
 * The form's label for the field `key` inside the group `owner` ("claim.0.scope" and
 * "claim.0.scope.regions" give "Regions it names"); undefined when the form has no label for it.
 */
export function groupFieldLabel(owner: string, key: string): string | undefined {
	if (!key.startsWith(`${owner}.`)) return undefined;
	const group = owner.split('.').at(-1)!;
	const field = key.slice(owner.length + 1).split('.')[0]!;
	const labels: Record<string, string> = Object.hasOwn(FIELD_LABELS, group)
		? FIELD_LABELS[group as keyof typeof FIELD_LABELS]
		: {};
	return Object.hasOwn(labels, field) ? labels[field] : undefined;
}

/**
 * A validator message as shown beside its field. The validator names where a problem is for a
 * reader of the files ("In the 2nd feature in the list, the field "name" ..."); beside the field,
 * the reader is already there, so the location goes, and the field is "this field" when the
 * message sits at that very field. A message under a group of fields names the field by `label`,
 * the form's own label, when there is one, not by its path in the data ("scope.regions").
 * Quoted names may hold commas; the location ends at the first comma outside quotes.
 */
export function wordingAtField(message: string, exact: boolean, label?: string): string {
	let text = message.replace(/^In (?:[^,"]|"[^"]*")+, /, '');
	if (exact) text = text.replace(/^the field "[^"]*"/, 'this field');
	else if (label) text = text.replace(/^the field "[^"]*"/, () => `the field "${label}"`);
	return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Validates the draft with the geo:check rules (basemap files optional) and places messages. */
export function checkDraft(
	baseFiles: Record<string, string>,
	draft: Draft,
	fieldKeys: readonly string[]
): FieldIssues {
	const applied = applyDraft(baseFiles, draft);
	const { issues } = validateGeoFiles({ ...baseFiles, ...applied.files });
	const byField = new Map<string, string[]>();
	const general: string[] = [];
	let errors = 0;
	const derivedLater = new Set(
		draft.claims.flatMap((c, k) =>
			NEW_FEATURE_MODES.includes(c.where) && c.where !== 'polygon' ? [applied.at.features[k]] : []
		)
	);
	for (const issue of issues) {
		// The server derives a recipe's geometry when it saves; until then there is none.
		const path = issue.path ?? [];
		if (
			issue.rule === 'geometry-provenance' &&
			path[2] === 'geometry' &&
			derivedLater.has(path[1] as number)
		) {
			continue;
		}
		if (issue.severity === 'error') errors++;
		const key = fieldKeyOf(issue, applied);
		const owner = key
			? fieldKeys
					.filter((f) => key === f || key.startsWith(`${f}.`))
					.sort((a, b) => b.length - a.length)[0]
			: undefined;
		if (owner && key) {
			const exact = key === owner;
			const message = wordingAtField(
				issue.message,
				exact,
				exact ? undefined : groupFieldLabel(owner, key)
			);
			byField.set(owner, [...(byField.get(owner) ?? []), message]);
		} else general.push(issue.message);
	}
	return { byField, general, errors };
}
