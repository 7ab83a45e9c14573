/**
 * The deployment dataset as an overlay: its legend entries (one per category, drawn by the
 * category's kind) and its features, labels and filters for the current UI state. Pure functions
 * of the data, theme and UI state; `composeOverlays` makes the layers, `sync.ts` applies them.
 */
import type {
	ExpressionSpecification,
	FilterSpecification
} from '@maplibre/maplibre-gl-style-spec';
import type { Feature, FeatureCollection, Point } from 'geojson';
import type { CategoryId } from '../data/vocabulary.ts';
import type { OverlayEntry, OverlaySpec } from './kinds/registry.ts';
import type { DeploymentData, LabelProps } from './map-data.ts';
import { composeOverlays, overlaySources, type Overlay } from './overlays.ts';
import { CATEGORY_ORDER, CATEGORY_SYMBOLS } from './symbology.ts';
import type { Theme } from './theme.ts';

export { interactiveLayerIds, type Overlay } from './overlays.ts';

/** The deployment overlay's id: its sources and layers are named after it. */
export const DEPLOYMENT_OVERLAY = 'deployments';
export const DEPLOYMENT_SOURCE = overlaySources(DEPLOYMENT_OVERLAY).features;
export const OUTLINE_SOURCE = overlaySources(DEPLOYMENT_OVERLAY).outlines;
export const LABEL_SOURCE = overlaySources(DEPLOYMENT_OVERLAY).labels;
/** Every deployment layer id starts with this. */
export const LAYER_PREFIX = `${DEPLOYMENT_OVERLAY}:`;

export interface OverlayUi {
	/** Categories whose layers are shown. */
	visible: ReadonlySet<CategoryId>;
	/** Extra filter (time, claimant, confidence) applied to every deployment layer. */
	filter?: FilterSpecification | null;
	/**
	 * Opacity factor per feature (1 normal, lower to fade possibly-present or stale features).
	 * An expression over feature properties; defaults to 1.
	 */
	fade?: ExpressionSpecification | number;
	/** The map's global state `filter` and `fade` read (the day; see `mapGlobalState`). */
	state?: Readonly<Record<string, unknown>>;
	/**
	 * Feature ids the time and evidence filters let through (the JS twin of `filter`), for the
	 * labels of coincident features, which are joined into one block here. All, when absent.
	 */
	shownIds?: readonly string[];
	/** The selected feature, outlined by the zone layers. */
	selectedId?: string | null;
}

/** The legend entries of the deployment categories, in draw order. */
export function deploymentEntries(theme: Theme): OverlayEntry[] {
	return CATEGORY_ORDER.map((category) => categoryEntry(category, theme));
}

export function categoryEntry(category: CategoryId, theme: Theme): OverlayEntry {
	const symbol = CATEGORY_SYMBOLS[category];
	return {
		key: category,
		kind: symbol.kind,
		name: symbol.short,
		colour: theme.overlay.categories[category],
		hatch: symbol.hatch,
		dash: symbol.dash
	};
}

type Labels = FeatureCollection<Point, LabelProps>;
const groupedCache = new WeakMap<Labels, { key: string; labels: Labels }>();

/**
 * The labels with each group of coincident labels (the Kursk zones) replaced by one block that
 * lists every visible, shown member with its figure, one line each, in draw order; a group with
 * one member left keeps that member's own label. The same object comes back while the shown
 * members stay the same, so the label source is only sent again when a block changes.
 */
