/**
 * The imported layers of this browser: their legend settings (name, colour, shown or not) as
 * runes, their features as Blobs handed to the imported-tiles worker (which parses them and cuts
 * the map's tiles, so the features never reach this thread), and every change written to
 * IndexedDB at once.
 */
import { LIMITS } from './limits.ts';
import { nextColour, safeColour } from './palette.ts';
import { deleteLayer, loadLayers, saveLayer, type ImportedLayerRecord } from './store.ts';
import {
	importedTiles,
	registerTileProtocol,
	tileTemplate,
	type LostLayers
} from './tiles-client.ts';
import type { ImportIssue, ParsedLayer } from './types.ts';

export type ImportedLayer = Omit<ImportedLayerRecord, 'features'>;

/** A fresh layer id: short, lower-case letters and digits, so it is safe in a link. */
export function newLayerId(): string {
	const bytes = crypto.getRandomValues(new Uint8Array(6));
	return (
		Array.from(bytes, (b) => (b % 36).toString(36)).join('') + Date.now().toString(36).slice(-4)
	);
}

export class ImportedLayers {
	layers = $state<ImportedLayer[]>([]);
	/**
	 * Tile address template of the imported features (`atlas-imported://{z}/{x}/{y}?v=n`); it
	 * changes whenever the tiles do (a layer added or removed), so the map fetches them again.
	 * Null when no layer is imported or the tiles are not ready yet.
	 */
	tiles = $state<string | null>(null);
	/** Set when IndexedDB could not be read or written, in words for the user. */
	storageError = $state<string | null>(null);
	/** Set when a layer could not be prepared for the map, in words for the user. */
	mapError = $state<string | null>(null);
	loaded = $state(false);
	#blobs = new Map<string, Blob>();
	#generation = 0;

	/** Reads the layers kept in this browser. */
	async load(): Promise<void> {
		this.#followRestarts();
		try {
			const records = await loadLayers();
			for (const r of records) this.#blobs.set(r.id, r.features);
			this.layers = records.map(({ features: _features, ...meta }) => ({
				...meta,
				colour: safeColour(meta.colour) ?? nextColour([])
			}));
			await Promise.all(records.map((r) => this.#toTiles(r.id, r.features)));
			await this.#publish();
		} catch (err) {
			this.storageError = `Imported layers could not be read from this browser's storage (${describe(err)}).`;
		} finally {
			this.loaded = true;
		}
	}

	get ids(): string[] {
		return this.layers.map((l) => l.id);
	}

	get visibleLayers(): ImportedLayer[] {
		return this.layers.filter((l) => l.visible);
	}

	get(id: string): ImportedLayer | undefined {
		return this.layers.find((l) => l.id === id);
	}

	/** The layer a map feature id (`<layer>:<n>`) belongs to. */
	layerOfFeature(featureId: string): ImportedLayer | undefined {
		const layerId = featureId.split(':')[0] ?? '';
		return featureId.includes(':') ? this.get(layerId) : undefined;
	}

	canAdd(): boolean {
		return this.layers.length < LIMITS.maxLayers;
	}

	async add(id: string, fileName: string, parsed: ParsedLayer, warnings: ImportIssue[]) {
		const meta: ImportedLayer = {
			id,
			name: fileName,
			fileName,
			importedAt: new Date().toISOString(),
			colour: nextColour(this.layers.map((l) => l.colour)),
			visible: true,
			format: parsed.format,
			featureCount: parsed.featureCount,
			counts: parsed.counts,
			bbox: parsed.bbox as [number, number, number, number],
			warnings,
			order: Math.max(0, ...this.layers.map((l) => l.order + 1))
		};
		this.#followRestarts();
		this.#blobs.set(id, parsed.features);
		this.layers = [...this.layers, meta];
		await Promise.all([this.#save(meta), this.#toTiles(id, parsed.features)]);
		await this.#publish();
		return meta;
	}

	async remove(id: string): Promise<void> {
		this.layers = this.layers.filter((l) => l.id !== id);
		this.#blobs.delete(id);
		try {
			await importedTiles().remove(id);
			await this.#publish();
		} catch (err) {
			this.mapError = `The layer could not be taken off the map (${describe(err)}); reload the page.`;
		}
		try {
			await deleteLayer(id);
		} catch (err) {
			this.storageError = `The layer was removed from the map but not from this browser's storage (${describe(err)}).`;
		}
	}

	async update(id: string, change: Partial<Pick<ImportedLayer, 'name' | 'colour' | 'visible'>>) {
		const colour = change.colour === undefined ? undefined : safeColour(change.colour);
		const name = change.name?.trim();
		const layer = this.get(id);
		if (!layer) return;
		const next: ImportedLayer = {
			...layer,
			...(name ? { name: name.slice(0, 200) } : {}),
			...(colour ? { colour } : {}),
			...(change.visible === undefined ? {} : { visible: change.visible })
		};
		this.layers = this.layers.map((l) => (l.id === id ? next : l));
		await this.#save(next);
	}

	async #save(meta: ImportedLayer): Promise<void> {
		const features = this.#blobs.get(meta.id);
		if (!features) return;
		try {
			await saveLayer({ ...$state.snapshot(meta), features });
			this.storageError = null;
		} catch (err) {
			this.storageError = `This layer is shown but could not be kept in this browser's storage, so it will be gone after a reload (${describe(err)}).`;
		}
	}

	/**
	 * When the tiles worker died and a fresh one was given the layers back, the map fetches every
	 * tile again (those asked of the dead worker failed and show nothing), and the user is told of
	 * any layer the fresh worker could not take back.
	 */
	#followRestarts(): void {
		importedTiles().onrestart = (lost: LostLayers) => {
			const names = [...lost.keys()]
				.map((id) => this.get(id))
				.filter((l) => l !== undefined)
				.map((l) => `“${l.name}”`);
			if (names.length > 0) {
				const reason = [...new Set(lost.values())].join('; ');
				this.mapError = `The imported layers had to be read again after a failure, and ${names.join(', ')} could not be (${reason}). ${names.length === 1 ? 'It is' : 'They are'} missing from the map; reload the page to try again.`;
			}
			void this.#publish().catch(() => undefined);
		};
	}

	/** Hands a layer's features to the tiles worker, which parses them off this thread. */
	async #toTiles(id: string, features: Blob): Promise<void> {
		try {
			await importedTiles().set(id, features);
		} catch (err) {
			this.mapError = `A layer could not be drawn (${describe(err)}).`;
		}
	}

	/** Points the map at the tiles as they are now (or at nothing when no layer is left). */
	async #publish(): Promise<void> {
		if (this.layers.length === 0) {
			this.tiles = null;
			return;
		}
		await registerTileProtocol();
		await importedTiles().order(this.ids);
		this.#generation += 1;
		this.tiles = tileTemplate(this.#generation);
	}
}

function describe(err: unknown): string {
	return err instanceof Error ? err.message : String(err);
}
