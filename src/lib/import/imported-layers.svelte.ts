/**
 * The imported layers of this browser: their legend settings (name, colour, shown or not) as
 * runes, their features as Blobs joined into one FeatureCollection for the map's single
 * imported source, and every change written to IndexedDB at once.
 */
import { LIMITS } from './limits.ts';
import { nextColour, safeColour } from './palette.ts';
import { deleteLayer, loadLayers, saveLayer, type ImportedLayerRecord } from './store.ts';
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
	/** Object URL of all layers' features as one FeatureCollection; null when there are none. */
	dataUrl = $state<string | null>(null);
	/** Set when IndexedDB could not be read or written, in words for the user. */
	storageError = $state<string | null>(null);
	loaded = $state(false);
	#blobs = new Map<string, Blob>();

	/** Reads the layers kept in this browser. */
	async load(): Promise<void> {
		try {
			const records = await loadLayers();
			for (const r of records) this.#blobs.set(r.id, r.features);
			this.layers = records.map(({ features: _features, ...meta }) => ({
				...meta,
				colour: safeColour(meta.colour) ?? nextColour([])
			}));
			this.#rebuild();
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
		this.#blobs.set(id, parsed.features);
		this.layers = [...this.layers, meta];
		this.#rebuild();
		await this.#save(meta);
		return meta;
	}

	async remove(id: string): Promise<void> {
		this.layers = this.layers.filter((l) => l.id !== id);
		this.#blobs.delete(id);
		this.#rebuild();
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

	/** One FeatureCollection of every layer, joined as Blobs: no feature is parsed on this thread. */
	#rebuild(): void {
		const old = this.dataUrl;
		const parts: BlobPart[] = ['{"type":"FeatureCollection","features":['];
		let first = true;
		for (const layer of this.layers) {
			const blob = this.#blobs.get(layer.id);
			if (!blob || blob.size === 0) continue;
			if (!first) parts.push(',');
			parts.push(blob);
			first = false;
		}
		parts.push(']}');
		this.dataUrl = first
			? null
			: URL.createObjectURL(new Blob(parts, { type: 'application/geo+json' }));
		// The map has been handed the new URL before the old one goes (see map-layers.ts).
		if (old) setTimeout(() => URL.revokeObjectURL(old), 60_000);
	}
}

function describe(err: unknown): string {
	return err instanceof Error ? err.message : String(err);
}
