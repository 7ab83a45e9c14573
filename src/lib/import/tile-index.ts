/**
 * Every imported layer's features as vector tiles, kept in the imported-tiles worker
 * (tiles.worker.ts) so the page's main thread never holds or copies them. Each layer is parsed
 * once from its stored Blob into a geojson-vt index (MapLibre's own tiler); a tile is the layers'
 * tiles of that z/x/y joined into one vector-tile layer, encoded as protobuf. The file's own
 * properties stay here, off the tiles: a tile feature carries only `id` and `category`, and the
 * panel and the feature list ask for the rest by id.
 *
 * Below the deepest zoom, a tile's dense points are thinned per layer (thinPoints): points that
 * would be drawn on the same screen pixel are drawn once, the kept point carrying how many it
 * stands for (`count`), so the map looks the same but the GPU draws far fewer circles.
 */
import { GeoJSONVT, type GeoJSONVTFeature, type GeoJSONVTTile } from '@maplibre/geojson-vt';
import { fromGeojsonVt } from '@maplibre/vt-pbf';
import type { Feature, Geometry } from 'geojson';
import { geometryBounds } from '../map/bounds.ts';

/** Name of the one layer inside every tile (the map's `source-layer`). */
export const TILE_LAYER = 'features';

/** Deepest zoom the tiles are cut for; the map overzooms beyond it (its own limit is lower). */
export const TILE_MAX_ZOOM = 12;

const EXTENT = 4096;

/**
 * Side of the thinning grid's cell, in tile units. A tile is drawn 512 px wide at its own zoom and
 * up to twice that until the next zoom's tiles take over, so 8 units (1/512 of the tile) is 1 px
 * at the tile's zoom and 1–2 px on screen. The smallest imported dot (map/kinds/imported.ts) is
 * drawn at zoom 4 and out: radius 2.5 px plus a 0.75 px ring, 3.25 px in all, and 4.5 + 1.5 px
 * from zoom 8. A dropped point's centre is at most a cell's diagonal (1.4–2.8 px) from the centre
 * of the dot kept for it, so it always lies inside that dot: the cell is well under the radius and
 * no mark moves by more than a pixel or two, while a blanket of overlapping dots loses the ones
 * drawn beneath its neighbours.
 */
export const THIN_CELL = 8;

/**
 * A layer's tile is thinned only when it holds more single points than this: a few hundred dots
 * cost the GPU little, and then every dot stays its own feature.
 */
export const THIN_ABOVE = 256;

const TILE_OPTIONS = {
	maxZoom: TILE_MAX_ZOOM,
	// Tiles down to zoom 4 are cut when a layer is added; deeper ones on first request.
	indexMaxZoom: 4,
	// In tile units (1/4096 of a tile): about half a pixel of a 512 px tile, so shapes keep their
	// look at every zoom while a zoomed-out tile drops the detail no one could see.
	tolerance: 3,
	// A selected dot is 6.5 px with a 3 px ring: 128 units is 16 px of a 512 px tile, so a dot
	// near a tile's edge is never cut in half.
	buffer: 128,
	extent: EXTENT
};

/** Where a feature is, for "zoom to it": its bounds [west, south, east, north] in degrees. */
export interface FeaturePlace {
	bbox: [number, number, number, number];
	/** Whether it is a single point (the map zooms closer to a point than to a shape). */
	point: boolean;
	/**
	 * For a point: how many other points of its layer are at exactly the same coordinates (the
	 * map draws them as one dot at every zoom). 0 for a shape.
	 */
	sharing: number;
}

/** One feature of the list in a layer's legend entry. */
export interface ListedFeature {
	id: string;
	name: string;
}

/** A page of a layer's feature list. */
export interface FeaturePage {
	items: ListedFeature[];
	/** Features matching the filter. */
	matched: number;
	/** Features in the layer. */
	total: number;
}

interface IndexedLayer {
	index: GeoJSONVT;
	/** Per feature number (the `n` of its id `<layer>:<n>`): the file's properties as JSON text. */
	props: string[];
	names: string[];
	/** Lower-cased names, for the list's filter. */
	search: string[];
	/** Per feature number: west, south, east, north (NaN when it has no coordinates). */
	boxes: Float64Array;
	/** Per feature number: 1 when it is a single point. */
	points: Uint8Array;
	/** Points per exact position ("lon,lat"), counted when first asked for. */
	spots?: Map<string, number>;
}

const spotKey = (lon: number, lat: number) => `${lon},${lat}`;

