/**
 * Owns the map instance for everything outside MapView. Components ask the controller to move
 * the camera; only MapView creates the map and only the sync step changes its layers.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { Camera } from '../state/camera.ts';
import { safePadding } from '../state/framing.ts';
import type { NamedView } from './views.ts';

export type MapStatus = 'loading' | 'idle' | 'error';

export class MapController {
	map = $state.raw<MapLibreMap | null>(null);
	status = $state<MapStatus>('loading');
	/** Why the map could not start, in words for the user. */
	error = $state<string | null>(null);
	/**
	 * Where the map is, once the user (or a view button) has moved it; null while it still shows
	 * the start view, so an untouched map gives a link without a position.
	 */
	camera = $state.raw<Camera | null>(null);

	/** The camera to use when the map starts, or was asked for before it existed. */
	initialView = $state.raw<NamedView | Camera | null>(null);

	/**
	 * Space over the map that controls cover (the legend), so framed views stay clear of it.
	 */
	padding = $state.raw({ top: 48, right: 48, bottom: 48, left: 48 });

	constructor(initialView: NamedView | Camera | null = null) {
		this.initialView = initialView;
	}

	goTo(view: NamedView): void {
		if (!this.map) {
			this.initialView = view;
			return;
		}
		this.fit(view.bounds, 8, this.paddingFor(view));
	}

	/** The padding to frame a view with: the panels' padding, and the view's own least padding. */
	paddingFor(view: NamedView): MapController['padding'] {
		const left = Math.max(this.padding.left, view.minPadding?.left ?? 0);
		return { ...this.padding, left };
	}

	/** Frames the bounds, with a short move (none when the user asks for reduced motion). */
	fit(bounds: NamedView['bounds'], maxZoom = 8, padding = this.padding): void {
		if (!this.map) {
			this.initialView = { id: 'overview', label: '', bounds };
			return;
		}
		const reduceMotion = matchMedia('(prefers-reduced-motion: reduce)').matches;
		const canvas = this.map.getCanvas();
		this.map.fitBounds(bounds, {
			padding: safePadding(padding, {
				width: canvas.clientWidth,
				height: canvas.clientHeight
			}),
			maxZoom,
			duration: reduceMotion ? 0 : 900
		});
	}

	/** Where the map is and what it shows, for exports; null without a map. */
	snapshot(): {
		center: [number, number];
		zoom: number;
		bearing: number;
		viewport: { width: number; height: number };
		bounds: [[number, number], [number, number]];
	} | null {
		const map = this.map;
		if (!map) return null;
		const c = map.getCenter();
		const b = map.getBounds();
		const canvas = map.getCanvas();
		return {
			center: [c.lng, c.lat],
			zoom: map.getZoom(),
			bearing: map.getBearing(),
			viewport: { width: canvas.clientWidth, height: canvas.clientHeight },
			bounds: [
				[b.getWest(), b.getSouth()],
				[b.getEast(), b.getNorth()]
			]
		};
	}

	/** Moves to a camera at once, e.g. when Back restores an earlier view. */
	jumpTo(camera: Camera): void {
		if (!this.map) {
			this.initialView = camera;
			return;
		}
		this.map.jumpTo({ center: camera.center, zoom: camera.zoom, bearing: camera.bearing ?? 0 });
	}

	/**
	 * Centres on a point at a zoom level, e.g. a searched place or a briefing step: a smooth but
	 * short move, or none when the user asks for reduced motion.
	 */
	flyTo(center: [number, number], zoom: number, bearing = 0, pitch = 0): void {
		if (!this.map) {
			this.initialView = { center, zoom };
			return;
		}
		const reduceMotion = matchMedia('(prefers-reduced-motion: reduce)').matches;
		this.map.flyTo({ center, zoom, bearing, pitch, duration: reduceMotion ? 0 : 1200 });
	}
}
