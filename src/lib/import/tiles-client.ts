/**
 * The page's side of the imported-tiles worker (tiles.worker.ts): one worker for the page, made
 * when first needed, and the `atlas-imported://z/x/y` protocol through which MapLibre asks it for
 * tiles. The protocol is registered with MapLibre globally, so the off-screen maps of exported
 * figures draw imported layers too.
 */
import type { FeaturePage } from './tile-index.ts';
import type { TilesReply, TilesRequest } from './tiles-protocol.ts';

export const TILE_PROTOCOL = 'atlas-imported';

type Body = TilesRequest extends infer R ? (R extends TilesRequest ? Omit<R, 'id'> : never) : never;

interface Waiting {
	resolve: (value: unknown) => void;
	reject: (err: Error) => void;
}

export class TilesClient {
	#worker: Worker;
	#next = 1;
	#waiting = new Map<number, Waiting>();

	constructor() {
		this.#worker = new Worker(new URL('./tiles.worker.ts', import.meta.url), { type: 'module' });
		this.#worker.onmessage = (event: MessageEvent<TilesReply>) => {
			const reply = event.data;
			const waiting = this.#waiting.get(reply.id);
			this.#waiting.delete(reply.id);
			if ('error' in reply) waiting?.reject(new Error(reply.error));
			else waiting?.resolve(reply.result);
		};
		this.#worker.onerror = (event) => {
			event.preventDefault();
			const err = new Error(event.message || 'the imported-layers worker failed');
			for (const waiting of this.#waiting.values()) waiting.reject(err);
			this.#waiting.clear();
		};
	}

	#call(body: Body): Promise<unknown> {
		const id = this.#next++;
		return new Promise((resolve, reject) => {
			this.#waiting.set(id, { resolve, reject });
			this.#worker.postMessage({ ...body, id });
		});
	}

	/** Adds or replaces a layer from its features Blob (cheap to post: the worker reads it). */
	async set(layerId: string, features: Blob): Promise<void> {
		await this.#call({ type: 'set', layerId, features });
	}

	async remove(layerId: string): Promise<void> {
		await this.#call({ type: 'remove', layerId });
	}

	async order(layerIds: string[]): Promise<void> {
		await this.#call({ type: 'order', layerIds });
	}

	/** Tile z/x/y as protobuf bytes (empty where no imported feature reaches). */
	tile(z: number, x: number, y: number): Promise<ArrayBuffer> {
		return this.#call({ type: 'tile', z, x, y }) as Promise<ArrayBuffer>;
	}

	/** The file's own properties of an imported feature (JSON text), or null if unknown. */
	props(featureId: string): Promise<string | null> {
		return this.#call({ type: 'props', featureId }) as Promise<string | null>;
	}

	list(layerId: string, query: string, offset: number, limit: number): Promise<FeaturePage> {
		return this.#call({ type: 'list', layerId, query, offset, limit }) as Promise<FeaturePage>;
	}
}

let shared: TilesClient | null = null;

/** The page's one imported-tiles worker. */
export function importedTiles(): TilesClient {
	shared ??= new TilesClient();
	return shared;
}

const TILE_ADDRESS = new RegExp(`^${TILE_PROTOCOL}://(\\d+)/(\\d+)/(\\d+)(?:\\?|$)`);

/** z, x and y of an `atlas-imported://z/x/y?v=n` address, or null. */
export function parseTileAddress(url: string): [number, number, number] | null {
	const m = TILE_ADDRESS.exec(url);
	return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : null;
}

/** The tile address template of one state (`generation`) of the imported layers. */
export function tileTemplate(generation: number): string {
	return `${TILE_PROTOCOL}://{z}/{x}/{y}?v=${generation}`;
}

let registered: Promise<void> | null = null;

/** Teaches MapLibre (every map of the page) the imported-tiles protocol; once per page. */
export function registerTileProtocol(): Promise<void> {
	registered ??= import('../map/maplibre.client.ts').then(({ maplibre }) => {
		maplibre.addProtocol(TILE_PROTOCOL, async (request) => {
			const at = parseTileAddress(request.url);
			if (!at) throw new Error(`Not an imported tile: ${request.url}`);
			return { data: await importedTiles().tile(...at) };
		});
	});
	return registered;
}
