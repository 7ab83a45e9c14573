/**
 * Every imported layer's features as vector tiles, kept in the imported-tiles worker
 * (tiles.worker.ts) so the page's main thread never holds or copies them. Each layer is parsed
 * once from its stored Blob into a geojson-vt index (MapLibre's own tiler); a tile is the layers'
 * tiles of that z/x/y joined into one vector-tile layer, encoded as protobuf. The file's own
 * properties stay here, off the tiles: a tile feature carries only `id` and `category`, and the
 * panel and the feature list ask for the rest by id.
 */
import { GeoJSONVT, type GeoJSONVTFeature, type GeoJSONVTTile } from '@maplibre/geojson-vt';
import { fromGeojsonVt } from '@maplibre/vt-pbf';
import type { Feature, Geometry } from 'geojson';

/** Name of the one layer inside every tile (the map's `source-layer`). */
export const TILE_LAYER = 'features';

/** Deepest zoom the tiles are cut for; the map overzooms beyond it (its own limit is lower). */
export const TILE_MAX_ZOOM = 12;

const EXTENT = 4096;

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
	for (const feature of features) {
		const n = featureNumber(layerId, feature.properties?.['id']);
		if (n < 0) throw new Error(`a feature of layer ${layerId} has no id of that layer`);
		const own = String(feature.properties['props'] ?? '{}');
		props[n] = own;
		names[n] = featureName(own, n);
		search[n] = names[n]!.toLowerCase();
		feature.properties = { id: feature.properties['id'], category: layerId };
	}
	const index = new GeoJSONVT({ type: 'FeatureCollection', features }, TILE_OPTIONS);
	return { index, props, names, search };
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

	/** Tile z/x/y of every layer as one protobuf vector tile; null when no layer reaches it. */
	tile(z: number, x: number, y: number): Uint8Array | null {
		const features: GeoJSONVTFeature[] = [];
		let first: GeoJSONVTTile | null = null;
		for (const id of this.#order) {
			const tile = this.#layers.get(id)?.index.getTile(z, x, y);
			if (!tile || tile.features.length === 0) continue;
			first ??= tile;
			for (const f of tile.features) features.push(f);
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
