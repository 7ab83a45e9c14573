/**
 * Read-only views of the evidence for the UI: the figures behind a feature grouped so that
 * conflicting numbers stand side by side, its numbered sources, and its disputes. Pure functions
 * of the dataset; the panel, the list, the map labels and the exports all use them, so they
 * always agree.
 */
import { dateRange, formatDatePrec } from './dates.ts';
import type {
	Anchor,
	Claim,
	Claimant,
	Dataset,
	DatePrec,
	DeploymentFeature,
	Document,
	Figure,
	FigureUnit,
	GeometryProvenance,
	Presence
} from './schema.ts';

export interface EvidenceIndex {
	dataset: Dataset;
	documents: Map<string, Document>;
	claimants: Map<string, Claimant>;
	claims: Map<string, Claim>;
	features: Map<string, DeploymentFeature>;
	/** Claims that dispute each claim (the inverse of `disputed_by`). */
	disputes: Map<string, Claim[]>;
}

export function indexDataset(dataset: Dataset): EvidenceIndex {
	const claims = new Map(dataset.claims.map((c) => [c.id, c]));
	const disputes = new Map<string, Claim[]>();
	for (const claim of dataset.claims) {
		for (const target of claim.disputed_by) {
			const by = claims.get(target);
			if (by) disputes.set(claim.id, [...(disputes.get(claim.id) ?? []), by]);
		}
	}
	return {
		dataset,
		documents: new Map(dataset.documents.map((d) => [d.id, d])),
		claimants: new Map(dataset.claimants.map((c) => [c.id, c])),
		claims,
		features: new Map(dataset.features.map((f) => [f.id, f])),
		disputes
	};
}

/** The claims a feature cites, in the order the data lists them, skipping unknown ids. */
export function claimsOf(index: EvidenceIndex, featureId: string): Claim[] {
	const feature = index.features.get(featureId);
	if (!feature) return [];
	return feature.properties.claims.flatMap((id) => index.claims.get(id) ?? []);
}

const UNIT_WORDS: Record<FigureUnit, string> = {
	personnel: 'personnel',
	troops: 'troops',
	labourers: 'labourers',
	deaths: 'deaths',
	injuries: 'injuries'
};

const number = (n: number) => n.toLocaleString('en-GB');

/** A figure in words, never more precise than the source: "about 5,000 personnel". */
export function formatFigure(figure: Figure): string {
	const unit = UNIT_WORDS[figure.unit];
	switch (figure.qualifier) {
		case 'about':
			return `about ${number(figure.value)} ${unit}`;
		case 'exactly':
			return `${number(figure.value)} ${unit}`;
		case 'at-least':
			return `at least ${number(figure.low)} ${unit}`;
		case 'more-than':
			return `more than ${number(figure.low)} ${unit}`;
		case 'up-to':
			return `up to ${number(figure.high)} ${unit}`;
		case 'between':
			return `${number(figure.low)}–${number(figure.high)} ${unit}`;
		case 'unquantified':
			return `${unit}: "${figure.text}" (no number given)`;
	}
}

/** A figure in a few characters, for map labels: "~5,000", ">10,000", "≤10,000". */
export function shortFigure(figure: Figure): string {
	switch (figure.qualifier) {
		case 'about':
			return `~${number(figure.value)}`;
		case 'exactly':
			return number(figure.value);
		case 'at-least':
			return `≥${number(figure.low)}`;
		case 'more-than':
			return `>${number(figure.low)}`;
		case 'up-to':
			return `≤${number(figure.high)}`;
		case 'between':
			return `${number(figure.low)}–${number(figure.high)}`;
		case 'unquantified':
			return figure.text;
	}
}

/** People sent count together whatever word the source used; deaths and injuries do not. */
const GROUPS: Array<{ id: string; label: string; units: FigureUnit[] }> = [
	{ id: 'deployed', label: 'Personnel deployed', units: ['personnel', 'troops'] },
	{ id: 'labourers', label: 'Labourers', units: ['labourers'] },
	{ id: 'deaths', label: 'Deaths', units: ['deaths'] },
	{ id: 'injuries', label: 'Injuries', units: ['injuries'] }
];

export interface FigureRow {
	claim: Claim;
	figure: Figure;
	claimant: Claimant | undefined;
}