/** How many of a layer's points are at each exact position. */
function countSpots(layer: IndexedLayer): Map<string, number> {
	const spots = new Map<string, number>();
	for (let n = 0; n < layer.points.length; n++) {
		if (layer.points[n] !== 1) continue;
		const key = spotKey(layer.boxes[n * 4]!, layer.boxes[n * 4 + 1]!);
		spots.set(key, (spots.get(key) ?? 0) + 1);
	}
	return spots;
}

/** A feature's name for the list: its `name`, `title` or `label` property, else "Feature 12". */
export function featureName(props: string, n: number): string {
	try {
		const parsed: unknown = JSON.parse(props);
		if (parsed && typeof parsed === 'object') {
			for (const [key, value] of Object.entries(parsed)) {
				if (!/^(name|title|label)$/i.test(key)) continue;
				const text = typeof value === 'string' ? value.trim() : '';
				if (text) return text.slice(0, 200);
			}
		}
	} catch {
		// Properties are written by the import as JSON; anything else gets the numbered name.
	}
	return `Feature ${n + 1}`;
}

function featureNumber(layerId: string, id: unknown): number {
	const text = typeof id === 'string' ? id : '';
	const n = Number(text.slice(layerId.length + 1));
	return text.startsWith(`${layerId}:`) && Number.isInteger(n) && n >= 0 ? n : -1;
}

/**
 * Builds one layer's index from the features an import produced (ParsedLayer.features: the inside
 * of a `features` array). Throws with a readable message when the text is not that.
 */
function indexLayer(layerId: string, featuresText: string): IndexedLayer {
	const features = JSON.parse(`[${featuresText}]`) as Array<
		Feature<Geometry, Record<string, unknown>>
	>;
	const props: string[] = [];
	const names: string[] = [];
	const search: string[] = [];
	const boxes = new Float64Array(features.length * 4).fill(NaN);
	const points = new Uint8Array(features.length);
	for (const feature of features) {
		const n = featureNumber(layerId, feature.properties?.['id']);
		if (n < 0) throw new Error(`a feature of layer ${layerId} has no id of that layer`);
		const own = String(feature.properties['props'] ?? '{}');
		props[n] = own;
		names[n] = featureName(own, n);
		search[n] = names[n]!.toLowerCase();
		if (n < features.length) {
			const b = geometryBounds(feature.geometry);
			if (b) boxes.set([b[0][0], b[0][1], b[1][0], b[1][1]], n * 4);
			points[n] = feature.geometry?.type === 'Point' ? 1 : 0;
		}
		feature.properties = { id: feature.properties['id'], category: layerId };
	}
	const index = new GeoJSONVT({ type: 'FeatureCollection', features }, TILE_OPTIONS);
	return { index, props, names, search, boxes, points };
}

/**
 * One layer's features of one tile, its dense points thinned: when the tile holds more than
 * THIN_ABOVE points (single points and the points of multi-points), only the first single point
 * (in file order) of each THIN_CELL square is kept, at its own position, with `count` saying how
 * many single points of the square it stands for (when more than one); a multi-point keeps the
 * first of its own points in each square (it is one feature wherever it is clicked, so nothing
 * is hidden). Lines and polygons pass unchanged (geojson-vt simplifies shapes already). The grid
 * is the same in every tile of a zoom (4096 and the 128-unit buffer are multiples of the cell),
 * so a point drawn in two tiles' buffers is kept or dropped in both.
 */
export function thinPoints(features: readonly GeoJSONVTFeature[]): GeoJSONVTFeature[] {
	let points = 0;
	for (const f of features) if (f.type === 1) points += f.geometry.length;
	if (points <= THIN_ABOVE) return [...features];
	const kept: GeoJSONVTFeature[] = [];
	/** Per kept feature: how many points it stands for (0 for shapes). */
	const counts: number[] = [];
	/** Cell key → index in `kept`. */
	const cells = new Map<number, number>();
	// Cells from -64 to 959 on each axis cover the tile and its buffer with room to spare.
	const key = (x: number, y: number) =>
		(Math.floor(x / THIN_CELL) + 64) * 1024 + Math.floor(y / THIN_CELL) + 64;
	for (const f of features) {
		if (f.type === 1 && f.geometry.length > 1) {
			const own = new Set<number>();
			const geometry = f.geometry.filter(([x, y]) => {
				const cell = key(x!, y!);
				if (own.has(cell)) return false;
				own.add(cell);
				return true;
			});
			kept.push(geometry.length < f.geometry.length ? ({ ...f, geometry } as GeoJSONVTFeature) : f);
			counts.push(0);
			continue;
		}
		if (f.type !== 1) {
			kept.push(f);
			counts.push(0);
			continue;
		}
		const [x, y] = f.geometry[0]!;
		const cell = key(x, y);
		const at = cells.get(cell);
		if (at === undefined) {
			cells.set(cell, kept.length);
			kept.push(f);
			counts.push(1);
		} else {
			counts[at]! += 1;
		}
	}
	return kept.map((f, i) =>
		counts[i]! > 1 ? ({ ...f, tags: { ...f.tags, count: counts[i] } } as GeoJSONVTFeature) : f
	);
}