export function groupedLabels(
	labels: Labels,
	visible: ReadonlySet<string>,
	shownIds?: readonly string[]
): Labels {
	const shown = shownIds ? new Set(shownIds) : null;
	const isShown = (f: Feature<Point, LabelProps>) =>
		visible.has(f.properties.category) && (!shown || shown.has(f.properties.id));
	const members = labels.features.filter((f) => f.properties.group && isShown(f));
	const key = members.map((f) => f.properties.id).join(',');
	const cached = groupedCache.get(labels);
	if (cached?.key === key) return cached.labels;

	const groups = new Map<string, Array<Feature<Point, LabelProps>>>();
	for (const f of members) {
		const g = f.properties.group!;
		groups.set(g, [...(groups.get(g) ?? []), f]);
	}
	const features: Array<Feature<Point, LabelProps>> = [];
	for (const f of labels.features) {
		const group = f.properties.group;
		if (!group) {
			features.push(f);
			continue;
		}
		const inGroup = groups.get(group);
		if (!inGroup || inGroup[0] !== f) continue;
		if (inGroup.length === 1) {
			// Alone now: an ordinary label, filtered like any other.
			features.push({ ...f, properties: { ...f.properties, group: null } });
			continue;
		}
		const ordered = [...inGroup].sort(
			(a, b) =>
				CATEGORY_ORDER.indexOf(a.properties.category) -
				CATEGORY_ORDER.indexOf(b.properties.category)
		);
		const block = ordered.map((m) => m.properties.full.split('\n').join(': ')).join('\n');
		features.push({
			...f,
			id: `group:${group}`,
			properties: { ...f.properties, id: `group:${group}`, short: block, full: block }
		});
	}
	const result: Labels = { type: 'FeatureCollection', features };
	groupedCache.set(labels, { key, labels: result });
	return result;
}

/** The deployment dataset as one overlay for the current UI state. */
export function deploymentOverlay(data: DeploymentData, theme: Theme, ui: OverlayUi): OverlaySpec {
	return {
		id: DEPLOYMENT_OVERLAY,
		features: data.features,
		outlines: data.outlines,
		labels: groupedLabels(data.labels, ui.visible, ui.shownIds),
		entries: deploymentEntries(theme),
		visible: ui.visible,
		filter: ui.filter,
		fade: ui.fade,
		...(ui.state ? { state: ui.state } : {}),
		selected: ui.selectedId ?? null
	};
}

/** The draft overlay's id, and the prefix of its feature ids (a draft may redraw a feature). */
export const DRAFT_OVERLAY = 'draft';
export const DRAFT_PREFIX = `${DRAFT_OVERLAY}:`;

/**
 * An analyst's unsaved draft as its own overlay: the features the draft adds or adds claims to,
 * built from the dataset with the draft applied (so figures, dates and filters are as they will
 * be), ids prefixed so a click tells a draft from the saved feature, labels marked "Draft".
 */
export function draftOverlay(
	data: DeploymentData,
	featureIds: readonly string[],
	theme: Theme,
	ui: OverlayUi
): OverlaySpec {
	const ids = new Set(featureIds);
	const mark = <F extends { id?: string | number; properties: { id: string } }>(f: F): F => ({
		...f,
		id: `${DRAFT_PREFIX}${f.properties.id}`,
		properties: { ...f.properties, id: `${DRAFT_PREFIX}${f.properties.id}` }
	});
	const pick = <F extends { properties: { id: string } }>(fs: F[]) =>
		fs.filter((f) => ids.has(f.properties.id));
	return {
		id: DRAFT_OVERLAY,
		features: { type: 'FeatureCollection', features: pick(data.features.features).map(mark) },
		outlines: { type: 'FeatureCollection', features: pick(data.outlines.features).map(mark) },
		labels: {
			type: 'FeatureCollection',
			features: pick(data.labels.features).map((f) => {
				const m = mark(f);
				// Never grouped with saved labels: the draft's block must read as a draft.
				return {
					...m,
					properties: {
						...m.properties,
						short: `Draft: ${m.properties.short}`,
						full: `Draft: ${m.properties.full}`,
						group: null
					}
				};
			})
		},
		entries: deploymentEntries(theme),
		visible: ui.visible,
		filter: ui.filter,
		fade: ui.fade,
		...(ui.state ? { state: ui.state } : {})
	};
}

/** The map overlay for the deployment dataset, with any further overlays (a draft) on top. */
export function buildOverlay(
	data: DeploymentData,
	theme: Theme,
	ui: OverlayUi,
	more: readonly OverlaySpec[] = []
): Overlay {
	return composeOverlays([deploymentOverlay(data, theme, ui), ...more], theme);
}