export interface FigureGroup {
	id: string;
	label: string;
	rows: FigureRow[];
	/**
	 * True when the rows do not all give the same figure: they are shown side by side, each with
	 * its claimant and scope, and never merged into one number.
	 */
	differ: boolean;
}

function figureKey(f: Figure): string {
	return shortFigure(f);
}

/** Day a claim's as-of date most likely falls on, for ordering (unknown dates sort last). */
function asOfOrder(claim: Claim): number {
	const r = dateRange(claim.as_of);
	return r ? r[1] : Number.MAX_SAFE_INTEGER;
}

/**
 * The figures behind a set of claims, grouped by what they count. Within a group, rows are
 * ordered by as-of date, then claimant, so the same figures always appear in the same order.
 */
export function figureGroups(index: EvidenceIndex, claims: Claim[]): FigureGroup[] {
	return GROUPS.flatMap((group) => {
		const rows = claims
			.filter(
				(c): c is Claim & { figure: Figure } => !!c.figure && group.units.includes(c.figure.unit)
			)
			.map((claim) => ({
				claim,
				figure: claim.figure,
				claimant: index.claimants.get(claim.claimant)
			}))
			.sort(
				(a, b) =>
					asOfOrder(a.claim) - asOfOrder(b.claim) ||
					(a.claimant?.name ?? '').localeCompare(b.claimant?.name ?? '')
			);
		if (rows.length === 0) return [];
		const differ = new Set(rows.map((r) => figureKey(r.figure))).size > 1;
		return [{ id: group.id, label: group.label, rows, differ }];
	});
}

/** Claims without a number: statements about what happened, who said so, how sure. */
export function statementsOf(claims: Claim[]): Claim[] {
	return claims.filter((c) => !c.figure);
}

/**
 * The distinct headline figures of a feature for its map label, e.g. "~5,000 · ≤10,000" or
 * "~15,000 · 40,000 planned". Only figures of people sent (not deaths), smallest first.
 */
export function headlineFigures(claims: Claim[]): string {
	const seen = new Map<string, number>();
	for (const claim of claims) {
		const f = claim.figure;
		if (!f || f.qualifier === 'unquantified') continue;
		if (!['personnel', 'troops', 'labourers'].includes(f.unit)) continue;
		if (claim.kind !== 'deployment' && claim.kind !== 'plan') continue;
		const value = 'value' in f ? f.value : 'low' in f ? f.low : f.high;
		const text = claim.kind === 'plan' ? `${number(value)} planned` : shortFigure(f);
		if (!seen.has(text)) seen.set(text, value);
	}
	return [...seen.entries()]
		.sort((a, b) => a[1] - b[1])
		.map(([text]) => text)
		.join(' · ');
}

export interface SourceEntry {
	/** 1-based, in order of first citation by the claims given. */
	number: number;
	document: Document;
	/** The claims this document reports, among those given. */
	claims: Claim[];
	/** Who the document relays, among those claims. */
	claimants: Claimant[];
}

/** The documents behind a set of claims, numbered in order of first citation. */
export function sourcesOf(index: EvidenceIndex, claims: Claim[]): SourceEntry[] {
	const entries = new Map<string, SourceEntry>();
	for (const claim of claims) {
		for (const docId of claim.documents) {
			const document = index.documents.get(docId);
			if (!document) continue;
			let entry = entries.get(docId);
			if (!entry) {
				entry = { number: entries.size + 1, document, claims: [], claimants: [] };
				entries.set(docId, entry);
			}
			entry.claims.push(claim);
			const claimant = index.claimants.get(claim.claimant);
			if (claimant && !entry.claimants.includes(claimant)) entry.claimants.push(claimant);
		}
	}
	return [...entries.values()];
}

export interface Dispute {
	claim: Claim;
	disputedBy: Claim[];
}

/** Claims among those given that another claim contests, with the contesting claims. */
export function disputesOf(index: EvidenceIndex, claims: Claim[]): Dispute[] {
	return claims.flatMap((claim) => {
		const by = index.disputes.get(claim.id) ?? [];
		const named = claim.disputed_by.flatMap((id) => index.claims.get(id) ?? []);
		const disputedBy = [...new Set([...named, ...by])];
		return disputedBy.length > 0 || claim.status === 'disputed' ? [{ claim, disputedBy }] : [];
	});
}