export class ImportedTileIndex {
	#layers = new Map<string, IndexedLayer>();
	/** Draw order: earlier layers beneath later ones, as in the legend. */
	#order: string[] = [];

	/** Adds or replaces a layer. */
	set(layerId: string, featuresText: string): void {
		this.#layers.set(layerId, indexLayer(layerId, featuresText));
		if (!this.#order.includes(layerId)) this.#order.push(layerId);
	}

	remove(layerId: string): void {
		this.#layers.delete(layerId);
		this.#order = this.#order.filter((id) => id !== layerId);
	}

	/** The legend's order of the layers (unknown ids are ignored). */
	setOrder(layerIds: readonly string[]): void {
		const known = layerIds.filter((id) => this.#layers.has(id));
		this.#order = [...known, ...this.#order.filter((id) => !known.includes(id))];
	}

	has(layerId: string): boolean {
		return this.#layers.has(layerId);
	}

	/**
	 * Tile z/x/y of every layer as one protobuf vector tile; null when no layer reaches it. Each
	 * layer's dense points are thinned on their own (layers have their own colours), except at
	 * TILE_MAX_ZOOM, where every point is drawn.
	 */
	tile(z: number, x: number, y: number): Uint8Array | null {
		const features: GeoJSONVTFeature[] = [];
		let first: GeoJSONVTTile | null = null;
		for (const id of this.#order) {
			const tile = this.#layers.get(id)?.index.getTile(z, x, y);
			if (!tile || tile.features.length === 0) continue;
			first ??= tile;
			const own = z < TILE_MAX_ZOOM ? thinPoints(tile.features) : tile.features;
			for (const f of own) features.push(f);
		}
		if (!first) return null;
		const joined = { ...first, features } as GeoJSONVTTile;
		return fromGeojsonVt({ [TILE_LAYER]: joined }, { version: 2, extent: EXTENT });
	}

	/** The file's own properties of feature `<layer>:<n>` as JSON text, or null if unknown. */
	props(featureId: string): string | null {
		const layerId = featureId.slice(0, featureId.indexOf(':'));
		const layer = this.#layers.get(layerId);
		const n = featureNumber(layerId, featureId);
		return (layer && n >= 0 && layer.props[n]) || null;
	}

	/** Where feature `<layer>:<n>` is, or null if unknown or without coordinates. */
	place(featureId: string): FeaturePlace | null {
		const layerId = featureId.slice(0, featureId.indexOf(':'));
		const layer = this.#layers.get(layerId);
		const n = featureNumber(layerId, featureId);
		if (!layer || n < 0 || n * 4 >= layer.boxes.length) return null;
		const [w, s, e, north] = layer.boxes.subarray(n * 4, n * 4 + 4);
		if (!Number.isFinite(w) || !Number.isFinite(north)) return null;
		const point = layer.points[n] === 1;
		let sharing = 0;
		if (point) {
			layer.spots ??= countSpots(layer);
			sharing = (layer.spots.get(spotKey(w!, s!)) ?? 1) - 1;
		}
		return { bbox: [w!, s!, e!, north!], point, sharing };
	}

	/**
	 * A page of one layer's features in file order: those whose name contains `query` (any case),
	 * from `offset`, at most `limit`.
	 */
	list(layerId: string, query: string, offset: number, limit: number): FeaturePage {
		const layer = this.#layers.get(layerId);
		if (!layer) return { items: [], matched: 0, total: 0 };
		const needle = query.trim().toLowerCase();
		const items: ListedFeature[] = [];
		let matched = 0;
		layer.search.forEach((name, n) => {
			if (needle && !name.includes(needle)) return;
			if (matched >= offset && items.length < limit) {
				items.push({ id: `${layerId}:${n}`, name: layer.names[n]! });
			}
			matched += 1;
		});
		return { items, matched, total: layer.names.length };
	}
}
