/**
 * What a layer kind is: the contract every module in this folder implements, and the shape of the
 * overlays they draw. See registry.ts for how to use them.
 */
import type {
	ExpressionSpecification,
	FilterSpecification,
	LayerSpecification
} from '@maplibre/maplibre-gl-style-spec';
import type { FeatureCollection, Geometry, MultiLineString, Point } from 'geojson';
import type { HatchStyle } from '../symbology.ts';
import type { Theme } from '../theme.ts';

/** Metadata key marking a layer a click or hover can hit (its features open a panel). */
export const CLICKABLE = 'atlas:clickable';

/** One entry of an overlay's legend: a set of features drawn alike. */
export interface OverlayEntry {
	/** The value of the features' `category` property that selects them. */
	key: string;
	/** The registry kind that draws them. */
	kind: string;
	/** Display name (legend, labels at low zoom). */
	name: string;
	colour: string;
	/** Zones: stripe direction and spacing. */
	hatch?: HatchStyle;
	/** Flows: dash pattern, in line widths. */
	dash?: number[];
}

/**
 * An overlay: one set of features drawn on the map and in exported figures. The deployment
 * dataset is one; an analyst's unsaved drafts or an imported file are others, built the same way.
 */
export interface OverlaySpec {
	/** Unique among the overlays: it names the overlay's sources, layers, images and state. */
	id: string;
	/**
	 * The features. Each has a unique `id` and a `category` naming one of `entries`; kinds read
	 * other properties where present (zone: `confidence`, `location_precision`; point: `status`;
	 * all: feature-state `selected`/`hover`) and fall back to a plain look without them.
	 */
	features: FeatureCollection<Geometry, object> | FeaturesUrl | TiledFeatures;
	/** Zone outlines as lines; defaults to the features themselves (polygon outlines). */
	outlines?: FeatureCollection<MultiLineString, object>;
	/** Label points (properties `short`, `full`, optional `kind`); no labels without it. */
	labels?: FeatureCollection<Point, object>;
	/** Legend entries in draw order (earlier entries are drawn beneath later ones). */
	entries: readonly OverlayEntry[];
	/** Keys of the entries shown. */
	visible: ReadonlySet<string>;
	/** Extra filter applied to every layer of the overlay (time, claimant, confidence). */
	filter?: FilterSpecification | null;
	/** Opacity factor per feature (1 normal, lower to fade); an expression or a number. */
	fade?: ExpressionSpecification | number;
	/** Values of the map's global state that `filter` and `fade` read (`["global-state", name]`). */
	state?: Readonly<Record<string, unknown>>;
	/** Whether clicks and hovers hit its features. Default true. */
	clickable?: boolean;
	/** The selected feature's id, for kinds that outline the selection with layers of their own. */
	selected?: string | null;
}

/**
 * The address of a FeatureCollection instead of the collection itself: MapLibre's worker fetches
 * and parses it, so large data (an imported file) never passes through the page's main thread.
 */
export type FeaturesUrl = string;

/**
 * Features the map reads as vector tiles, for data too large to hand over whole: MapLibre asks for
 * the tiles it draws from `tiles` (address templates, a custom protocol's included). Each tile
 * holds the features in its layer `sourceLayer`, with the `id` and `category` properties above.
 */
export interface TiledFeatures {
	tiles: string[];
	sourceLayer: string;
	/** Deepest zoom the tiles are cut for; the map overzooms beyond it. */
	maxzoom: number;
}

/** What a kind's layer builder gets: the overlay, its entries of this kind, and the theme. */
export interface KindInput {
	overlay: OverlaySpec;
	entries: readonly OverlayEntry[];
	theme: Theme;
	/** Source ids of the overlay. */
	sources: { features: string; outlines: string };
	/** `filter` for this kind's layers: the overlay's visible entries of this kind and its filter. */
	filter: FilterSpecification;
	/** `filter` narrowed to the selected feature (matches nothing without a selection). */
	selectedFilter: FilterSpecification;
	/** The overlay's fade multiplied into an opacity. */
	faded: (opacity: number) => ExpressionSpecification | number;
	/** `match` over the features' `category`, from each entry to a value. */
	byEntry: <T>(value: (entry: OverlayEntry) => T, fallback: T) => ExpressionSpecification | T;
	/**
	 * Image id for an entry key and a variant (either may be an expression over the feature),
	 * resolved by this kind's `image` when MapLibre first needs it.
	 */
	imageId: (
		key: string | ExpressionSpecification,
		variant: string | ExpressionSpecification
	) => string | ExpressionSpecification;
}

export interface DrawnImage {
	width: number;
	height: number;
	data: Uint8ClampedArray;
	pixelRatio: number;
}

/** A small SVG element tree: how a kind describes its legend swatch (22 x 22 view box). */
export interface SvgNode {
	tag: 'rect' | 'line' | 'path' | 'circle' | 'pattern' | 'defs' | 'g';
	attrs: Record<string, string | number | undefined>;
	children?: SvgNode[];
}

export interface SwatchOptions {
	/** Zones: hatch weight by confidence tier. */
	confidence?: 'high' | 'medium' | 'low';
	/** Zones: outline dash in line widths (precision cues). */
	dash?: number[];
	/** Points: filled (confirmed) or hollow. */
	filled?: boolean;
	/** Unique prefix for ids inside the SVG (pattern ids). */
	uid: string;
}

export type Rect = { x: number; y: number; width: number; height: number };

export interface LayerKind {
	/**
	 * The kind's layers for one overlay, in draw order. Layers a click can hit carry
	 * `metadata[CLICKABLE] = true`; layers that must win label collisions set ABOVE_LABELS.
	 * Ids need only be unique within the kind: the composer prefixes them with the overlay.
	 */
	layers(input: KindInput): LayerSpecification[];
	/** Draws an image the kind's layers name through `imageId` (variant as given there). */
	image?(entry: OverlayEntry, variant: string, theme: Theme, ratio: number): DrawnImage | null;
	/** The legend swatch as SVG nodes in a 22 x 22 view box. */
	swatch(entry: OverlayEntry, theme: Theme, options: SwatchOptions): SvgNode[];
	/** The legend symbol of an exported figure, in `rect` (device px); `scale` px per CSS px. */
	drawSymbol(
		ctx: CanvasRenderingContext2D,
		entry: OverlayEntry,
		rect: Rect,
		theme: Theme,
		scale: number
	): void;
}
