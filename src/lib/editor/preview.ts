/**
 * The draft as the atlas will show it once saved: the draft is applied to the dataset the page
 * was built from and checked with the same rules as geo:check, so the preview's figures, dates,
 * grades and filters come from the same code as a saved feature's. Nothing leaves the browser.
 */
import { deriveFeatures, type Basemap } from '../data/derive/features.ts';
import { parseDataset } from '../data/validate.ts';
import * as v from 'valibot';
import { DeploymentFeatureSchema, type Dataset, type DeploymentFeature } from '../data/schema.ts';
import { applyDraft, NEW_FEATURE_MODES, type Draft } from './draft.ts';

export interface DraftPreview {
	/** The dataset with the draft applied. */
	dataset: Dataset;
	/** Features the draft adds or adds claims to, in draft order. */
	featureIds: string[];
	/** The draft's claim ids. */
	claimIds: string[];
	/** Draft claims on no feature (Russia-wide or unlocated): context, never a zone's figure. */
	placelessClaims: number;
	/** The draft's document id. */
	documentId: string;
}

export type DraftPreviewResult =
	{ ok: true; preview: DraftPreview } | { ok: false; problems: string[] };

/** The base files a draft applies to, written from the dataset the page already has. */
function baseFilesOf(dataset: Dataset): Record<string, string> {
	return {
		'documents.json': JSON.stringify({ documents: dataset.documents }),
		'claimants.json': JSON.stringify({ claimants: dataset.claimants }),
		'claims.json': JSON.stringify({ claims: dataset.claims }),
		'features.geojson': JSON.stringify({ type: 'FeatureCollection', features: dataset.features })
	};
}

/** A draft with something in it: an untouched form is no draft to preview. */
export function isStarted(draft: Draft): boolean {
	return draft.document.id.trim() !== '' || draft.claims.some((c) => c.id.trim() !== '');
}

/** Whether the draft has a feature whose geometry is derived from the basemap on save. */
export function needsBasemap(draft: Draft): boolean {
	return draft.claims.some((c) => NEW_FEATURE_MODES.includes(c.where) && c.where !== 'polygon');
}

/**
 * The draft applied to the dataset. A feature made from a recipe (regions, band, flow, place)
 * gets its geometry derived from `basemap` with the geo:derive code, so it looks as it will.
 */
function derived(features: unknown[], basemap: Basemap | null): unknown[] {
	const parsed = features.map((f) => v.safeParse(DeploymentFeatureSchema, f));
	if (!basemap || parsed.some((p) => !p.success)) return features;
	const typed = parsed.map((p) => p.output as DeploymentFeature);
	const missing = typed.filter((f) => !f.geometry);
	if (missing.length === 0) return features;
	// Only the draft's features and the features its flows start or end at: deriving every
	// feature (bands are buffers) would keep the browser busy for seconds.
	const wanted = new Set(missing.map((f) => f.id));
	for (const f of missing) {
		const gp = f.properties.geometry_provenance;
		if (gp.method !== 'great-circle') continue;
		for (const anchor of [gp.from, gp.to])
			if (anchor.kind === 'feature-centroid') wanted.add(anchor.feature);
	}
	try {
		const done = new Map(
			deriveFeatures(
				typed.filter((f) => wanted.has(f.id)),
				basemap
			).map((f) => [f.id, f])
		);
		return features.map((f, i) => (typed[i]!.geometry ? f : (done.get(typed[i]!.id) ?? f)));
	} catch {
		// A recipe the basemap cannot fulfil: the validator names the feature without geometry.
		return features;
	}
}

export function previewDraft(
	dataset: Dataset,
	draft: Draft,
	basemap: Basemap | null = null
): DraftPreviewResult {
	const base = baseFilesOf(dataset);
	const applied = applyDraft(base, draft);
	const files = { ...base, ...applied.files };
	const read = <T>(name: string, key: string) =>
		(JSON.parse(files[name]!) as Record<string, T[]>)[key]!;
	const result = parseDataset({
		documents: read('documents.json', 'documents'),
		claimants: read('claimants.json', 'claimants'),
		claims: read('claims.json', 'claims'),
		features: derived(read('features.geojson', 'features'), basemap),
		briefings: dataset.briefings
	});
	if (!result.ok) {
		return {
			ok: false,
			problems: result.issues.filter((i) => i.severity === 'error').map((i) => i.message)
		};
	}
	const featureIds = draft.claims.flatMap((c) =>
		c.where === 'existing'
			? [c.existingFeature]
			: NEW_FEATURE_MODES.includes(c.where)
				? [c.feature.id.trim()]
				: []
	);
	return {
		ok: true,
		preview: {
			dataset: result.dataset,
			featureIds: [...new Set(featureIds)],
			claimIds: draft.claims.map((c) => c.id.trim()),
			placelessClaims: draft.claims.filter(
				(c) => c.where !== 'existing' && !NEW_FEATURE_MODES.includes(c.where)
			).length,
			documentId: draft.document.id.trim()
		}
	};
}
