/**
 * What the user is looking at: visible layers, the selected and hovered feature. One instance
 * per page; components read it and call its methods, and the map follows it through MapView.
 */
import { SvelteSet } from 'svelte/reactivity';
import { indexDataset, type EvidenceIndex } from '../data/evidence.ts';
import { CATEGORY_IDS, type CategoryId, type Dataset } from '../data/schema.ts';

export class AtlasState {
	readonly index: EvidenceIndex;
	/** Categories whose layers are shown. */
	readonly visible = new SvelteSet<CategoryId>(CATEGORY_IDS);
	selectedId = $state<string | null>(null);
	hoveredId = $state<string | null>(null);
	/** Other features under the last map click, offered in the panel ("Also here"). */
	alsoHere = $state.raw<string[]>([]);

	constructor(dataset: Dataset) {
		this.index = indexDataset(dataset);
	}

	get selected() {
		return this.selectedId ? (this.index.features.get(this.selectedId) ?? null) : null;
	}

	select(id: string | null, alsoHere: string[] = []): void {
		this.selectedId = id && this.index.features.has(id) ? id : null;
		this.alsoHere = this.selectedId ? alsoHere.filter((a) => a !== this.selectedId) : [];
	}

	setVisible(category: CategoryId, on: boolean): void {
		if (on) this.visible.add(category);
		else this.visible.delete(category);
	}
}
