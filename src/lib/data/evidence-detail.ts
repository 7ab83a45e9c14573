/**
 * The detailed evidence views the side panel needs (and the list and map do not): figures
 * grouped so that differing numbers stand side by side, disputes, geometry provenance and full
 * presence dates in words, safe links. Loaded with the panel, not with the page.
 */
import { dateRange, formatDatePrec } from './dates.ts';
import { number, shortFigure, type EvidenceIndex } from './evidence.ts';
import { FIGURE_UNIT_WORDS } from './vocabulary.ts';
import type {
	Anchor,
	Claim,
	Claimant,
	Figure,
	FigureUnit,
	GeometryProvenance,
	Presence
} from './schema.ts';

/** People sent count together whatever word the source used; deaths and injuries do not. */
const GROUPS: Array<{ id: string; label: string; units: FigureUnit[] }> = [
	{ id: 'deployed', label: 'Personnel deployed', units: ['personnel', 'troops'] },
	{ id: 'labourers', label: 'Labourers', units: ['labourers'] },
	{ id: 'deaths', label: 'Deaths', units: ['deaths'] },
	{ id: 'injuries', label: 'Injuries', units: ['injuries'] }
];

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

/** Day a claim's as-of date most likely falls on, for ordering (unknown dates sort last). */
function asOfOrder(claim: Claim): number {
	const r = dateRange(claim.as_of);
	return r ? r[1] : Number.MAX_SAFE_INTEGER;
}

function figureKey(f: Figure): string {
	return shortFigure(f);
}

/** A figure in words, never more precise than the source: "about 5,000 personnel". */
export function formatFigure(figure: Figure): string {
	const unit = FIGURE_UNIT_WORDS[figure.unit];
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
			return `Union of ${n ?? 'the'} Natural Earth regions grouped as "${p.ne_region}", simplified to ${p.simplify_tolerance_deg}°. ${p.definition}`;
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
		case 'admin1-set':
			return `Union of the Natural Earth regions ${(p.derived?.names_en ?? p.iso_3166_2).join(', ')}, simplified to ${p.simplify_tolerance_deg}°: the whole regions are drawn because the sources name only the regions.`;
		case 'drawn':
			return `Outline ${p.how === 'drawn-on-map' ? 'drawn on the map' : 'imported from a GeoJSON file'} by an analyst, not a boundary: ${p.note}`;
	}
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

export interface Dispute {
	claim: Claim;
	disputedBy: Claim[];
}