/** The address itself if it is an absolute http(s) URL, otherwise null: nothing else is linked. */
export function safeHttpUrl(url: string | null | undefined): string | null {
	if (!url) return null;
	try {
		const parsed = new URL(url);
		return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
	} catch {
		return null;
	}
}

/** How a document is named in citations: its outlet, or a plain statement that none is named. */
export function outletName(document: Document): string {
	return document.outlet ?? 'Outlet not named';
}

function anchorText(anchor: Anchor, index: EvidenceIndex): string {
	switch (anchor.kind) {
		case 'place':
			return `GeoNames place ${anchor.geonames_id}`;
		case 'admin1-label':
			return `the label point of ${anchor.iso_3166_2}`;
		case 'feature-centroid':
			return `the centre of "${index.features.get(anchor.feature)?.properties.name ?? anchor.feature}"`;
	}
}

/**
 * How the geometry was made, in a sentence: which boundary it is, or how it was derived and with
 * which parameters, so derived shapes never pass for observed ones.
 */
export function describeProvenance(p: GeometryProvenance, index: EvidenceIndex): string {
	switch (p.method) {
		case 'admin1':
			return `Natural Earth boundary of ${p.derived?.name_en ?? p.iso_3166_2} (${p.iso_3166_2}): the whole region is drawn because the sources name only the region.`;
		case 'admin1-union': {
			const n = p.derived?.members.length;
			return `Union of ${n ?? 'the'} Natural Earth regions grouped as "${p.ne_region}" (${p.definition}), simplified to ${p.simplify_tolerance_deg}°.`;
		}
		case 'buffer-inside-border':
			return `Derived band: ${p.inside_country} territory within ${p.width_km} km of ${p.border_country}, in the regions sharing the land border${p.derived ? ` (${p.derived.inside_regions.join(', ')})` : ''}. ${p.assumption}`;
		case 'great-circle': {
			const km = p.derived
				? `, about ${Math.round(p.derived.length_km).toLocaleString('en-GB')} km`
				: '';
			return `Schematic great-circle line from ${anchorText(p.from, index)} to ${anchorText(p.to, index)}${km}: it shows that people moved between the two areas, not the route.`;
		}
		case 'place':
			return `Point at the GeoNames place ${p.derived?.name ?? p.geonames_id}.`;
		case 'admin1-label':
			return `Point at the Natural Earth label point of ${p.derived?.name_en ?? p.iso_3166_2}: it stands for the region, not a site.`;
		case 'none':
			return `Not drawn on the map: ${p.reason}`;
	}
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function monthOf(iso: string): string {
	const [y, m] = iso.split('-');
	return `${MONTHS[Number(m) - 1]} ${y}`;
}

/**
 * A date in a few words for lists: the value when there is one ("Sep 2025", "c. 2025"), else
 * what its bounds say ("after Aug 2024", "by Nov 2025"), else "unknown".
 */
export function formatDateShort(dp: DatePrec): string {
	if (dp.precision !== 'unknown' && dp.value !== null) {
		return formatDatePrec({ ...dp, earliest: undefined, latest: undefined });
	}
	if (dp.earliest && dp.latest) return `${monthOf(dp.earliest)}–${monthOf(dp.latest)}`;
	if (dp.earliest) return `after ${monthOf(dp.earliest)}`;
	if (dp.latest) return `by ${monthOf(dp.latest)}`;
	return 'unknown';
}

/** A presence interval in a few words: "Sep 2025 – ongoing", "after Aug 2024 – c. Apr 2025". */
export function formatPeriod(presence: Presence): string {
	const start = formatDateShort(presence.start);
	if (presence.end === null) return `${start} – ongoing`;
	const end = formatDateShort(presence.end);
	return start === end ? start : `${start} – ${end}`;
}

/** A presence interval in full, each date as precise as the data and no more. */
export function formatPresence(presence: Presence): string {
	const start = `Start: ${formatDatePrec(presence.start)}.`;
	const end =
		presence.end === null
			? 'End: none reported (ongoing).'
			: `End: ${formatDatePrec(presence.end)}.`;
	return `${start} ${end} Last corroborated: ${formatDatePrec(presence.last_corroborated)}.`;
}
