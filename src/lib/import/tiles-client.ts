/**
 * The page's side of the imported-tiles worker (tiles.worker.ts): one worker for the page, made
 * when first needed and made again if it dies (given back every layer it held), and the
 * `atlas-imported://z/x/y` protocol through which MapLibre asks it for
 * tiles. The protocol is registered with MapLibre globally, so the off-screen maps of exported
 * figures draw imported layers too.
 */
import type { FeaturePage, FeaturePlace } from './tile-index.ts';
import type { TilesReply, TilesRequest } from './tiles-protocol.ts';

export const TILE_PROTOCOL = 'atlas-imported';

type Body = TilesRequest extends infer R ? (R extends TilesRequest ? Omit<R, 'id'> : never) : never;

interface Waiting {
	resolve: (value: unknown) => void;
	reject: (err: Error) => void;
}

/** A request that failed because the worker died under it (not because the worker refused it). */
export class WorkerDied extends Error {}

/** What a restarted worker could not take back: layer id → the reason, in words. */
export type LostLayers = Map<string, string>;

/**
 * How many times the worker is started again after dying. A file that kills the worker each time
 * it is read would otherwise restart it for ever; after this the requests fail at once and the
 * page asks for a reload.
 */
export const MAX_RESTARTS = 3;

export interface TilesClientOptions {
	/** Makes the worker (a fake one in tests). */
	makeWorker?: () => Worker;
	/**
	 * Called when a fresh worker has taken back every layer the dead one held (those it could not
	 * are in `lost`), so the map can fetch its tiles again.
	 */
	onrestart?: (lost: LostLayers) => void;
}

const realWorker = () =>
	new Worker(new URL('./tiles.worker.ts', import.meta.url), { type: 'module' });

export class TilesClient {
	/** Null before the first request and after the worker died: the next request starts one. */
	#worker: Worker | null = null;
	#makeWorker: () => Worker;
	#next = 1;
	#waiting = new Map<number, Waiting>();
	/** The layers the worker holds (as last added), to hand a fresh worker if this one dies. */
	#layers = new Map<string, Blob>();
	/** The legend order last given. */
	#order: string[] = [];
	#started = 0;
	onrestart: ((lost: LostLayers) => void) | undefined;

	constructor(options: TilesClientOptions = {}) {
		this.#makeWorker = options.makeWorker ?? realWorker;
		this.onrestart = options.onrestart;
	}

	/** The live worker; a fresh one (given back every layer) if there is none. */
	#live(): Worker {
		if (this.#worker) return this.#worker;
		if (this.#started > MAX_RESTARTS) {
			throw new WorkerDied('the imported layers’ worker kept failing; reload the page');
		}
		const worker = this.#makeWorker();
		this.#started += 1;
		this.#worker = worker;
		worker.onmessage = (event: MessageEvent<TilesReply>) => {
			const reply = event.data;
			const waiting = this.#waiting.get(reply.id);
			this.#waiting.delete(reply.id);
			if ('error' in reply) waiting?.reject(new Error(reply.error));
			else waiting?.resolve(reply.result);
		};
		worker.onerror = (event) => {
			event.preventDefault();
			// An error that escaped the worker's own handling: it may hold half a layer or none,
			// so it is not asked anything again. Every pending request fails (MapLibre then draws
			// nothing for that tile rather than waiting for ever); the next request starts afresh.
			worker.terminate();
			if (this.#worker === worker) this.#worker = null;
			const err = new WorkerDied(event.message || 'the imported layers’ worker failed');
			const waiting = [...this.#waiting.values()];
			this.#waiting.clear();
			for (const w of waiting) w.reject(err);
		};
		if (this.#started > 1) this.#restore();
		return worker;
	}

	/**
	 * Hands a fresh worker every layer the dead one held, in the legend order. The worker answers
	 * in order, so the request that started it waits for them.
	 */
	#restore(): void {
		const layers = [...this.#layers];
		const adding = layers.map(([layerId, features]) =>
			this.#call({ type: 'set', layerId, features })
		);
		const ordering =
			this.#order.length > 0 ? this.#call({ type: 'order', layerIds: this.#order }) : null;
		void Promise.allSettled([...adding, ...(ordering ? [ordering] : [])]).then((results) => {
			const lost: LostLayers = new Map();
			layers.forEach(([layerId, features], i) => {
				const result = results[i]!;
				if (result.status === 'fulfilled') return;
				const err = result.reason as Error;
				lost.set(layerId, err.message);
				// Refused (not a worker that died again): it would be refused next time too.
				if (!(err instanceof WorkerDied) && this.#layers.get(layerId) === features) {
					this.#layers.delete(layerId);
				}
			});
			this.onrestart?.(lost);
		});
	}

	#call(body: Body): Promise<unknown> {
		return new Promise((resolve, reject) => {
			let worker: Worker;
			try {
				worker = this.#live();
			} catch (err) {
				reject(err as Error);
				return;
			}
			const id = this.#next++;
			this.#waiting.set(id, { resolve, reject });
			worker.postMessage({ ...body, id });
		});
	}

	/** Adds or replaces a layer from its features Blob (cheap to post: the worker reads it). */
	async set(layerId: string, features: Blob): Promise<void> {
		await this.#call({ type: 'set', layerId, features });
		this.#layers.set(layerId, features);
	}

	async remove(layerId: string): Promise<void> {
		this.#layers.delete(layerId);
		await this.#call({ type: 'remove', layerId });
	}

	async order(layerIds: string[]): Promise<void> {
		this.#order = [...layerIds];
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

	/** Where an imported feature is (its bounds), or null if unknown. */
	place(featureId: string): Promise<FeaturePlace | null> {
		return this.#call({ type: 'place', featureId }) as Promise<FeaturePlace | null>;
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
