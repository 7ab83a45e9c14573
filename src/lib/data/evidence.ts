/**
 * Read-only views of the evidence for the UI: an index of the dataset, a feature's claims and
 * numbered sources, headline figures for map labels, dates in a few words. Pure functions of the
 * dataset; the list, the map labels, the panel and the exports all use them, so they always
 * agree. The panel's detailed views are in ./evidence-detail.ts.
 */
import { formatDatePrec } from './dates.ts';
import { featurePlace, placeClaims, type Place } from './scope.ts';
import type {
	Claim,
	Claimant,
	Dataset,
	DatePrec,
	DeploymentFeature,
	Document,
	Figure,
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

/** The place a feature stands for (see ./scope.ts). */
export function placeOf(index: EvidenceIndex, featureId: string): Place {
	const feature = index.features.get(featureId);
	return feature ? featurePlace(feature, index.features) : { kind: 'none' };
}

/**
 * The claims that may speak for a feature's place on the map: reports (not opinions) whose
 * scope is exactly that place. Labels and headline figures use only these.
 */
export function placeClaimsOf(index: EvidenceIndex, featureId: string): Claim[] {
	return placeClaims(claimsOf(index, featureId), placeOf(index, featureId));
}

/**
 * A region's name for headings, from the basemap names the features were derived with ("Kursk
 * region"); the ISO code itself when no feature carries the name.
 */
export function regionNamer(index: EvidenceIndex): (code: string) => string {
	const names = new Map<string, string>();
	for (const f of index.dataset.features) {
		const gp = f.properties.geometry_provenance;
		if ((gp.method === 'admin1' || gp.method === 'admin1-label') && gp.derived) {
			names.set(gp.iso_3166_2, gp.derived.name_en);
		}
	}
	return (code) => {
		const name = names.get(code);
		return name ? `${name} region` : code;
	};
}

/**
 * A count as readers write it: 10,000. Whole numbers are grouped here rather than with
 * `toLocaleString`: the first locale call loads ICU's number data, which cost about 140 ms of the
 * page's start-up (every map label is a figure); other numbers still go through it.
 */
export const number = (n: number): string =>
	Number.isSafeInteger(n)
		? `${n < 0 ? '-' : ''}${String(Math.abs(n)).replace(/\B(?=(\d{3})+$)/g, ',')}`
		: n.toLocaleString('en-GB');

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

/**
 * The distinct headline figures of a feature for its map label, e.g. "~5,000 · ≤10,000" or
 * "~5,000 announced". Only figures of people sent (not deaths), smallest first. Pass only the
 * claims that name the feature's place (placeClaimsOf): a figure for Russia as a whole is never
 * a region's figure. An announced figure says so, and so does a plan.
 */
export function headlineFigures(claims: Claim[]): string {
	const seen = new Map<string, number>();
	for (const claim of claims) {
		const f = claim.figure;
		if (!f || f.qualifier === 'unquantified') continue;
		if (!['personnel', 'troops', 'labourers'].includes(f.unit)) continue;
		if (claim.kind !== 'deployment' && claim.kind !== 'plan') continue;
		const value = 'value' in f ? f.value : 'low' in f ? f.low : f.high;
		const text =
			claim.status === 'announced'
				? `${shortFigure(f)} announced`
				: claim.kind === 'plan'
					? `${shortFigure(f)} planned`
					: shortFigure(f);
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

/** How a document is named in citations: its outlet, or a plain statement that none is named. */
export function outletName(document: Document): string {
	return document.outlet ?? 'Outlet not named';
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
