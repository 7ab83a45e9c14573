/**
 * What the user is looking at: visible layers, time, claimant and confidence filters, the
 * selected and hovered feature. One instance per page; components read it and call its methods,
 * the map follows it through MapView, and the URL mirrors it (see toView / applyView).
 */
import { SvelteSet } from 'svelte/reactivity';
import { indexDataset, type EvidenceIndex } from '../data/evidence.ts';
import type { CredibilityGrade } from '../data/map-features.ts';
import { CATEGORY_IDS, type CategoryId } from '../data/vocabulary.ts';
import type { Briefing, BriefingStep, Dataset } from '../data/schema.ts';
import type { Camera } from './camera.ts';
import { normalizeFilters, type FilterState } from './filter-state.ts';
import { countShown, type ShownCount } from './filters.ts';
import {
	combinedFilter,
	fadeOpacity,
	featureTimeState,
	knownOn,
	MAP_DAY_STATE,
	mapGlobalState,
	mapTimeQuery,
	selectionFromBriefing,
	type FeatureTimeState,
	type KnownOn,
	type TimeSelection
} from './time.ts';
import type { BriefingPosition, ViewState } from './url-state.ts';

export class AtlasState {
	readonly index: EvidenceIndex;
	/** Categories whose layers are shown. */
	readonly visible = new SvelteSet<CategoryId>(CATEGORY_IDS);
	/** Null: all time, nothing filtered by date. */
	time = $state.raw<TimeSelection | null>(null);
	/** Claimant ids; empty means every claimant. */
	claimants = $state.raw<string[]>([]);
	/** Admiralty credibility: keep features with a claim graded this or better. 6 keeps all. */
	minCredibility = $state<CredibilityGrade>(6);
	selectedId = $state<string | null>(null);
	hoveredId = $state<string | null>(null);
	/** Other features under the last map click, offered in the panel ("Also here"). */
	alsoHere = $state.raw<string[]>([]);
	/**
	 * The "Unlocated reporting" panel (claims for Russia as a whole, a wider area or no place) is
	 * open in place of the feature list; part of the view, so a link can open it.
	 */
	unlocatedOpen = $state(false);
	/** The briefing being presented, if any. */
	briefing = $state.raw<BriefingPosition | null>(null);

	constructor(dataset: Dataset) {
		this.index = indexDataset(dataset);
	}

	get dataset(): Dataset {
		return this.index.dataset;
	}

	get selected() {
		return this.selectedId ? (this.index.features.get(this.selectedId) ?? null) : null;
	}

	/** The filters as the evidence logic takes them. */
	get filters(): FilterState {
		return normalizeFilters({
			categories: [...this.visible],
			claimants: this.claimants,
			minCredibility: this.minCredibility
		});
	}

	/**
	 * The filters the map applies (categories are left to layer visibility). With MAP_DAY_STATE
	 * the day is the map's global state, and a step along the timeline changes `mapState` alone.
	 */
	get mapQuery() {
		return mapTimeQuery(this.time, this.filters, { dayState: MAP_DAY_STATE });
	}

	/** The MapLibre filter and opacity factor for the deployment layers, and the state they read. */
	readonly mapFilter = $derived(combinedFilter(this.mapQuery));
	readonly mapFade = $derived(fadeOpacity(this.mapQuery));
	readonly mapState = $derived(mapGlobalState(this.mapQuery));

	/** Which features the list shows ("12 of 14 features shown"). */
	readonly shown: ShownCount = $derived(countShown(this.dataset, this.filters, this.time));

	/** How one feature stands at the chosen time, with reasons in words. */
	timeStateOf(id: string): FeatureTimeState {
		return featureTimeState(this.dataset, id, this.time, this.filters);
	}

	/** What was known about a feature on the chosen day, in "as reported by" mode. */
	knownOf(id: string): KnownOn | null {
		return this.time?.mode === 'reported-by' ? knownOn(this.dataset, id, this.time.day) : null;
	}

	select(id: string | null, alsoHere: string[] = []): void {
		this.selectedId = id && this.index.features.has(id) ? id : null;
		this.alsoHere = this.selectedId ? alsoHere.filter((a) => a !== this.selectedId) : [];
	}

	setVisible(category: CategoryId, on: boolean): void {
		if (on) this.visible.add(category);
		else this.visible.delete(category);
	}

	/** The briefing being presented and its current step, or null. */
	get briefingStep(): { briefing: Briefing; step: BriefingStep; index: number } | null {
		const at = this.briefing;
		const briefing = at ? this.dataset.briefings.find((b) => b.id === at.id) : undefined;
		const step = at ? briefing?.steps[at.stepIndex] : undefined;
		return briefing && step && at ? { briefing, step, index: at.stepIndex } : null;
	}

	/** Shows a briefing step: its layers, time and selection, with no other filters. */
	#applyStep(step: BriefingStep): void {
		const layers = new Set(step.layers);
		for (const c of CATEGORY_IDS) this.setVisible(c, layers.has(c));
		this.time = selectionFromBriefing(step.time);
		this.claimants = [];
		this.minCredibility = 6;
		this.select(step.selected);
	}

	/**
	 * The one way the briefing position changes: the step's layers, time and selection change
	 * with it, in one go, so the address records one history entry per step (Back goes to the
	 * step before, not to a half-applied one). The step index is clamped to the briefing's steps;
	 * an unknown briefing, like null, leaves the briefing. Returns whether a step is shown.
	 */
	#present(at: BriefingPosition | null): boolean {
		const briefing = at && this.dataset.briefings.find((b) => b.id === at.id);
		if (!at || !briefing) {
			this.briefing = null;
			return false;
		}
		const stepIndex = Math.max(0, Math.min(briefing.steps.length - 1, at.stepIndex));
		this.briefing = { id: briefing.id, stepIndex };
		this.#applyStep(briefing.steps[stepIndex]!);
		return true;
	}

	/** Moves to a step of the current briefing (clamped to its steps), or leaves with null. */
	goToStep(index: number | null): void {
		const current = this.briefing;
		this.#present(index === null || !current ? null : { id: current.id, stepIndex: index });
	}

	/** Starts presenting a briefing at its first step; false when there is no such briefing. */
	startBriefing(id: string): boolean {
		return this.#present({ id, stepIndex: 0 });
	}

	/** The view as the URL codec describes it; the camera comes from the map controller. */
	toView(camera: Camera | null): ViewState {
		const filters = this.filters;
		return {
			...filters,
			camera,
			time: this.time,
			selected: this.selectedId,
			unlocated: this.unlocatedOpen,
			briefing: this.briefing
		};
	}

	/** Applies the parts of a view that a link or history entry gives. */
	applyView(view: Partial<ViewState>): void {
		if (view.categories) {
			const wanted = new Set(view.categories);
			for (const c of CATEGORY_IDS) this.setVisible(c, wanted.has(c));
		}
		if (view.time !== undefined) this.time = view.time;
		if (view.claimants) this.claimants = view.claimants;
		if (view.minCredibility !== undefined) this.minCredibility = view.minCredibility;
		if (view.selected !== undefined) this.select(view.selected);
		if (view.unlocated !== undefined) this.unlocatedOpen = view.unlocated;
		// Last: a briefing step sets layers, time and selection over what the link gave.
		if (view.briefing !== undefined) this.#present(view.briefing);
	}
}
