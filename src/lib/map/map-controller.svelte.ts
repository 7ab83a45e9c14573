/**
 * Owns the map instance for everything outside MapView. Components ask the controller to move
 * the camera; only MapView creates the map and only the sync step changes its layers.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { Camera } from '../state/camera.ts';
import type { NamedView } from './views.ts';

export type MapStatus = 'loading' | 'idle' | 'error';

export class MapController {
	map = $state.raw<MapLibreMap | null>(null);
	status = $state<MapStatus>('loading');
	/** Why the map could not start, in words for the user. */
	error = $state<string | null>(null);
	/** The camera to use when the map starts, or was asked for before it existed. */
	initialView = $state.raw<NamedView | Camera | null>(null);

	constructor(initialView: NamedView | Camera | null = null) {
		this.initialView = initialView;
	}

	goTo(view: NamedView): void {
		if (!this.map) {
			this.initialView = view;
			return;
		}
		const reduceMotion = matchMedia('(prefers-reduced-motion: reduce)').matches;
		this.map.fitBounds(view.bounds, { padding: 24, duration: reduceMotion ? 0 : 900 });
	}
}
